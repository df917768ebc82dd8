package bt.druk.registry.domain.procurement.sealed;

import bt.druk.registry.domain.shared.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one sealed bid at the opening, as the portal records it ({@code OpenBid}) and
 * {@code druk-verify open-tender} prints it. {@link #line()} is the one-line form both print, so
 * their reports can be compared line by line:
 * <pre>
 * bid:ocds-drk001-2026-0007:1 valid 1250000.00 BTN
 * bid:ocds-drk001-2026-0007:2 invalid undecryptable
 * bid:ocds-drk001-2026-0007:3 too-few-shares
 * </pre>
 *
 * @param reason  for an invalid bid: {@code undecryptable}, {@code hash-mismatch} or
 *                {@code malformed} (the chaincode's codes); otherwise null
 * @param detail  what exactly is wrong (not part of the line: messages may change, verdicts may not)
 * @param content the opened bid, for a valid one; otherwise null
 */
public record BidVerdict(String bidKey, Kind kind, SealedBidContent content, String reason, String detail) {

    /** Whether the bid opened, cannot be opened, or waits for more shares. */
    public enum Kind {
        VALID("valid"), INVALID("invalid"), TOO_FEW_SHARES("too-few-shares");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public BidVerdict {
        Objects.requireNonNull(bidKey, "bidKey");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Judges an opened envelope of the tender {@code ocid}: a valid envelope is still an invalid bid
     * when its bid part is not a well-formed bid of this tender, when a listed document's hash is not
     * its part's, or when it names another supplier than {@code lodgedBySupplierId} (null: not known
     * to the caller, e.g. a verifier reading the ledger before the opening was recorded).
     */
    public static BidVerdict judge(String bidKey, String ocid, OpeningResult result, String lodgedBySupplierId) {
        if (result instanceof OpeningResult.TooFewShares few) {
            return new BidVerdict(bidKey, Kind.TOO_FEW_SHARES, null, null, few.correct() + " of " + few.needed() + " shares");
        }
        if (result instanceof OpeningResult.Invalid invalid) {
            return invalid(bidKey, invalid.reason(), invalid.detail());
        }
        OpeningResult.Valid valid = (OpeningResult.Valid) result;
        SealedBidContent content;
        try {
            content = SealedBidContent.parse(valid.bidJson());
        } catch (ValidationException e) {
            return invalid(bidKey, OpeningResult.InvalidReason.MALFORMED, e.getMessage());
        }
        if (!content.ocid().equals(ocid)) {
            return invalid(bidKey, OpeningResult.InvalidReason.MALFORMED, "the bid is for " + content.ocid() + ", not " + ocid);
        }
        if (lodgedBySupplierId != null && !content.supplierId().equals(lodgedBySupplierId)) {
            return invalid(bidKey, OpeningResult.InvalidReason.MALFORMED, "the bid names supplier " + content.supplierId()
                    + " but was lodged by " + lodgedBySupplierId);
        }
        List<OpeningResult.OpenedDocument> opened = valid.documents();
        if (opened.size() != content.documents().size()) {
            return invalid(bidKey, OpeningResult.InvalidReason.MALFORMED, "the bid lists " + content.documents().size()
                    + " documents, the envelope holds " + opened.size());
        }
        for (int i = 0; i < opened.size(); i++) {
            String actual = Bytes.sha256Hex(opened.get(i).content());
            if (!actual.equals(content.documents().get(i).sha256())) {
                return invalid(bidKey, OpeningResult.InvalidReason.MALFORMED, "document " + (i + 1) + " (\""
                        + content.documents().get(i).name() + "\") does not have the hash the bid lists");
            }
        }
        return new BidVerdict(bidKey, Kind.VALID, content, null, null);
    }

    private static BidVerdict invalid(String bidKey, OpeningResult.InvalidReason reason, String detail) {
        return new BidVerdict(bidKey, Kind.INVALID, null, reasonCode(reason), detail);
    }

    /** The chaincode's code for a reason: {@code hash-mismatch}, {@code malformed}, {@code undecryptable}. */
    public static String reasonCode(OpeningResult.InvalidReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The report line: {@code <bidKey> valid <price> BTN}, {@code <bidKey> invalid <reason>} or {@code <bidKey> too-few-shares}. */
    public String line() {
        return switch (kind) {
            case VALID -> bidKey + " valid " + content.price() + " " + content.currency();
            case INVALID -> bidKey + " invalid " + reason;
            case TOO_FEW_SHARES -> bidKey + " too-few-shares";
        };
    }
}
