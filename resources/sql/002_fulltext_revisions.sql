-- Schema version 2: full-text search over title and article, and revisions.
-- The trigram tokenizer indexes every three-character window, which is what
-- makes substring search work for Chinese, where words are not separated by
-- spaces. The index is an external-content table kept in step by triggers, so
-- no code path can write a listing and forget the index.

CREATE VIRTUAL TABLE listings_fts USING fts5(
    title, body_text, content = 'listings', content_rowid = 'id', tokenize = 'trigram'
)

CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
    INSERT INTO listings_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
END

CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
    INSERT INTO listings_fts(listings_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
END

CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, body_text ON listings BEGIN
    INSERT INTO listings_fts(listings_fts, rowid, title, body_text)
        VALUES ('delete', old.id, old.title, old.body_text);
    INSERT INTO listings_fts(rowid, title, body_text) VALUES (new.id, new.title, new.body_text);
END

INSERT INTO listings_fts(listings_fts) VALUES ('rebuild')

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL,
    saved_at   TEXT NOT NULL,
    snapshot   TEXT NOT NULL,   -- the listing as interchange JSON
    UNIQUE (listing_id, revision)
)
