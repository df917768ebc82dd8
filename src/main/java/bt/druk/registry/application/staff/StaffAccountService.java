package bt.druk.registry.application.staff;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEvent.Kind;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.Base32;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.domain.staff.PasswordBlocklist;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.PasswordPolicy;
import bt.druk.registry.domain.staff.SecondFactor;
import bt.druk.registry.domain.staff.SetupGrant;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.domain.staff.Totp;
import bt.druk.registry.domain.staff.TotpSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Staff accounts: sign-in checks, the acting staff member, and the accounts' life (issue 26).
 *
 * <p>An administrator creates an account and gets a set-up link once ({@link #createAccount}); its
 * holder opens it ({@link #startSetup}), chooses a password under the {@link PasswordPolicy} and
 * proves a code of the offered TOTP secret ({@link #completeSetup}), and gets ten single-use
 * recovery codes, shown once. Administrators edit, disable and re-enable accounts and reset a lost
 * factor (a new set-up link that enrols a new factor only); holders change their own password.
 * Every one of these acts is a {@link StaffEvent} in the activity log inspectors read, committed
 * with the change. Seeding the demo users ({@link #create}, {@link #enrolDemoFactor}) keeps its given
 * passwords and enrols factors without a set-up link.
 */
@ApplicationScoped
public class StaffAccountService {

    private static final Logger LOG = Logger.getLogger(StaffAccountService.class.getName());
    /** Hash of a random password, verified against when the user name is unknown, so timing does not reveal it. */
    private volatile String dummyHash;

    private StaffAccountRepository repository;
    private PasswordHasher hasher;
    private SignInThrottle throttle;
    private StaffActivity activity;
    private PasswordPolicy policy;
    private Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Whether every staff account needs a second factor, not only administrators ({@link #secondFactorStep}). */
    private boolean factorForEveryone = true;

    /** How long a set-up link works. */
    public static final Duration SETUP_VALIDITY = Duration.ofHours(24);
    /** Recovery codes given at each enrolment. */
    public static final int RECOVERY_CODES = 10;
    /** Characters of a recovery code: 16 of Base32's 32, 80 random bits, safe to keep as a plain SHA-256. */
    private static final int RECOVERY_CODE_LENGTH = 16;
    /** Recovery codes given with a demo user's factor ({@link #enrolDemoFactor}): a few, for the logins file. */
    public static final int DEMO_RECOVERY_CODES = 3;

    protected StaffAccountService() {
    }

    @Inject
    public StaffAccountService(StaffAccountRepository repository, PasswordHasher hasher, SignInThrottle throttle,
                               StaffActivity activity, PasswordBlocklist blocklist, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.throttle = throttle;
        this.activity = activity;
        this.policy = new PasswordPolicy(blocklist);
        this.clock = clock;
    }

    /** Whether every account needs a second factor, as the portal's settings say. */
    @Inject
    void readSettings(SecondFactorPolicy policy) {
        factorForEveryone = policy.requiredOfEveryone();
    }

    /** For tests and tools that construct the service themselves. */
    public void requireSecondFactorOfEveryone(boolean required) {
        this.factorForEveryone = required;
    }

    /** What a sign-in whose password was right still needs. */
    public enum SecondFactorStep {
        /** Nothing: the password signs in (staff in demo mode without a factor, and every supplier). */
        NONE,
        /** A code of the enrolled factor. */
        CODE,
        /** A factor this account must have and has not enrolled: no sign-in until it has, through a set-up link. */
        ENROL_FIRST
    }

    /**
     * The second step of a staff member's sign-in: a code whenever a factor is enrolled; refused
     * without one for administrators always, and for everyone outside demo mode. {@link SecondFactorStep#NONE}
     * for a name that is no staff account (a supplier's).
     */
    @Transactional
    public SecondFactorStep secondFactorStep(String username) {
        Optional<StaffAccount> found = repository.findByUsername(StaffAccount.normaliseUsername(username));
        if (found.isEmpty()) {
            return SecondFactorStep.NONE;
        }
        StaffAccount account = found.get();
        if (account.secondFactor() != null) {
            return SecondFactorStep.CODE;
        }
        return account.role() == Role.ADMIN || factorForEveryone ? SecondFactorStep.ENROL_FIRST : SecondFactorStep.NONE;
    }

    /** How long wrong second-factor codes keep this account's codes refused, if they do. */
    public Optional<Duration> secondFactorLockedFor(String username) {
        return username == null ? Optional.empty() : throttle.factorLockedFor(StaffAccount.normaliseUsername(username));
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
                String logged = loggedName(name, repository.findByUsername(name).isPresent());
                LOG.warning(() -> "sign-in refused, too many failures: " + logged + " from " + client);
                activity.signInThrottled(logged, client);
                return Optional.empty();
            }
            Optional<StaffAccount> found = repository.findByUsername(name);
            if (found.isEmpty() || !found.get().enabled()) {
                hasher.verify(password, dummyHash());
                throttle.failed(name, client);
                activity.signInFailed(loggedName(name, found.isPresent()), client);
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

    /** A typed name as the activity log keeps it: only hashed when it matches no account (README, issue 26). */
    private static String loggedName(String name, boolean exists) {
        return exists ? name : StaffActivity.unknownName(name);
    }

    private void failed(String name, String client) {
        throttle.failed(name, client);
        activity.signInFailed(name, client);
    }

    private void recordSignIn(String username) {
        try {
            repository.recordSignIn(username, clock.instant());
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

    /**
     * Creates an account with a password chosen and hashed by the caller, not checked by the policy:
     * the demo seeder's path ({@link DemoStaffSeeder}, whose passwords scripts and tests know).
     * Administrators create accounts with {@link #createAccount}, whose holders choose their own password.
     */
    @Transactional
    public StaffAccount create(String username, String displayName, Role role, Register register, String office,
                               String passwordHash) {
        if (repository.findByUsername(StaffAccount.normaliseUsername(username)).isPresent()) {
            throw new IllegalStateException("user name already taken: " + username);
        }
        StaffAccount account = new StaffAccount(username, displayName, role, register, office,
                passwordHash, true, clock.instant(), null);
        repository.save(account);
        return account;
    }

    /** A demo account's enrolled factor: its key URI (holds the secret) and recovery codes, shown once. */
    public record DemoFactor(String keyUri, List<String> recoveryCodes) {
        public DemoFactor {
            Objects.requireNonNull(keyUri, "keyUri");
            recoveryCodes = List.copyOf(recoveryCodes);
        }

        /** Never the key URI or the codes: records print their fields. */
        @Override
        public String toString() {
            return "DemoFactor[" + recoveryCodes.size() + " recovery codes]";
        }
    }

    /**
     * Enrols a TOTP second factor with the given fresh secret on an account that has none, without
     * a code proving it and without a set-up link: the demo seeder's path only ({@link DemoStaffSeeder}
     * writes the key URI and codes to its private logins file). Real accounts enrol through
     * {@link #startSetup}/{@link #completeSetup}. Any code of the secret from now on is accepted once.
     *
     * @return the {@code otpauth://} key URI and {@value #DEMO_RECOVERY_CODES} recovery codes, to be shown once
     * @throws IllegalArgumentException when there is no such account
     * @throws IllegalStateException when the account has a second factor already
     */
    @Transactional
    public DemoFactor enrolDemoFactor(String username, TotpSecret secret) {
        Objects.requireNonNull(secret, "secret");
        StaffAccount account = existing(username);
        if (account.secondFactor() != null) {
            throw new IllegalStateException("staff account " + account.username() + " has a second factor already");
        }
        RecoveryCodes recovery = newRecoveryCodes(DEMO_RECOVERY_CODES);
        account.completeSetup(new SecondFactor(secret, Long.MIN_VALUE, recovery.hashes()));
        repository.save(account);
        LOG.info(() -> "demo second factor enrolled for staff account " + account.username());
        return new DemoFactor(Totp.keyUri(account.username(), secret), recovery.codes());
    }

    /**
     * What a sign-in of this account rests on now ({@link CredentialStamp}); empty when there is no
     * such staff account or it is disabled. One read by user name: cheap enough for every API request.
     */
    @Transactional
    public Optional<CredentialStamp> credentialStamp(String username) {
        return repository.findByUsername(StaffAccount.normaliseUsername(username))
                .filter(StaffAccount::enabled)
                .map(StaffAccount::credentialStamp);
    }

    /**
     * Disables an account: no sign-in from now on, on the pages or through the API, where a password
     * found right earlier stops working at the next request ({@link #credentialStamp}). Not logged:
     * an administrator's pages use {@link #disable(StaffMember, String)}, which names who did it.
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
     * API too ({@link #credentialStamp}). The array is wiped. An operator's tool, without the policy
     * or the log; the holder's own change is {@link #changeOwnPassword}.
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

    /** A set-up link's token, shown once to the administrator; only its SHA-256 is kept. */
    public record SetupLink(String username, String token, SetupGrant.Purpose purpose, Instant expiresAt) {
        public SetupLink {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(token, "token");
        }

        /** Never the token: records print their fields. */
        @Override
        public String toString() {
            return "SetupLink[" + username + ", " + purpose + ", until " + expiresAt + "]";
        }
    }

    /**
     * What the set-up page shows its holder: whose account it is, what the link does, and a freshly
     * made TOTP secret with its {@code otpauth://} URI. Nothing is stored until {@link #completeSetup}
     * proves a code of that secret.
     */
    public record SetupStart(String username, SetupGrant.Purpose purpose, TotpSecret secret, String keyUri) {

        /** Never the key URI, which holds the secret: records print their fields. */
        @Override
        public String toString() {
            return "SetupStart[" + username + ", " + purpose + "]";
        }
    }

    /**
     * Creates an account with no usable password yet and returns its set-up link, once.
     *
     * @throws ValidationException on {@code username} when the name is not a valid user name or is taken
     * @throws AccessDeniedException unless {@code admin} is an administrator
     */
    @Transactional
    public SetupLink createAccount(StaffMember admin, String username, StaffAccount.Assignment assignment) {
        requireAdmin(admin);
        String name = StaffAccount.normaliseUsername(username);
        if (!StaffAccount.isUsername(name)) {
            throw ValidationException.of("username", "staff.username.invalid",
                    "A user name is a lower-case letter, then 1 to 63 lower-case letters, digits and . _ -.");
        }
        if (repository.findByUsername(name).isPresent()) {
            throw ValidationException.of("username", "staff.username.taken", "This user name is taken.");
        }
        Instant now = clock.instant();
        char[] unusable = randomText(32).toCharArray();
        StaffAccount account = new StaffAccount(name, assignment, hasher.hash(unusable), true, now, null, null, null);
        Arrays.fill(unusable, '\0');
        SetupLink link = grant(account, SetupGrant.Purpose.ACCOUNT, now);
        repository.save(account);
        activity.accountChanged(Kind.ACCOUNT_CREATED, admin.username(), null, name, describe(account.assignment()));
        LOG.info(() -> "staff account created: " + name + " by " + admin.username());
        return link;
    }

    /**
     * Gives an account another display name, role, register, agency or office. An administrator
     * cannot take the administrator role from their own account (there would be no one to give it back).
     */
    @Transactional
    public void changeAccount(StaffMember admin, String username, StaffAccount.Assignment assignment) {
        requireAdmin(admin);
        StaffAccount account = existing(username);
        if (account.username().equals(admin.username()) && assignment.role() != Role.ADMIN) {
            throw new AccessDeniedException("an administrator cannot take the administrator role from their own account");
        }
        String before = describe(account.assignment());
        account.reassign(assignment);
        repository.save(account);
        activity.accountChanged(Kind.ACCOUNT_CHANGED, admin.username(), null, account.username(),
                before + " -> " + describe(assignment));
    }

    /** Disables an account ({@link #disable(String)}), by an administrator, audited; not one's own. */
    @Transactional
    public void disable(StaffMember admin, String username) {
        requireAdmin(admin);
        StaffAccount account = existing(username);
        if (account.username().equals(admin.username())) {
            throw new AccessDeniedException("an administrator cannot disable their own account");
        }
        if (account.enabled()) {
            account.disable();
            repository.save(account);
            activity.accountChanged(Kind.ACCOUNT_DISABLED, admin.username(), null, account.username(), null);
            LOG.info(() -> "staff account disabled: " + account.username() + " by " + admin.username());
        }
    }

    /** Lets a disabled account sign in again with its password (and factor) as they were. */
    @Transactional
    public void enable(StaffMember admin, String username) {
        requireAdmin(admin);
        StaffAccount account = existing(username);
        if (!account.enabled()) {
            account.enable();
            repository.save(account);
            activity.accountChanged(Kind.ACCOUNT_ENABLED, admin.username(), null, account.username(), null);
        }
    }

    /**
     * An administrator's reset of a lost second factor: the old factor and its recovery codes stop
     * working now, and the returned link (shown once) lets the holder enrol a new one. The password
     * stays. Also makes a new link for an account whose first set-up link expired unused.
     */
    @Transactional
    public SetupLink resetSecondFactor(StaffMember admin, String username) {
        requireAdmin(admin);
        StaffAccount account = existing(username);
        boolean neverSetUp = account.setupGrant() != null && account.setupGrant().purpose() == SetupGrant.Purpose.ACCOUNT;
        account.dropSecondFactor();
        SetupLink link = grant(account, neverSetUp ? SetupGrant.Purpose.ACCOUNT : SetupGrant.Purpose.FACTOR,
                clock.instant());
        repository.save(account);
        activity.accountChanged(Kind.FACTOR_RESET, admin.username(), null, account.username(),
                "new set-up link, " + link.purpose().name().toLowerCase(Locale.ROOT));
        return link;
    }

    /**
     * Opens a set-up link: whose it is and a new TOTP secret to show as a QR code.
     *
     * @throws ValidationException on {@code token} when the link is unknown, used, expired or its account disabled
     */
    @Transactional
    public SetupStart startSetup(String token) {
        StaffAccount account = grantedAccount(token);
        TotpSecret secret = TotpSecret.random(random);
        return new SetupStart(account.username(), account.setupGrant().purpose(), secret,
                Totp.keyUri(account.username(), secret));
    }

    /**
     * Completes a set-up link: checks the password (for a new account; ignored, may be null, for a
     * factor reset) against the policy and the typed code against the secret shown, then keeps the
     * password hash, the factor and the hashes of ten new recovery codes, and uses the link up.
     * The password array is wiped.
     *
     * @return the recovery codes, to be shown once
     * @throws ValidationException on {@code token}, {@code password} or {@code code}; nothing is saved then
     */
    @Transactional
    public List<String> completeSetup(String token, char[] password, TotpSecret secret, String code, String client) {
        try {
            StaffAccount account = grantedAccount(token);
            SetupGrant.Purpose purpose = account.setupGrant().purpose();
            if (purpose == SetupGrant.Purpose.ACCOUNT) {
                policy.check("password", account.username(), password);
            }
            OptionalLong step = Totp.match(secret.key(), code, clock.instant(), Long.MIN_VALUE);
            if (step.isEmpty()) {
                throw ValidationException.of("code", "staff.totp.wrong",
                        "This code is not the one your authenticator app shows now.");
            }
            RecoveryCodes recovery = newRecoveryCodes(RECOVERY_CODES);
            if (purpose == SetupGrant.Purpose.ACCOUNT) {
                account.changePasswordHash(hasher.hash(password));
            }
            account.completeSetup(new SecondFactor(secret, step.getAsLong(), recovery.hashes()));
            repository.save(account);
            activity.accountChanged(Kind.SETUP_COMPLETED, account.username(), client, account.username(),
                    purpose == SetupGrant.Purpose.ACCOUNT ? "password and second factor" : "new second factor");
            return recovery.codes();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * The holder's own password change: the current password must be right, the new one passes the
     * policy and differs from it. Both arrays are wiped.
     *
     * @throws ValidationException on {@code currentPassword} or {@code newPassword}
     */
    @Transactional
    public void changeOwnPassword(StaffMember self, char[] currentPassword, char[] newPassword, String client) {
        try {
            StaffAccount account = repository.findByUsername(self.username()).filter(StaffAccount::enabled)
                    .orElseThrow(() -> new AccessDeniedException("no enabled staff account " + self.username()));
            if (currentPassword == null || !hasher.verify(currentPassword, account.passwordHash())) {
                throw ValidationException.of("currentPassword", "staff.password.current",
                        "The current password is not correct.");
            }
            policy.check("newPassword", account.username(), newPassword);
            if (Arrays.equals(currentPassword, newPassword)) {
                throw ValidationException.of("newPassword", "staff.password.same",
                        "The new password must differ from the current one.");
            }
            account.changePasswordHash(hasher.hash(newPassword));
            repository.save(account);
            activity.accountChanged(Kind.PASSWORD_CHANGED, account.username(), client, account.username(), null);
        } finally {
            if (currentPassword != null) {
                Arrays.fill(currentPassword, '\0');
            }
            if (newPassword != null) {
                Arrays.fill(newPassword, '\0');
            }
        }
    }

    /**
     * Checks a second-factor code of an enabled account: a TOTP code of a step later than the last
     * accepted one (which it then becomes), or an unused recovery code (which is then used up,
     * audited). False for an account without a factor, and for every code while the account's
     * wrong codes are throttled ({@link SignInThrottle#factorLockedFor}); each wrong code is
     * counted and logged. Asked for at sign-in after the password ({@link #secondFactorStep}).
     */
    @Transactional
    public boolean verifySecondFactor(String username, String code, String client) {
        Optional<StaffAccount> found = repository.findByUsername(StaffAccount.normaliseUsername(username))
                .filter(StaffAccount::enabled);
        if (found.isEmpty() || found.get().secondFactor() == null || code == null) {
            return false;
        }
        StaffAccount account = found.get();
        if (throttle.factorLockedFor(account.username()).isPresent()) {
            activity.secondFactorFailed(account.username(), client, true);
            return false;
        }
        SecondFactor factor = account.secondFactor();
        OptionalLong step = Totp.match(factor.secret().key(), code, clock.instant(), factor.lastStep());
        if (step.isPresent()) {
            account.updateSecondFactor(factor.withLastStep(step.getAsLong()));
            repository.save(account);
            throttle.factorSucceeded(account.username());
            return true;
        }
        String hash = recoveryHash(code);
        if (factor.recoveryCodeHashes().contains(hash)) {
            account.updateSecondFactor(factor.withoutRecoveryCode(hash));
            repository.save(account);
            throttle.factorSucceeded(account.username());
            activity.accountChanged(Kind.RECOVERY_CODE_USED, account.username(), client, account.username(),
                    (factor.recoveryCodeHashes().size() - 1) + " left");
            return true;
        }
        throttle.factorFailed(account.username());
        activity.secondFactorFailed(account.username(), client, false);
        return false;
    }

    private SetupLink grant(StaffAccount account, SetupGrant.Purpose purpose, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(SETUP_VALIDITY);
        account.grantSetup(new SetupGrant(CanonicalJson.sha256Hex(token), purpose, expires));
        return new SetupLink(account.username(), token, purpose, expires);
    }

    private StaffAccount grantedAccount(String token) {
        Optional<StaffAccount> found = token == null || token.isBlank() ? Optional.empty()
                : repository.findBySetupTokenHash(CanonicalJson.sha256Hex(token.strip()));
        if (found.isEmpty() || !found.get().enabled() || !found.get().setupGrant().validAt(clock.instant())) {
            throw ValidationException.of("token", "staff.setup.invalid",
                    "This set-up link is not valid: it was used, has expired or was replaced. Ask an administrator for a new one.");
        }
        return found.get();
    }

    /** New recovery codes as shown (XXXX-XXXX-XXXX-XXXX) and the hashes kept of them. */
    private record RecoveryCodes(List<String> codes, List<String> hashes) {
    }

    private RecoveryCodes newRecoveryCodes(int count) {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String recovery = randomText(RECOVERY_CODE_LENGTH);
            codes.add(recovery.substring(0, 4) + "-" + recovery.substring(4, 8) + "-" + recovery.substring(8, 12)
                    + "-" + recovery.substring(12));
            hashes.add(recoveryHash(recovery));
        }
        return new RecoveryCodes(List.copyOf(codes), List.copyOf(hashes));
    }

    /** Recovery codes are compared without case, hyphens or spaces, as they are copied off paper. */
    private static String recoveryHash(String code) {
        return CanonicalJson.sha256Hex("recovery:" + code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }

    private String randomText(int length) {
        byte[] bytes = new byte[(length * 5 + 7) / 8];
        random.nextBytes(bytes);
        return Base32.encode(bytes).substring(0, length);
    }

    private static String describe(StaffAccount.Assignment a) {
        return a.role().code() + (a.register() == null ? "" : " " + a.register().code())
                + (a.agency() == null ? "" : " agency " + a.agency()) + (a.office() == null ? "" : " office " + a.office());
    }

    private static void requireAdmin(StaffMember admin) {
        if (admin == null || admin.role() != Role.ADMIN) {
            throw new AccessDeniedException((admin == null ? "nobody" : admin.username()) + " is not an administrator");
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
