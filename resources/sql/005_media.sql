-- Schema version 5: images of articles, stored in the library by content.
-- Bodies refer to them as "ldmedia:<sha256>" until they are uploaded to a
-- portal; the same picture inserted twice is stored once. The original bytes
-- are kept (display scaling happens in memory only).

CREATE TABLE media (
    sha256     TEXT PRIMARY KEY,          -- lower-case hex of the bytes
    mime_type  TEXT NOT NULL,             -- image/png, image/jpeg, …
    byte_size  INTEGER NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    file_name  TEXT NOT NULL DEFAULT '',  -- where it came from, for the user; may be empty
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL              -- ISO 8601, UTC
) WITHOUT ROWID
