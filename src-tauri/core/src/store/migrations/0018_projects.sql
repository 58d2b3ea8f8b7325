-- Projects that outlive a trip (issue 15): the photo exhibition, a school exchange, a
-- competence centre run by several carriers. A project belongs to one or more partnerships
-- and a theme area, has a goal, a status and a period, the people and organisations involved
-- with their role, and links to the trips, programme items and agreements that serve it.
-- Tasks and outcomes are filed under a project; documents can belong to one.
CREATE TABLE projects (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    goal       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'running', 'done', 'dropped')),
    theme_id   TEXT REFERENCES theme_areas (id) ON DELETE SET NULL,
    starts_on  TEXT,
    ends_on    TEXT,
    notes      TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
) STRICT;

CREATE INDEX projects_by_theme ON projects (theme_id) WHERE theme_id IS NOT NULL;
CREATE INDEX projects_in_trash ON projects (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX projects_by_status ON projects (status, starts_on) WHERE deleted_at IS NULL;

CREATE TABLE project_partnerships (
    project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (project_id, partnership_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX project_partnerships_by_partnership ON project_partnerships (partnership_id);

-- Who is involved: a person or an organisation, as carrier, partner or contact.
CREATE TABLE project_participants (
    project_id      TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    person_id       TEXT REFERENCES people (id) ON DELETE CASCADE,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('carrier', 'partner', 'contact')),
    PRIMARY KEY (project_id, position),
    CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
) STRICT, WITHOUT ROWID;

CREATE INDEX project_participants_by_person ON project_participants (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX project_participants_by_organisation ON project_participants (organisation_id)
    WHERE organisation_id IS NOT NULL;

CREATE TABLE project_trips (
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    trip_id    TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, trip_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX project_trips_by_trip ON project_trips (trip_id);

CREATE TABLE project_items (
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL REFERENCES programme_items (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX project_items_by_item ON project_items (item_id);

CREATE TABLE project_agreements (
    project_id   TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, agreement_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX project_agreements_by_agreement ON project_agreements (agreement_id);

ALTER TABLE tasks ADD COLUMN project_id TEXT REFERENCES projects (id) ON DELETE SET NULL;
CREATE INDEX tasks_by_project ON tasks (project_id, due_date) WHERE project_id IS NOT NULL;

ALTER TABLE outcomes ADD COLUMN project_id TEXT REFERENCES projects (id) ON DELETE SET NULL;
CREATE INDEX outcomes_by_project ON outcomes (project_id) WHERE project_id IS NOT NULL;

ALTER TABLE documents ADD COLUMN project_id TEXT REFERENCES projects (id) ON DELETE CASCADE;
CREATE INDEX documents_of_projects ON documents (project_id) WHERE project_id IS NOT NULL;
