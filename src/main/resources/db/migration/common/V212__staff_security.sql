-- Failed sign-ins per subject ("name:<sha256 of user name>@<client>" or "client:<client>"), shared by
-- every portal instance on this database (SignInThrottle).
CREATE TABLE sign_in_strike (
    subject       VARCHAR(160)  NOT NULL PRIMARY KEY,
    failures      INTEGER       NOT NULL,
    first_at      TIMESTAMP(6)  NOT NULL,
    locked_until  TIMESTAMP(6)
);

-- Append-only log of staff actions (sign-ins and their failures, writes, downloads of documents with
-- full personal data), read by inspectors. The portal only ever inserts into it.
-- EclipseLink reads NEXT VALUE as the LAST id of a 50-block, so the sequence starts at 50.
CREATE SEQUENCE staff_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE staff_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    happened_at TIMESTAMP(6)  NOT NULL,
    kind        VARCHAR(24)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    client      VARCHAR(64),
    subject     VARCHAR(200),
    detail      VARCHAR(300)
);
CREATE INDEX ix_staff_event_at ON staff_event (happened_at);
CREATE INDEX ix_staff_event_actor ON staff_event (actor, happened_at);
