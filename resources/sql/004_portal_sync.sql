-- Schema version 4: what the library knows about its portals and the posts it
-- made there. One remote post per (listing, portal, city): a listing sent to
-- three city sub-sites is three posts, each with its own id, URL and state.

-- 'plugin', 'plain', or '' until tested
ALTER TABLE portals ADD COLUMN mode TEXT NOT NULL DEFAULT ''

-- the user confirmed http:// to a remote host
ALTER TABLE portals ADD COLUMN allow_plain_http INTEGER NOT NULL DEFAULT 0

-- may we create missing categories and cities there
ALTER TABLE portals ADD COLUMN create_terms INTEGER NOT NULL DEFAULT 1

-- 0 = no limit of the portal's own
ALTER TABLE portals ADD COLUMN title_limit INTEGER NOT NULL DEFAULT 0

ALTER TABLE portals ADD COLUMN body_limit INTEGER NOT NULL DEFAULT 0

-- newest remote modified_gmt seen by a pull (UTC, ISO 8601)
ALTER TABLE portals ADD COLUMN last_pull TEXT

CREATE TABLE remote_posts (
    id              INTEGER PRIMARY KEY,
    listing_id      INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    portal_id       INTEGER NOT NULL REFERENCES portals(id) ON DELETE CASCADE,
    region_code     TEXT NOT NULL,
    client_key      TEXT NOT NULL,               -- idempotency key stored on the portal with the post
    remote_id       INTEGER,                     -- NULL until the portal has created it
    url             TEXT NOT NULL DEFAULT '',
    remote_status   TEXT NOT NULL DEFAULT '',    -- WordPress status: publish, future, draft, trash
    remote_modified TEXT,                        -- modified_gmt last pushed or pulled
    pushed_hash     TEXT NOT NULL DEFAULT '',    -- content hash of the listing as last pushed or pulled
    views           INTEGER,                     -- NULL where the portal does not report views
    state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published',
                        'conflict', 'deleted', 'failed')),
    last_error      TEXT NOT NULL DEFAULT '',
    conflict_remote TEXT NOT NULL DEFAULT '',    -- the portal's version (JSON) while in conflict
    published_at    TEXT,
    synced_at       TEXT,
    UNIQUE (portal_id, listing_id, region_code),
    UNIQUE (portal_id, client_key)
)

CREATE INDEX remote_posts_listing ON remote_posts(listing_id)

CREATE INDEX remote_posts_remote ON remote_posts(portal_id, remote_id)

-- An image is uploaded to a portal once; every later body that shows it
-- refers to the URL the portal gave it.
CREATE TABLE media_uploads (
    sha256      TEXT NOT NULL,
    portal_id   INTEGER NOT NULL REFERENCES portals(id) ON DELETE CASCADE,
    remote_id   INTEGER NOT NULL,
    url         TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (sha256, portal_id)
) WITHOUT ROWID
