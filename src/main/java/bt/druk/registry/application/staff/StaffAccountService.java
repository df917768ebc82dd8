package bt.druk.registry.application.staff;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Staff accounts: sign-in checks, the acting staff member, account creation, disabling and password changes. */
@ApplicationScoped
public class StaffAccountService {

    private static final Logger LOG = Logger.getLogger(StaffAccountService.class.getName());
    /** Hash of a random password, verified against when the user name is unknown, so timing does not reveal it. */
    private volatile String dummyHash;

    private StaffAccountRepository repository;
    private PasswordHasher hasher;
    private SignInThrottle throttle;
    private StaffActivity activity;

    protected StaffAccountService() {
    }

    @Inject
    public StaffAccountService(StaffAccountRepository repository, PasswordHasher hasher, SignInThrottle throttle,
                               StaffActivity activity) {
        this.repository = repository;
        this.hasher = hasher;
        this.throttle = throttle;
        this.activity = activity;
    }

    /** Outcome of a sign-in attempt. */
    public record SignIn(StaffMember member, Set<String> groups) {
    }

    /**
     * Checks a user name and password. Empty when unknown, disabled, wrong or locked after too many
     * failures (callers must not say which, except through {@link #signInLockedFor(String, String)}).
     * The password array is wiped afterwards. Failures are counted per user name at this client
     * ({@link SignInThrottle}); every attempt goes into the staff activity log.
     *
     * <p>Not one transaction: the account is only read here (no connection held during the
     * deliberately slow hash check), and the sign-in time is noted afterwards in a transaction of
     * its own whose failure is logged, never turned into a refusal.
     */
    public Optional<SignIn> authenticate(String username, char[] password, String client) {
        String name = StaffAccount.normaliseUsername(username);
        try {
            if (throttle.lockedFor(name, client).isPresent()) {
                LOG.warning(() -> "sign-in refused, too many failures: " + name + " from " + client);
                activity.signInThrottled(name, client);
                return Optional.empty();
            }
            Optional<StaffAccount> found = repository.findByUsername(name);
            if (found.isEmpty() || !found.get().enabled()) {
                hasher.verify(password, dummyHash());
                failed(name, client);
                return Optional.empty();
            }
            StaffAccount account = found.get();
            if (!hasher.verify(password, account.passwordHash())) {
                LOG.info(() -> "failed sign-in for staff user " + account.username() + " from " + client);
                failed(name, client);
                return Optional.empty();
            }
            throttle.succeeded(name, client);
            activity.signedIn(account.username(), client);
            recordSignIn(account.username());
            return Optional.of(new SignIn(account.toStaffMember(), account.groups()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void failed(String name, String client) {
        throttle.failed(name, client);
        activity.signInFailed(name, client);
    }

    private void recordSignIn(String username) {
        try {
            repository.recordSignIn(username, Instant.now(Clock.systemUTC()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "could not note the sign-in time of " + username + "; sign-in goes on");
        }
    }

    /** How long sign-in stays refused for this user name from this client after too many failures, if it is. */
    public Optional<Duration> signInLockedFor(String username, String client) {
        return username == null ? Optional.empty() : throttle.lockedFor(StaffAccount.normaliseUsername(username), client);
    }

    /** The staff member behind a signed-in user name (empty if the account vanished or was disabled). */
    @Transactional
    public Optional<StaffMember> member(String username) {
        return repository.findByUsername(StaffAccount.normaliseUsername(username))
                .filter(StaffAccount::enabled)
                .map(StaffAccount::toStaffMember);
    }

    @Transactional
    public Optional<StaffAccount> account(String username) {
        return repository.findByUsername(StaffAccount.normaliseUsername(username));
    }

    /** Creates an account; fails if the user name is taken. */
    @Transactional
    public StaffAccount create(String username, String displayName, Role role, Register register, String office,
                               char[] password) {
        if (repository.findByUsername(StaffAccount.normaliseUsername(username)).isPresent()) {
            throw new IllegalStateException("user name already taken: " + username);
        }
        try {
            StaffAccount account = new StaffAccount(username, displayName, role, register, office,
                    hasher.hash(password), true, Instant.now(Clock.systemUTC()), null);
            repository.save(account);
            return account;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * What a sign-in of this account rests on now ({@link CredentialStamp}); empty when there is no
     * such staff account or it is disabled. One read by user name: cheap enough for every API request.
     */
    @Transactional
    public Optional<CredentialStamp> credentialStamp(String username) {
        return repository.findByUsername(StaffAccount.normaliseUsername(username))
                .filter(StaffAccount::enabled)
                .map(account -> CredentialStamp.of(account.passwordHash()));
    }

    /**
     * Disables an account: no sign-in from now on, on the pages or through the API, where a password
     * found right earlier stops working at the next request ({@link #credentialStamp}).
     *
     * @throws IllegalArgumentException when there is no such account
     */
    @Transactional
    public void disable(String username) {
        StaffAccount account = existing(username);
        account.disable();
        repository.save(account);
        LOG.info(() -> "staff account disabled: " + account.username());
    }

    /**
     * Gives an account a new password; the old one is refused from the next request on, through the
     * API too ({@link #credentialStamp}). The array is wiped.
     *
     * @throws IllegalArgumentException when there is no such account or the password is blank
     */
    @Transactional
    public void changePassword(String username, char[] newPassword) {
        try {
            if (newPassword == null || new String(newPassword).isBlank()) {
                throw new IllegalArgumentException("a password cannot be blank");
            }
            StaffAccount account = existing(username);
            account.changePasswordHash(hasher.hash(newPassword));
            repository.save(account);
            LOG.info(() -> "password changed for staff account " + account.username());
        } finally {
            if (newPassword != null) {
                Arrays.fill(newPassword, '\0');
            }
        }
    }

    private StaffAccount existing(String username) {
        return repository.findByUsername(StaffAccount.normaliseUsername(username))
                .orElseThrow(() -> new IllegalArgumentException("no staff account " + username));
    }

    @Transactional
    public long count() {
        return repository.count();
    }

    @Transactional
    public List<StaffAccount> all() {
        return repository.all();
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(java.util.UUID.randomUUID().toString().toCharArray());
            dummyHash = hash;
        }
        return hash;
    }
}
