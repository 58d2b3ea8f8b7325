//! Encryption commands: unlocking an encrypted database at start, turning encryption on,
//! changing its passphrase and turning it off in the settings, and keeping the passphrase in
//! the system keychain.

use tauri::{AppHandle, State};

use crate::shell::keychain;
use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::settings;
use partnerdesk_core::store::encryption::Passphrase;

/// Opens the encrypted database (and keeps the passphrase in the keychain when asked to); the
/// menu then speaks the language of its settings.
#[tauri::command]
pub async fn unlock(app: AppHandle, state: State<'_, AppState>, passphrase: String, remember: bool) -> Result<()> {
    let passphrase = Passphrase::new(passphrase);
    state.unlock(passphrase.clone())?;
    crate::shell::menu::install(&app, state.with(settings::get_settings)?.language);
    if remember {
        keychain::remember(&state.db_path, &passphrase)?;
    }
    Ok(())
}

#[tauri::command]
pub async fn passphrase_remembered(state: State<'_, AppState>) -> Result<bool> {
    Ok(state.key().is_some() && keychain::remembered(&state.db_path).is_some())
}

/// Keeps the passphrase the database is open with in the keychain, or removes it from there.
#[tauri::command]
pub async fn remember_passphrase(state: State<'_, AppState>, remember: bool) -> Result<()> {
    match (remember, state.key()) {
        (true, Some(key)) => keychain::remember(&state.db_path, &key),
        (true, None) => Err(partnerdesk_core::error::Error::field(
            "remember",
            "database_not_encrypted",
            "the database is not encrypted",
        )),
        (false, _) => keychain::forget(&state.db_path),
    }
}

#[tauri::command]
pub async fn encryption_enabled(state: State<'_, AppState>) -> Result<bool> {
    Ok(state.key().is_some())
}

#[tauri::command]
pub async fn encrypt_database(state: State<'_, AppState>, passphrase: String, repeated: String) -> Result<()> {
    let new = Passphrase::chosen(&passphrase, &repeated)?;
    state.rekey(None, Some(new))
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
    repeated: String,
) -> Result<()> {
    let new = Passphrase::chosen(&passphrase, &repeated)?;
    let remembered = keychain::remembered(&state.db_path).is_some();
    state.rekey(Some(&Passphrase::new(current)), Some(new.clone()))?;
    if remembered {
        keychain::remember(&state.db_path, &new)?;
    }
    Ok(())
}

#[tauri::command]
pub async fn decrypt_database(state: State<'_, AppState>, current: String) -> Result<()> {
    state.rekey(Some(&Passphrase::new(current)), None)?;
    keychain::forget(&state.db_path)
}
