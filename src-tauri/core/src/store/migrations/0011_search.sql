-- The office-wide search (search/): one index over trips, programme items, people,
-- organisations, partnerships, agreements, tasks, outcomes and gifts, kept up to date by
-- triggers in the same transaction as every write (the window's forms, imports, sharing,
-- restore), and filled here for the records already there. `search_terms` and `search_key`
-- are functions of the app (names/search_terms.rs). Kept on this laptop; not shared.

-- Each indexed record: its kind and ID, its title as lists show it, the title folded for
-- ranking ("starts with" first), the date that puts recent before old, and whether it is in
-- the trash.
CREATE TABLE search_records (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    title     TEXT NOT NULL,
    title_key TEXT NOT NULL,
    sort_date TEXT NOT NULL,
    trashed   INTEGER NOT NULL CHECK (trashed IN (0, 1)),
    UNIQUE (kind, record_id)
) STRICT;

-- The words of each record (rowid = search_records.id): those anyone may read, and those of
-- its internal notes, which a hit marks as such.
CREATE VIRTUAL TABLE search_index USING fts5(terms, internal, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
-- A deleted record's words leave the index at once, not at a later merge: erased means erased.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- trips
CREATE TRIGGER search_trips_insert AFTER INSERT ON trips BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('trip', new.id, new.title, search_key(new.title), coalesce(new.start_date, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.partner_place, new.partner_country, new.purpose), search_terms(new.notes));
END;
CREATE TRIGGER search_trips_update AFTER UPDATE OF title, partner_place, partner_country, purpose, notes, start_date, deleted_at ON trips BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'trip' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'trip' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('trip', new.id, new.title, search_key(new.title), coalesce(new.start_date, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.partner_place, new.partner_country, new.purpose), search_terms(new.notes));
END;
CREATE TRIGGER search_trips_delete AFTER DELETE ON trips BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'trip' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'trip' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'trip', rec.id, rec.title, search_key(rec.title), coalesce(rec.start_date, ''), rec.deleted_at IS NOT NULL FROM trips rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.partner_place, rec.partner_country, rec.purpose), search_terms(rec.notes)
FROM search_records r JOIN trips rec ON r.kind = 'trip' AND r.record_id = rec.id;

-- programme_items
CREATE TRIGGER search_programme_items_insert AFTER INSERT ON programme_items BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('item', new.id, new.title, search_key(new.title), coalesce(new.start_utc, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.place, new.address, new.notes_participants), search_terms(new.notes_internal));
END;
CREATE TRIGGER search_programme_items_update AFTER UPDATE OF title, place, address, notes_participants, notes_internal, start_utc, deleted_at ON programme_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'item' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'item' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('item', new.id, new.title, search_key(new.title), coalesce(new.start_utc, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.place, new.address, new.notes_participants), search_terms(new.notes_internal));
END;
CREATE TRIGGER search_programme_items_delete AFTER DELETE ON programme_items BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'item' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'item' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'item', rec.id, rec.title, search_key(rec.title), coalesce(rec.start_utc, ''), rec.deleted_at IS NOT NULL FROM programme_items rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.place, rec.address, rec.notes_participants), search_terms(rec.notes_internal)
FROM search_records r JOIN programme_items rec ON r.kind = 'item' AND r.record_id = rec.id;

-- people
CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('person', new.id, new.name_latin, search_key(new.name_latin), coalesce(new.updated_at, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.name_latin, new.name_original, new.transliteration, new.function_title, new.email, new.address), search_terms(new.notes));
END;
CREATE TRIGGER search_people_update AFTER UPDATE OF name_latin, name_original, transliteration, function_title, email, address, notes, deleted_at ON people BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'person' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'person' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('person', new.id, new.name_latin, search_key(new.name_latin), coalesce(new.updated_at, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.name_latin, new.name_original, new.transliteration, new.function_title, new.email, new.address), search_terms(new.notes));
END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'person' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'person' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'person', rec.id, rec.name_latin, search_key(rec.name_latin), coalesce(rec.updated_at, ''), rec.deleted_at IS NOT NULL FROM people rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.name_latin, rec.name_original, rec.transliteration, rec.function_title, rec.email, rec.address), search_terms(rec.notes)
FROM search_records r JOIN people rec ON r.kind = 'person' AND r.record_id = rec.id;

-- organisations
CREATE TRIGGER search_organisations_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('organisation', new.id, new.name, search_key(new.name), coalesce(new.updated_at, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.name, new.name_original, new.transliteration, new.email, new.address), search_terms(new.notes));
END;
CREATE TRIGGER search_organisations_update AFTER UPDATE OF name, name_original, transliteration, email, address, notes, deleted_at ON organisations BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'organisation' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'organisation' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('organisation', new.id, new.name, search_key(new.name), coalesce(new.updated_at, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.name, new.name_original, new.transliteration, new.email, new.address), search_terms(new.notes));
END;
CREATE TRIGGER search_organisations_delete AFTER DELETE ON organisations BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'organisation' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'organisation' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'organisation', rec.id, rec.name, search_key(rec.name), coalesce(rec.updated_at, ''), rec.deleted_at IS NOT NULL FROM organisations rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.name, rec.name_original, rec.transliteration, rec.email, rec.address), search_terms(rec.notes)
FROM search_records r JOIN organisations rec ON r.kind = 'organisation' AND r.record_id = rec.id;

