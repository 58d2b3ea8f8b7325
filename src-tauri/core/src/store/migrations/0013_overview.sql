-- The overview (overview/): its panel of the last changes takes the newest records of each
-- kind from these indexes instead of reading whole tables.
CREATE INDEX trips_by_update ON trips (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX programme_items_by_update ON programme_items (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX people_by_update ON people (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX organisations_by_update ON organisations (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX partnerships_by_update ON partnerships (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX agreements_by_update ON agreements (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX tasks_by_update ON tasks (updated_at) WHERE deleted_at IS NULL;
CREATE INDEX gifts_by_update ON gifts (updated_at) WHERE deleted_at IS NULL;
