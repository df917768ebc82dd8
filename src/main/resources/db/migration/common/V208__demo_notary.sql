-- Notary demo content (application/demo): which notarisation of the demo plan became which record
-- (a notarisation's number is drawn when it is registered), so that the demo revokes and
-- supersedes the right ones, also after a restart. Empty unless the portal ran with
-- druk.demo.content=true. Same in H2 and PostgreSQL.
CREATE TABLE demo_notary (
    plan_ref        VARCHAR(120)    NOT NULL PRIMARY KEY,
    record_key      VARCHAR(200)    NOT NULL,
    created_at      TIMESTAMP(6)    NOT NULL
);
CREATE UNIQUE INDEX ux_demo_notary_record ON demo_notary (record_key);
