-- The office-wide search, reordered for speed at twenty years (search/). Migration 0011's
-- index made every search join and sort all its matches: a single letter matched forty
-- thousand records and took 60 ms. Now a record's row number says its kind and its date
-- (`search_slot`, names/search_terms.rs), so the full-text index hands out the matches of one
-- kind newest first without a sort, and "starts with" comes from an index on the folded
-- titles. Records in the trash are no longer indexed at all: they are never found, and their
-- words leave the index when they are trashed. The index is rebuilt from the records.

DROP TRIGGER search_trips_insert;
DROP TRIGGER search_trips_update;
DROP TRIGGER search_trips_delete;
DROP TRIGGER search_programme_items_insert;
DROP TRIGGER search_programme_items_update;
DROP TRIGGER search_programme_items_delete;
DROP TRIGGER search_people_insert;
DROP TRIGGER search_people_update;
DROP TRIGGER search_people_delete;
DROP TRIGGER search_organisations_insert;
DROP TRIGGER search_organisations_update;
DROP TRIGGER search_organisations_delete;
DROP TRIGGER search_partnerships_insert;
DROP TRIGGER search_partnerships_update;
DROP TRIGGER search_partnerships_delete;
DROP TRIGGER search_agreements_insert;
DROP TRIGGER search_agreements_update;
DROP TRIGGER search_agreements_delete;
DROP TRIGGER search_tasks_insert;
DROP TRIGGER search_tasks_update;
DROP TRIGGER search_tasks_delete;
DROP TRIGGER search_outcomes_insert;
DROP TRIGGER search_outcomes_update;
DROP TRIGGER search_outcomes_delete;
DROP TRIGGER search_gifts_insert;
DROP TRIGGER search_gifts_update;
DROP TRIGGER search_gifts_delete;
DROP TABLE search_index;
DROP TABLE search_records;

-- Each record outside the trash: its kind and ID, its title as lists show it and folded for
-- "starts with", and the date that puts recent before old. `id` is the record's slot: kind,
-- then date, then order of writing, so that within a kind a higher ID is more recent.
CREATE TABLE search_records (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    title     TEXT NOT NULL,
    title_key TEXT NOT NULL,
    sort_date TEXT NOT NULL,
    UNIQUE (kind, record_id)
) STRICT;
CREATE INDEX search_records_by_title ON search_records (kind, title_key);

-- The words of each record (rowid = search_records.id): those anyone may read, and those of
-- its internal notes, which a hit marks as such.
CREATE VIRTUAL TABLE search_index USING fts5(terms, internal, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
-- A deleted record's words leave the index at once, not at a later merge: erased means erased.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- trips
CREATE TRIGGER search_trips_insert AFTER INSERT ON trips BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('trip', coalesce(new.start_date, '')) AS slot)),
           'trip', new.id, new.title, search_key(new.title), coalesce(new.start_date, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.partner_place, new.partner_country, new.purpose), search_terms(new.notes)
    FROM search_records WHERE kind = 'trip' AND record_id = new.id;
END;
CREATE TRIGGER search_trips_update AFTER UPDATE OF title, partner_place, partner_country, purpose, notes, start_date, deleted_at ON trips BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'trip' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'trip' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('trip', coalesce(new.start_date, '')) AS slot)),
           'trip', new.id, new.title, search_key(new.title), coalesce(new.start_date, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.partner_place, new.partner_country, new.purpose), search_terms(new.notes)
    FROM search_records WHERE kind = 'trip' AND record_id = new.id;
END;
CREATE TRIGGER search_trips_delete AFTER DELETE ON trips BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'trip' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'trip' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('trip', coalesce(rec.start_date, '')) + row_number() OVER (PARTITION BY search_slot('trip', coalesce(rec.start_date, '')) ORDER BY rec.rowid) - 1,
       'trip', rec.id, rec.title, search_key(rec.title), coalesce(rec.start_date, '')
