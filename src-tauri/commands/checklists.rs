//! Checklist commands: a task's or a trip's steps, and the preparation templates.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::checklists::templates::{self, ChecklistTemplate, TemplateInput};
use partnerdesk_core::checklists::{self, Checklist, ChecklistOwner};
use partnerdesk_core::error::Result;
use partnerdesk_core::vocabulary::Direction;

#[tauri::command]
pub async fn get_checklist(state: State<'_, AppState>, owner: ChecklistOwner) -> Result<Checklist> {
    state.with(|c| checklists::checklist_of(c, &owner))
}

#[tauri::command]
pub async fn add_checklist_step(state: State<'_, AppState>, owner: ChecklistOwner, text: String) -> Result<Checklist> {
    state.with(|c| checklists::add_step(c, &owner, &text))
}

#[tauri::command]
pub async fn rename_checklist_step(state: State<'_, AppState>, id: String, text: String) -> Result<Checklist> {
    state.with(|c| checklists::rename_step(c, &id, &text))
}

#[tauri::command]
pub async fn tick_checklist_step(state: State<'_, AppState>, id: String, done: bool) -> Result<Checklist> {
    state.with(|c| checklists::tick_step(c, &id, done))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn move_checklist_step(state: State<'_, AppState>, id: String, onto_id: String) -> Result<Checklist> {
    state.with(|c| checklists::move_step(c, &id, &onto_id))
}

#[tauri::command]
pub async fn remove_checklist_step(state: State<'_, AppState>, id: String) -> Result<Checklist> {
    state.with(|c| checklists::remove_step(c, &id))
}

#[tauri::command]
pub async fn restore_checklist_step(state: State<'_, AppState>, id: String) -> Result<Checklist> {
    state.with(|c| checklists::restore_step(c, &id))
}

#[tauri::command]
pub async fn get_checklist_template(state: State<'_, AppState>, direction: Direction) -> Result<ChecklistTemplate> {
    state.with(|c| templates::get_template(c, direction))
}

#[tauri::command]
pub async fn save_checklist_template(
    state: State<'_, AppState>,
    direction: Direction,
    input: TemplateInput,
) -> Result<ChecklistTemplate> {
    state.with(|c| templates::save_template(c, direction, &input))
}
