package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.application.staff.StaffAccountService.SetupLink;
import bt.druk.registry.application.staff.StaffAccountService.SetupStart;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.audit.StaffEvent.Kind;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.domain.staff.SetupGrant;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.domain.staff.Totp;
import bt.druk.registry.domain.staff.TotpSecret;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.MutableClock;
import bt.druk.registry.testing.PlainPasswordHasher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An account's life from the administrator's creation to the holder's set-up, second factor,
 * password change, the administrator's edits, disabling and factor reset, each in the activity log.
 */
class StaffAccountLifecycleTest {

    private static final StaffMember ADMIN = new StaffMember("admin", Role.ADMIN, null, null);
    private static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    private static final StaffAccount.Assignment PARO_LAND_CLERK =
            new StaffAccount.Assignment("Pema Lhamo", Role.CLERK, Register.LAND, "nlcs", "paro");
    private static final String GOOD_PASSWORD = "prayer flags over dochula";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:10Z"));
    private final CopyingRepository repository = new CopyingRepository();
    private final InMemoryStaffEventLog log = new InMemoryStaffEventLog();
    private final StaffAccountService service = new StaffAccountService(repository, new PlainPasswordHasher(),
            new SignInThrottle(clock, new InMemorySignInStrikes()), new StaffActivity(log, clock),
            Set.of("password", "iloveyou")::contains, clock);

    StaffAccountLifecycleTest() {
        repository.save(new StaffAccount("admin", "Administrator", Role.ADMIN, null, null,
                new PlainPasswordHasher().hash("admin-password".toCharArray()), true, clock.instant(), null));
    }

    private String codeNow(TotpSecret secret) {
        return Totp.code(secret.key(), Totp.step(clock.instant()));
    }

    private List<String> setUp(SetupLink link, String password) {
        SetupStart start = service.startSetup(link.token());
        return service.completeSetup(link.token(), password == null ? null : password.toCharArray(), start.secret(),
                codeNow(start.secret()), "10.0.0.7");
    }

    private StaffAccount stored(String username) {
        return repository.findByUsername(username).orElseThrow();
    }

    private List<Kind> kinds() {
        return log.all().stream().map(StaffEvent::kind).toList();
    }

    private String refusalCode(Runnable action, String field) {
        ValidationException e = assertThrows(ValidationException.class, action::run);
        assertEquals(field, e.errors().get(0).field());
        return e.errors().get(0).code();
    }

    @Nested
    class Creating {

        @Test
        void anAdministratorGetsASetUpLinkOnceAndOnlyItsHashIsKept() {
            SetupLink link = service.createAccount(ADMIN, "Pema.Lhamo", PARO_LAND_CLERK);

            assertEquals("pema.lhamo", link.username());
            assertTrue(link.token().matches("[A-Za-z0-9_-]{43}"), "256 random bits, URL-safe: " + link.token().length());
            assertEquals(SetupGrant.Purpose.ACCOUNT, link.purpose());
            assertEquals(clock.instant().plus(Duration.ofHours(24)), link.expiresAt());
            assertFalse(link.toString().contains(link.token()), "the token is never printed");

            StaffAccount account = stored("pema.lhamo");
            assertEquals(CanonicalJson.sha256Hex(link.token()), account.setupGrant().tokenHash());
            assertEquals("NLCS", account.agency());
            assertEquals("PARO", account.office());
            assertNull(account.secondFactor());
            assertTrue(account.enabled());
            assertNotEquals(link.token(), account.passwordHash());
            assertTrue(service.authenticate("pema.lhamo", "".toCharArray(), "10.0.0.7").isEmpty(),
                    "no password works before set-up");

            StaffEvent created = log.all().get(0);
            assertEquals(Kind.ACCOUNT_CREATED, created.kind());
            assertEquals("admin", created.actor());
            assertEquals("pema.lhamo", created.subject());
            assertEquals("clerk land agency NLCS office PARO", created.detail());
            assertEquals(clock.instant(), created.at());
        }

