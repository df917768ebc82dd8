package bt.druk.registry.chaincode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Argument validation; every failure is {@code [INVALID_ARGUMENT]}. */
public final class Args {
    /** Lowercase hex SHA-256. */
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    static final Pattern POSITIVE_INT = Pattern.compile("[1-9][0-9]{0,9}");
    static final Pattern NON_NEGATIVE_INT = Pattern.compile("0|[1-9][0-9]{0,9}");
    static final Pattern OFFICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,63}");
    static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~/+:\\-]{0,127}");
    /** An 11-digit run (a Bhutanese CID) — personal data, refused in free text. */
    static final Pattern CID_LIKE = Pattern.compile("(?<![0-9])[0-9]{11}(?![0-9])");
    /** A 33-byte Shamir share as base64url without padding: 44 characters, no unused bits. */
    static final Pattern SHARE = Pattern.compile("[A-Za-z0-9_-]{44}");
    static final Pattern EMAIL_LIKE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    public static final int MAX_REASON = 500;
    public static final int MAX_SALT = 256;
    public static final int MAX_BOOKMARK = 2048;
    /** About 3,500 bids' shares. */
    public static final int MAX_SHARES_JSON = 1_000_000;
    public static final int MAX_PAGE_SIZE = 100;
    /** Upper bound of the notice period: ten years. */
    public static final long MAX_NOTICE_SECONDS = 315_360_000L;
    /** Upper bound of the minimum bid period: a year. */
    public static final long MAX_BID_PERIOD_SECONDS = 31_536_000L;

    private Args() {
    }

    public static String hash(String name, String value) {
        if (value == null || !HASH.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be a lowercase hex SHA-256 (64 characters 0-9a-f)", name);
        }
        return value;
    }

    public static int version(String value) {
        return positiveInt("version", value);
    }

    public static int positiveInt(String name, String value) {
        if (value == null || !POSITIVE_INT.matcher(value).matches() || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be a positive integer, got '%s'", name, clip(value));
        }
        return Integer.parseInt(value);
    }

    /** A notice period in whole seconds from {@code minimum} (this endorser's setting) to ten years. */
    public static long noticeSeconds(String value, long minimum) {
        return seconds(value, minimum, MAX_NOTICE_SECONDS);
    }

    /** A minimum bid period in whole seconds from {@code minimum} (this endorser's setting) to a year. */
    public static long bidPeriodSeconds(String value, long minimum) {
        return seconds(value, minimum, MAX_BID_PERIOD_SECONDS);
    }

    private static long seconds(String value, long minimum, long maximum) {
        if (value == null || !NON_NEGATIVE_INT.matcher(value).matches() || Long.parseLong(value) > maximum
                || Long.parseLong(value) < minimum) {
            throw ErrorCode.INVALID_ARGUMENT.error("seconds must be an integer from %d to %d, got '%s'",
                    minimum, maximum, clip(value));
        }
        return Long.parseLong(value);
    }

    /**
     * A whole number of seconds from the chaincode service's environment: {@code fallback} when
     * unset or blank; anything outside {@code min … max} stops the service from starting.
     */
    static long secondsSetting(String env, String value, long fallback, long min, long max) {
        return wholeSetting(env, value, fallback, min, max, "seconds");
    }

    /** {@link #secondsSetting} of another unit (the minimum plot size in decimals). */
    static long wholeSetting(String env, String value, long fallback, long min, long max, String unit) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (!NON_NEGATIVE_INT.matcher(v).matches() || Long.parseLong(v) > max || Long.parseLong(v) < min) {
            throw new IllegalStateException(env + " must be a whole number of " + unit + " from " + min + " to " + max
                    + ", got '" + clip(value) + "'");
        }
        return Long.parseLong(v);
    }

    public static int pageSize(String value) {
        if (value == null || !POSITIVE_INT.matcher(value).matches() || Long.parseLong(value) > MAX_PAGE_SIZE) {
            throw ErrorCode.INVALID_ARGUMENT.error("pageSize must be an integer from 1 to %d, got '%s'",
                    MAX_PAGE_SIZE, clip(value));
        }
        return Integer.parseInt(value);
    }

    public static String bookmark(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_BOOKMARK || value.indexOf('\u0000') >= 0) {
            throw ErrorCode.INVALID_ARGUMENT.error("bookmark is malformed");
        }
        return value;
    }

    /** A key of the given kind, e.g. {@code land-title:PIN-123}. */
    public static String key(Kind kind, String name, String value) {
        if (!kind.accepts(value)) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be a %s key '%s<id>'%s, got '%s'", name, kind.code(),
                    kind.keyPrefix(), kind == Kind.BID ? ":<bidNo>" : "", clip(value));
        }
        return value;
    }

    /** A key of any record kind. */
    public static Kind anyKey(String value) {
        return Kind.ofKey(value).orElseThrow(() -> ErrorCode.INVALID_ARGUMENT.error(
                "key must be a record key (land-title:, tender:, bid:, notarisation:, anchor:), got '%s'",
                clip(value)));
    }

    public static Kind kind(String value) {
        return Kind.fromCode(value).orElseThrow(() -> ErrorCode.INVALID_ARGUMENT.error(
                "kind must be one of land-title, tender, bid, notarisation, anchor, got '%s'", clip(value)));
    }

    public static String office(String value) {
        if (value == null || !OFFICE.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "office must be an office code (letters, digits, '_' or '-', at most 64), got '%s'", clip(value));
        }
        return value;
    }

    /** A parcel's dzongkhag, as the portal's reference data spells it ({@link LandOffices#DZONGKHAG}). */
    public static String dzongkhag(String value) {
        if (value == null || !LandOffices.DZONGKHAG.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "dzongkhag must be a dzongkhag's name (words of letters, e.g. Wangdue Phodrang), got '%s'", clip(value));
        }
        return value;
    }

    /** A mortgage or caveat reference. */
    public static String ref(String name, String value) {
        if (value == null || !REF.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "%s must be a reference (letters, digits and . _ ~ / + : -, at most 128), got '%s'", name,
                    clip(value));
        }
        return value;
    }

    /**
     * A reason: non-blank free text of at most 500 characters without control or text-direction
     * characters ({@link #isTextDirection}), and without personal identifiers (11-digit CIDs, e-mail
     * addresses): the ledger holds no personal data.
     */
    public static String reason(String value) {
        if (value == null || value.isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.error("reason must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_REASON) {
            throw ErrorCode.INVALID_ARGUMENT.error("reason must be at most %d characters", MAX_REASON);
        }
        boolean bad = trimmed.codePoints().anyMatch(cp -> Character.isISOControl(cp) || isTextDirection(cp)
                || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
        if (bad) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "reason must not contain control characters, text-direction characters or unpaired surrogates");
        }
        if (CID_LIKE.matcher(trimmed).find() || EMAIL_LIKE.matcher(trimmed).find()) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "reason must not contain personal data (CID numbers, e-mail addresses)");
        }
        return trimmed;
    }

    /**
     * Characters that change how the text around them reads without being seen: every bidirectional
     * formatting character (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks
     * U+200E, U+200F, U+061C). The portal refuses the same ones in all
     * typed text (its PlainText); the Tibetan block, ZWJ and ZWNJ stay allowed.
     */
    static boolean isTextDirection(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /** A salt: 1 to 256 printable ASCII characters without spaces. */
    public static String salt(String name, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_SALT
                || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "%s must be 1 to %d printable ASCII characters without spaces", name, MAX_SALT);
        }
        return value;
    }

    /** An ISO-8601 date-time with offset ({@code 2026-06-30T12:00:00Z}, {@code 2026-06-30T18:00:00+06:00}). */
    public static Instant deadline(String name, String value) {
        if (value == null || value.length() > 64) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be an ISO-8601 date-time with offset", name);
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_ARGUMENT.error(
                    "%s must be an ISO-8601 date-time with offset, e.g. 2026-06-30T12:00:00Z, got '%s'", name,
                    clip(value));
        }
    }

    /**
     * A sealed bid's share hashes: a JSON array of 2 to {@value Opening#MAX_HOLDERS} distinct lowercase
     * hex SHA-256, the envelope's {@code shareSha256} of each holder in holder order.
     */
    public static List<String> shareHashes(String value) {
        Object parsed = json("shareHashesJson", value, 100 * Opening.MAX_HOLDERS);
        if (!(parsed instanceof List<?> list) || list.size() < Opening.MIN_HOLDERS || list.size() > Opening.MAX_HOLDERS) {
            throw ErrorCode.INVALID_ARGUMENT.error("shareHashesJson must be a JSON array of %d to %d share hashes",
                    Opening.MIN_HOLDERS, Opening.MAX_HOLDERS);
        }
        List<String> hashes = new ArrayList<>();
        for (Object h : list) {
            if (!(h instanceof String s) || !HASH.matcher(s).matches()) {
                throw ErrorCode.INVALID_ARGUMENT.error(
                        "shareHashesJson: share hash %d must be a lowercase hex SHA-256 (64 characters 0-9a-f)", hashes.size() + 1);
            }
            if (hashes.contains(s)) {
                throw ErrorCode.INVALID_ARGUMENT.error(
                        "shareHashesJson: share hash %d repeats share hash %d (shares of distinct holders differ)",
                        hashes.size() + 1, hashes.indexOf(s) + 1);
            }
            hashes.add(s);
        }
        return hashes;
    }

    /**
     * A holder's shares for {@code PostOpeningShares}: a JSON object from bid keys to the holder's
     * plaintext share of that bid (docs/sealed-envelope.md §2: 33 bytes, the x-coordinate then 32
     * values) as base64url without padding, which for 33 bytes is exactly 44 characters of
     * {@code A-Z a-z 0-9 - _} (one spelling only); or {@code null} where the holder could not decrypt
     * its share of that bid.
     */
    public static SortedMap<String, String> openingShares(String value) {
        Object parsed = json("sharesJson", value, MAX_SHARES_JSON);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ErrorCode.INVALID_ARGUMENT.error("sharesJson must be a JSON object {\"<bidKey>\": \"<share>\", ...}");
        }
        SortedMap<String, String> shares = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String bidKey = (String) e.getKey();
            if (!Kind.BID.accepts(bidKey)) {
                throw ErrorCode.INVALID_ARGUMENT.error("sharesJson: '%s' is not a bid key", clip(bidKey));
            }
            if (e.getValue() != null && !(e.getValue() instanceof String s && SHARE.matcher(s).matches())) {
                throw ErrorCode.INVALID_ARGUMENT.error(
                        "sharesJson: the share of %s must be 33 bytes as unpadded base64url (44 characters A-Z a-z 0-9 - _) or null",
                        bidKey);
            }
            shares.put(bidKey, (String) e.getValue());
        }
        return shares;
    }

    /**
     * JSON text of at most {@code maxLength} characters, parsed by {@link Json#parse}: malformed JSON,
     * a repeated member or trailing text is refused.
     */
    static Object json(String name, String value, int maxLength) {
        if (value == null || value.length() > maxLength) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be JSON text of at most %d characters", name, maxLength);
        }
        try {
            return Json.parse(value);
        } catch (IllegalArgumentException e) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s is not JSON (or repeats a member): '%s'", name, clip(value));
        }
    }

    /** {@code value} as a JSON object with exactly the members {@code members}, no other. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String name, Object value, Set<String> members) {
        if (!(value instanceof Map<?, ?> m) || !m.keySet().equals(members)) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s must be a JSON object with exactly the members %s", name,
                    new TreeSet<>(members));
        }
        return (Map<String, Object>) m;
    }

    static String clip(String value) {
        if (value == null) {
            return "(missing)";
        }
        String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        StringBuilder sb = new StringBuilder(v.length());
        v.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }
}
