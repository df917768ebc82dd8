package bt.druk.registry.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.record.Party;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    /** What a clerk once saved as an owner's name (issue 12): a NUL, a right-to-left override, markup. */
    static final String ATTACK = "\u0000\u202e<script>alert(1)</script>";
    static final String DZONGKHA_NAME = "ཀུན་ལེགས་ Kinley Wangmo";

    @Test
    void theIssuesExampleIsRefusedAndTheDzongkhaNameKept() {
        assertFalse(PlainText.isLine(ATTACK));
        assertFalse(PlainText.isLines(ATTACK));
        assertEquals(0, PlainText.firstRefused(ATTACK, false), "the NUL first");
        assertFalse(PlainText.isLine(ATTACK.substring(1)), "the override alone is refused too");

        assertTrue(PlainText.isLine(DZONGKHA_NAME));
        assertEquals(DZONGKHA_NAME, PlainText.normalise(DZONGKHA_NAME), "NFC leaves ordinary Dzongkha as it is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f", "\t", "\r", "\u000b",
            "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200e", "\u200f", "\u061c", "\ud800", "\udc00"})
    void controlAndTextDirectionCharactersAreRefusedAnywhereInTheText(String c) {
        assertFalse(PlainText.isLine("Pema " + c + "Lhamo"), () -> "U+" + Integer.toHexString(c.charAt(0)));
        assertFalse(PlainText.isLines("Pema " + c + "Lhamo"), () -> "U+" + Integer.toHexString(c.charAt(0)));
        assertFalse(PlainText.isLine(c));
    }

    @Test
    void aLineFeedOnlyInTextOfSeveralLines() {
        assertFalse(PlainText.isLine("boundary dispute\nwith the neighbour"));
        assertTrue(PlainText.isLines("boundary dispute\nwith the neighbour"));
        assertEquals("a\nb\nc", PlainText.normalise("a\r\nb\rc"), "CR LF and CR become LF");
    }

    @Test
    void everythingDzongkhaIsWrittenWithStays() {
        StringBuilder tibetan = new StringBuilder();
        for (int cp = 0x0F00; cp <= 0x0FFF; cp++) {
            if (Character.isDefined(cp)) {
                tibetan.appendCodePoint(cp);
            }
        }
        assertTrue(PlainText.isLine(tibetan.toString()), "the whole Tibetan block");
        assertTrue(PlainText.isLine("ཀ\u0f0bཁ\u0f0cག\u0f0d"), "tsheg, non-breaking tsheg, shad");
        assertTrue(PlainText.isLine("ཀ\u200dྐ ཀ\u200cཀ"), "zero-width joiner and non-joiner");
        assertTrue(PlainText.isLine("Dechen Wangmo (Ms) – 50% & co. 😀"), "punctuation, a pair of surrogates");
        assertTrue(PlainText.isLine(null) && PlainText.isLine(""), "emptiness is the caller's rule");
    }

    @Test
    void nfcBeforeHashingOneNameOneCommitment() {
        String decomposed = "Rene\u0301 Dorji";
        String composed = "Ren\u00e9 Dorji";
        assertNotEquals(decomposed, composed);
        assertEquals(composed, PlainText.normalise(decomposed), "decomposed é becomes composed");
        assertNull(PlainText.normalise(null));

        Party typedDecomposed = new Party(PlainText.normalise(decomposed), "10101000123", "0123456789abcdef0123456789abcdef");
        Party typedComposed = new Party(PlainText.normalise(composed), "10101000123", "0123456789abcdef0123456789abcdef");
        assertEquals(typedComposed.commitment(), typedDecomposed.commitment(), "the same name hashes the same");
        assertTrue(typedDecomposed.disclosure().contains("Ren\u00e9"));
    }

    @Test
    void theCollectorGetsOneErrorWithTheFieldAndTheCode() {
        ValidationException.Collector errors = new ValidationException.Collector();
        PlainText.checkLine(errors, "owners[0].name", ATTACK);
        PlainText.checkLines(errors, "reason", "fine\nreason");
        PlainText.checkLines(errors, "description", "bad \u202e reason");
        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);
        assertEquals(List.of("owners[0].name", "description"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().stream().allMatch(f -> f.code().equals(PlainText.CODE) && !f.message().isBlank()));
    }
}