FROM trips rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.partner_place, rec.partner_country, rec.purpose), search_terms(rec.notes)
FROM search_records r JOIN trips rec ON r.kind = 'trip' AND r.record_id = rec.id;

-- programme_items
CREATE TRIGGER search_programme_items_insert AFTER INSERT ON programme_items BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('item', coalesce(new.start_utc, '')) AS slot)),
           'item', new.id, new.title, search_key(new.title), coalesce(new.start_utc, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.place, new.address, new.notes_participants), search_terms(new.notes_internal)
    FROM search_records WHERE kind = 'item' AND record_id = new.id;
END;
CREATE TRIGGER search_programme_items_update AFTER UPDATE OF title, place, address, notes_participants, notes_internal, start_utc, deleted_at ON programme_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'item' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'item' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('item', coalesce(new.start_utc, '')) AS slot)),
           'item', new.id, new.title, search_key(new.title), coalesce(new.start_utc, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.place, new.address, new.notes_participants), search_terms(new.notes_internal)
    FROM search_records WHERE kind = 'item' AND record_id = new.id;
END;
CREATE TRIGGER search_programme_items_delete AFTER DELETE ON programme_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'item' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'item' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('item', coalesce(rec.start_utc, '')) + row_number() OVER (PARTITION BY search_slot('item', coalesce(rec.start_utc, '')) ORDER BY rec.rowid) - 1,
       'item', rec.id, rec.title, search_key(rec.title), coalesce(rec.start_utc, '')
FROM programme_items rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.place, rec.address, rec.notes_participants), search_terms(rec.notes_internal)
FROM search_records r JOIN programme_items rec ON r.kind = 'item' AND r.record_id = rec.id;

-- people
CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('person', coalesce(new.updated_at, '')) AS slot)),
           'person', new.id, new.name_latin, search_key(new.name_latin), coalesce(new.updated_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.name_latin, new.name_original, new.transliteration, new.function_title, new.email, new.address), search_terms(new.notes)
    FROM search_records WHERE kind = 'person' AND record_id = new.id;
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF name_latin, name_original, transliteration, function_title, email, address, notes, deleted_at ON people BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'person' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'person' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('person', coalesce(new.updated_at, '')) AS slot)),
           'person', new.id, new.name_latin, search_key(new.name_latin), coalesce(new.updated_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.name_latin, new.name_original, new.transliteration, new.function_title, new.email, new.address), search_terms(new.notes)
    FROM search_records WHERE kind = 'person' AND record_id = new.id;
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'person' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'person' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('person', coalesce(rec.updated_at, '')) + row_number() OVER (PARTITION BY search_slot('person', coalesce(rec.updated_at, '')) ORDER BY rec.rowid) - 1,
       'person', rec.id, rec.name_latin, search_key(rec.name_latin), coalesce(rec.updated_at, '')
FROM people rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.name_latin, rec.name_original, rec.transliteration, rec.function_title, rec.email, rec.address), search_terms(rec.notes)
FROM search_records r JOIN people rec ON r.kind = 'person' AND r.record_id = rec.id;

-- organisations
CREATE TRIGGER search_organisations_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('organisation', coalesce(new.updated_at, '')) AS slot)),
           'organisation', new.id, new.name, search_key(new.name), coalesce(new.updated_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.name, new.name_original, new.transliteration, new.email, new.address), search_terms(new.notes)
    FROM search_records WHERE kind = 'organisation' AND record_id = new.id;
END;
CREATE TRIGGER search_organisations_update AFTER UPDATE OF name, name_original, transliteration, email, address, notes, deleted_at ON organisations BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'organisation' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'organisation' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('organisation', coalesce(new.updated_at, '')) AS slot)),
           'organisation', new.id, new.name, search_key(new.name), coalesce(new.updated_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.name, new.name_original, new.transliteration, new.email, new.address), search_terms(new.notes)
    FROM search_records WHERE kind = 'organisation' AND record_id = new.id;
