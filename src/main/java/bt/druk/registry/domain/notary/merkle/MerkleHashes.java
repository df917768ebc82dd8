package bt.druk.registry.domain.notary.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashing of RFC 9162 §2.1 with SHA-256: a leaf is hashed as SHA-256(0x00 || leaf) and an
 * interior node as SHA-256(0x01 || left || right). The two prefixes keep a leaf from ever being
 * passed off as an interior node (a second-preimage attack on the tree), which a plain
 * SHA-256(left || right) tree allows.
 *
 * <p>An instance holds one {@link MessageDigest} and is therefore not thread-safe; building a tree
 * or checking a proof takes a fresh one. The static helpers convert hashes to and from the
 * lowercase hex the rest of the registry uses.
 */
public final class MerkleHashes {

    /** The marker written into proof files: this tree construction over this hash function. */
    public static final String ALGORITHM = "RFC9162-SHA256";
    /** Length of every hash in the tree, in bytes. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;

    public MerkleHashes() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** SHA-256(0x00 || leaf): the hash of one leaf (for a batch, the leaf is a document's 32-byte digest). */
    public byte[] leafHash(byte[] leaf) {
        sha256.update(LEAF_PREFIX);
        return sha256.digest(leaf);
    }

    /** SHA-256(0x01 || left || right): the hash of an interior node. */
    public byte[] nodeHash(byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** SHA-256 of zero bytes: the root of the empty tree, e3b0c442…b855. */
    public byte[] emptyRoot() {
        return sha256.digest();
    }

    /** Lowercase hex of any bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** True for a hash written as 64 lowercase hex characters. */
    public static boolean isHashHex(String text) {
        if (text == null || text.length() != 2 * HASH_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 32 bytes of a hash written as 64 lowercase hex characters.
     *
     * @throws IllegalArgumentException for anything else (uppercase included: one spelling per hash)
     */
    public static byte[] hashFromHex(String text) {
        if (!isHashHex(text)) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + describe(text));
        }
        return HEX.parseHex(text);
    }

    /** A short, safe description of a supposed hex hash for messages (never the whole of a long input). */
    static String describe(String text) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() <= 80 ? text : text.substring(0, 77) + "...";
        return "\"" + shown + "\" (" + text.length() + " characters)";
    }
}
