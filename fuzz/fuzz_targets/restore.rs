//! A backup file from outside: inspected, then restored over a database with one trip, all in
//! a data directory of its own. Refusals are expected; a panic, or any file appearing beside
//! the data directory, is a finding.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use partnerdesk_core::store::backup::{inspect_backup, restore_from};
use partnerdesk_core::store;
use partnerdesk_core::trips::create_trip;

/// A folder holding only the data directory of the current input.
fn scratch() -> &'static PathBuf {
    static SCRATCH: OnceLock<PathBuf> = OnceLock::new();
    SCRATCH.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("partnerdesk-fuzz-restore-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

fuzz_target!(|bytes: &[u8]| {
    let data = scratch().join("data");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).expect("data directory");
    let db = data.join("partnerdesk.sqlite");
    let conn = store::open(&db).expect("live database");
    create_trip(&conn, &partnerdesk_fuzz::jinhua_trip()).expect("a trip");
    drop(conn);
    let backup = data.join("backup.sqlite");
    std::fs::write(&backup, bytes).expect("backup file");

    let _ = inspect_backup(&backup, None);
    let _ = restore_from(&db, &backup, None);

    let beside: Vec<_> = std::fs::read_dir(scratch()).expect("scratch listing").map(|entry| entry.unwrap().file_name()).collect();
    assert_eq!(beside, ["data"], "a file was written outside the data directory");
    std::fs::remove_dir_all(&data).expect("clean up");
});

