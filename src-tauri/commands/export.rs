//! Export commands: ask where to save, then write the file for people without Partnerdesk.

use tauri::{AppHandle, State};

use super::AppState;
use crate::error::Result;
use crate::export::{calendar, write_atomically};

/// Saves a trip's programme as a calendar file; the path written, or `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_trip_calendar(
    app: AppHandle,
    state: State<'_, AppState>,
    trip_id: String,
    member_id: Option<String>,
    title: String,
    file_name: String,
) -> Result<Option<String>> {
    let Some(path) = crate::shell::dialogs::save_file(&app, &title, &file_name, ("iCalendar", "ics")) else {
        return Ok(None);
    };
    let text = state.with(|c| calendar::trip_calendar(c, &trip_id, member_id.as_deref()))?;
    write_atomically(&path, text.as_bytes())?;
    Ok(Some(path.display().to_string()))
}
