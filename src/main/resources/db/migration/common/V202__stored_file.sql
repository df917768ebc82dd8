-- Files in the off-chain file store (infrastructure/files): one row per distinct content, written
-- after the file is on disk at <druk.files.dir>/<aa>/<bb>/<sha256>. Names are not kept here: the
-- records that refer to a file keep them. The hash is the key, so there is no sequence.
CREATE TABLE stored_file (
    sha256          VARCHAR(64)   NOT NULL PRIMARY KEY,
    size_bytes      BIGINT        NOT NULL,
    media_type      VARCHAR(100)  NOT NULL,
    first_stored_at TIMESTAMP(6)  NOT NULL,
    CONSTRAINT ck_stored_file_sha256 CHECK (CHAR_LENGTH(sha256) = 64),
    CONSTRAINT ck_stored_file_size CHECK (size_bytes > 0)
);
