-- The procurement demo's opening key holders (application/demo/DemoKeyHolders). The demo publishes
-- each demo tender to holders it invents, with P-256 key pairs it makes itself, and plays them:
-- after the deadline it decrypts their shares and posts them as the demo staff of each holder's
-- organisation. Their private keys are kept here and nowhere else (never in opening_key: no staff
-- member holds them), only until the demo has opened the tender's bids, or cancelled the tender.
-- Empty unless the portal ran with druk.demo.content=true. Same in H2 and PostgreSQL.
CREATE TABLE demo_opening_key (
    tender_key        VARCHAR(200)  NOT NULL,
    holder_index      INTEGER       NOT NULL,
    public_key_spki   VARCHAR(200)  NOT NULL,
    private_key_pkcs8 VARCHAR(400)  NOT NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (tender_key, holder_index)
);

-- The demo's bidders no longer keep sealed-bid files to reveal: they seal to the holders like any
-- supplier, and nobody reveals.
ALTER TABLE demo_procurement DROP COLUMN sealed_bid_file;
