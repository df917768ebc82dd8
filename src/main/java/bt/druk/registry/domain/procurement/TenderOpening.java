package bt.druk.registry.domain.procurement;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.ValidationException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who opens a sealed tender's bids: any {@code threshold} (k) of its {@code holders} (n), from at
 * least two organisations, each with an opening key made on their own device. The public keys are
 * published with the tender (bidders' browsers encrypt to them); the ledger holds each key's hash
 * and organisation (docs/sealed-envelope.md).
 */
public record TenderOpening(int threshold, List<Holder> holders) {

    public static final int MIN_HOLDERS = 2;
    /** The chaincode's limit (its Opening.MAX_HOLDERS). */
    public static final int MAX_HOLDERS = 10;
    /** What the tender form proposes: 2 of 3, so that one absent holder does not stop the opening. */
    public static final int DEFAULT_HOLDERS = 3;
    public static final int DEFAULT_THRESHOLD = 2;

    /**
     * Holder {@code index} (1-based: the x-coordinate of its share of every bid).
     *
     * @param msp             the organisation whose staff post this holder's shares, e.g. {@code AuditMSP}
     * @param role            how the tender names the holder in public, e.g. {@code inspector}: never a user name
     * @param publicKeySpki   the P-256 public key, SPKI DER in base64url
     * @param publicKeySha256 SHA-256 of the SPKI DER (the envelope's and the ledger's {@code keyHash})
     */
    public record Holder(int index, String msp, String role, String publicKeySpki, String publicKeySha256) {
        public Holder {
            Objects.requireNonNull(msp, "msp");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(publicKeySpki, "publicKeySpki");
            if (!CanonicalJson.isSha256Hex(publicKeySha256)) {
                throw new IllegalArgumentException("publicKeySha256 must be a lowercase hex SHA-256");
            }
        }
    }

    public TenderOpening {
        holders = List.copyOf(holders);
    }

    /** Checks k of n and the holders: refusals on the field {@code holders} or {@code threshold}. */
    public static TenderOpening of(int threshold, List<Holder> holders) {
        ValidationException.Collector errors = new ValidationException.Collector();
        if (holders.size() < MIN_HOLDERS || holders.size() > MAX_HOLDERS) {
            errors.add("holders", "tender.opening.holders", "Choose " + MIN_HOLDERS + " to " + MAX_HOLDERS
                    + " opening key holders");
        } else if (threshold < MIN_HOLDERS || threshold > holders.size()) {
            errors.add("threshold", "tender.opening.threshold", "The number of holders needed to open must be from "
                    + MIN_HOLDERS + " to " + holders.size());
        }
        if (holders.stream().map(Holder::msp).distinct().count() < 2 && !holders.isEmpty()) {
            errors.add("holders", "tender.opening.organisations",
                    "Choose holders from at least two organisations, so that no single organisation can open the bids");
        }
        Set<String> keys = new HashSet<>();
        for (Holder h : holders) {
            if (!keys.add(h.publicKeySha256())) {
                errors.add("holders", "tender.opening.duplicate", "Each holder must have a key of their own");
            }
        }
        errors.throwIfAny();
        List<Holder> numbered = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            Holder h = holders.get(i);
            numbered.add(new Holder(i + 1, h.msp(), h.role(), h.publicKeySpki(), h.publicKeySha256()));
        }
        return new TenderOpening(threshold, numbered);
    }

    public int n() {
        return holders.size();
    }

    /** Holder {@code index}, 1-based. */
    public Holder holder(int index) {
        return holders.get(index - 1);
    }

    /** The holder whose key has this hash, if any. */
    public java.util.Optional<Holder> holderWithKey(String publicKeySha256) {
        return holders.stream().filter(h -> h.publicKeySha256().equals(publicKeySha256)).findFirst();
    }

    /** {@code PublishSealedTender}'s {@code openingJson}: {@code {"holders":[{"keyHash","msp"}],"threshold":k}}. */
    public String ledgerJson() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        holders.forEach(h -> list.add(JSON.createObjectBuilder().add("keyHash", h.publicKeySha256()).add("msp", h.msp())));
        return CanonicalJson.canonicalize(JSON.createObjectBuilder().add("holders", list).add("threshold", threshold).build());
    }

    /** The tender's {@code opening} member. */
    public JsonObject toJson() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        holders.forEach(h -> list.add(JSON.createObjectBuilder().add("index", h.index()).add("msp", h.msp())
                .add("role", h.role()).add("publicKeySpki", h.publicKeySpki()).add("publicKeySha256", h.publicKeySha256())));
        return JSON.createObjectBuilder().add("threshold", threshold).add("holders", list).build();
    }

    public static TenderOpening fromJson(JsonObject json) {
        List<Holder> holders = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("holders")) {
            JsonObject h = v.asJsonObject();
            holders.add(new Holder(h.getInt("index"), h.getString("msp"), h.getString("role"), h.getString("publicKeySpki"),
                    h.getString("publicKeySha256")));
        }
        return new TenderOpening(json.getInt("threshold"), holders);
    }
}
