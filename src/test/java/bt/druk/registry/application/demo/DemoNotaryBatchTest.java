package bt.druk.registry.application.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.testing.InMemoryDemoNotaryRepository;
import bt.druk.registry.testing.PortalHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoNotaryBatchTest {

    final PortalHarness h = new PortalHarness();
    final InMemoryDemoNotaryRepository demoNotarisations = new InMemoryDemoNotaryRepository();
    final DemoNotaryBatch batch = new DemoNotaryBatch(h.batchAnchors, h.batchMembers, demoNotarisations);

    @Test
    void noDemoBatchWhereTheNotaryDemoRegisteredNothing() {
        DemoProgress progress = batch.advance();
        assertEquals(DemoProgress.State.SKIPPED, progress.state());
        assertEquals(0, h.batchMembers.waiting());
    }

    @Test
    void theCourtFilingsAreQueuedOnceAndAnchoredInBatches() {
        demoNotarisations.add("affidavit", "notarisation:2026-000001", Instant.EPOCH);
        assertEquals(DemoProgress.State.APPLIED, batch.advance().state());
        assertEquals(DemoNotaryBatch.DOCUMENTS, h.batchMembers.waiting());
        assertEquals(DemoProgress.State.WAITING, batch.advance().state(), "queued once: waiting for the ledger");
        assertEquals(DemoNotaryBatch.DOCUMENTS, h.batchMembers.waiting());

        h.clock.advance(Duration.ofSeconds(3));
        while (h.batchAnchors.cutDue().isPresent()) {
            // the harness cuts batches of 8
        }
        h.submitter.submitDue();
        assertEquals(DemoProgress.State.DONE, batch.advance().state());
        List<String> hashes = DemoNotaryBatch.documentHashes();
        BatchMember first = h.batchMembers.find(hashes.get(0)).orElseThrow();
        assertEquals(MerkleTree.ofDocumentHashes(hashes.subList(0, 8)).rootHex(), h.ledger.readRecord(first.anchorKey()).orElseThrow().hash());
        assertTrue(new String(DemoNotaryBatch.filing(3), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Court filing 3 of 12"));
    }
}
