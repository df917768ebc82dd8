package bt.druk.registry.application.procurement;

import bt.druk.registry.application.staff.SignInThrottle;
import bt.druk.registry.domain.procurement.RegistrationNumber;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.procurement.SupplierContact;
import bt.druk.registry.domain.procurement.SupplierRepository;
import bt.druk.registry.domain.shared.PlainText;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Supplier accounts: a business registers itself (publicly, throttled per client address), then
 * signs in on the staff login page as a supplier, never as staff. Only known suppliers bid, one bid
 * each per tender (issue 25); this service is who they are.
 *
 * <p>The password is hashed like a staff password ({@link PasswordHasher}, PBKDF2), and sign-in
 * counts failures in the same {@link SignInThrottle}. A user name is unique among suppliers and staff
 * together, since both sign in on one page.
 */
@ApplicationScoped
@Transactional
public class SupplierAccounts {

    private static final Logger LOG = Logger.getLogger(SupplierAccounts.class.getName());

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 200;

    /**
     * What a business types to register, as typed (this service strips and normalises it).
     *
     * @param contactPerson the name of whom to call, personal data like {@code email} and {@code phone}
     */
    public record Registration(String businessName, String registrationNumber, String contactPerson, String email,
                               String phone, String username) {
    }

    private SupplierRepository suppliers;
    private StaffAccountRepository staff;
    private PasswordHasher hasher;
    private SignInThrottle throttle;
    private Clock clock;
    /** Hash of a random password, verified against for an unknown or disabled account, so timing does not tell. */
    private volatile String dummyHash;

    protected SupplierAccounts() {
    }

