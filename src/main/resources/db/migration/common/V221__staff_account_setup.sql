-- Issue 26: personal staff accounts. An administrator creates an account and hands its holder a
-- one-time set-up link; the holder chooses a password and enrols a TOTP second factor. Same in H2
-- and PostgreSQL. Accounts seeded before this release keep their password and have no factor yet.
--   agency                  the agency the official works for (a code, like office), optional
--   totp_secret             Base32 TOTP secret, null until enrolled (and after an administrator's reset)
--   totp_last_step          the last 30-second step a code was accepted for: no code is taken twice
--   recovery_code_hashes    SHA-256 hex of each unused recovery code, comma separated (10 at most)
--   setup_token_hash        SHA-256 hex of the outstanding set-up token (the token is never stored)
--   setup_purpose           'account' (password and factor) or 'factor' (a new factor only)
--   setup_expires_at        when the set-up link stops working (24 h after it was made)
ALTER TABLE staff_account ADD COLUMN agency VARCHAR(32);
ALTER TABLE staff_account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE staff_account ADD COLUMN totp_last_step BIGINT;
ALTER TABLE staff_account ADD COLUMN recovery_code_hashes VARCHAR(700);
ALTER TABLE staff_account ADD COLUMN setup_token_hash VARCHAR(64);
ALTER TABLE staff_account ADD COLUMN setup_purpose VARCHAR(16);
ALTER TABLE staff_account ADD COLUMN setup_expires_at TIMESTAMP(6);
ALTER TABLE staff_account ADD CONSTRAINT uk_staff_account_setup_token UNIQUE (setup_token_hash);
ALTER TABLE staff_account ADD CONSTRAINT ck_staff_account_setup CHECK (
    (setup_token_hash IS NULL AND setup_purpose IS NULL AND setup_expires_at IS NULL)
    OR (setup_token_hash IS NOT NULL AND setup_purpose IS NOT NULL AND setup_purpose IN ('account', 'factor')
        AND setup_expires_at IS NOT NULL));
