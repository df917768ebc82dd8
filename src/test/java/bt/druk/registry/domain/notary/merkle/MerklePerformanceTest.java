package bt.druk.registry.domain.notary.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch of 100,000 documents: the tree and every proof within a couple of seconds on the 2-core
 * build machine. The times are printed; the bound asserted is only there to catch a quadratic
 * slip, not to race.
 */
class MerklePerformanceTest {

    @Test
    void aTreeOf100000DocumentsAndAllItsProofsAreBuiltInSeconds() {
        Random random = new Random(1);
        List<String> documents = new ArrayList<>(100_000);
        byte[] digest = new byte[32];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(digest);
            documents.add(HexFormat.of().formatHex(digest));
        }
        long start = System.nanoTime();
        MerkleTree tree = MerkleTree.ofDocumentHashes(documents);
        long built = System.nanoTime();
        List<InclusionProof> proofs = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            proofs.add(tree.inclusionProof(i));
        }
        long proved = System.nanoTime();
        int held = 0;
        for (InclusionProof proof : proofs) {
            if (proof.verify().ok()) {
                held++;
            }
        }
        long verified = System.nanoTime();
        List<String> json = new ArrayList<>(proofs.size());
        for (InclusionProof proof : proofs) {
            json.add(proof.toJson());
        }
        long written = System.nanoTime();
        System.out.printf("Merkle tree of %,d documents: built in %d ms, all %,d inclusion proofs in %d ms (build + proofs %d ms);"
                + " all verified in %d ms; all written as JSON in %d ms%n", tree.size(), ms(built - start), proofs.size(),
                ms(proved - built), ms(proved - start), ms(verified - proved), ms(written - verified));
        assertEquals(100_000, held);
        assertEquals(17, proofs.get(0).auditPath().size());
        assertTrue(ms(proved - start) < 60_000, "tree and proofs took " + ms(proved - start) + " ms");
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
