-- Calendar exports: every change to a programme item raises its SEQUENCE, and a removed item
-- is remembered with what its calendar event said, so that the next export cancels it in the
-- calendar apps that imported it instead of leaving it there.

ALTER TABLE programme_items ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;

CREATE TABLE removed_items (
    id         TEXT PRIMARY KEY NOT NULL,
    trip_id    TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    start_local TEXT NOT NULL,
    start_zone TEXT NOT NULL,
    start_utc  TEXT NOT NULL,
    end_local  TEXT NOT NULL,
    end_zone   TEXT NOT NULL,
    end_utc    TEXT NOT NULL,
    everyone   INTEGER NOT NULL CHECK (everyone IN (0, 1)),
    -- The members who took part, as a JSON array of IDs, for their own calendars.
    member_ids TEXT NOT NULL DEFAULT '[]',
    sequence   INTEGER NOT NULL,
    removed_at TEXT NOT NULL
) STRICT;

CREATE INDEX removed_items_by_trip ON removed_items (trip_id);
