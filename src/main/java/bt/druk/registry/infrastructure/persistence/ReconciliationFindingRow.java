package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.audit.ReconciliationFinding;
import bt.druk.registry.domain.audit.TamperKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One finding of a tamper report run (table reconciliation_finding, V209). */
@Entity
@Table(name = "reconciliation_finding")
public class ReconciliationFindingRow {

    private static final int VALUE_LENGTH = 200;

    @Id
    @SequenceGenerator(name = "reconciliation_finding_seq", sequenceName = "reconciliation_finding_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_finding_seq")
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "record_key", nullable = false, length = 200)
    private String recordKey;

    @Column(name = "version")
    private Integer version;

    @Enumerated(EnumType.STRING)
    @Column(name = "finding_kind", nullable = false, length = 30)
    private TamperKind kind;

    @Column(name = "database_value", length = VALUE_LENGTH)
    private String databaseValue;

    @Column(name = "ledger_value", length = VALUE_LENGTH)
    private String ledgerValue;

    protected ReconciliationFindingRow() {
    }

    ReconciliationFindingRow(long runId, ReconciliationFinding finding) {
        this.runId = runId;
        this.recordKey = finding.recordKey();
        this.version = finding.version();
        this.kind = finding.kind();
        this.databaseValue = clip(finding.databaseValue());
        this.ledgerValue = clip(finding.ledgerValue());
    }

    private static String clip(String value) {
        return value == null || value.length() <= VALUE_LENGTH ? value : value.substring(0, VALUE_LENGTH);
    }

    ReconciliationFinding toFinding() {
        return new ReconciliationFinding(recordKey, version, kind, databaseValue, ledgerValue);
    }
}
