package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The signed-in staff member for this request, built from the security identity and the staff
 * account table. This is what backing beans pass to the application services.
 */
@Named
@RequestScoped
public class CurrentStaff {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaffAccountService accounts;

    private Optional<StaffMember> member;

    public Optional<StaffMember> member() {
        if (member == null) {
            Principal principal = securityContext.getCallerPrincipal();
            member = principal == null ? Optional.empty() : accounts.member(principal.getName());
        }
        return member;
    }

    /** The acting staff member; {@link AccessDeniedException} when nobody (or a disabled account) is signed in. */
    public StaffMember require() {
        return member().orElseThrow(() -> new AccessDeniedException("sign-in required"));
    }

    public boolean isSignedIn() {
        return member().isPresent();
    }

    public String getUsername() {
        return member().map(StaffMember::username).orElse(null);
    }

    public String getRoleLabel() {
        return member().map(m -> m.role() == Role.CLERK
                ? m.role().code() + " · " + m.register().code() + " · " + m.office()
                : m.role().code()).orElse("");
    }

    public boolean isLandClerk() {
        return member().map(m -> m.isClerkOf(Register.LAND)).orElse(false);
    }

    public boolean isNotaryClerk() {
        return member().map(m -> m.isClerkOf(Register.NOTARY)).orElse(false);
    }

    public boolean isProcurementClerk() {
        return member().map(m -> m.isClerkOf(Register.PROCUREMENT)).orElse(false);
    }

    /** Land clerks, inspectors and admins may see full land titles and print the owner's lagthram. */
    public boolean isLandStaff() {
        return member().map(m -> m.isClerkOf(Register.LAND) || m.role() == Role.INSPECTOR || m.role() == Role.ADMIN)
                .orElse(false);
    }
}
