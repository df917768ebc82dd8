package bt.druk.registry.domain.notary.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The RFC 9162 §2.1 Merkle tree of a batch, built once and immutable: roots, audit paths and
 * consistency proofs for the whole tree and for any of its prefixes.
 *
 * <p>A batch's leaves are its documents' SHA-256 digests in batch order ({@link #ofDocumentHashes});
 * {@link #ofLeaves} takes leaves of any length, as the RFC does. For n &gt; 1 leaves the RFC splits
 * at k, the largest power of two smaller than n, and hashes MTH(D[0:k]) with MTH(D[k:n]).
 *
 * <p>The tree is kept level by level (leaf hashes, then their parents, and so on, a level's lone
 * last node carried up unpaired). That builds the same tree as the RFC's recursion, in n - 1 node
 * hashes, and every node it holds is the RFC hash of the leaves below it, so an audit path is a
 * handful of look-ups. A prefix's subtrees on its right edge are hashed again when asked for.
 */
public final class MerkleTree {

    private static final int H = MerkleHashes.HASH_LENGTH;

    private final List<byte[]> leaves;
    /** levels[0] holds the leaf hashes, levels[j] the nodes over 2^j leaves each, 32 bytes apiece, end to end. */
    private final byte[][] levels;
    private final byte[] root;

    private MerkleTree(List<byte[]> leaves) {
        this.leaves = leaves;
        MerkleHashes hashes = new MerkleHashes();
        int n = leaves.size();
        List<byte[]> built = new ArrayList<>();
        byte[] level = new byte[n * H];
        for (int i = 0; i < n; i++) {
            System.arraycopy(hashes.leafHash(leaves.get(i)), 0, level, i * H, H);
        }
        built.add(level);
        int count = n;
        byte[] left = new byte[H];
        byte[] right = new byte[H];
        while (count > 1) {
            int parents = (count + 1) / 2;
            byte[] up = new byte[parents * H];
            for (int i = 0; i < count / 2; i++) {
                System.arraycopy(level, 2 * i * H, left, 0, H);
                System.arraycopy(level, (2 * i + 1) * H, right, 0, H);
                System.arraycopy(hashes.nodeHash(left, right), 0, up, i * H, H);
            }
            if (count % 2 == 1) {
                System.arraycopy(level, (count - 1) * H, up, (parents - 1) * H, H);
            }
            built.add(up);
            level = up;
            count = parents;
        }
        this.levels = built.toArray(new byte[0][]);
        this.root = n == 0 ? hashes.emptyRoot() : node(levels.length - 1, 0);
    }

    /**
     * The tree of a batch: its documents' SHA-256 digests, lowercase hex, in batch order.
     *
     * @throws IllegalArgumentException if one is not 64 lowercase hex characters
     */
    public static MerkleTree ofDocumentHashes(List<String> documentHashes) {
        List<byte[]> leaves = new ArrayList<>(documentHashes.size());
        for (int i = 0; i < documentHashes.size(); i++) {
            String hash = documentHashes.get(i);
            if (!MerkleHashes.isHashHex(hash)) {
                throw new IllegalArgumentException("document hash " + i + " is not a SHA-256 in lowercase hex: "
                        + MerkleHashes.describe(hash));
            }
            leaves.add(MerkleHashes.hashFromHex(hash));
        }
        return new MerkleTree(Collections.unmodifiableList(leaves));
    }

    /** The tree of leaves of any length (copied), as in RFC 9162 and its published test vectors. */
    public static MerkleTree ofLeaves(List<byte[]> leaves) {
        List<byte[]> copies = new ArrayList<>(leaves.size());
        for (byte[] leaf : leaves) {
            copies.add(leaf.clone());
        }
        return new MerkleTree(Collections.unmodifiableList(copies));
    }

    /** Number of leaves. */
    public int size() {
        return leaves.size();
    }

    /** The root of the whole tree (SHA-256 of nothing when it is empty). */
    public byte[] root() {
        return root.clone();
    }

    /** {@link #root()} in lowercase hex: what a batch anchor commits. */
    public String rootHex() {
        return MerkleHashes.hex(root);
    }

    /** The root of the tree of the first {@code size} leaves (0 ≤ size ≤ {@link #size()}). */
    public byte[] rootOf(int size) {
        checkSize(size);
        return size == 0 ? new MerkleHashes().emptyRoot() : subtree(new MerkleHashes(), 0, size);
    }

    /** SHA-256(0x00 || leaf) of leaf {@code index}. */
    public byte[] leafHash(int index) {
        checkIndex(index, size());
        return node(0, index);
    }

    /** Leaf {@code index} as given; for a batch, the document's digest. */
    public byte[] leaf(int index) {
        checkIndex(index, size());
        return leaves.get(index).clone();
    }

    /** The audit path of leaf {@code index} in the whole tree (RFC 9162 §2.1.3.1), lowest sibling first. */
    public List<byte[]> auditPath(int index) {
        return auditPath(index, size());
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code treeSize} leaves. */
    public List<byte[]> auditPath(int index, int treeSize) {
        checkSize(treeSize);
        checkIndex(index, treeSize);
        MerkleHashes hashes = new MerkleHashes();
        // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) if m < k, PATH(m - k, D[k:n]) : MTH(D[0:k]) otherwise;
        // walked from the top, so the siblings come out highest first and are reversed at the end.
        List<byte[]> path = new ArrayList<>();
        int start = 0;
        int end = treeSize;
        while (end - start > 1) {
            int k = Integer.highestOneBit(end - start - 1);
            if (index < start + k) {
                path.add(subtree(hashes, start + k, end));
                end = start + k;
            } else {
                path.add(subtree(hashes, start, start + k));
                start += k;
            }
        }
        Collections.reverse(path);
        return Collections.unmodifiableList(path);
    }

    /**
     * The consistency proof (RFC 9162 §2.1.4.1) that the tree of the first {@code firstSize} leaves
     * is a prefix of the tree of the first {@code secondSize} leaves, 0 &lt; firstSize ≤ secondSize ≤
     * {@link #size()}; empty when the sizes are equal.
     */
    public List<byte[]> consistencyPath(int firstSize, int secondSize) {
        checkSize(secondSize);
        if (firstSize <= 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("a consistency proof goes from 1 ≤ first ≤ second leaves, not from "
                    + firstSize + " to " + secondSize);
        }
        MerkleHashes hashes = new MerkleHashes();
        // SUBPROOF(m, D[start:end], b), walked from the top, reversed at the end.
        List<byte[]> path = new ArrayList<>();
        int m = firstSize;
        int start = 0;
        int end = secondSize;
        boolean whole = true;
        while (m != end - start) {
            int k = Integer.highestOneBit(end - start - 1);
            if (m <= k) {
                path.add(subtree(hashes, start + k, end));
                end = start + k;
            } else {
                path.add(subtree(hashes, start, start + k));
                m -= k;
                start += k;
                whole = false;
            }
        }
        if (!whole) {
            path.add(subtree(hashes, start, end));
        }
        Collections.reverse(path);
        return Collections.unmodifiableList(path);
    }

    /**
     * The inclusion proof of document {@code index} in the whole tree, for the document's proof file.
     *
     * @throws IllegalStateException if the leaves are not 32-byte digests
     */
    public InclusionProof inclusionProof(int index) {
        checkIndex(index, size());
        byte[] leaf = leaves.get(index);
        if (leaf.length != H) {
            throw new IllegalStateException("leaf " + index + " is " + leaf.length + " bytes, not a document's SHA-256");
        }
        return new InclusionProof(MerkleHashes.hex(leaf), index, size(), hexAll(auditPath(index)), rootHex());
    }

    /** The consistency proof from the tree of the first {@code firstSize} leaves to the whole tree. */
    public ConsistencyProof consistencyProof(int firstSize) {
        List<byte[]> path = consistencyPath(firstSize, size());
        return new ConsistencyProof(firstSize, MerkleHashes.hex(rootOf(firstSize)), size(), rootHex(), hexAll(path));
    }

    /**
     * MTH(D[start:end]), 0 ≤ start &lt; end ≤ {@link #size()}. A whole aligned
     * subtree, or one ending at the whole tree's last leaf, is a node already held; anything else
     * (only on a prefix's right edge) is split at the RFC's k and hashed.
     */
    private byte[] subtree(MerkleHashes hashes, int start, int end) {
        int width = end - start;
        int j = 32 - Integer.numberOfLeadingZeros(width - 1); // the smallest j with 2^j >= width
        long span = 1L << j;
        if (start % span == 0 && (width == span || end == size())) {
            return node(j, start >>> j);
        }
        int k = Integer.highestOneBit(width - 1);
        return hashes.nodeHash(subtree(hashes, start, start + k), subtree(hashes, start + k, end));
    }

    private byte[] node(int level, int index) {
        byte[] hash = new byte[H];
        System.arraycopy(levels[level], index * H, hash, 0, H);
        return hash;
    }

    private void checkSize(int treeSize) {
        if (treeSize < 0 || treeSize > size()) {
            throw new IndexOutOfBoundsException("tree size " + treeSize + " is not between 0 and " + size());
        }
    }

    private static void checkIndex(int index, int treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IndexOutOfBoundsException("leaf " + index + " is not in a tree of " + treeSize + " leaves");
        }
    }

    private static List<String> hexAll(List<byte[]> hashes) {
        List<String> hex = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            hex.add(MerkleHashes.hex(hash));
        }
        return hex;
    }
}
