package bt.druk.registry.domain.land;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.domain.record.CanonicalJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the ledger knows of a parcel to judge a subdivision, none of it personal
 * (docs/parcel-lineage.md, "Parcel facts"): the recorded area in decimals, the land type, the hash
 * of the surveyed boundary and a keyed digest of the owners and their shares.
 *
 * @param ownersDigest 64 hex digits, the same for the same owners and shares ({@link #ownersDigestOf})
 */
public record ParcelFacts(String areaDecimals, LandType landType, String boundarySha256, String ownersDigest) {

    public ParcelFacts {
        Objects.requireNonNull(areaDecimals, "areaDecimals");
        Objects.requireNonNull(landType, "landType");
        Objects.requireNonNull(ownersDigest, "ownersDigest");
    }

    /** The facts of a title's parcel, with the digest of its owners the portal computed. */
    public static ParcelFacts of(Parcel parcel, String ownersDigest) {
        return new ParcelFacts(decimals(parcel.areaAcres()), parcel.landType(),
                parcel.boundary() == null ? null : CanonicalJson.sha256Hex(parcel.boundary().canonicalJson()), ownersDigest);
    }

    /**
     * Acres as the ledger spells decimals (1 acre = 100 decimals): no leading or trailing zeros,
     * e.g. 2.505 acres is {@code "250.5"}, 0.1 acre {@code "10"}.
     */
    public static String decimals(BigDecimal acres) {
        BigDecimal d = acres.movePointRight(2).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("areaDecimals", areaDecimals)
                .add("landType", landType.name())
                .add("ownersDigest", ownersDigest);
        if (boundarySha256 == null) {
            json.addNull("boundarySha256");
        } else {
            json.add("boundarySha256", boundarySha256);
        }
        return json.build();
    }
}
