-- Tamper report (inspectors): each run reconciling every record version of this database with the
-- ledger, and what it found, kept for the report's downloads and the public records' warnings.
-- Findings: SEQUENCE ids in blocks of 50 (EclipseLink takes each value as the END of a block, so
-- START WITH 50); runs are few and take one value each.
CREATE SEQUENCE reconciliation_run_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE reconciliation_finding_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE reconciliation_run (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    started_by         VARCHAR(100)  NOT NULL,
    started_at         TIMESTAMP(6)  NOT NULL,
    run_state          VARCHAR(20)   NOT NULL,
    finished_at        TIMESTAMP(6),
    records_checked    INTEGER       NOT NULL,
    versions_checked   INTEGER       NOT NULL,
    ledger_records     INTEGER       NOT NULL,
    tamper_findings    INTEGER       NOT NULL,
    not_in_database    INTEGER       NOT NULL,
    error_text         VARCHAR(1000),
    CONSTRAINT ck_reconciliation_run_state CHECK (run_state IN ('RUNNING', 'FINISHED', 'FAILED'))
);
CREATE INDEX ix_reconciliation_run_started ON reconciliation_run (started_at, id);

CREATE TABLE reconciliation_finding (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    run_id             BIGINT        NOT NULL REFERENCES reconciliation_run (id),
    record_key         VARCHAR(200)  NOT NULL,
    version            INTEGER,
    finding_kind       VARCHAR(30)   NOT NULL,
    database_value     VARCHAR(200),
    ledger_value       VARCHAR(200)
);
CREATE INDEX ix_reconciliation_finding_key ON reconciliation_finding (run_id, record_key);
