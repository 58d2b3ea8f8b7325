//! Privacy commands: travel documents due for erasure, and a person's data handed out or erased on request.

use tauri::{AppHandle, State};

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::export::write_atomically;
use partnerdesk_core::privacy::{self, DueErasure};
use partnerdesk_core::settings::office_today;

#[tauri::command]
pub async fn due_erasures(state: State<'_, AppState>) -> Result<Vec<DueErasure>> {
    state.with(|c| privacy::due_erasures(c, office_today(c)?))
}

/// Erases what `due_erasures` lists; how many members' fields were erased.
#[tauri::command]
pub async fn erase_due(state: State<'_, AppState>) -> Result<usize> {
    state.with(|c| privacy::erase_due(c, office_today(c)?))
}

/// Saves everything about a person as JSON; the path written, or `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_person_data(
    app: AppHandle,
    state: State<'_, AppState>,
    person_id: String,
    title: String,
    file_name: String,
) -> Result<Option<String>> {
    let Some(path) = crate::shell::dialogs::save_file(&app, &title, &file_name, ("JSON", "json")) else {
        return Ok(None);
    };
    let data = state.with(|c| privacy::person_data(c, &person_id))?;
    write_atomically(&path, &serde_json::to_vec_pretty(&data)?)?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn erase_person(state: State<'_, AppState>, person_id: String) -> Result<()> {
    state.with(|c| privacy::erase_person(c, &person_id))
}
