package bt.druk.registry.domain.notary.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.notary.merkle.MerkleVectors.ConsistencyCase;
import bt.druk.registry.domain.notary.merkle.MerkleVectors.InclusionCase;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published RFC 9162 vectors (transparency-dev/merkle): every root is built, every happy
 * inclusion and consistency proof is produced by {@link MerkleTree} byte for byte, and every case,
 * happy or corrupted, is accepted or refused by {@link MerkleProofs} exactly as published.
 */
class MerkleVectorsTest {

    private static final List<byte[]> LEAVES = MerkleVectors.leafInputs();

    @Test
    void theVectorsAndTheirLicenceAreInTheTestResources() throws java.io.IOException {
        assertTrue(Files.readString(MerkleVectors.directory().resolve("LICENSE")).contains("Apache License"));
        assertEquals(8, LEAVES.size());
        assertEquals(9, MerkleVectors.rootsBySize().size());
        // Counted once by hand, so that a lost resource folder cannot make the tests below pass empty.
        assertEquals(98, MerkleVectors.inclusionCases().size());
        assertEquals(98, MerkleVectors.consistencyCases().size());
    }

    @Test
    void everyPublishedRootIsBuiltFromItsLeaves() {
        List<String> roots = MerkleVectors.rootsBySize();
        MerkleTree all = MerkleTree.ofLeaves(LEAVES);
        for (int n = 0; n <= 8; n++) {
            MerkleTree tree = MerkleTree.ofLeaves(LEAVES.subList(0, n));
            assertEquals(roots.get(n), tree.rootHex(), "tree of " + n);
            assertEquals(roots.get(n), MerkleHashes.hex(all.rootOf(n)), "prefix of " + n);
        }
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleTree.ofLeaves(List.of()).rootHex());
    }

    @Test
    void everyInclusionCaseIsAcceptedOrRefusedAsPublished() {
        int accepted = 0;
        int refused = 0;
        for (InclusionCase c : MerkleVectors.inclusionCases()) {
            MerkleVerification answer = MerkleProofs.verifyInclusion(c.leafHash(), c.index(), c.treeSize(), c.proof(), c.root());
            assertEquals(!c.wantErr(), answer.ok(), c.name() + ": " + answer.reason());
            if (answer.ok()) {
                accepted++;
            } else {
                refused++;
                assertFalse(answer.reason().isBlank(), c.name());
            }
        }
        System.out.printf("RFC 9162 inclusion vectors: %d accepted, %d refused, as published%n", accepted, refused);
        assertEquals(6, accepted);
    }

    @Test
    void everyHappyInclusionProofIsProducedByTheTree() {
        int produced = 0;
        for (InclusionCase c : MerkleVectors.inclusionCases()) {
            if (c.wantErr() || c.name().startsWith("inclusion/single-entry")) {
                continue; // single-entry's leaf hash is not one of the eight inputs': checked above only
            }
            MerkleTree tree = MerkleTree.ofLeaves(LEAVES.subList(0, (int) c.treeSize()));
            int index = (int) c.index();
            assertArrayEquals(c.leafHash(), tree.leafHash(index), c.name());
            assertArrayEquals(c.root(), tree.root(), c.name());
            assertHashesEqual(c.proof(), tree.auditPath(index), c.name());
            // The same proof from the whole 8-leaf tree, for its prefix.
            assertHashesEqual(c.proof(), MerkleTree.ofLeaves(LEAVES).auditPath(index, (int) c.treeSize()), c.name());
            produced++;
        }
        assertEquals(5, produced);
    }

    @Test
    void everyConsistencyCaseIsAcceptedOrRefusedAsPublished() {
        int accepted = 0;
        int refused = 0;
        for (ConsistencyCase c : MerkleVectors.consistencyCases()) {
            MerkleVerification answer = MerkleProofs.verifyConsistency(c.size1(), c.size2(), c.proof(), c.root1(), c.root2());
            assertEquals(!c.wantErr(), answer.ok(), c.name() + ": " + answer.reason());
            if (answer.ok()) {
                accepted++;
            } else {
                refused++;
            }
        }
        System.out.printf("RFC 9162 consistency vectors: %d accepted, %d refused, as published%n", accepted, refused);
        assertEquals(6, accepted);
    }

    @Test
    void everyHappyConsistencyProofIsProducedByTheTree() {
        int produced = 0;
        for (ConsistencyCase c : MerkleVectors.consistencyCases()) {
            if (c.wantErr() || c.name().startsWith("consistency/additional")) {
                continue; // additional's roots are placeholders ("don't care 2"), not trees
            }
            MerkleTree tree = MerkleTree.ofLeaves(LEAVES.subList(0, (int) c.size2()));
            assertArrayEquals(c.root1(), tree.rootOf((int) c.size1()), c.name());
            assertArrayEquals(c.root2(), tree.root(), c.name());
            assertHashesEqual(c.proof(), tree.consistencyPath((int) c.size1(), (int) c.size2()), c.name());
            ConsistencyProof proof = tree.consistencyProof((int) c.size1());
            assertTrue(proof.verify().ok(), c.name() + ": " + proof.verify().reason());
            produced++;
        }
        assertEquals(5, produced);
    }

    private static void assertHashesEqual(List<byte[]> expected, List<byte[]> actual, String message) {
        assertEquals(expected.stream().map(HexFormat.of()::formatHex).toList(),
                actual.stream().map(HexFormat.of()::formatHex).toList(), message);
    }
}
