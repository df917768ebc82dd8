package bt.druk.registry.application.audit;

import static bt.druk.registry.testing.PortalHarness.CLERK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.AccessDeniedException;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.testing.InMemoryAuditTrail;
import bt.druk.registry.testing.InMemoryReconciliationRepository;
import bt.druk.registry.testing.PortalHarness;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The tamper report over the fake ledger: each kind of discrepancy flagged, clean records left alone, one run at a time. */
class TamperReportTest {

    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);

    private final PortalHarness h = new PortalHarness();
    private final InMemoryReconciliationRepository runs = new InMemoryReconciliationRepository();
    private final TamperReport report = new TamperReport(
            new RecordReconciler(new InMemoryAuditTrail(h.records), h.records, h.ledger, h.verification), h.ledger, runs, h.clock);
    private final TamperWarnings warnings = new TamperWarnings(runs);
    /** Runs each job when the test says so, to see a run under way. */
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor later = queued::add;

    private void register(String pin) {
        h.land.registerFirstTitle(CLERK, new FirstRegistrationCommand(pin, "T-" + pin, "Thimphu", "Kawang",
                new BigDecimal("1.2500"), LandType.DRY_LAND, List.of(new OwnerInput("Karma Wangchuk", "10101000123", "1"))));
    }

    private void commitAll() {
        while (h.submitter.submitDue() > 0) {
            // until the outbox is empty
        }
    }

    private RecordVersion version(String key, int number) {
        return h.records.versionsOf(key).stream().filter(v -> v.version() == number).findFirst().orElseThrow();
    }

    /** Runs the report to the end through the job runner, as the page does. */
    private ReconciliationRun run() {
        TamperReportJobs jobs = new TamperReportJobs(report, Runnable::run);
        TamperReportJobs.Start start = jobs.start(INSPECTOR);
        assertInstanceOf(TamperReportJobs.Start.Started.class, start);
        return runs.find(start.runId()).orElseThrow();
    }

    private List<ReconciliationFinding> findingsOf(ReconciliationRun run, String key) {
        return runs.findingsOf(run.id(), key);
    }

    @Test
    void cleanRecordsAreNotFlagged() {
        register("TR-1");
        register("TR-2");
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("TR-2", 1, "CAV-1", "Court order"));
        commitAll();

        ReconciliationRun run = run();

        assertEquals(ReconciliationRun.State.FINISHED, run.state());
        assertEquals(2, run.recordsChecked());
        assertEquals(3, run.versionsChecked());
        assertEquals(2, run.ledgerRecords());
        assertEquals(0, run.tamperFindings(), () -> runs.findings(run.id()).toString());
        assertEquals(0, run.notInDatabase());
        assertTrue(warnings.of("land-title:TR-1").isEmpty());
    }

    @Test
    void aRowEditedInTheDatabaseIsFlaggedWithTheHashItHasNowAndTheLedgersHash() {
        register("TR-3");
        register("TR-4");
        commitAll();
        RecordVersion v1 = version("land-title:TR-3", 1);
        String ledgerHash = v1.hash();
        String edited = v1.canonicalJson().replace("Kawang", "Chang");
        h.records.replaceCanonicalJson(v1.id(), edited);

        ReconciliationRun run = run();

        List<ReconciliationFinding> found = findingsOf(run, "land-title:TR-3");
        assertEquals(List.of(new ReconciliationFinding("land-title:TR-3", 1, TamperKind.DOCUMENT_EDITED,
                CanonicalJson.sha256Hex(CanonicalJson.canonicalize(edited)), ledgerHash)), found);
        assertEquals(1, run.tamperFindings());
        assertTrue(findingsOf(run, "land-title:TR-4").isEmpty(), "the untouched record is clean");
        TamperWarnings.Warning warning = warnings.of("land-title:TR-3").orElseThrow();
        assertEquals(List.of(TamperKind.DOCUMENT_EDITED), warning.kinds());
        assertEquals(List.of(1), warning.versions());
        assertEquals(run.finishedAt(), warning.checkedAt());
        assertTrue(warnings.of("land-title:TR-4").isEmpty());
    }

    @Test
    void aCommittedVersionTheLedgerDoesNotHoldIsMissing() {
        register("TR-5");
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("TR-5", 1, "CAV-1", "Court order"));
        commitAll();
        h.ledger.forgetFrom("land-title:TR-5", 2);

        ReconciliationRun run = run();

        assertEquals(List.of(new ReconciliationFinding("land-title:TR-5", 2, TamperKind.MISSING_ON_LEDGER,
                version("land-title:TR-5", 2).hash(), null)), findingsOf(run, "land-title:TR-5"));
    }

    @Test
    void aPendingVersionIsNotMissing() {
        register("TR-6");
        commitAll();
        h.land.lodgeCaveat(CLERK, new LodgeCaveatCommand("TR-6", 1, "CAV-1", "Court order"));

        ReconciliationRun run = run();

        assertTrue(findingsOf(run, "land-title:TR-6").isEmpty(), () -> findingsOf(run, "land-title:TR-6").toString());
    }

    @Test
    void aLedgerVersionTheDatabaseLacksIsLedgerAhead() {
        register("TR-7");
        commitAll();
        String outside = CanonicalJson.sha256Hex("written from outside the portal");
        h.ledger.appendOutside("land-title:TR-7", outside);

        ReconciliationRun run = run();

        assertEquals(List.of(new ReconciliationFinding("land-title:TR-7", 2, TamperKind.LEDGER_AHEAD, null, outside)),
                findingsOf(run, "land-title:TR-7"));
        assertEquals(List.of(2), warnings.of("land-title:TR-7").orElseThrow().versions());
    }

    @Test
    void aForgedLedgerHashIsAHashMismatch() {
        register("TR-8");
        commitAll();
        String forged = CanonicalJson.sha256Hex("forged");
        h.ledger.tamper("land-title:TR-8", 1, forged);

        ReconciliationRun run = run();

        assertEquals(List.of(new ReconciliationFinding("land-title:TR-8", 1, TamperKind.HASH_MISMATCH,
                version("land-title:TR-8", 1).hash(), forged)), findingsOf(run, "land-title:TR-8"));
    }

    @Test
    void ledgerRecordsThePortalNeverHadAreReportedApartFromTampering() {
        register("TR-9");
        commitAll();
        String foreign = CanonicalJson.sha256Hex("another portal's parcel");
        h.ledger.writeForeign("land-title:OTHER-PORTAL-1", foreign);
        h.ledger.writeForeign("tender:ocds-zzz999-2026-0001", CanonicalJson.sha256Hex("another portal's tender"));

        ReconciliationRun run = run();

        assertEquals(List.of(new ReconciliationFinding("land-title:OTHER-PORTAL-1", 1, TamperKind.NOT_IN_DATABASE, null, foreign)),
                findingsOf(run, "land-title:OTHER-PORTAL-1"));
        assertEquals(1, findingsOf(run, "tender:ocds-zzz999-2026-0001").size());
        assertEquals(0, run.tamperFindings());
        assertEquals(2, run.notInDatabase());
        assertEquals(3, run.ledgerRecords());
        assertTrue(warnings.of("land-title:OTHER-PORTAL-1").isEmpty(), "not ours: no public warning");
    }

    @Test
    void ledgerListsArePagedToTheEnd() {
        for (int i = 0; i < TamperReport.PAGE_SIZE + 5; i++) {
            h.ledger.writeForeign(String.format("land-title:FOREIGN-%04d", i), CanonicalJson.sha256Hex("f" + i));
        }

        ReconciliationRun run = run();

        assertEquals(TamperReport.PAGE_SIZE + 5, run.notInDatabase());
        assertEquals(TamperReport.PAGE_SIZE + 5, run.ledgerRecords());
    }

    @Test
    void oneRunAtATimeWithItsProgress() {
        register("TR-10");
        commitAll();
        TamperReportJobs jobs = new TamperReportJobs(report, later);

        TamperReportJobs.Start first = jobs.start(INSPECTOR);
        TamperReportJobs.Start second = jobs.start(new StaffMember("admin", Role.ADMIN, null, null));

        assertInstanceOf(TamperReportJobs.Start.Started.class, first);
        assertInstanceOf(TamperReportJobs.Start.AlreadyRunning.class, second);
        assertEquals(first.runId(), second.runId());
        assertTrue(jobs.isRunning());
        assertEquals(0, jobs.progress().orElseThrow().percent());
        assertEquals(ReconciliationRun.State.RUNNING, runs.find(first.runId()).orElseThrow().state());
        assertEquals(1, queued.size(), "only one job was started");

        queued.remove(0).run();

        assertFalse(jobs.isRunning());
        TamperReportJobs.Progress done = jobs.progress().orElseThrow();
        assertEquals(100, done.percent());
        assertEquals(1 + TamperReport.LEDGER_KINDS.size(), done.total());
        assertEquals(ReconciliationRun.State.FINISHED, runs.find(first.runId()).orElseThrow().state());
        assertInstanceOf(TamperReportJobs.Start.Started.class, jobs.start(INSPECTOR), "a new run once the first ended");
    }

    @Test
    void aRunWhoseLedgerGoesAwayFailsAndKeepsTheLastFinishedRunsFindings() {
        register("TR-11");
        commitAll();
        ReconciliationRun good = run();
        h.ledger.setDown(true);

        ReconciliationRun failed = run();

        assertEquals(ReconciliationRun.State.FAILED, failed.state());
        assertTrue(failed.error().startsWith("The ledger could not be reached"), failed.error());
        assertEquals(good.id(), report.latestFinished().orElseThrow().id());
        assertEquals(failed.id(), report.latest().orElseThrow().id());
    }

    @Test
    void aRunLeftRunningByAStoppedPortalIsMarkedFailedWhenTheNextStarts() {
        ReconciliationRun stale = runs.start("inspector", h.clock.instant());

        run();

        ReconciliationRun after = runs.find(stale.id()).orElseThrow();
        assertEquals(ReconciliationRun.State.FAILED, after.state());
        assertEquals("The portal stopped during this run", after.error());
    }

    @Test
    void onlyInspectorsAndAdminsRunIt() {
        TamperReportJobs jobs = new TamperReportJobs(report, later);
        assertThrows(AccessDeniedException.class, () -> jobs.start(CLERK));
        assertTrue(queued.isEmpty());
        assertTrue(runs.latest().isEmpty());
    }

    @Test
    void theDocumentStatusIsReadFromItsData() {
        register("TR-12");
        assertEquals("registered", RecordReconciler.documentStatus(version("land-title:TR-12", 1)).orElseThrow());
    }
}
