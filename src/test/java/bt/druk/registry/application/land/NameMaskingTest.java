package bt.druk.registry.application.land;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameMaskingTest {

    private static final String MASK = "****";

    @Test
    void latinNamesKeepTwoLettersOfEachWordAsBefore() {
        assertEquals("Ka**** Wa****", NameMasking.mask("Karma  Wangchuk"));
        assertEquals("U**** Ts****", NameMasking.mask("Ug Tshering"));
        assertEquals("U****", NameMasking.mask("Ug"));
        assertEquals("Ki**** Wa****", NameMasking.mask(" Kinley Wangmo "));
        assertEquals("****", NameMasking.mask(" "));
        assertEquals("****", NameMasking.mask(null));
    }

    @Test
    void aLetterWithACombiningAccentIsOneLetter() {
        // "é" written as e + U+0301: two code points, one letter.
        assertEquals("Re\u0301****", NameMasking.mask("Re\u0301ne\u0301"));
        assertEquals("E\u0301****", NameMasking.mask("E\u0301a"));
    }

    @Test
    void dzongkhaNamesKeepWholeStackedLetters() {
        // ཀུ = ཀ + vowel sign u; the second letter is ན.
        assertEquals("ཀུན**** Ki**** Wa****", NameMasking.mask("ཀུན་ལེགས་ Kinley Wangmo"));
        // བ, then ས with subjoined ཏ (སྟ): a cut by code points gave "བས****", dropping the ྟ
        // that belongs to the letter shown.
        assertEquals("བསྟ**** Te****", NameMasking.mask("བསྟན་འཛིན་ Tenzin"));
        // སྒྲོ = ས + subjoined ག + subjoined ར + vowel sign o, one letter; a cut by code points
        // showed "སྒ" and left ྲ for the mask to follow.
        assertEquals("སྒྲོལ**** Do****", NameMasking.mask("སྒྲོལ་མ་ Dolma"));
        assertEquals("ཀུན****", NameMasking.mask("ཀུན་ལེགས་དབང་མོ་"));
        assertEquals("མ****", NameMasking.mask("མ་"));
    }

    @Test
    void tibetanSpacingMarksStayWithTheirLetter() {
        // Java 17's BreakIterator splits the visarga (U+0F7F, a spacing mark) from its letter.
        assertEquals(List.of("ཧཱུྃ", "ཀཿ", "་"), NameMasking.clusters("ཧཱུྃཀཿ་"));
        assertEquals("ཀཿ****", NameMasking.mask("ཀཿ"));
        assertEquals("ཧཱུྃཀཿ****", NameMasking.mask("ཧཱུྃཀཿ་"));
    }

    @Test
    void emojiJoinedByZeroWidthJoinerAreOneLetter() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals(List.of(family, "x"), NameMasking.clusters(family + "x"));
    }

    @Test
    void clustersGiveTheWordBack() {
        for (String word : List.of("སྒྲོལ་མ་", "བསྟན་འཛིན་", "ཧཱུྃཀཿ་", "ྒྲab", "Re\u0301ne\u0301", "")) {
            assertEquals(word, String.join("", NameMasking.clusters(word)), word);
        }
        // Marks with no letter before them (malformed input) stay with the first letter.
        assertEquals(List.of("ྒྲa", "b"), NameMasking.clusters("ྒྲab"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ཀུན་ལེགས་ Kinley Wangmo", "བསྟན་འཛིན་ Tenzin", "སྒྲོལ་མ་ Dolma", "ཀུན་ལེགས་དབང་མོ་",
            "རྒྱལ་མཚན་", "ཕྱུག་ Phuntsho", "བཀྲ་ཤིས་ Tashi", "འབྲུག་ Druk", "ལྷ་མོ་", "ཀྵ", "སྒྲ", "ཡེ་ཤེས་མཚོ་རྒྱལ་",
            "ཨོ་རྒྱན་ Ugyen", "དཔལ་ལྡན་ Pelden", "བསྒྲུབས", "སྐྱེས", "ཀཿ ཧཱུྃ"})
    void noVisiblePartStartsWithASubjoinedLetterOrVowelSign(String name) {
        String masked = NameMasking.mask(name);
        List<String> words = List.of(name.trim().split("\\s+"));
        List<String> maskedWords = List.of(masked.split(" "));
        assertEquals(words.size(), maskedWords.size(), masked);
        for (int i = 0; i < words.size(); i++) {
            String maskedWord = maskedWords.get(i);
            assertTrue(maskedWord.endsWith(MASK), maskedWord);
            assertFalse(maskedWord.substring(0, maskedWord.length() - MASK.length()).contains("*"), maskedWord);
            String visible = maskedWord.substring(0, maskedWord.length() - MASK.length());
            assertFalse(visible.isEmpty(), masked);
            assertFalse(dependent(visible.codePointAt(0)), "starts with a dependent sign: " + codePoints(visible));
            // The visible part is a prefix of the word that ends between two letters.
            String word = words.get(i);
            assertTrue(word.startsWith(visible), word + " / " + visible);
            String rest = word.substring(visible.length());
            assertTrue(rest.isEmpty() || !dependent(rest.codePointAt(0)),
                    "the mask follows half a letter of " + word + ": " + codePoints(visible) + " | " + codePoints(rest));
        }
        // And nothing dependent right after a mask character in the masked text as a whole.
        for (int i = masked.indexOf('*'); i >= 0 && i + 1 < masked.length(); i = masked.indexOf('*', i + 1)) {
            assertFalse(dependent(masked.codePointAt(i + 1)), masked);
        }
    }

    /** Tibetan subjoined consonants (U+0F90–U+0FBC) and vowel signs and marks (U+0F71–U+0F84). */
    private static boolean dependent(int codePoint) {
        return (codePoint >= 0x0F90 && codePoint <= 0x0FBC) || (codePoint >= 0x0F71 && codePoint <= 0x0F84);
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(" "));
    }
}
