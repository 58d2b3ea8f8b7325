//! Backup commands: the state of the automatic backups, saving a backup where the user says,
//! and restoring one. Paths come only from the system dialogs; the backup picked for a restore
//! is kept here between showing what it holds and restoring it.

use tauri::{AppHandle, State};

use crate::shell::dialogs;
use crate::shell::state::AppState;
use partnerdesk_core::error::{Error, Result};
use partnerdesk_core::store::backup::{self, BackupStatus, BackupSummary, Restored};

#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> Result<BackupStatus> {
    backup::backup_status(&state.db_path)
}

/// Asks where to save a backup and writes it there; its path, or `None` when the user cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_backup(app: AppHandle, state: State<'_, AppState>, title: String) -> Result<Option<String>> {
    let suggested = backup::suggested_file_name(chrono::Local::now().naive_local());
    let Some(path) = dialogs::save_file(&app, &title, &suggested, ("SQLite", "sqlite")) else {
        return Ok(None);
    };
    state.with_key(|c, key| backup::backup_to(c, &path, key))?;
    Ok(Some(path.display().to_string()))
}

/// Asks for the backup to restore from and says what it holds; `None` when the user cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_restore_file(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
) -> Result<Option<BackupSummary>> {
    let Some(path) = dialogs::pick_file(&app, &title) else {
        return Ok(None);
    };
    let summary = backup::inspect_backup(&path, state.key().as_ref())?;
    state.choose_restore_file(path);
    Ok(Some(summary))
}

#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>) -> Result<Restored> {
    let path = state
        .chosen_restore_file()
        .ok_or_else(|| Error::field("file", "file_required", "choose a backup to restore from first"))?;
    let key = state.key();
    state.replace_database(|db| backup::restore_from(db, &path, key.as_ref()))
}
