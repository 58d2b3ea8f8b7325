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
