-- Notary register, Merkle batches: documents queued for a batch anchor, in queue order (id). A document is waiting while
-- anchor_key is null; the cutter assigns up to N waiting documents of one clerk to a new anchor
-- (its leaf_index = position in the batch) in the same transaction that stores the anchor's record
-- version and outbox entry, so a document is in at most one live anchor. If the ledger refuses the
-- anchor, its documents wait again. The single row of notary_batch_lock serialises cutters (two
-- portals on one database never cut the same documents).
CREATE SEQUENCE notary_batch_item_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE notary_batch_item (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    document_hash      VARCHAR(64)   NOT NULL,
    queued_by          VARCHAR(64)   NOT NULL,
    office             VARCHAR(64)   NOT NULL,
    queued_at          TIMESTAMP(6)  NOT NULL,
    anchor_key         VARCHAR(200),
    leaf_index         INTEGER
);
CREATE UNIQUE INDEX ux_notary_batch_item_hash ON notary_batch_item (document_hash);
CREATE INDEX ix_notary_batch_item_anchor ON notary_batch_item (anchor_key, id);

CREATE TABLE notary_batch_lock (
    id                 INTEGER       NOT NULL PRIMARY KEY
);
INSERT INTO notary_batch_lock (id) VALUES (1);
