package bt.druk.registry.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.staff.CredentialStamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final VerifiedCredentials verified = new VerifiedCredentials(now::get);
    private final AtomicInteger checks = new AtomicInteger();
    /** Every account's stamp now: "v1" unless a test changed it, none for a disabled one. */
    private final Map<String, Optional<CredentialStamp>> accounts = new ConcurrentHashMap<>();
    private final CredentialStamps stamps = name -> accounts.getOrDefault(name, Optional.of(new CredentialStamp("v1")));

    /** An identity store that finds every credential valid for {@code name}, counting how often it is asked. */
    private Supplier<Optional<VerifiedCredentials.Caller>> valid(String name, String... groups) {
        return () -> {
            checks.incrementAndGet();
            return Optional.of(new VerifiedCredentials.Caller(name, Set.of(groups)));
        };
    }

    private Optional<VerifiedCredentials.Caller> ask(String name, String password) {
        return verified.caller(name, password.toCharArray(), stamps, () -> {
            checks.incrementAndGet();
            return Optional.empty();
        });
    }

    @Test
    void aValidCredentialIsBelievedForAMinuteAndOnlyWithTheSamePassword() {
        assertEquals(Set.of("LAND_CLERK"), verified.caller("land.clerk", "right".toCharArray(), stamps, valid("land.clerk", "LAND_CLERK"))
                .orElseThrow().groups());
        assertEquals(1, checks.get());
        assertEquals("land.clerk", ask("land.clerk", "right").orElseThrow().name(), "believed without asking");
        assertEquals(1, checks.get());
        assertTrue(ask("land.clerk", "wrong").isEmpty());
        assertTrue(ask("other.clerk", "right").isEmpty());
        assertEquals(3, checks.get(), "other credentials are asked about");
        // The name and the password are separated: "ab" + "c" is not "a" + "bc".
        verified.caller("ab", "c".toCharArray(), stamps, valid("ab"));
        assertTrue(ask("a", "bc").isEmpty());

        now.addAndGet(VerifiedCredentials.TTL_NANOS);
        assertTrue(ask("land.clerk", "right").isPresent(), "still within the minute");
        now.addAndGet(1);
        assertTrue(ask("land.clerk", "right").isEmpty(), "asked again after a minute");
    }

    @Test
    void aDisabledAccountIsAskedAboutAgainAtTheNextRequestAndNeverKept() {
        assertTrue(verified.caller("land.clerk", "right".toCharArray(), stamps, valid("land.clerk")).isPresent());
        accounts.put("land.clerk", Optional.empty());
        assertTrue(ask("land.clerk", "right").isEmpty(), "no minute to wait: the identity store refuses a disabled account");
        assertEquals(2, checks.get());
        assertTrue(verified.caller("land.clerk", "right".toCharArray(), stamps, valid("land.clerk")).isPresent(),
                "(a store that still said yes)");
        assertTrue(ask("land.clerk", "right").isEmpty(), "is not remembered while the account has no stamp");
        assertEquals(4, checks.get());
    }

    @Test
    void aChangedPasswordEndsTheOldOneAtTheNextRequest() {
        assertTrue(verified.caller("land.clerk", "old".toCharArray(), stamps, valid("land.clerk")).isPresent());
        assertTrue(ask("land.clerk", "old").isPresent(), "believed while the account is as it was");
        accounts.put("land.clerk", Optional.of(new CredentialStamp("v2")));
        assertTrue(ask("land.clerk", "old").isEmpty(), "the old password is asked about again, and refused");
        assertEquals(2, checks.get());
        assertTrue(verified.caller("land.clerk", "new".toCharArray(), stamps, valid("land.clerk")).isPresent());
        assertTrue(ask("land.clerk", "new").isPresent(), "the new one is believed again");
        assertEquals(3, checks.get());
    }

    @Test
    void theStampIsReadBeforeTheCheckSoAChangeDuringItIsNotMissed() {
        Supplier<Optional<VerifiedCredentials.Caller>> changedMeanwhile = () -> {
            checks.incrementAndGet();
            accounts.put("land.clerk", Optional.of(new CredentialStamp("v2")));
            return Optional.of(new VerifiedCredentials.Caller("land.clerk", Set.of()));
        };
        assertTrue(verified.caller("land.clerk", "old".toCharArray(), stamps, changedMeanwhile).isPresent());
        assertTrue(ask("land.clerk", "old").isEmpty(), "kept under the stamp before the change, so not believed after it");
    }

    @Test
    void anInvalidCredentialIsNotKept() {
        assertTrue(ask("land.clerk", "guess").isEmpty());
        assertTrue(ask("land.clerk", "guess").isEmpty());
        assertEquals(2, checks.get(), "each wrong guess is checked, and so counted by the sign-in throttle");
    }

    @Test
    void holdsABoundedNumberOfCredentials() {
        for (int i = 0; i <= VerifiedCredentials.MAX_ENTRIES; i++) {
            verified.caller("clerk" + i, "pw".toCharArray(), stamps, valid("clerk" + i));
        }
        assertTrue(ask("clerk0", "pw").isEmpty(), "the least recently used went");
        assertTrue(ask("clerk" + VerifiedCredentials.MAX_ENTRIES, "pw").isPresent());
    }

    @Test
    void requestsWithTheSameCredentialWaitForOneCheck() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Optional<VerifiedCredentials.Caller>> slow = () -> {
            checks.incrementAndGet();
            checking.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Optional.of(new VerifiedCredentials.Caller("land.clerk", Set.of("LAND_CLERK")));
        };
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<VerifiedCredentials.Caller>>> answers = new ArrayList<>();
            answers.add(clients.submit(() -> verified.caller("land.clerk", "right".toCharArray(), stamps, slow)));
            assertTrue(checking.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 7; i++) {
                answers.add(clients.submit(() -> verified.caller("land.clerk", "right".toCharArray(), stamps, slow)));
            }
            Thread.sleep(200); // the seven are waiting for the first check
            release.countDown();
            for (Future<Optional<VerifiedCredentials.Caller>> answer : answers) {
                assertEquals("land.clerk", answer.get(10, TimeUnit.SECONDS).orElseThrow().name());
            }
            assertEquals(1, checks.get(), "one derivation for eight requests");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aCheckThatFailsFailsAndIsTriedAgainByTheNextRequest() {
        Supplier<Optional<VerifiedCredentials.Caller>> broken = () -> {
            checks.incrementAndGet();
            throw new IllegalStateException("the staff database is down");
        };
        assertThrows(IllegalStateException.class, () -> verified.caller("land.clerk", "right".toCharArray(), stamps, broken));
        assertEquals("land.clerk", verified.caller("land.clerk", "right".toCharArray(), stamps, valid("land.clerk")).orElseThrow().name());
        assertEquals(2, checks.get());
    }
}
