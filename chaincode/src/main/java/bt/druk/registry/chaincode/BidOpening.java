package bt.druk.registry.chaincode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What opening a sealed bid found, as {@code OpenBid}'s {@code resultJson} gives it and the bid's
 * {@code result} field keeps it. Either valid:
 * {@code {"valid":true,"price":"1250000.00","currency":"BTN","supplierId":"…","supplierSalt":"…"}},
 * or not: {@code {"valid":false,"reason":"undecryptable|hash-mismatch|malformed","supplierId":"…","supplierSalt":"…"}}
 * (the verdicts of docs/sealed-envelope.md §5). Stored with every member, {@code null} where unset.
 * <p>
 * {@code supplierId} is the business's registration number (CDB or trade licence number), never a
 * person's: the ledger holds no personal data. With {@code supplierSalt} it must hash to the bid's
 * supplier commitment ({@link Hashes#supplierCommitment}).
 */
public record BidOpening(boolean valid, String price, String currency, String supplierId, String supplierSalt, String reason) {
    public static final String BTN = "BTN";
    public static final Set<String> REASONS = Set.of("undecryptable", "hash-mismatch", "malformed");
    /** The bid JSON's own form of an amount: positive, no sign or leading zeros, exactly two decimals, below 10^15. */
    static final Pattern PRICE = Pattern.compile("(0|[1-9][0-9]{0,14})\\.[0-9]{2}");
    /** A trade licence or CDB number, as the portal's Bidder allows it. */
    static final Pattern SUPPLIER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");
    static final int MAX_JSON = 2048;

    static final String VALID = "valid";
    static final String PRICE_FIELD = "price";
    static final String CURRENCY = "currency";
    static final String SUPPLIER_ID_FIELD = "supplierId";
    static final String SUPPLIER_SALT = "supplierSalt";
    static final String REASON = "reason";

    /** Validates {@code resultJson}; every failure is {@code [INVALID_ARGUMENT]}. */
    public static BidOpening parse(String resultJson) {
        Object parsed = Args.json("resultJson", resultJson, MAX_JSON);
        if (!(parsed instanceof Map<?, ?> m) || !(m.get(VALID) instanceof Boolean valid)) {
            throw ErrorCode.INVALID_ARGUMENT.error("resultJson must be a JSON object with \"valid\": true or false");
        }
        Map<String, Object> o = Args.object("resultJson", parsed, valid
                ? Set.of(VALID, PRICE_FIELD, CURRENCY, SUPPLIER_ID_FIELD, SUPPLIER_SALT)
                : Set.of(VALID, REASON, SUPPLIER_ID_FIELD, SUPPLIER_SALT));
        String supplierId = supplierId(o.get(SUPPLIER_ID_FIELD));
        if (!(o.get(SUPPLIER_SALT) instanceof String salt)) {
            throw ErrorCode.INVALID_ARGUMENT.error("resultJson: supplierSalt must be a string");
        }
        Args.salt("resultJson: supplierSalt", salt);
        if (!valid) {
            if (!(o.get(REASON) instanceof String reason) || !REASONS.contains(reason)) {
                throw ErrorCode.INVALID_ARGUMENT.error("resultJson: reason must be one of %s", new java.util.TreeSet<>(REASONS));
            }
            return new BidOpening(false, null, null, supplierId, salt, reason);
        }
        if (!(o.get(PRICE_FIELD) instanceof String price) || !PRICE.matcher(price).matches() || price.equals("0.00")) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "resultJson: price must be a positive decimal string with exactly two decimals, e.g. \"1250000.00\"");
        }
        if (!BTN.equals(o.get(CURRENCY))) {
            throw ErrorCode.INVALID_ARGUMENT.error("resultJson: currency must be \"BTN\"");
        }
        return new BidOpening(true, price, BTN, supplierId, salt, null);
    }

    private static String supplierId(Object value) {
        if (!(value instanceof String id) || !SUPPLIER_ID.matcher(id).matches() || Args.CID_LIKE.matcher(id).find()
                || Args.EMAIL_LIKE.matcher(id).find()) {
            throw ErrorCode.INVALID_ARGUMENT.error("resultJson: supplierId must be the business's CDB or trade licence number "
                    + "(1 to 40 letters, digits, '.', '/', '-'), never personal data such as a CID (11 digits)");
        }
        return id;
    }

    /** The stored form: every member, null where unset. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put(VALID, valid);
        m.put(PRICE_FIELD, price);
        m.put(CURRENCY, currency);
        m.put(SUPPLIER_ID_FIELD, supplierId);
        m.put(SUPPLIER_SALT, supplierSalt);
        m.put(REASON, reason);
        return m;
    }
}
