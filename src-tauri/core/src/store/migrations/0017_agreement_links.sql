-- Agreements linked into the office's work (issue 15): the trip, and the programme item of that
-- trip, at which an agreement was signed; and the agreement a follow-up task serves. All
-- optional, and blanked when the record they name is deleted for good.
ALTER TABLE agreements ADD COLUMN signed_trip_id TEXT REFERENCES trips (id) ON DELETE SET NULL;
ALTER TABLE agreements ADD COLUMN signed_item_id TEXT REFERENCES programme_items (id) ON DELETE SET NULL;
CREATE INDEX agreements_by_signing_trip ON agreements (signed_trip_id) WHERE signed_trip_id IS NOT NULL;
CREATE INDEX agreements_by_signing_item ON agreements (signed_item_id) WHERE signed_item_id IS NOT NULL;

ALTER TABLE tasks ADD COLUMN agreement_id TEXT REFERENCES agreements (id) ON DELETE SET NULL;
CREATE INDEX tasks_by_agreement ON tasks (agreement_id) WHERE agreement_id IS NOT NULL;
