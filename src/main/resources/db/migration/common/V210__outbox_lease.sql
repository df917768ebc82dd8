-- The pipelined ledger submitter claims due outbox rows with a lease (FOR UPDATE SKIP LOCKED), so two
-- portal instances on one database never send the same row, and stores each transaction's id
-- before sending it.
ALTER TABLE ledger_outbox ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE ledger_outbox ADD COLUMN lease_until TIMESTAMP(6);
CREATE INDEX ix_ledger_outbox_tx ON ledger_outbox (tx_id);
