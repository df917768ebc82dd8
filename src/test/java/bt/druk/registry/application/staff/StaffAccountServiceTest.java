package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.audit.StaffActivity;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.staff.CredentialStamp;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffAccountServiceTest {

    private final FakeRepository repository = new FakeRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
    private final InMemoryStaffEventLog log = new InMemoryStaffEventLog();
    private final StaffAccountService service = new StaffAccountService(repository, new PlainHasher(),
            new SignInThrottle(clock, new InMemorySignInStrikes()), new StaffActivity(log, clock), password -> false, clock);

    StaffAccountServiceTest() {
        repository.account = new StaffAccount("land.clerk", "Land clerk", Role.CLERK, Register.LAND, "THIMPHU",
                "plain:right", true, Instant.parse("2026-11-01T00:00:00Z"), null);
    }

    @Test
    void aCorrectPasswordSignsInAndNotesTheTime() {
        Optional<StaffAccountService.SignIn> signIn = service.authenticate("Land.Clerk ", "right".toCharArray(), "10.0.0.5");
        assertTrue(signIn.isPresent());
        assertEquals(Set.of("clerk", "clerk-land"), signIn.get().groups());
        assertEquals(List.of("land.clerk"), repository.signInsNoted);
        assertEquals(List.of(), repository.saved, "sign-in does not save the account (that is what conflicted)");
    }

    @Test
    void aSignInSucceedsEvenWhenNotingItsTimeFails() {
        repository.failToNote = true;
        assertTrue(service.authenticate("land.clerk", "right".toCharArray(), "10.0.0.5").isPresent(),
                "bookkeeping never turns a correct password into a refusal");
    }

    @Test
    void aWrongPasswordIsRefusedAndNotNoted() {
        assertTrue(service.authenticate("land.clerk", "wrong".toCharArray(), "10.0.0.5").isEmpty());
        assertEquals(List.of(), repository.signInsNoted);
    }

    @Test
    void everyAttemptGoesIntoTheStaffLogWithItsClientAndALockedNameIsRefusedUnlooked() {
        service.authenticate("land.clerk", "right".toCharArray(), "10.0.0.5");
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            service.authenticate("land.clerk", "guess".toCharArray(), "203.0.113.9");
        }
        assertTrue(service.authenticate("land.clerk", "right".toCharArray(), "203.0.113.9").isEmpty(),
                "locked at that client even with the right password");
        assertTrue(service.signInLockedFor("land.clerk", "203.0.113.9").isPresent());
        assertTrue(service.authenticate("land.clerk", "right".toCharArray(), "10.0.0.5").isPresent(),
                "the clerk's own desk is not locked");

        List<StaffEvent.Kind> kinds = log.all().stream().map(StaffEvent::kind).toList();
        assertEquals(List.of(StaffEvent.Kind.SIGN_IN, StaffEvent.Kind.SIGN_IN_FAILED, StaffEvent.Kind.SIGN_IN_FAILED,
                StaffEvent.Kind.SIGN_IN_FAILED, StaffEvent.Kind.SIGN_IN_FAILED, StaffEvent.Kind.SIGN_IN_FAILED,
                StaffEvent.Kind.SIGN_IN_THROTTLED, StaffEvent.Kind.SIGN_IN), kinds);
        assertEquals("203.0.113.9", log.all().get(1).client());
        assertEquals("land.clerk", log.all().get(1).actor());
    }

    @Test
    void thirtyWrongPasswordsFromOneAddressLeaveTheAccountUsableFromAnother() {
        for (int i = 0; i < SignInThrottle.MAX_CLIENT_FAILURES; i++) {
            service.authenticate(i < SignInThrottle.MAX_FAILURES ? "land.clerk" : "guess" + i, "wrong".toCharArray(), "203.0.113.9");
        }
        assertTrue(service.signInLockedFor("land.clerk", "203.0.113.9").isPresent(), "the attacking address is stopped");
        assertTrue(service.signInLockedFor("inspector", "203.0.113.9").isPresent(), "for every name");
        assertTrue(service.authenticate("land.clerk", "right".toCharArray(), "203.0.113.9").isEmpty());

        assertTrue(service.signInLockedFor("land.clerk", "10.0.0.5").isEmpty(), "never the account for everyone");
        assertTrue(service.authenticate("land.clerk", "right".toCharArray(), "10.0.0.5").isPresent());
    }

    @Test
    void theCredentialStampChangesWithThePasswordAndIsGoneWhenTheAccountIsDisabled() {
        CredentialStamp before = service.credentialStamp("Land.Clerk").orElseThrow();
        assertEquals(before, service.credentialStamp("land.clerk").orElseThrow(), "the same while nothing changes");
        assertTrue(service.credentialStamp("nobody").isEmpty());

        char[] next = "new-password".toCharArray();
        service.changePassword("land.clerk", next);
        assertEquals(0, new String(next).replace("\0", "").length(), "the new password is wiped");
        CredentialStamp after = service.credentialStamp("land.clerk").orElseThrow();
        assertNotEquals(before, after);
        assertTrue(service.authenticate("land.clerk", "right".toCharArray(), "10.0.0.5").isEmpty(), "the old password is refused");
        assertTrue(service.authenticate("land.clerk", "new-password".toCharArray(), "10.0.0.5").isPresent());

        service.disable("land.clerk");
        assertTrue(service.credentialStamp("land.clerk").isEmpty());
        assertTrue(service.authenticate("land.clerk", "new-password".toCharArray(), "10.0.0.5").isEmpty());
        assertEquals(List.of("land.clerk", "land.clerk disabled"), repository.saved);
    }

    private static final class FakeRepository implements StaffAccountRepository {
        StaffAccount account;
        boolean failToNote;
        final List<String> signInsNoted = new ArrayList<>();

        @Override
        public Optional<StaffAccount> findByUsername(String username) {
            return Optional.ofNullable(account).filter(a -> a.username().equals(username));
        }

        final List<String> saved = new ArrayList<>();

        @Override
        public void save(StaffAccount account) {
            saved.add(account.username() + (account.enabled() ? "" : " disabled"));
            this.account = account;
        }

        @Override
        public void recordSignIn(String username, Instant when) {
            if (failToNote) {
                throw new IllegalStateException("database busy");
            }
            signInsNoted.add(username);
        }

        @Override
        public long count() {
            return account == null ? 0 : 1;
        }

        @Override
        public List<StaffAccount> all() {
            return account == null ? List.of() : List.of(account);
        }
    }

    /** Not a hash: the test is about the bookkeeping around it. */
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
