//! The system keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) as the place a database's passphrase may be kept, so that Partnerdesk opens an
//! encrypted database without asking. One entry per database file; the passphrase never
//! leaves the keychain except into the app's memory.

use std::path::Path;

use keyring::Entry;

use partnerdesk_core::error::{Error, Result};
use partnerdesk_core::store::encryption::Passphrase;

const SERVICE: &str = "de.partnerdesk.app";

fn entry(db_path: &Path) -> Result<Entry> {
    let account = std::fs::canonicalize(db_path).unwrap_or_else(|_| db_path.to_path_buf());
    Entry::new(SERVICE, &account.to_string_lossy()).map_err(unavailable)
}

fn unavailable(error: keyring::Error) -> Error {
    Error::field("remember", "keychain_unavailable", format!("the system keychain cannot be used: {error}"))
}

/// The passphrase kept for the database, if any; a keychain that cannot be reached keeps none.
pub fn remembered(db_path: &Path) -> Option<Passphrase> {
    entry(db_path).ok()?.get_password().ok().map(Passphrase::new)
}

pub fn remember(db_path: &Path, passphrase: &Passphrase) -> Result<()> {
    entry(db_path)?.set_password(passphrase.expose()).map_err(unavailable)
}

/// Removes the kept passphrase; none kept is fine.
pub fn forget(db_path: &Path) -> Result<()> {
    match entry(db_path)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(error) => Err(unavailable(error)),
    }
}
