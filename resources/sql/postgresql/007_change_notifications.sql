-- Schema version 7 in PostgreSQL's dialect: every committed change to listings is
-- announced on the channel listingdesk_listings, so that the other editors of a team
-- library see it within a moment (LibraryChangeWatcher LISTENs). The payload is
-- "u:<id>,<id>..." for updated rows (content, status, trash) and "*" for rows added
-- or removed, or for more rows than fit a notification; then views re-read their query.
-- Statement triggers with transition tables send one notification per statement, not
-- one per row: an import of 100,000 listings sends one. A statement that changed no
-- row (a save that lost the race) sends none. PostgreSQL sends notifications only on
-- commit and folds identical ones of one transaction together.
-- No blank lines inside the function: migration files hold one statement per paragraph.

CREATE FUNCTION listingdesk_notify_listings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed_count bigint;
    payload text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO changed_count FROM old_rows;
    ELSE
        SELECT count(*) INTO changed_count FROM new_rows;
    END IF;
    IF changed_count = 0 THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND changed_count <= 500 THEN
        SELECT 'u:' || string_agg(id::text, ',') INTO payload FROM new_rows;
    ELSE
        payload := '*';
    END IF;
    PERFORM pg_notify('listingdesk_listings', payload);
    RETURN NULL;
END
$$

CREATE TRIGGER listings_notify_insert AFTER INSERT ON listings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION listingdesk_notify_listings()

CREATE TRIGGER listings_notify_update AFTER UPDATE ON listings
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION listingdesk_notify_listings()

CREATE TRIGGER listings_notify_delete AFTER DELETE ON listings
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION listingdesk_notify_listings()