END;
CREATE TRIGGER search_organisations_delete AFTER DELETE ON organisations BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'organisation' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'organisation' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('organisation', coalesce(rec.updated_at, '')) + row_number() OVER (PARTITION BY search_slot('organisation', coalesce(rec.updated_at, '')) ORDER BY rec.rowid) - 1,
       'organisation', rec.id, rec.name, search_key(rec.name), coalesce(rec.updated_at, '')
FROM organisations rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.name, rec.name_original, rec.transliteration, rec.email, rec.address), search_terms(rec.notes)
FROM search_records r JOIN organisations rec ON r.kind = 'organisation' AND r.record_id = rec.id;

-- partnerships
CREATE TRIGGER search_partnerships_insert AFTER INSERT ON partnerships BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('partnership', coalesce(new.since, new.created_at, '')) AS slot)),
           'partnership', new.id, new.our_side || ' – ' || new.partner_place, search_key(new.our_side || ' – ' || new.partner_place), coalesce(new.since, new.created_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.our_side, new.partner_place, new.partner_province, new.partner_country, new.description), ''
    FROM search_records WHERE kind = 'partnership' AND record_id = new.id;
END;
CREATE TRIGGER search_partnerships_update AFTER UPDATE OF our_side, partner_place, partner_province, partner_country, description, since, deleted_at ON partnerships BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'partnership' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'partnership' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('partnership', coalesce(new.since, new.created_at, '')) AS slot)),
           'partnership', new.id, new.our_side || ' – ' || new.partner_place, search_key(new.our_side || ' – ' || new.partner_place), coalesce(new.since, new.created_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.our_side, new.partner_place, new.partner_province, new.partner_country, new.description), ''
    FROM search_records WHERE kind = 'partnership' AND record_id = new.id;
END;
CREATE TRIGGER search_partnerships_delete AFTER DELETE ON partnerships BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'partnership' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'partnership' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('partnership', coalesce(rec.since, rec.created_at, '')) + row_number() OVER (PARTITION BY search_slot('partnership', coalesce(rec.since, rec.created_at, '')) ORDER BY rec.rowid) - 1,
       'partnership', rec.id, rec.our_side || ' – ' || rec.partner_place, search_key(rec.our_side || ' – ' || rec.partner_place), coalesce(rec.since, rec.created_at, '')
FROM partnerships rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.our_side, rec.partner_place, rec.partner_province, rec.partner_country, rec.description), ''
FROM search_records r JOIN partnerships rec ON r.kind = 'partnership' AND r.record_id = rec.id;

-- agreements
CREATE TRIGGER search_agreements_insert AFTER INSERT ON agreements BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('agreement', coalesce(new.signed_on, new.created_at, '')) AS slot)),
           'agreement', new.id, new.title, search_key(new.title), coalesce(new.signed_on, new.created_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.signed_at), search_terms(new.notes)
    FROM search_records WHERE kind = 'agreement' AND record_id = new.id;
END;
CREATE TRIGGER search_agreements_update AFTER UPDATE OF title, signed_at, notes, signed_on, deleted_at ON agreements BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'agreement' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'agreement' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('agreement', coalesce(new.signed_on, new.created_at, '')) AS slot)),
           'agreement', new.id, new.title, search_key(new.title), coalesce(new.signed_on, new.created_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.signed_at), search_terms(new.notes)
    FROM search_records WHERE kind = 'agreement' AND record_id = new.id;
END;
CREATE TRIGGER search_agreements_delete AFTER DELETE ON agreements BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'agreement' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'agreement' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('agreement', coalesce(rec.signed_on, rec.created_at, '')) + row_number() OVER (PARTITION BY search_slot('agreement', coalesce(rec.signed_on, rec.created_at, '')) ORDER BY rec.rowid) - 1,
       'agreement', rec.id, rec.title, search_key(rec.title), coalesce(rec.signed_on, rec.created_at, '')
FROM agreements rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.signed_at), search_terms(rec.notes)
FROM search_records r JOIN agreements rec ON r.kind = 'agreement' AND r.record_id = rec.id;

