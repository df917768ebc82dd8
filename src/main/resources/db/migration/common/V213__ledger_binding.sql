-- The ledger this database belongs to (LedgerBindingGuard): the channel and its genesis block hash,
-- recorded on the first start and on every rebind an operator orders; the newest row is the binding.
-- Rows are only ever added, so the history of bindings stays with the data.
CREATE SEQUENCE ledger_binding_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ledger_binding (
    id            BIGINT        NOT NULL PRIMARY KEY,
    channel       VARCHAR(250)  NOT NULL,
    genesis_hash  VARCHAR(64)   NOT NULL,
    bound_at      TIMESTAMP(6)  NOT NULL,
    bound_by      VARCHAR(100)  NOT NULL,
    reason        VARCHAR(500)  NOT NULL
);
