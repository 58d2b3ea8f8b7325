//! The SQLite store: where the database file lives, how it is opened (WAL, foreign keys,
//! full sync, secure delete) and the numbered, append-only migrations that shape it.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, Result};
use encryption::Passphrase;

pub mod backup;
pub mod document_files;
pub mod encryption;
mod migrations;
pub mod paging;
mod text_enum;
pub mod trash;

pub use migrations::{migrate_to_version, schema_version};

/// The bundle identifier; the app-data directory is named after it, as Tauri names it.
pub const APP_IDENTIFIER: &str = "de.partnerdesk.app";

/// The tables that hold the office's records, parents first: what the office's laptops share,
/// and what a restored backup is checked in.
pub const RECORD_TABLES: &[&str] = &[
    "partnerships",
    "theme_areas",
    "organisations",
    "partnership_bodies",
    "people",
    "trips",
    "trip_themes",
    "trip_partnerships",
    "projects",
    "project_partnerships",
    "project_participants",
    "project_trips",
    "members",
    "trip_invitations",
    "registrations",
    "programme_items",
    "item_participants",
    "item_hosts",
    "item_guests",
    "removed_items",
    "project_items",
    "outcomes",
    "outcome_people",
    "agreements",
    "agreement_themes",
    "agreement_signatories",
    "project_agreements",
    "tasks",
    "task_people",
    "checklist_steps",
    "checklist_templates",
    "checklist_template_steps",
    "gift_rules",
    "gifts",
    "budget_lines",
    "exchange_rates",
    "cost_lines",
    "trip_approvals",
    "reports",
    "documents",
];

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
    crate::store::backup::backup_before_migration(&conn, path, key)?;
    prepare(&mut conn)?;
    // A folder that cannot be brought in line now is tried again at the next opening; the
    // database itself stays usable.
    if let Err(error) = document_files::settle(&conn) {
        eprintln!("Partnerdesk: the documents folder could not be brought in line with the database: {error}");
    }
    Ok(conn)
}

/// Where the files of attached documents are kept: beside the database file.
pub fn documents_dir(db_path: &Path) -> PathBuf {
    db_path.parent().map(|dir| dir.join("documents")).unwrap_or_else(|| PathBuf::from("documents"))
}

/// Where documents are copied for the system viewer while they are open: beside the
/// database file, emptied when the window closes and when it opens again.
pub fn viewer_copies_dir(db_path: &Path) -> PathBuf {
    db_path.parent().map(|dir| dir.join("opened")).unwrap_or_else(|| PathBuf::from("opened"))
}

/// Deletes the copies made for the system viewer.
pub fn remove_viewer_copies(db_path: &Path) -> std::io::Result<()> {
    let dir = viewer_copies_dir(db_path);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(()) };
    for entry in entries {
        let path = entry?.path();
        for file in std::fs::read_dir(&path).into_iter().flatten().flatten() {
            let mut permissions = file.metadata()?.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            std::fs::set_permissions(file.path(), permissions)?;
        }
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Where sharing keeps the state of the last sync through a folder (`channel`: '' for the
/// office's own, else a partner office's ID): beside the database file. A restore removes
/// them, so that the next sync offers the restored records as they are instead of reverting
/// the other laptops' newer ones.
pub fn sharing_base_path(db_path: &Path, channel: &str) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".sharing-base");
    if !channel.is_empty() {
        name.push(format!("-{channel}"));
    }
    PathBuf::from(name)
}

/// Removes the state of the last sync of every folder.
pub fn remove_sharing_bases(db_path: &Path) -> std::io::Result<()> {
    let office = sharing_base_path(db_path, "");
    let (Some(dir), Some(prefix)) = (office.parent(), office.file_name()) else { return Ok(()) };
    let prefix = prefix.to_string_lossy().to_string();
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
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
    register_search_functions(conn)?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > schema_version() {
        return Err(Error::DatabaseTooNew { found, known: schema_version() });
    }
    migrations::to_latest(conn)?;
    Ok(())
}

/// The functions the search index's triggers call (`names::search_terms`): every connection
/// that writes needs them.
pub(crate) fn register_search_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("search_terms", -1, flags, |ctx| {
        let texts = (0..ctx.len()).map(|at| ctx.get::<Option<String>>(at)).collect::<rusqlite::Result<Vec<_>>>()?;
        let texts: Vec<&str> = texts.iter().flatten().map(String::as_str).collect();
        Ok(crate::names::search_terms::index_terms(&texts))
    })?;
    conn.create_scalar_function("search_key", 1, flags, |ctx| {
        Ok(crate::names::transliteration::folded(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    conn.create_scalar_function("search_slot", 2, flags, |ctx| {
        Ok(crate::names::search_terms::slot(&ctx.get::<String>(0)?, &ctx.get::<Option<String>>(1)?.unwrap_or_default()))
    })?;
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
