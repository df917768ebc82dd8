package bt.druk.registry.domain.staff;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * A TOTP shared secret, held as its Base32 text (how apps and {@code oathtool -b} take it). A new
 * one has 160 random bits, the HMAC-SHA1 output size RFC 4226 section 4 recommends.
 */
public record TotpSecret(String base32) {

    public static final int BYTES = 20;

    public TotpSecret {
        Objects.requireNonNull(base32, "base32");
        byte[] key = Base32.decode(base32);
        if (key.length < 16) {
            throw new IllegalArgumentException("a TOTP secret has at least 128 bits");
        }
        base32 = Base32.encode(key);
    }

    public static TotpSecret random(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return new TotpSecret(Base32.encode(key));
    }

    /** A fresh copy of the key bytes. */
    public byte[] key() {
        return Base32.decode(base32);
    }

    /** Never the secret itself: records print their fields, and this one ends up in logs otherwise. */
    @Override
    public String toString() {
        return "TotpSecret[…]";
    }
}
