-- Schema version 6: the persistent publish queue. One job per
-- (listing, portal, city) and action; it survives quitting and crashing, and
-- the next start of the GUI or the CLI resumes it.

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    portal_id       INTEGER NOT NULL REFERENCES portals(id) ON DELETE CASCADE,
    listing_id      INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    region_code     TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('create', 'update', 'trash')),
    idempotency_key TEXT NOT NULL,
    publish_at      TEXT,
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending',
                        'retrying', 'published', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    remote_id       INTEGER,
    url             TEXT NOT NULL DEFAULT '',
    batch_id        INTEGER NOT NULL DEFAULT 0,
    lease_owner     TEXT NOT NULL DEFAULT '',
    lease_until     TEXT,
    created_at      TEXT NOT NULL,
    finished_at     TEXT
)

-- At most one waiting job per post: queueing it again changes that job.
CREATE UNIQUE INDEX outbox_waiting ON outbox(portal_id, listing_id, region_code)
    WHERE state IN ('queued', 'retrying')

CREATE INDEX outbox_due ON outbox(portal_id, state, next_attempt_at)

CREATE INDEX outbox_batch ON outbox(batch_id)
