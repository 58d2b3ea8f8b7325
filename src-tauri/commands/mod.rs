//! The IPC layer: one file per domain, each command a few lines (lock, call, `?`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::Connection;

use crate::error::{Error, ErrorPayload, Result};
use crate::store;

pub mod app;
pub mod backup;
pub mod checklists;
pub mod delegation;
pub mod export;
pub mod gifts;
pub mod import;
pub mod outcomes;
pub mod partnerships;
pub mod privacy;
pub mod programme;
pub mod register;
pub mod tasks;
pub mod trash;
pub mod trips;

/// The open database. When it cannot be opened the window still starts and says why.
pub struct AppState {
    conn: Mutex<Option<Connection>>,
    open_error: Option<ErrorPayload>,
    pub db_path: PathBuf,
    /// The file the user last chose to import, in the system dialog.
    import_file: Mutex<Option<PathBuf>>,
    /// The backup the user last chose to restore from, in the system dialog.
    restore_file: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> Self {
        match store::open(&db_path) {
            Ok(conn) => AppState {
                conn: Mutex::new(Some(conn)),
                open_error: None,
                db_path,
                import_file: Mutex::default(),
                restore_file: Mutex::default(),
            },
            Err(error) => AppState {
                conn: Mutex::new(None),
                open_error: Some((&error).into()),
                db_path,
                import_file: Mutex::default(),
                restore_file: Mutex::default(),
            },
        }
    }

    pub fn with<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let guard = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let conn = guard
            .as_ref()
            .ok_or_else(|| Error::DatabaseUnavailable(self.open_error().map(|e| e.message).unwrap_or_default()))?;
        work(conn)
    }

    /// Where attached documents are kept: beside the database file.
    pub fn documents_dir(&self) -> PathBuf {
        self.db_path.parent().map(|dir| dir.join("documents")).unwrap_or_else(|| PathBuf::from("documents"))
    }

    pub fn choose_import_file(&self, path: PathBuf) {
        *self.import_file.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(path);
    }

    pub fn chosen_import_file(&self) -> Option<PathBuf> {
        self.import_file.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    pub fn choose_restore_file(&self, path: PathBuf) {
        *self.restore_file.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(path);
    }

    pub fn chosen_restore_file(&self) -> Option<PathBuf> {
        self.restore_file.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Closes the database, lets `work` replace its content, and opens it again (also when
    /// `work` failed and left it as it was).
    pub fn replace_database<T>(&self, work: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        conn.take();
        let outcome = work(&self.db_path);
        *conn = Some(store::open(&self.db_path)?);
        outcome
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<ErrorPayload> {
        self.open_error.clone()
    }
}