-- tasks
CREATE TRIGGER search_tasks_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('task', coalesce(new.due_date, '')) AS slot)),
           'task', new.id, new.title, search_key(new.title), coalesce(new.due_date, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.description), ''
    FROM search_records WHERE kind = 'task' AND record_id = new.id;
END;
CREATE TRIGGER search_tasks_update AFTER UPDATE OF title, description, due_date, deleted_at ON tasks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'task' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'task' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('task', coalesce(new.due_date, '')) AS slot)),
           'task', new.id, new.title, search_key(new.title), coalesce(new.due_date, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.description), ''
    FROM search_records WHERE kind = 'task' AND record_id = new.id;
END;
CREATE TRIGGER search_tasks_delete AFTER DELETE ON tasks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'task' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'task' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('task', coalesce(rec.due_date, '')) + row_number() OVER (PARTITION BY search_slot('task', coalesce(rec.due_date, '')) ORDER BY rec.rowid) - 1,
       'task', rec.id, rec.title, search_key(rec.title), coalesce(rec.due_date, '')
FROM tasks rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.description), ''
FROM search_records r JOIN tasks rec ON r.kind = 'task' AND r.record_id = rec.id;

-- outcomes
CREATE TRIGGER search_outcomes_insert AFTER INSERT ON outcomes BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('outcome', coalesce(new.created_at, '')) AS slot)),
           'outcome', new.id, new.text, search_key(new.text), coalesce(new.created_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.text), ''
    FROM search_records WHERE kind = 'outcome' AND record_id = new.id;
END;
CREATE TRIGGER search_outcomes_update AFTER UPDATE OF text, deleted_at ON outcomes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'outcome' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'outcome' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('outcome', coalesce(new.created_at, '')) AS slot)),
           'outcome', new.id, new.text, search_key(new.text), coalesce(new.created_at, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.text), ''
    FROM search_records WHERE kind = 'outcome' AND record_id = new.id;
END;
CREATE TRIGGER search_outcomes_delete AFTER DELETE ON outcomes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'outcome' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'outcome' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('outcome', coalesce(rec.created_at, '')) + row_number() OVER (PARTITION BY search_slot('outcome', coalesce(rec.created_at, '')) ORDER BY rec.rowid) - 1,
       'outcome', rec.id, rec.text, search_key(rec.text), coalesce(rec.created_at, '')
FROM outcomes rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.text), ''
FROM search_records r JOIN outcomes rec ON r.kind = 'outcome' AND r.record_id = rec.id;

-- gifts
CREATE TRIGGER search_gifts_insert AFTER INSERT ON gifts BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('gift', coalesce(new.given_on, '')) AS slot)),
           'gift', new.id, new.description, search_key(new.description), coalesce(new.given_on, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.description, new.occasion, new.kept_at), search_terms(new.notes)
    FROM search_records WHERE kind = 'gift' AND record_id = new.id;
END;
CREATE TRIGGER search_gifts_update AFTER UPDATE OF description, occasion, kept_at, notes, given_on, deleted_at ON gifts BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'gift' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'gift' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('gift', coalesce(new.given_on, '')) AS slot)),
           'gift', new.id, new.description, search_key(new.description), coalesce(new.given_on, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.description, new.occasion, new.kept_at), search_terms(new.notes)
    FROM search_records WHERE kind = 'gift' AND record_id = new.id;
END;
CREATE TRIGGER search_gifts_delete AFTER DELETE ON gifts BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'gift' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'gift' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('gift', coalesce(rec.given_on, '')) + row_number() OVER (PARTITION BY search_slot('gift', coalesce(rec.given_on, '')) ORDER BY rec.rowid) - 1,
       'gift', rec.id, rec.description, search_key(rec.description), coalesce(rec.given_on, '')
FROM gifts rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.description, rec.occasion, rec.kept_at), search_terms(rec.notes)
FROM search_records r JOIN gifts rec ON r.kind = 'gift' AND r.record_id = rec.id;
