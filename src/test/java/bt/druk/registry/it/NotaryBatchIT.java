package bt.druk.registry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.notary.BatchAnchorService;
import bt.druk.registry.application.notary.BatchMember;
import bt.druk.registry.application.notary.BatchMembers;
import bt.druk.registry.application.notary.BatchPolicy;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.notary.merkle.InclusionProof;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.network.NetworkScript;
import bt.druk.registry.testing.RunsAlone;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Merkle batches on the real ledger, in the real WAR (default policy: 256 documents or 2 s): queued
 * documents are anchored in batches, each document's inclusion proof leads to the root its anchor
 * holds on the auditor's peer (the portal's reader), every anchor is written once; and a batch cut
 * while the endorsing peers are down is anchored once when they are back.
 */
@ExtendWith(ArquillianExtension.class)
@RunsAlone
class NotaryBatchIT {

    static final StaffMember CLERK = StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU");

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, Deployments.builtWar())
                .addClasses(NotaryBatchIT.class, NetworkScript.class, NetworkScript.Result.class);
    }

    @Inject
    BatchAnchorService batches;

    @Inject
    BatchMembers members;

    @Inject
    BatchPolicy policy;

    @Inject
    Ledger ledger;

    static List<String> documents(int count) {
        String run = UUID.randomUUID().toString();
        return IntStream.range(0, count).mapToObj(i -> CanonicalJson.sha256Hex(run + " document " + i)).toList();
    }

    List<BatchMember> awaitAnchored(List<String> docs, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<BatchMember> states = List.of();
        while (System.currentTimeMillis() < deadline) {
            states = docs.stream().map(d -> members.find(d).orElseThrow()).toList();
            if (states.stream().allMatch(m -> m.state() == BatchMember.State.ANCHORED)) {
                return states;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not all anchored after " + timeoutMillis + " ms: "
                + states.stream().map(BatchMember::state).distinct().toList());
    }

    /** Each anchor: written once, its root on the ledger; each document's proof leads to that root. */
    void assertProvenOnLedger(List<BatchMember> anchored) {
        Map<String, List<BatchMember>> byAnchor = new TreeMap<>();
        anchored.forEach(m -> byAnchor.computeIfAbsent(m.anchorKey(), k -> new ArrayList<>()).add(m));
        for (Map.Entry<String, List<BatchMember>> anchor : byAnchor.entrySet()) {
            LedgerEntry entry = ledger.readRecord(anchor.getKey()).orElseThrow();
            assertEquals("anchored", entry.status());
            assertEquals(1, ledger.history(anchor.getKey()).size(), anchor.getKey() + " written once");
            for (BatchMember m : anchor.getValue()) {
                InclusionProof proof = m.proof().orElseThrow();
                assertEquals(m.documentHash(), proof.leaf());
                assertTrue(proof.verifyAgainst(entry.hash()).ok(), m.documentHash() + " proven under " + anchor.getKey());
                assertEquals(entry.txId(), m.receipt().txId());
            }
        }
    }

    @Test
    void documentsAreAnchoredInBatchesEachWithAProofOfTheRootOnTheAuditorsPeer() throws Exception {
        List<String> docs = documents(policy.maxDocuments() + 44);
        long started = System.nanoTime();
        batches.enqueue(CLERK, docs);
        List<BatchMember> anchored = awaitAnchored(docs, 120_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("NotaryBatchIT: %d documents anchored in %.1f s (%.0f documents/s)%n", docs.size(), seconds,
                docs.size() / seconds);

        assertEquals(2, anchored.stream().map(BatchMember::anchorKey).distinct().count(),
                "a full batch at once and the rest after the wait");
        assertEquals(docs.subList(0, policy.maxDocuments()), anchored.stream()
                .filter(m -> m.anchorKey().equals(anchored.get(0).anchorKey())).map(BatchMember::documentHash).toList(),
                "the first batch holds the first documents queued, in order");
        assertProvenOnLedger(anchored);

        // Queued again: nothing new is anchored.
        List<BatchMember> again = batches.enqueue(CLERK, docs.subList(0, 3));
        assertTrue(again.stream().allMatch(m -> m.state() == BatchMember.State.ANCHORED));
        assertEquals(0, members.waiting());
    }

    @Test
    void aBatchCutWhileThePeersAreDownIsAnchoredOnceWhenTheyAreBack() throws Exception {
        List<String> docs = documents(20);
        NetworkScript.runOrFail("kill", "peer-justice");
        NetworkScript.runOrFail("kill", "peer-audit");
        try {
            batches.enqueue(CLERK, docs);
            Thread.sleep(policy.maxWait().toMillis() * 3);
            List<BatchMember> waiting = docs.stream().map(d -> members.find(d).orElseThrow()).toList();
            assertTrue(waiting.stream().allMatch(m -> m.state() == BatchMember.State.ANCHORING),
                    "cut into a batch that waits for the ledger: " + waiting.stream().map(BatchMember::state).distinct().toList());
            assertEquals(1, waiting.stream().map(BatchMember::anchorKey).distinct().count());
        } finally {
            NetworkScript.runOrFail("start");
        }
        assertProvenOnLedger(awaitAnchored(docs, 180_000));
    }
}
