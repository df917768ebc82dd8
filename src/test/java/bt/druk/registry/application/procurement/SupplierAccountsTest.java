package bt.druk.registry.application.procurement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.staff.SignInThrottle;
import bt.druk.registry.domain.procurement.Supplier;
import bt.druk.registry.domain.shared.FieldError;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemorySupplierRepository;
import bt.druk.registry.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupplierAccountsTest {

    private static final String DESK = "10.0.0.7";
    private static final String PASSWORD = "correct horse battery";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final InMemorySupplierRepository repository = new InMemorySupplierRepository();
    private final SignInThrottle throttle = new SignInThrottle(clock, new InMemorySignInStrikes());
    private final SupplierAccounts accounts = new SupplierAccounts(repository, new OneStaffMember(), new PlainHasher(),
            throttle, clock);

    private static SupplierAccounts.Registration druk() {
        return new SupplierAccounts.Registration("  Druk Builders Pvt Ltd ", "cdb-2026-0101", "Karma Dorji",
                "tenders@drukbuilders.example.bt", "+975 2 330101", "Supplier.Druk");
    }

    private Supplier register(SupplierAccounts.Registration registration, String client) {
        return accounts.register(registration, PASSWORD.toCharArray(), PASSWORD.toCharArray(), client);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aBusinessRegistersAndIsFoundByUserNameAndByRegistrationNumber() {
        Supplier supplier = register(druk(), DESK);

        assertEquals("Druk Builders Pvt Ltd", supplier.businessName());
        assertEquals("CDB-2026-0101", supplier.registrationNumber().value());
        assertEquals("supplier.druk", supplier.username());
        assertTrue(supplier.enabled());
        assertEquals(clock.instant(), supplier.registeredAt());
        assertEquals(Optional.of(supplier), accounts.find(" SUPPLIER.druk"));
        assertEquals(Optional.of(supplier), accounts.findByRegistrationNumber("Cdb-2026-0101 "));
        assertEquals(Optional.empty(), accounts.findByRegistrationNumber("11505001234"));
        assertEquals(Optional.empty(), accounts.find(null));
        assertEquals("plain:" + PASSWORD, repository.credentials("supplier.druk").orElseThrow().passwordHash(),
                "the password is kept only as the hasher's hash");
    }

    @Test
    void everyBadFieldIsRefusedAtOnceAndNothingIsSaved() {
        ValidationException e = assertThrows(ValidationException.class, () -> accounts.register(
                new SupplierAccounts.Registration("", "11505001234", " ", "nobody", "x", "9lives"),
                "short".toCharArray(), "short".toCharArray(), DESK));
        assertEquals(List.of("businessName", "registrationNumber", "username", "contactPerson", "email", "phone", "password"),
                fields(e));
        assertEquals(0, repository.count());
    }

    @Test
    void thePasswordHasTwelveCharactersAndIsTypedTwiceTheSame() {
        ValidationException shortOne = assertThrows(ValidationException.class,
                () -> accounts.register(druk(), "elevenchars".toCharArray(), "elevenchars".toCharArray(), DESK));
        assertEquals(List.of(new FieldError("password", "supplier.password.length", "The password must have 12 to 200 characters.")),
                shortOne.errors());
        ValidationException differ = assertThrows(ValidationException.class,
                () -> accounts.register(druk(), PASSWORD.toCharArray(), (PASSWORD + "!").toCharArray(), DESK));
        assertEquals(List.of("confirmPassword"), fields(differ));
        assertEquals(0, repository.count());
    }

    @Test
    void thePasswordArraysAreWipedWhateverTheOutcome() {
        char[] password = PASSWORD.toCharArray();
        char[] again = PASSWORD.toCharArray();
        accounts.register(druk(), password, again, DESK);
        assertArrayEquals(new char[PASSWORD.length()], password);
        assertArrayEquals(new char[PASSWORD.length()], again);

        char[] refused = "short".toCharArray();
        assertThrows(ValidationException.class, () -> accounts.register(druk(), refused, refused, DESK));
        assertArrayEquals(new char[5], refused);
    }

    @Test
    void aTakenRegistrationNumberOrUserNameIsNamedOnItsField() {
        register(druk(), DESK);
        ValidationException sameNumber = assertThrows(ValidationException.class, () -> register(
                new SupplierAccounts.Registration("Another Builders", "CDB-2026-0101", "Pema", "p@example.bt", "17123456",
                        "another"), "10.0.0.8"));
        assertEquals(List.of(new FieldError("registrationNumber", "supplier.registrationNumber.taken",
                "A supplier with this registration number is already registered. Sign in with its account.")), sameNumber.errors());

        ValidationException sameName = assertThrows(ValidationException.class, () -> register(
                new SupplierAccounts.Registration("Yangphel Construction", "CDB-2026-0102", "Pema", "p@example.bt",
                        "17123456", "supplier.druk"), "10.0.0.9"));
        assertEquals(List.of("username"), fields(sameName));
        assertEquals("supplier.username.taken", sameName.errors().get(0).code());
    }

    @Test
    void aStaffMembersUserNameIsTakenForBothSignInOnOnePage() {
        ValidationException e = assertThrows(ValidationException.class, () -> register(
                new SupplierAccounts.Registration("Yangphel Construction", "CDB-2026-0102", "Pema", "p@example.bt",
                        "17123456", "land.clerk"), DESK));
        assertEquals(List.of("username"), fields(e));
    }

    @Test
    void oneAddressRegistersAtMostFiveTimesAQuarterOfAnHourAndRefusalsCountToo() {
        for (int i = 1; i <= 4; i++) {
            register(new SupplierAccounts.Registration("Business " + i, "CDB-9-" + i, "Pema", "p@example.bt", "17123456",
                    "business" + i), DESK);
        }
        assertThrows(ValidationException.class, () -> register(new SupplierAccounts.Registration(
                "Druk Builders Pvt Ltd", "CDB-2026-0101", "Karma", "k@example.bt", "17123456", "business1"), DESK),
                "a taken user name counts: the answers cannot list the suppliers");
        ValidationException throttled = assertThrows(ValidationException.class, () -> register(druk(), DESK));
        assertEquals("supplier.register.throttled", throttled.errors().get(0).code());
        assertEquals("", throttled.errors().get(0).field());
        assertEquals(4, repository.count());

        assertEquals("supplier.druk", register(druk(), "10.0.0.99").username(), "another address is not held up");
        clock.advance(Duration.ofMinutes(16));
        register(new SupplierAccounts.Registration("Yangphel Construction", "CDB-2026-0102", "Pema", "p@example.bt",
                "17123456", "supplier.yangphel"), DESK);
    }

    @Test
    void malformedRegistrationsAreNotCountedAgainstTheAddress() {
        for (int i = 0; i < 10; i++) {
            assertThrows(ValidationException.class, () -> accounts.register(druk(), "short".toCharArray(),
                    "short".toCharArray(), DESK));
        }
        register(druk(), DESK);
    }

    @Test
    void theDemoRegistersWithoutTheAddressThrottle() {
        for (int i = 1; i <= 7; i++) {
            accounts.registerForDemo(new SupplierAccounts.Registration("Business " + i, "CDB-9-" + i, "Pema",
                    "p@example.bt", "17123456", "business" + i), PASSWORD.toCharArray(),
                    new PlainHasher().hash(PASSWORD.toCharArray()));
        }
        assertEquals(7, accounts.count());
    }

    @Test
    void aSupplierSignsInWithItsPasswordAndIsThrottledLikeStaff() {
        Supplier supplier = register(druk(), DESK);
        assertEquals(Optional.of(supplier), accounts.authenticate("Supplier.Druk", PASSWORD.toCharArray(), DESK));
        assertTrue(accounts.authenticate("supplier.druk", "wrong password!".toCharArray(), DESK).isEmpty());
        assertTrue(accounts.authenticate("nobody", PASSWORD.toCharArray(), DESK).isEmpty());

        String guesser = "203.0.113.9";
        for (int i = 0; i < 5; i++) {
            accounts.authenticate("supplier.druk", ("guess " + i).toCharArray(), guesser);
        }
        assertTrue(accounts.authenticate("supplier.druk", PASSWORD.toCharArray(), guesser).isEmpty(),
                "locked at the guesser's address even with the right password");
        assertTrue(throttle.lockedFor("supplier.druk", guesser).isPresent());
        assertTrue(accounts.authenticate("supplier.druk", PASSWORD.toCharArray(), DESK).isPresent(),
                "the supplier's own office is not locked");
    }

    @Test
    void aDisabledSupplierCannotSignIn() {
        Supplier supplier = register(druk(), DESK);
        repository.replace(new Supplier(supplier.id(), supplier.registrationNumber(), supplier.businessName(),
                supplier.contact(), supplier.username(), false, supplier.registeredAt()));
        assertTrue(accounts.authenticate("supplier.druk", PASSWORD.toCharArray(), DESK).isEmpty());
        assertTrue(accounts.isSupplier("supplier.druk"));
        assertFalse(accounts.isSupplier("land.clerk"));
    }

    @Test
    void aRegistrationLostToAnotherAtTheSameMomentIsRefusedClearly() {
        SupplierAccounts racing = new SupplierAccounts(new InMemorySupplierRepository() {
            @Override
            public void add(Supplier supplier, String passwordHash) {
                throw new DuplicateException("unique constraint", null);
            }
        }, new OneStaffMember(), new PlainHasher(), throttle, clock);
        ValidationException e = assertThrows(ValidationException.class,
                () -> racing.register(druk(), PASSWORD.toCharArray(), PASSWORD.toCharArray(), DESK));
        assertEquals("supplier.taken", e.errors().get(0).code());
    }

    /** Staff accounts: the land clerk only. */
    private static final class OneStaffMember implements StaffAccountRepository {
        private final StaffAccount clerk = new StaffAccount("land.clerk", "Land clerk", Role.CLERK, Register.LAND,
                "THIMPHU", "plain:x", true, Instant.EPOCH, null);

        @Override
        public Optional<StaffAccount> findByUsername(String username) {
            return Optional.of(clerk).filter(a -> a.username().equals(username));
        }

        @Override
        public void save(StaffAccount account) {
            throw new AssertionError("suppliers never touch staff accounts");
        }

        @Override
        public void recordSignIn(String username, Instant when) {
            throw new AssertionError("suppliers never touch staff accounts");
        }

        @Override
        public long count() {
            return 1;
        }

        @Override
        public List<StaffAccount> all() {
            return List.of(clerk);
        }
    }

    /** Not a hash: these tests are about the rules around it. */
    private static final class PlainHasher implements PasswordHasher {
        @Override
        public String hash(char[] password) {
            return "plain:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String storedHash) {
            return storedHash.equals(hash(password));
        }
    }
}
