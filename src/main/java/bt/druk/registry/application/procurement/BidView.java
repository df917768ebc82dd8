package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.LedgerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A sealed bid as anyone may see it: before the opening only its number, the commitment to its
 * supplier, the hashes the ledger holds and its receipt; from the opening its verdict, the supplier
 * and, of a valid bid, the price and the documents it lists. Pages ask {@link #statusCode()}.
 *
 * @param valid      opened as valid: bidder and price are public, and it may be awarded
 * @param sealedPart what the ledger holds of the bid, and the opening's verdict
 */
public record BidView(
        String recordKey,
        String tenderKey,
        int number,
        String commitment,
        Instant lodgedAt,
        boolean valid,
        String bidderName,
        String bidderLicence,
        BigDecimal amount,
        LedgerState ledgerState,
        List<VersionView> versions,
        SealedPart sealedPart) {

    /** Status code of a bid before the opening: nobody can read it yet. */
    public static final String SEALED = "sealed";

    /**
     * What the ledger holds of a sealed bid, and the opening's verdict.
     *
     * @param status      {@code lodged}, {@code withdrawn}, {@code opened} or {@code invalid}
     * @param reason      an invalid bid's reason code, else null
     * @param detail      what exactly is wrong with an invalid bid, else null
     * @param verdictLine {@code BidVerdict.line()} once opened (as {@code druk-verify open-tender} prints it), else null
     * @param documents   a validly opened bid's documents (name, envelope part, SHA-256), else none
     */
    public record SealedPart(String status, String envelopeSha256, List<String> shareHashes, String reason, String detail,
                             String verdictLine, List<SealedBidContent.Document> documents) {
        public SealedPart {
            shareHashes = List.copyOf(shareHashes);
            documents = List.copyOf(documents);
        }
    }

    public BidView {
        versions = List.copyOf(versions);
        java.util.Objects.requireNonNull(sealedPart, "sealedPart");
    }

    /** A bid record's current version as anyone may see it. */
    public static BidView of(BidReading bid, LedgerState ledgerState, List<VersionView> versions) {
        SealedBidRecord s = bid.bid();
        var verdict = bid.verdict();
        SealedPart sealedPart = new SealedPart(s.status(), s.envelopeSha256(), s.shareHashes(), bid.invalidReason(), bid.invalidDetail(),
                verdict == null ? null : verdict.line(), bid.openedDocuments());
        return new BidView(bid.key().toString(), bid.tenderKey(), bid.number(), bid.commitment(), bid.lodgedAt(), bid.valid(),
                bid.bidderName(), bid.bidderId(), bid.amount(), ledgerState, versions, sealedPart);
    }

    /**
     * The bid's status for badges and the {@code status.<code>} messages: {@value #SEALED} until the
     * opening, then {@code opened} or {@code invalid}, or {@code withdrawn}.
     */
    public String statusCode() {
        return SealedBidRecord.LODGED.equals(sealedPart.status()) ? SEALED : sealedPart.status();
    }

    /** The bidder may be named: the bid was opened (valid or not). */
    public boolean named() {
        return bidderName != null;
    }

    /** Found invalid at the opening. */
    public boolean invalid() {
        return SealedBidRecord.INVALID.equals(sealedPart.status());
    }

    /** Withdrawn before the deadline. */
    public boolean withdrawn() {
        return SealedBidRecord.WITHDRAWN.equals(sealedPart.status());
    }

    /** Opened (valid or invalid): its verdict line is final. */
    public boolean opened() {
        return sealedPart.verdictLine() != null;
    }

    /** The receipt of the lodging (version 1), once the ledger has it. */
    public VersionView lodging() {
        return versions.stream().filter(v -> v.version() == 1 && v.ledgerState() != LedgerState.REJECTED).findFirst().orElse(null);
    }
}
