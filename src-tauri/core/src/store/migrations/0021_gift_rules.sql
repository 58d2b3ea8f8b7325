-- Gifts within the rules (issue 16, part 3): the office's value limit for gifts its staff
-- receive, the decision a received gift above it needs, which gifts the office publishes, and
-- gifts that stand without a trip.

-- One row for the office, the same on every laptop until an officer changes it (the fixed
-- stamp lets two laptops that never met agree on it).
CREATE TABLE gift_rules (
    id          TEXT PRIMARY KEY NOT NULL CHECK (id = 'office'),
    limit_cents INTEGER NOT NULL CHECK (limit_cents >= 0),
    decided_by  TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL
) STRICT;

INSERT INTO gift_rules (id, limit_cents, decided_by, updated_at) VALUES ('office', 2500, '', '1970-01-01T00:00:00.000Z');

-- Gifts rebuilt (SQLite cannot loosen a column): a gift may stand without a trip, given for a
-- partnership (the "Glückspavillon" Jinhua gave Düren for the tenth anniversary) or an occasion.
-- New: its value in euro cents at the rate of its day (`per_euro` kept with it; NULL while no
-- value or no rate is known), what became of a received gift above the limit, who decided and
-- when, and whether the office publishes it on the year's list.
CREATE TABLE gifts_rebuilt (
    id                        TEXT PRIMARY KEY NOT NULL,
    trip_id                   TEXT REFERENCES trips (id) ON DELETE CASCADE,
    partnership_id            TEXT REFERENCES partnerships (id) ON DELETE SET NULL,
    direction                 TEXT NOT NULL CHECK (direction IN ('given', 'received')),
    description               TEXT NOT NULL CHECK (length(trim(description)) > 0),
    giver_person_id           TEXT REFERENCES people (id) ON DELETE SET NULL,
    giver_organisation_id     TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    recipient_person_id       TEXT REFERENCES people (id) ON DELETE SET NULL,
    recipient_organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    occasion                  TEXT NOT NULL DEFAULT '',
    given_on                  TEXT NOT NULL,
    value_minor               INTEGER CHECK (value_minor IS NULL OR value_minor >= 0),
    currency                  TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
    value_cents               INTEGER CHECK (value_cents IS NULL OR value_cents >= 0),
    per_euro                  TEXT,
    kept_at                   TEXT NOT NULL DEFAULT '',
    notes                     TEXT NOT NULL DEFAULT '',
    decision                  TEXT CHECK (decision IS NULL
                                  OR decision IN ('kept_by_office', 'museum', 'bought_back', 'returned', 'donated')),
    decided_by                TEXT NOT NULL DEFAULT '',
    decided_on                TEXT,
    published                 INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    deleted_at                TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    CHECK (giver_person_id IS NULL OR giver_organisation_id IS NULL),
    CHECK (recipient_person_id IS NULL OR recipient_organisation_id IS NULL)
) STRICT;

INSERT INTO gifts_rebuilt (id, trip_id, direction, description, giver_person_id, giver_organisation_id,
    recipient_person_id, recipient_organisation_id, occasion, given_on, value_minor, currency, value_cents, kept_at,
    notes, deleted_at, created_at, updated_at)
SELECT id, trip_id, direction, description, giver_person_id, giver_organisation_id, recipient_person_id,
    recipient_organisation_id, occasion, given_on, value_minor, currency,
    CASE currency WHEN 'EUR' THEN value_minor END, kept_at, notes, deleted_at, created_at, updated_at
FROM gifts;

DROP TABLE gifts;
ALTER TABLE gifts_rebuilt RENAME TO gifts;

CREATE INDEX gifts_by_trip ON gifts (trip_id, given_on);
CREATE INDEX gifts_by_partnership ON gifts (partnership_id) WHERE partnership_id IS NOT NULL;
CREATE INDEX gifts_by_date ON gifts (given_on, id) WHERE deleted_at IS NULL;
CREATE INDEX gifts_by_giver ON gifts (giver_person_id) WHERE giver_person_id IS NOT NULL;
CREATE INDEX gifts_by_recipient ON gifts (recipient_person_id) WHERE recipient_person_id IS NOT NULL;
CREATE INDEX gifts_in_trash ON gifts (deleted_at) WHERE deleted_at IS NOT NULL;

-- The search triggers of migration 0012, which went with the old table.
CREATE TRIGGER search_gifts_insert AFTER INSERT ON gifts BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('gift', coalesce(new.given_on, '')) AS slot)),
           'gift', new.id, new.description, search_key(new.description), coalesce(new.given_on, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.description, new.occasion, new.kept_at), search_terms(new.notes)
    FROM search_records WHERE kind = 'gift' AND record_id = new.id;
END;
CREATE TRIGGER search_gifts_update AFTER UPDATE OF description, occasion, kept_at, notes, given_on, deleted_at ON gifts BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'gift' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'gift' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('gift', coalesce(new.given_on, '')) AS slot)),
           'gift', new.id, new.description, search_key(new.description), coalesce(new.given_on, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.description, new.occasion, new.kept_at), search_terms(new.notes)
    FROM search_records WHERE kind = 'gift' AND record_id = new.id;
END;
CREATE TRIGGER search_gifts_delete AFTER DELETE ON gifts BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'gift' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'gift' AND record_id = old.id;
END;

CREATE INDEX gifts_received_by_date ON gifts (given_on) WHERE direction = 'received' AND deleted_at IS NULL;
