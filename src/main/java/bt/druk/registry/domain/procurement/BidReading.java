package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of a bid record read as what every reader asks of it, whichever kind it is: a
 * commit-reveal {@link LodgedBid} or a sealed bid ({@link SealedBidRecord}, issue 25). Readers
 * (queries, OCDS, pages, the opening report) ask this instead of telling the kinds apart, so a
 * third kind would be added here once. Exactly one of {@code lodged} and {@code sealed} is set.
 */
public record BidReading(LodgedBid lodged, SealedBidRecord sealed) {

    public BidReading {
        if ((lodged == null) == (sealed == null)) {
            throw new IllegalArgumentException("a bid is either commit-reveal or sealed");
        }
    }

    /** Reads a bid version's data (the record document's {@code data}). */
    public static BidReading of(RecordKey key, JsonObject data) {
        return SealedBidRecord.isSealed(data)
                ? new BidReading(null, SealedBidRecord.fromJson(key, data))
                : new BidReading(LodgedBid.fromJson(key, data), null);
    }

    public boolean isSealed() {
        return sealed != null;
    }

    public RecordKey key() {
        return isSealed() ? sealed.key() : lodged.key();
    }

    public String tenderKey() {
        return isSealed() ? sealed.tenderKey() : lodged.tenderKey();
    }

    public int number() {
        return Integer.parseInt(isSealed() ? sealed.bidNumber() : lodged.bidNumber());
    }

    /** Sealed bids are lodged online only (the bidder's browser encrypts them). */
    public String channel() {
        return isSealed() ? LodgedBid.ONLINE : lodged.channel();
    }

    public Instant lodgedAt() {
        return isSealed() ? sealed.lodgedAt() : lodged.lodgedAt();
    }

    /** What version 1 put on the ledger about the bid: the commitment, or the salted commitment to the supplier. */
    public String commitment() {
        return isSealed() ? sealed.supplierCommitment() : lodged.commitment();
    }

    /** Bidder and price are public: a commit-reveal bid revealed, or a sealed bid opened as valid. */
    public boolean disclosed() {
        return isSealed() ? sealed.opening() != null && sealed.opening().valid() : lodged.isRevealed();
    }

    /** The bidder is public: disclosed, or a sealed bid found invalid at the opening (its supplier is named). */
    public boolean named() {
        return isSealed() ? sealed.opening() != null : lodged.isRevealed();
    }

    /** The bidder's name once {@link #named()}, else null. */
    public String bidderName() {
        if (!named()) {
            return null;
        }
        return isSealed() ? sealed.opening().supplierName() : lodged.revealed().bid().bidder().name();
    }

    /** The bidder's CDB or trade licence number once {@link #named()}, else null. */
    public String bidderId() {
        if (!named()) {
            return null;
        }
        return isSealed() ? sealed.opening().supplierId() : lodged.revealed().bid().bidder().licenceNumber();
    }

    /** The price once {@link #disclosed()}, else null. */
    public BigDecimal amount() {
        if (!disclosed()) {
            return null;
        }
        return isSealed() ? new BigDecimal(sealed.opening().price()) : lodged.revealed().bid().price().amount();
    }

    /** A sealed bid's status on the ledger ({@link SealedBidRecord#LODGED} ...); null for a commit-reveal bid. */
    public String sealedStatus() {
        return isSealed() ? sealed.status() : null;
    }

    /** Withdrawn by its supplier before the deadline (sealed bids only): not part of the opening. */
    public boolean withdrawn() {
        return isSealed() && SealedBidRecord.WITHDRAWN.equals(sealed.status());
    }

    /** Found invalid at the opening (sealed bids only). */
    public boolean invalid() {
        return isSealed() && SealedBidRecord.INVALID.equals(sealed.status());
    }

    /** The invalid bid's reason code ({@code undecryptable}, {@code hash-mismatch}, {@code malformed}), else null. */
    public String invalidReason() {
        return invalid() ? sealed.opening().reason() : null;
    }

    /** What exactly is wrong with an invalid bid, else null. */
    public String invalidDetail() {
        return invalid() ? sealed.opening().detail() : null;
    }

    /**
     * The opening's verdict on a sealed bid as recorded, in the form {@code druk-verify open-tender}
     * prints ({@link BidVerdict#line()}); null for a commit-reveal bid and for a sealed one not opened.
     */
    public BidVerdict verdict() {
        if (!isSealed() || sealed.opening() == null) {
            return null;
        }
        SealedBidRecord.Opening o = sealed.opening();
        String bidKey = sealed.key().toString();
        if (o.valid()) {
            return new BidVerdict(bidKey, BidVerdict.Kind.VALID, new SealedBidContent(BidKeys.ocidOf(sealed.key()), o.supplierId(),
                    o.price(), o.currency(), o.documents()), null, null);
        }
        return new BidVerdict(bidKey, BidVerdict.Kind.INVALID, null, o.reason(), o.detail());
    }

    /** The documents a sealed bid listed, public once it opened as valid; else none. */
    public List<SealedBidContent.Document> openedDocuments() {
        return disclosed() && isSealed() ? sealed.opening().documents() : List.of();
    }
}
