use chrono::NaiveDate;
use rusqlite_migration::{Migrations, M};

use super::*;
use crate::error::FieldError;

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 5, day).unwrap().and_hms_opt(hour, 0, 0).unwrap()
}

/// A database file with the example data.
fn demo_database(dir: &Path) -> (PathBuf, Connection) {
    let path = dir.join("partnerdesk.sqlite");
    let conn = store::open(&path).unwrap();
    crate::demo::load_demo(&conn).unwrap();
    (path, conn)
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn file_error_code(error: Error) -> String {
    match error {
        Error::Validation(fields) => match fields.as_slice() {
            [FieldError { field, code, .. }] if field == "file" => code.clone(),
            _ => panic!("unexpected fields {fields:?}"),
        },
        other => panic!("expected a file error, got {other}"),
    }
}

fn trip_titles(conn: &Connection) -> Vec<String> {
    let mut statement = conn.prepare("SELECT title FROM trips WHERE deleted_at IS NULL ORDER BY title").unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_backup_of_the_demo_data_is_intact_and_holds_the_same_records() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = demo_database(dir.path());
    let target = dir.path().join("saved.sqlite");
    backup_to(&conn, &target, None).unwrap();

    let copy = Connection::open(&target).unwrap();
    assert_eq!(integrity_problems(&copy).unwrap(), Vec::<String>::new());
    let mode: String = copy.pragma_query_value(None, "journal_mode", |row| row.get(0)).unwrap();
    assert_eq!(mode, "delete", "a backup is one self-contained file");
    let summary = inspect_backup(&target, None).unwrap();
    let live = record_counts(&conn).unwrap();
    assert_eq!(summary.counts, live);
    assert_eq!((live.trips, summary.schema_version as usize), (5, store::schema_version()));
    assert!(live.items > 0 && live.people > 0 && live.tasks > 0 && live.gifts > 0, "{live:?}");
    assert_eq!(summary.file_name, "saved.sqlite");
    assert_eq!(file_names(dir.path()).iter().filter(|name| name.ends_with(".partial")).count(), 0);
}

#[test]
fn a_copy_that_fails_the_integrity_check_is_deleted_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (_, conn) = demo_database(dir.path());
    let partial = dir.path().join("copy.sqlite.partial");
    copy_to_file(&conn, &partial, None).unwrap();
    let mut bytes = std::fs::read(&partial).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 8192].fill(0x5a);
    std::fs::write(&partial, bytes).unwrap();

    let error = keep_if_intact(&partial, &dir.path().join("copy.sqlite"), None).unwrap_err();
    assert_eq!(file_error_code(error), "backup_check_failed");
    assert!(!partial.exists());
    assert!(!dir.path().join("copy.sqlite").exists());
}

#[test]
fn automatic_backups_rotate_keeping_the_newest_seven() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn) = demo_database(dir.path());
    for day in 1..=9 {
        automatic_backup(&conn, &path, at(day, 9), None).unwrap();
    }
    let kept = file_names(&backups_dir(&path));
    let expected: Vec<String> = (3..=9).map(|day| format!("partnerdesk-2026-05-{day:02}-090000.sqlite")).collect();
    assert_eq!(kept, expected);
    let status = backup_status(&path).unwrap();
    assert_eq!((status.last_automatic, status.automatic_count), (Some(at(9, 9)), 7));
}

#[test]
fn a_daily_backup_is_taken_when_the_newest_is_a_day_old() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn) = demo_database(dir.path());
    assert!(automatic_backup_if_due(&conn, &path, at(1, 9), None).unwrap().is_some(), "none yet");
    assert!(automatic_backup_if_due(&conn, &path, at(1, 20), None).unwrap().is_none(), "the same day");
    assert!(automatic_backup_if_due(&conn, &path, at(2, 8), None).unwrap().is_none(), "23 hours later");
    assert!(automatic_backup_if_due(&conn, &path, at(2, 9), None).unwrap().is_some(), "a day later");
    assert_eq!(backup_status(&path).unwrap().automatic_count, 2);
}

#[test]
fn opening_an_older_database_backs_it_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partnerdesk.sqlite");
    {
        let mut old = Connection::open(&path).unwrap();
        Migrations::new(vec![M::up(include_str!("../migrations/0001_trips_delegation_programme.sql"))])
            .to_latest(&mut old)
            .unwrap();
        old.execute_batch(
            "INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date, end_date,
                purpose, status, notes, created_at, updated_at) VALUES
             ('t1', 'Reise nach Jinhua', 'outgoing', 'Jinhua', 'China', 'Asia/Shanghai', '2026-10-21', '2026-10-27',
                '', 'done', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let migrated = store::open(&path).unwrap();
    assert_eq!(user_version(&migrated).unwrap() as usize, store::schema_version());

    let status = backup_status(&path).unwrap();
    assert_eq!(status.automatic_count, 1);
    let backup = backups_dir(&path).join(file_names(&backups_dir(&path)).remove(0));
    let summary = inspect_backup(&backup, None).unwrap();
    assert_eq!((summary.schema_version, summary.counts.trips), (1, 1), "the database as it was before");

    drop(migrated);
    store::open(&path).unwrap();
    assert_eq!(backup_status(&path).unwrap().automatic_count, 1, "a current database is not backed up on open");
}

#[test]
fn restoring_keeps_the_replaced_database_and_brings_back_the_backups_data() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn) = demo_database(dir.path());
    let saved = dir.path().join("saved.sqlite");
    backup_to(&conn, &saved, None).unwrap();
    let before = trip_titles(&conn);
    conn.execute("UPDATE trips SET deleted_at = '2026-05-01T00:00:00Z' WHERE title = ?1", [&before[0]]).unwrap();
    conn.execute("DELETE FROM gifts", []).unwrap();
    let changed_counts = record_counts(&conn).unwrap();
    drop(conn);

    let restored = restore_from(&path, &saved, None).unwrap();
    let live = store::open(&path).unwrap();
    assert_eq!(trip_titles(&live), before);
    assert_eq!(record_counts(&live).unwrap(), restored.summary.counts);

    let kept = PathBuf::from(&restored.kept_as);
    let kept_name = kept.file_name().unwrap().to_str().unwrap();
    assert!(kept_name.starts_with("partnerdesk-before-restore-"), "{kept_name}");
    assert_eq!(kept.parent(), Some(backups_dir(&path).as_path()));
    assert_eq!(inspect_backup(&kept, None).unwrap().counts, changed_counts, "the replaced data is kept");
    assert_eq!(backup_status(&path).unwrap().automatic_count, 0, "not counted among the automatic ones");
    assert_eq!(file_names(&backups_dir(&path)), [kept_name]);
}

