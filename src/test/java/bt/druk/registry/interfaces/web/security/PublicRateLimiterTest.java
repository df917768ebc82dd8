package bt.druk.registry.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PublicRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(42 * SECOND);

    @Test
    void aClientSpendsItsBurstThenWaitsForTheRefill() {
        PublicRateLimiter limiter = new PublicRateLimiter(3, 0.5, 100, clock::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.admit("10.0.0.1").allowed(), "request " + i + " of the burst");
        }
        PublicRateLimiter.Admission refused = limiter.admit("10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds(), "one token every 2 s at 0.5/s");

        clock.addAndGet(SECOND);
        PublicRateLimiter.Admission stillRefused = limiter.admit("10.0.0.1");
        assertFalse(stillRefused.allowed());
        assertEquals(1, stillRefused.retryAfterSeconds(), "half a token back, one second to go");

        clock.addAndGet(SECOND);
        assertTrue(limiter.admit("10.0.0.1").allowed(), "a token is back after 2 s");
        assertFalse(limiter.admit("10.0.0.1").allowed(), "and only one");
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        PublicRateLimiter limiter = new PublicRateLimiter(1, 1, 100, clock::get);
        assertTrue(limiter.admit("10.0.0.1").allowed());
        assertFalse(limiter.admit("10.0.0.1").allowed());
        assertTrue(limiter.admit("10.0.0.2").allowed(), "another address is not held back by the first");
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        PublicRateLimiter limiter = new PublicRateLimiter(2, 10, 100, clock::get);
        assertTrue(limiter.admit("c").allowed());
        clock.addAndGet(3600 * SECOND);
        assertTrue(limiter.admit("c").allowed());
        assertTrue(limiter.admit("c").allowed());
        assertFalse(limiter.admit("c").allowed(), "an hour idle is worth the burst, not 36,000 requests");
        assertEquals(1, limiter.admit("c").retryAfterSeconds(), "Retry-After is at least one second");
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfClientsDroppingTheLeastRecentlySeen() {
        PublicRateLimiter limiter = new PublicRateLimiter(1, 0.001, 3, clock::get);
        assertTrue(limiter.admit("a").allowed());
        assertTrue(limiter.admit("b").allowed());
        assertTrue(limiter.admit("c").allowed());
        assertFalse(limiter.admit("a").allowed(), "a is now the most recently seen");
        for (int i = 0; i < 10_000; i++) {
            limiter.admit("spray-" + i);
        }
        assertEquals(3, limiter.clients(), "ten thousand addresses leave three buckets");

        PublicRateLimiter small = new PublicRateLimiter(1, 0.001, 2, clock::get);
        small.admit("a");
        small.admit("b");
        assertFalse(small.admit("a").allowed());
        small.admit("c"); // drops b, seen longest ago
        assertFalse(small.admit("a").allowed(), "a was kept with its empty bucket");
        assertTrue(small.admit("b").allowed(), "b was dropped and starts with a full bucket");
    }

    @Test
    void refusesRatesThatCouldNeverAdmitAnything() {
        assertThrows(IllegalArgumentException.class, () -> new PublicRateLimiter(0, 1, 10, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new PublicRateLimiter(1, 0, 10, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new PublicRateLimiter(1, 1, 0, clock::get));
    }
}
