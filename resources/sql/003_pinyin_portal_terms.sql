-- Schema version 3: pinyin for categories (so the category picker finds 租房
-- by "zufang" and "zf"), and the map from our categories and regions to a
-- portal's own terms. The portal connection issue fills the map; the pickers
-- already read it to mark what a chosen portal does not accept.

ALTER TABLE categories ADD COLUMN pinyin TEXT NOT NULL DEFAULT ''

CREATE TABLE portals (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL DEFAULT 'wordpress',
    name     TEXT NOT NULL UNIQUE,
    base_url TEXT NOT NULL,
    username TEXT NOT NULL DEFAULT ''     -- the secret lives in the OS keychain, never here
)

CREATE TABLE portal_terms (
    portal_id   INTEGER NOT NULL REFERENCES portals(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('category', 'region')),
    local_key   TEXT NOT NULL,            -- category id or region code
    remote_id   TEXT NOT NULL DEFAULT '', -- the portal's term id; empty until created there
    remote_name TEXT NOT NULL DEFAULT '',
    accepted    INTEGER NOT NULL DEFAULT 1, -- 0: the portal refuses this category or city
    PRIMARY KEY (portal_id, kind, local_key)
) WITHOUT ROWID
