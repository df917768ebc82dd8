-- Verify by hash answers from the portal's own database on every request: a record's own document
-- is found by its document hash as well as by its ledger hash (ix_record_version_hash).
CREATE INDEX ix_record_version_document_hash ON record_version (document_hash);
