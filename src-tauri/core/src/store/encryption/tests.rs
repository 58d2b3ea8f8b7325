use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::*;
use crate::error::FieldError;
use crate::store::backup::{self, record_counts};

const PASSPORT: &str = "C4X9T7ZQ2";

fn key(text: &str) -> Passphrase {
    Passphrase::new(text)
}

/// A database with the example data and one member's passport number, closed again.
fn demo_database(dir: &Path, passphrase: Option<&Passphrase>) -> PathBuf {
    let path = dir.join("partnerdesk.sqlite");
    let conn = store::open_with_key(&path, passphrase).unwrap();
    crate::demo::load_demo(&conn).unwrap();
    let changed = conn
        .execute("UPDATE members SET passport_number = ?1 WHERE rowid = (SELECT min(rowid) FROM members)", [PASSPORT])
        .unwrap();
    assert_eq!(changed, 1);
    path
}

/// Every file beside the database (WAL and shared memory included) and its bytes.
fn files_with_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()))
        .collect();
    files.sort();
    files
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|window| window == text.as_bytes())
}

fn field_code(error: Error) -> (String, String) {
    match error {
        Error::Validation(fields) => match fields.as_slice() {
            [FieldError { field, code, .. }] => (field.clone(), code.clone()),
            _ => panic!("unexpected fields {fields:?}"),
        },
        other => panic!("expected a field error, got {other}"),
    }
}

fn passport_found(dir: &Path, conn: &Connection) -> bool {
    let stored: String = conn
        .query_row("SELECT passport_number FROM members WHERE passport_number <> ''", [], |row| row.get(0))
        .unwrap();
    assert_eq!(stored, PASSPORT, "the database itself still reads it");
    let files = files_with_bytes(dir);
    assert!(files.iter().any(|(name, _)| name.ends_with("-wal")), "checked while the WAL holds data: {files:?}");
    files.iter().any(|(_, bytes)| holds(bytes, PASSPORT))
}

#[test]
fn a_passport_number_is_readable_in_a_plain_file_and_not_in_an_encrypted_one() {
    for (passphrase, readable) in [(None, true), (Some(key("Jinhua Kreis Düren 2026")), false)] {
        let dir = tempfile::tempdir().unwrap();
        let path = demo_database(dir.path(), passphrase.as_ref());
        let conn = store::open_with_key(&path, passphrase.as_ref()).unwrap();
        assert_eq!(is_encrypted(&path).unwrap(), !readable);
        assert_eq!(passport_found(dir.path(), &conn), readable, "passphrase: {passphrase:?}");
    }
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_and_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let right = key("richtige Passphrase");
    let path = demo_database(dir.path(), Some(&right));
    let before = files_with_bytes(dir.path());

    let error = store::open_with_key(&path, Some(&key("falsche Passphrase"))).unwrap_err();
    assert_eq!(field_code(error), ("passphrase".into(), "passphrase_wrong".into()));
    let error = store::open(&path).unwrap_err();
    assert!(matches!(error, Error::PassphraseRequired), "{error}");
    assert!(error.to_string().contains("this database is encrypted"), "{error}");
    assert!(!error.to_string().contains("richtige"));
    assert_eq!(files_with_bytes(dir.path()), before, "no file changed, none added");

    let plain = tempfile::tempdir().unwrap();
    let plain_path = demo_database(plain.path(), None);
    let error = store::open_with_key(&plain_path, Some(&right)).unwrap_err();
    assert_eq!(field_code(error), ("passphrase".into(), "database_not_encrypted".into()));

    let conn = store::open_with_key(&path, Some(&right)).unwrap();
    assert_eq!(record_counts(&conn).unwrap().trips, 5);
}

#[test]
fn a_new_passphrase_needs_ten_characters_typed_twice_alike() {
    assert!(Passphrase::chosen("Partnerschaft", "Partnerschaft").is_ok());
    assert_eq!(field_code(Passphrase::chosen("kurz", "kurz").unwrap_err()).1, "passphrase_too_short");
    assert_eq!(field_code(Passphrase::chosen("Partnerschaft", "Partnerschaf").unwrap_err()).1, "passphrase_mismatch");
    assert_eq!(format!("{:?}", key("geheim geheim")), "Passphrase(…)");
}

#[test]
fn encrypting_changing_and_removing_the_passphrase_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_database(dir.path(), None);
    let counts = record_counts(&store::open(&path).unwrap()).unwrap();
    let (first, second) = (key("erste Passphrase"), key("zweite Passphrase"));

    rekey(&path, None, Some(&first)).unwrap();
    assert!(is_encrypted(&path).unwrap());
    assert!(!holds(&std::fs::read(&path).unwrap(), PASSPORT));
    assert_eq!(record_counts(&store::open_with_key(&path, Some(&first)).unwrap()).unwrap(), counts);

    let error = rekey(&path, Some(&second), Some(&first)).unwrap_err();
    assert_eq!(field_code(error).1, "passphrase_wrong");
    rekey(&path, Some(&first), Some(&second)).unwrap();
    assert_eq!(field_code(store::open_with_key(&path, Some(&first)).unwrap_err()).1, "passphrase_wrong");
    let conn = store::open_with_key(&path, Some(&second)).unwrap();
    assert_eq!(record_counts(&conn).unwrap(), counts);
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).unwrap();
    assert_eq!(version as usize, store::schema_version());
    drop(conn);

    rekey(&path, Some(&second), None).unwrap();
    assert!(!is_encrypted(&path).unwrap());
    let conn = store::open(&path).unwrap();
    assert_eq!(record_counts(&conn).unwrap(), counts);
    let passport: String = conn
        .query_row("SELECT passport_number FROM members WHERE passport_number <> ''", [], |row| row.get(0))
        .unwrap();
    assert_eq!(passport, PASSPORT);
    assert!(!dir.path().join("partnerdesk.sqlite.rekeying").exists());
}

#[test]
fn the_backup_of_an_encrypted_database_is_encrypted_and_restores_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let passphrase = key("Städte-'Partnerschaft'");
    let path = demo_database(dir.path(), Some(&passphrase));
    let conn = store::open_with_key(&path, Some(&passphrase)).unwrap();
    let counts = record_counts(&conn).unwrap();
    let saved = dir.path().join("saved.sqlite");
    backup::backup_to(&conn, &saved, Some(&passphrase)).unwrap();
    drop(conn);

    assert!(is_encrypted(&saved).unwrap());
    assert!(!holds(&std::fs::read(&saved).unwrap(), PASSPORT));
    assert_eq!(field_code(backup::inspect_backup(&saved, None).unwrap_err()).1, "backup_encrypted");
    let other = key("eine andere Passphrase");
    assert_eq!(field_code(backup::inspect_backup(&saved, Some(&other)).unwrap_err()).1, "backup_passphrase_wrong");
    assert_eq!(backup::inspect_backup(&saved, Some(&passphrase)).unwrap().counts, counts);

    store::open_with_key(&path, Some(&passphrase)).unwrap().execute_batch("DELETE FROM gifts").unwrap();
    let restored = backup::restore_from(&path, &saved, Some(&passphrase)).unwrap();
    assert!(is_encrypted(Path::new(&restored.kept_as)).unwrap(), "the replaced data is kept encrypted");
    assert_eq!(record_counts(&store::open_with_key(&path, Some(&passphrase)).unwrap()).unwrap(), counts);
    assert!(is_encrypted(&path).unwrap());
}
