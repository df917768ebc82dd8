package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.procurement.SupplierAccounts;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.infrastructure.persistence.DatabaseOutage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The signed-in supplier for this request: a caller of the {@value Supplier#GROUP} group whose
 * account is still there and enabled. Staff are never suppliers here, and {@link CurrentStaff}
 * never takes a supplier for staff.
 */
@Named
@RequestScoped
public class CurrentSupplier {

    @Inject
    SecurityContext securityContext;

    @Inject
    SupplierAccounts accounts;

    private Optional<Supplier> supplier;

    public Optional<Supplier> supplier() {
        if (supplier == null) {
            Principal principal = securityContext.getCallerPrincipal();
            supplier = principal == null || !securityContext.isCallerInRole(Supplier.GROUP)
                    ? Optional.empty()
                    : accounts.find(principal.getName()).filter(Supplier::enabled);
        }
        return supplier;
    }

    /** The acting supplier; {@link AccessDeniedException} when no (enabled) supplier is signed in. */
    public Supplier require() {
        return supplier().orElseThrow(() -> new AccessDeniedException("supplier sign-in required"));
    }

    /** For the layout, which must render even while the database cannot be read: then signed in by the session alone. */
    public boolean isSignedIn() {
        try {
            return supplier().isPresent();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                throw e;
            }
            return securityContext.getCallerPrincipal() != null && securityContext.isCallerInRole(Supplier.GROUP);
        }
    }

    public String getUsername() {
        if (!isSignedIn()) {
            return null;
        }
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    public String getBusinessName() {
        return supplier().map(Supplier::businessName).orElse(null);
    }

    public String getRegistrationNumber() {
        return supplier().map(s -> s.registrationNumber().value()).orElse(null);
    }
}
