//! Gifts register commands: list, record, edit, trash.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::gifts::{self, Gift, GiftInput, GiftPage, GiftQuery};

#[tauri::command]
pub async fn list_gifts(state: State<'_, AppState>, query: GiftQuery) -> Result<GiftPage> {
    state.with(|c| gifts::list_gifts(c, &query))
}

#[tauri::command]
pub async fn gift_years(state: State<'_, AppState>) -> Result<Vec<i32>> {
    state.with(gifts::gift_years)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_gift(state: State<'_, AppState>, trip_id: String, input: GiftInput) -> Result<Gift> {
    state.with(|c| gifts::create_gift(c, &trip_id, &input))
}

#[tauri::command]
pub async fn update_gift(state: State<'_, AppState>, id: String, input: GiftInput) -> Result<Gift> {
    state.with(|c| gifts::update_gift(c, &id, &input))
}

#[tauri::command]
pub async fn delete_gift(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| gifts::delete_gift(c, &id))
}

#[tauri::command]
pub async fn restore_gift(state: State<'_, AppState>, id: String) -> Result<Gift> {
    state.with(|c| gifts::restore_gift(c, &id))
}
