package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.domain.staff.CredentialStamp;
import java.util.Optional;

/**
 * What a user name's sign-in rests on now ({@link CredentialStamp}), staff or supplier; empty when
 * the account is unknown or disabled. The API's credential cache asks this on every request
 * ({@link VerifiedCredentials}); {@link StaffIdentityStore} answers.
 */
@FunctionalInterface
public interface CredentialStamps {

    Optional<CredentialStamp> of(String username);
}
