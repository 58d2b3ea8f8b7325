//! Trash commands: what it holds, and emptying it.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::settings::office_today;
use partnerdesk_core::trash::{self, TrashContents};

#[tauri::command]
pub async fn list_trash(state: State<'_, AppState>) -> Result<TrashContents> {
    state.with(|c| trash::list_trash(c, office_today(c)?))
}

#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Result<usize> {
    state.with(trash::empty_trash)
}
