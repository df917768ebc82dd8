package bt.druk.registry.interfaces.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff roles. Sign-in is {@link StaffAuthenticationMechanism} with {@link StaffIdentityStore};
 * citizens never sign in.
 */
@DeclareRoles({"clerk", "clerk-land", "clerk-procurement", "clerk-notary", "inspector", "admin"})
@ApplicationScoped
public class SecurityConfiguration {
}
