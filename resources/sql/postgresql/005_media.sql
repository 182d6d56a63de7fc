-- Schema version 5 in PostgreSQL's dialect: see ../005_media.sql. BYTEA for the bytes.

CREATE TABLE media (
    sha256     TEXT PRIMARY KEY,
    mime_type  TEXT NOT NULL,
    byte_size  BIGINT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    file_name  TEXT NOT NULL DEFAULT '',
    data       BYTEA NOT NULL,
    created_at TEXT NOT NULL
)
