-- The office's other laptops as this one last heard from them (sharing/): the name they go by,
-- when they last wrote into the folder, and the last file of each laptop they had applied
-- then (a JSON object), which tells this laptop which of its own change files every colleague
-- has taken in and may leave the folder. Kept on this laptop; not shared.
CREATE TABLE sharing_peers (
    device  TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL DEFAULT '',
    seen_at TEXT NOT NULL,
    applied TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(applied))
) STRICT, WITHOUT ROWID;
