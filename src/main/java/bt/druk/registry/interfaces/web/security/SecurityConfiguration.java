package bt.druk.registry.interfaces.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff roles, and {@code supplier} for the businesses that bid (a supplier has that one group and
 * no staff role). Sign-in is {@link StaffAuthenticationMechanism} with {@link StaffIdentityStore};
 * citizens never sign in.
 */
@DeclareRoles({"clerk", "clerk-land", "clerk-procurement", "clerk-notary", "inspector", "admin", "supplier"})
@ApplicationScoped
public class SecurityConfiguration {
}
