package bt.druk.registry.domain.procurement.sealed;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One Shamir share of a data key: the x-coordinate {@code index} (1..255, the holder's position)
 * and the polynomials' values at it, one byte per byte of the key.
 *
 * <p>Its plaintext form, the bytes that are encrypted to a holder and hashed in the envelope, is
 * the index as one byte followed by the values ({@link #toBytes()}).
 */
public record KeyShare(int index, byte[] value) {

    public KeyShare {
        if (index < 1 || index > 255) {
            throw new IllegalArgumentException("a share's index is 1 to 255, not " + index);
        }
        if (value == null || value.length == 0) {
            throw new IllegalArgumentException("a share needs a value");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** index (one byte) || value. */
    public byte[] toBytes() {
        byte[] bytes = new byte[1 + value.length];
        bytes[0] = (byte) index;
        System.arraycopy(value, 0, bytes, 1, value.length);
        return bytes;
    }

    /** The reverse of {@link #toBytes()}. */
    public static KeyShare fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new IllegalArgumentException("a share is an index byte and at least one value byte");
        }
        return new KeyShare(bytes[0] & 0xff, Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    /** Lowercase hex SHA-256 of {@link #toBytes()}, as the envelope holds it. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(Bytes.sha256(toBytes()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyShare s && s.index == index && Arrays.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(value);
    }

    /** Never the value: shares end up in logs by accident otherwise. */
    @Override
    public String toString() {
        return "KeyShare[index=" + index + ", " + value.length + " bytes]";
    }
}
