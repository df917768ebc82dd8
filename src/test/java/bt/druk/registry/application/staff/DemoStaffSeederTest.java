package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.procurement.SupplierAccounts;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.Totp;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffAccountRepository;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.InMemorySupplierRepository;
import bt.druk.registry.testing.MutableClock;
import bt.druk.registry.testing.PlainPasswordHasher;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo users of a first start (issue 26): a shared password gives only {@code admin} a second
 * factor; random passwords differ per user and every staff user gets a factor; the logins file has
 * each factor's {@code otpauth://} URI on its user's line and the recovery codes below it.
 */
class DemoStaffSeederTest {

    private static final Pattern STAFF_LINE = Pattern.compile("^  (\\S+)\\s.*password: (\\S+)( totp: (otpauth://\\S+))?$");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:10Z"));
    private final InMemoryStaffAccountRepository staff = new InMemoryStaffAccountRepository();
    /** The seeder's own hasher, counting the hashes it makes (each one a PBKDF2 in the portal). */
    private final AtomicInteger seederHashes = new AtomicInteger();
    private final PasswordHasher countingHasher = new PasswordHasher() {
        private final PlainPasswordHasher plain = new PlainPasswordHasher();

        @Override
        public String hash(char[] password) {
            seederHashes.incrementAndGet();
            return plain.hash(password);
        }

        @Override
        public boolean verify(char[] password, String storedHash) {
            return plain.verify(password, storedHash);
        }
    };
    private final StaffAccountService accounts = new StaffAccountService(staff, new PlainPasswordHasher(),
            new SignInThrottle(clock, new InMemorySignInStrikes()), new StaffActivity(new InMemoryStaffEventLog(), clock),
            password -> false, clock);
    private final SupplierAccounts suppliers = new SupplierAccounts(new InMemorySupplierRepository(), staff,
            new PlainPasswordHasher(), new SignInThrottle(clock, new InMemorySignInStrikes()), clock);

    @TempDir
    Path dataDir;

    /** A seeder over the in-memory accounts in demo mode, writing its logins file to {@link #dataDir}. */
    private DemoStaffSeeder seeder(Optional<String> sharedPassword) {
        DemoStaffSeeder seeder = new DemoStaffSeeder();
        seeder.accounts = accounts;
        seeder.suppliers = suppliers;
        seeder.seeding = new DemoSeeding(true, sharedPassword, dataDir);
        seeder.hasher = countingHasher;
        return seeder;
    }

    /** A staff line of the logins file: user name, password and key URI (null without a factor). */
    private record Login(String username, String password, String keyUri) {
        String secret() {
            Matcher m = Pattern.compile("[?&]secret=([^&]+)").matcher(keyUri);
            assertTrue(m.find(), keyUri);
            return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        }
    }

    private List<String> fileLines() throws IOException {
        return Files.readAllLines(dataDir.resolve("demo-logins.txt"), StandardCharsets.UTF_8);
    }

    private Map<String, Login> staffLogins() throws IOException {
        Set<String> names = new HashSet<>();
        DemoStaffSeeder.DEMO_USERS.forEach(d -> names.add(d.username()));
        Map<String, Login> logins = new HashMap<>();
        for (String line : fileLines()) {
            Matcher m = STAFF_LINE.matcher(line);
            if (m.matches() && names.contains(m.group(1))) {
                logins.put(m.group(1), new Login(m.group(1), m.group(2), m.group(4)));
            }
        }
        assertEquals(names, logins.keySet(), "one line per demo staff user");
        return logins;
    }