        @Test
        void onlyAnAdministratorCreatesAndATakenOrInvalidNameIsRefusedOnItsField() {
            assertThrows(AccessDeniedException.class, () -> service.createAccount(INSPECTOR, "pema.lhamo", PARO_LAND_CLERK));
            assertThrows(AccessDeniedException.class, () -> service.createAccount(
                    StaffMember.clerk("land.clerk", Register.LAND, "THIMPHU"), "pema.lhamo", PARO_LAND_CLERK));
            assertEquals("staff.username.taken",
                    refusalCode(() -> service.createAccount(ADMIN, "ADMIN", PARO_LAND_CLERK), "username"));
            assertEquals("staff.username.invalid",
                    refusalCode(() -> service.createAccount(ADMIN, "9lives", PARO_LAND_CLERK), "username"));
            assertEquals(List.of(), kinds());
        }
    }

    @Nested
    class SettingUp {

        private final SetupLink link = service.createAccount(ADMIN, "pema.lhamo", PARO_LAND_CLERK);

        @Test
        void thePersonChoosesAPasswordProvesACodeAndGetsTenRecoveryCodes() {
            SetupStart start = service.startSetup(link.token());
            assertEquals("pema.lhamo", start.username());
            assertEquals(Totp.keyUri("pema.lhamo", start.secret()), start.keyUri());
            assertTrue(start.keyUri().startsWith("otpauth://totp/Druk%20Registry:pema.lhamo?secret="));
            assertFalse(start.toString().contains(start.secret().base32()), "the secret is never printed");
            assertNull(stored("pema.lhamo").secondFactor(), "nothing is kept before a code is proved");

            List<String> codes = service.completeSetup(link.token(), GOOD_PASSWORD.toCharArray(), start.secret(),
                    codeNow(start.secret()), "10.0.0.7");

            assertEquals(10, codes.size());
            assertEquals(10, new HashSet<>(codes).size());
            codes.forEach(code -> assertTrue(code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"), code));
            StaffAccount account = stored("pema.lhamo");
            assertNull(account.setupGrant(), "the link is used up");
            assertEquals(start.secret(), account.secondFactor().secret());
            assertEquals(Totp.step(clock.instant()), account.secondFactor().lastStep());
            assertEquals(10, account.secondFactor().recoveryCodeHashes().size());
            codes.forEach(code -> assertFalse(account.secondFactor().recoveryCodeHashes().contains(code)));
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());

            StaffEvent done = log.all().get(1);
            assertEquals(Kind.SETUP_COMPLETED, done.kind());
            assertEquals("pema.lhamo", done.actor());
            assertEquals("10.0.0.7", done.client());
        }

        @Test
        void aWrongCodeOrAWeakPasswordSavesNothingAndTheLinkStillWorks() {
            SetupStart start = service.startSetup(link.token());
            String wrong = codeNow(start.secret()).equals("000000") ? "000001" : "000000";
            assertEquals("staff.totp.wrong", refusalCode(() -> service.completeSetup(link.token(),
                    GOOD_PASSWORD.toCharArray(), start.secret(), wrong, null), "code"));
            assertEquals("staff.password.common", refusalCode(() -> service.completeSetup(link.token(),
                    "password2026".toCharArray(), start.secret(), codeNow(start.secret()), null), "password"));
            assertEquals("staff.password.short", refusalCode(() -> service.completeSetup(link.token(),
                    "short".toCharArray(), start.secret(), codeNow(start.secret()), null), "password"));
            assertEquals("staff.password.username", refusalCode(() -> service.completeSetup(link.token(),
                    "i am pema.lhamo".toCharArray(), start.secret(), codeNow(start.secret()), null), "password"));

            assertNull(stored("pema.lhamo").secondFactor());
            assertEquals(List.of(Kind.ACCOUNT_CREATED), kinds());
            assertEquals(10, setUp(link, GOOD_PASSWORD).size());
        }

        @Test
        void aLinkWorksOnceAndFor24Hours() {
            clock.advance(Duration.ofHours(24).minusSeconds(1));
            setUp(link, GOOD_PASSWORD);
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup(link.token()), "token"));

