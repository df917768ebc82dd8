package bt.druk.registry.it;

import bt.druk.registry.network.NetworkScript;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.application.land.LandTitleReader;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTransferPolicy;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.DischargeMortgageCommand;
import bt.druk.registry.application.land.FinaliseTransferCommand;
import bt.druk.registry.application.land.LodgeTransferCommand;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.record.CommitFollower;
import bt.druk.registry.application.record.LedgerBindingGuard;
import bt.druk.registry.application.record.LedgerCarryOver;
import bt.druk.registry.application.record.LedgerHealth;
import bt.druk.registry.application.record.LedgerImprints;
import bt.druk.registry.application.record.LedgerSubmitter;
import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.OutboxProcessor;
import bt.druk.registry.application.record.RecordPipeline;
import bt.druk.registry.application.record.RecordProjection;
import bt.druk.registry.application.record.RecordQueryService;
import bt.druk.registry.application.record.SubmissionAck;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.application.land.FamilyCeilingPolicy;
import bt.druk.registry.application.land.FamilyHoldings;
import bt.druk.registry.application.land.LandProjection;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.OfficeDzongkhags;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.SubmissionOutcome;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.OutboxEntry;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.infrastructure.fabric.FabricConnections;
import bt.druk.registry.infrastructure.fabric.FabricLedger;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.testing.InMemoryCensusHouseholdRepository;
import bt.druk.registry.testing.InMemoryLandHoldingRepository;
import bt.druk.registry.testing.InMemoryLandParcelRepository;
import bt.druk.registry.testing.InMemoryLedgerBindings;
import bt.druk.registry.testing.InMemoryRecordRepository;
import bt.druk.registry.testing.InMemoryStaffEventLog;
import bt.druk.registry.testing.PortalHarness;
import bt.druk.registry.testing.RunsAlone;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import bt.druk.registry.network.LedgerTransactions;
import org.junit.jupiter.api.Test;

/**
 * The record pipeline against the real Fabric network (deploy/network.sh up): the application layer
 * wired by hand over in-memory storage, with the real fabric-gateway adapter. Needs the connection
 * file deploy/.network/connection.json; the network is brought up if it is not running.
 * The outage test stops and restarts the network.
 */
@RunsAlone
class FabricLedgerIT {

    static RealLedger realLedger;
    static FabricLedger ledger;

    final Clock clock = Clock.systemUTC();
    final InMemoryLandHoldingRepository holdings = new InMemoryLandHoldingRepository();
    final FamilyHoldings families = new FamilyHoldings(new InMemoryCensusHouseholdRepository(), holdings,
            FamilyCeilingPolicy.DEFAULT, new InMemoryStaffEventLog(), clock);
    final InMemoryRecordRepository records = new InMemoryRecordRepository(clock);
    final LandTitleReader reader = new LandTitleReader(records);
    final RecordPipeline pipeline = new RecordPipeline(records, clock,
            List.<RecordProjection>of(new LandProjection(new InMemoryLandParcelRepository(), holdings, reader, clock)),
            new InMemoryStaffEventLog());
    final OutboxProcessor processor = new OutboxProcessor(records, clock, pipeline);
    final RecordQueryService queries = new RecordQueryService(records, new LedgerImprints(List.of()));
    final LandTitleService land = new LandTitleService(pipeline, new ReferenceDataService(), queries, reader, clock,
            new LandTransferPolicy(Duration.ofSeconds(2592000)),
            OfficeDzongkhags.DEFAULT, bt.druk.registry.application.land.LandBoundaryPolicy.DEFAULT,
            new bt.druk.registry.application.land.LiveBoundaries(new InMemoryLandParcelRepository()), families);
    final LandPublicService publicLand;
    final InMemoryLedgerBindings bindings = new InMemoryLedgerBindings(records);
    LedgerSubmitter submitter;

