package bt.druk.registry.application.record;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static bt.druk.registry.testing.PortalHarness.NOTARY_CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.audit.RecordReconciler;
import bt.druk.registry.application.audit.TamperReport;
import bt.druk.registry.application.audit.TamperReportJobs;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.domain.audit.StaffEvent;
import bt.druk.registry.domain.file.FileType;
import bt.druk.registry.domain.file.StoredFile;
import bt.druk.registry.domain.notary.DocumentType;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.notary.NotaryRules.PartyText;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.ledger.LedgerBindings;
import bt.druk.registry.domain.ledger.LedgerIdentity;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.record.CarriedOver;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.testing.InMemoryReconciliationRepository;
import bt.druk.registry.testing.FakeLedger;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.testing.InMemoryLedgerBindings;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerBindingGuardTest {

    private final PortalHarness h = new PortalHarness();

    private String register(String pin) {
        return h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-1", "Punakha", "Guma",
                new BigDecimal("0.5"), LandType.WETLAND, List.of(new OwnerInput("Tshering Dema", "10901002233", "1")))).recordKey();
    }

    private final InMemoryReconciliationRepository runs = new InMemoryReconciliationRepository();

    /** The inspector's tamper report over the harness's database and ledger, run to its end. */
    private ReconciliationRun runTamperReport() {
        TamperReport report = new TamperReport(new RecordReconciler(new InMemoryAuditTrail(h.records), h.records, h.ledger, h.verification),
                h.ledger, runs, h.clock);
        long runId = new TamperReportJobs(report, Runnable::run).start(new StaffMember("inspector", Role.INSPECTOR, null, null)).runId();
        return runs.find(runId).orElseThrow();
    }

    private static LedgerCarryOver carryOver(PortalHarness harness) {
        return new LedgerCarryOver(harness.records, new InMemoryAuditTrail(harness.records), harness.clock);
    }

    private LedgerState state(String key) {
        return h.records.findLiveVersion(key, 1).orElseThrow().ledgerState();
    }

    /** The network is created again under the portal while it runs: its peers go away, then a new ledger answers. */
    private LedgerIdentity recreateNetwork() {
        h.ledger.setDown(true);
        assertFalse(h.ledgerStatus.readiness(Duration.ofMinutes(2)).ready());
        h.ledger.setDown(false);
        LedgerIdentity served = h.ledger.recreate();
        h.clock.advance(Duration.ofSeconds(2));
        return served;
    }

    @Test
    void aFirstStartOnAnEmptyDatabaseBindsItToTheLedgerTheNetworkServes() {
        assertTrue(h.ledgerBinding.permitsWrites());
        LedgerBindings.Binding binding = h.ledgerBindings.current().orElseThrow();
        assertEquals(FakeLedger.FAKE_LEDGER, binding.ledger());
        assertEquals("portal", binding.boundBy());
        assertTrue(h.ledgerStatus.readiness(Duration.ofMinutes(2)).ready());
        assertTrue(h.ledgerStatus.foreignLedger().isEmpty());
    }

    @Test
    void aRecreatedNetworkGetsNothingAndReadinessSaysWhichLedgerIsWhich() {
        String before = register("LB-001");
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, state(before));
        LedgerIdentity served = recreateNetwork();

        String after = register("LB-002");
        assertEquals(0, h.submitter.submitDue(), "nothing is claimed for a ledger that is not this database's");
        assertEquals(LedgerState.PENDING, state(after));
        assertEquals(0, h.ledger.history(after).size(), "the foreign ledger got nothing");
        assertEquals(0, h.follower.follow(() -> true, 10), "no block of the foreign ledger is followed");

        LedgerStatusService.Readiness readiness = h.ledgerStatus.readiness(Duration.ofMinutes(2));
        assertFalse(readiness.ready());
        assertEquals(LedgerStatusService.LEDGER_MISMATCH + "this database belongs to ledger " + FakeLedger.FAKE_LEDGER
                + ", the network serves ledger " + served, readiness.reason());
        assertEquals(readiness.reason().substring(LedgerStatusService.LEDGER_MISMATCH.length()), h.ledgerStatus.foreignLedger().orElseThrow());
    }

    @Test
    void anotherLedgerWithoutAnOutageIsNoticedAtTheNextRecheck() {
        assertTrue(h.ledgerBinding.permitsWrites());
        h.ledger.recreate(); // e.g. the connection file now names another network's peers
        h.clock.advance(LedgerBindingGuard.RECHECK.plusSeconds(1));
        String key = register("LB-003");
        assertEquals(0, h.submitter.submitDue());
        assertEquals(LedgerState.PENDING, state(key));
        assertInstanceOf(LedgerBindingGuard.Mismatch.class, h.ledgerBinding.verdict());
    }

    @Test
    void onlyABindToTheLedgerTheNetworkServesIsTakenAndItIsInTheStaffLog() {
        h.ledgerBinding.permitsWrites();
        h.records.checkpoint(CommitFollower.CHECKPOINT).advanceTo(41, h.clock.instant());
        String waiting = register("LB-004");
        LedgerIdentity served = recreateNetwork();
        assertFalse(h.ledgerBinding.permitsWrites());

        String other = "ab".repeat(32);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> h.ledgerBinding.rebind(other, "ops.dorji", "planned migration"));
        assertTrue(refused.getMessage().contains("the network serves ledger " + served), refused.getMessage());
        assertTrue(h.ledgerStatus.foreignLedger().orElseThrow().endsWith("(a bind to genesis block " + other
                + " was refused: the network does not serve that ledger)"), h.ledgerStatus.foreignLedger().orElseThrow());
        assertEquals(1, h.ledgerBindings.history().size(), "nothing bound");

        LedgerBindingGuard.Verdict bound = h.ledgerBinding.rebind(served.genesisHash().toUpperCase(), "ops.dorji", "planned migration");
        assertEquals(new LedgerBindingGuard.Bound(served), bound);
        assertEquals(2, h.ledgerBindings.history().size());
        assertEquals("ops.dorji", h.ledgerBindings.current().orElseThrow().boundBy());
        StaffEvent logged = h.staffLog.all().stream().filter(e -> e.kind() == StaffEvent.Kind.LEDGER_BOUND).findFirst().orElseThrow();
        assertEquals("ops.dorji", logged.actor());
        assertEquals(served.toString(), logged.subject());
        assertEquals("from " + FakeLedger.FAKE_LEDGER + ", 0 committed versions to carry over: planned migration", logged.detail());
        assertTrue(h.ledgerStatus.foreignLedger().isEmpty());

        assertEquals(0, h.records.checkpoint(CommitFollower.CHECKPOINT).nextBlock(), "the follower starts at the new ledger's first block");
        h.submitter.submitDue();
        assertEquals(LedgerState.COMMITTED, state(waiting), "what waited is sent once bound");
        // The same command at the next start changes nothing.
        h.ledgerBinding.rebind(served.genesisHash(), "ops.dorji", "planned migration");
        assertEquals(2, h.ledgerBindings.history().size());
    }

    @Test
    void aDatabaseFromBeforeBindingsIsBoundOnlyWhereItsReceiptsAre() {
        // Written and committed by a portal that had no binding yet: the receipt is on the fake ledger.
        PortalHarness old = new PortalHarness();
        String key = old.land.registerFirstTitle(CLERK, new FirstRegistrationCommand("LB-005", "T-1", "Punakha", "Guma",
                new BigDecimal("0.5"), LandType.WETLAND, List.of(new OwnerInput("Tshering Dema", "10901002233", "1")))).recordKey();
        old.submitter.submitDue();
        InMemoryLedgerBindings cleared = new InMemoryLedgerBindings(old.records);

        LedgerBindingGuard onSameLedger = new LedgerBindingGuard(old.ledger, cleared, old.health, old.staffLog, carryOver(old), old.clock);
        assertTrue(onSameLedger.permitsWrites(), "its receipt is on this ledger");
        assertTrue(cleared.current().orElseThrow().reason().contains(old.records.findLiveVersion(key, 1).orElseThrow().receipt().txId()));

        FakeLedger elsewhere = new FakeLedger();
        elsewhere.recreate();
        LedgerBindingGuard onOtherLedger = new LedgerBindingGuard(elsewhere, new InMemoryLedgerBindings(old.records), old.health, old.staffLog,
                carryOver(old), old.clock);
        assertFalse(onOtherLedger.permitsWrites());
        assertTrue(onOtherLedger.verdict().summary().startsWith("this database holds receipts of another ledger"), onOtherLedger.verdict().summary());
    }

    @Test
    void aBindCarriesEveryCommittedVersionOverAndThenTheTamperReportAgreesWithReadiness() {
        String key = register("LB-006");
        h.land.registerMortgage(CLERK, new RegisterMortgageCommand("LB-006", 1, "M-1", "BNB"));
        while (h.submitter.submitDue() > 0) {
            // both versions committed, in order
        }
        RecordVersion second = h.records.findLiveVersion(key, 2).orElseThrow();
        h.clock.advance(Duration.ofMinutes(10)); // registered long before the network was recreated
        String earlierTx = second.receipt().txId();
        // No block was followed here: the first commit's time is the version's own until one is.
        java.time.Instant firstTime = second.receipt().commitTime() != null ? second.receipt().commitTime() : second.createdAt();
        LedgerIdentity served = recreateNetwork();
        String waiting = register("LB-007"); // saved while the portal was off its ledger

        h.ledgerBinding.rebind(served.genesisHash(), "ops.dorji", "network recreated");
        assertEquals(LedgerState.PENDING, h.records.findLiveVersion(key, 2).orElseThrow().ledgerState(), "waits to be carried over");
        assertTrue(h.ledgerStatus.readiness(Duration.ofMinutes(1)).ready(), "a carried version waits from its carrying, not its registration");
        LedgerCall carry = h.records.findOutboxForVersion(second.id()).orElseThrow().call();
        assertEquals(LedgerCall.CARRY_OVER, carry.function());
        assertEquals(List.of("RegisterMortgage", FakeLedger.FAKE_LEDGER.genesisHash(), earlierTx),
                List.of(carry.arguments().get(0), carry.arguments().get(2), carry.arguments().get(3)));
        assertTrue(h.staffLog.all().stream().anyMatch(e -> e.kind() == StaffEvent.Kind.LEDGER_BOUND
                && e.detail().contains("2 committed versions to carry over")));

        while (h.submitter.submitDue() > 0) {
            // carried versions first, then what waited
        }
        assertEquals(2, h.ledger.history(key).size(), "both versions are on the new ledger, in order");
        RecordVersion carried = h.records.findLiveVersion(key, 2).orElseThrow();
        assertEquals(LedgerState.COMMITTED, carried.ledgerState());
        assertFalse(carried.receipt().txId().equals(earlierTx), "the receipt is the new ledger's");
        assertEquals(new CarriedOver(FakeLedger.FAKE_LEDGER.genesisHash(), earlierTx, firstTime),
                VersionViews.of(carried).receipt().carriedOver(), "the receipt says where the version was first committed");
        assertEquals(LedgerState.COMMITTED, state(waiting));

        ReconciliationRun run = runTamperReport();
        assertEquals(ReconciliationRun.State.FINISHED, run.state(), String.valueOf(run.error()));
        assertEquals(2, run.recordsChecked());
        assertEquals(0, run.tamperFindings(), "the tamper report finds every version on the ledger readiness says is this database's");
        assertTrue(h.ledgerStatus.readiness(Duration.ofMinutes(2)).ready());
    }

    @Test
    void aVersionTheNewLedgerRefusesToCarryStaysCommittedAndTheTamperReportNamesIt() {
        String key = register("LB-008");
        h.submitter.submitDue();
        LedgerIdentity served = recreateNetwork();
        h.ledgerBinding.rebind(served.genesisHash(), "ops.dorji", "network recreated");

        // A refusal is tried again (what it names may not be carried yet), then taken as final.
        h.ledger.refuseNext("NOT_FOUND", "bid ocds-drk001-2026-0005:1 does not exist");
        h.submitter.submitDue();
        assertEquals(LedgerState.PENDING, h.records.findLiveVersion(key, 1).orElseThrow().ledgerState(), "to be tried again");
        for (int attempt = 2; attempt <= OutboxProcessor.CARRY_ATTEMPTS; attempt++) {
            h.clock.advance(Duration.ofMinutes(1));
            h.ledger.refuseNext("NOT_ALLOWED_IN_STATE", "the carry-over window closed");
            assertEquals(1, h.submitter.submitDue(), "attempt " + attempt);
        }
        RecordVersion refused = h.records.findLiveVersion(key, 1).orElseThrow();
        assertEquals(LedgerState.COMMITTED, refused.ledgerState(), "history is not rejected: the earlier ledger committed it");
        assertEquals(null, refused.receipt(), "no receipt of a ledger that does not hold it");
        assertTrue(refused.carriedOver().isPresent());

        ReconciliationRun run = runTamperReport();
        assertEquals(List.of(TamperKind.MISSING_ON_LEDGER), runs.findingsOf(run.id(), key).stream().map(f -> f.kind()).toList());
    }

    @Test
    void aCarriedVersionRefusedBecauseWhatItNamesIsNotCarriedYetGoesOverWhenTriedAgain() {
        String key = register("LB-009");
        h.submitter.submitDue();
        LedgerIdentity served = recreateNetwork();
        h.ledgerBinding.rebind(served.genesisHash(), "ops.dorji", "network recreated");

        h.ledger.refuseNext("NOT_FOUND", "bid ocds-drk001-2026-0005:1 does not exist");
        h.submitter.submitDue();
        h.clock.advance(Duration.ofSeconds(2));
        h.submitter.submitDue();
        RecordVersion carried = h.records.findLiveVersion(key, 1).orElseThrow();
        assertEquals(LedgerState.COMMITTED, carried.ledgerState());
        assertEquals(1, h.ledger.history(key).size());
    }

    @Test
    void recordsThatNameEachOtherAreCarriedOneAtATimeInTheOrderFirstCommitted() {
        assertEquals("procurement:ocds-drk001-2026-0003", LedgerCarryOver.carryGroup("tender:ocds-drk001-2026-0003"));
        assertEquals("procurement:ocds-drk001-2026-0003", LedgerCarryOver.carryGroup("bid:ocds-drk001-2026-0003:1"));
        assertEquals("notary", LedgerCarryOver.carryGroup("notarisation:2026-000001"));
        assertEquals(null, LedgerCarryOver.carryGroup("land-title:PIN-1"));

        String first = notarise("first affidavit");
        h.clock.advance(Duration.ofSeconds(5));
        String second = notarise("second affidavit");
        String title = register("LB-010");
        while (h.submitter.submitDue() > 0) {
            // all three committed
        }
        LedgerIdentity served = recreateNetwork();
        h.ledgerBinding.rebind(served.genesisHash(), "ops.dorji", "network recreated");

        List<String> claimed = h.records.claimOutbox(h.clock.instant(), 10, "test", h.clock.instant().plusSeconds(60)).stream()
                .map(e -> e.recordKey()).toList();
        assertTrue(claimed.contains(first) && claimed.contains("land-title:LB-010"), claimed.toString());
        assertFalse(claimed.contains(second), "the later notarisation waits for the earlier one: " + claimed);
    }

    private String notarise(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        StoredFile file = new StoredFile(CanonicalJson.sha256Hex(content), bytes.length, FileType.PDF,
                "affidavit.pdf");
        return h.notary.register(NOTARY_CLERK, new Notarisation.Details(
                DocumentType.AFFIDAVIT, LocalDate.of(2025, 10, 30),
                List.of(new PartyText("Sonam Choki", "10101005566"))), file.sha256(), file).recordKey();
    }

    @Test
    void whileAnOrderedBindWaitsReadinessSaysSoInsteadOfRefusingThatLedger() {
        register("LB-011");
        h.submitter.submitDue();
        LedgerIdentity served = recreateNetwork();
        h.ledgerBinding.expectBind(served.genesisHash());

        LedgerStatusService.Readiness waiting = h.ledgerStatus.readiness(Duration.ofMinutes(2));
        assertFalse(waiting.ready());
        assertFalse(waiting.reason().startsWith(LedgerStatusService.LEDGER_MISMATCH), waiting.reason());
        assertTrue(waiting.reason().contains("binding this database to ledger " + served + " as the operator ordered"), waiting.reason());

        assertEquals(new LedgerBindingGuard.Bound(served), h.ledgerBinding.rebind(served.genesisHash(), "ops.dorji", "ordered"));
        h.submitter.submitDue();
        assertTrue(h.ledgerStatus.readiness(Duration.ofMinutes(2)).ready());
    }
}
