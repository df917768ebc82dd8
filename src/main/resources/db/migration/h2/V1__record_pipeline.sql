-- Record pipeline (all registers): versions, heads, ledger outbox, follower checkpoint.
-- Owner: portal foundation. SEQUENCE ids: INCREMENT BY 50 = allocationSize; EclipseLink takes each
-- value as the END of a block of 50, so the first value must be at least 50 (START WITH 50).
CREATE SEQUENCE record_version_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ledger_outbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE record_version (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    record_key         VARCHAR(200)  NOT NULL,
    kind               VARCHAR(40)   NOT NULL,
    register_code      VARCHAR(20)   NOT NULL,
    version            INTEGER       NOT NULL,
    -- equals version while live (pending/committed), NULL once rejected: one live row per number
    chain_version      INTEGER,
    operation          VARCHAR(60)   NOT NULL,
    chaincode_function VARCHAR(60)   NOT NULL,
    canonical_json     VARCHAR(1000000) NOT NULL,
    hash               VARCHAR(64)   NOT NULL,
    previous_hash      VARCHAR(64),
    submitted_by       VARCHAR(100)  NOT NULL,
    office             VARCHAR(40),
    ledger_state       VARCHAR(20)   NOT NULL,
    rejection_code     VARCHAR(60),
    rejection_reason   VARCHAR(2000),
    tx_id              VARCHAR(128),
    block_number       BIGINT,
    commit_time        TIMESTAMP(6),
    endorsing_msps     VARCHAR(512),
    created_at         TIMESTAMP(6)  NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_record_version_live UNIQUE (record_key, chain_version),
    CONSTRAINT ck_record_version_state CHECK (ledger_state IN ('PENDING', 'COMMITTED', 'REJECTED'))
);
CREATE INDEX ix_record_version_key ON record_version (record_key, version);
CREATE INDEX ix_record_version_hash ON record_version (hash);
CREATE INDEX ix_record_version_submitter ON record_version (submitted_by, id);
CREATE INDEX ix_record_version_state ON record_version (ledger_state, id);

CREATE TABLE record_head (
    record_key         VARCHAR(200)  NOT NULL PRIMARY KEY,
    kind               VARCHAR(40)   NOT NULL,
    register_code      VARCHAR(20)   NOT NULL,
    current_version    INTEGER       NOT NULL,
    current_hash       VARCHAR(64),
    current_version_id BIGINT,
    updated_at         TIMESTAMP(6)  NOT NULL,
    opt_lock           BIGINT        NOT NULL
);

CREATE TABLE ledger_outbox (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    record_version_id  BIGINT        NOT NULL REFERENCES record_version (id),
    record_key         VARCHAR(200)  NOT NULL,
    version            INTEGER       NOT NULL,
    chaincode_function VARCHAR(60)   NOT NULL,
    arguments_json     VARCHAR(1000000) NOT NULL,
    identity_name      VARCHAR(100)  NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    attempts           INTEGER       NOT NULL,
    next_attempt_at    TIMESTAMP(6)  NOT NULL,
    last_error         VARCHAR(2000),
    tx_id              VARCHAR(128),
    created_at         TIMESTAMP(6)  NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uk_ledger_outbox_version UNIQUE (record_version_id),
    CONSTRAINT ck_ledger_outbox_status CHECK (status IN ('DUE', 'DONE', 'CANCELLED'))
);
CREATE INDEX ix_ledger_outbox_due ON ledger_outbox (status, next_attempt_at, id);
CREATE INDEX ix_ledger_outbox_key ON ledger_outbox (record_key, status, version);

CREATE TABLE ledger_checkpoint (
    name               VARCHAR(100)  NOT NULL PRIMARY KEY,
    next_block         BIGINT        NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL
);
