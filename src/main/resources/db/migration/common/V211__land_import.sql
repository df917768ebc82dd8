-- Bulk import of existing thrams (land register). One row per uploaded file of an office, found
-- again by its SHA-256 (the same file is the same import: nothing is written twice). Its rows keep
-- their cells as read (JSON array of [column, value]) and their outcome, so registration needs no
-- second upload and a restart resumes after `checkpoint`, the last row whose outcome is final:
-- each chunk stores its titles, its rows' outcomes and the checkpoint in one transaction.
CREATE SEQUENCE land_import_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE land_import (
    id                    BIGINT        NOT NULL PRIMARY KEY,
    content_hash          VARCHAR(64)   NOT NULL,
    file_name             VARCHAR(255)  NOT NULL,
    clerk                 VARCHAR(100)  NOT NULL,
    office                VARCHAR(40)   NOT NULL,
    state                 VARCHAR(20)   NOT NULL,
    rows_read             INTEGER       NOT NULL,
    rows_good             INTEGER       NOT NULL,
    rows_bad              INTEGER       NOT NULL,
    rows_already          INTEGER       NOT NULL,
    rows_registered       INTEGER       NOT NULL,
    checkpoint_row        INTEGER       NOT NULL,
    created_at            TIMESTAMP(6)  NOT NULL,
    updated_at            TIMESTAMP(6)  NOT NULL,
    CONSTRAINT ck_land_import_state CHECK (state IN ('CHECKED', 'REGISTERING', 'FINISHED'))
);
CREATE UNIQUE INDEX ux_land_import_content ON land_import (office, content_hash);
CREATE INDEX ix_land_import_state ON land_import (state);

CREATE TABLE land_import_row (
    import_id             BIGINT        NOT NULL,
    row_no                INTEGER       NOT NULL,
    pin                   VARCHAR(64),
    cells                 VARCHAR(100000) NOT NULL,
    outcome               VARCHAR(20)   NOT NULL,
    errors                VARCHAR(100000) NOT NULL,
    record_key            VARCHAR(200),
    PRIMARY KEY (import_id, row_no),
    CONSTRAINT fk_land_import_row_import FOREIGN KEY (import_id) REFERENCES land_import (id),
    CONSTRAINT ck_land_import_row_outcome CHECK (outcome IN ('GOOD', 'BAD', 'ALREADY_REGISTERED', 'REGISTERED'))
);
CREATE INDEX ix_land_import_row_outcome ON land_import_row (import_id, outcome, row_no);
