package bt.druk.registry.application.audit;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.audit.AuditTrail;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.ReconciliationRepository;
import bt.druk.registry.domain.audit.ReconciliationRun;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.ledger.LedgerRecordPage;
import bt.druk.registry.domain.notary.BatchAnchor;
import bt.druk.registry.domain.notary.Notarisation;
import bt.druk.registry.domain.procurement.BidKeys;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tamper report: every record version in the portal's database reconciled with the ledger.
 * For each record key the ledger history is compared by {@link VerificationService#compare} (the
 * stored document still hashes to what was stored, and that is what the ledger holds), and beyond
 * it the previous hash, the status and the receipt's transaction; ledger versions the database
 * lacks are flagged, and the ledger's own list of records shows keys this database does not know
 * at all (other portals sharing the ledger, or rows deleted outright).
 *
 * <p>{@link #reconcile} holds no transaction: a long run must not pin a connection. Starting,
 * finishing and failing a run are short transactions of their own, called through the bean.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TamperReport {

    /** Every kind of record the chaincode keeps (chaincode/README.md, Keys). */
    static final List<String> LEDGER_KINDS = List.of(LandTitle.KIND, Tender.KIND, BidKeys.KIND, Notarisation.KIND,
            BatchAnchor.KIND);
    /** The chaincode's largest ListRecords page. */
    static final int PAGE_SIZE = 100;

    private AuditTrail trail;
    private RecordRepository records;
    private Ledger ledger;
    private VerificationService verification;
    private ReconciliationRepository runs;
    private Clock clock;

    protected TamperReport() {
    }

    @Inject
    public TamperReport(AuditTrail trail, RecordRepository records, Ledger ledger, VerificationService verification,
                        ReconciliationRepository runs, Clock clock) {
        this.trail = trail;
        this.records = records;
        this.ledger = ledger;
        this.verification = verification;
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
        List<String> keys = trail.recordKeys();
        progress.total(keys.size() + LEDGER_KINDS.size());
        List<ReconciliationFinding> findings = new ArrayList<>();
        int versionsChecked = 0;
        for (String key : keys) {
            Checked checked = check(key);
            if (!checked.findings().isEmpty()) {
                // Read both sides again: a version committed between the two reads is no discrepancy.
                checked = check(key);
            }
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
                for (LedgerEntry entry : page.records()) {
                    ledgerRecords++;
                    // A record registered since the keys were read is ours, not unknown.
                    if (!known.contains(entry.key()) && records.findHead(entry.key()).isEmpty()) {
                        findings.add(new ReconciliationFinding(entry.key(), entry.version(), TamperKind.NOT_IN_DATABASE,
                                null, entry.hash()));
                    }
                }
                bookmark = page.bookmark();
            } while (page.hasMore(PAGE_SIZE));
            progress.advance();
        }
        return new Result(keys.size(), versionsChecked, ledgerRecords, findings);
    }

    private record Checked(int versions, List<ReconciliationFinding> findings) {
    }

    /**
     * One record. The ledger is read before the database: a version reaches the ledger only after
     * it was saved, so whatever the ledger shows the database already had.
     */
    Checked check(String key) {
        List<LedgerHistoryItem> history = ledger.history(key);
        List<RecordVersion> versions = records.versionsOf(key);
        LedgerVerification compared = verification.compare(key, versions, history);
        Map<Integer, LedgerHistoryItem> onLedger = new TreeMap<>();
        for (LedgerHistoryItem item : history) {
            if (item.value() != null) {
                onLedger.put(item.value().version(), item);
            }
        }
        List<ReconciliationFinding> findings = new ArrayList<>();
        Set<Integer> live = new HashSet<>();
        int checkedVersions = 0;
        // compare() answers one check per version, in the same order (rejected attempts included).
        for (int i = 0; i < versions.size(); i++) {
            RecordVersion v = versions.get(i);
            VersionCheck c = compared.versions().get(i);
            if (v.ledgerState() == LedgerState.REJECTED) {
                continue;
            }
            checkedVersions++;
            live.add(v.version());
            LedgerHistoryItem item = onLedger.get(v.version());
            LedgerEntry entry = item == null ? null : item.value();
            if (!v.hash().equals(c.recomputedHash())) {
                findings.add(finding(v, TamperKind.DOCUMENT_EDITED, documentHashNow(v), entry == null ? null : entry.hash()));
            } else if (c.match() == VersionCheck.Match.MISMATCH) {
                findings.add(finding(v, TamperKind.HASH_MISMATCH, v.hash(), c.ledgerHash()));
            }
            if (c.match() == VersionCheck.Match.MISSING_ON_LEDGER) {
                findings.add(finding(v, TamperKind.MISSING_ON_LEDGER, v.hash(), null));
            }
            if (entry == null) {
                continue;
            }
            if (!Objects.equals(v.previousHash(), entry.previousHash())) {
                findings.add(finding(v, TamperKind.PREVIOUS_HASH_MISMATCH, v.previousHash(), entry.previousHash()));
            }
            Optional<String> status = documentStatus(v);
            if (status.isPresent() && entry.status() != null && !status.get().equals(entry.status())) {
                findings.add(finding(v, TamperKind.STATUS_MISMATCH, status.get(), entry.status()));
            }
            if (v.receipt() != null && item.txId() != null && !v.receipt().txId().equals(item.txId())) {
                findings.add(finding(v, TamperKind.TX_ID_MISMATCH, v.receipt().txId(), item.txId()));
            }
        }
        onLedger.forEach((version, item) -> {
            if (!live.contains(version)) {
                findings.add(new ReconciliationFinding(key, version, TamperKind.LEDGER_AHEAD, null, item.value().hash()));
            }
        });
        return new Checked(checkedVersions, findings);
    }

    private static ReconciliationFinding finding(RecordVersion v, TamperKind kind, String databaseValue, String ledgerValue) {
        return new ReconciliationFinding(v.recordKey(), v.version(), kind, databaseValue, ledgerValue);
    }

    /** SHA-256 of the stored document as it is now, or "unreadable" if it no longer parses. */
    private static String documentHashNow(RecordVersion v) {
        try {
            return CanonicalJson.sha256Hex(CanonicalJson.canonicalize(v.canonicalJson()));
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }

    /** The status a register writes into its document ({@code data.status}); bids and anchors have none. */
    static Optional<String> documentStatus(RecordVersion v) {
        try (JsonReader reader = Json.createReader(new StringReader(v.canonicalJson()))) {
            JsonObject data = reader.readObject().getJsonObject("data");
            JsonValue status = data == null ? null : data.get("status");
            return status != null && status.getValueType() == JsonValue.ValueType.STRING
                    ? Optional.of(data.getString("status")) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
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
