package bt.druk.registry.domain.procurement;

/** Text rules shared by the bid's free-text fields (seal-bid.js applies the same ones). */
final class BidText {

    private BidText() {
    }

    /**
     * Not blank, at most {@code max} UTF-16 code units, no control characters and no unpaired
     * surrogates: an unpaired surrogate has no UTF-8 form, so Java and a browser would hash it
     * differently.
     */
    static boolean isCleanText(String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
