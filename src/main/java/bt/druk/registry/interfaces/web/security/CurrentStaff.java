package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The signed-in staff member for this request, built from the security identity and the staff
 * account table. This is what backing beans pass to the application services. A signed-in supplier
 * (group {@value bt.druk.registry.domain.procurement.Supplier#GROUP}) is nobody here, also while the database cannot be read: see
 * {@link CurrentSupplier}.
 */
@Named
@RequestScoped
public class CurrentStaff {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaffAccountService accounts;

    /** The request being served (the container's built-in bean). */
    @Inject
    HttpServletRequest request;

    private Optional<StaffMember> member;
    /** The database failure of this request's look-up: asked once, not again by every expression of the page. */
    private RuntimeException lookUpFailure;

    public Optional<StaffMember> member() {
        if (lookUpFailure != null) {
            throw lookUpFailure;
        }
        if (member == null) {
            Principal principal = staffPrincipal();
            try {
                member = principal == null ? Optional.empty() : accounts.member(principal.getName());
            } catch (RuntimeException e) {
                lookUpFailure = e;
                throw e;
            }
        }
        return member;
    }

    /** The acting staff member; {@link AccessDeniedException} when nobody (or a disabled account) is signed in. */
    public StaffMember require() {
        return member().orElseThrow(() -> new AccessDeniedException("sign-in required"));
    }

    /** For the layout, which must render even while the database cannot be read: then signed in by the session alone. */
    public boolean isSignedIn() {
        return unlessDatabaseDown(() -> member().isPresent(), () -> staffPrincipal() != null);
    }

    public String getUsername() {
        return unlessDatabaseDown(() -> member().map(StaffMember::username).orElse(null), () -> {
            Principal principal = staffPrincipal();
            return principal == null ? null : principal.getName();
        });
    }

    public String getRoleLabel() {
        return shownMember().map(m -> m.role() == Role.CLERK
                ? m.role().code() + " · " + m.register().code() + " · " + m.office()
                : m.role().code()).orElse("");
    }

    /** The member for what a page shows around its content (menu, role): nobody while the database cannot be read. */
    public Optional<StaffMember> shownMember() {
        return unlessDatabaseDown(this::member, Optional::empty);
    }

    private static <T> T unlessDatabaseDown(Supplier<T> fromAccount, Supplier<T> fromSession) {
        try {
            return fromAccount.get();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            return fromSession.get();
        }
    }

    /**
     * After the signed-in member changed their own password: this session stays signed in under
     * the new stamp (and a new session id), while every other session of the account ends at its
     * next request ({@link StaffAuthenticationMechanism}).
     */
    public void keepThisSessionAfterOwnChange() {
        SignedInCaller caller = SignedInCaller.of(request.getSession(false));
        if (caller == null) {
            return;
        }
        accounts.credentialStamp(caller.name()).ifPresent(stamp -> StaffAuthenticationMechanism.renewedSession(request)
                .setAttribute(SignedInCaller.ATTRIBUTE, new SignedInCaller(caller.name(), caller.groups(), stamp)));
    }

    /** The caller, unless nobody or a supplier is signed in. */
    private Principal staffPrincipal() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null || securityContext.isCallerInRole(bt.druk.registry.domain.procurement.Supplier.GROUP) ? null : principal;
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

    /** Administrators manage staff accounts (/admin/*, guarded in web.xml for the same role). */
    public boolean isAdmin() {
        return member().map(m -> m.role() == Role.ADMIN).orElse(false);
    }

    /** Land clerks, inspectors and admins may see full land titles and print the owner's lagthram. */
    public boolean isLandStaff() {
        return member().map(m -> m.isClerkOf(Register.LAND) || m.role() == Role.INSPECTOR || m.role() == Role.ADMIN)
                .orElse(false);
    }
}
