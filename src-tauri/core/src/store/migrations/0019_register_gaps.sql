-- The register's last gaps of issue 15, and projects in the office-wide search.
--
-- A trip can visit several partners (the Kaiserslautern delegation to Yangzhou and further
-- partners in the Yangtze River Delta): `trips.partnership_id` stays the partnership the trip
-- is planned for, `trip_partnerships` lists the further ones it serves.
CREATE TABLE trip_partnerships (
    trip_id        TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    PRIMARY KEY (trip_id, partnership_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX trip_partnerships_by_partnership ON trip_partnerships (partnership_id);

-- Our side can be several bodies (Stadt and Landkreis Kaiserslautern holding a partnership
-- together): `partnerships.our_side` stays the name the partnership goes by, `partnership_bodies`
-- names the register's organisations that carry it on our side.
CREATE TABLE partnership_bodies (
    partnership_id  TEXT NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    PRIMARY KEY (partnership_id, organisation_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX partnership_bodies_by_organisation ON partnership_bodies (organisation_id);

-- Projects in the office-wide search, in the slots after gifts (names/search_terms.rs).
CREATE TRIGGER search_projects_insert AFTER INSERT ON projects BEGIN
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('project', coalesce(new.starts_on, '')) AS slot)),
           'project', new.id, new.title, search_key(new.title), coalesce(new.starts_on, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.goal), search_terms(new.notes)
    FROM search_records WHERE kind = 'project' AND record_id = new.id;
END;
CREATE TRIGGER search_projects_update AFTER UPDATE OF title, goal, notes, starts_on, deleted_at ON projects BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'project' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'project' AND record_id = old.id;
    INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
    SELECT (SELECT coalesce((SELECT max(id) + 1 FROM search_records WHERE id BETWEEN slot AND slot + 1048575), slot)
             FROM (SELECT search_slot('project', coalesce(new.starts_on, '')) AS slot)),
           'project', new.id, new.title, search_key(new.title), coalesce(new.starts_on, '')
    WHERE new.deleted_at IS NULL;
    INSERT INTO search_index (rowid, terms, internal)
    SELECT id, search_terms(new.title, new.goal), search_terms(new.notes)
    FROM search_records WHERE kind = 'project' AND record_id = new.id;
END;
CREATE TRIGGER search_projects_delete AFTER DELETE ON projects BEGIN
    DELETE FROM search_index WHERE rowid = (SELECT id FROM search_records WHERE kind = 'project' AND record_id = old.id);
    DELETE FROM search_records WHERE kind = 'project' AND record_id = old.id;
END;
INSERT INTO search_records (id, kind, record_id, title, title_key, sort_date)
SELECT search_slot('project', coalesce(rec.starts_on, '')) + row_number() OVER (PARTITION BY search_slot('project', coalesce(rec.starts_on, '')) ORDER BY rec.rowid) - 1,
       'project', rec.id, rec.title, search_key(rec.title), coalesce(rec.starts_on, '')
FROM projects rec WHERE rec.deleted_at IS NULL;
INSERT INTO search_index (rowid, terms, internal)
SELECT r.id, search_terms(rec.title, rec.goal), search_terms(rec.notes)
FROM search_records r JOIN projects rec ON r.kind = 'project' AND r.record_id = rec.id;

-- Projects among the overview's last changes.
CREATE INDEX projects_by_update ON projects (updated_at);