            SetupLink other = service.createAccount(ADMIN, "karma.dorji", PARO_LAND_CLERK);
            clock.advance(Duration.ofHours(24));
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup(other.token()), "token"));
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup("not-a-token"), "token"));
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup(null), "token"));
        }

        @Test
        void aDisabledAccountsLinkDoesNotWork() {
            service.disable(ADMIN, "pema.lhamo");
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup(link.token()), "token"));
        }

        @Test
        void thePasswordArrayIsWiped() {
            SetupStart start = service.startSetup(link.token());
            char[] password = GOOD_PASSWORD.toCharArray();
            service.completeSetup(link.token(), password, start.secret(), codeNow(start.secret()), null);
            assertEquals("", new String(password).replace("\0", ""));
        }
    }

    @Nested
    class SecondFactor {

        private final List<String> recoveryCodes;
        private final TotpSecret secret;

        SecondFactor() {
            SetupLink link = service.createAccount(ADMIN, "pema.lhamo", PARO_LAND_CLERK);
            recoveryCodes = setUp(link, GOOD_PASSWORD);
            secret = stored("pema.lhamo").secondFactor().secret();
        }

        @Test
        void aCodeIsTakenOnceTheCodeOfTheSetUpStepNotAtAll() {
            assertFalse(service.verifySecondFactor("pema.lhamo", codeNow(secret), null), "used for the set-up");
            clock.advance(Duration.ofSeconds(30));
            String code = codeNow(secret);
            assertTrue(service.verifySecondFactor("pema.lhamo", code, null));
            assertFalse(service.verifySecondFactor("pema.lhamo", code, null), "a replay");
            assertEquals(Totp.step(clock.instant()), stored("pema.lhamo").secondFactor().lastStep());
            clock.advance(Duration.ofSeconds(30));
            assertTrue(service.verifySecondFactor("pema.lhamo", codeNow(secret), null));
        }

        @Test
        void aRecoveryCodeWorksOnceInAnyCaseAndIsLogged() {
            String code = recoveryCodes.get(3);
            assertTrue(service.verifySecondFactor("Pema.Lhamo", code.toLowerCase().replace("-", " "), "10.0.0.7"));
            assertFalse(service.verifySecondFactor("pema.lhamo", code, "10.0.0.7"), "single use");
            assertEquals(9, stored("pema.lhamo").secondFactor().recoveryCodeHashes().size());
            StaffEvent used = log.all().stream().filter(e -> e.kind() == Kind.RECOVERY_CODE_USED).findFirst().orElseThrow();
            assertEquals("pema.lhamo", used.actor());
            assertEquals("10.0.0.7", used.client());
            assertEquals("9 left", used.detail());
            assertEquals(Kind.SIGN_IN_FAILED, log.all().get(log.all().size() - 1).kind(), "the second use is a wrong code");
            assertTrue(service.verifySecondFactor("pema.lhamo", recoveryCodes.get(4), null));
        }

        @Test
        void fiveWrongCodesStopEveryCodeOfTheAccountForAQuarterOfAnHourFromAnyAddress() {
            clock.advance(Duration.ofSeconds(30));
            String right = codeNow(secret);
            String wrong = right.equals("000000") ? "000001" : "000000";
            for (int i = 0; i < 5; i++) {
                assertFalse(service.verifySecondFactor("pema.lhamo", wrong, "203.0.113." + i));
            }
            assertFalse(service.verifySecondFactor("pema.lhamo", right, "10.0.0.7"), "locked for every address");
            assertFalse(service.verifySecondFactor("pema.lhamo", recoveryCodes.get(0), "10.0.0.7"), "recovery codes too");
            StaffEvent last = log.all().get(log.all().size() - 1);
            assertEquals(Kind.SIGN_IN_THROTTLED, last.kind());
            assertEquals("pema.lhamo", last.actor());
            assertEquals(5, log.all().stream().filter(e -> e.kind() == Kind.SIGN_IN_FAILED).count());

            clock.advance(Duration.ofMinutes(15));
            assertTrue(service.verifySecondFactor("pema.lhamo", codeNow(secret), "10.0.0.7"));
            assertEquals(10, stored("pema.lhamo").secondFactor().recoveryCodeHashes().size(),
                    "no recovery code was used while locked");
        }

        @Test
        void nothingIsTakenForAnAccountWithoutAFactorOrDisabled() {
            assertFalse(service.verifySecondFactor("admin", "123456", null));
            assertFalse(service.verifySecondFactor("nobody", "123456", null));
            service.disable(ADMIN, "pema.lhamo");
            clock.advance(Duration.ofSeconds(30));
            assertFalse(service.verifySecondFactor("pema.lhamo", codeNow(secret), null));
        }

        @Test
        void anAdministratorsResetEndsTheOldFactorAndLinksToANewOneKeepingThePassword() {
            assertThrows(AccessDeniedException.class, () -> service.resetSecondFactor(INSPECTOR, "pema.lhamo"));
            SetupLink reset = service.resetSecondFactor(ADMIN, "pema.lhamo");
            assertEquals(SetupGrant.Purpose.FACTOR, reset.purpose());
            clock.advance(Duration.ofSeconds(30));
            assertFalse(service.verifySecondFactor("pema.lhamo", codeNow(secret), null), "the old factor is gone");
            assertFalse(service.verifySecondFactor("pema.lhamo", recoveryCodes.get(0), null), "its recovery codes too");
            StaffEvent logged = log.all().get(log.all().size() - 1);
            assertEquals(Kind.FACTOR_RESET, logged.kind());
            assertEquals("admin", logged.actor());
            assertEquals("pema.lhamo", logged.subject());

            assertEquals(10, setUp(reset, null).size(), "no password asked for a new factor");
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());
            TotpSecret renewed = stored("pema.lhamo").secondFactor().secret();
            assertNotEquals(secret, renewed);
            clock.advance(Duration.ofSeconds(30));
            assertTrue(service.verifySecondFactor("pema.lhamo", codeNow(renewed), null));
        }

        @Test
        void aNewLinkReplacesTheOneBeforeIt() {
            SetupLink first = service.resetSecondFactor(ADMIN, "pema.lhamo");
            SetupLink second = service.resetSecondFactor(ADMIN, "pema.lhamo");
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup(first.token()), "token"));
            assertEquals("pema.lhamo", service.startSetup(second.token()).username());
        }
    }

    @Nested
    class DemoEnrolment {

        private final TotpSecret secret = new TotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

        @Test
        void aDemoAccountGetsTheGivenSecretAndAFewRecoveryCodesThatSignInTakes() {
            service.create("land.clerk", "Land clerk", Role.CLERK, Register.LAND, "THIMPHU", new PlainPasswordHasher().hash("demo-password".toCharArray()));

            StaffAccountService.DemoFactor factor = service.enrolDemoFactor("land.clerk", secret);

            assertEquals(Totp.keyUri("land.clerk", secret), factor.keyUri());
            assertTrue(factor.keyUri().startsWith("otpauth://totp/") && factor.keyUri().contains("secret=" + secret.base32()));
            assertEquals(StaffAccountService.DEMO_RECOVERY_CODES, factor.recoveryCodes().size());
            assertEquals(factor.recoveryCodes().size(), new HashSet<>(factor.recoveryCodes()).size());
            assertFalse(factor.toString().contains(secret.base32()), "the secret is never printed");
            assertNull(stored("land.clerk").setupGrant());

            String code = codeNow(secret);
            assertTrue(service.verifySecondFactor("land.clerk", code, null), "the first code of the secret is taken");
            assertFalse(service.verifySecondFactor("land.clerk", code, null), "once");
            assertTrue(service.verifySecondFactor("land.clerk", factor.recoveryCodes().get(1), null));
            assertFalse(service.verifySecondFactor("land.clerk", factor.recoveryCodes().get(1), null), "single use");
            assertTrue(service.authenticate("land.clerk", "demo-password".toCharArray(), "10.0.0.7").isPresent(),
                    "the password stays");
        }

        @Test
        void anAccountWithAFactorOrNoAccountIsRefused() {
            service.enrolDemoFactor("admin", secret);
            assertThrows(IllegalStateException.class, () -> service.enrolDemoFactor("admin", TotpSecret.random(new java.security.SecureRandom())));
            assertTrue(service.verifySecondFactor("admin", codeNow(secret), null), "the first factor stays");
            assertThrows(IllegalArgumentException.class, () -> service.enrolDemoFactor("nobody", secret));
        }
    }

    @Nested
    class Administering {

        @Test
        void anEditChangesRoleRegisterAgencyAndOfficeAndLogsBeforeAndAfter() {
            service.createAccount(ADMIN, "pema.lhamo", PARO_LAND_CLERK);
            service.changeAccount(ADMIN, "pema.lhamo",
                    new StaffAccount.Assignment("Pema Lhamo", Role.CLERK, Register.NOTARY, "MOLHR", "THIMPHU"));
            StaffAccount account = stored("pema.lhamo");
            assertEquals(StaffMember.clerk("pema.lhamo", Register.NOTARY, "THIMPHU"), account.toStaffMember());
            assertEquals("MOLHR", account.agency());
            StaffEvent changed = log.all().get(1);
            assertEquals(Kind.ACCOUNT_CHANGED, changed.kind());
            assertEquals("clerk land agency NLCS office PARO -> clerk notary agency MOLHR office THIMPHU", changed.detail());

            service.changeAccount(ADMIN, "pema.lhamo", new StaffAccount.Assignment(null, Role.INSPECTOR, null, null, null));
            assertEquals(Role.INSPECTOR, stored("pema.lhamo").role());
            assertThrows(AccessDeniedException.class, () -> service.changeAccount(INSPECTOR, "pema.lhamo", PARO_LAND_CLERK));
        }

        @Test
        void anAdministratorCannotDemoteOrDisableThemselves() {
            assertThrows(AccessDeniedException.class, () -> service.changeAccount(ADMIN, "admin", PARO_LAND_CLERK));
            assertThrows(AccessDeniedException.class, () -> service.disable(ADMIN, "admin"));
            assertEquals(Role.ADMIN, stored("admin").role());
            assertTrue(stored("admin").enabled());
        }

        @Test
        void disablingStopsSignInAndTheApiAndReEnablingGivesBackTheSamePassword() {
            setUp(service.createAccount(ADMIN, "pema.lhamo", PARO_LAND_CLERK), GOOD_PASSWORD);
            assertTrue(service.credentialStamp("pema.lhamo").isPresent());

            service.disable(ADMIN, "pema.lhamo");
            service.disable(ADMIN, "pema.lhamo");
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isEmpty());
            assertTrue(service.credentialStamp("pema.lhamo").isEmpty());
            assertTrue(service.member("pema.lhamo").isEmpty());
            assertThrows(AccessDeniedException.class, () -> service.enable(INSPECTOR, "pema.lhamo"));

            service.enable(ADMIN, "pema.lhamo");
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());
            assertEquals(List.of(Kind.ACCOUNT_CREATED, Kind.SETUP_COMPLETED, Kind.ACCOUNT_DISABLED,
                    Kind.SIGN_IN_FAILED, Kind.ACCOUNT_ENABLED, Kind.SIGN_IN), kinds(), "a second disable logs nothing");
            assertEquals("admin", log.all().get(2).actor());
            assertEquals("pema.lhamo", log.all().get(2).subject());
        }

        @Test
        void aResetOfAnAccountNeverSetUpGivesAFullSetUpLinkAgain() {
            SetupLink expired = service.createAccount(ADMIN, "pema.lhamo", PARO_LAND_CLERK);
            clock.advance(Duration.ofDays(3));
            SetupLink again = service.resetSecondFactor(ADMIN, "pema.lhamo");
            assertEquals(SetupGrant.Purpose.ACCOUNT, again.purpose(), "the person has no password yet");
            assertEquals("staff.setup.invalid", refusalCode(() -> service.startSetup(expired.token()), "token"));
            setUp(again, GOOD_PASSWORD);
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());
        }
    }

    @Nested
    class OwnPassword {

        private final StaffMember pema;

        OwnPassword() {
            setUp(service.createAccount(ADMIN, "pema.lhamo", PARO_LAND_CLERK), GOOD_PASSWORD);
            pema = service.member("pema.lhamo").orElseThrow();
        }

        @Test
        void needsTheCurrentPasswordAndANewOneThePolicyTakes() {
            assertEquals("staff.password.current", refusalCode(() -> service.changeOwnPassword(pema,
                    "not my password".toCharArray(), "a brand new phrase".toCharArray(), null), "currentPassword"));
            assertEquals("staff.password.common", refusalCode(() -> service.changeOwnPassword(pema,
                    GOOD_PASSWORD.toCharArray(), "iloveyou1234".toCharArray(), null), "newPassword"));
            assertEquals("staff.password.same", refusalCode(() -> service.changeOwnPassword(pema,
                    GOOD_PASSWORD.toCharArray(), GOOD_PASSWORD.toCharArray(), null), "newPassword"));
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isPresent());

            char[] current = GOOD_PASSWORD.toCharArray();
            char[] next = "a brand new phrase".toCharArray();
            service.changeOwnPassword(pema, current, next, "10.0.0.7");
            assertEquals("", new String(current).replace("\0", "") + new String(next).replace("\0", ""), "both wiped");
            assertTrue(service.authenticate("pema.lhamo", GOOD_PASSWORD.toCharArray(), "10.0.0.7").isEmpty());
            assertTrue(service.authenticate("pema.lhamo", "a brand new phrase".toCharArray(), "10.0.0.7").isPresent());
            StaffEvent changed = log.all().stream().filter(e -> e.kind() == Kind.PASSWORD_CHANGED).findFirst().orElseThrow();
            assertEquals("pema.lhamo", changed.actor());
            assertEquals("10.0.0.7", changed.client());
        }
    }

    @Nested
    class SignInLog {

        @Test
        void aTypedNameThatMatchesNoAccountIsLoggedOnlyAsAHash() {
            service.authenticate("My Secret Pass", "whatever".toCharArray(), "10.0.0.7");
            service.authenticate("admin", "wrong".toCharArray(), "10.0.0.7");
            StaffEvent unknown = log.all().get(0);
            assertEquals(Kind.SIGN_IN_FAILED, unknown.kind());
            assertEquals(StaffActivity.unknownName("my secret pass"), unknown.actor());
            assertTrue(unknown.actor().matches("unknown:[0-9a-f]{32}"), unknown.actor());
            assertEquals("admin", log.all().get(1).actor(), "a real account is named");
        }
    }

    /** Keeps copies, as a database does: a change the service does not save is not kept. */
    private static final class CopyingRepository implements StaffAccountRepository {
        private final Map<String, StaffAccount> rows = new TreeMap<>();

        private static StaffAccount copy(StaffAccount a) {
            return new StaffAccount(a.username(), a.assignment(), a.passwordHash(), a.enabled(), a.createdAt(),
                    a.lastSignInAt(), a.secondFactor(), a.setupGrant());
        }

        @Override
        public Optional<StaffAccount> findByUsername(String username) {
            return Optional.ofNullable(rows.get(username)).map(CopyingRepository::copy);
        }

        @Override
        public void save(StaffAccount account) {
            rows.put(account.username(), copy(account));
        }

        @Override
        public void recordSignIn(String username, Instant when) {
        }

        @Override
        public long count() {
            return rows.size();
        }

        @Override
        public List<StaffAccount> all() {
            return new ArrayList<>(rows.values().stream().map(CopyingRepository::copy).toList());
        }
    }
}
