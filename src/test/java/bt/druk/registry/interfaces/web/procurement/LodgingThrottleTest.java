package bt.druk.registry.interfaces.web.procurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.security.PublicRateLimiter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LodgingThrottleTest {

    final AtomicLong nanos = new AtomicLong();
    final LodgingThrottle throttle = new LodgingThrottle(new PublicRateLimiter(2, 1.0 / 60, 100, nanos::get),
            new PublicRateLimiter(3, 1.0 / 15, 100, nanos::get));

    @Test
    void aSupplierIsHeldBackAfterItsBurstAndLetThroughAMinuteLater() {
        assertEquals(0, throttle.admit("supplier.druk", "10.0.0.1"));
        assertEquals(0, throttle.admit("supplier.druk", "10.0.0.1"));
        long wait = throttle.admit("supplier.druk", "10.0.0.1");
        assertTrue(wait > 0 && wait <= 60, "wait " + wait);
        nanos.addAndGet(61_000_000_000L);
        assertEquals(0, throttle.admit("supplier.druk", "10.0.0.1"));
    }

    @Test
    void oneAddressIsHeldBackWhateverAccountItUses() {
        assertEquals(0, throttle.admit("a", "10.0.0.9"));
        assertEquals(0, throttle.admit("b", "10.0.0.9"));
        assertEquals(0, throttle.admit("c", "10.0.0.9"));
        assertTrue(throttle.admit("d", "10.0.0.9") > 0);
        assertEquals(0, throttle.admit("d", "10.0.0.10"));
    }
}
