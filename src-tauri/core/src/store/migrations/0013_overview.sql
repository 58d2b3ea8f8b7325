-- The overview (overview/): its panel of the last changes takes the newest records of each
-- kind from these indexes instead of reading whole tables. They hold the trash too: an index
-- limited to the records outside it would be taken for every list that leaves the trash out.
CREATE INDEX trips_by_update ON trips (updated_at);
CREATE INDEX programme_items_by_update ON programme_items (updated_at);
CREATE INDEX people_by_update ON people (updated_at);
CREATE INDEX organisations_by_update ON organisations (updated_at);
CREATE INDEX partnerships_by_update ON partnerships (updated_at);
CREATE INDEX agreements_by_update ON agreements (updated_at);
CREATE INDEX tasks_by_update ON tasks (updated_at);
CREATE INDEX gifts_by_update ON gifts (updated_at);
