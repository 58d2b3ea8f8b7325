//! Encryption commands: unlocking an encrypted database at start, and turning encryption on,
//! changing its passphrase and turning it off in the settings.

use tauri::{AppHandle, State};

use super::AppState;
use crate::encryption::Passphrase;
use crate::error::Result;
use crate::settings;

/// Opens the encrypted database; the menu then speaks the language of its settings.
#[tauri::command]
pub async fn unlock(app: AppHandle, state: State<'_, AppState>, passphrase: String) -> Result<()> {
    state.unlock(Passphrase::new(passphrase))?;
    crate::shell::menu::install(&app, state.with(settings::get_settings)?.language);
    Ok(())
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
    state.rekey(Some(&Passphrase::new(current)), Some(new))
}

#[tauri::command]
pub async fn decrypt_database(state: State<'_, AppState>, current: String) -> Result<()> {
    state.rekey(Some(&Passphrase::new(current)), None)
}
