package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.staff.PasswordHasher;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import bt.druk.registry.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffAccountServiceTest {

    private final FakeRepository repository = new FakeRepository();
    private final StaffAccountService service = new StaffAccountService();

    StaffAccountServiceTest() {
        service.repository = repository;
        service.hasher = new PlainHasher();
        service.throttle = new SignInThrottle(new MutableClock(Instant.parse("2026-11-30T08:00:00Z")));
        repository.account = new StaffAccount("land.clerk", "Land clerk", Role.CLERK, Register.LAND, "THIMPHU",
                "plain:right", true, Instant.parse("2026-11-01T00:00:00Z"), null);
    }

    @Test
    void aCorrectPasswordSignsInAndNotesTheTime() {
        Optional<StaffAccountService.SignIn> signIn = service.authenticate("Land.Clerk ", "right".toCharArray());
        assertTrue(signIn.isPresent());
        assertEquals(Set.of("clerk", "clerk-land"), signIn.get().groups());
        assertEquals(List.of("land.clerk"), repository.signInsNoted);
    }

    @Test
    void aSignInSucceedsEvenWhenNotingItsTimeFails() {
        repository.failToNote = true;
        assertTrue(service.authenticate("land.clerk", "right".toCharArray()).isPresent(),
                "bookkeeping never turns a correct password into a refusal");
    }

    @Test
    void aWrongPasswordIsRefusedAndNotNoted() {
        assertTrue(service.authenticate("land.clerk", "wrong".toCharArray()).isEmpty());
        assertEquals(List.of(), repository.signInsNoted);
    }

    private static final class FakeRepository implements StaffAccountRepository {
        StaffAccount account;
        boolean failToNote;
        final List<String> signInsNoted = new ArrayList<>();

        @Override
        public Optional<StaffAccount> findByUsername(String username) {
            return Optional.ofNullable(account).filter(a -> a.username().equals(username));
        }

        @Override
        public void save(StaffAccount account) {
            throw new AssertionError("sign-in does not save the account (that is what conflicted)");
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
