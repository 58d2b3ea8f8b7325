//! Encryption at rest with SQLCipher: a database with a passphrase is encrypted page by page,
//! one without stays a plain SQLite file. The key is set first thing after opening and checked
//! on every open; turning encryption on, changing the passphrase and turning it off each write
//! a new file with `sqlcipher_export`, check it, and swap it in with one rename.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};

use crate::error::{Error, Problems, Result};
use crate::store;

pub const MIN_PASSPHRASE_CHARS: usize = 10;
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";
const CIPHER_PAGE_SIZE: u64 = 4096;

/// A passphrase; it never shows in `Debug` output, logs or error messages.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Passphrase(text.into())
    }

    /// The passphrase itself, for the one place that keeps it: the system keychain.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A new passphrase typed twice: at least ten characters, both the same.
    pub fn chosen(passphrase: &str, repeated: &str) -> Result<Self> {
        let mut problems = Problems::default();
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            problems.push(
                "passphrase",
                "passphrase_too_short",
                format!("the passphrase needs at least {MIN_PASSPHRASE_CHARS} characters"),
            );
        }
        if passphrase != repeated {
            problems.push("repeated", "passphrase_mismatch", "the two passphrases differ");
        }
        problems.into_result()?;
        Ok(Passphrase::new(passphrase))
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// Whether the file at `path` looks like an encrypted database: whole pages of SQLCipher's page
/// size, without the header every plain SQLite file begins with.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error.into()),
    };
    let len = file.metadata()?.len();
    if len == 0 || len % CIPHER_PAGE_SIZE != 0 {
        return Ok(false);
    }
    let mut header = [0u8; 16];
    file.read_exact(&mut header)?;
    Ok(&header != PLAIN_HEADER)
}

/// Sets the key of a freshly opened connection (or none) and checks that the database opens as
/// it should: encrypted with this passphrase, or plain. Never writes to the file.
pub fn unlock(conn: &Connection, path: &Path, key: Option<&Passphrase>) -> Result<()> {
    let encrypted = is_encrypted(path)?;
    match key {
        None if encrypted => return Err(Error::PassphraseRequired),
        None => {}
        Some(_) if !encrypted && std::fs::metadata(path).is_ok_and(|meta| meta.len() > 0) => {
            return Err(Error::field("passphrase", "database_not_encrypted", "this database is not encrypted"));
        }
        Some(Passphrase(text)) => {
            // SQLCipher would otherwise write its own lines about a failed page check to stderr.
            conn.pragma_update(None, "cipher_log_level", "NONE")?;
            conn.pragma_update(None, "key", text)?;
            let cipher: String = conn.pragma_query_value(None, "cipher_version", |row| row.get(0)).unwrap_or_default();
            if cipher.is_empty() {
                return Err(Error::DatabaseUnavailable("this build of Partnerdesk cannot encrypt".into()));
            }
        }
    }
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get::<_, i64>(0)) {
        Ok(_) => Ok(()),
        Err(error) if error.sqlite_error_code() == Some(ErrorCode::NotADatabase) && key.is_some() => Err(wrong()),
        Err(error) => Err(error.into()),
    }
}

/// The error for a passphrase that does not open the database.
fn wrong() -> Error {
    Error::field("passphrase", "passphrase_wrong", "the passphrase does not open this database")
}

/// Rewrites the database at `path`, now opened with `current`, so that it opens with `new`
/// (`None`: a plain file). The rewritten file is checked before it replaces the old one in one
/// rename; until then the old file stays as it was.
pub fn rekey(path: &Path, current: Option<&Passphrase>, new: Option<&Passphrase>) -> Result<()> {
    let rewritten = rewritten_path(path);
    let written = write_rekeyed(path, &rewritten, current, new);
    if written.is_err() {
        let _ = std::fs::remove_file(&rewritten);
        return written;
    }
    std::fs::rename(&rewritten, path)?;
    Ok(())
}

fn write_rekeyed(path: &Path, rewritten: &Path, current: Option<&Passphrase>, new: Option<&Passphrase>) -> Result<()> {
    if rewritten.exists() {
        std::fs::remove_file(rewritten)?;
    }
    let source = store::open_with_key(path, current)?;
    source.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    let new_key = new.map(|Passphrase(text)| text.as_str()).unwrap_or("");
    source.execute("ATTACH DATABASE ?1 AS rewritten KEY ?2", (rewritten.to_string_lossy(), new_key))?;
    source.query_row("SELECT sqlcipher_export('rewritten')", [], |_| Ok(()))?;
    let version: i64 = source.pragma_query_value(None, "user_version", |row| row.get(0))?;
    source.pragma_update(Some("rewritten"), "user_version", version)?;
    source.execute_batch("DETACH DATABASE rewritten")?;
    drop(source);
    let check = Connection::open(rewritten)?;
    unlock(&check, rewritten, new)?;
    let problems: String = check.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if problems != "ok" {
        return Err(Error::DatabaseUnavailable(format!("the rewritten database failed its check: {problems}")));
    }
    Ok(())
}

fn rewritten_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".rekeying");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests;
