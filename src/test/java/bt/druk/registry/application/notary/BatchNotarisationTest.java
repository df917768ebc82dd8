package bt.druk.registry.application.notary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.notary.merkle.MerkleTree;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.shared.ValidationException;
import bt.druk.registry.testing.PortalHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchNotarisationTest {

    private static final StaffMember CLERK = PortalHarness.NOTARY_CLERK;
    private final PortalHarness h = new PortalHarness();

    private static List<String> documents(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> CanonicalJson.sha256Hex(prefix + " " + i)).toList();
    }

    /** Cuts every due batch, as the portal's cutter does. */
    private List<SubmissionAck> cutAll() {
        List<SubmissionAck> cut = new ArrayList<>();
        for (Optional<SubmissionAck> ack = h.batchAnchors.cutDue(); ack.isPresent(); ack = h.batchAnchors.cutDue()) {
            cut.add(ack.get());
        }
        return cut;
    }

    @Test
    void fullBatchesAreCutAtOnceAndTheRestAfterTheWaitEachDocumentWithAProofOfTheRootOnTheLedger() {
        List<String> docs = documents("court filing", 20);
        List<BatchMember> queued = h.batchAnchors.enqueue(CLERK, docs);
        assertTrue(queued.stream().allMatch(m -> m.state() == BatchMember.State.QUEUED));

        List<SubmissionAck> full = cutAll();
        assertEquals(2, full.size(), "two full batches of 8; the last 4 wait for the batch wait");
        assertEquals(MerkleTree.ofDocumentHashes(docs.subList(0, 8)).rootHex(), full.get(0).hash(), "leaves in queue order");
        assertEquals(MerkleTree.ofDocumentHashes(docs.subList(8, 16)).rootHex(), full.get(1).hash());
        assertEquals(4, h.batchMembers.waiting());

        h.clock.advance(Duration.ofMillis(1999));
        assertEquals(List.of(), cutAll());
        h.clock.advance(Duration.ofMillis(1));
        List<SubmissionAck> rest = cutAll();
        assertEquals(1, rest.size());
        assertEquals(MerkleTree.ofDocumentHashes(docs.subList(16, 20)).rootHex(), rest.get(0).hash());

        BatchMember anchoring = h.batchMembers.find(docs.get(17)).orElseThrow();
        assertEquals(BatchMember.State.ANCHORING, anchoring.state(), "not notarised until its anchor is committed");
        assertTrue(anchoring.proof().isEmpty());

        h.submitter.submitDue();
        assertEquals(3, h.ledger.commits(), "one AnchorBatch transaction per batch");
        for (int i = 0; i < docs.size(); i++) {
            BatchMember member = h.batchMembers.find(docs.get(i)).orElseThrow();
            assertEquals(BatchMember.State.ANCHORED, member.state());
            InclusionProof proof = member.proof().orElseThrow();
            assertEquals(docs.get(i), proof.leaf());
            assertEquals(i % 8, proof.leafIndex());
            String onLedger = h.ledger.readRecord(member.anchorKey()).orElseThrow().hash();
            assertTrue(proof.verifyAgainst(onLedger).ok(), "document " + i + "'s proof leads to its anchor's root on the ledger");
            assertEquals(member.receipt().txId(), h.ledger.readRecord(member.anchorKey()).orElseThrow().txId());
        }
    }

    @Test
    void aDocumentIsQueuedOnceHoweverOftenItIsSent() {
        List<String> docs = documents("certificate", 3);
        h.batchAnchors.enqueue(CLERK, List.of(docs.get(0), docs.get(0).toUpperCase(), docs.get(1)));
        h.clock.advance(Duration.ofSeconds(3));
        assertEquals(1, cutAll().size());
        h.submitter.submitDue();
        List<BatchMember> again = h.batchAnchors.enqueue(CLERK, docs);
        assertEquals(List.of(BatchMember.State.ANCHORED, BatchMember.State.ANCHORED, BatchMember.State.QUEUED),
                again.stream().map(BatchMember::state).toList(), "already anchored documents keep their anchor");
        assertEquals(1, h.batchMembers.waiting());
    }

    @Test
    void aBatchCutWhileTheLedgerIsDownIsAnchoredOnceWhenItComesBack() {
        List<String> docs = documents("deed", 8);
        h.ledger.setDown(true);
        h.batchAnchors.enqueue(CLERK, docs);
        SubmissionAck ack = cutAll().get(0);
        h.submitter.submitDue();
        assertEquals(BatchMember.State.ANCHORING, h.batchMembers.find(docs.get(0)).orElseThrow().state());
        assertEquals(List.of(), cutAll(), "documents in a batch are never cut again");

        h.ledger.setDown(false);
        h.ledger.loseNextAnswer(); // it commits, but the portal is told it timed out
        h.clock.advance(Duration.ofMinutes(2));
        h.submitter.submitDue();
        h.clock.advance(Duration.ofMinutes(2));
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, h.pipeline.current(ack.recordKey()).orElseThrow().ledgerState());
        assertEquals(1, h.ledger.commits(), "the retry found it already recorded");
        assertEquals(1, h.ledger.history(ack.recordKey()).size());
        assertTrue(docs.stream().allMatch(d -> h.batchMembers.find(d).orElseThrow().state() == BatchMember.State.ANCHORED));
    }

    @Test
    void documentsOfAnAnchorTheLedgerRefusedWaitForANewBatch() {
        List<String> docs = documents("resolution", 8);
        h.batchAnchors.enqueue(CLERK, docs);
        SubmissionAck refused = cutAll().get(0);
        h.ledger.refuseNext("ALREADY_EXISTS", "anchor:x exists");
        h.submitter.submitDue();
        assertEquals(LedgerState.REJECTED, h.records.versionsOf(refused.recordKey()).get(0).ledgerState());
        assertEquals(8, h.batchMembers.waiting());
        assertEquals(BatchMember.State.QUEUED, h.batchMembers.find(docs.get(3)).orElseThrow().state());

        SubmissionAck second = cutAll().get(0);
        assertNotEquals(refused.recordKey(), second.recordKey(), "a new anchor id");
        h.submitter.submitDue();
        BatchMember member = h.batchMembers.find(docs.get(3)).orElseThrow();
        assertEquals(BatchMember.State.ANCHORED, member.state());
        assertEquals(second.recordKey(), member.anchorKey());
    }

    @Test
    void eachClerksDocumentsAreAnchoredUnderTheirOwnIdentity() {
        StaffMember paro = StaffMember.clerk("notary.paro", Register.NOTARY, "PARO");
        h.batchAnchors.enqueue(CLERK, documents("thimphu", 3));
        h.clock.advance(Duration.ofMillis(10));
        h.batchAnchors.enqueue(paro, documents("paro", 2));
        h.clock.advance(Duration.ofSeconds(3));
        List<SubmissionAck> cut = cutAll();
        assertEquals(2, cut.size());
        RecordVersion first = h.pipeline.current(cut.get(0).recordKey()).orElseThrow();
        RecordVersion second = h.pipeline.current(cut.get(1).recordKey()).orElseThrow();
        assertEquals(List.of("notary.clerk", "THIMPHU", "notary.paro", "PARO"),
                List.of(first.submittedBy(), first.office(), second.submittedBy(), second.office()));
    }

    @Test
    void anAnchorWhoseLeavesWereEditedInTheDatabaseGivesNoProof() {
        List<String> docs = documents("filing", 8);
        h.batchAnchors.enqueue(CLERK, docs);
        SubmissionAck ack = cutAll().get(0);
        h.submitter.submitDue();
        RecordVersion v1 = h.pipeline.current(ack.recordKey()).orElseThrow();
        // Asked once before the edit, so a tree kept from then must not hide it.
        assertEquals(BatchMember.State.ANCHORED, h.batchMembers.find(docs.get(2)).orElseThrow().state());
        h.records.replaceCanonicalJson(v1.id(), v1.canonicalJson().replace(docs.get(5), CanonicalJson.sha256Hex("forged")));
        assertEquals(BatchMember.State.TAMPERED, h.batchMembers.find(docs.get(2)).orElseThrow().state());
        assertTrue(h.batchMembers.find(docs.get(2)).orElseThrow().proof().isEmpty());
    }

    @Test
    void onlyWellFormedHashesFromANotaryClerkAreQueued() {
        assertEquals("notary.batch.hash", assertThrows(ValidationException.class,
                () -> h.batchAnchors.enqueue(CLERK, List.of(CanonicalJson.sha256Hex("a"), "not-a-hash"))).errors().get(0).code());
        assertEquals("notary.batch.empty", assertThrows(ValidationException.class,
                () -> h.batchAnchors.enqueue(CLERK, List.of())).errors().get(0).code());
        assertEquals(0, h.batchMembers.waiting(), "a refused request queues nothing");
        assertThrows(AccessDeniedException.class, () -> h.batchAnchors.enqueue(PortalHarness.CLERK, documents("x", 1)));
    }
}
