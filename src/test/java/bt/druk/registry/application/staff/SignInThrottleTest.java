package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.staff.SignInStrikes;
import bt.druk.registry.testing.InMemorySignInStrikes;
import bt.druk.registry.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    static final String OFFICE = "10.1.2.3";
    static final String OUTSIDER = "203.0.113.9";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    final InMemorySignInStrikes database = new InMemorySignInStrikes();
    final SignInThrottle throttle = new SignInThrottle(clock, database);

    @Test
    void theFifthFailureWithinTheWindowLocksTheUserNameAtThatClientForFifteenMinutes() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("land.clerk", OFFICE);
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty(), "four failures are not yet a lock");
        throttle.failed("land.clerk", OFFICE);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("land.clerk", OFFICE));
        assertTrue(throttle.lockedFor("inspector", OFFICE).isEmpty(), "other user names are not affected");

        clock.advance(Duration.ofMinutes(14));
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("land.clerk", OFFICE));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty(), "the lock ends");
        throttle.failed("land.clerk", OFFICE);
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty(), "and counting starts again");
    }

    @Test
    void anOutsiderGuessingAClerksPasswordLocksOnlyThemselvesOut() {
        for (int i = 0; i < 3 * SignInThrottle.MAX_FAILURES; i++) {
            throttle.failed("land.clerk", OUTSIDER);
        }
        assertTrue(throttle.lockedFor("land.clerk", OUTSIDER).isPresent(), "the guesser is stopped");
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty(), "the clerk at the office still signs in");
    }

    @Test
    void aClientTryingManyNamesIsStoppedWhateverTheNames() {
        for (int i = 0; i < SignInThrottle.MAX_CLIENT_FAILURES - 1; i++) {
            throttle.failed("name" + i, OUTSIDER);
        }
        assertTrue(throttle.lockedFor("one.more", OUTSIDER).isEmpty(), "not yet");
        throttle.failed("name-last", OUTSIDER);
        assertTrue(throttle.lockedFor("land.clerk", OUTSIDER).isPresent(), "every name is refused from that client now");
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty(), "and only from that client");
    }

    @Test
    void twoPortalsOnOneDatabaseShareTheCount() {
        SignInThrottle otherPortal = new SignInThrottle(clock, database);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            (i % 2 == 0 ? throttle : otherPortal).failed("land.clerk", OUTSIDER);
        }
        assertTrue(throttle.lockedFor("land.clerk", OUTSIDER).isPresent());
        assertTrue(otherPortal.lockedFor("land.clerk", OUTSIDER).isPresent());
    }

    @Test
    void unknownNamesAreCountedExactlyLikeKnownOnesAndNoNameIsKeptInClear() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
            throttle.failed("no.such.clerk", OUTSIDER);
        }
        assertTrue(throttle.lockedFor("no.such.clerk", OUTSIDER).isPresent());
        assertTrue(database.find(SignInThrottle.nameAtClient("no.such.clerk", OUTSIDER)).isPresent());
        assertTrue(SignInThrottle.nameAtClient("no.such.clerk", OUTSIDER).matches("name:[0-9a-f]{64}@203\\.0\\.113\\.9"),
                SignInThrottle.nameAtClient("no.such.clerk", OUTSIDER));
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLockAndAreForgotten() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("land.clerk", OFFICE);
            clock.advance(Duration.ofMinutes(4));
        }
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty());
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("someone", OUTSIDER);
        assertEquals(2, database.size(), "stale counts are dropped: only the newest failure's two subjects remain");
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailuresOfThatNameAtThatClient() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("land.clerk", OFFICE);
        }
        throttle.succeeded("land.clerk", OFFICE);
        throttle.failed("land.clerk", OFFICE);
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty());
    }

    @Test
    void aBrokenStoreNeverRefusesASignIn() {
        SignInThrottle broken = new SignInThrottle(clock, new SignInStrikes() {
            @Override
            public Optional<Strikes> find(String subject) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void update(String subject, UnaryOperator<Strikes> next) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void clear(String subject) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void forgetStale(Instant countingSince, Instant now) {
                throw new IllegalStateException("database down");
            }
        });
        broken.failed("land.clerk", OFFICE);
        broken.succeeded("land.clerk", OFFICE);
        assertTrue(broken.lockedFor("land.clerk", OFFICE).isEmpty());
    }

    @Test
    void failuresAtTheSameMomentAreAllCounted() throws Exception {
        // Repeated: a lost update between threads shows only now and then.
        for (int round = 0; round < 200; round++) {
            SignInThrottle fresh = new SignInThrottle(clock, new InMemorySignInStrikes());
            int threads = SignInThrottle.MAX_FAILURES - 1;
            CyclicBarrier together = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        together.await();
                        fresh.failed("land.clerk", OFFICE);
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(fresh.lockedFor("land.clerk", OFFICE).isEmpty(), "round " + round + ": not yet locked");
            fresh.failed("land.clerk", OFFICE);
            assertTrue(fresh.lockedFor("land.clerk", OFFICE).isPresent(), "round " + round + ": every failure counted");
        }
    }

    @Test
    void wrongSecondFactorCodesLockTheAccountsCodesApartFromItsPasswords() {
        for (int i = 0; i < SignInThrottle.MAX_FACTOR_FAILURES - 1; i++) {
            throttle.factorFailed("land.clerk");
        }
        assertTrue(throttle.factorLockedFor("land.clerk").isEmpty());
        throttle.factorFailed("land.clerk");
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.factorLockedFor("land.clerk"));
        assertTrue(throttle.factorLockedFor("inspector").isEmpty(), "other accounts are not affected");
        assertTrue(throttle.lockedFor("land.clerk", OFFICE).isEmpty(), "nor the password sign-in");
        assertTrue(database.find(SignInThrottle.factorSubject("land.clerk")).isPresent());
        assertTrue(SignInThrottle.factorSubject("land.clerk").length() <= 160, "fits sign_in_strike.subject");

        clock.advance(Duration.ofMinutes(15));
        assertTrue(throttle.factorLockedFor("land.clerk").isEmpty());
        throttle.factorFailed("land.clerk");
        throttle.factorSucceeded("land.clerk");
        assertTrue(database.find(SignInThrottle.factorSubject("land.clerk")).isEmpty(), "a right code forgets");
    }
}
