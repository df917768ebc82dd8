package bt.druk.registry.domain.procurement.sealed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Encodings and hashing the envelope format uses: unpadded base64url, lowercase hex SHA-256. */
final class Bytes {

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
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        if (text.length() % 4 == 1) {
            return null;
        }
        byte[] bytes = BASE64URL_DECODER.decode(text);
        return BASE64URL.encodeToString(bytes).equals(text) ? bytes : null;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
