package bt.druk.registry.domain.procurement.sealed;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA-256 (RFC 5869): JDK 17 has no HKDF class, and Web Crypto's HKDF is this one.
 */
public final class Hkdf {

    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** Extract then expand: {@code length} bytes of output keying material. */
    public static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, inputKey), info, length);
    }

    /** PRK = HMAC-Hash(salt, IKM); an empty or absent salt is HashLen zero bytes (RFC 5869 section 2.2). */
    public static byte[] extract(byte[] salt, byte[] inputKey) {
        byte[] key = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        Mac mac = hmac(key);
        return mac.doFinal(inputKey);
    }

    /** T(1) | T(2) | ... with T(i) = HMAC-Hash(PRK, T(i-1) | info | i), cut to length (RFC 5869 section 2.3). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF-SHA-256 gives 0 to 8160 bytes, not " + length);
        }
        Mac mac = hmac(prk);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int filled = 0;
        for (int i = 1; filled < length; i++) {
            mac.update(previous);
            mac.update(info == null ? new byte[0] : info);
            mac.update((byte) i);
            previous = mac.doFinal();
            int take = Math.min(previous.length, length - filled);
            System.arraycopy(previous, 0, out, filled, take);
            filled += take;
        }
        Arrays.fill(previous, (byte) 0);
        return out;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
