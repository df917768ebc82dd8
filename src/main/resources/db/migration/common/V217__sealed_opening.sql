-- Sealed bids (issue 25): the bid list says which bids are sealed and where each stands.
ALTER TABLE bid_summary ADD COLUMN sealed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE bid_summary ADD COLUMN status VARCHAR(20);

-- A staff member's opening public key, made in their own browser; the private key never comes here.
CREATE TABLE opening_key (
    username          VARCHAR(100)  NOT NULL PRIMARY KEY,
    msp               VARCHAR(40)   NOT NULL,
    public_role       VARCHAR(60)   NOT NULL,
    public_key_spki   VARCHAR(200)  NOT NULL,
    public_key_sha256 VARCHAR(64)   NOT NULL,
    registered_at     TIMESTAMP(6)  NOT NULL
);
CREATE UNIQUE INDEX ux_opening_key_hash ON opening_key (public_key_sha256);

-- Who lodged each sealed bid, and the salt of the ledger's commitment to them. Kept off the record
-- (and the ledger) until the opening names the supplier.
CREATE TABLE sealed_bid_supplier (
    bid_key       VARCHAR(200)  NOT NULL PRIMARY KEY,
    tender_key    VARCHAR(200)  NOT NULL,
    supplier_id   VARCHAR(40)   NOT NULL,
    supplier_name VARCHAR(200)  NOT NULL,
    supplier_salt VARCHAR(64)   NOT NULL,
    lodged_at     TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_sealed_bid_supplier ON sealed_bid_supplier (tender_key, supplier_id);