    /** The recovery codes on the line after the user's own. */
    private List<String> recoveryCodes(String username) throws IOException {
        List<String> lines = fileLines();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("  " + username + " ")) {
                String next = lines.get(i + 1);
                assertTrue(next.startsWith("    recovery codes: "), next);
                return List.of(next.substring("    recovery codes: ".length()).split(", "));
            }
        }
        throw new AssertionError("no line for " + username);
    }

    private String codeNow(Login login) {
        return Totp.code(new bt.druk.registry.domain.staff.TotpSecret(login.secret()).key(), Totp.step(clock.instant()));
    }

    @Test
    void aSharedPasswordGivesOnlyTheAdministratorASecondFactor() throws IOException {
        seeder(Optional.of("shared-demo-password")).ensureSeeded();

        Map<String, Login> logins = staffLogins();
        for (Login login : logins.values()) {
            assertEquals("shared-demo-password", login.password());
            assertTrue(accounts.authenticate(login.username(), login.password().toCharArray(), "10.0.0.7").isPresent());
            if (login.username().equals("admin")) {
                assertNotNull(login.keyUri(), "admin always has a factor");
                assertTrue(login.keyUri().startsWith("otpauth://totp/Druk%20Registry:admin?secret="), login.keyUri());
                assertNotNull(staff.findByUsername("admin").orElseThrow().secondFactor());
            } else {
                assertNull(login.keyUri(), login.username() + " signs in with the password alone");
                assertNull(staff.findByUsername(login.username()).orElseThrow().secondFactor());
            }
        }
        Login admin = logins.get("admin");
        assertTrue(accounts.verifySecondFactor("admin", codeNow(admin), null), "the code of the printed secret is taken");
        List<String> codes = recoveryCodes("admin");
        assertEquals(StaffAccountService.DEMO_RECOVERY_CODES, codes.size());
        assertTrue(accounts.verifySecondFactor("admin", codes.get(0), null), "a printed recovery code is taken");
    }

    @Test
    void accountsGivenTheSharedPasswordShareOneHashOfIt() {
        seeder(Optional.of("shared-demo-password")).ensureSeeded();

        assertEquals(1, seederHashes.get(), "one hash for six staff and three suppliers");
        String hash = staff.findByUsername("admin").orElseThrow().passwordHash();
        for (DemoStaffSeeder.Demo demo : DemoStaffSeeder.DEMO_USERS) {
            assertEquals(hash, staff.findByUsername(demo.username()).orElseThrow().passwordHash(), demo.username());
        }
        for (DemoStaffSeeder.DemoSupplier demo : DemoStaffSeeder.DEMO_SUPPLIERS) {
            assertTrue(suppliers.authenticate(demo.username(), "shared-demo-password".toCharArray(), "10.0.0.7").isPresent(),
                    demo.username());
        }
    }

    @Test
    void randomPasswordsDifferAndEveryStaffUserGetsAFactorOfItsOwn() throws IOException {
        seeder(Optional.empty()).ensureSeeded();

        Map<String, Login> logins = staffLogins();
        Set<String> passwords = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (Login login : logins.values()) {
            passwords.add(login.password());
            assertNotNull(login.keyUri(), login.username() + " has a factor");
            assertTrue(login.keyUri().startsWith("otpauth://totp/Druk%20Registry:" + login.username() + "?"), login.keyUri());
            secrets.add(login.secret());
            assertTrue(accounts.authenticate(login.username(), login.password().toCharArray(), "10.0.0.7").isPresent());
            assertTrue(accounts.verifySecondFactor(login.username(), codeNow(login), null), login.username());
            assertTrue(accounts.verifySecondFactor(login.username(), recoveryCodes(login.username()).get(2), null));
        }
        assertEquals(logins.size(), passwords.size(), "every password differs");
        assertEquals(logins.size() + DemoStaffSeeder.DEMO_SUPPLIERS.size(), seederHashes.get(), "a hash of each password");
        assertEquals(logins.size(), secrets.size(), "every secret differs");
        assertTrue(fileLines().stream().anyMatch(l -> l.startsWith("  supplier.druk ")), "the suppliers are there too");
        try {
            assertEquals(PosixFilePermissions.fromString("rw-------"),
                    Files.getPosixFilePermissions(dataDir.resolve("demo-logins.txt")));
        } catch (UnsupportedOperationException notPosix) {
            // nothing to check
        }
    }

    @Test
    void aSecondStartSeedsNothingAndKeepsTheFile() throws IOException {
        seeder(Optional.empty()).ensureSeeded();
        List<String> before = fileLines();

        seeder(Optional.empty()).ensureSeeded();

        assertEquals(before, fileLines());
        assertFalse(before.isEmpty());
    }
}
