-- Notary register: search projection of notarisations' current versions (number, type, office,
-- date, status, the notarised document's SHA-256) with the uploaded file's name, which stays off
-- the public hashed record; and the yearly serial behind notarisation numbers (2026-000123).
CREATE TABLE notarisation_summary (
    record_key         VARCHAR(200)  NOT NULL PRIMARY KEY,
    notarisation_id    VARCHAR(20)   NOT NULL,
    document_type      VARCHAR(40)   NOT NULL,
    notary_office      VARCHAR(64)   NOT NULL,
    notarised_on       DATE          NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    document_hash      VARCHAR(64)   NOT NULL,
    superseded_by      VARCHAR(20),
    file_name          VARCHAR(255),
    registered_at      TIMESTAMP(6)  NOT NULL,
    current_version    INTEGER       NOT NULL,
    current_version_id BIGINT        NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL
);
CREATE UNIQUE INDEX ux_notarisation_summary_id ON notarisation_summary (notarisation_id);
CREATE INDEX ix_notarisation_summary_hash ON notarisation_summary (document_hash, status);
CREATE INDEX ix_notarisation_summary_registered ON notarisation_summary (registered_at);

CREATE TABLE notary_serial (
    serial_year        INTEGER       NOT NULL PRIMARY KEY,
    last_serial        INTEGER       NOT NULL
);
