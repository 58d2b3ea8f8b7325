-- Where an agreement was signed (issue 15): the trip, and the programme item of that trip, at
-- which it was signed; both optional, and blanked when the trip or item is deleted for good.
ALTER TABLE agreements ADD COLUMN signed_trip_id TEXT REFERENCES trips (id) ON DELETE SET NULL;
ALTER TABLE agreements ADD COLUMN signed_item_id TEXT REFERENCES programme_items (id) ON DELETE SET NULL;
CREATE INDEX agreements_by_signing_trip ON agreements (signed_trip_id) WHERE signed_trip_id IS NOT NULL;
CREATE INDEX agreements_by_signing_item ON agreements (signed_item_id) WHERE signed_item_id IS NOT NULL;