    FabricLedgerIT() {
        LedgerHealth health = new LedgerHealth();
        submitter = new LedgerSubmitter(ledger, processor, health, PortalHarness.SUBMITTER_POLICY, bindingGuard(ledger, health), clock);
        publicLand = new LandPublicService(new InMemoryLandParcelRepository(), records, pipeline, queries,
                new VerificationService(records, ledger, new LedgerImprints(List.of()), clock), reader);
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

    static java.security.cert.X509Certificate tokenCertificate(String mspId, String name) {
        try {
            var config = bt.druk.registry.infrastructure.fabric.FabricConnectionConfig.read(bt.druk.registry.network.NetworkScript.connectionFile());
            return (java.security.cert.X509Certificate) bt.druk.registry.infrastructure.fabric.Pkcs11Tokens
                    .open(config.token(mspId).orElseThrow()).keyStore().getCertificate(name);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new AssertionError("the token of " + mspId + " cannot be read", e);
        }
    }

    static String pemCopyOf(String name) {
        try {
            var config = bt.druk.registry.infrastructure.fabric.FabricConnectionConfig.read(bt.druk.registry.network.NetworkScript.connectionFile());
            return java.nio.file.Files.readString(config.identity(name).orElseThrow().certificate());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String pem(java.security.cert.X509Certificate certificate) {
        return org.hyperledger.fabric.client.identity.Identities.toPemString(certificate).strip();
    }

    static String newPin() {
        return "IT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static FirstRegistrationCommand registration(String pin) {
        return new FirstRegistrationCommand(pin, "IT-1", "Punakha", "Talo", new BigDecimal("2.5"), LandType.WETLAND,
                List.of(new OwnerInput("Jigme Namgyel", "10203004005", "1")));
    }

    RecordVersion v(String key, int version) {
        return records.versionsOf(key).stream().filter(x -> x.version() == version).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void clerkRegistersAndGetsACommittedReceiptEndorsedByTwoOrgs() {
        String pin = newPin();
        SubmissionAck ack = land.registerFirstTitle(CLERK, registration(pin));
        assertEquals(1, submitter.submitDue());
        RecordVersion committed = v(ack.recordKey(), 1);
        assertEquals(LedgerState.COMMITTED, committed.ledgerState(), () -> "rejected? " + committed.rejectionCode() + " " + committed.rejectionReason());
        RealLedger.completeReceipt(ledger, processor, committed);
        RecordVersion v1 = v(ack.recordKey(), 1);
        assertNotNull(v1.receipt().blockNumber());
        assertEquals(List.of("AuditMSP", "LandMSP"), v1.receipt().endorsingMspIds());
        assertNotNull(v1.receipt().commitTime());
        // Signed inside the Land token: the auditor's peer has the token's certificate as the creator, not the PEM copy's.
        LedgerTransactions.Committed onAuditPeer = LedgerTransactions.read(v1.receipt().txId());
        assertEquals("LandMSP", onAuditPeer.creatorMsp());
        assertEquals(pem(tokenCertificate("LandMSP", "land.clerk")), onAuditPeer.creatorCertificate().strip());
        assertNotEquals(pem(tokenCertificate("LandMSP", "land.clerk")), pemCopyOf("land.clerk").strip(), "the CLI's copy is another certificate");

        LedgerEntry entry = ledger.readRecord(ack.recordKey()).orElseThrow();
        assertEquals(ack.hash(), entry.hash());
        assertEquals(1, entry.version());
        assertEquals(LedgerVerification.Outcome.VERIFIED, publicLand.verifyOnLedger(pin).outcome());

        // A second version chains to the first on the ledger too.
        land.registerMortgage(CLERK, new RegisterMortgageCommand(pin, 1, "BOB-1", "Bank of Bhutan"));
        submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, v(ack.recordKey(), 2).ledgerState(),
                () -> "v2: " + v(ack.recordKey(), 2).rejectionCode() + " " + v(ack.recordKey(), 2).rejectionReason());
        RealLedger.awaitOnReadersPeer(ledger, v(ack.recordKey(), 2));
        assertEquals(2, ledger.history(ack.recordKey()).size());

        // Resending the latest call is recognisably harmless: ALREADY_RECORDED, no new ledger version.
        OutboxEntry latest = records.findOutboxForVersion(v(ack.recordKey(), 2).id()).orElseThrow();
        SubmissionOutcome again = ledger.submit(latest.call(), "land.clerk");
        SubmissionOutcome.Refused refused = assertInstanceOf(SubmissionOutcome.Refused.class, again);
        assertTrue(refused.alreadyRecorded(), () -> "got " + again);
        // An older call is refused too (the chaincode answers ALREADY_EXISTS once the key has moved on).
        SubmissionOutcome old = ledger.submit(records.findOutboxForVersion(v1.id()).orElseThrow().call(), "land.clerk");
        assertInstanceOf(SubmissionOutcome.Refused.class, old);
        assertEquals(2, ledger.history(ack.recordKey()).size(), "still exactly two ledger versions");
    }

    /**
     * The public notice period runs on the ledger's clock: with a 3-second period (set by the
     * registry admin), finalising at once is refused by the chaincode, and accepted after it.
     */
    @Test
    void aLodgedTransferBecomesFinalOnlyAfterItsPublicNoticeOnTheLedger() throws Exception {
        NetworkScript.runOrFail("invoke", "admin", "SetNoticePeriod", "3");
        try {
            LandTitleService shortNotice = new LandTitleService(pipeline, new ReferenceDataService(), queries, reader, clock,
                    new LandTransferPolicy(Duration.ofSeconds(3)),
            OfficeDzongkhags.DEFAULT, bt.druk.registry.application.land.LandBoundaryPolicy.DEFAULT,
            new bt.druk.registry.application.land.LiveBoundaries(new InMemoryLandParcelRepository()), families);
            String pin = newPin();
            String key = shortNotice.registerFirstTitle(CLERK, registration(pin)).recordKey();
            shortNotice.registerMortgage(CLERK, new RegisterMortgageCommand(pin, 1, "BOB-7", "Bank of Bhutan"));
            shortNotice.dischargeMortgage(CLERK, new DischargeMortgageCommand(pin, 2, "BOB-7"));
            shortNotice.lodgeTransfer(CLERK, new LodgeTransferCommand(pin, 3, TransferType.SALE,
                    List.of(new OwnerInput("Sonam Choden", "10203004006", "1"))));
            while (submitter.submitDue() > 0) {
                // versions of one record go out in order, one round each
            }
            for (int version = 1; version <= 4; version++) {
                assertEquals(LedgerState.COMMITTED, v(key, version).ledgerState(), "v" + version);
            }

            SubmissionOutcome early = ledger.submit(LedgerCall.of("FinaliseTransfer", key, "5", "ef".repeat(32),
                    v(key, 4).hash()), "land.clerk");
            assertEquals("NOTICE_PERIOD_RUNNING", assertInstanceOf(SubmissionOutcome.Refused.class, early).code());

            Thread.sleep(4000);
            shortNotice.finaliseTransfer(CLERK, new FinaliseTransferCommand(pin, 4));
            while (submitter.submitDue() > 0) {
                // send the finalisation
            }
            assertEquals(LedgerState.COMMITTED, v(key, 5).ledgerState(),
                    () -> v(key, 5).rejectionCode() + " " + v(key, 5).rejectionReason());
            RealLedger.awaitOnReadersPeer(ledger, v(key, 5));
            LedgerEntry finalEntry = ledger.readRecord(key).orElseThrow();
            assertEquals(5, finalEntry.version());
            assertEquals(v(key, 5).hash(), finalEntry.hash());
        } finally {
            NetworkScript.runOrFail("invoke", "admin", "SetNoticePeriod", "2592000");
        }
    }

    @Test
    void chaincodeRefusalsComeBackWithTheirCode() {
        String pin = newPin();
        SubmissionAck ack = land.registerFirstTitle(CLERK, registration(pin));
        submitter.submitDue();
        SubmissionOutcome duplicate = ledger.submit(LedgerCall.of("RegisterTitle", ack.recordKey(), "ab".repeat(32), "THIMPHU", "Thimphu"), "land.clerk");
        assertEquals("ALREADY_EXISTS", ((SubmissionOutcome.Refused) duplicate).code());
        SubmissionOutcome wrongRegister = ledger.submit(
                LedgerCall.of("RegisterTitle", "land-title:" + newPin(), "cd".repeat(32), "THIMPHU", "Thimphu"), "notary.clerk");
        assertInstanceOf(SubmissionOutcome.Refused.class, wrongRegister);
        String code = ((SubmissionOutcome.Refused) wrongRegister).code();
        assertTrue(code.equals("WRONG_REGISTER") || code.equals("ACCESS_DENIED"), code);
    }

    @Test
    void commitFollowerFindsTheCommitFromItsCheckpoint() {
        String pin = newPin();
        SubmissionAck ack = land.registerFirstTitle(CLERK, registration(pin));
        SubmissionOutcome outcome = ledger.submit(records.findOutboxForVersion(v(ack.recordKey(), 1).id()).orElseThrow().call(), "land.clerk");
        SubmissionOutcome.Committed committed = assertInstanceOf(SubmissionOutcome.Committed.class, outcome);
        // The portal did not record the answer (as after a crash): the follower must learn it from the block.
        records.checkpoint(CommitFollower.CHECKPOINT).advanceTo(committed.blockNumber(), clock.instant());
        new CommitFollower(ledger, processor, bindingGuard(ledger, new LedgerHealth())).follow(() -> true, 1);
        RecordVersion v1 = v(ack.recordKey(), 1);
        assertEquals(LedgerState.COMMITTED, v1.ledgerState());
        assertEquals(committed.txId(), v1.receipt().txId());
        assertEquals(List.of("AuditMSP", "LandMSP"), v1.receipt().endorsingMspIds());
        assertEquals(0, submitter.submitDue(), "nothing left to send");
    }

    /**
     * Outage without disturbing the shared network: the portal first sees a connection file whose
     * peers cannot be reached (as when the network is stopped), then the real one again.
     */
    @Test
    void unreachablePeersKeepTheVersionPendingThenItCommitsExactlyOnce() throws Exception {
        Path real = Path.of(System.getProperty("druk.fabric.config"));
        Path copy = Files.createTempFile("druk-connection-", ".json");
        String unreachable = Files.readString(real).replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:1");
        Files.writeString(copy, unreachable);
        System.setProperty("druk.fabric.config", copy.toString());
        FabricConnections outageConnections = new FabricConnections();
        FabricLedger outageLedger = new FabricLedger(outageConnections);
        LedgerHealth outageHealth = new LedgerHealth();
        LedgerSubmitter outageSubmitter = new LedgerSubmitter(outageLedger, processor, outageHealth, PortalHarness.SUBMITTER_POLICY,
                bindingGuard(outageLedger, outageHealth), clock);
        try {
            SubmissionAck ack = land.registerFirstTitle(CLERK, registration(newPin()));
            outageSubmitter.submitDue();
            RecordVersion v1 = v(ack.recordKey(), 1);
            assertEquals(LedgerState.PENDING, v1.ledgerState());
            OutboxEntry entry = records.findOutboxForVersion(v1.id()).orElseThrow();
            assertEquals(0, entry.attempts(), "nothing is sent to a ledger that cannot say which ledger it is");
            assertTrue(outageHealth.outage().isPresent());

            // The network is back: same file name, real contents (the adapter reconnects on change).
            Files.writeString(copy, Files.readString(real));
            Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
            Thread.sleep(1500); // the adapter looks at the connection file at most once a second
            forceDue(ack.recordKey());
            outageSubmitter.submitDue();
            assertEquals(LedgerState.COMMITTED, v(ack.recordKey(), 1).ledgerState(),
                    () -> "still " + v(ack.recordKey(), 1).ledgerState() + ": " + entry.lastError());
            RealLedger.awaitOnReadersPeer(ledger, v(ack.recordKey(), 1));
            assertEquals(1, ledger.history(ack.recordKey()).size(), "exactly one ledger version");
            forceDue(ack.recordKey());
            assertEquals(0, outageSubmitter.submitDue(), "nothing sent twice");
        } finally {
            System.setProperty("druk.fabric.config", real.toString());
            outageConnections.close();
            Files.deleteIfExists(copy);
        }
    }

    @Test
    void ledgerStoppedKeepsThePendingVersionUntilItIsBackThenCommitsExactlyOnce() throws Exception {
        String pin = newPin();
        SubmissionAck ack = land.registerFirstTitle(CLERK, registration(pin));
        network("stop");
        try {
            // This submitter knew its ledger before the stop; an outage makes it ask again before it sends anything.
            submitter.submitDue();
            assertEquals(LedgerState.PENDING, v(ack.recordKey(), 1).ledgerState());
        } finally {
            network("start");
        }
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(3);
        while (v(ack.recordKey(), 1).ledgerState() == LedgerState.PENDING && System.currentTimeMillis() < deadline) {
            Thread.sleep(2000);
            // the back-off grows; ignore it here so the test is quick
            records.findOutboxForVersion(v(ack.recordKey(), 1).id()).orElseThrow();
            submitter.submitDue();
            forceDue(ack.recordKey());
        }
        assertEquals(LedgerState.COMMITTED, v(ack.recordKey(), 1).ledgerState());
        RealLedger.awaitOnReadersPeer(ledger, v(ack.recordKey(), 1));
        assertEquals(1, ledger.history(ack.recordKey()).size(), "exactly one ledger version");
    }

    /** The portal's guard over this test's in-memory database: bound to the shared network's ledger on first use. */
    private LedgerBindingGuard bindingGuard(Ledger ofLedger, LedgerHealth health) {
        return new LedgerBindingGuard(ofLedger, bindings, health, new InMemoryStaffEventLog(),
                new LedgerCarryOver(records, new InMemoryAuditTrail(records), clock), clock);
    }

    private void forceDue(String recordKey) {
        records.openOutboxOf(recordKey).forEach(e -> e.retryLater(e.lastError(), clock.instant(), clock.instant()));
    }

    private static void network(String command) throws Exception {
        NetworkScript.runOrFail(command);
    }
}
