package bt.druk.registry.interfaces.rest;

import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.interfaces.web.security.CurrentStaff;

/** The staff member an API request was sent by (HTTP Basic), or a 401 when none. */
final class StaffCaller {

    private StaffCaller() {
    }

    static StaffMember require(CurrentStaff staff) {
        return staff.member().orElseThrow(ApiProblem::unauthorized);
    }
}
