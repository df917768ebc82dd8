-- Staff user accounts for sign-in (web layer). Owner: web engineer. Passwords are PBKDF2 hashes.
-- EclipseLink reads NEXT VALUE as the LAST id of a 50-block, so the sequence starts at 50 (START WITH 1 → EclipseLink-7027).
CREATE SEQUENCE staff_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE staff_account (
    id              BIGINT        NOT NULL PRIMARY KEY,
    username        VARCHAR(64)   NOT NULL,
    display_name    VARCHAR(200)  NOT NULL,
    password_hash   VARCHAR(512)  NOT NULL,
    role            VARCHAR(16)   NOT NULL,
    register_code   VARCHAR(16),
    office          VARCHAR(32),
    enabled         BOOLEAN       NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    last_sign_in_at TIMESTAMP(6),
    row_version     BIGINT        NOT NULL,
    CONSTRAINT uk_staff_account_username UNIQUE (username),
    CONSTRAINT ck_staff_account_role CHECK (role IN ('clerk', 'inspector', 'admin')),
    CONSTRAINT ck_staff_account_register CHECK (
        (role = 'clerk' AND register_code IN ('land', 'procurement', 'notary') AND office IS NOT NULL)
        OR (role <> 'clerk' AND register_code IS NULL))
);
