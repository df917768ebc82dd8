-- Supplier accounts (issue 25): the businesses that may bid, one bid each per tender. They sign in on
-- the staff login page with the group "supplier", never as staff. The registration number (CDB or
-- trade licence number) and business name become public at a tender's opening; the contact person,
-- e-mail and telephone are personal data and stay in this table only. Passwords are PBKDF2 hashes as
-- in staff_account. The id is a random UUID made by the portal, so no sequence.
CREATE TABLE supplier_account (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    registration_number VARCHAR(40)   NOT NULL,
    business_name       VARCHAR(200)  NOT NULL,
    contact_person      VARCHAR(200)  NOT NULL,
    email               VARCHAR(254)  NOT NULL,
    phone               VARCHAR(24)   NOT NULL,
    username            VARCHAR(64)   NOT NULL,
    password_hash       VARCHAR(512)  NOT NULL,
    enabled             BOOLEAN       NOT NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT uk_supplier_account_registration UNIQUE (registration_number),
    CONSTRAINT uk_supplier_account_username UNIQUE (username)
);
