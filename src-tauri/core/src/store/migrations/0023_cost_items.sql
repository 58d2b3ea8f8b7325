-- A cost line can name the programme item it is for (the dinner, the interpreter of a talk).
ALTER TABLE cost_lines ADD COLUMN item_id TEXT REFERENCES programme_items (id) ON DELETE SET NULL;

CREATE INDEX cost_lines_by_item ON cost_lines (item_id) WHERE item_id IS NOT NULL;
