package bt.druk.registry.it;

import bt.druk.registry.testing.InMemoryStaffEventLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.application.procurement.BidService;
import bt.druk.registry.application.procurement.ProcurementPolicy;
import bt.druk.registry.application.procurement.ProcurementProjection;
import bt.druk.registry.application.procurement.ProcuringEntities;
import bt.druk.registry.application.procurement.TenderService;
import bt.druk.registry.application.record.LedgerBindingGuard;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.application.record.LedgerCarryOver;
import bt.druk.registry.application.record.LedgerHealth;
import bt.druk.registry.application.record.LedgerImprints;
import bt.druk.registry.application.record.LedgerSubmitter;
import bt.druk.registry.testing.PortalHarness;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.procurement.Bid;
import bt.druk.registry.domain.procurement.BidPrice;
import bt.druk.registry.domain.procurement.Bidder;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.SealedBid;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.testing.InMemoryLedgerBindings;
import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.InMemoryTenderRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sealed-bid tender on the real Fabric network, through the portal's services (wired by hand
 * over in-memory storage): commitments before the deadline, reveals after it, award; and what the
 * chaincode itself refuses when a client skips the portal's checks.
 */
class ProcurementLedgerIT {

    static final StaffMember CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");
    static FabricLedger ledger;

    final Clock clock = Clock.systemUTC();
    final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    final InMemoryTenderRepository tenderRepository = new InMemoryTenderRepository();
    final RecordPipeline pipeline = new RecordPipeline(records, clock, List.<RecordProjection>of(
            new ProcurementProjection.Tenders(tenderRepository, clock), new ProcurementProjection.Bids(tenderRepository, clock)),
            new InMemoryStaffEventLog());
    /** A prefix of its own: OCID serials start at 1 in every portal database, and this network outlives the test. */
    final ProcurementPolicy policy = new ProcurementPolicy("ocds-" + java.util.UUID.randomUUID().toString().substring(0, 6),
            Duration.ofDays(7), "procurement.bidbox", ProcurementPolicy.BHUTAN);
    final TenderService tenders = new TenderService(pipeline, tenderRepository, new ProcuringEntities(), policy, clock);
    final BidService bids = new BidService(pipeline, tenderRepository, policy, clock);
    final VerificationService verification = new VerificationService(records, ledger, new LedgerImprints(BidImprints.all()), clock);
    final OutboxProcessor processor = new OutboxProcessor(records, clock, pipeline);
    LedgerSubmitter submitter;

    ProcurementLedgerIT() {
        LedgerHealth health = new LedgerHealth();
        submitter = new LedgerSubmitter(ledger, processor, health, PortalHarness.SUBMITTER_POLICY,
                new LedgerBindingGuard(ledger, new InMemoryLedgerBindings(records), health, new InMemoryStaffEventLog(),
                        new LedgerCarryOver(records, new InMemoryAuditTrail(records), clock), clock));
    }

    @BeforeAll
    static void connect() {
        ledger = RealLedger.open();
    }

    @AfterAll
    static void close() throws Exception {
        RealLedger.close(ledger);
    }

    RecordVersion current(String key) {
        return pipeline.current(key).orElseThrow();
    }

    void committed(String key) {
        submitter.submitDue();
        RecordVersion v = current(key);
        assertEquals(LedgerState.COMMITTED, v.ledgerState(), () -> key + " v" + v.version() + ": " + v.rejectionCode() + " " + v.rejectionReason());
        RealLedger.completeReceipt(ledger, processor, v);
    }

    SealedBid seal(String tenderKey, String price) {
        return SealedBid.seal(Bid.of(tenderKey, new Bidder("1009" + price.length(), "Druk Builders Pvt. Ltd."),
                BidPrice.parse(price, "price"), List.of(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    static void refused(String code, SubmissionOutcome outcome) {
        SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, outcome, () -> "expected " + code + ", got " + outcome);
        assertEquals(code, refused.code(), refused.message());
    }

    @Test
    void sealedBidsAreCommittedBeforeTheDeadlineRevealedAfterItAndTheLedgerRefusesEveryShortcut() throws Exception {
        Instant deadline = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        SubmissionAck published = tenders.publish(CLERK, "DES", new Tender.Terms("Retaining wall at Dochula, IT run",
                "Stone masonry retaining wall", ProcurementMethod.OPEN, MainCategory.WORKS, new BigDecimal("3400000.00"), null,
                deadline, List.of(new TenderItem("Stone masonry", new BigDecimal("120"), "m³")), List.of()), Duration.ZERO);
        String tenderKey = published.recordKey();
        String ocid = tenderKey.substring("tender:".length());
        committed(tenderKey);

        SealedBid winner = seal(tenderKey, "3150000.00");
        SealedBid other = seal(tenderKey, "3390000.50");
        String winnerKey = bids.lodgeOnline(ocid, winner.commitment()).recordKey();
        String otherKey = bids.lodgeAtCounter(CLERK, ocid, other.commitment()).recordKey();
        committed(winnerKey);
        committed(otherKey);
        LedgerEntry lodged = ledger.readRecord(winnerKey).orElseThrow();
        assertEquals(winner.commitment(), lodged.hash(), "before the deadline the ledger holds only the commitment");
        assertTrue(current(winnerKey).receipt().endorsingMspIds().containsAll(List.of("AuditMSP", "ProcurementMSP")));

        refused("DEADLINE_NOT_REACHED", ledger.submit(LedgerCall.of("RevealBid", winnerKey, winner.bidHash(), winner.salt()), "procurement.clerk"));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 1500);
        SealedBid late = seal(tenderKey, "1000000.00");
        refused("DEADLINE_PASSED", ledger.submit(LedgerCall.of("CommitBid", "bid:" + ocid + ":99", tenderKey, late.commitment(), "THIMPHU"),
                "procurement.clerk"));
        refused("COMMITMENT_MISMATCH", ledger.submit(LedgerCall.of("RevealBid", otherKey, other.bidHash(), "not-the-salt"), "procurement.clerk"));

        tenders.openBids(CLERK, ocid, 1);
        committed(tenderKey);
        String openedHash = current(tenderKey).hash();
        refused("NOT_ALLOWED_IN_STATE", ledger.submit(LedgerCall.of("AwardTender", tenderKey, "3", "a".repeat(64), openedHash, otherKey),
                "procurement.clerk"));

        bids.revealOnline(winnerKey, winner.toFileJson(), List.of());
        committed(winnerKey);
        LedgerEntry revealed = ledger.readRecord(winnerKey).orElseThrow();
        assertEquals(winner.bidHash(), revealed.hash(), "after the reveal the ledger holds the bid's own hash");
        assertEquals(2, revealed.version());
        assertEquals(winner.commitment(), revealed.previousHash());

        tenders.award(CLERK, ocid, 2, winnerKey);
        committed(tenderKey);
        tenders.complete(CLERK, ocid, 3);
        committed(tenderKey);
        assertEquals("complete", ledger.readRecord(tenderKey).orElseThrow().status());

        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(tenderKey).outcome());
        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(winnerKey).outcome());
        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(otherKey).outcome(),
                "an unrevealed commitment still matches the ledger");
    }
}
