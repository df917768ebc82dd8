package bt.druk.registry.infrastructure.persistence;

import bt.druk.registry.domain.audit.ReconciliationRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tamper report run (table reconciliation_run, V209). */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRunRow {

    @Id
    @SequenceGenerator(name = "reconciliation_run_seq", sequenceName = "reconciliation_run_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_run_seq")
    private Long id;

    @Column(name = "started_by", nullable = false, length = 100)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_state", nullable = false, length = 20)
    private ReconciliationRun.State state;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "records_checked", nullable = false)
    private int recordsChecked;

    @Column(name = "versions_checked", nullable = false)
    private int versionsChecked;

    @Column(name = "ledger_records", nullable = false)
    private int ledgerRecords;

    @Column(name = "tamper_findings", nullable = false)
    private int tamperFindings;

    @Column(name = "not_in_database", nullable = false)
    private int notInDatabase;

    @Column(name = "error_text", length = 1000)
    private String error;

    protected ReconciliationRunRow() {
    }

    ReconciliationRunRow(String startedBy, Instant startedAt) {
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.state = ReconciliationRun.State.RUNNING;
    }

    void finish(Instant at, int records, int versions, int ledger, int tamper, int unknown) {
        state = ReconciliationRun.State.FINISHED;
        finishedAt = at;
        recordsChecked = records;
        versionsChecked = versions;
        ledgerRecords = ledger;
        tamperFindings = tamper;
        notInDatabase = unknown;
    }

    void fail(Instant at, String reason) {
        state = ReconciliationRun.State.FAILED;
        finishedAt = at;
        error = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    Long id() {
        return id;
    }

    ReconciliationRun toRun() {
        return new ReconciliationRun(id, startedBy, startedAt, state, finishedAt, recordsChecked, versionsChecked,
                ledgerRecords, tamperFindings, notInDatabase, error);
    }
}
