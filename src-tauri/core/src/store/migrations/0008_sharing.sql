-- Sharing through an office folder (sharing/): what this laptop has taken in, and every rule
-- the merge applied. Both stay on this laptop; neither is shared.

-- The change files of other laptops applied here, by laptop and sequence number.
CREATE TABLE sharing_applied (
    device     TEXT NOT NULL,
    sequence   INTEGER NOT NULL CHECK (sequence > 0),
    applied_at TEXT NOT NULL,
    PRIMARY KEY (device, sequence)
) STRICT, WITHOUT ROWID;

-- A value that lost when two laptops changed the same field, or a change a rule set aside
-- (an edit to a record deleted elsewhere, a record whose parent is gone, a name used twice).
CREATE TABLE sharing_conflicts (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('concurrent_edit', 'edit_of_deleted', 'orphan', 'name_clash')),
    table_name  TEXT NOT NULL,
    -- The record's primary key as a JSON array.
    row_key     TEXT NOT NULL,
    column_name TEXT NOT NULL DEFAULT '',
    -- Values as JSON.
    kept_value  TEXT NOT NULL DEFAULT 'null',
    lost_value  TEXT NOT NULL DEFAULT 'null',
    -- The laptop whose value lost, by name, and when that value was made.
    lost_by     TEXT NOT NULL DEFAULT '',
    lost_at     TEXT,
    recorded_at TEXT NOT NULL,
    resolved_at TEXT
) STRICT;
CREATE INDEX sharing_conflicts_open ON sharing_conflicts (recorded_at) WHERE resolved_at IS NULL;
