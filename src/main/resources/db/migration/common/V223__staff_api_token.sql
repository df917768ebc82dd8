-- Personal API tokens of staff (ASVS 3.5.2): the REST API's sign-in for accounts whose page
-- sign-in needs a second factor, which HTTP Basic cannot carry. Same in H2 and PostgreSQL.
--   id                a random UUID, what pages and the activity log name a token by
--   owner             the staff user name the token signs in as
--   name              what its holder made it for
--   token_hash        SHA-256 hex of the token's value (the value itself is shown once, never stored)
--   credential_stamp  the account's credential stamp when the token was made: the token signs in only
--                     while the account, enabled, still has it (no new password, role or factor reset)
--   last_used_at      noted at most once a minute per token
--   revoked_at        when its holder revoked it; null while it is not revoked
CREATE TABLE staff_api_token (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner             VARCHAR(64)   NOT NULL,
    name              VARCHAR(100)  NOT NULL,
    token_hash        VARCHAR(64)   NOT NULL,
    credential_stamp  VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    expires_at        TIMESTAMP(6)  NOT NULL,
    last_used_at      TIMESTAMP(6),
    revoked_at        TIMESTAMP(6),
    CONSTRAINT uk_staff_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_staff_api_token_owner FOREIGN KEY (owner) REFERENCES staff_account (username),
    CONSTRAINT ck_staff_api_token_expiry CHECK (expires_at > created_at)
);
CREATE INDEX ix_staff_api_token_owner ON staff_api_token (owner, created_at);
