-- Every deletion goes through the trash: programme items, delegation members, agreements,
-- outcomes and checklist steps are now marked as deleted, like trips and people before them,
-- and only leave the database when the trash is emptied.

ALTER TABLE programme_items ADD COLUMN deleted_at TEXT;
ALTER TABLE members ADD COLUMN deleted_at TEXT;
ALTER TABLE agreements ADD COLUMN deleted_at TEXT;
ALTER TABLE outcomes ADD COLUMN deleted_at TEXT;
ALTER TABLE checklist_steps ADD COLUMN deleted_at TEXT;

CREATE INDEX programme_items_in_trash ON programme_items (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX members_in_trash ON members (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX agreements_in_trash ON agreements (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX outcomes_in_trash ON outcomes (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX checklist_steps_in_trash ON checklist_steps (deleted_at) WHERE deleted_at IS NOT NULL;
