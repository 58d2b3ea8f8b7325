//! Import commands: the user picks a file in the system dialog; the window then asks for its
//! preview and applies it. The path never comes from the window, only from the dialog.

use tauri::{AppHandle, State};

use crate::shell::state::AppState;
use partnerdesk_core::error::{Error, Result};
use partnerdesk_core::import::{self, ImportOptions, ImportPreview, ImportSummary};

/// Asks for the file to import; its name, or `None` when the user cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_import_file(app: AppHandle, state: State<'_, AppState>, title: String) -> Result<Option<String>> {
    let Some(path) = crate::shell::dialogs::pick_file(&app, &title) else {
        return Ok(None);
    };
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    state.choose_import_file(path);
    Ok(Some(name))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn preview_import(state: State<'_, AppState>, options: ImportOptions) -> Result<ImportPreview> {
    let bytes = import::read_import_file(&chosen(&state)?)?;
    state.with(|c| import::preview(c, &bytes, &options))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn apply_import(state: State<'_, AppState>, options: ImportOptions) -> Result<ImportSummary> {
    let bytes = import::read_import_file(&chosen(&state)?)?;
    state.with(|c| import::apply(c, &bytes, &options))
}

fn chosen(state: &AppState) -> Result<std::path::PathBuf> {
    state.chosen_import_file().ok_or_else(|| Error::field("file", "file_required", "choose a file to import first"))
}
