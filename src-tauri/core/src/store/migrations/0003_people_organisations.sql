-- The register of people and organisations on both sides, and what links to them:
-- delegation members, programme-item hosts and agreement signatories. The free text the
-- first slice kept for members and hosts is turned into register records by the Rust hook
-- that runs with this migration (see `register::first_slice`).

CREATE TABLE organisations (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_original   TEXT NOT NULL DEFAULT '',
    transliteration TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL CHECK (kind IN ('city_hall', 'government', 'party_committee', 'company', 'university', 'school', 'museum', 'association', 'chamber', 'other')),
    side            TEXT NOT NULL CHECK (side IN ('ours', 'partner')),
    partnership_id  TEXT REFERENCES partnerships (id) ON DELETE SET NULL,
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    search_text     TEXT NOT NULL,
    deleted_at      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX organisations_by_name ON organisations (name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX organisations_by_partnership ON organisations (partnership_id) WHERE partnership_id IS NOT NULL;

CREATE TABLE people (
    id              TEXT PRIMARY KEY NOT NULL,
    name_latin      TEXT NOT NULL CHECK (length(trim(name_latin)) > 0),
    name_original   TEXT NOT NULL DEFAULT '',
    transliteration TEXT NOT NULL DEFAULT '',
    function_title  TEXT NOT NULL DEFAULT '',
    organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    side            TEXT NOT NULL CHECK (side IN ('ours', 'partner')),
    partnership_id  TEXT REFERENCES partnerships (id) ON DELETE SET NULL,
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    languages       TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    search_text     TEXT NOT NULL,
    deleted_at      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX people_by_name ON people (name_latin COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX people_by_organisation ON people (organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX people_by_partnership ON people (partnership_id) WHERE partnership_id IS NOT NULL;

ALTER TABLE members ADD COLUMN person_id TEXT REFERENCES people (id) ON DELETE SET NULL;
CREATE INDEX members_by_person ON members (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE item_hosts (
    item_id         TEXT NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    person_id       TEXT REFERENCES people (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    CHECK ((person_id IS NULL) <> (organisation_id IS NULL)),
    PRIMARY KEY (item_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX item_hosts_by_person ON item_hosts (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX item_hosts_by_organisation ON item_hosts (organisation_id) WHERE organisation_id IS NOT NULL;

CREATE TABLE agreement_signatories (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX agreement_signatories_by_person ON agreement_signatories (person_id);
