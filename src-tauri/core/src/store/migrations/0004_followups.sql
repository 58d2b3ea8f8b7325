-- Follow-ups: what was agreed at programme items (outcomes), the tasks a visit leaves behind
-- with their checklists, links and reminders, the trips' preparation checklists drawn from
-- versioned templates, and the gifts register.

CREATE TABLE outcomes (
    id         TEXT PRIMARY KEY NOT NULL,
    item_id    TEXT NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX outcomes_by_item ON outcomes (item_id, position);

CREATE TABLE outcome_people (
    outcome_id TEXT NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (outcome_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX outcome_people_by_person ON outcome_people (person_id);

CREATE TABLE tasks (
    id              TEXT PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description     TEXT NOT NULL DEFAULT '',
    owner_id        TEXT REFERENCES people (id) ON DELETE SET NULL,
    due_date        TEXT,
    priority        TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high')),
    status          TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting', 'done', 'dropped')),
    trip_id         TEXT REFERENCES trips (id) ON DELETE SET NULL,
    item_id         TEXT REFERENCES programme_items (id) ON DELETE SET NULL,
    outcome_id      TEXT REFERENCES outcomes (id) ON DELETE SET NULL,
    partnership_id  TEXT REFERENCES partnerships (id) ON DELETE SET NULL,
    theme_id        TEXT REFERENCES theme_areas (id) ON DELETE SET NULL,
    closed_at       TEXT,
    deleted_at      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX tasks_by_due ON tasks (due_date, id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_open_by_due ON tasks (due_date, id)
    WHERE deleted_at IS NULL AND status IN ('open', 'in_progress', 'waiting');
CREATE INDEX tasks_by_owner ON tasks (owner_id, due_date) WHERE owner_id IS NOT NULL;
CREATE INDEX tasks_by_trip ON tasks (trip_id, due_date) WHERE trip_id IS NOT NULL;
CREATE INDEX tasks_by_item ON tasks (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX tasks_by_outcome ON tasks (outcome_id) WHERE outcome_id IS NOT NULL;
CREATE INDEX tasks_by_partnership ON tasks (partnership_id, due_date) WHERE partnership_id IS NOT NULL;
CREATE INDEX tasks_by_theme ON tasks (theme_id, due_date) WHERE theme_id IS NOT NULL;
CREATE INDEX tasks_in_trash ON tasks (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE task_people (
    task_id   TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (task_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX task_people_by_person ON task_people (person_id);

-- One row per task and office day on which the app has shown a reminder for it.
CREATE TABLE task_reminders (
    task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    day     TEXT NOT NULL,
    shown_at TEXT NOT NULL,
    PRIMARY KEY (task_id, day)
) STRICT, WITHOUT ROWID;

-- The steps of a task's checklist and of a trip's preparation checklist.
CREATE TABLE checklist_steps (
    id         TEXT PRIMARY KEY NOT NULL,
    task_id    TEXT REFERENCES tasks (id) ON DELETE CASCADE,
    trip_id    TEXT REFERENCES trips (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    done_at    TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((task_id IS NULL) <> (trip_id IS NULL))
) STRICT;

CREATE INDEX checklist_steps_of_task ON checklist_steps (task_id, position) WHERE task_id IS NOT NULL;
CREATE INDEX checklist_steps_of_trip ON checklist_steps (trip_id, position) WHERE trip_id IS NOT NULL;

-- The preparation templates, one per direction. Every saved change raises the version; a
-- trip keeps the steps (and the version) it was given, so editing never touches past trips.
CREATE TABLE checklist_templates (
    direction  TEXT PRIMARY KEY NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    version    INTEGER NOT NULL CHECK (version > 0),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE checklist_template_steps (
    direction TEXT NOT NULL REFERENCES checklist_templates (direction) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
    PRIMARY KEY (direction, position)
) STRICT, WITHOUT ROWID;

INSERT INTO checklist_templates (direction, version, updated_at) VALUES
    ('outgoing', 1, '2026-11-21T00:00:00.000Z'),
    ('incoming', 1, '2026-11-21T00:00:00.000Z');

INSERT INTO checklist_template_steps (direction, position, text) VALUES
    ('outgoing', 1, 'Einladungsschreiben der Partnerseite liegt vor'),
    ('outgoing', 2, 'Reise durch Gremium bzw. Verwaltungsspitze genehmigt'),
    ('outgoing', 3, 'Visa beantragt'),
    ('outgoing', 4, 'Flüge gebucht'),
    ('outgoing', 5, 'Hotel gebucht'),
    ('outgoing', 6, 'Dolmetscher gebucht'),
    ('outgoing', 7, 'Gastgeschenke ausgewählt'),
    ('outgoing', 8, 'Programm an die Delegation versandt'),
    ('outgoing', 9, 'Pressemitteilung abgestimmt'),
    ('outgoing', 10, 'Reisekostenabrechnung vorbereitet'),
    ('incoming', 1, 'Einladungsschreiben versandt'),
    ('incoming', 2, 'Visa-Einladung für die Gäste ausgestellt'),
    ('incoming', 3, 'Hotel für die Gäste gebucht'),
    ('incoming', 4, 'Transfers und Fahrdienst organisiert'),
    ('incoming', 5, 'Dolmetscher gebucht'),
    ('incoming', 6, 'Empfang und Eintrag ins Goldene Buch vorbereitet'),
    ('incoming', 7, 'Gastgeschenke ausgewählt'),
    ('incoming', 8, 'Programm an die Beteiligten versandt'),
    ('incoming', 9, 'Pressemitteilung abgestimmt');

-- The template version a trip's checklist was drawn from. Trips already kept get theirs from
-- the Rust hook that runs with this migration (`checklists::templates::migrate`).
ALTER TABLE trips ADD COLUMN checklist_version INTEGER;

-- Gifts given and received on trips, as public officials must record them.
CREATE TABLE gifts (
    id                        TEXT PRIMARY KEY NOT NULL,
    trip_id                   TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
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
    kept_at                   TEXT NOT NULL DEFAULT '',
    notes                     TEXT NOT NULL DEFAULT '',
    deleted_at                TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL,
    CHECK (giver_person_id IS NULL OR giver_organisation_id IS NULL),
    CHECK (recipient_person_id IS NULL OR recipient_organisation_id IS NULL)
) STRICT;

CREATE INDEX gifts_by_trip ON gifts (trip_id, given_on);
CREATE INDEX gifts_by_date ON gifts (given_on, id) WHERE deleted_at IS NULL;
CREATE INDEX gifts_by_giver ON gifts (giver_person_id) WHERE giver_person_id IS NOT NULL;
CREATE INDEX gifts_by_recipient ON gifts (recipient_person_id) WHERE recipient_person_id IS NOT NULL;
CREATE INDEX gifts_in_trash ON gifts (deleted_at) WHERE deleted_at IS NOT NULL;

-- Adding a delegation member or a host line matches the typed name to the register by its
-- folded name, the start of `search_text`.
CREATE INDEX people_by_search_text ON people (search_text) WHERE deleted_at IS NULL;
CREATE INDEX organisations_by_search_text ON organisations (search_text) WHERE deleted_at IS NULL;
