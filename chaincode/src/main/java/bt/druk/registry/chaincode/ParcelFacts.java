package bt.druk.registry.chaincode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The non-personal facts of a parcel that the ledger keeps beside a land title's hash, so that the
 * chaincode itself can hold subdivisions, mergers and boundary adjustments to the rules (areas add
 * up, a plot is not below the minimum, wetland stays wetland, ownership does not change on the way).
 * Stored as the entry's {@code parcel} object:
 *
 * <pre>
 * {"areaDecimals":"250.5","boundarySha256":"&lt;hex&gt;"|null,"landType":"DRY_LAND","ownersDigest":"&lt;hex&gt;"|null}
 * </pre>
 *
 * <ul>
 * <li>{@code areaDecimals}: the recorded area in decimals (1 acre = 100 decimals) as an exact decimal
 * string in one spelling only: no sign, no leading zeros, at most two places after the point and no
 * trailing zero there ({@code "250"}, {@code "12.5"}, {@code "0.75"}). The portal keeps acres with at
 * most four places, which is exactly this.</li>
 * <li>{@code landType}: the portal's {@code LandType} name.</li>
 * <li>{@code boundarySha256}: SHA-256 of the surveyed boundary as the title record holds it, or null.</li>
 * <li>{@code ownersDigest}: an opaque value the portal computes from the owners and their shares with
 * a key only it holds (a keyed hash), so the ledger can tell whether two parcels have the same owners
 * and nothing else: without the key nobody can try CIDs against it. Null on the ledger after a
 * transfer is finalised (the owners changed; {@code RecordParcelFacts} records the new digest).</li>
 * </ul>
 */
public record ParcelFacts(BigDecimal areaDecimals, String landType, String boundarySha256, String ownersDigest) {

    /** The entry field that holds the facts. */
    static final String FIELD = "parcel";
    /** The land categories of the portal's {@code LandType}. */
    static final Set<String> LAND_TYPES = Set.of("DRY_LAND", "WETLAND", "HOUSE_PLOT", "ORCHARD", "URBAN", "INSTITUTIONAL");
    /** Chhuzhing: wetland bought may not be converted to another use (Land Act 2007). */
    static final String WETLAND = "WETLAND";
    /** Up to 999,999,999.99 decimals: far above any parcel (the portal's own bound is 100,000 acres). */
    static final Pattern AREA = Pattern.compile("(0|[1-9][0-9]{0,8})(\\.[0-9]?[1-9])?");
    private static final Set<String> MEMBERS = Set.of("areaDecimals", "landType", "boundarySha256", "ownersDigest");
    private static final int MAX_JSON = 1024;

    /** The facts in {@code factsJson}, the argument of {@code RegisterParcel} and {@code RecordParcelFacts}. */
    static ParcelFacts parse(String name, String factsJson) {
        return parse(name, Args.json(name, factsJson, MAX_JSON));
    }

    /**
     * The facts in a parsed JSON value: exactly the four members, {@code ownersDigest} a lowercase hex
     * SHA-256 (an argument always names the owners), {@code boundarySha256} one or null.
     */
    static ParcelFacts parse(String name, Object json) {
        Map<String, Object> m = Args.object(name, json, MEMBERS);
        String area = m.get("areaDecimals") instanceof String s ? s : null;
        if (area == null || !AREA.matcher(area).matches() || new BigDecimal(area).signum() <= 0) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s.areaDecimals must be the area in decimals as a string: positive, no leading"
                    + " zeros, at most two places after the point and no trailing zero there (\"250\", \"12.5\"), got %s", name,
                    Args.clip(String.valueOf(m.get("areaDecimals"))));
        }
        Object type = m.get("landType");
        if (!(type instanceof String t) || !LAND_TYPES.contains(t)) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s.landType must be one of %s, got %s", name, new java.util.TreeSet<>(LAND_TYPES),
                    Args.clip(String.valueOf(type)));
        }
        Object boundary = m.get("boundarySha256");
        if (boundary != null && !(boundary instanceof String b && Args.HASH.matcher(b).matches())) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s.boundarySha256 must be a lowercase hex SHA-256 or null", name);
        }
        Object owners = m.get("ownersDigest");
        if (!(owners instanceof String o && Args.HASH.matcher(o).matches())) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s.ownersDigest must be 64 characters 0-9a-f (the portal's keyed digest of the owners)",
                    name);
        }
        return new ParcelFacts(new BigDecimal(area), (String) type, (String) boundary, (String) owners);
    }

    /** The facts a ledger entry holds, or null for a title registered without them. */
    static ParcelFacts of(LedgerEntry entry) {
        Map<String, Object> m = entry.object(FIELD);
        if (m == null) {
            return null;
        }
        return new ParcelFacts(new BigDecimal(String.valueOf(m.get("areaDecimals"))), String.valueOf(m.get("landType")),
                (String) m.get("boundarySha256"), (String) m.get("ownersDigest"));
    }

    boolean isWetland() {
        return WETLAND.equals(landType);
    }

    /** The same facts with the owners no longer known (after a transfer). */
    ParcelFacts withoutOwners() {
        return new ParcelFacts(areaDecimals, landType, boundarySha256, null);
    }

    /** The area as stored: {@code "12.5"}, never {@code "12.50"} or {@code "1.25E+1"}. */
    String area() {
        return plain(areaDecimals);
    }

    static String plain(BigDecimal decimals) {
        BigDecimal stripped = decimals.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put("areaDecimals", area());
        m.put("landType", landType);
        m.put("boundarySha256", boundarySha256);
        m.put("ownersDigest", ownersDigest);
        return m;
    }
}
