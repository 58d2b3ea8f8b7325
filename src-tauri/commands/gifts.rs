//! Gifts register commands: list, record, edit, trash; the office's gift rules and the public
//! list of a year.

use tauri::{AppHandle, State};

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::export::gifts::{public_gifts, PublicListFormat};
use partnerdesk_core::export::write_atomically;
use partnerdesk_core::gifts::rules::{self, GiftRules, GiftRulesInput};
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
pub async fn create_gift_without_trip(state: State<'_, AppState>, input: GiftInput) -> Result<Gift> {
    state.with(|c| gifts::create_gift_without_trip(c, &input))
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

#[tauri::command]
pub async fn gift_rules(state: State<'_, AppState>) -> Result<GiftRules> {
    state.with(rules::gift_rules)
}

#[tauri::command]
pub async fn update_gift_rules(state: State<'_, AppState>, input: GiftRulesInput) -> Result<GiftRules> {
    state.with(|c| rules::update_gift_rules(c, &input))
}

/// Asks where to save the public gifts list of `year` as `format` and writes it; the path, or
/// `None` when the officer cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_public_gifts(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    format: PublicListFormat,
    title: String,
    file_name: String,
) -> Result<Option<String>> {
    let Some(path) = crate::shell::dialogs::save_file(&app, &title, &file_name, format.file_kind()) else {
        return Ok(None);
    };
    let bytes = state.with(|c| public_gifts(c, year, format))?;
    write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}
