package bt.druk.registry.domain.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    /** RFC 8785 section 3.2.2 sample input and its canonical output. */
    @Test
    void rfc8785SampleIsCanonicalised() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, CanonicalJson.canonicalize(input));
        // Hash computed independently: printf '%s' '<expected>' | sha256sum
        assertEquals("2d5e01a318d0f0879ab568c4be289c8b1f64ef8921a53c6277d5e069978baacb",
                CanonicalJson.sha256Hex(CanonicalJson.canonicalize(input)));
    }

    /** RFC 8785 section 3.2.3: members sorted by UTF-16 code units, not by code points. */
    @Test
    void rfc8785SortingExample() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, CanonicalJson.canonicalize(input));
    }

    /** RFC 8785 appendix B: IEEE-754 bit patterns and their JCS text. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785NumberVectors(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertEquals(expected, CanonicalJson.formatNumber(value));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.formatNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.formatNumber(Double.POSITIVE_INFINITY));
    }

    /** Own vectors; hashes computed independently with printf '%s' '...' | sha256sum. */
    @Test
    void ownVectorsHashAsComputedBySha256sum() {
        String canonical = CanonicalJson.canonicalize("{ \"b\" : [ true , null , \"x\" ], \"a\" : 1.0 }");
        assertEquals("{\"a\":1,\"b\":[true,null,\"x\"]}", canonical);
        assertEquals("eca8cfb31ab74533e1eb2f4c74d2d55dfe3c79ac704787e54be8647ea7777eb1", CanonicalJson.sha256Hex(canonical));

        String withDzongkha = CanonicalJson.canonicalize(
                "{\"share\":\"1/2\",\"\u0f5e\u0f72\u0f44\":\"\u0f66\",\"pin\":\"TH-1234\",\"name\":\"Dorji Wangmo\"}");
        assertEquals("{\"name\":\"Dorji Wangmo\",\"pin\":\"TH-1234\",\"share\":\"1/2\",\"\u0f5e\u0f72\u0f44\":\"\u0f66\"}", withDzongkha);
        assertEquals("d954090f4891e1c847da20857537f6af11020f5f7795be2c99665b569b12c7fc", CanonicalJson.sha256Hex(withDzongkha));

        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CanonicalJson.sha256Hex(""));
    }

    @Test
    void nestedObjectsAndControlCharactersAreCanonical() {
        assertEquals("{\"a\":{\"x\":[],\"y\":{}},\"b\":\"tab\\there\\u0001\"}",
                CanonicalJson.canonicalize("{\"b\":\"tab\\there\\u0001\",\"a\":{\"y\":{},\"x\":[]}}"));
    }

    @Test
    void recognisesSha256Hex() {
        assertTrue(CanonicalJson.isSha256Hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertFalse(CanonicalJson.isSha256Hex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
        assertFalse(CanonicalJson.isSha256Hex("abc"));
    }
}
