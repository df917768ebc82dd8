package bt.druk.registry.it;

import bt.druk.registry.testing.InMemoryFileStore;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.procurement.BidImprints;
import bt.druk.registry.application.procurement.EnvelopeSweepPolicy;
import bt.druk.registry.application.procurement.EnvelopeSweeper;
import bt.druk.registry.application.procurement.SealedBidOpening;
import bt.druk.registry.application.procurement.OpeningKeys;
import bt.druk.registry.application.procurement.SealedBids;
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
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.Register;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.testing.InMemoryLedgerBindings;
import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.InMemorySealedOpening;
import bt.druk.registry.testing.InMemoryTenderRepository;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sealed tender's whole life on the real Fabric network, through the portal's services (wired by
 * hand over in-memory storage): sealed bids lodged before the deadline, two of three holders' shares
 * after it, every bid opened at once, award and completion, each version verified against the
 * ledger; and what the chaincode itself refuses when a client skips the portal's checks (a late bid,
 * an award of a bid not opened). SealedBidAdversaryIT takes on the insiders.
 */
class ProcurementLedgerIT {

    static final StaffMember CLERK = StaffMember.clerk("procurement.clerk", Register.PROCUREMENT, "THIMPHU");
    static final List<StaffMember> HOLDERS = List.of(CLERK, new StaffMember("inspector", Role.INSPECTOR, null, null),
            StaffMember.clerk("notary.clerk", Register.NOTARY, "THIMPHU"));
    static RealLedger realLedger;
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
    final InMemorySealedOpening.Suppliers suppliers = new InMemorySealedOpening.Suppliers();
    final InMemorySealedOpening.Envelopes envelopes = new InMemorySealedOpening.Envelopes(clock);
    final SealedBids sealedBids = new SealedBids(pipeline, tenderRepository, suppliers, envelopes,
            new OpeningKeys(new InMemorySealedOpening.Keys(), clock),
            new SealedBidOpening(pipeline, tenderRepository, tenders, suppliers, envelopes, new InMemoryFileStore()),
            new EnvelopeSweeper(envelopes, new InMemorySealedOpening.Uses(suppliers, records, tenderRepository), ledger,
                    new EnvelopeSweepPolicy(Duration.ofHours(1), Duration.ofHours(1)), clock),
            ledger, policy, clock);
    final VerificationService verification = new VerificationService(records, ledger, new LedgerImprints(BidImprints.all()), clock);
    final OutboxProcessor processor = new OutboxProcessor(records, clock, pipeline);
    final List<KeyPair> holderKeys = new ArrayList<>();
    LedgerSubmitter submitter;

    ProcurementLedgerIT() {
        LedgerHealth health = new LedgerHealth();
        submitter = new LedgerSubmitter(ledger, processor, health, PortalHarness.SUBMITTER_POLICY,
                new LedgerBindingGuard(ledger, new InMemoryLedgerBindings(records), health, new InMemoryStaffEventLog(),
                        new LedgerCarryOver(records, new InMemoryAuditTrail(records), clock), clock), clock);
    }

    @BeforeAll
    static void connect() {
        realLedger = RealLedger.open();
        ledger = realLedger.ledger();
    }

    @AfterAll
    static void close() {
        if (realLedger != null) {
            realLedger.close();
        }
    }

    RecordVersion current(String key) {
        return pipeline.current(key).orElseThrow();
    }

