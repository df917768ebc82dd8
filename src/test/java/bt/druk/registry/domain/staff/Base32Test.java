package bt.druk.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base32Test {

    /** RFC 4648 section 10, without the padding. */
    @Test
    void encodesTheRfc4648TestVectors() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Base32.encode(v[0].getBytes(StandardCharsets.US_ASCII)), v[0]);
            assertEquals(v[0], new String(Base32.decode(v[1]), StandardCharsets.US_ASCII), v[1]);
        }
    }

    @Test
    void decodesWhatPeopleTypeLowerCaseSpacedAndPadded() {
        assertEquals("foobar", new String(Base32.decode("mzxw 6ytb-oi======"), StandardCharsets.US_ASCII));
    }

    @Test
    void refusesCharactersOutsideTheAlphabetAndTruncatedText() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW1"), "1 is not Base32");
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("M"), "5 bits are no byte");
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZ"), "trailing bits must be zero");
    }

    @Test
    void randomBytesComeBackUnchanged() {
        Random random = new Random(26);
        for (int length = 0; length < 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertArrayEquals(data, Base32.decode(Base32.encode(data)));
        }
    }
}
