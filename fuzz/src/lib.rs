//! What the fuzz targets share: a store with one trip, every import path run on one input,
//! and the row count of every table to show that a refused import changed nothing.

use partnerdesk_core::import::{self, ImportKind, ImportOptions};
use partnerdesk_core::store::open_in_memory;
use partnerdesk_core::trips::{create_trip, TripInput, TripStatus};
use partnerdesk_core::vocabulary::Direction;
use rusqlite::Connection;

/// Runs preview and apply (strict, then skipping bad rows) on `bytes` when they are recognised
/// as `kind`; people from a table or vCard go both into the delegation and onto the trip's
/// invitation list. Errors are expected; a panic or a refused apply that changed rows is a
/// finding.
pub fn import_everything(kind: ImportKind, bytes: &[u8]) {
    if import::detect(bytes).ok() != Some(kind) {
        return;
    }
    let (conn, trip_id) = store_with_a_trip();
    let people = matches!(kind, ImportKind::Table | ImportKind::Contacts);
    let targets: &[bool] = if people { &[false, true] } else { &[false] };
    for (&registrations, skip_bad_rows) in targets.iter().flat_map(|r| [(r, false), (r, true)]) {
        let options = ImportOptions { trip_id: Some(trip_id.clone()), registrations, skip_bad_rows, columns: None };
        let before = row_counts(&conn);
        let _ = import::preview(&conn, bytes, &options);
        assert_eq!(row_counts(&conn), before, "a preview changed the database");
        if import::apply(&conn, bytes, &options).is_err() {
            assert_eq!(row_counts(&conn), before, "a refused import changed the database");
        }
    }
}

fn store_with_a_trip() -> (Connection, String) {
    let conn = open_in_memory().expect("in-memory store");
    let trip = create_trip(&conn, &jinhua_trip()).expect("a trip");
    (conn, trip.id)
}

pub fn jinhua_trip() -> TripInput {
    TripInput {
        title: "Delegationsreise nach Jinhua".into(),
        direction: Direction::Outgoing,
        partner_place: "Jinhua".into(),
        partner_country: "China".into(),
        time_zone: "Asia/Shanghai".into(),
        start_date: "2026-10-21".into(),
        end_date: "2026-10-27".into(),
        purpose: "Partnerschaft".into(),
        second_language: None,
        title_translation: String::new(),
        purpose_translation: String::new(),
        status: TripStatus::Planning,
        notes: String::new(),
        partnership_id: None,
        theme_ids: Vec::new(),
        further_partnership_ids: Vec::new(),
    }
}

/// Every table's row count, by name.
pub fn row_counts(conn: &Connection) -> Vec<(String, i64)> {
    let mut statement = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("list tables");
    let tables: Vec<String> =
        statement.query_map([], |row| row.get(0)).expect("tables").collect::<Result<_, _>>().expect("table names");
    tables
        .into_iter()
        .map(|table| {
            let count = conn
                .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |row| row.get(0))
                .expect("count rows");
            (table, count)
        })
        .collect()
}

/// Reads `bytes` as a change file of the office folder, and applies them as another laptop's
/// change set to the demo office inside a savepoint: one that is refused must leave every table
/// as it was, one that is taken in must leave no link pointing nowhere.
pub fn take_in_changes(bytes: &[u8]) {
    use partnerdesk_core::sharing::{files, tables, take_in};
    use std::sync::Arc;

    let key = files::OfficeKey::from_hex(&"00".repeat(32)).expect("a key");
    let _ = files::open_change(bytes, &key, partnerdesk_core::store::schema_version(), "fuzz.pdsync");

    let conn = open_in_memory().expect("in-memory store");
    partnerdesk_core::demo::load_demo(&conn).expect("the demo office");
    let shared = Arc::new(tables::shared_tables(&conn, partnerdesk_core::audience::Outgoing::OfficeSharing).expect("shared tables"));
    let before = row_counts(&conn);
    conn.execute_batch("SAVEPOINT fuzz").expect("savepoint");
    match take_in(&conn, &shared, bytes, "Fuzz", "Hier") {
        Ok(_) => {
            let broken: i64 =
                conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| row.get(0)).expect("check");
            assert_eq!(broken, 0, "a change set left links pointing nowhere");
            conn.execute_batch("RELEASE fuzz").expect("release");
        }
        Err(_) => {
            conn.execute_batch("ROLLBACK TO fuzz; RELEASE fuzz").expect("rollback");
            assert_eq!(row_counts(&conn), before, "a refused change set changed the database");
        }
    }
}
