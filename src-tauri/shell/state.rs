//! The app's state while the window is open: the database connection (or why it could not be
//! opened, or that it waits for its passphrase), the passphrase it was opened with, and the
//! files the user last picked in a system dialog.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::Connection;

use partnerdesk_core::error::{Error, ErrorPayload, Result};
use partnerdesk_core::store;
use partnerdesk_core::store::encryption::{is_encrypted, rekey, Passphrase};

/// The open database. When it cannot be opened the window still starts and says why; an
/// encrypted one waits for its passphrase (`unlock`).
pub struct AppState {
    conn: Mutex<Option<Connection>>,
    /// The passphrase the database was opened with; `None` for a plain one.
    key: Mutex<Option<Passphrase>>,
    open_error: Option<ErrorPayload>,
    pub db_path: PathBuf,
    /// The file the user last chose to import, in the system dialog.
    import_file: Mutex<Option<PathBuf>>,
    /// The backup the user last chose to restore from, in the system dialog.
    restore_file: Mutex<Option<PathBuf>>,
}

impl AppState {
    pub fn open(db_path: PathBuf) -> Self {
        let opened = match is_encrypted(&db_path) {
            Ok(true) => Ok(None),
            Ok(false) => store::open(&db_path).map(Some),
            Err(error) => Err(error),
        };
        let (conn, open_error) = match opened {
            Ok(conn) => (conn, None),
            Err(error) => (None, Some((&error).into())),
        };
        AppState {
            conn: Mutex::new(conn),
            key: Mutex::default(),
            open_error,
            db_path,
            import_file: Mutex::default(),
            restore_file: Mutex::default(),
        }
    }

    pub fn with<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let guard = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let conn = guard.as_ref().ok_or_else(|| match self.open_error() {
            Some(error) => Error::DatabaseUnavailable(error.message),
            None => Error::PassphraseRequired,
        })?;
        work(conn)
    }

    /// Like `with`, for work that also needs the passphrase (backups of an encrypted database).
    pub fn with_key<T>(&self, work: impl FnOnce(&Connection, Option<&Passphrase>) -> Result<T>) -> Result<T> {
        let key = self.key();
        self.with(|conn| work(conn, key.as_ref()))
    }

    /// Whether the database is encrypted and still waits for its passphrase.
    pub fn locked(&self) -> bool {
        self.open_error.is_none() && self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).is_none()
    }

    pub fn key(&self) -> Option<Passphrase> {
        self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Opens the encrypted database with `passphrase`; a wrong one leaves it locked and untouched.
    pub fn unlock(&self, passphrase: Passphrase) -> Result<()> {
        let mut conn = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if conn.is_none() {
            *conn = Some(store::open_with_key(&self.db_path, Some(&passphrase))?);
            *self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(passphrase);
        }
        Ok(())
    }

    /// Rewrites the open database with the passphrase `new` (`None`: unencrypted) after checking
    /// that `current` is the one it was opened with.
    pub fn rekey(&self, current: Option<&Passphrase>, new: Option<Passphrase>) -> Result<()> {
        let mut conn = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut key = self.key.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if conn.is_none() {
            return Err(Error::PassphraseRequired);
        }
        if key.as_ref() != current {
            return Err(Error::field("current", "passphrase_wrong", "the current passphrase is wrong"));
        }
        conn.take();
        let rewritten = rekey(&self.db_path, current, new.as_ref());
        let reopened_key = if rewritten.is_ok() { new } else { key.clone() };
        *conn = Some(store::open_with_key(&self.db_path, reopened_key.as_ref())?);
        *key = reopened_key;
        rewritten
    }

    /// A connection of its own to the open database, for long work (a sync) that must not
    /// keep the window's commands waiting; SQLite's write lock still orders the writes.
    pub fn second_connection(&self) -> Result<Connection> {
        self.with(|_| Ok(()))?;
        store::open_with_key(&self.db_path, self.key().as_ref())
    }

    /// Where documents are copied for the system viewer.
    pub fn viewer_copies_dir(&self) -> PathBuf {
        store::viewer_copies_dir(&self.db_path)
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
        *conn = Some(store::open_with_key(&self.db_path, self.key().as_ref())?);
        outcome
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<ErrorPayload> {
        self.open_error.clone()
    }
}
