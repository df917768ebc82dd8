package bt.druk.registry.domain.record;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by their names' UTF-16 code
 * units, no insignificant whitespace, numbers written the way ECMAScript's Number.toString writes
 * IEEE-754 doubles, strings with the minimal escaping of ECMAScript's JSON.stringify.
 *
 * <p>A record version's hash is {@link #sha256Hex(String)} of its canonical JSON's UTF-8 bytes, so
 * anyone holding the JSON can recompute it with any JCS implementation and a SHA-256 tool.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Parses JSON text and returns its canonical form. */
    public static String canonicalize(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return canonicalize(reader.readValue());
        }
    }

    public static String canonicalize(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of the text. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** True for a lowercase hex SHA-256 (64 characters). */
    public static boolean isSha256Hex(String text) {
        // A loop, not String.matches: that compiles its pattern on every call, and this runs for every hash a request carries.
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case NULL -> out.append("null");
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> out.append(formatNumber(((JsonNumber) value).bigDecimalValue().doubleValue()));
            case ARRAY -> {
                out.append('[');
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(array.get(i), out);
                }
                out.append(']');
            }
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                // String.compareTo compares UTF-16 code units, exactly what RFC 8785 asks for.
                List<String> names = new ArrayList<>(object.keySet());
                names.sort(String::compareTo);
                out.append('{');
                boolean first = true;
                for (String name : names) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(name, out);
                    out.append(':');
                    write(object.get(name), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("unexpected JSON value " + value.getValueType());
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript Number.prototype.toString for a finite double (RFC 8785 section 3.2.2.3). */
    public static String formatNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON cannot hold " + value);
        }
        if (value == 0) {
            return "0"; // also for -0
        }
        if (value < 0) {
            return "-" + formatNumber(-value);
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = digits × 10^(n-k)
        StringBuilder out = new StringBuilder();
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as the same double; among
     * equally short ones the closest to the exact value (what ECMAScript specifies).
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest.stripTrailingZeros();
            }
            // Near a power of two the rounding interval is lopsided: the nearest candidate may miss
            // while the one on the other side still reads back as the same double.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value) {
                    return candidate.stripTrailingZeros();
                }
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
