//! Trip commands: list, edit, duplicate, trash.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::duplicate::DuplicateOptions;
use partnerdesk_core::error::Result;
use partnerdesk_core::store::paging::Page;
use partnerdesk_core::trips::{self, trash, Trip, TripInput, TripQuery};

#[tauri::command]
pub async fn list_trips(state: State<'_, AppState>, query: TripQuery) -> Result<Page<Trip>> {
    state.with(|c| trips::list_trips(c, &query))
}

#[tauri::command]
pub async fn get_trip(state: State<'_, AppState>, id: String) -> Result<Trip> {
    state.with(|c| trips::get_trip(c, &id))
}

#[tauri::command]
pub async fn create_trip(state: State<'_, AppState>, input: TripInput) -> Result<Trip> {
    state.with(|c| trips::create_trip(c, &input))
}

#[tauri::command]
pub async fn update_trip(state: State<'_, AppState>, id: String, input: TripInput) -> Result<Trip> {
    state.with(|c| trips::update_trip(c, &id, &input))
}

#[tauri::command]
pub async fn duplicate_trip(state: State<'_, AppState>, id: String, options: DuplicateOptions) -> Result<Trip> {
    state.with(|c| partnerdesk_core::duplicate::duplicate_trip(c, &id, &options))
}

#[tauri::command]
pub async fn delete_trip(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| trash::delete_trip(c, &id))
}

#[tauri::command]
pub async fn restore_trip(state: State<'_, AppState>, id: String) -> Result<Trip> {
    state.with(|c| trash::restore_trip(c, &id))
}
