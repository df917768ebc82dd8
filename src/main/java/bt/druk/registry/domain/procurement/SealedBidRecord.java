package bt.druk.registry.domain.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordKey;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bid of a sealed tender as the register keeps it (issue 25). Version 1, lodged before the
 * deadline, holds only what the ledger holds: the hash of the encrypted envelope, the hashes of its
 * key shares and a salted commitment to the supplier; no price, no name. A later version is either
 * the withdrawal (before the deadline) or the opening's verdict, with the price and the supplier
 * (a business, named in public from the opening on).
 *
 * @param status   {@code lodged}, {@code withdrawn}, {@code opened} (valid) or {@code invalid}, as on the ledger
 * @param opening  the verdict once opened, else null
 */
public record SealedBidRecord(
        RecordKey key,
        String tenderKey,
        String envelopeSha256,
        List<String> shareHashes,
        String supplierCommitment,
        java.time.Instant lodgedAt,
        String status,
        java.time.Instant changedAt,
        Opening opening) {

    public static final String FORMAT = "druk-sealed-bid/2";
    public static final String LODGED = "lodged";
    public static final String WITHDRAWN = "withdrawn";
    public static final String OPENED = "opened";
    public static final String INVALID = "invalid";

    /**
     * What the opening found. For a valid bid: price and documents; otherwise the chaincode's reason
     * code and what exactly is wrong. Always the supplier: the one who lodged it, from the portal's
     * records, with the salt that opens the commitment.
     */
    public record Opening(boolean valid, String price, String currency, List<SealedBidContent.Document> documents,
                          String reason, String detail, String supplierId, String supplierName, String supplierSalt) {
        public Opening {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        /** {@code OpenBid}'s {@code resultJson}, in the chaincode's form (chaincode BidOpening). */
        public String ledgerJson() {
            JsonObjectBuilder b = JSON.createObjectBuilder().add("valid", valid).add("supplierId", supplierId)
                    .add("supplierSalt", supplierSalt);
            if (valid) {
                b.add("price", price).add("currency", currency);
            } else {
                b.add("reason", reason);
            }
            return CanonicalJson.canonicalize(b.build());
        }
    }

    public SealedBidRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenderKey, "tenderKey");
        shareHashes = List.copyOf(shareHashes);
        if (!CanonicalJson.isSha256Hex(envelopeSha256) || !CanonicalJson.isSha256Hex(supplierCommitment)) {
            throw new IllegalArgumentException("envelope and supplier commitment are lowercase hex SHA-256");
        }
    }

    public static SealedBidRecord lodge(RecordKey key, String tenderKey, String envelopeSha256, List<String> shareHashes,
                                        String supplierCommitment, java.time.Instant now) {
        return new SealedBidRecord(key, tenderKey, envelopeSha256, shareHashes, supplierCommitment, now, LODGED, null, null);
    }

    public SealedBidRecord withdraw(java.time.Instant now) {
        requireLodged();
        return new SealedBidRecord(key, tenderKey, envelopeSha256, shareHashes, supplierCommitment, lodgedAt, WITHDRAWN, now, null);
    }

    /** The opening's verdict for this bid, lodged by {@code supplierId} ({@code supplierName}) with {@code supplierSalt}. */
    public SealedBidRecord open(BidVerdict verdict, String supplierId, String supplierName, String supplierSalt, java.time.Instant now) {
        requireLodged();
        if (verdict.kind() == BidVerdict.Kind.TOO_FEW_SHARES) {
            throw new IllegalArgumentException(key + " cannot be opened yet: " + verdict.detail());
        }
        boolean valid = verdict.kind() == BidVerdict.Kind.VALID;
        Opening o = valid
                ? new Opening(true, verdict.content().price(), verdict.content().currency(), verdict.content().documents(), null,
                        null, supplierId, supplierName, supplierSalt)
                : new Opening(false, null, null, List.of(), verdict.reason(), verdict.detail(), supplierId, supplierName,
                        supplierSalt);
        return new SealedBidRecord(key, tenderKey, envelopeSha256, shareHashes, supplierCommitment, lodgedAt,
                valid ? OPENED : INVALID, now, o);
    }

    private void requireLodged() {
        if (!LODGED.equals(status)) {
            throw new IllegalStateException(key + " is " + status + ", not lodged");
        }
    }

    public boolean isLodged() {
        return LODGED.equals(status);
    }

    public String bidNumber() {
        return BidKeys.numberOf(key);
    }

    /**
     * Whether a bid record's data is of a sealed bid: every bid this portal lodges is; a bid record of
     * the retired commit-reveal scheme (before issue 25) is not, and is no longer read.
     */
    public static boolean isSealed(JsonObject data) {
        return data.containsKey("envelopeSha256");
    }

    public JsonObject toJson() {
        JsonArrayBuilder hashes = JSON.createArrayBuilder();
        shareHashes.forEach(hashes::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("tender", tenderKey)
                .add("bidNumber", bidNumber())
                .add("format", FORMAT)
                .add("envelopeSha256", envelopeSha256)
                .add("shareHashes", hashes)
                .add("supplierCommitment", supplierCommitment)
                .add("lodgedAt", lodgedAt.toString())
                .add("status", status);
        if (changedAt != null) {
            json.add("changedAt", changedAt.toString());
        }
        if (opening != null) {
            JsonArrayBuilder docs = JSON.createArrayBuilder();
            opening.documents().forEach(d -> docs.add(JSON.createObjectBuilder().add("name", d.name()).add("part", d.part())
                    .add("sha256", d.sha256())));
            JsonObjectBuilder o = JSON.createObjectBuilder().add("valid", opening.valid()).add("documents", docs)
                    .add("supplierId", opening.supplierId()).add("supplierName", opening.supplierName())
                    .add("supplierSalt", opening.supplierSalt());
            nullable(o, "price", opening.price());
            nullable(o, "currency", opening.currency());
            nullable(o, "reason", opening.reason());
            nullable(o, "detail", opening.detail());
            json.add("opening", o);
        }
        return json.build();
    }

    public static SealedBidRecord fromJson(RecordKey key, JsonObject json) {
        List<String> hashes = new ArrayList<>();
        json.getJsonArray("shareHashes").forEach(v -> hashes.add(((JsonString) v).getString()));
        Opening opening = null;
        if (json.containsKey("opening")) {
            JsonObject o = json.getJsonObject("opening");
            List<SealedBidContent.Document> docs = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("documents")) {
                JsonObject d = v.asJsonObject();
                docs.add(new SealedBidContent.Document(d.getString("name"), d.getString("part"), d.getString("sha256")));
            }
            opening = new Opening(o.getBoolean("valid"), string(o, "price"), string(o, "currency"), docs, string(o, "reason"),
                    string(o, "detail"), o.getString("supplierId"), o.getString("supplierName"), o.getString("supplierSalt"));
        }
        String changed = string(json, "changedAt");
        return new SealedBidRecord(key, json.getString("tender"), json.getString("envelopeSha256"), hashes,
                json.getString("supplierCommitment"), java.time.Instant.parse(json.getString("lodgedAt")), json.getString("status"),
                changed == null ? null : java.time.Instant.parse(changed), opening);
    }

    /** Ledger hash of version 1: the envelope's SHA-256, as lodged. */
    public static String envelopeHashOf(JsonObject data) {
        return data.getString("envelopeSha256");
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        return json.containsKey(name) && !json.isNull(name) ? json.getString(name) : null;
    }
}
