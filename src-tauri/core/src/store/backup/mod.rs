//! Backups of the database through SQLite's online backup API. Automatic ones are taken before
//! every migration and once a day into `backups/` beside the database, the last seven kept; a
//! checked copy can be saved anywhere; a restore keeps the database it replaces and then swaps
//! the content in one step. Every backup is written under a temporary name, checked with
//! `PRAGMA integrity_check` and only then renamed, so it is complete or absent. The backup of an
//! encrypted database is encrypted with the same passphrase and opens only with it.
//!
//! A saved backup carries the files of the attached documents inside it (table
//! `backup_documents`), so it is one file to take away; automatic backups beside the database
//! rely on the documents folder, which keeps released files until no automatic backup is
//! older than their release (`document_files`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Local, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, FieldError, Result};
use crate::limits;
use crate::store;
use crate::store::document_files;
use crate::store::encryption::{self, Passphrase};

/// How many automatic backups are kept; older ones are deleted.
pub const KEPT_AUTOMATIC: usize = 7;
const AUTOMATIC_NAME: &str = "partnerdesk-%Y-%m-%d-%H%M%S.sqlite";
const BEFORE_RESTORE_NAME: &str = "partnerdesk-before-restore-%Y-%m-%d-%H%M%S.sqlite";
const RESTORING_NAME: &str = "restoring-%Y-%m-%d-%H%M%S.sqlite";

/// What a database holds, as the lists show it (records in the trash not counted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecordCounts {
    pub trips: i64,
    pub items: i64,
    pub partnerships: i64,
    pub people: i64,
    pub organisations: i64,
    pub tasks: i64,
    pub gifts: i64,
    pub documents: i64,
}

/// A backup file, looked at before restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupSummary {
    pub file_name: String,
    /// When the file was written (its modification time), on this computer's clock.
    pub taken_at: NaiveDateTime,
    pub schema_version: i64,
    pub counts: RecordCounts,
}

/// The automatic backups of a database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupStatus {
    pub folder: String,
    /// When the newest automatic backup was taken, on this computer's clock.
    pub last_automatic: Option<NaiveDateTime>,
    pub automatic_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Restored {
    pub summary: BackupSummary,
    /// Where the database that the backup replaced is kept.
    pub kept_as: String,
}

/// The folder of the automatic backups: `backups/` beside the database file.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new("")).join("backups")
}

/// A file name to suggest when the user saves a backup.
pub fn suggested_file_name(now: NaiveDateTime) -> String {
    now.format(AUTOMATIC_NAME).to_string()
}

/// Writes a checked copy of the open database with the files of its documents to `target`,
/// replacing it whole or not at all. `key` is the passphrase `conn` was opened with; the copy
/// is encrypted with it.
pub fn backup_to(conn: &Connection, target: &Path, key: Option<&Passphrase>) -> Result<()> {
    write_backup(conn, target, key, true)
}

fn write_backup(conn: &Connection, target: &Path, key: Option<&Passphrase>, with_documents: bool) -> Result<()> {
    let partial = partial_path(target);
    let written = copy_to_file(conn, &partial, key)
        .and_then(|()| if with_documents { embed_documents(conn, &partial, key) } else { Ok(()) })
        .and_then(|()| keep_if_intact(&partial, target, key));
    if written.is_err() {
        remove_with_journal(&partial);
    }
    written
}

/// Takes an automatic backup into the backups folder and deletes all but the newest seven.
pub fn automatic_backup(
    conn: &Connection,
    db_path: &Path,
    now: NaiveDateTime,
    key: Option<&Passphrase>,
) -> Result<PathBuf> {
    let dir = backups_dir(db_path);
    std::fs::create_dir_all(&dir)?;
    let target = dir.join(now.format(AUTOMATIC_NAME).to_string());
    write_backup(conn, &target, key, false)?;
    let backups = automatic_backups(&dir)?;
    for (_, old) in backups.iter().rev().skip(KEPT_AUTOMATIC) {
        std::fs::remove_file(old)?;
    }
    if let Some((_, oldest)) = automatic_backups(&dir)?.first() {
        document_files::sweep_released(db_path, std::fs::metadata(oldest)?.modified()?)?;
    }
    Ok(target)
}

