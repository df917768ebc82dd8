package bt.druk.registry.domain.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Search projection of a tender's current version (number, title, agency, status, deadline). The
 * record versions remain the source of truth; this row is rewritten whenever the current version changes.
 */
@Entity
@Table(name = "tender_summary")
public class TenderSummary {

    @Id
    @Column(name = "record_key", length = 200)
    private String recordKey;

    @Column(name = "ocid", nullable = false, length = 160)
    private String ocid;

    @Column(name = "tender_number", nullable = false, length = 60)
    private String tenderNumber;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "entity_code", nullable = false, length = 20)
    private String entityCode;

    @Column(name = "entity_name", nullable = false, length = 200)
    private String entityName;

    @Column(name = "method", nullable = false, length = 20)
    private String method;

    @Column(name = "category", nullable = false, length = 20)
    private String category;

    @Column(name = "estimated_value", nullable = false, precision = 14, scale = 2)
    private BigDecimal estimatedValue;

    @Column(name = "bid_deadline", nullable = false)
    private Instant bidDeadline;

    @Column(name = "status", nullable = false, length = 30)
    private String status;

    @Column(name = "office", nullable = false, length = 40)
    private String office;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "current_version_id", nullable = false)
    private long currentVersionId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenderSummary() {
    }

    public TenderSummary(String recordKey) {
        this.recordKey = recordKey;
    }

    public void update(Tender tender, String tenderOffice, int version, long versionId, Instant now) {
        ocid = tender.ocid();
        tenderNumber = tender.tenderNumber();
        title = tender.title();
        entityCode = tender.procuringEntity().code();
        entityName = tender.procuringEntity().name();
        method = tender.method().code();
        category = tender.category().code();
        estimatedValue = tender.estimatedValue();
        bidDeadline = tender.bidDeadline();
        status = tender.status().ledgerCode();
        office = tenderOffice;
        publishedAt = tender.published();
        currentVersion = version;
        currentVersionId = versionId;
        updatedAt = now;
    }

    public String recordKey() {
        return recordKey;
    }

    public String ocid() {
        return ocid;
    }

    public String tenderNumber() {
        return tenderNumber;
    }

    public String title() {
        return title;
    }

    public String entityCode() {
        return entityCode;
    }

    public String entityName() {
        return entityName;
    }

    public MainCategory category() {
        return MainCategory.fromCode(category);
    }

    public ProcurementMethod method() {
        return ProcurementMethod.fromCode(method);
    }

    public BigDecimal estimatedValue() {
        return estimatedValue;
    }

    public Instant bidDeadline() {
        return bidDeadline;
    }

    public TenderStatus status() {
        return TenderStatus.fromLedgerCode(status);
    }

    public String office() {
        return office;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public long currentVersionId() {
        return currentVersionId;
    }
}
