package bt.druk.registry.application.record;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.land.DischargeMortgageCommand;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.ConcurrentUpdateException;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPipelineTest {

    private final PortalHarness h = new PortalHarness();

    private SubmissionAck register(String pin) {
        return h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-1", "Punakha", "Guma",
                new BigDecimal("0.5"), LandType.WETLAND, List.of(new OwnerInput("Tshering Dema", "10901002233", "1"))));
    }

    private RecordVersion version(String key, int v) {
        return h.records.findLiveVersion(key, v).orElseGet(() -> h.records.versionsOf(key).stream()
                .filter(x -> x.version() == v).reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void everySavedVersionIsInTheStaffLogUnderTheClerkWhoWroteIt() {
        SubmissionAck ack = register("PR-090");
        List<StaffEvent> writes = h.staffLog.all().stream().filter(e -> e.kind() == StaffEvent.Kind.WRITE).toList();
        assertEquals(1, writes.size());
        assertEquals("land.clerk", writes.get(0).actor());
        assertEquals(ack.recordKey() + " v1", writes.get(0).subject());
        assertEquals(version(ack.recordKey(), 1).operation(), writes.get(0).detail());
    }

    @Test
    void savedVersionIsPendingWithOutboxEntryThenCommittedWithReceipt() {
        SubmissionAck ack = register("PR-100");
        assertEquals(LedgerState.PENDING, ack.ledgerState());
        assertEquals(1, ack.version());

        RecordVersion v1 = version(ack.recordKey(), 1);
        assertEquals(CanonicalJson.sha256Hex(v1.canonicalJson()), v1.hash());
        assertEquals(v1.canonicalJson(), CanonicalJson.canonicalize(v1.canonicalJson()));
        OutboxEntry entry = h.records.findOutboxForVersion(v1.id()).orElseThrow();
        assertEquals("RegisterTitle", entry.function());
        assertEquals(List.of("land-title:PR-100", v1.hash(), "THIMPHU", "Punakha"), entry.call().arguments());
        assertEquals("land.clerk", entry.identity());

        assertEquals(1, h.submitter.submitDue());
        v1 = version(ack.recordKey(), 1);
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertNotNull(v1.receipt().txId());
        assertEquals(entry.txId(), v1.receipt().txId(), "the transaction id stored before sending is the one committed");
        assertEquals(0L, v1.receipt().blockNumber());
        assertEquals(OutboxEntry.Status.DONE, entry.status());
        assertEquals(0, h.submitter.submitDue());
        // The submitter fetches no block; the commit follower completes the receipt from it.
        assertFalse(v1.receipt().isComplete());
        h.follower.follow(() -> true, h.ledger.blockCount());
        assertEquals(List.of("AuditMSP", "LandMSP"), version(ack.recordKey(), 1).receipt().endorsingMspIds());
    }

    @Test
    void laterVersionsChainToThePreviousHashAndUseTheStandardArguments() {
        SubmissionAck v1 = register("PR-101");
        SubmissionAck v2 = h.land.registerMortgage(CLERK, new RegisterMortgageCommand("PR-101", 1, "M-7", "BNB"));
        RecordVersion second = version(v2.recordKey(), 2);
        assertEquals(v1.hash(), second.previousHash());
        assertEquals(List.of("land-title:PR-101", "2", v2.hash(), v1.hash(), "M-7"),
                h.records.findOutboxForVersion(second.id()).orElseThrow().call().arguments());
        assertTrue(second.canonicalJson().contains("\"previousHash\":\"" + v1.hash() + "\""));
        // Both reach the ledger, in order, across submitter rounds.
        h.submitter.submitDue();
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, version(v2.recordKey(), 2).ledgerState());
        assertEquals(2, h.ledger.commits());
    }

    @Test
    void ledgerDownKeepsVersionPendingThenRetriesAndCommitsExactlyOnce() {
        h.ledger.setDown(true);
        SubmissionAck ack = register("PR-102");
        h.submitter.submitDue();
        RecordVersion v1 = version(ack.recordKey(), 1);
        assertEquals(LedgerState.PENDING, v1.ledgerState());
        OutboxEntry entry = h.records.findOutboxForVersion(v1.id()).orElseThrow();
        // Nothing is sent while the ledger cannot even say which ledger it is: the outage is noted, the entry waits.
        assertEquals(0, entry.attempts());
        assertTrue(h.health.outage().isPresent());

        assertEquals(0, h.submitter.submitDue());
        h.ledger.setDown(false);
        h.clock.advance(Duration.ofSeconds(2));
        assertEquals(1, h.submitter.submitDue());
        assertEquals(LedgerState.COMMITTED, version(ack.recordKey(), 1).ledgerState());
        assertEquals(1, h.ledger.commits());
        h.clock.advance(Duration.ofMinutes(5));
        assertEquals(0, h.submitter.submitDue());
        assertEquals(1, h.ledger.commits());
    }

    @Test
    void lostCommitAnswerIsRetriedAsAlreadyRecordedAndNotDuplicated() {
        SubmissionAck ack = register("PR-103");
        h.ledger.loseNextAnswer();
        h.submitter.submitDue();
        assertEquals(LedgerState.PENDING, version(ack.recordKey(), 1).ledgerState());
        h.clock.advance(Duration.ofSeconds(2));
        h.submitter.submitDue();
        RecordVersion v1 = version(ack.recordKey(), 1);
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertEquals(1, h.ledger.commits());
        assertTrue(h.records.findOutboxForVersion(v1.id()).orElseThrow().lastError().contains("already recorded"));
        h.follower.follow(() -> true, h.ledger.blockCount());
        assertEquals(List.of("AuditMSP", "LandMSP"), version(ack.recordKey(), 1).receipt().endorsingMspIds());
    }

    @Test
    void chaincodeRefusalRejectsTheVersionAndItsSuccessorsAndRestoresTheTitle() {
        SubmissionAck v1 = register("PR-104");
        h.submitter.submitDue();
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("PR-104", 1, "M-1", "BNB"));
        h.land.dischargeMortgage(CLERK, new DischargeMortgageCommand("PR-104", 2, "M-1"));
        h.ledger.refuseNext("ENCUMBERED", "land-title PR-104 has an open caveat");
        h.submitter.submitDue();

        RecordVersion v2 = h.records.versionsOf(v1.recordKey()).get(1);
        RecordVersion v3 = h.records.versionsOf(v1.recordKey()).get(2);
        assertEquals(LedgerState.REJECTED, v2.ledgerState());
        assertEquals("ENCUMBERED", v2.rejectionCode());
        assertEquals("land-title PR-104 has an open caveat", v2.rejectionReason());
        assertEquals(LedgerState.REJECTED, v3.ledgerState());
        assertEquals(OutboxProcessor.PREDECESSOR_REJECTED, v3.rejectionCode());
        assertEquals(OutboxEntry.Status.CANCELLED, h.records.findOutboxForVersion(v3.id()).orElseThrow().status());

        // The title is back at version 1, and the next change is version 2 again.
        assertEquals(1, h.publicLand.publicView("PR-104").orElseThrow().currentVersion());
        SubmissionAck retry = h.land.registerMortgage(CLERK, new RegisterMortgageCommand("PR-104", 1, "M-1", "BNB"));
        assertEquals(2, retry.version());
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, h.records.findLiveVersion(v1.recordKey(), 2).orElseThrow().ledgerState());
    }

    @Test
    void rejectedFirstRegistrationRemovesTheTitleFromSearch() {
        register("PR-105");
        h.ledger.refuseNext("ALREADY_EXISTS", "land-title:PR-105 already exists");
        h.submitter.submitDue();
        assertTrue(h.publicLand.publicView("PR-105").isEmpty());
        assertTrue(h.publicLand.search(new bt.druk.registry.application.land.ParcelSearch("PR-105", null, null, null)).isEmpty());
        assertEquals(LedgerState.REJECTED, h.queries.versions("land-title:PR-105").get(0).ledgerState());
    }

    @Test
    void staleExpectedVersionIsRefused() {
        register("PR-106");
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("PR-106", 1, "M-1", "BNB"));
        assertThrows(ConcurrentUpdateException.class,
                () -> h.land.registerMortgage(CLERK, new RegisterMortgageCommand("PR-106", 1, "M-2", "BNB")));
    }

    @Test
    void followerMarksCommitsFromBlocksAndResumesFromItsCheckpoint() {
        // The submitter's answer is lost twice in a row; the follower still learns of the commit.
        SubmissionAck a = register("PR-107");
        h.ledger.loseNextAnswer();
        h.submitter.submitDue();
        assertEquals(LedgerState.PENDING, version(a.recordKey(), 1).ledgerState());

        assertEquals(1, h.follower.follow(() -> true, h.ledger.blockCount()));
        RecordVersion v1 = version(a.recordKey(), 1);
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertTrue(v1.receipt().isComplete());
        assertEquals(OutboxEntry.Status.DONE, h.records.findOutboxForVersion(v1.id()).orElseThrow().status());
        assertEquals(1, h.records.checkpoint(CommitFollower.CHECKPOINT).nextBlock());

        // A restarted follower continues after block 0.
        SubmissionAck b = register("PR-108");
        h.submitter.submitDue();
        assertEquals(1, h.follower.follow(() -> true, 1));
        assertEquals(2, h.records.checkpoint(CommitFollower.CHECKPOINT).nextBlock());
        assertEquals(LedgerState.COMMITTED, version(b.recordKey(), 1).ledgerState());
        assertEquals(0, h.submitter.submitDue());
        assertEquals(2, h.ledger.commits());
    }

    @Test
    void backoffGrowsAndIsCapped() {
        assertEquals(Duration.ofSeconds(1), OutboxProcessor.backoff(1));
        assertEquals(Duration.ofSeconds(2), OutboxProcessor.backoff(2));
        assertEquals(Duration.ofSeconds(32), OutboxProcessor.backoff(6));
        assertEquals(Duration.ofSeconds(60), OutboxProcessor.backoff(20));
    }

    @Test
    void unknownRecordHasNoReceipt() {
        SubmissionAck ack = register("PR-109");
        assertNull(version(ack.recordKey(), 1).receipt());
    }
}
