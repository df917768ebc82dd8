package bt.druk.registry.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void theFifthFailureWithinTheWindowLocksTheUserNameForFifteenMinutes() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("land.clerk");
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(throttle.lockedFor("land.clerk").isEmpty(), "four failures are not yet a lock");
        throttle.failed("land.clerk");
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("land.clerk"));
        assertTrue(throttle.lockedFor("inspector").isEmpty(), "other user names are not affected");

        clock.advance(Duration.ofMinutes(14));
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("land.clerk"));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(throttle.lockedFor("land.clerk").isEmpty(), "the lock ends");
        throttle.failed("land.clerk");
        assertTrue(throttle.lockedFor("land.clerk").isEmpty(), "and counting starts again");
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("land.clerk");
            clock.advance(Duration.ofMinutes(4));
        }
        assertTrue(throttle.lockedFor("land.clerk").isEmpty());
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("land.clerk");
        }
        throttle.succeeded("land.clerk");
        throttle.failed("land.clerk");
        assertTrue(throttle.lockedFor("land.clerk").isEmpty());
    }

    @Test
    void failuresAtTheSameMomentAreAllCounted() throws Exception {
        // Repeated: a lost update between threads shows only now and then.
        for (int round = 0; round < 200; round++) {
            SignInThrottle fresh = new SignInThrottle(clock);
            int threads = SignInThrottle.MAX_FAILURES - 1;
            CyclicBarrier together = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        together.await();
                        fresh.failed("land.clerk");
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(fresh.lockedFor("land.clerk").isEmpty(), "round " + round + ": not yet locked");
            fresh.failed("land.clerk");
            assertTrue(fresh.lockedFor("land.clerk").isPresent(), "round " + round + ": every failure counted");
        }
    }
}
