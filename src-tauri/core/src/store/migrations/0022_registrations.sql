-- Who takes part beyond the office's own delegation (issue 16, part 2): an outgoing trip opened
-- to participants (companies, associations, schools) with its invitation list, and the guests
-- of a programme item beyond the delegation and its hosts.

-- A trip opened to participants: until when they can register, what they are asked for, and
-- the share of the costs each one pays unless agreed otherwise.
CREATE TABLE trip_invitations (
    trip_id          TEXT PRIMARY KEY NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    deadline         TEXT,
    -- The data asked for, comma-separated: passport_name, organisation, function, contact, dietary.
    asks             TEXT NOT NULL DEFAULT '',
    cost_share_cents INTEGER CHECK (cost_share_cents IS NULL OR cost_share_cents >= 0),
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

-- One invitation or registration: a company invited by name, or a person who registered. The
-- name is spelled as in the passport. A confirmed registration is a member of the delegation.
CREATE TABLE registrations (
    id               TEXT PRIMARY KEY NOT NULL,
    trip_id          TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    status           TEXT NOT NULL CHECK (status IN ('invited', 'registered', 'confirmed', 'declined', 'withdrawn')),
    name_latin       TEXT NOT NULL DEFAULT '',
    name_key         TEXT NOT NULL DEFAULT '',
    name_original    TEXT NOT NULL DEFAULT '',
    organisation     TEXT NOT NULL DEFAULT '',
    function_title   TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    dietary          TEXT NOT NULL DEFAULT '',
    cost_share_cents INTEGER CHECK (cost_share_cents IS NULL OR cost_share_cents >= 0),
    person_id        TEXT REFERENCES people (id) ON DELETE SET NULL,
    organisation_id  TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    member_id        TEXT REFERENCES members (id) ON DELETE SET NULL,
    -- The day the status last changed.
    status_on        TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK (length(trim(name_latin)) > 0 OR length(trim(organisation)) > 0)
) STRICT;

CREATE INDEX registrations_by_trip ON registrations (trip_id, status);
CREATE UNIQUE INDEX registrations_by_name ON registrations (trip_id, name_key)
    WHERE deleted_at IS NULL AND name_key <> '';
CREATE INDEX registrations_by_person ON registrations (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX registrations_by_member ON registrations (member_id) WHERE member_id IS NOT NULL;
CREATE INDEX registrations_by_organisation ON registrations (organisation_id) WHERE organisation_id IS NOT NULL;

-- The guests of a programme item beyond the delegation and its hosts: the firms and people of
-- a symposium or reception on either side, each a person or an organisation of the register.
CREATE TABLE item_guests (
    item_id         TEXT NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    person_id       TEXT REFERENCES people (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    CHECK ((person_id IS NULL) <> (organisation_id IS NULL)),
    PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX item_guests_by_person ON item_guests (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX item_guests_by_organisation ON item_guests (organisation_id) WHERE organisation_id IS NOT NULL;
