-- The partnership register, first part: partnerships, their agreements and the editable
-- list of theme areas; trips link to the partnership they serve.

CREATE TABLE partnerships (
    id               TEXT PRIMARY KEY NOT NULL,
    our_side         TEXT NOT NULL CHECK (length(trim(our_side)) > 0),
    our_side_kind    TEXT NOT NULL CHECK (our_side_kind IN ('city', 'district', 'region', 'agency')),
    partner_place    TEXT NOT NULL CHECK (length(trim(partner_place)) > 0),
    partner_province TEXT NOT NULL DEFAULT '',
    partner_country  TEXT NOT NULL DEFAULT '',
    partner_zone     TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('town_twinning', 'friendship', 'regional_cooperation', 'project_partnership')),
    since            TEXT,
    status           TEXT NOT NULL CHECK (status IN ('prospect', 'active', 'dormant', 'ended')),
    description      TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE INDEX partnerships_by_place ON partnerships (partner_place, our_side);

CREATE TABLE theme_areas (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

INSERT INTO theme_areas (id, name, position, created_at, updated_at) VALUES
    ('0192b3c4-d5e6-7000-8000-000000000000', 'Klimaschutz und Wasserstoff', 1, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000001', 'Bildung und Wissenschaft', 2, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000002', 'Wirtschaft und Handel', 3, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000003', 'Kultur und Kunst', 4, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000004', 'Schule', 5, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000005', 'Medizin und Gesundheit', 6, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000006', 'Tourismus', 7, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z'),
    ('0192b3c4-d5e6-7000-8000-000000000007', 'Grüne Infrastruktur', 8, '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z');

CREATE TABLE agreements (
    id             TEXT PRIMARY KEY NOT NULL,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind           TEXT NOT NULL CHECK (kind IN ('partnership_treaty', 'memorandum', 'cooperation_agreement', 'letter_of_intent', 'other')),
    signed_on      TEXT,
    signed_at      TEXT NOT NULL DEFAULT '',
    valid_from     TEXT,
    valid_until    TEXT,
    notes          TEXT NOT NULL DEFAULT '',
    document_name  TEXT,
    document_file  TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (valid_until IS NULL OR signed_on IS NULL OR valid_until >= signed_on),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
) STRICT;

CREATE INDEX agreements_by_partnership ON agreements (partnership_id, signed_on);
CREATE INDEX agreements_by_expiry ON agreements (valid_until) WHERE valid_until IS NOT NULL;

CREATE TABLE agreement_themes (
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    theme_id     TEXT NOT NULL REFERENCES theme_areas (id) ON DELETE CASCADE,
    PRIMARY KEY (agreement_id, theme_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX agreement_themes_by_theme ON agreement_themes (theme_id);

ALTER TABLE trips ADD COLUMN partnership_id TEXT REFERENCES partnerships (id) ON DELETE SET NULL;
CREATE INDEX trips_by_partnership ON trips (partnership_id, start_date);

CREATE TABLE trip_themes (
    trip_id  TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL REFERENCES theme_areas (id) ON DELETE CASCADE,
    PRIMARY KEY (trip_id, theme_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX trip_themes_by_theme ON trip_themes (theme_id);