/// Takes an automatic backup when there is none yet or the newest is a day old.
pub fn automatic_backup_if_due(
    conn: &Connection,
    db_path: &Path,
    now: NaiveDateTime,
    key: Option<&Passphrase>,
) -> Result<Option<PathBuf>> {
    let newest = automatic_backups(&backups_dir(db_path))?.pop();
    if newest.is_some_and(|(taken, _)| now - taken < chrono::Duration::days(1)) {
        return Ok(None);
    }
    automatic_backup(conn, db_path, now, key).map(Some)
}

/// Called by `store::open` before it migrates: keeps the database as it was.
pub fn backup_before_migration(conn: &Connection, db_path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let version = user_version(conn)?;
    if version > 0 && (version as usize) < store::schema_version() {
        automatic_backup(conn, db_path, Local::now().naive_local(), key)?;
    }
    Ok(())
}

pub fn backup_status(db_path: &Path) -> Result<BackupStatus> {
    let dir = backups_dir(db_path);
    let backups = automatic_backups(&dir)?;
    Ok(BackupStatus {
        folder: dir.display().to_string(),
        last_automatic: backups.last().map(|(taken, _)| *taken),
        automatic_count: backups.len() as i64,
    })
}

/// Opens a backup read-only and says what it holds; refuses files that are not a Partnerdesk
/// database, are damaged, come from a newer Partnerdesk, or do not open with `key` (the
/// passphrase of the database it would replace).
pub fn inspect_backup(path: &Path, key: Option<&Passphrase>) -> Result<BackupSummary> {
    let modified = std::fs::metadata(path).and_then(|meta| meta.modified()).map_err(|error| {
        Error::field("file", "backup_unreadable", format!("{} cannot be read: {error}", path.display()))
    })?;
    let conn = open_read_only(path, key)?;
    let problems = integrity_problems(&conn).map_err(|error| file_error(path, error))?;
    if !problems.is_empty() {
        return Err(damaged(path, &problems.join("; ")));
    }
    let schema_version = user_version(&conn)?;
    if schema_version == 0 || !has_table(&conn, "trips")? {
        return Err(Error::field(
            "file",
            "backup_not_partnerdesk",
            format!("{} is not a Partnerdesk database", path.display()),
        ));
    }
    if schema_version as usize > store::schema_version() {
        return Err(Error::field(
            "file",
            "backup_too_new",
            format!(
                "{} was written by a newer Partnerdesk (schema version {schema_version}; this version knows up to {}); please update Partnerdesk first",
                path.display(),
                store::schema_version()
            ),
        ));
    }
    Ok(BackupSummary {
        file_name: path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
        taken_at: chrono::DateTime::<Local>::from(modified).naive_local(),
        schema_version,
        counts: record_counts(&conn)?,
    })
}

/// Replaces the database at `db_path` with the backup at `backup_path`, after keeping the
/// database it replaces in the backups folder. The backup is copied and migrated beside the
/// database first; the live database changes only in the last step, whole or not at all.
pub fn restore_from(db_path: &Path, backup_path: &Path, key: Option<&Passphrase>) -> Result<Restored> {
    let summary = inspect_backup(backup_path, key)?;
    let mut live = store::open_with_key(db_path, key)?;
    let dir = backups_dir(db_path);
    std::fs::create_dir_all(&dir)?;
    let now = Local::now().naive_local();
    let kept_as = dir.join(now.format(BEFORE_RESTORE_NAME).to_string());
    backup_to(&live, &kept_as, key)?;
    let staging = partial_path(&dir.join(now.format(RESTORING_NAME).to_string()));
    let file_key = document_files::key_bytes(&live)?;
    let restored = stage(backup_path, &staging, key).and_then(|staged| {
        check_text_limits(&staged, backup_path)?;
        take_documents(&staged, &live)?;
        copy_database(&staged, &mut live)
    });
    remove_with_journal(&staging);
    restored?;
    document_files::set_key_bytes(&live, file_key.as_deref())?;
    document_files::settle_after_restore(&live)?;
    store::remove_sharing_bases(db_path)?;
    Ok(Restored { summary, kept_as: kept_as.display().to_string() })
}

