-- Parcel lineage (issue 30): one ledger call may write several record versions (a subdivision
-- retires the parent and creates its children in one transaction). The outbox entry belongs to
-- the first version; the others ride on it, named here by their record_version ids, separated by
-- commas, and commit or are rejected with it. Null for every call that writes one version.
ALTER TABLE ledger_outbox ADD COLUMN companion_version_ids VARCHAR(4000);

-- The companions' records, one row each, so that the sender keeps every record's writes in order
-- across joint calls (both lookups by index): a joint call waits for the earlier writes of its
-- companions' records, and a later write of a companion's record (a mortgage on a child) waits for
-- the joint call that creates it.
CREATE TABLE ledger_outbox_companion (
    outbox_id   BIGINT        NOT NULL,
    record_key  VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_ledger_outbox_companion PRIMARY KEY (outbox_id, record_key)
);
CREATE INDEX ix_ledger_outbox_companion_key ON ledger_outbox_companion (record_key);

-- Secrets the portal makes once and keeps with its records, shared by every portal on one
-- database: 'owners-digest' keys the digest of a parcel's owners and shares that the ledger
-- compares (docs/parcel-lineage.md) without learning who they are. Whoever reads this table can
-- read the owners beside it, so it is no weaker kept here than the data it protects.
CREATE TABLE portal_secret (
    name        VARCHAR(60)   NOT NULL PRIMARY KEY,
    secret_hex  VARCHAR(128)  NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL
);
