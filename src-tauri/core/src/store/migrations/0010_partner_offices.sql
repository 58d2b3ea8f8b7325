-- Sharing with a partner office (sharing/partner_offices.rs): a folder of its own per partner
-- office (the Kreis for the Stadt, say), carrying only the trips and partnerships this laptop
-- marks as shared with it. Both tables stay on this laptop; neither is shared.

-- A partner office this laptop shares with: its name, the folder, the key derived from the
-- passphrase the two offices agreed on, this laptop's ID in that folder and the name it goes
-- by there.
CREATE TABLE partner_offices (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    folder     TEXT NOT NULL CHECK (length(trim(folder)) > 0),
    office_key TEXT NOT NULL,
    device     TEXT NOT NULL UNIQUE,
    our_name   TEXT NOT NULL CHECK (length(trim(our_name)) > 0),
    created_at TEXT NOT NULL
) STRICT;

-- What is shared with a partner office: a trip (with its programme and delegation) or a
-- partnership (with its agreements), and the register records they link to.
CREATE TABLE partner_office_shares (
    office_id      TEXT NOT NULL REFERENCES partner_offices (id) ON DELETE CASCADE,
    trip_id        TEXT REFERENCES trips (id) ON DELETE CASCADE,
    partnership_id TEXT REFERENCES partnerships (id) ON DELETE CASCADE,
    shared_at      TEXT NOT NULL,
    CHECK ((trip_id IS NULL) <> (partnership_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX partner_office_shares_trip ON partner_office_shares (office_id, trip_id) WHERE trip_id IS NOT NULL;
CREATE UNIQUE INDEX partner_office_shares_partnership ON partner_office_shares (office_id, partnership_id)
    WHERE partnership_id IS NOT NULL;
CREATE INDEX partner_office_shares_by_trip ON partner_office_shares (trip_id) WHERE trip_id IS NOT NULL;
CREATE INDEX partner_office_shares_by_partnership ON partner_office_shares (partnership_id) WHERE partnership_id IS NOT NULL;

-- Which folder a change file came through: '' for the office's own, else the partner office.
ALTER TABLE sharing_applied ADD COLUMN channel TEXT NOT NULL DEFAULT '';
