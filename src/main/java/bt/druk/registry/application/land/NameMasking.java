package bt.druk.registry.application.land;

/**
 * Partially masks personal names for anonymous visitors: each word keeps its first two letters
 * (one for words of up to two letters) followed by a fixed "****", so the length is not revealed
 * either. "Karma Wangchuk" → "Ka**** Wa****".
 */
public final class NameMasking {

    private NameMasking() {
    }

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "****";
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            int letters = word.codePointCount(0, word.length());
            int keep = letters <= 2 ? 1 : 2;
            out.append(word, 0, word.offsetByCodePoints(0, keep)).append("****");
        }
        return out.toString();
    }
}
