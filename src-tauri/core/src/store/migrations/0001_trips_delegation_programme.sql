-- Trips, their delegations and day-by-day programmes, and the app's settings.
-- Times are stored as local wall time plus IANA zone, with the UTC instant for sorting.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE trips (
    id              TEXT PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    direction       TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    partner_place   TEXT NOT NULL DEFAULT '',
    partner_country TEXT NOT NULL DEFAULT '',
    time_zone       TEXT NOT NULL,
    start_date      TEXT NOT NULL,
    end_date        TEXT NOT NULL CHECK (end_date >= start_date),
    purpose         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('idea', 'planning', 'confirmed', 'done', 'cancelled')),
    notes           TEXT NOT NULL DEFAULT '',
    deleted_at      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX trips_by_start ON trips (start_date DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX trips_in_trash ON trips (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE members (
    id               TEXT PRIMARY KEY NOT NULL,
    trip_id          TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    name_latin       TEXT NOT NULL CHECK (length(trim(name_latin)) > 0),
    name_key         TEXT NOT NULL,
    name_original    TEXT NOT NULL DEFAULT '',
    function_title   TEXT NOT NULL DEFAULT '',
    organisation     TEXT NOT NULL DEFAULT '',
    party            TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL CHECK (role IN ('head', 'member', 'interpreter', 'protocol', 'press', 'organiser', 'driver', 'other')),
    precedence       INTEGER NOT NULL,
    email            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    dietary          TEXT NOT NULL DEFAULT '',
    accessibility    TEXT NOT NULL DEFAULT '',
    passport_number  TEXT NOT NULL DEFAULT '',
    date_of_birth    TEXT,
    visa_status      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (trip_id, name_key)
) STRICT;

CREATE INDEX members_by_precedence ON members (trip_id, precedence);

CREATE TABLE programme_items (
    id                 TEXT PRIMARY KEY NOT NULL,
    trip_id            TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK (kind IN ('meeting', 'visit', 'reception', 'ceremony', 'meal', 'transfer', 'flight', 'hotel', 'free_time', 'other')),
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    start_local        TEXT NOT NULL,
    start_zone         TEXT NOT NULL,
    start_utc          TEXT NOT NULL,
    end_local          TEXT NOT NULL,
    end_zone           TEXT NOT NULL,
    end_utc            TEXT NOT NULL,
    place              TEXT NOT NULL DEFAULT '',
    address            TEXT NOT NULL DEFAULT '',
    hosts              TEXT NOT NULL DEFAULT '',
    everyone           INTEGER NOT NULL DEFAULT 1 CHECK (everyone IN (0, 1)),
    notes_participants TEXT NOT NULL DEFAULT '',
    notes_internal     TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;

CREATE INDEX programme_items_by_start ON programme_items (trip_id, start_utc);

CREATE TABLE item_participants (
    item_id   TEXT NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX item_participants_by_member ON item_participants (member_id);
