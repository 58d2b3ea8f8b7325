//! Outcome commands: what was agreed at a programme item, and the task made of a point.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::outcomes::{self, Outcome, OutcomeInput};
use partnerdesk_core::settings::office_today;
use partnerdesk_core::tasks::Task;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_outcomes(state: State<'_, AppState>, item_id: String) -> Result<Vec<Outcome>> {
    state.with(|c| outcomes::outcomes_of_item(c, &item_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_outcome(state: State<'_, AppState>, item_id: String, input: OutcomeInput) -> Result<Outcome> {
    state.with(|c| outcomes::add_outcome(c, &item_id, &input, chrono::Utc::now()))
}

#[tauri::command]
pub async fn update_outcome(state: State<'_, AppState>, id: String, input: OutcomeInput) -> Result<Outcome> {
    state.with(|c| outcomes::update_outcome(c, &id, &input))
}

#[tauri::command]
pub async fn remove_outcome(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| outcomes::remove_outcome(c, &id))
}

#[tauri::command]
pub async fn restore_outcome(state: State<'_, AppState>, id: String) -> Result<Outcome> {
    state.with(|c| outcomes::restore_outcome(c, &id))
}

#[tauri::command]
pub async fn task_from_outcome(state: State<'_, AppState>, id: String) -> Result<Task> {
    state.with(|c| outcomes::task_from_outcome(c, &id, office_today(c)?))
}
