package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.shared.PlainText;

/** Text rules shared by the bid's free-text fields (seal-bid.js applies the same ones). */
final class BidText {

    private BidText() {
    }

    /**
     * Not blank, at most {@code max} UTF-16 code units, one line of {@link PlainText} (no control or
     * text-direction characters, no unpaired surrogate: an unpaired surrogate has no UTF-8 form, so Java
     * and a browser would hash it differently). Not normalised here: the bidder's browser hashed the bid
     * as it was typed (seal-bid.js applies the same rule before it seals).
     */
    static boolean isCleanText(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max && PlainText.isLine(text);
    }
}
