package bt.druk.registry.application.audit;

import bt.druk.registry.domain.audit.AuditFilter;
import bt.druk.registry.domain.audit.AuditTrail;
import bt.druk.registry.domain.record.LedgerReceipt;
import bt.druk.registry.domain.record.RecordVersion;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.domain.staff.StaffAccount;
import bt.druk.registry.domain.staff.StaffAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The audit view: who registered, changed or revoked what and when, from the receipts. Inspectors and admins only. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditQueries {

    /** Rows read at a time for a download. */
    static final int CHUNK = 500;
    /** Largest page a screen may ask for. */
    public static final int MAX_PAGE = 200;

    private AuditTrail trail;
    private StaffAccountRepository staff;
    private int chunk = CHUNK;

    protected AuditQueries() {
    }

    @Inject
    public AuditQueries(AuditTrail trail, StaffAccountRepository staff) {
        this.trail = trail;
        this.staff = staff;
    }

    /** With a smaller download chunk (tests cross chunk boundaries with few rows). */
    AuditQueries(AuditTrail trail, StaffAccountRepository staff, int chunk) {
        this(trail, staff);
        this.chunk = chunk;
    }

    /** A page of receipts and how many match in all. */
    public record Page(List<AuditEntry> entries, long total, int first) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    public Page page(StaffMember inspector, AuditFilter filter, int first, int max) {
        Inspectors.require(inspector);
        int from = Math.max(0, first);
        int size = Math.max(1, Math.min(MAX_PAGE, max));
        Map<String, String> names = names();
        return new Page(trail.page(filter, from, size).stream().map(v -> entry(v, names)).toList(), trail.count(filter), from);
    }

    public long count(StaffMember inspector, AuditFilter filter) {
        Inspectors.require(inspector);
        return trail.count(filter);
    }

    /** Every receipt matching the filter, newest first, read in chunks (for a download). */
    public void forEach(StaffMember inspector, AuditFilter filter, Consumer<AuditEntry> sink) {
        Inspectors.require(inspector);
        Map<String, String> names = names();
        for (int first = 0; ; first += chunk) {
            List<RecordVersion> rows = trail.page(filter, first, chunk);
            rows.forEach(v -> sink.accept(entry(v, names)));
            if (rows.size() < chunk) {
                return;
            }
        }
    }

    public List<String> offices(StaffMember inspector) {
        Inspectors.require(inspector);
        return trail.offices();
    }

    public List<String> submitters(StaffMember inspector) {
        Inspectors.require(inspector);
        return trail.submitters();
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        for (StaffAccount account : staff.all()) {
            names.put(account.username(), account.displayName());
        }
        return names;
    }

    private static AuditEntry entry(RecordVersion v, Map<String, String> names) {
        LedgerReceipt receipt = v.receipt();
        return new AuditEntry(v.operation(), v.recordKey(), v.version(), v.register(), v.submittedBy(),
                names.getOrDefault(v.submittedBy(), v.submittedBy()), v.office(), v.createdAt(), v.ledgerState(),
                v.rejectionCode(), receipt == null ? null : receipt.txId(), receipt == null ? null : receipt.blockNumber(),
                receipt == null ? null : receipt.commitTime(), receipt == null ? List.of() : receipt.endorsingMspIds());
    }
}
