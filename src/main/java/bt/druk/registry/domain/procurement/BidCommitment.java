package bt.druk.registry.domain.procurement;

import bt.druk.registry.domain.record.CanonicalJson;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The sealed-bid commitment scheme the chaincode enforces (chaincode/README.md, "Sealed-bid
 * commitment scheme"): {@code commitment = SHA-256(UTF-8 of bidHash + ":" + salt)}, lowercase hex.
 * Only the commitment is lodged before the deadline; bidHash and salt are revealed after it.
 *
 * <p>The salt is what stops anyone from confirming a guessed price against a lodged commitment, so
 * the seal page draws 32 random bytes (written as 43 base64url characters); the ledger accepts any
 * 1 to 256 printable ASCII characters without spaces, and so does this class.
 */
public final class BidCommitment {

    /** Longest salt the chaincode accepts (its {@code Args.MAX_SALT}). */
    public static final int MAX_SALT_LENGTH = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    private BidCommitment() {
    }

    /** Lowercase hex SHA-256 of the UTF-8 string {@code bidHash + ":" + salt}. */
    public static String of(String bidHash, String salt) {
        if (!CanonicalJson.isSha256Hex(bidHash)) {
            throw new IllegalArgumentException("bidHash must be a lowercase hex SHA-256");
        }
        if (!isValidSalt(salt)) {
            throw new IllegalArgumentException("salt must be 1 to 256 printable ASCII characters without spaces");
        }
        return CanonicalJson.sha256Hex(bidHash + ":" + salt);
    }

    /** 1 to 256 characters, each printable ASCII other than space (0x21 to 0x7e), as the chaincode requires. */
    public static boolean isValidSalt(String salt) {
        return salt != null && !salt.isEmpty() && salt.length() <= MAX_SALT_LENGTH
                && salt.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** A fresh salt: 32 random bytes as unpadded base64url (43 characters), what the seal page draws too. */
    public static String newSalt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
