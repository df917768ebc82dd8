-- People named in records (owners, objectors, parties to documents). Owner: portal foundation.
-- Hashed record documents name a person only by commitment = SHA-256 of {"cid","name","salt"}
-- (RFC 8785), so the documents are public; name, CID and salt stay here, never on the ledger.
CREATE TABLE record_party (
    commitment  VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    cid         VARCHAR(11),
    salt        VARCHAR(32)   NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_record_party_cid ON record_party (cid);
