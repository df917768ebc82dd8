package bt.druk.registry.domain.procurement.sealed;

import java.security.KeyPair;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Replays recorded randomness into a seal, so that the fixed vectors can be made again byte for
 * byte. Tests only: a production seal always draws from {@link SealingRandomness#secure()}.
 */
final class FixedRandomness implements SealingRandomness {

    private final byte[] dataKey;
    private final byte[] coefficients;
    private final Deque<byte[]> ivs;
    private final Deque<KeyPair> ephemeralKeys;

    FixedRandomness(byte[] dataKey, byte[] coefficients, List<byte[]> ivs, List<KeyPair> ephemeralKeys) {
        this.dataKey = dataKey.clone();
        this.coefficients = coefficients.clone();
        this.ivs = new ArrayDeque<>(ivs);
        this.ephemeralKeys = new ArrayDeque<>(ephemeralKeys);
    }

    @Override
    public byte[] dataKey() {
        return dataKey.clone();
    }

    @Override
    public byte[] coefficients(int count) {
        if (count != coefficients.length) {
            throw new IllegalStateException("recorded " + coefficients.length + " coefficient bytes, asked for " + count);
        }
        return coefficients.clone();
    }

    @Override
    public byte[] iv() {
        return ivs.removeFirst().clone();
    }

    @Override
    public KeyPair ephemeralKeyPair() {
        return ephemeralKeys.removeFirst();
    }

    boolean allUsed() {
        return ivs.isEmpty() && ephemeralKeys.isEmpty();
    }
}