/// Refuses a backup that holds a text over its column's limit (`limits::column_limit`),
/// naming the first such record and column: Partnerdesk never writes one, so the file was
/// made or changed elsewhere. One pass over each table of records.
fn check_text_limits(staged: &Connection, path: &Path) -> Result<()> {
    for table in store::RECORD_TABLES {
        let mut columns = staged.prepare_cached("SELECT name, pk FROM pragma_table_info(?1) ORDER BY pk, cid")?;
        let columns: Vec<(String, i64)> =
            columns.query_map([table], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let key: Vec<String> =
            columns.iter().filter(|(_, pk)| *pk > 0).map(|(name, _)| format!("quote(\"{name}\")")).collect();
        let limited: Vec<(&str, usize)> = columns
            .iter()
            .filter_map(|(name, _)| limits::column_limit(table, name).map(|limit| (name.as_str(), limit)))
            .collect();
        let over: Vec<String> = limited
            .iter()
            .map(|(name, limit)| {
                format!("WHEN typeof(\"{name}\") = 'text' AND length(\"{name}\") > {limit} THEN '{name}'")
            })
            .collect();
        if key.is_empty() || over.is_empty() {
            continue;
        }
        let sql = format!(
            "SELECT {key}, column FROM (SELECT *, CASE {cases} END AS column FROM \"{table}\") WHERE column IS NOT NULL LIMIT 1",
            key = key.join(" || ' ' || "),
            cases = over.join(" "),
        );
        let found: Option<(String, String)> =
            staged.query_row(&sql, [], |row| Ok((row.get(0)?, row.get(1)?))).optional()?;
        if let Some((record, column)) = found {
            let limit = limits::column_limit(table, &column).unwrap_or_default();
            let field = format!("{table}.{column}");
            return Err(Error::Validation(vec![FieldError::new(
                "file",
                "backup_text_too_long",
                format!(
                    "{} was not restored: {field} of record {record} is longer than {limit} characters",
                    path.display()
                ),
            )
            .with_values([("field", field), ("limit", limit.to_string())])]));
        }
    }
    Ok(())
}

/// Counts the records of a database of any schema version (tables it lacks count 0).
pub fn record_counts(conn: &Connection) -> Result<RecordCounts> {
    Ok(RecordCounts {
        trips: count(conn, "trips")?,
        items: count(conn, "programme_items")?,
        partnerships: count(conn, "partnerships")?,
        people: count(conn, "people")?,
        organisations: count(conn, "organisations")?,
        tasks: count(conn, "tasks")?,
        gifts: count(conn, "gifts")?,
        documents: count(conn, "documents")?,
    })
}

/// Puts the files of the documents `conn` names into the backup at `path`.
fn embed_documents(conn: &Connection, path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let copy = Connection::open(path)?;
    encryption::unlock(&copy, path, key)?;
    copy.execute_batch(
        "CREATE TABLE backup_documents (content_hash TEXT PRIMARY KEY NOT NULL, bytes BLOB NOT NULL) STRICT;
         DELETE FROM document_protection;",
    )?;
    let mut insert = copy.prepare("INSERT INTO backup_documents (content_hash, bytes) VALUES (?1, ?2)")?;
    let hashes = document_files::kept_hashes(conn)?;
    if hashes.is_empty() {
        return Ok(());
    }
    let files = document_files::DocumentFiles::of(conn)?;
    for hash in hashes {
        insert.execute(rusqlite::params![hash, files.read(&hash)?])?;
    }
    Ok(())
}

/// Keeps the document files a saved backup carries in the documents folder of `live`, and
/// drops them from the staged copy before it becomes the database.
fn take_documents(staged: &Connection, live: &Connection) -> Result<()> {
    if !has_table(staged, "backup_documents")? {
        return Ok(());
    }
    {
        let mut files = staged.prepare("SELECT content_hash, bytes FROM backup_documents")?;
        let mut rows = files.query([])?;
        while let Some(row) = rows.next()? {
            let (hash, bytes): (String, Vec<u8>) = (row.get(0)?, row.get(1)?);
            if document_files::content_hash(&bytes) != hash {
                return Err(Error::field(
                    "file",
                    "backup_damaged",
                    format!("the document {hash} in the backup is damaged"),
                ));
            }
            document_files::keep(live, &bytes)?;
        }
    }
    staged.execute_batch("DROP TABLE backup_documents")?;
    Ok(())
}

fn count(conn: &Connection, table: &str) -> Result<i64> {
    if !has_table(conn, table)? {
        return Ok(0);
    }
    let in_trash: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = 'deleted_at')",
        [table],
        |row| row.get(0),
    )?;
    let condition = if in_trash { " WHERE deleted_at IS NULL" } else { "" };
    Ok(conn.query_row(&format!("SELECT count(*) FROM \"{table}\"{condition}"), [], |row| row.get(0))?)
}

