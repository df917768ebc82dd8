package bt.druk.registry.domain.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartyTest {

    // Vectors computed outside our code: Python's json.dumps(sort_keys=True, separators=(",", ":"))
    // (the same bytes as RFC 8785 for these values) piped into hashlib.sha256.
    @Test
    void commitmentIsTheSha256OfTheCanonicalDisclosure() {
        Party karma = new Party("Karma Wangchuk", "10101001234", "000102030405060708090a0b0c0d0e0f");
        assertEquals("{\"cid\":\"10101001234\",\"name\":\"Karma Wangchuk\",\"salt\":\"000102030405060708090a0b0c0d0e0f\"}",
                karma.disclosure());
        assertEquals("9a91127d31bf7df65a3891cbcfaf9fcde55d6fa0aba543972484c2b3b45de1c6", karma.commitment());

        Party objector = new Party("Tshering Dorji", null, "ffeeddccbbaa99887766554433221100");
        assertEquals("2b59b0b8e4998e87d97fd223f5ea3135aacf00d9cb6bbbe1c1ca6fa8acfdad5a", objector.commitment());
    }

    @Test
    void theSamePersonNamedTwiceGetsDifferentCommitments() {
        Party first = Party.named("Karma Wangchuk", "10101001234");
        Party second = Party.named("Karma Wangchuk", "10101001234");
        assertNotEquals(first.commitment(), second.commitment(), "a fresh salt each time, so CIDs cannot be guessed back");
        assertTrue(first.samePersonAs(second));
        assertTrue(first.salt().matches("[0-9a-f]{32}"));
    }

    @Test
    void saltMustBe128BitsOfHex() {
        assertThrows(IllegalArgumentException.class, () -> new Party("Karma", "10101001234", "abc"));
    }
}
