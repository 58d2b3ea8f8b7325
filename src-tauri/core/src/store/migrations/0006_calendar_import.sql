-- Calendar imports: an item that came from someone else's calendar file keeps that event's UID,
-- so that importing the same (or an updated) file again updates the item instead of adding it twice.

ALTER TABLE programme_items ADD COLUMN import_uid TEXT;

CREATE UNIQUE INDEX programme_items_by_import_uid ON programme_items (trip_id, import_uid) WHERE import_uid IS NOT NULL;
