//! The SQLite store: where the database file lives, how it is opened (WAL, foreign keys,
//! full sync, secure delete) and the numbered, append-only migrations that shape it.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{HookError, Migrations, M};

use crate::encryption::{self, Passphrase};
use crate::error::{Error, Result};

pub mod paging;
mod text_enum;

/// The bundle identifier; the app-data directory is named after it, as Tauri names it.
pub const APP_IDENTIFIER: &str = "de.partnerdesk.app";

fn migration_list() -> Vec<M<'static>> {
    vec![
        M::up(include_str!("migrations/0001_trips_delegation_programme.sql")),
        M::up(include_str!("migrations/0002_partnerships_agreements.sql")),
        M::up_with_hook(
            include_str!("migrations/0003_people_organisations.sql"),
            crate::register::first_slice::migrate,
        ),
        M::up_with_hook(include_str!("migrations/0004_followups.sql"), crate::checklists::templates::migrate),
        M::up(include_str!("migrations/0005_calendar_export.sql")),
        M::up(include_str!("migrations/0006_calendar_import.sql")),
        M::up(include_str!("migrations/0007_trash_for_every_record.sql")),
    ]
}

/// A domain error inside a migration hook, as `rusqlite_migration` reports it.
pub(crate) fn hook_error(error: Error) -> HookError {
    match error {
        Error::Database(error) => HookError::RusqliteError(error),
        other => HookError::Hook(other.to_string()),
    }
}

fn migrations() -> Migrations<'static> {
    Migrations::new(migration_list())
}

/// The schema version this build writes.
pub fn schema_version() -> usize {
    migration_list().len()
}

/// Migrates a bare connection to `version` and no further: how the fixture databases of
/// released schema versions (`tests/fixtures/`) are made.
pub fn migrate_to_version(conn: &mut Connection, version: usize) -> Result<()> {
    migrations().to_version(conn, version)?;
    Ok(())
}

/// `PARTNERDESK_DB` or `--db` win; otherwise the file in the user's data directory.
pub fn default_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER).join("partnerdesk.sqlite")
}

/// Opens a plain database file (an encrypted one is refused with `passphrase_required`).
pub fn open(path: &Path) -> Result<Connection> {
    open_with_key(path, None)
}

/// Opens the database file with its passphrase, or a plain one with `None`; a new file is
/// created encrypted when a key is given. A wrong passphrase fails before anything is written.
pub fn open_with_key(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut conn = Connection::open(path)?;
    encryption::unlock(&conn, path, key)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    crate::backup::backup_before_migration(&conn, path, key)?;
    prepare(&mut conn)?;
    Ok(conn)
}

pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    prepare(&mut conn)?;
    Ok(conn)
}

pub(crate) fn prepare(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Erased personal data is overwritten with zeros, not left in free pages of the file.
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(128);
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > schema_version() {
        return Err(Error::DatabaseTooNew { found, known: schema_version() });
    }
    migrations().to_latest(conn)?;
    Ok(())
}

/// Runs `work` so that all of its writes land or none do. Nests: inside another
/// `atomically` (or a transaction) it becomes a savepoint of that.
pub fn atomically<T>(conn: &Connection, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    conn.execute_batch("SAVEPOINT atomically")?;
    match work(conn) {
        Ok(value) => {
            conn.execute_batch("RELEASE atomically")?;
            Ok(value)
        }
        Err(error) => {
            conn.execute_batch("ROLLBACK TO atomically; RELEASE atomically")?;
            Err(error)
        }
    }
}

/// A `LIKE … ESCAPE '\'` pattern that finds `search` anywhere, wildcards in it taken literally.
pub fn like_pattern(search: &str) -> String {
    format!("%{}%", search.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// A new record ID: UUIDv7, so IDs sort by creation and stay unique across laptops.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current instant as stored in `created_at` / `updated_at`.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests;
