//! What the crash and full-disk tests share: the real binary on a database file of their own,
//! and an office large enough that copying, syncing or restoring it takes a while.

use std::path::Path;
use std::process::{Command, Stdio};

/// The passphrase of the office folder, handed over in the environment (`--key-env OFFICE_KEY`).
pub const OFFICE_KEY: &str = "Partnerschaft Jinhua 2026";
/// People added to the demo office by [`large_office`].
pub const EXTRA_PEOPLE: usize = 20_000;

/// The app's command line on `db`, with no database chosen by the environment.
pub fn partnerdesk(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnerdesk"));
    command.arg("--db").arg(db).args(args).env_remove("PARTNERDESK_DB").env("OFFICE_KEY", OFFICE_KEY);
    command
}

/// The demo office with `EXTRA_PEOPLE` more people in the register.
pub fn large_office(db: &Path) {
    assert!(partnerdesk(db, &["demo"]).stdout(Stdio::null()).status().unwrap().success());
    partnerdesk_core::store::open(db)
        .unwrap()
        .execute_batch(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {EXTRA_PEOPLE})
             INSERT INTO people (id, name_latin, side, search_text, created_at, updated_at)
             SELECT printf('0192f0a0-0000-7000-8000-%012d', i), 'Person ' || i, 'partner', 'person ' || i,
                    '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z' FROM n"
        ))
        .unwrap();
}
