-- Procurement demo content (application/demo): which tender or bid of the demo plan became which
-- record (a tender's OCID is drawn when it is published), and the sealed-bid file of each demo bid,
-- which the demo keeps, as its invented bidders would, to reveal the bid after the deadline, also
-- after a restart. Real bidders' files never reach the portal before the reveal. Empty unless the
-- portal ran with druk.demo.content=true. Same in H2 and PostgreSQL.
CREATE TABLE demo_procurement (
    plan_ref        VARCHAR(120)    NOT NULL PRIMARY KEY,
    record_key      VARCHAR(200)    NOT NULL,
    sealed_bid_file VARCHAR(262144),
    created_at      TIMESTAMP(6)    NOT NULL
);
CREATE UNIQUE INDEX ux_demo_procurement_record ON demo_procurement (record_key);
