-- The annual reports written (issue 17): the choices each was written with, so that it can be
-- written again from the same data and choices.
CREATE TABLE reports (
    id             TEXT PRIMARY KEY NOT NULL,
    year           INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    partnership_id TEXT REFERENCES partnerships (id) ON DELETE SET NULL,
    foreword       TEXT NOT NULL DEFAULT '',
    -- The partnerships left out, as a JSON array of IDs.
    left_out       TEXT NOT NULL DEFAULT '[]',
    format         TEXT NOT NULL,
    language       TEXT NOT NULL CHECK (language IN ('de', 'en')),
    written_at     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE INDEX reports_by_year ON reports (year, written_at);
