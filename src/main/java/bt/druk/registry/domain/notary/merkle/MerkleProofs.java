package bt.druk.registry.domain.notary.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checking RFC 9162 proofs over raw hashes: §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), each
 * step as the RFC writes it, after checks that give hostile input a precise reason (a wrong length,
 * an index out of range, a path one element too long) instead of a bare mismatch. Nothing here
 * throws: every answer is a {@link MerkleVerification}.
 *
 * <p>Sizes and indices are unsigned in the RFC; here a negative one is refused as out of range.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /**
     * Whether {@code auditPath} proves that the leaf whose hash is {@code leafHash} (already
     * SHA-256(0x00 || leaf)) is leaf {@code leafIndex} of the tree of {@code treeSize} leaves whose
     * root is {@code root}.
     */
    public static MerkleVerification verifyInclusion(byte[] leafHash, long leafIndex, long treeSize,
            List<byte[]> auditPath, byte[] root) {
        MerkleVerification shape = hashShape("leaf hash", "merkle.leafHash.length", leafHash);
        if (shape != null) {
            return shape;
        }
        shape = hashShape("root", "merkle.root.length", root);
        if (shape != null) {
            return shape;
        }
        if (treeSize <= 0) {
            return MerkleVerification.failed("merkle.treeSize.range",
                    "tree size " + Long.toUnsignedString(treeSize) + ": a tree with a leaf has at least one");
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return MerkleVerification.failed("merkle.leafIndex.range", "leaf index " + Long.toUnsignedString(leafIndex)
                    + " is not in a tree of " + treeSize + " leaves (0 to " + (treeSize - 1) + ")");
        }
        MerkleVerification path = pathShape(auditPath, "audit path");
        if (path != null) {
            return path;
        }
        int expected = inclusionPathLength(leafIndex, treeSize);
        if (auditPath.size() != expected) {
            return MerkleVerification.failed("merkle.auditPath.length", "the audit path has " + auditPath.size()
                    + " hashes; leaf " + leafIndex + " of a tree of " + treeSize + " needs " + expected);
        }
        byte[] computed = rootFromInclusionPath(new MerkleHashes(), leafHash, leafIndex, treeSize, auditPath);
        if (computed == null || !MessageDigest.isEqual(computed, root)) {
            return MerkleVerification.failed("merkle.root.mismatch", "the audit path leads to "
                    + (computed == null ? "no root" : MerkleHashes.hex(computed)) + ", not to the root " + MerkleHashes.hex(root));
        }
        return MerkleVerification.passed();
    }

    /**
     * RFC 9162 §2.1.3.2 steps 2 to 5: the root the audit path leads to, or null when the path does
     * not fit the index and size. The caller has checked the lengths.
     */
    static byte[] rootFromInclusionPath(MerkleHashes hashes, byte[] leafHash, long leafIndex, long treeSize,
            List<byte[]> auditPath) {
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : auditPath) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = hashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }

    /**
     * Whether {@code path} proves that the tree of {@code firstSize} leaves with root {@code firstRoot}
     * is the first {@code firstSize} leaves of the tree of {@code secondSize} leaves with root
     * {@code secondRoot}, i.e. that the log only grew.
     *
     * <p>Equal sizes are consistent exactly when the roots are the same bytes and the path is
     * empty (the same tree head twice; nothing is hashed). A first size of 0 is refused: every
     * tree extends the empty tree, so such a proof shows nothing.
     */
    public static MerkleVerification verifyConsistency(long firstSize, long secondSize, List<byte[]> path,
            byte[] firstRoot, byte[] secondRoot) {
        if (firstSize < 0 || secondSize < 0) {
            return MerkleVerification.failed("merkle.treeSize.range", "tree sizes "
                    + Long.toUnsignedString(firstSize) + " and " + Long.toUnsignedString(secondSize) + " are out of range");
        }
        if (firstSize > secondSize) {
            return MerkleVerification.failed("merkle.consistency.shrunk",
                    "the first tree (" + firstSize + " leaves) is larger than the second (" + secondSize + ")");
        }
        if (firstSize == 0) {
            return MerkleVerification.failed("merkle.consistency.fromEmpty",
                    "every tree extends the empty tree: a consistency proof from size 0 shows nothing");
        }
        if (path == null) {
            return MerkleVerification.failed("merkle.consistencyPath.missing", "no consistency path");
        }
        if (firstRoot == null || secondRoot == null) {
            return MerkleVerification.failed("merkle.root.missing", "a root is missing");
        }
        if (firstSize == secondSize) {
            if (!path.isEmpty()) {
                return MerkleVerification.failed("merkle.consistencyPath.length", "the sizes are equal, so the "
                        + "consistency path must be empty; it has " + path.size() + " hashes");
            }
            return MessageDigest.isEqual(firstRoot, secondRoot) ? MerkleVerification.passed()
                    : MerkleVerification.failed("merkle.root.mismatch", "two trees of " + firstSize
                            + " leaves with different roots");
        }
        MerkleVerification shape = hashShape("first root", "merkle.root.length", firstRoot);
        if (shape == null) {
            shape = hashShape("second root", "merkle.root.length", secondRoot);
        }
        if (shape == null) {
            shape = pathShape(path, "consistency path");
        }
        if (shape != null) {
            return shape;
        }
        int expected = consistencyPathLength(firstSize, secondSize);
        if (path.size() != expected) {
            return MerkleVerification.failed("merkle.consistencyPath.length", "the consistency path has "
                    + path.size() + " hashes; from " + firstSize + " to " + secondSize + " leaves needs " + expected);
        }
        MerkleHashes hashes = new MerkleHashes();
        // RFC 9162 §2.1.4.2, steps 1 to 7.
        List<byte[]> c = new ArrayList<>(path.size() + 1);
        if (Long.bitCount(firstSize) == 1) {
            c.add(firstRoot);
        }
        c.addAll(path);
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        for (byte[] p : c.subList(1, c.size())) {
            if (sn == 0) {
                return MerkleVerification.failed("merkle.consistencyPath.length", "the consistency path is too long");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hashes.nodeHash(p, fr);
                sr = hashes.nodeHash(p, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = hashes.nodeHash(sr, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            return MerkleVerification.failed("merkle.consistencyPath.length", "the consistency path is too short");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            return MerkleVerification.failed("merkle.root.mismatch", "the consistency path leads to "
                    + MerkleHashes.hex(fr) + ", not to the first root " + MerkleHashes.hex(firstRoot));
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            return MerkleVerification.failed("merkle.root.mismatch", "the consistency path leads to "
                    + MerkleHashes.hex(sr) + ", not to the second root " + MerkleHashes.hex(secondRoot));
        }
        return MerkleVerification.passed();
    }

    /** Number of hashes in the audit path of leaf {@code index} in a tree of {@code size} leaves (0 ≤ index < size). */
    public static int inclusionPathLength(long index, long size) {
        int length = 0;
        long m = index;
        long n = size;
        while (n > 1) {
            long k = Long.highestOneBit(n - 1);
            if (m < k) {
                n = k;
            } else {
                m -= k;
                n -= k;
            }
            length++;
        }
        return length;
    }

    /** Number of hashes in the consistency proof from {@code first} to {@code second} leaves (0 < first < second). */
    public static int consistencyPathLength(long first, long second) {
        int length = 0;
        long m = first;
        long n = second;
        boolean whole = true;
        while (m != n) {
            long k = Long.highestOneBit(n - 1);
            if (m <= k) {
                n = k;
            } else {
                m -= k;
                n -= k;
                whole = false;
            }
            length++;
        }
        return whole ? length : length + 1;
    }

    private static MerkleVerification hashShape(String what, String code, byte[] hash) {
        if (hash == null) {
            return MerkleVerification.failed(code, "the " + what + " is missing");
        }
        if (hash.length != MerkleHashes.HASH_LENGTH) {
            return MerkleVerification.failed(code, "the " + what + " is " + hash.length + " bytes, not "
                    + MerkleHashes.HASH_LENGTH);
        }
        return null;
    }

    private static MerkleVerification pathShape(List<byte[]> path, String what) {
        if (path == null) {
            return MerkleVerification.failed("merkle." + (what.startsWith("audit") ? "auditPath" : "consistencyPath")
                    + ".missing", "no " + what);
        }
        for (int i = 0; i < path.size(); i++) {
            byte[] p = path.get(i);
            if (p == null || p.length != MerkleHashes.HASH_LENGTH) {
                return MerkleVerification.failed("merkle." + (what.startsWith("audit") ? "auditPath" : "consistencyPath")
                        + ".length", "hash " + i + " of the " + what + " is "
                        + (p == null ? "missing" : p.length + " bytes, not " + MerkleHashes.HASH_LENGTH));
            }
        }
        return null;
    }
}
