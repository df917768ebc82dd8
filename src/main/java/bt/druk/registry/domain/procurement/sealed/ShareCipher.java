package bt.druk.registry.domain.procurement.sealed;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * A share encrypted to one holder: ECDH between a fresh ephemeral P-256 key and the holder's key,
 * HKDF-SHA-256 of the shared X coordinate (salt: both public points, info: version, OCID and
 * holder index) to an AES-256 key, and AES-256-GCM of the 33-byte share.
 */
public final class ShareCipher {

    private ShareCipher() {
    }

    /** Share {@code share.index()} for the holder with this public key. */
    static SealedEnvelope.Share encrypt(KeyShare share, ECPublicKey holderKey, String ocid, KeyPair ephemeral, byte[] iv) {
        ECPublicKey ephemeralPublic = (ECPublicKey) ephemeral.getPublic();
        byte[] ephemeralRaw = P256.rawPoint(ephemeralPublic);
        byte[] key = shareKey(P256.agree(ephemeral.getPrivate(), holderKey), ephemeralRaw, P256.rawPoint(holderKey), ocid,
                share.index());
        byte[] plaintext = share.toBytes();
        byte[] ciphertext = Aead.encrypt(key, iv, SealedEnvelope.shareAad(ocid, share.index()), plaintext);
        String hash = share.sha256Hex();
        Arrays.fill(key, (byte) 0);
        Arrays.fill(plaintext, (byte) 0);
        return new SealedEnvelope.Share(share.index(), Bytes.base64url(ephemeralRaw), Bytes.base64url(iv),
                Bytes.base64url(ciphertext), hash);
    }

    /**
     * The holder's side: its share of this envelope, decrypted with its private key (the public key
     * is needed too, it is part of the HKDF salt).
     *
     * @throws ShareException when the share does not decrypt with this key, or decrypts to a share
     *                        that is not the one the envelope's hash names
     */
    public static KeyShare decrypt(SealedEnvelope envelope, int index, PrivateKey holderPrivate, ECPublicKey holderPublic) {
        if (index < 1 || index > envelope.shares().size()) {
            throw new ShareException(index, "the envelope has no share " + index);
        }
        SealedEnvelope.Share share = envelope.shares().get(index - 1);
        byte[] ephemeralRaw = share.ephemeralPublicKeyBytes();
        byte[] key = shareKey(P256.agree(holderPrivate, P256.publicKeyFromRawPoint(ephemeralRaw)), ephemeralRaw,
                P256.rawPoint(holderPublic), envelope.ocid(), index);
        byte[] plaintext = Aead.decrypt(key, share.ivBytes(), SealedEnvelope.shareAad(envelope.ocid(), index), share.ciphertextBytes());
        Arrays.fill(key, (byte) 0);
        if (plaintext == null) {
            throw new ShareException(index, "share " + index + " does not decrypt with this key (another holder's key,"
                    + " or the envelope was altered)");
        }
        KeyShare keyShare = KeyShare.fromBytes(plaintext);
        Arrays.fill(plaintext, (byte) 0);
        if (keyShare.index() != index || keyShare.value().length != SealedEnvelope.KEY_LENGTH) {
            throw new ShareException(index, "share " + index + " decrypts to something that is not share " + index);
        }
        if (!keyShare.sha256Hex().equals(share.shareSha256())) {
            throw new ShareException(index, "share " + index + " does not match its hash in the envelope");
        }
        return keyShare;
    }

    /** HKDF-SHA-256(IKM = ECDH X coordinate, salt = ephemeral point || holder point, info) to 32 bytes. */
    static byte[] shareKey(byte[] sharedSecret, byte[] ephemeralRaw, byte[] holderRaw, String ocid, int index) {
        byte[] salt = new byte[ephemeralRaw.length + holderRaw.length];
        System.arraycopy(ephemeralRaw, 0, salt, 0, ephemeralRaw.length);
        System.arraycopy(holderRaw, 0, salt, ephemeralRaw.length, holderRaw.length);
        byte[] key = Hkdf.derive(sharedSecret, salt, SealedEnvelope.shareKeyInfo(ocid, index), SealedEnvelope.KEY_LENGTH);
        Arrays.fill(sharedSecret, (byte) 0);
        return key;
    }

    /** A share that a holder cannot decrypt, or that is not what the envelope says it is. */
    public static final class ShareException extends RuntimeException {
        private final int index;

        public ShareException(int index, String message) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
