package bt.druk.registry.domain.procurement.sealed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encodings and hashing the envelope format uses: unpadded base64url, lowercase hex SHA-256. Only
 * {@link #sha256Hex} is public: it names opening keys by the hash of their SPKI, on both sides.
 */
public final class Bytes {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private Bytes() {
    }

    static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * Decodes unpadded base64url, refusing every other spelling (padding, the standard alphabet,
     * whitespace, non-zero trailing bits), so one byte string has one text and one envelope hash.
     * Null for text that is not that.
     */
    static byte[] fromBase64url(String text) {
        return decodedLength(text) < 0 ? null : BASE64URL_DECODER.decode(text);
    }

    /**
     * The number of bytes this unpadded base64url text decodes to, or -1 if it is not unpadded
     * base64url in its one spelling (checked without decoding: a parse need not copy a megabyte).
     */
    static int decodedLength(String text) {
        if (text == null || text.length() % 4 == 1) {
            return -1;
        }
        int last = 0;
        for (int i = 0; i < text.length(); i++) {
            last = sextet(text.charAt(i));
            if (last < 0) {
                return -1;
            }
        }
        // The bits of the last character past the final byte must be zero (RFC 4648 section 3.5).
        int unusedMask = switch (text.length() % 4) {
            case 2 -> 0x0f;
            case 3 -> 0x03;
            default -> 0;
        };
        if ((last & unusedMask) != 0) {
            return -1;
        }
        return text.length() / 4 * 3 + Math.max(0, text.length() % 4 - 1);
    }

    /** The value of each base64url character, -1 for every other ASCII character. */
    private static final byte[] SEXTETS = new byte[128];

    static {
        java.util.Arrays.fill(SEXTETS, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            SEXTETS[alphabet.charAt(i)] = (byte) i;
        }
    }

    private static int sextet(char c) {
        return c < 128 ? SEXTETS[c] : -1;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Lowercase hex SHA-256 of the bytes: how the envelope, the ledger and opening keys name a hash. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
