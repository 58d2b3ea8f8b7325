//! The system keychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows) as the place a database's passphrase may be kept, so that Partnerdesk opens an
//! encrypted database without asking (one entry per database file), and the password of a
//! calendar the programme is published to (one entry per address and user). Neither leaves
//! the keychain except into the app's memory.

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

/// The entry of a calendar server's password: one per address and user name.
fn calendar_entry(url: &str, user: &str) -> Result<Entry> {
    Entry::new(SERVICE, &format!("caldav {user} {url}")).map_err(unavailable)
}

/// The password kept for a calendar, if any.
pub fn calendar_password(url: &str, user: &str) -> Option<String> {
    calendar_entry(url, user).ok()?.get_password().ok()
}

pub fn remember_calendar_password(url: &str, user: &str, password: &str) -> Result<()> {
    calendar_entry(url, user)?.set_password(password).map_err(unavailable)
}

/// Removes a kept calendar password; none kept is fine.
pub fn forget_calendar_password(url: &str, user: &str) -> Result<()> {
    match calendar_entry(url, user)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(error) => Err(unavailable(error)),
    }
}
