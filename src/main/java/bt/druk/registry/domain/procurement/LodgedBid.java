package bt.druk.registry.domain.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Objects;

/**
 * A bid as the register keeps it. Version 1 holds only the commitment (no bidder, no price: nobody
 * can read a bid before the deadline); version 2, the reveal, adds the bid the bidder sealed and the
 * salt, after which anyone can check that SHA-256(bidHash:salt) is the commitment lodged in time.
 *
 * <p>What the ledger holds differs by version: the commitment for version 1, the bid's own hash for
 * version 2 (see {@code chaincode/README.md}); the portal's
 * {@link bt.druk.registry.domain.record.LedgerImprint}s for bids recompute both from this data.
 *
 * @param channel  {@code online} (the bidder lodged it on the seal page) or {@code counter} (a clerk lodged a paper bid)
 * @param lodgedBy clerk user name for counter bids, {@code online} otherwise
 * @param revealed the sealed bid once revealed, else null
 */
public record LodgedBid(
        RecordKey key,
        String tenderKey,
        String commitment,
        String channel,
        Instant lodgedAt,
        String lodgedBy,
        SealedBid revealed,
        Instant revealedAt,
        String revealedBy) {

    public static final String ONLINE = "online";
    public static final String COUNTER = "counter";

    public LodgedBid {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenderKey, "tenderKey");
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(lodgedAt, "lodgedAt");
        Objects.requireNonNull(lodgedBy, "lodgedBy");
        if (!CanonicalJson.isSha256Hex(commitment)) {
            throw new IllegalArgumentException("a commitment is a lowercase hex SHA-256");
        }
    }

    public static LodgedBid lodge(RecordKey key, String tenderKey, String commitment, String channel, String lodgedBy, Instant now) {
        return new LodgedBid(key, tenderKey, commitment, channel, now, lodgedBy, null, null, null);
    }

    /** The next version with the sealed bid, which must be for this tender and match the commitment. */
    public LodgedBid reveal(SealedBid sealed, String by, Instant now) {
        if (revealed != null) {
            throw new IllegalStateException(key + " is already revealed");
        }
        SealedBid checked = sealed.requireLodged(tenderKey, commitment);
        return new LodgedBid(key, tenderKey, commitment, channel, lodgedAt, lodgedBy, checked, now, by);
    }

    public boolean isRevealed() {
        return revealed != null;
    }

    public String bidNumber() {
        return BidKeys.numberOf(key);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("tender", tenderKey)
                .add("bidNumber", bidNumber())
                .add("commitment", commitment)
                .add("lodged", JSON.createObjectBuilder()
                        .add("at", lodgedAt.toString())
                        .add("by", lodgedBy)
                        .add("channel", channel));
        if (revealed != null) {
            json.add("bid", revealed.bidJson())
                    .add("bidHash", revealed.bidHash())
                    .add("salt", revealed.salt())
                    .add("revealed", JSON.createObjectBuilder()
                            .add("at", revealedAt.toString())
                            .add("by", revealedBy));
        }
        return json.build();
    }

    public static LodgedBid fromJson(RecordKey key, JsonObject json) {
        JsonObject lodged = json.getJsonObject("lodged");
        SealedBid sealed = null;
        Instant revealedAt = null;
        String revealedBy = null;
        if (json.containsKey("bid")) {
            JsonObject revealedInfo = json.getJsonObject("revealed");
            JsonObject bidJson = json.getJsonObject("bid");
            String bidHash = CanonicalJson.sha256Hex(CanonicalJson.canonicalize(bidJson));
            String salt = json.getString("salt");
            sealed = new SealedBid(Bid.fromJson(bidJson, "bid"), bidJson, salt, bidHash, BidCommitment.of(bidHash, salt));
            revealedAt = Instant.parse(revealedInfo.getString("at"));
            revealedBy = revealedInfo.getString("by");
        }
        return new LodgedBid(key, json.getString("tender"), json.getString("commitment"), lodged.getString("channel"),
                Instant.parse(lodged.getString("at")), lodged.getString("by"), sealed, revealedAt, revealedBy);
    }

    /** Ledger hash of version 1: the commitment as lodged. */
    public static String commitmentOf(JsonObject data) {
        return data.getString("commitment");
    }

    /**
     * Ledger hash of the reveal: SHA-256 of the revealed bid's canonical JSON, recomputed from the
     * bid itself. If the bid and salt no longer give the lodged commitment, the stored data was
     * changed after the reveal (the ledger refused any reveal that did not match), so the answer
     * is a value that matches no ledger entry.
     */
    public static String revealedHashOf(JsonObject data) {
        String bidHash = CanonicalJson.sha256Hex(revealedBidText(data));
        String salt = data.getString("salt");
        if (!BidCommitment.isValidSalt(salt) || !BidCommitment.of(bidHash, salt).equals(data.getString("commitment"))) {
            return "commitment-mismatch";
        }
        return bidHash;
    }

    /** The canonical JSON of the revealed bid: the text whose SHA-256 the ledger holds after the reveal. */
    public static String revealedBidText(JsonObject data) {
        return CanonicalJson.canonicalize(data.getJsonObject("bid"));
    }
}
