package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.PlainText;

/** The text rule of a bidder's business name, as registered and as published at the opening. */
final class BidText {

    private BidText() {
    }

    /**
     * Not blank, at most {@code max} UTF-16 code units, one line of {@link PlainText} (no control or
     * text-direction characters, no unpaired surrogate: an unpaired surrogate has no UTF-8 form, so Java
     * and a browser would hash it differently). Not normalised here: callers normalise what they keep.
     */
    static boolean isCleanText(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max && PlainText.isLine(text);
    }
}
