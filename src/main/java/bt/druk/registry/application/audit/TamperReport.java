package bt.druk.registry.application.audit;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRepository;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerRecordPage;
import bt.druk.registry.domain.shared.RecordKind;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tamper report: every record version in the portal's database reconciled with the ledger.
 * For each record key {@link RecordReconciler#check} compares the ledger history as
 * {@link bt.druk.registry.application.record.VerificationService#compare} does (the stored document
 * still hashes to what was stored, and that is what the ledger holds) and beyond it the previous
 * hash, the status and the receipt's transaction, and flags ledger versions the database lacks;
 * then the ledger's own list of records shows keys this database does not know at all (other
 * portals sharing the ledger, or rows deleted outright).
 *
 * <p>{@link #reconcile} holds no transaction: a long run must not pin a connection. Each step,
 * and starting, finishing and failing a run, is a short transaction of its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TamperReport {

    /** Every kind of record the chaincode keeps (chaincode/README.md, Keys): the catalogue's. */
    static final List<String> LEDGER_KINDS = Arrays.stream(RecordKind.values()).map(RecordKind::code).toList();
    /** The chaincode's largest ListRecords page. */
    static final int PAGE_SIZE = 100;

    private RecordReconciler reconciler;
    private Ledger ledger;
    private ReconciliationRepository runs;
    private Clock clock;

    protected TamperReport() {
    }

    @Inject
    public TamperReport(RecordReconciler reconciler, Ledger ledger, ReconciliationRepository runs, Clock clock) {
        this.reconciler = reconciler;
        this.ledger = ledger;
        this.runs = runs;
        this.clock = clock;
    }

    /** How far a run has got, in units of work (one per record key, one per kind listed on the ledger). */
    public interface Progress {
        void total(int units);

        void advance();
    }

    /** What a reconciliation found and how much it compared. */
    public record Result(int recordsChecked, int versionsChecked, int ledgerRecords, List<ReconciliationFinding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Compares everything; throws {@link bt.druk.registry.domain.ledger.LedgerUnavailableException}
     * if the ledger goes away meanwhile (a half-run report would call the rest "missing").
     */
    public Result reconcile(Progress progress) {
        List<String> keys = reconciler.recordKeys();
        progress.total(keys.size() + LEDGER_KINDS.size());
        List<ReconciliationFinding> findings = new ArrayList<>();
        int versionsChecked = 0;
        for (String key : keys) {
            RecordReconciler.Checked checked = reconciler.check(key);
            versionsChecked += checked.versions();
            findings.addAll(checked.findings());
            progress.advance();
        }
        Set<String> known = new HashSet<>(keys);
        int ledgerRecords = 0;
        for (String kind : LEDGER_KINDS) {
            String bookmark = "";
            LedgerRecordPage page;
            do {
                page = ledger.listRecords(kind, PAGE_SIZE, bookmark);
                ledgerRecords += page.records().size();
                for (LedgerEntry entry : reconciler.unknownAmong(page.records(), known)) {
                    findings.add(new ReconciliationFinding(entry.key(), entry.version(), TamperKind.NOT_IN_DATABASE,
                            null, entry.hash()));
                }
                bookmark = page.bookmark();
            } while (page.hasMore(PAGE_SIZE));
            progress.advance();
        }
        return new Result(keys.size(), versionsChecked, ledgerRecords, findings);
    }

    // ---- the run's bookkeeping (short transactions) ----

    /** Stores a new run; one left RUNNING by a portal that stopped mid-run is marked failed first. */
    @Transactional
    public ReconciliationRun begin(StaffMember inspector) {
        Inspectors.require(inspector);
        runs.abandonRunning(clock.instant(), "The portal stopped during this run");
        return runs.start(inspector.username(), clock.instant());
    }

    @Transactional
    public ReconciliationRun complete(long runId, Result result) {
        return runs.finish(runId, clock.instant(), result.recordsChecked(), result.versionsChecked(), result.ledgerRecords(),
                result.findings());
    }

    @Transactional
    public void failed(long runId, String error) {
        runs.fail(runId, clock.instant(), error);
    }

    // ---- reading kept runs ----

    public Optional<ReconciliationRun> latest() {
        return runs.latest();
    }

    public Optional<ReconciliationRun> latestFinished() {
        return runs.latestFinished();
    }

    public Optional<ReconciliationRun> run(long runId) {
        return runs.find(runId);
    }

    public List<ReconciliationFinding> findings(long runId) {
        return runs.findings(runId);
    }
}
