-- Procurement register: search projections of tenders' and bids' current versions, the files a
-- tender or a revealed bid makes public, and the yearly serial behind OCIDs and tender numbers.
CREATE TABLE tender_summary (
    record_key         VARCHAR(200)  NOT NULL PRIMARY KEY,
    ocid               VARCHAR(160)  NOT NULL,
    tender_number      VARCHAR(60)   NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    entity_code        VARCHAR(20)   NOT NULL,
    entity_name        VARCHAR(200)  NOT NULL,
    method             VARCHAR(20)   NOT NULL,
    category           VARCHAR(20)   NOT NULL,
    estimated_value    DECIMAL(14, 2) NOT NULL,
    bid_deadline       TIMESTAMP(6)  NOT NULL,
    status             VARCHAR(30)   NOT NULL,
    office             VARCHAR(40)   NOT NULL,
    published_at       TIMESTAMP(6)  NOT NULL,
    current_version    INTEGER       NOT NULL,
    current_version_id BIGINT        NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL
);
CREATE UNIQUE INDEX ux_tender_summary_number ON tender_summary (tender_number);
CREATE INDEX ix_tender_summary_status ON tender_summary (status, bid_deadline);

CREATE TABLE bid_summary (
    record_key         VARCHAR(200)  NOT NULL PRIMARY KEY,
    tender_key         VARCHAR(200)  NOT NULL,
    bid_number         INTEGER       NOT NULL,
    commitment         VARCHAR(64)   NOT NULL,
    channel            VARCHAR(20)   NOT NULL,
    revealed           BOOLEAN       NOT NULL,
    lodged_at          TIMESTAMP(6)  NOT NULL,
    bidder_licence     VARCHAR(40),
    bidder_name        VARCHAR(200),
    amount             DECIMAL(14, 2),
    current_version    INTEGER       NOT NULL,
    current_version_id BIGINT        NOT NULL,
    updated_at         TIMESTAMP(6)  NOT NULL
);
CREATE UNIQUE INDEX ux_bid_summary_number ON bid_summary (tender_key, bid_number);

CREATE TABLE procurement_file (
    sha256             VARCHAR(64)   NOT NULL,
    record_key         VARCHAR(200)  NOT NULL,
    PRIMARY KEY (sha256, record_key)
);

CREATE TABLE procurement_serial (
    serial_year        INTEGER       NOT NULL PRIMARY KEY,
    last_serial        INTEGER       NOT NULL
);
