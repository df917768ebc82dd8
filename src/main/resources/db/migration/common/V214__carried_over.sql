-- A version carried over to the ledger the database was bound to (LedgerCarryOver) keeps where it
-- was first committed: the earlier ledger's genesis block hash, that transaction and its time.
ALTER TABLE record_version ADD COLUMN carried_from_ledger VARCHAR(64);
ALTER TABLE record_version ADD COLUMN first_tx_id VARCHAR(128);
ALTER TABLE record_version ADD COLUMN first_commit_time TIMESTAMP(6);
