-- The partner's language (issue 15): a trip has a second language, and its title and purpose,
-- and each programme item's title, place, address and notes for participants, a text in that
-- language beside the office's own. Exports print both; the search finds either. A trip to or
-- from China starts with Chinese.
ALTER TABLE trips ADD COLUMN second_language TEXT;
ALTER TABLE trips ADD COLUMN title_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE trips ADD COLUMN purpose_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_items ADD COLUMN title_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_items ADD COLUMN place_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_items ADD COLUMN address_translation TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_items ADD COLUMN notes_translation TEXT NOT NULL DEFAULT '';
UPDATE trips SET second_language = 'zh'
WHERE lower(trim(partner_country)) IN ('china', 'vr china', 'volksrepublik china', 'people''s republic of china', 'prc', '中国');

-- The search reads the translations too; the words already indexed stay as they are, since
-- every translation starts empty.
DROP TRIGGER search_trips_insert;
DROP TRIGGER search_trips_update;
DROP TRIGGER search_trips_delete;
DROP TRIGGER search_programme_items_insert;
DROP TRIGGER search_programme_items_update;
DROP TRIGGER search_programme_items_delete;

CREATE TRIGGER search_trips_insert AFTER INSERT ON trips BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('trip', coalesce(new.start_date, '')) AS slot)),
           'trip', new.id, new.title, search_key(new.title), coalesce(new.start_date, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.partner_place, new.partner_country, new.purpose, new.title_translation, new.purpose_translation), search_terms(new.notes)
    FROM search_records WHERE kind = 'trip' AND record_id = new.id;
END;
CREATE TRIGGER search_trips_update AFTER UPDATE OF title, partner_place, partner_country, purpose, notes, title_translation, purpose_translation, start_date, deleted_at ON trips BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'trip' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'trip' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('trip', coalesce(new.start_date, '')) AS slot)),
           'trip', new.id, new.title, search_key(new.title), coalesce(new.start_date, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.partner_place, new.partner_country, new.purpose, new.title_translation, new.purpose_translation), search_terms(new.notes)
    FROM search_records WHERE kind = 'trip' AND record_id = new.id;
END;
CREATE TRIGGER search_trips_delete AFTER DELETE ON trips BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'trip' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'trip' AND record_id = old.id;
END;
CREATE TRIGGER search_programme_items_insert AFTER INSERT ON programme_items BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('item', coalesce(new.start_utc, '')) AS slot)),
           'item', new.id, new.title, search_key(new.title), coalesce(new.start_utc, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.place, new.address, new.notes_participants, new.title_translation, new.place_translation, new.address_translation, new.notes_translation), search_terms(new.notes_internal)
    FROM search_records WHERE kind = 'item' AND record_id = new.id;
END;
CREATE TRIGGER search_programme_items_update AFTER UPDATE OF title, place, address, notes_participants, notes_internal, title_translation, place_translation, address_translation, notes_translation, start_utc, deleted_at ON programme_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'item' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'item' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('item', coalesce(new.start_utc, '')) AS slot)),
           'item', new.id, new.title, search_key(new.title), coalesce(new.start_utc, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.place, new.address, new.notes_participants, new.title_translation, new.place_translation, new.address_translation, new.notes_translation), search_terms(new.notes_internal)
    FROM search_records WHERE kind = 'item' AND record_id = new.id;
END;
CREATE TRIGGER search_programme_items_delete AFTER DELETE ON programme_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'item' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'item' AND record_id = old.id;
END;