    @Inject
    public SupplierAccounts(SupplierRepository suppliers, StaffAccountRepository staff, PasswordHasher hasher,
                            SignInThrottle throttle, Clock clock) {
        this.suppliers = suppliers;
        this.staff = staff;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Registers a business from a public page. Every field is checked and all refusals are thrown
     * together, each under its field ({@code businessName, registrationNumber, contactPerson, email,
     * phone, username, password, confirmPassword}); nothing is saved then. An attempt whose fields
     * are well formed counts against the client address ({@link SignInThrottle#registrationAttempted}),
     * taken or not, so that the "taken" answers cannot be used to list the suppliers. The password
     * arrays are wiped.
     *
     * @param client the remote address of the request
     * @throws ValidationException with field {@code ""} and code {@code supplier.register.throttled}
     *                             when this address registered too often lately
     */
    public Supplier register(Registration registration, char[] password, char[] confirmation, String client) {
        try {
            Candidate candidate = checked(registration, password, confirmation);
            if (throttle.registrationLockedFor(client).isPresent()) {
                throw ValidationException.of("", "supplier.register.throttled",
                        "Too many registrations from this address. Try again in a quarter of an hour.");
            }
            throttle.registrationAttempted(client);
            refuseTaken(candidate);
            Supplier supplier = save(candidate, hasher.hash(password));
            LOG.info(() -> "supplier registered: " + supplier.registrationNumber() + " as " + supplier.username()
                    + " from " + client);
            return supplier;
        } finally {
            wipe(password);
            wipe(confirmation);
        }
    }

    /**
     * Registers a business without the client throttle: for the demo content, which makes its
     * suppliers at start-up. The same checks as {@link #register}; the password's hash is the
     * caller's ({@link bt.druk.registry.application.staff.DemoStaffSeeder} hashes a password that demo
     * accounts share once).
     */
    public Supplier registerForDemo(Registration registration, char[] password, String passwordHash) {
        try {
            Candidate candidate = checked(registration, password, password);
            refuseTaken(candidate);
            return save(candidate, passwordHash);
        } finally {
            wipe(password);
        }
    }

    /** The enabled or disabled supplier with this user name (any case, surrounding spaces ignored). */
    public Optional<Supplier> find(String username) {
        return username == null ? Optional.empty() : suppliers.findByUsername(StaffAccount.normaliseUsername(username));
    }

    /** The supplier registered under this number (any case); empty also for a malformed or CID-like number. */
    public Optional<Supplier> findByRegistrationNumber(String registrationNumber) {
        if (registrationNumber == null) {
            return Optional.empty();
        }
        String typed = registrationNumber.strip();
        if (!RegistrationNumber.isWellFormed(typed) || RegistrationNumber.isPersonal(typed)) {
            return Optional.empty();
        }
        return suppliers.findByRegistrationNumber(RegistrationNumber.parse(typed));
    }

    /** A supplier account has this user name (the login page then signs in a supplier, not staff). */
    public boolean isSupplier(String username) {
        return find(username).isPresent();
    }

    /**
     * Checks a supplier's user name and password. Empty when unknown, disabled, wrong, or locked
     * after too many failures; the caller must not say which. Counted in the same throttle, per user
     * name at this client, as staff sign-in. Not in a transaction: no connection is held during the
     * deliberately slow hash check. The password array is wiped.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Supplier> authenticate(String username, char[] password, String client) {
        String name = StaffAccount.normaliseUsername(username);
        try {
            if (throttle.lockedFor(name, client).isPresent()) {
                LOG.warning(() -> "supplier sign-in refused, too many failures: " + name + " from " + client);
                return Optional.empty();
            }
            Optional<SupplierRepository.Credentials> found = suppliers.credentials(name)
                    .filter(c -> c.supplier().enabled());
            if (found.isEmpty()) {
                hasher.verify(password, dummyHash());
                throttle.failed(name, client);
                return Optional.empty();
            }
            if (!hasher.verify(password, found.get().passwordHash())) {
                LOG.info(() -> "failed sign-in for supplier " + name + " from " + client);
                throttle.failed(name, client);
                return Optional.empty();
            }
            throttle.succeeded(name, client);
            LOG.info(() -> "supplier signed in: " + name + " from " + client);
            return Optional.of(found.get().supplier());
        } finally {
            wipe(password);
        }
    }

    /**
     * What a sign-in of this supplier rests on now ({@link CredentialStamp}); empty when there is no
     * such supplier or it is disabled.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CredentialStamp> credentialStamp(String username) {
        return username == null ? Optional.empty()
                : suppliers.credentials(StaffAccount.normaliseUsername(username))
                        .filter(c -> c.supplier().enabled())
                        .map(c -> CredentialStamp.of(c.passwordHash()));
    }

    public long count() {
        return suppliers.count();
    }

    /** A registration whose fields passed every check that needs no database. */
    private record Candidate(RegistrationNumber number, String businessName, SupplierContact contact, String username) {
    }

    private static Candidate checked(Registration r, char[] password, char[] confirmation) {
        String businessName = line(r.businessName());
        String number = r.registrationNumber() == null ? "" : r.registrationNumber().strip();
        String person = line(r.contactPerson());
        String email = r.email() == null ? "" : r.email().strip();
        String phone = r.phone() == null ? "" : r.phone().strip();
        String username = StaffAccount.normaliseUsername(r.username());

        ValidationException.Collector errors = new ValidationException.Collector();
        Supplier.check(errors, businessName, number, username);
        SupplierContact.check(errors, "", person, email, phone);
        if (password == null || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            errors.add("password", "supplier.password.length", "The password must have 12 to 200 characters.");
        } else if (confirmation == null || !Arrays.equals(password, confirmation)) {
            errors.add("confirmPassword", "supplier.password.mismatch", "The two passwords are not the same.");
        }
        errors.throwIfAny();
        return new Candidate(RegistrationNumber.parse(number), businessName, new SupplierContact(person, email, phone),
                username);
    }

    /** Refuses a registration number or user name someone has (checked before the costly hash is made). */
    private void refuseTaken(Candidate candidate) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (suppliers.findByRegistrationNumber(candidate.number()).isPresent()) {
            errors.add("registrationNumber", "supplier.registrationNumber.taken",
                    "A supplier with this registration number is already registered. Sign in with its account.");
        }
        if (suppliers.findByUsername(candidate.username()).isPresent()
                || staff.findByUsername(candidate.username()).isPresent()) {
            errors.add("username", "supplier.username.taken", "This user name is taken. Choose another one.");
        }
        errors.throwIfAny();
    }

    private Supplier save(Candidate candidate, String passwordHash) {
        Supplier supplier = new Supplier(UUID.randomUUID().toString(), candidate.number(), candidate.businessName(),
                candidate.contact(), candidate.username(), true, clock.instant());
        try {
            suppliers.add(supplier, passwordHash);
        } catch (SupplierRepository.DuplicateException e) {
            throw ValidationException.of("", "supplier.taken",
                    "The registration number or the user name was registered just now. Check them and try again.");
        }
        return supplier;
    }

    /** One line as kept: NFC, surrounding spaces dropped (its characters are checked afterwards). */
    private static String line(String typed) {
        return typed == null ? "" : PlainText.normalise(typed).strip();
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(UUID.randomUUID().toString().toCharArray());
            dummyHash = hash;
        }
        return hash;
    }
}
