use super::*;

#[test]
fn migrations_validate() {
    migrations().validate().unwrap();
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

#[test]
fn a_first_slice_database_upgrades_with_its_trips_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slice1.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        Migrations::new(vec![M::up(MIGRATION_SQL[0])]).to_latest(&mut conn).unwrap();
        conn.execute_batch(
            "INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date, end_date,
                purpose, status, notes, created_at, updated_at)
             VALUES ('t1', 'Reise nach Jinhua', 'outgoing', 'Jinhua', 'China', 'Asia/Shanghai', '2026-10-21',
                '2026-10-27', 'Partnerschaft', 'done', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let conn = open(&path).unwrap();
    let trip = crate::trips::get_trip(&conn, "t1").unwrap();
    assert_eq!(
        (trip.title.as_str(), trip.partner_place.as_str(), trip.partnership_id.as_deref()),
        ("Reise nach Jinhua", "Jinhua", None)
    );
    assert_eq!(crate::partnerships::themes::list_themes(&conn).unwrap().len(), 8);
}
