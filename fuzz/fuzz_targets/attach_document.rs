//! A file from outside attached as a document: the input's first line is the file's name, the
//! rest its content. Either it is refused and no document was added, or it is kept under a
//! safe name and reads back byte for byte; the documents folder holds nothing but
//! content-addressed files. A panic, or anything else, is a finding.
#![no_main]

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use partnerdesk_core::documents::{attach_bytes, content, names, DocumentOwner, DocumentOwnerKind};
use partnerdesk_core::store::{self, document_files};
use partnerdesk_core::trips::create_trip;
use rusqlite::Connection;

struct Office {
    dir: PathBuf,
    conn: Connection,
    trip: DocumentOwner,
}

fn office() -> &'static Mutex<Office> {
    static OFFICE: OnceLock<Mutex<Office>> = OnceLock::new();
    OFFICE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("partnerdesk-fuzz-documents-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let conn = store::open(&dir.join("partnerdesk.sqlite")).expect("database");
        let trip = create_trip(&conn, &partnerdesk_fuzz::jinhua_trip()).expect("a trip");
        Mutex::new(Office { dir, conn, trip: DocumentOwner { kind: DocumentOwnerKind::Trip, id: trip.id } })
    })
}

fn count(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM documents", [], |row| row.get(0)).expect("count")
}

fuzz_target!(|bytes: &[u8]| {
    let office = office().lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let split = bytes.iter().position(|&byte| byte == b'\n').unwrap_or(bytes.len());
    let name = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let body = bytes.get(split + 1..).unwrap_or_default();

    let safe = names::sanitized(&name);
    assert_eq!(names::sanitized(&safe), safe, "a safe name stays as it is");
    assert!(!safe.is_empty() && safe.chars().count() <= 120, "{safe:?}");
    assert!(!safe.starts_with('.') && !safe.contains(['/', '\\']) && !safe.chars().any(char::is_control), "{safe:?}");

    let before = count(&office.conn);
    match attach_bytes(&office.conn, &office.trip, &name, body) {
        Ok(document) => {
            assert_eq!(document.name, safe);
            assert_eq!(content(&office.conn, &document.id).expect("read back"), (safe, body.to_vec()));
        }
        Err(_) => assert_eq!(count(&office.conn), before, "a refused document was added"),
    }
    let folder = office.dir.join("documents");
    for entry in std::fs::read_dir(&folder).into_iter().flatten() {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(document_files::is_content_hash(&name), "{name} in the documents folder");
    }
    // Each input starts from an empty folder, so the check above stays as quick as the first.
    office.conn.execute("DELETE FROM documents", []).expect("clean up");
    let _ = std::fs::remove_dir_all(&folder);
});
