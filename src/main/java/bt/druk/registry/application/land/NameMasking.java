package bt.druk.registry.application.land;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Partially masks personal names for anonymous visitors: each word keeps its first two letters
 * (one for words of up to two letters) followed by a fixed "****", so the length is not revealed
 * either. "Karma Wangchuk" → "Ka**** Wa****".
 *
 * <p>A "letter" is a user-perceived character (a grapheme cluster), not a code point: a Tibetan
 * stack such as སྒྲོ is one base consonant with subjoined consonants and a vowel sign after it, and
 * cutting between them would show a dangling subjoined letter (drawn on a dotted circle) next to
 * the mask. "ཀུན་ལེགས་ Kinley" → "ཀུན**** Ki****". Java 17's {@link BreakIterator} follows the
 * legacy cluster rules, which keep non-spacing marks (Tibetan subjoined letters and most vowel
 * signs) with their base but split off spacing marks (the visarga U+0F7F, U+0F3E/U+0F3F) and
 * emoji joined by ZWJ; {@link #clusters} joins those too.
 */
public final class NameMasking {

    private static final String MASK = "****";
    private static final char ZWJ = '\u200D';

    private NameMasking() {
    }

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return MASK;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            List<String> letters = clusters(word);
            int keep = letters.size() <= 2 ? 1 : 2;
            letters.subList(0, keep).forEach(out::append);
            out.append(MASK);
        }
        return out.toString();
    }

    /** The word's grapheme clusters, in order; joined together they give the word back. */
    static List<String> clusters(String word) {
        BreakIterator breaks = BreakIterator.getCharacterInstance(Locale.ROOT);
        breaks.setText(word);
        List<String> clusters = new ArrayList<>();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String cluster = word.substring(start, end);
            if (!clusters.isEmpty() && continuesPrevious(clusters.get(clusters.size() - 1), cluster)) {
                clusters.set(clusters.size() - 1, clusters.get(clusters.size() - 1) + cluster);
            } else {
                clusters.add(cluster);
            }
        }
        // Marks with no base at the start of a word (malformed input) stay with the first base.
        if (clusters.size() > 1 && isMark(clusters.get(0).codePointAt(0))) {
            clusters.set(0, clusters.get(0) + clusters.remove(1));
        }
        return clusters;
    }

    private static boolean continuesPrevious(String previous, String cluster) {
        int first = cluster.codePointAt(0);
        return isMark(first) || first == ZWJ || previous.charAt(previous.length() - 1) == ZWJ;
    }

    /**
     * A character that belongs to the letter before it: any combining mark (extended clusters
     * join spacing marks too), and the Tibetan vowel signs and marks U+0F71–U+0F87 and subjoined
     * consonants U+0F8D–U+0FBC by block, whatever their general category.
     */
    private static boolean isMark(int codePoint) {
        if ((codePoint >= 0x0F71 && codePoint <= 0x0F87 && codePoint != 0x0F85)
                || (codePoint >= 0x0F8D && codePoint <= 0x0FBC)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