    /**
     * Submits what is due until {@code key}'s current version is settled: a bid's OpenBid can meet an
     * MVCC conflict with the tender's OpenBids in the same block and is then due again after its backoff.
     */
    void committed(String key) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        submitter.submitDue();
        while (current(key).ledgerState() == LedgerState.PENDING && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            submitter.submitDue();
        }
        RecordVersion v = current(key);
        assertEquals(LedgerState.COMMITTED, v.ledgerState(), () -> key + " v" + v.version() + ": " + v.rejectionCode() + " " + v.rejectionReason());
        RealLedger.completeReceipt(ledger, processor, v);
    }

    TenderOpening opening() {
        List<TenderOpening.Holder> holders = new ArrayList<>();
        for (StaffMember member : HOLDERS) {
            KeyPair pair = P256.generate(new SecureRandom());
            holderKeys.add(pair);
            holders.add(new TenderOpening.Holder(holders.size() + 1, OpeningKeys.mspOf(member), member.publicRole(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()),
                    EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic())));
        }
        return TenderOpening.of(2, holders);
    }

    String lodge(String ocid, String supplierId, String price) {
        String bid = new SealedBidContent(ocid, supplierId, price, SealedBidContent.BTN, List.of()).toCanonicalJson();
        String envelope = EnvelopeSealer.seal(ocid, bid, List.of(), holderKeys.stream().map(k -> k.getPublic().getEncoded()).toList(), 2)
                .toCanonicalJson();
        return sealedBids.lodge(supplierId, "Builders " + supplierId, ocid, envelope).recordKey();
    }

    void post(String ocid, int index) {
        KeyPair pair = holderKeys.get(index - 1);
        Map<String, String> shares = new TreeMap<>();
        sealedBids.envelopesToOpen(ocid).forEach((key, text) -> shares.put(key, Base64.getUrlEncoder().withoutPadding().encodeToString(
                ShareCipher.decrypt(SealedEnvelope.parse(text), index, pair.getPrivate(), (ECPublicKey) pair.getPublic()).toBytes())));
        sealedBids.postSharesOfKey(HOLDERS.get(index - 1), ocid, EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic()), shares);
    }

    static void refused(String code, SubmissionOutcome outcome) {
        SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, outcome, () -> "expected " + code + ", got " + outcome);
        assertEquals(code, refused.code(), refused.message());
    }

    @Test
    void sealedBidsAreLodgedBeforeTheDeadlineOpenedAfterItAndTheLedgerRefusesEveryShortcut() throws Exception {
        Instant deadline = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        SubmissionAck published = tenders.publish(CLERK, "DES", new Tender.Terms("Retaining wall at Dochula, IT run",
                "Stone masonry retaining wall", ProcurementMethod.OPEN, MainCategory.WORKS, new BigDecimal("3400000.00"), null,
                deadline, List.of(new TenderItem("Stone masonry", new BigDecimal("120"), "m³")), List.of()), opening(), Duration.ZERO);
        String tenderKey = published.recordKey();
        String ocid = tenderKey.substring("tender:".length());
        committed(tenderKey);

        String winnerKey = lodge(ocid, "CDB-IT-1", "3150000.00");
        String otherKey = lodge(ocid, "CDB-IT-2", "3390000.50");
        committed(winnerKey);
        committed(otherKey);
        LedgerEntry lodged = ledger.readRecord(winnerKey).orElseThrow();
        assertEquals("lodged", lodged.status());
        assertEquals(current(winnerKey).hash(), lodged.hash(), "before the deadline the ledger holds only the envelope's hash");
        assertTrue(current(winnerKey).receipt().endorsingMspIds().containsAll(List.of("AuditMSP", "ProcurementMSP")));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 1500);
        refused("DEADLINE_PASSED", ledger.submit(LedgerCall.of("LodgeSealedBid", "bid:" + ocid + ":99", tenderKey, "c".repeat(64),
                "d".repeat(64), "[\"" + "e".repeat(64) + "\",\"" + "f".repeat(64) + "\",\"" + "a".repeat(64) + "\"]", "THIMPHU"),
                "procurement.clerk"));

        post(ocid, 2);
        post(ocid, 3);
        assertEquals(2, sealedBids.openAll(CLERK, ocid).opened().size());
        committed(tenderKey);
        String openedHash = current(tenderKey).hash();
        committed(winnerKey);
        committed(otherKey);
        assertEquals("opened", ledger.readRecord(winnerKey).orElseThrow().status());
        assertEquals(2, ledger.readRecord(winnerKey).orElseThrow().version());

        tenders.award(CLERK, ocid, 2, winnerKey);
        committed(tenderKey);
        tenders.complete(CLERK, ocid, 3);
        committed(tenderKey);
        assertEquals("complete", ledger.readRecord(tenderKey).orElseThrow().status());
        assertTrue(openedHash.length() == 64);

        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(tenderKey).outcome());
        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(winnerKey).outcome());
        assertEquals(LedgerVerification.Outcome.VERIFIED, verification.verifyOnLedger(otherKey).outcome());
    }

    @Test
    void theLedgerRefusesToAwardABidThatWasNotOpened() throws Exception {
        Instant deadline = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        SubmissionAck published = tenders.publish(CLERK, "DES", new Tender.Terms("Culvert at Hongtsho, IT run", "RCC box culvert",
                ProcurementMethod.OPEN, MainCategory.WORKS, new BigDecimal("900000.00"), null, deadline,
                List.of(new TenderItem("Box culvert", BigDecimal.ONE, "unit")), List.of()), opening(), Duration.ZERO);
        String tenderKey = published.recordKey();
        String ocid = tenderKey.substring("tender:".length());
        committed(tenderKey);
        String bidKey = lodge(ocid, "CDB-IT-3", "850000.00");
        committed(bidKey);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()) + 1500);
        tenders.openBids(CLERK, ocid, 1);
        committed(tenderKey);
        refused("NOT_ALLOWED_IN_STATE", ledger.submit(LedgerCall.of("AwardTender", tenderKey, "3", "a".repeat(64), current(tenderKey).hash(),
                bidKey), "procurement.clerk"));
    }
}