-- partnerships
CREATE TRIGGER search_partnerships_insert AFTER INSERT ON partnerships BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('partnership', new.id, new.our_side || ' – ' || new.partner_place, search_key(new.our_side || ' – ' || new.partner_place), coalesce(coalesce(new.since, new.created_at), ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.our_side, new.partner_place, new.partner_province, new.partner_country, new.description), '');
END;
CREATE TRIGGER search_partnerships_update AFTER UPDATE OF our_side, partner_place, partner_province, partner_country, description, since, deleted_at ON partnerships BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'partnership' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'partnership' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('partnership', new.id, new.our_side || ' – ' || new.partner_place, search_key(new.our_side || ' – ' || new.partner_place), coalesce(coalesce(new.since, new.created_at), ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.our_side, new.partner_place, new.partner_province, new.partner_country, new.description), '');
END;
CREATE TRIGGER search_partnerships_delete AFTER DELETE ON partnerships BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'partnership' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'partnership' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'partnership', rec.id, rec.our_side || ' – ' || rec.partner_place, search_key(rec.our_side || ' – ' || rec.partner_place), coalesce(coalesce(rec.since, rec.created_at), ''), rec.deleted_at IS NOT NULL FROM partnerships rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.our_side, rec.partner_place, rec.partner_province, rec.partner_country, rec.description), ''
FROM search_records r JOIN partnerships rec ON r.kind = 'partnership' AND r.record_id = rec.id;

-- agreements
CREATE TRIGGER search_agreements_insert AFTER INSERT ON agreements BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('agreement', new.id, new.title, search_key(new.title), coalesce(coalesce(new.signed_on, new.created_at), ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.signed_at), search_terms(new.notes));
END;
CREATE TRIGGER search_agreements_update AFTER UPDATE OF title, signed_at, notes, signed_on, deleted_at ON agreements BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'agreement' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'agreement' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('agreement', new.id, new.title, search_key(new.title), coalesce(coalesce(new.signed_on, new.created_at), ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.signed_at), search_terms(new.notes));
END;
CREATE TRIGGER search_agreements_delete AFTER DELETE ON agreements BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'agreement' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'agreement' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'agreement', rec.id, rec.title, search_key(rec.title), coalesce(coalesce(rec.signed_on, rec.created_at), ''), rec.deleted_at IS NOT NULL FROM agreements rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.signed_at), search_terms(rec.notes)
FROM search_records r JOIN agreements rec ON r.kind = 'agreement' AND r.record_id = rec.id;

-- tasks
CREATE TRIGGER search_tasks_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('task', new.id, new.title, search_key(new.title), coalesce(new.due_date, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.description), '');
END;
CREATE TRIGGER search_tasks_update AFTER UPDATE OF title, description, due_date, deleted_at ON tasks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'task' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'task' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('task', new.id, new.title, search_key(new.title), coalesce(new.due_date, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.title, new.description), '');
END;
CREATE TRIGGER search_tasks_delete AFTER DELETE ON tasks BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'task' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'task' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'task', rec.id, rec.title, search_key(rec.title), coalesce(rec.due_date, ''), rec.deleted_at IS NOT NULL FROM tasks rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.description), ''
FROM search_records r JOIN tasks rec ON r.kind = 'task' AND r.record_id = rec.id;

-- outcomes
CREATE TRIGGER search_outcomes_insert AFTER INSERT ON outcomes BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('outcome', new.id, new.text, search_key(new.text), coalesce(new.created_at, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.text), '');
END;
CREATE TRIGGER search_outcomes_update AFTER UPDATE OF text, deleted_at ON outcomes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'outcome' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'outcome' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('outcome', new.id, new.text, search_key(new.text), coalesce(new.created_at, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.text), '');
END;
CREATE TRIGGER search_outcomes_delete AFTER DELETE ON outcomes BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'outcome' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'outcome' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'outcome', rec.id, rec.text, search_key(rec.text), coalesce(rec.created_at, ''), rec.deleted_at IS NOT NULL FROM outcomes rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.text), ''
FROM search_records r JOIN outcomes rec ON r.kind = 'outcome' AND r.record_id = rec.id;

-- gifts
CREATE TRIGGER search_gifts_insert AFTER INSERT ON gifts BEGIN
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('gift', new.id, new.description, search_key(new.description), coalesce(new.given_on, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.description, new.occasion, new.kept_at), search_terms(new.notes));
END;
CREATE TRIGGER search_gifts_update AFTER UPDATE OF description, occasion, kept_at, notes, given_on, deleted_at ON gifts BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'gift' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'gift' AND record_id = old.id;
    INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
    VALUES ('gift', new.id, new.description, search_key(new.description), coalesce(new.given_on, ''), new.deleted_at IS NOT NULL);
    INSERT INTO search_index (rowid, terms, internal) VALUES (last_insert_rowid(), search_terms(new.description, new.occasion, new.kept_at), search_terms(new.notes));
END;
CREATE TRIGGER search_gifts_delete AFTER DELETE ON gifts BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'gift' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'gift' AND record_id = old.id;
END;
INSERT INTO search_records (kind, record_id, title, title_key, sort_date, trashed)
SELECT 'gift', rec.id, rec.description, search_key(rec.description), coalesce(rec.given_on, ''), rec.deleted_at IS NOT NULL FROM gifts rec;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.description, rec.occasion, rec.kept_at), search_terms(rec.notes)
FROM search_records r JOIN gifts rec ON r.kind = 'gift' AND r.record_id = rec.id;
