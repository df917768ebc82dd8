package bt.druk.registry.domain.notary.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Random trees up to a few thousand leaves against a literal transcription of RFC 9162's
 * recursive definitions (MTH, PATH, PROOF, written here without {@link MerkleTree}'s levels), and
 * the proofs' properties: every leaf's proof holds, a flipped bit anywhere fails, a proof moved to
 * another index or given a hash too many or too few fails, and no input makes a check throw.
 */
class MerklePropertiesTest {

    private static final HexFormat HEX = HexFormat.of();
    private final Random random = new Random(20261130);

    @Test
    void theTreeAgreesWithTheRfcsRecursiveDefinitionsForEverySizeUpTo70AndRandomOnesUpTo3000() {
        List<Integer> sizes = new ArrayList<>(IntStream.rangeClosed(0, 70).boxed().toList());
        sizes.addAll(List.of(127, 128, 129, 255, 256, 257, 1023, 1024, 1025));
        for (int i = 0; i < 6; i++) {
            sizes.add(1 + random.nextInt(3000));
        }
        for (int n : sizes) {
            List<byte[]> leaves = randomLeaves(n, n % 3 == 0 ? -1 : 32);
            MerkleTree tree = MerkleTree.ofLeaves(leaves);
            assertEquals(HEX.formatHex(Rfc.mth(leaves)), tree.rootHex(), "root of " + n);
            // Every leaf of small trees, a sample of the large ones; every prefix the same way.
            for (int m : sample(n, 40)) {
                assertEquals(hex(Rfc.path(m, leaves)), hex(tree.auditPath(m)), "path of " + m + " in " + n);
            }
            for (int size : sample(n + 1, 12)) {
                assertEquals(HEX.formatHex(Rfc.mth(leaves.subList(0, size))), HEX.formatHex(tree.rootOf(size)),
                        "prefix " + size + " of " + n);
                if (size > 0) {
                    for (int m : sample(size, 6)) {
                        assertEquals(hex(Rfc.path(m, leaves.subList(0, size))), hex(tree.auditPath(m, size)),
                                "path of " + m + " in prefix " + size + " of " + n);
                    }
                    for (int first : sample(size + 1, 6)) {
                        if (first > 0) {
                            assertEquals(hex(Rfc.proof(first, leaves.subList(0, size))), hex(tree.consistencyPath(first, size)),
                                    "consistency " + first + " to " + size + " of " + n);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyLeafsProofHoldsAndAFlippedBitAnywhereBreaksIt() {
        for (int n : List.of(1, 2, 3, 5, 8, 13, 100, 777, 3000)) {
            MerkleTree tree = MerkleTree.ofDocumentHashes(randomDocumentHashes(n));
            for (int m = 0; m < n; m++) {
                InclusionProof proof = tree.inclusionProof(m);
                MerkleVerification answer = proof.verify();
                assertTrue(answer.ok(), m + " of " + n + ": " + answer.reason());
                assertTrue(proof.verifyAgainst(tree.rootHex()).ok());
                assertEquals(MerkleProofs.inclusionPathLength(m, n), proof.auditPath().size());
                // One random bit in each hash of the proof: the leaf, each path hash, the root.
                assertBroken(flipLeaf(proof, random.nextInt(256)), "leaf bit of " + m + " in " + n);
                assertBroken(flipRoot(proof, random.nextInt(256)), "root bit of " + m + " in " + n);
                for (int p = 0; p < proof.auditPath().size(); p++) {
                    assertBroken(flipPath(proof, p, random.nextInt(256)), "path " + p + " bit of " + m + " in " + n);
                }
            }
        }
        // Every single bit of every hash, for a few proofs.
        MerkleTree tree = MerkleTree.ofDocumentHashes(randomDocumentHashes(1000));
        for (int m : List.of(0, 511, 512, 998, 999)) {
            InclusionProof proof = tree.inclusionProof(m);
            for (int bit = 0; bit < 256; bit++) {
                assertBroken(flipLeaf(proof, bit), "leaf bit " + bit);
                assertBroken(flipRoot(proof, bit), "root bit " + bit);
                for (int p = 0; p < proof.auditPath().size(); p++) {
                    assertBroken(flipPath(proof, p, bit), "path " + p + " bit " + bit);
                }
            }
        }
    }

    @Test
    void aProofMovedToAnotherIndexOrWithAHashTooManyOrTooFewFails() {
        for (int n : List.of(2, 3, 7, 64, 65, 1000, 2049)) {
            MerkleTree tree = MerkleTree.ofDocumentHashes(randomDocumentHashes(n));
            for (int m : sample(n, 60)) {
                InclusionProof proof = tree.inclusionProof(m);
                for (int other : List.of(m - 1, m + 1, m ^ 1, random.nextInt(n), n, -1)) {
                    if (other != m) {
                        InclusionProof moved = new InclusionProof(proof.leaf(), other, n, proof.auditPath(), proof.root());
                        assertBroken(moved, "proof of " + m + " as " + other + " in " + n);
                    }
                }
                // Another leaf's proof for this leaf.
                int other = (m + 1 + random.nextInt(n - 1)) % n;
                InclusionProof borrowed = new InclusionProof(proof.leaf(), m, n, tree.inclusionProof(other).auditPath(), proof.root());
                if (!borrowed.auditPath().equals(proof.auditPath())) {
                    assertBroken(borrowed, "path of " + other + " for " + m + " in " + n);
                }
                List<String> longer = new ArrayList<>(proof.auditPath());
                longer.add(proof.root());
                assertEquals("merkle.auditPath.length",
                        new InclusionProof(proof.leaf(), m, n, longer, proof.root()).verify().code());
                List<String> withLeaf = new ArrayList<>(proof.auditPath());
                withLeaf.add(0, proof.leaf());
                assertBroken(new InclusionProof(proof.leaf(), m, n, withLeaf, proof.root()), "leaf prepended");
                if (!proof.auditPath().isEmpty()) {
                    assertBroken(new InclusionProof(proof.leaf(), m, n, proof.auditPath().subList(1, proof.auditPath().size()),
                            proof.root()), "lowest hash dropped");
                    assertBroken(new InclusionProof(proof.leaf(), m, n,
                            proof.auditPath().subList(0, proof.auditPath().size() - 1), proof.root()), "highest hash dropped");
                }
                // A tree twice the size can never have this path.
                assertBroken(new InclusionProof(proof.leaf(), m, 2L * n, proof.auditPath(), proof.root()), "size doubled");
            }
        }
    }

    @Test
    void anInteriorNodeCannotBePassedOffAsALeaf() {
        // The attack the 0x00/0x01 prefixes stop: claim that node (0,1) is a leaf of the tree with the
        // remaining path. Its hash as a leaf is SHA-256(0x00 || node), never the node itself.
        List<String> documents = randomDocumentHashes(4);
        MerkleTree tree = MerkleTree.ofDocumentHashes(documents);
        MerkleHashes hashes = new MerkleHashes();
        byte[] node01 = hashes.nodeHash(tree.leafHash(0), tree.leafHash(1));
        byte[] node23 = hashes.nodeHash(tree.leafHash(2), tree.leafHash(3));
        InclusionProof forged = new InclusionProof(HEX.formatHex(node01), 0, 2, List.of(HEX.formatHex(node23)), tree.rootHex());
        assertFalse(forged.verify().ok());
        // Whereas at the raw level, with the node passed as a leaf hash, the path holds: the leaf hash is the guard.
        assertTrue(MerkleProofs.verifyInclusion(node01, 0, 2, List.of(node23), tree.root()).ok());
    }

    @Test
    void consistencyProofsHoldBetweenEveryPairOfSizesAndBreakWhenAnyBitFlips() {
        MerkleTree tree = MerkleTree.ofDocumentHashes(randomDocumentHashes(300));
        for (int second = 1; second <= 300; second += 1 + random.nextInt(9)) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> path = tree.consistencyPath(first, second);
                assertEquals(first == second ? 0 : MerkleProofs.consistencyPathLength(first, second), path.size());
                byte[] firstRoot = tree.rootOf(first);
                byte[] secondRoot = tree.rootOf(second);
                MerkleVerification answer = MerkleProofs.verifyConsistency(first, second, path, firstRoot, secondRoot);
                assertTrue(answer.ok(), first + " to " + second + ": " + answer.reason());
                if (first < second) {
                    assertFalse(MerkleProofs.verifyConsistency(first, second, path, secondRoot, firstRoot).ok(), "swapped");
                    assertFalse(MerkleProofs.verifyConsistency(first, second, path, flip(firstRoot, random.nextInt(256)),
                            secondRoot).ok(), "first root flipped");
                    assertFalse(MerkleProofs.verifyConsistency(first, second, path, firstRoot,
                            flip(secondRoot, random.nextInt(256))).ok(), "second root flipped");
                    int p = random.nextInt(path.size());
                    List<byte[]> flipped = new ArrayList<>(path);
                    flipped.set(p, flip(path.get(p), random.nextInt(256)));
                    assertFalse(MerkleProofs.verifyConsistency(first, second, flipped, firstRoot, secondRoot).ok(),
                            first + " to " + second + " path " + p);
                    if (second < 300) {
                        assertFalse(MerkleProofs.verifyConsistency(first, second + 1, path, firstRoot, tree.rootOf(second + 1)).ok(),
                                first + " to " + second + " as to " + (second + 1));
                    }
                }
            }
        }
        // The hex form, end to end.
        ConsistencyProof proof = tree.consistencyProof(123);
        assertTrue(proof.verify().ok());
        assertEquals("merkle.root.mismatch", new ConsistencyProof(123, proof.secondRoot(), 300, proof.secondRoot(),
                proof.path()).verify().code());
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyPath(0, 5));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyPath(6, 5));
    }

    @Test
    void noInputMakesACheckThrow() {
        byte[] good = new byte[32];
        List<byte[]> odd = new ArrayList<>();
        odd.add(null);
        List<List<byte[]>> paths = new ArrayList<>(List.of(List.of(), List.of(good), List.of(new byte[0]), List.of(new byte[33]), odd));
        paths.add(null);
        List<byte[]> hashes = new ArrayList<>(List.of(good, new byte[0], new byte[31], new byte[64]));
        hashes.add(null);
        long[] numbers = {Long.MIN_VALUE, -1, 0, 1, 2, 3, 7, 8, (1L << 53) - 1, 1L << 62, Long.MAX_VALUE};
        int checks = 0;
        for (byte[] leaf : hashes) {
            for (byte[] root : hashes) {
                for (List<byte[]> path : paths) {
                    for (long a : numbers) {
                        for (long b : numbers) {
                            assertNotNull(MerkleProofs.verifyInclusion(leaf, a, b, path, root));
                            assertNotNull(MerkleProofs.verifyConsistency(a, b, path, leaf, root));
                            checks += 2;
                        }
                    }
                }
            }
        }
        // Long paths of random lengths and hashes: a reason, never an exception.
        for (int i = 0; i < 20_000; i++) {
            List<byte[]> path = new ArrayList<>();
            int length = random.nextInt(70);
            for (int p = 0; p < length; p++) {
                path.add(random.nextInt(50) == 0 ? new byte[random.nextInt(40)] : randomBytes(32));
            }
            long size = random.nextBoolean() ? random.nextLong() : random.nextInt(1 << 20);
            long index = random.nextBoolean() ? random.nextLong() : random.nextInt(1 << 20);
            MerkleVerification answer = MerkleProofs.verifyInclusion(randomBytes(32), index, size, path, randomBytes(32));
            assertFalse(answer.ok());
            assertFalse(answer.reason().isBlank());
            assertFalse(MerkleProofs.verifyConsistency(index, size, path, randomBytes(32), randomBytes(32)).ok());
            checks += 2;
        }
        List<String> strings = new ArrayList<>(List.of("", "00", "A".repeat(64), "g".repeat(64), "0".repeat(63), "0".repeat(65),
                "0".repeat(64), "0".repeat(100_000)));
        strings.add(null);
        for (String leaf : strings) {
            for (String root : strings) {
                assertNotNull(new InclusionProof(leaf, 0, 1, List.of(), root).verify());
                assertNotNull(new InclusionProof(leaf, 0, 2, strings, root).verify());
                assertNotNull(new InclusionProof(leaf, 0, 2, null, root).verify());
                assertNotNull(new InclusionProof(leaf, 0, 1, List.of(), root).verifyAgainst(root));
                assertNotNull(new ConsistencyProof(1, leaf, 2, root, strings).verify());
                assertNotNull(new ConsistencyProof(1, leaf, 2, root, null).verify());
                checks += 6;
            }
        }
        System.out.printf("%d hostile checks, each answered with a reason%n", checks);
    }

    // ---- RFC 9162 §2.1, transcribed -------------------------------------------------------------

    /** MTH, PATH and PROOF/SUBPROOF exactly as the RFC writes them, on whole lists, slowly. */
    static final class Rfc {
        static byte[] mth(List<byte[]> d) {
            int n = d.size();
            if (n == 0) {
                return sha256(new byte[0]);
            }
            if (n == 1) {
                return sha256(concat(new byte[] {0}, d.get(0)));
            }
            int k = k(n);
            return sha256(concat(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n))));
        }

        static List<byte[]> path(int m, List<byte[]> d) {
            int n = d.size();
            List<byte[]> path = new ArrayList<>();
            if (n == 1) {
                return path;
            }
            int k = k(n);
            if (m < k) {
                path.addAll(path(m, d.subList(0, k)));
                path.add(mth(d.subList(k, n)));
            } else {
                path.addAll(path(m - k, d.subList(k, n)));
                path.add(mth(d.subList(0, k)));
            }
            return path;
        }

        static List<byte[]> proof(int m, List<byte[]> d) {
            return subproof(m, d, true);
        }

        static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
            int n = d.size();
            List<byte[]> proof = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    proof.add(mth(d));
                }
                return proof;
            }
            int k = k(n);
            if (m <= k) {
                proof.addAll(subproof(m, d.subList(0, k), b));
                proof.add(mth(d.subList(k, n)));
            } else {
                proof.addAll(subproof(m - k, d.subList(k, n), false));
                proof.add(mth(d.subList(0, k)));
            }
            return proof;
        }

        /** The largest power of two smaller than n. */
        private static int k(int n) {
            int k = 1;
            while (k << 1 < n) {
                k <<= 1;
            }
            return k;
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void assertBroken(InclusionProof proof, String what) {
        MerkleVerification answer = proof.verify();
        assertFalse(answer.ok(), what + " still verifies");
        assertFalse(answer.reason().isBlank(), what);
    }

    private static InclusionProof flipLeaf(InclusionProof p, int bit) {
        return new InclusionProof(flip(p.leaf(), bit), p.leafIndex(), p.treeSize(), p.auditPath(), p.root());
    }

    private static InclusionProof flipRoot(InclusionProof p, int bit) {
        return new InclusionProof(p.leaf(), p.leafIndex(), p.treeSize(), p.auditPath(), flip(p.root(), bit));
    }

    private static InclusionProof flipPath(InclusionProof p, int index, int bit) {
        List<String> path = new ArrayList<>(p.auditPath());
        path.set(index, flip(path.get(index), bit));
        return new InclusionProof(p.leaf(), p.leafIndex(), p.treeSize(), path, p.root());
    }

    private static String flip(String hex, int bit) {
        return HEX.formatHex(flip(HEX.parseHex(hex), bit));
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private List<byte[]> randomLeaves(int n, int length) {
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            leaves.add(randomBytes(length < 0 ? random.nextInt(40) : length));
        }
        return leaves;
    }

    private List<String> randomDocumentHashes(int n) {
        return randomLeaves(n, 32).stream().map(HEX::formatHex).toList();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** All of 0..n-1 when n is small, else the edges and a random sample of about count. */
    private List<Integer> sample(int n, int count) {
        if (n <= count) {
            return IntStream.range(0, n).boxed().toList();
        }
        List<Integer> picked = new ArrayList<>(List.of(0, 1, n / 2, n - 2, n - 1));
        while (picked.size() < count) {
            picked.add(random.nextInt(n));
        }
        return picked;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
