package bt.druk.registry.domain.procurement.sealed;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a 96-bit IV and a 128-bit tag appended to the ciphertext (Web Crypto's layout). */
final class Aead {

    private Aead() {
    }

    static byte[] encrypt(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv);
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to encrypt", e);
        }
    }

    /** The plaintext, or null when the tag does not verify (wrong key, IV, AAD or altered ciphertext). */
    static byte[] decrypt(byte[] key, byte[] iv, byte[] aad, byte[] ciphertext) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv);
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to decrypt", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        if (key.length != SealedEnvelope.KEY_LENGTH || iv.length != SealedEnvelope.IV_LENGTH) {
            throw new IllegalArgumentException("AES-256-GCM takes a 32-byte key and a 12-byte IV");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(SealedEnvelope.TAG_LENGTH * 8, iv));
        return cipher;
    }
}