#[test]
fn restoring_a_backup_from_an_older_version_migrates_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.sqlite");
    {
        let mut conn = Connection::open(&old).unwrap();
        Migrations::new(vec![M::up(include_str!("../migrations/0001_trips_delegation_programme.sql"))])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute_batch(
            "INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date, end_date,
                purpose, status, notes, created_at, updated_at) VALUES
             ('t1', 'Reise nach Jinhua', 'outgoing', 'Jinhua', 'China', 'Asia/Shanghai', '2026-10-21', '2026-10-27',
                '', 'done', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let (path, conn) = demo_database(dir.path());
    drop(conn);

    restore_from(&path, &old, None).unwrap();
    let live = store::open(&path).unwrap();
    assert_eq!(user_version(&live).unwrap() as usize, store::schema_version());
    assert_eq!(trip_titles(&live), ["Reise nach Jinhua"]);
    assert_eq!(crate::trips::get_trip(&live, "t1").unwrap().title, "Reise nach Jinhua");
}

#[test]
fn unusable_files_are_refused_and_the_live_database_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn) = demo_database(dir.path());
    let saved = dir.path().join("saved.sqlite");
    backup_to(&conn, &saved, None).unwrap();
    let counts = record_counts(&conn).unwrap();
    drop(conn);

    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "Teilnehmerliste Jinhua\n".repeat(200)).unwrap();
    let truncated = dir.path().join("truncated.sqlite");
    let bytes = std::fs::read(&saved).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let newer = dir.path().join("newer.sqlite");
    std::fs::copy(&saved, &newer).unwrap();
    Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let other_program = dir.path().join("other.sqlite");
    Connection::open(&other_program)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text); PRAGMA user_version = 3;")
        .unwrap();

    let cases = [
        (text, "backup_not_partnerdesk"),
        (truncated, "backup_damaged"),
        (newer, "backup_too_new"),
        (other_program, "backup_not_partnerdesk"),
        (dir.path().join("missing.sqlite"), "backup_unreadable"),
    ];
    for (file, code) in cases {
        assert_eq!(file_error_code(inspect_backup(&file, None).unwrap_err()), code, "{}", file.display());
        assert_eq!(file_error_code(restore_from(&path, &file, None).unwrap_err()), code, "{}", file.display());
        let live = store::open(&path).unwrap();
        assert_eq!(record_counts(&live).unwrap(), counts, "{}", file.display());
    }
    assert!(!backups_dir(&path).exists(), "a refused file replaces nothing, so nothing is kept");
}

#[test]
fn a_backup_holding_a_text_over_its_limit_is_refused_by_record_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let (path, conn) = demo_database(dir.path());
    let titles = trip_titles(&conn);
    for (table, column, kind, record) in [
        ("trips", "title", limits::TextKind::Title, "(SELECT min(id) FROM trips)"),
        ("people", "email", limits::TextKind::Email, "(SELECT min(id) FROM people)"),
        ("programme_items", "notes_internal", limits::TextKind::Notes, "(SELECT min(id) FROM programme_items)"),
    ] {
        let hostile = dir.path().join(format!("{table}.sqlite"));
        backup_to(&conn, &hostile, None).unwrap();
        let copy = store::open(&hostile).unwrap();
        let over = "ü".repeat(kind.max_chars() + 1);
        assert_eq!(copy.execute(&format!("UPDATE {table} SET {column} = ?1 WHERE id = {record}"), [&over]).unwrap(), 1);
        copy.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(copy);
        let Err(Error::Validation(fields)) = restore_from(&path, &hostile, None) else { panic!("{table} refused") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("file", "backup_text_too_long"));
        assert_eq!(fields[0].values["field"], format!("{table}.{column}"));
        assert_eq!(fields[0].values["limit"], kind.max_chars().to_string());
        assert_eq!(trip_titles(&store::open(&path).unwrap()), titles, "{table}: the live database is as it was");
    }
    let at_limit = dir.path().join("at-limit.sqlite");
    backup_to(&conn, &at_limit, None).unwrap();
    let copy = store::open(&at_limit).unwrap();
    copy.execute(
        "UPDATE trips SET title = ?1 WHERE id = (SELECT min(id) FROM trips)",
        ["ü".repeat(limits::TextKind::Title.max_chars())],
    )
    .unwrap();
    copy.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(copy);
    drop(conn);
    restore_from(&path, &at_limit, None).unwrap();
    assert!(trip_titles(&store::open(&path).unwrap()).contains(&"ü".repeat(300)));
}
