package bt.druk.registry.interfaces.web.security;

import bt.druk.registry.application.procurement.SupplierAccounts;
import bt.druk.registry.application.staff.DemoStaffSeeder;
import bt.druk.registry.application.staff.StaffAccountService;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import bt.druk.registry.domain.procurement.Supplier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Jakarta Security identity store backed by the staff and supplier accounts in the portal database
 * (PBKDF2 password hashes). Groups: the role code, plus {@code clerk-<register>} for clerks; only
 * {@value Supplier#GROUP} for a supplier.
 *
 * <p>One store for both, not two: with two, every sign-in of one kind would first fail in the other
 * store and be counted twice by the sign-in throttle (and derive a hash twice). A user name is
 * unique among staff and suppliers together; a name that is a supplier's and no staff member's
 * signs in as that supplier, every other name (unknown ones included) goes the staff way.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore, CredentialStamps {

    @Inject
    StaffAccountService accounts;

    @Inject
    SupplierAccounts suppliers;

    @Inject
    DemoStaffSeeder seeder;

    /** The request being authenticated (the container's built-in bean): its client's address keys the throttle. */
    @Inject
    HttpServletRequest request;

    @Inject
    ClientConnections clients;

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
        String client = clients.address(request);
        if (signsInAsSupplier(username)) {
            return suppliers.authenticate(username, login.getPassword().getValue().clone(), client)
                    .map(supplier -> new CredentialValidationResult(supplier.username(), Set.of(Supplier.GROUP)))
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        }
        return accounts.authenticate(username, login.getPassword().getValue().clone(), client)
                .map(signIn -> new CredentialValidationResult(signIn.member().username(), signIn.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * The account's stamp now, staff or supplier. A name is a staff member's or a supplier's, never
     * both, so the supplier is asked only when no enabled staff account has it: one read for staff.
     */
    @Override
    public Optional<CredentialStamp> of(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        return accounts.credentialStamp(username).or(() -> suppliers.credentialStamp(username));
    }

    /** Whether {@code username} is a supplier's (and no staff member's): the one rule for which way a name signs in. */
    public boolean signsInAsSupplier(String username) {
        return accounts.account(username).isEmpty() && suppliers.isSupplier(username);
    }
}
