package bt.druk.registry.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final VerifiedCredentials verified = new VerifiedCredentials(now::get);

    @Test
    void aValidCredentialIsBelievedForAMinuteAndOnlyWithTheSamePassword() {
        verified.remember("land.clerk", "right".toCharArray(), "land.clerk", Set.of("LAND_CLERK"));
        assertEquals(Set.of("LAND_CLERK"), verified.find("land.clerk", "right".toCharArray()).orElseThrow().groups());
        assertTrue(verified.find("land.clerk", "wrong".toCharArray()).isEmpty());
        assertTrue(verified.find("other.clerk", "right".toCharArray()).isEmpty());
        // The name and the password are separated: "ab" + "c" is not "a" + "bc".
        verified.remember("ab", "c".toCharArray(), "ab", Set.of());
        assertTrue(verified.find("a", "bc".toCharArray()).isEmpty());

        now.addAndGet(VerifiedCredentials.TTL_NANOS);
        assertTrue(verified.find("land.clerk", "right".toCharArray()).isPresent(), "still within the minute");
        now.addAndGet(1);
        assertTrue(verified.find("land.clerk", "right".toCharArray()).isEmpty(), "asked again after a minute");
    }

    @Test
    void holdsABoundedNumberOfCredentials() {
        for (int i = 0; i <= VerifiedCredentials.MAX_ENTRIES; i++) {
            verified.remember("clerk" + i, "pw".toCharArray(), "clerk" + i, Set.of());
        }
        assertTrue(verified.find("clerk0", "pw".toCharArray()).isEmpty(), "the least recently used went");
        assertTrue(verified.find("clerk" + VerifiedCredentials.MAX_ENTRIES, "pw".toCharArray()).isPresent());
    }
}
