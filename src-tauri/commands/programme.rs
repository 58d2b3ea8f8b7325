//! Programme commands: the day list and its items.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::programme::{self, ItemInput, ProgrammeItem, ProgrammeView};
use partnerdesk_core::vocabulary::RegisterRef;
use partnerdesk_core::zoned::{self, Fold, ZonedTime};

#[tauri::command]
pub async fn preview_time(local: String, zone: String, fold: Option<Fold>) -> Result<ZonedTime> {
    zoned::preview(&local, &zone, fold)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn programme_view(state: State<'_, AppState>, trip_id: String) -> Result<ProgrammeView> {
    state.with(|c| programme::programme_view(c, &trip_id))
}

#[tauri::command]
pub async fn get_item(state: State<'_, AppState>, id: String) -> Result<ProgrammeItem> {
    state.with(|c| programme::get_item(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_item(state: State<'_, AppState>, trip_id: String, input: ItemInput) -> Result<ProgrammeItem> {
    state.with(|c| programme::add_item(c, &trip_id, &input))
}

#[tauri::command]
pub async fn update_item(state: State<'_, AppState>, id: String, input: ItemInput) -> Result<ProgrammeItem> {
    state.with(|c| programme::update_item(c, &id, &input))
}

#[tauri::command]
pub async fn set_item_guests(
    state: State<'_, AppState>,
    id: String,
    guests: Vec<RegisterRef>,
) -> Result<ProgrammeItem> {
    state.with(|c| programme::set_guests(c, &id, &guests))
}

#[tauri::command]
pub async fn remove_item(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| programme::trash::remove_item(c, &id))
}

#[tauri::command]
pub async fn restore_item(state: State<'_, AppState>, id: String) -> Result<ProgrammeItem> {
    state.with(|c| programme::trash::restore_item(c, &id))
}