fn has_table(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
        [table],
        |row| row.get(0),
    )?)
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// The copy of the backup, migrated to this version, in the staging file.
fn stage(backup_path: &Path, staging: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    let source = open_read_only(backup_path, key)?;
    let mut staged = Connection::open(staging)?;
    encryption::unlock(&staged, staging, key)?;
    copy_database(&source, &mut staged)?;
    store::prepare(&mut staged)?;
    Ok(staged)
}

fn open_read_only(path: &Path, key: Option<&Passphrase>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|error| file_error(path, error))?;
    encryption::unlock(&conn, path, key).map_err(|error| key_error(path, error))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(conn)
}

fn copy_to_file(conn: &Connection, path: &Path, key: Option<&Passphrase>) -> Result<()> {
    if path.exists() {
        std::fs::remove_file(path)?;
    }
    let mut copy = Connection::open(path)?;
    encryption::unlock(&copy, path, key)?;
    copy_database(conn, &mut copy)?;
    // A copy of a WAL database would be one too; a backup is one self-contained file.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// Gives the written copy its name if `PRAGMA integrity_check` finds it intact, and deletes it
/// otherwise.
fn keep_if_intact(partial: &Path, target: &Path, key: Option<&Passphrase>) -> Result<()> {
    let problems = open_read_only(partial, key)
        .and_then(|copy| Ok(integrity_problems(&copy)?))
        .unwrap_or_else(|error| vec![error.to_string()]);
    if problems.is_empty() {
        return Ok(std::fs::rename(partial, target)?);
    }
    std::fs::remove_file(partial)?;
    Err(Error::field(
        "file",
        "backup_check_failed",
        format!("the backup failed its integrity check and was deleted: {}", problems.join("; ")),
    ))
}

/// What `PRAGMA integrity_check` finds wrong; empty when the database is intact.
fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    let lines = statement.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|line| line != "ok").collect())
}

/// Copies every page of `from` into `to` in one step of the online backup API, so that `to`
/// changes whole or not at all; waits while another connection holds a lock.
fn copy_database(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    for _ in 0..100 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(Error::DatabaseUnavailable("the database stayed busy for 5 seconds; please try again".into()))
}

/// The automatic backups in `dir`, oldest first, with when each was taken.
fn automatic_backups(dir: &Path) -> Result<Vec<(NaiveDateTime, PathBuf)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error.into()),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let taken = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| NaiveDateTime::parse_from_str(name, AUTOMATIC_NAME).ok());
        if let Some(taken) = taken {
            backups.push((taken, path));
        }
    }
    backups.sort();
    Ok(backups)
}

/// Deletes a database file that is given up, with the journal a failed write (a full disk)
/// can leave beside it.
fn remove_with_journal(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    target.with_file_name(name)
}

fn damaged(path: &Path, problems: &str) -> Error {
    Error::field("file", "backup_damaged", format!("{} is damaged: {problems}", path.display()))
}

/// A backup that does not open with the passphrase of the database it would replace.
fn key_error(path: &Path, error: Error) -> Error {
    let file = path.display();
    match error {
        Error::PassphraseRequired => Error::field(
            "file",
            "backup_encrypted",
            format!("{file} is encrypted; it opens only in the encrypted database it was taken from"),
        ),
        Error::Validation(fields) if fields.iter().any(|field| field.code == "passphrase_wrong") => Error::field(
            "file",
            "backup_passphrase_wrong",
            format!("{file} is encrypted with another passphrase than this database"),
        ),
        Error::Validation(fields) if fields.iter().any(|field| field.code == "database_not_encrypted") => Error::field(
            "file",
            "backup_not_encrypted",
            format!("{file} is not encrypted; turn encryption off to restore it, then on again"),
        ),
        Error::Database(error) => file_error(path, error),
        other => other,
    }
}

fn file_error(path: &Path, error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            Error::field("file", "backup_not_partnerdesk", format!("{} is not a Partnerdesk database", path.display()))
        }
        Some(ErrorCode::DatabaseCorrupt) => damaged(path, &error.to_string()),
        _ => Error::field("file", "backup_unreadable", format!("{} cannot be read: {error}", path.display())),
    }
}

#[cfg(test)]
mod tests;
