package bt.druk.registry.application.audit;

import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;

/** Who may inspect: inspectors and admins (the web constraint on /inspect/* says the same). */
final class Inspectors {

    private Inspectors() {
    }

    static void require(StaffMember member) {
        if (member == null || (member.role() != Role.INSPECTOR && member.role() != Role.ADMIN)) {
            throw new AccessDeniedException((member == null ? "nobody" : member.username()) + " is not an inspector");
        }
    }
}
