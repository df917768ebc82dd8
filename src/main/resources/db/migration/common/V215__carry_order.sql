-- Versions carried over to a new ledger (LedgerCarryOver) go in parallel, except within a group whose
-- records name each other (a tender and its bids): there one at a time, in the order they were first
-- committed, so that each meets the ledger state it first met.
ALTER TABLE ledger_outbox ADD COLUMN carry_group VARCHAR(200);
ALTER TABLE ledger_outbox ADD COLUMN carry_at TIMESTAMP(6);
