package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of a bid record read as what every reader asks of it: the projection, the queries,
 * OCDS, the pages and the opening report ask this rather than the record's own fields, so what is
 * public when (nothing before the opening; the supplier from the opening; the price only of a valid
 * bid) is decided here once.
 */
public record BidReading(SealedBidRecord bid) {

    public BidReading {
        java.util.Objects.requireNonNull(bid, "bid");
    }

    /**
     * Reads a bid version's data (the record document's {@code data}).
     *
     * @throws IllegalStateException for a bid of the retired commit-reveal scheme (a database from
     *                               before sealed opening, issue 25), which this portal no longer reads
     */
    public static BidReading of(RecordKey key, JsonObject data) {
        if (!SealedBidRecord.isSealed(data)) {
            throw new IllegalStateException(key + " is a commit-reveal bid (before sealed opening); this portal reads sealed bids only");
        }
        return new BidReading(SealedBidRecord.fromJson(key, data));
    }

    public RecordKey key() {
        return bid.key();
    }

    public String tenderKey() {
        return bid.tenderKey();
    }

    public int number() {
        return Integer.parseInt(bid.bidNumber());
    }

    public Instant lodgedAt() {
        return bid.lodgedAt();
    }

    /** What version 1 put on the ledger about the supplier: the salted commitment to it. */
    public String commitment() {
        return bid.supplierCommitment();
    }

    /** {@code lodged}, {@code withdrawn}, {@code opened} or {@code invalid}, as on the ledger. */
    public String status() {
        return bid.status();
    }

    /** Opened as valid: bidder and price are public, and it may be awarded. */
    public boolean valid() {
        return bid.opening() != null && bid.opening().valid();
    }

    /** The bidder is public: the bid was opened, valid or not (an invalid bid's supplier is named too). */
    public boolean named() {
        return bid.opening() != null;
    }

    /** The bidder's name once {@link #named()}, else null. */
    public String bidderName() {
        return named() ? bid.opening().supplierName() : null;
    }

    /** The bidder's CDB or trade licence number once {@link #named()}, else null. */
    public String bidderId() {
        return named() ? bid.opening().supplierId() : null;
    }

    /** The price once {@link #valid()}, else null. */
    public BigDecimal amount() {
        return valid() ? new BigDecimal(bid.opening().price()) : null;
    }

    /** Withdrawn by its supplier before the deadline: not part of the opening. */
    public boolean withdrawn() {
        return SealedBidRecord.WITHDRAWN.equals(bid.status());
    }

    /** Found invalid at the opening. */
    public boolean invalid() {
        return SealedBidRecord.INVALID.equals(bid.status());
    }

    /** The invalid bid's reason code ({@code undecryptable}, {@code hash-mismatch}, {@code malformed}), else null. */
    public String invalidReason() {
        return invalid() ? bid.opening().reason() : null;
    }

    /** What exactly is wrong with an invalid bid, else null. */
    public String invalidDetail() {
        return invalid() ? bid.opening().detail() : null;
    }

    /**
     * The opening's verdict as recorded, in the form {@code druk-verify open-tender} prints
     * ({@link BidVerdict#line()}); null before the opening.
     */
    public BidVerdict verdict() {
        SealedBidRecord.Opening o = bid.opening();
        if (o == null) {
            return null;
        }
        String bidKey = bid.key().toString();
        if (o.valid()) {
            return new BidVerdict(bidKey, BidVerdict.Kind.VALID, new SealedBidContent(BidKeys.ocidOf(bid.key()), o.supplierId(),
                    o.price(), o.currency(), o.documents()), null, null);
        }
        return new BidVerdict(bidKey, BidVerdict.Kind.INVALID, null, o.reason(), o.detail());
    }

    /** The documents the bid listed, public once it opened as valid; else none. */
    public List<SealedBidContent.Document> openedDocuments() {
        return valid() ? bid.opening().documents() : List.of();
    }
}
