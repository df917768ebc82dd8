package bt.druk.registry.application.procurement;

import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.procurement.BidCommitment;
import bt.druk.registry.domain.procurement.BidDocument;
import bt.druk.registry.domain.procurement.BidReading;
import bt.druk.registry.domain.procurement.SealedBidRecord;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.LedgerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A bid as anyone may see it: before the reveal only its number, commitment and receipt; after it,
 * the bidder, the price and the documents, with the bid hash and salt that give the commitment back
 * (anyone can check SHA-256(bidHash + ":" + salt) = commitment).
 *
 * <p>A sealed bid (issue 25) fills the same fields the same way: {@code revealed} once opened as
 * valid, with the supplier as bidder and its price; an invalid one names its supplier and no price.
 * What only a sealed bid has is in {@link #sealedPart()}; pages ask {@link #statusCode()} rather
 * than telling the kinds apart.
 *
 * @param sealedPart null for a commit-reveal bid
 */
public record BidView(
        String recordKey,
        String tenderKey,
        int number,
        String commitment,
        String channel,
        Instant lodgedAt,
        boolean revealed,
        String bidderName,
        String bidderLicence,
        BigDecimal amount,
        String bidHash,
        String salt,
        List<BidDocument> documents,
        LedgerState ledgerState,
        List<VersionView> versions,
        SealedPart sealedPart) {

    /** Status code of a commit-reveal bid before its reveal, and of a sealed bid before the opening. */
    public static final String SEALED = "sealed";
    /** Status code of a revealed commit-reveal bid. */
    public static final String REVEALED = "revealed";

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
        documents = List.copyOf(documents);
        versions = List.copyOf(versions);
    }

    /** A commit-reveal bid. */
    public BidView(String recordKey, String tenderKey, int number, String commitment, String channel, Instant lodgedAt,
                   boolean revealed, String bidderName, String bidderLicence, BigDecimal amount, String bidHash, String salt,
                   List<BidDocument> documents, LedgerState ledgerState, List<VersionView> versions) {
        this(recordKey, tenderKey, number, commitment, channel, lodgedAt, revealed, bidderName, bidderLicence, amount, bidHash,
                salt, documents, ledgerState, versions, null);
    }

    /** Without the salt (a sealed bid, or a caller that does not show the commitment check). */
    public BidView(String recordKey, String tenderKey, int number, String commitment, String channel, Instant lodgedAt,
                   boolean revealed, String bidderName, String bidderLicence, BigDecimal amount, String bidHash,
                   List<BidDocument> documents, LedgerState ledgerState, List<VersionView> versions) {
        this(recordKey, tenderKey, number, commitment, channel, lodgedAt, revealed, bidderName, bidderLicence, amount, bidHash,
                null, documents, ledgerState, versions, null);
    }

    /** A bid record's current version as anyone may see it, whichever kind it is. */
    public static BidView of(BidReading bid, LedgerState ledgerState, List<VersionView> versions) {
        var revealed = bid.isSealed() ? null : bid.lodged().revealed();
        SealedPart sealedPart = null;
        if (bid.isSealed()) {
            var s = bid.sealed();
            var verdict = bid.verdict();
            sealedPart = new SealedPart(s.status(), s.envelopeSha256(), s.shareHashes(), bid.invalidReason(), bid.invalidDetail(),
                    verdict == null ? null : verdict.line(), bid.openedDocuments());
        }
        return new BidView(bid.key().toString(), bid.tenderKey(), bid.number(), bid.commitment(), bid.channel(), bid.lodgedAt(),
                bid.disclosed(), bid.bidderName(), bid.bidderId(), bid.amount(),
                revealed == null ? null : revealed.bidHash(),
                revealed == null ? null : revealed.salt(),
                revealed == null ? List.of() : revealed.bid().documents(),
                ledgerState, versions, sealedPart);
    }

    public boolean isSealed() {
        return sealedPart != null;
    }

    /**
     * The bid's status for badges and the {@code status.<code>} messages: {@value #SEALED} or
     * {@value #REVEALED} for a commit-reveal bid; for a sealed one {@value #SEALED} until the
     * opening, then {@code opened} or {@code invalid}, or {@code withdrawn}.
     */
    public String statusCode() {
        if (sealedPart == null) {
            return revealed ? REVEALED : SEALED;
        }
        return SealedBidRecord.LODGED.equals(sealedPart.status()) ? SEALED : sealedPart.status();
    }

    /** The bidder may be named: revealed, or a sealed bid opened (valid or not). */
    public boolean named() {
        return bidderName != null;
    }

    /** A sealed bid found invalid at the opening. */
    public boolean invalid() {
        return sealedPart != null && SealedBidRecord.INVALID.equals(sealedPart.status());
    }

    /** A sealed bid withdrawn before the deadline. */
    public boolean withdrawn() {
        return sealedPart != null && SealedBidRecord.WITHDRAWN.equals(sealedPart.status());
    }

    /** A sealed bid opened (valid or invalid): its verdict line is final. */
    public boolean opened() {
        return sealedPart != null && sealedPart.verdictLine() != null;
    }

    /** Revealed, and SHA-256 of {@code bidHash:salt} is the lodged commitment (recomputed here, not taken on trust). */
    public boolean commitmentMatches() {
        return revealed && sealedPart == null && bidHash != null && salt != null && BidCommitment.of(bidHash, salt).equals(commitment);
    }

    /** The receipt of the commitment (version 1), once the ledger has it. */
    public VersionView lodging() {
        return versions.stream().filter(v -> v.version() == 1 && v.ledgerState() != LedgerState.REJECTED).findFirst().orElse(null);
    }
}
