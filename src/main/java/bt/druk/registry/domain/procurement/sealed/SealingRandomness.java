package bt.druk.registry.domain.procurement.sealed;

import java.security.KeyPair;
import java.security.SecureRandom;

/**
 * Everything random in a seal, asked for in this order: the data key, the Shamir coefficients, one
 * IV per part (in part order), then per share (in holder order) an ephemeral key pair and an IV.
 * Production seals use {@link #secure()}; only the tests that write and check the fixed vectors
 * replay recorded values through another implementation, which lives in the tests.
 */
interface SealingRandomness {

    byte[] dataKey();

    /** {@code count} bytes laid out as {@link Shamir#split(byte[], int, int, byte[])} reads them. */
    byte[] coefficients(int count);

    byte[] iv();

    KeyPair ephemeralKeyPair();

    static SealingRandomness secure() {
        SecureRandom random = new SecureRandom();
        return new SealingRandomness() {
            @Override
            public byte[] dataKey() {
                return bytes(SealedEnvelope.KEY_LENGTH);
            }

            @Override
            public byte[] coefficients(int count) {
                return bytes(count);
            }

            @Override
            public byte[] iv() {
                return bytes(SealedEnvelope.IV_LENGTH);
            }

            @Override
            public KeyPair ephemeralKeyPair() {
                return P256.generate(random);
            }

            private byte[] bytes(int count) {
                byte[] bytes = new byte[count];
                random.nextBytes(bytes);
                return bytes;
            }
        };
    }
}
