package bt.druk.registry.application.audit;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.record.LedgerVerification;
import bt.druk.registry.application.record.VerificationService;
import bt.druk.registry.application.record.VersionCheck;
import bt.druk.registry.domain.audit.AuditTrail;
import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.TamperKind;
import bt.druk.registry.domain.ledger.Ledger;
import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.ledger.LedgerHistoryItem;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerState;
import bt.druk.registry.domain.record.RecordRepository;
import bt.druk.registry.domain.record.RecordVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tamper report's steps that read the database, each in a short transaction of its own: the
 * record keys, one record against its ledger history, which ledger records the database does not
 * know. A run calls them one by one from a managed thread, where the database is read through a
 * transaction's persistence context rather than the request's (which another thread may close).
 */
@ApplicationScoped
@Transactional
public class RecordReconciler {

    private AuditTrail trail;
    private RecordRepository records;
    private Ledger ledger;
    private VerificationService verification;

    protected RecordReconciler() {
    }

    @Inject
    public RecordReconciler(AuditTrail trail, RecordRepository records, Ledger ledger, VerificationService verification) {
        this.trail = trail;
        this.records = records;
        this.ledger = ledger;
        this.verification = verification;
    }

    /** Every record key of the database, in key order. */
    public List<String> recordKeys() {
        return trail.recordKeys();
    }

    /** The entries whose key is neither among {@code known} nor in the database now (registered since the keys were read). */
    public List<LedgerEntry> unknownAmong(Collection<LedgerEntry> entries, Set<String> known) {
        return entries.stream().filter(e -> !known.contains(e.key()) && records.findHead(e.key()).isEmpty()).toList();
    }

    /** What one record's check found, and how many of its versions it compared. */
    public record Checked(int versions, List<ReconciliationFinding> findings) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }

    /**
     * One record, read twice if the first read finds anything: a version committed between the two
     * reads of the first is no discrepancy, an edited row is found again.
     */
    public Checked check(String key) {
        Checked checked = checkOnce(key);
        return checked.findings().isEmpty() ? checked : checkOnce(key);
    }

    /**
     * One record. The ledger is read before the database: a version reaches the ledger only after
     * it was saved, so whatever the ledger shows the database already had.
     */
    private Checked checkOnce(String key) {
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
        try (JsonReader reader = JSON.createReader(new StringReader(v.canonicalJson()))) {
            JsonObject data = reader.readObject().getJsonObject("data");
            JsonValue status = data == null ? null : data.get("status");
            return status != null && status.getValueType() == JsonValue.ValueType.STRING
                    ? Optional.of(data.getString("status")) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

}
