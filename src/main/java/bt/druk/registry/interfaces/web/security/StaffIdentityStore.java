package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.staff.DemoStaffSeeder;
import bt.druk.registry.application.staff.StaffAccountService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Jakarta Security identity store backed by the staff accounts in the portal database
 * (PBKDF2 password hashes). Groups: the role code, plus {@code clerk-<register>} for clerks.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    StaffAccountService accounts;

    @Inject
    DemoStaffSeeder seeder;

    /** The request being authenticated (the container's built-in bean): its client address keys the throttle. */
    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        if (username == null || username.isBlank() || username.length() > 64) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        seeder.ensureSeeded();
        return accounts.authenticate(username, login.getPassword().getValue().clone(), request.getRemoteAddr())
                .map(signIn -> new CredentialValidationResult(signIn.member().username(), signIn.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
