use super::migrations::{migration_list, migrations};
use super::*;
use crate::vocabulary::{RegisterKind, Side};
use rusqlite_migration::Migrations;

#[test]
fn migrations_validate() {
    // As `validate` does, with the functions the search index's triggers call.
    let mut conn = Connection::open_in_memory().unwrap();
    register_search_functions(&conn).unwrap();
    migrations().to_latest(&mut conn).unwrap();
}

#[test]
fn opens_a_file_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(&dir.path().join("nested/partnerdesk.sqlite")).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(version as usize, schema_version());
}

#[test]
fn refuses_a_database_from_a_newer_version_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future_things (x); PRAGMA user_version = 99;").unwrap();
    }
    let error = open(&path).unwrap_err();
    assert!(matches!(error, Error::DatabaseTooNew { found: 99, .. }), "{error}");
    assert!(error.to_string().contains("newer Partnerdesk"));
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 99);
}

#[test]
fn ids_are_uuid_v7_and_sort_by_creation() {
    let a = new_id();
    let b = new_id();
    assert_eq!(uuid::Uuid::parse_str(&a).unwrap().get_version_num(), 7);
    assert!(a < b);
}

/// A database as the first slice left it: one trip each way, members and hosts as free text.
fn first_slice_database(path: &Path) {
    let mut conn = Connection::open(path).unwrap();
    Migrations::new(migration_list().into_iter().take(1).collect()).to_latest(&mut conn).unwrap();
    conn.execute_batch(
        "INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date, end_date,
            purpose, status, notes, created_at, updated_at) VALUES
         ('t1', 'Reise nach Jinhua', 'outgoing', 'Jinhua', 'China', 'Asia/Shanghai', '2026-10-21', '2026-10-27',
            'Partnerschaft', 'done', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
         ('t2', 'Besuch aus Jinhua', 'incoming', 'Jinhua', 'China', 'Europe/Berlin', '2027-05-03', '2027-05-05',
            '', 'planning', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO members (id, trip_id, name_latin, name_key, name_original, function_title, organisation, party,
            role, precedence, email, phone, created_at, updated_at) VALUES
         ('m1', 't1', 'Frank Peter  Ullrich', 'frank peter ullrich', '', 'Bürgermeister', 'Stadt Düren', 'SPD', 'head', 1,
            'f.ullrich@dueren.de', '+49 2421 25-0', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
         ('m2', 't1', 'Mei Li', 'mei li', '李梅', 'Dolmetscherin', '', '', 'interpreter', 2, '', '',
            '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
         ('m3', 't2', 'Zhu Chonglie', 'zhu chonglie', '朱重烈', 'Parteisekretär', 'Stadtregierung Jinhua', '', 'head', 1,
            '', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
         INSERT INTO programme_items (id, trip_id, kind, title, start_local, start_zone, start_utc, end_local, end_zone,
            end_utc, hosts, created_at, updated_at) VALUES
         ('i1', 't1', 'reception', 'Empfang', '2026-10-22T18:00', 'Asia/Shanghai', '2026-10-22T10:00:00Z',
            '2026-10-22T20:00', 'Asia/Shanghai', '2026-10-22T12:00:00Z',
            'Parteisekretär Zhu Chonglie (朱重烈), Stadtregierung Jinhua', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
         ('i2', 't1', 'visit', 'Werksbesuch', '2026-10-23T09:00', 'Asia/Shanghai', '2026-10-23T01:00:00Z',
            '2026-10-23T11:00', 'Asia/Shanghai', '2026-10-23T03:00:00Z',
            'RWE Power, Strukturwandel-Team (Leitung: Dr. Ina Berg)', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
         ('i3', 't2', 'meeting', 'Rathausgespräch', '2027-05-03T10:00', 'Europe/Berlin', '2027-05-03T08:00:00Z',
            '2027-05-03T11:00', 'Europe/Berlin', '2027-05-03T09:00:00Z',
            'Bürgermeister Frank Peter Ullrich', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
    )
    .unwrap();
}

#[test]
fn a_first_slice_database_upgrades_with_its_free_text_turned_into_register_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slice1.sqlite");
    first_slice_database(&path);
    let conn = open(&path).unwrap();

    let trip = crate::trips::get_trip(&conn, "t1").unwrap();
    assert_eq!((trip.title.as_str(), trip.partnership_id.as_deref()), ("Reise nach Jinhua", None));
    assert_eq!(crate::partnerships::themes::list_themes(&conn).unwrap().len(), 8);

    // Every member keeps what was typed and now points at a person in the register.
    let members = crate::delegation::list_members(&conn, "t1").unwrap();
    assert_eq!(members[0].name_latin, "Frank Peter  Ullrich", "the member's own text is untouched");
    let mayor = crate::contacts::people::get_person(&conn, members[0].person_id.as_deref().unwrap()).unwrap();
    assert_eq!(
        (mayor.name_latin.as_str(), mayor.function_title.as_str(), mayor.organisation_name.as_deref()),
        ("Frank Peter Ullrich", "Bürgermeister", Some("Stadt Düren"))
    );
    assert_eq!(
        (mayor.email.as_str(), mayor.phone.as_str(), mayor.side),
        ("f.ullrich@dueren.de", "+49 2421 25-0", Side::Ours)
    );
    let interpreter = crate::contacts::people::get_person(&conn, members[1].person_id.as_deref().unwrap()).unwrap();
    assert_eq!((interpreter.name_original.as_str(), interpreter.transliteration.as_str()), ("李梅", "Li Mei"));

    // Every line of hosts reads exactly as before, now made of register records.
    let hosts = |item: &str| {
        let item = crate::programme::get_item(&conn, item).unwrap();
        item.hosts.iter().map(|h| h.label.as_str()).collect::<Vec<_>>().join(", ")
    };
    assert_eq!(hosts("i1"), "Parteisekretär Zhu Chonglie (朱重烈), Stadtregierung Jinhua");
    assert_eq!(hosts("i2"), "RWE Power, Strukturwandel-Team (Leitung: Dr. Ina Berg)");
    assert_eq!(hosts("i3"), "Bürgermeister Frank Peter Ullrich");
    let reception = crate::programme::get_item(&conn, "i1").unwrap();
    assert_eq!(
        reception.hosts.iter().map(|h| h.kind).collect::<Vec<_>>(),
        [RegisterKind::Person, RegisterKind::Organisation]
    );

    // The same person met twice is one record: the hosting party secretary is the head of the
    // incoming delegation, the mayor who hosts at home led the outgoing one.
    let secretary = &reception.hosts[0].id;
    let incoming = crate::delegation::list_members(&conn, "t2").unwrap();
    assert_eq!(incoming[0].person_id.as_ref(), Some(secretary));
    let town_hall = crate::programme::get_item(&conn, "i3").unwrap();
    assert_eq!(town_hall.hosts[0].id, mayor.id);
    let people: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(people, 3);
}
