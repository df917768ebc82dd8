-- What the ledger holds for a version (hash) may differ from the SHA-256 of its document: a sealed
-- bid's first version holds its commitment, a batch anchor a Merkle root. Until now they were equal.
ALTER TABLE record_version ADD COLUMN document_hash VARCHAR(64);
ALTER TABLE record_version ADD COLUMN imprint VARCHAR(30) DEFAULT 'document' NOT NULL;
UPDATE record_version SET document_hash = hash;
ALTER TABLE record_version ALTER COLUMN document_hash SET NOT NULL;
CREATE INDEX ix_record_version_document_hash ON record_version (document_hash);
