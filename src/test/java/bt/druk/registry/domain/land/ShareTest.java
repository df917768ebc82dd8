package bt.druk.registry.domain.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShareTest {

    @Test
    void parsesFractionsAndDecimalsExactly() {
        assertEquals("1/2", Share.parse("2/4").toString());
        assertEquals("1/4", Share.parse("0.25").toString());
        assertEquals("1", Share.parse("1").toString());
        assertEquals("1", Share.parse("1.000").toString());
        assertEquals("1/3", Share.parse(" 1 / 3 ").toString());
    }

    @Test
    void thirdsSumToExactlyOne() {
        assertTrue(Share.sum(List.of(Share.parse("1/3"), Share.parse("1/3"), Share.parse("1/3"))).isWhole());
        assertTrue(Share.sum(List.of(Share.parse("0.33"), Share.parse("0.33"), Share.parse("0.34"))).isWhole());
        assertFalse(Share.sum(List.of(Share.parse("0.333"), Share.parse("0.333"), Share.parse("0.333"))).isWhole());
    }

    @Test
    void refusesZeroNegativeAndMoreThanOne() {
        assertThrows(IllegalArgumentException.class, () -> Share.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("-1/2"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("3/2"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("1/0"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse("half"));
        assertThrows(IllegalArgumentException.class, () -> Share.parse(""));
    }
}
