//! Partnership register commands: partnerships, their agreements, theme areas.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::partnerships::agreements::{self, Agreement, AgreementInput};
use partnerdesk_core::partnerships::themes::{self, ThemeArea};
use partnerdesk_core::partnerships::{self, Partnership, PartnershipInput, PartnershipQuery};
use partnerdesk_core::settings::office_today;
use partnerdesk_core::store::paging::Page;

#[tauri::command]
pub async fn list_partnerships(state: State<'_, AppState>, query: PartnershipQuery) -> Result<Page<Partnership>> {
    state.with(|c| partnerships::list_partnerships(c, &query, office_today(c)?))
}

#[tauri::command]
pub async fn get_partnership(state: State<'_, AppState>, id: String) -> Result<Partnership> {
    state.with(|c| partnerships::get_partnership(c, &id, office_today(c)?))
}

#[tauri::command]
pub async fn create_partnership(state: State<'_, AppState>, input: PartnershipInput) -> Result<Partnership> {
    state.with(|c| partnerships::create_partnership(c, &input, office_today(c)?))
}

#[tauri::command]
pub async fn update_partnership(
    state: State<'_, AppState>,
    id: String,
    input: PartnershipInput,
) -> Result<Partnership> {
    state.with(|c| partnerships::update_partnership(c, &id, &input, office_today(c)?))
}

#[tauri::command]
pub async fn delete_partnership(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| partnerships::trash::delete_partnership(c, &id))
}

#[tauri::command]
pub async fn restore_partnership(state: State<'_, AppState>, id: String) -> Result<Partnership> {
    state.with(|c| partnerships::trash::restore_partnership(c, &id, office_today(c)?))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn list_agreements(state: State<'_, AppState>, partnership_id: String) -> Result<Vec<Agreement>> {
    state.with(|c| agreements::list_agreements(c, Some(&partnership_id), office_today(c)?))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_agreement(
    state: State<'_, AppState>,
    partnership_id: String,
    input: AgreementInput,
) -> Result<Agreement> {
    state.with(|c| agreements::add_agreement(c, &partnership_id, &input, office_today(c)?))
}

#[tauri::command]
pub async fn update_agreement(state: State<'_, AppState>, id: String, input: AgreementInput) -> Result<Agreement> {
    state.with(|c| agreements::update_agreement(c, &id, &input, office_today(c)?))
}

#[tauri::command]
pub async fn remove_agreement(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| agreements::remove_agreement(c, &id))
}

#[tauri::command]
pub async fn restore_agreement(state: State<'_, AppState>, id: String) -> Result<Agreement> {
    state.with(|c| agreements::restore_agreement(c, &id, office_today(c)?))
}

#[tauri::command]
pub async fn list_themes(state: State<'_, AppState>) -> Result<Vec<ThemeArea>> {
    state.with(themes::list_themes)
}

#[tauri::command]
pub async fn add_theme(state: State<'_, AppState>, name: String) -> Result<ThemeArea> {
    state.with(|c| themes::add_theme(c, &name))
}

#[tauri::command]
pub async fn rename_theme(state: State<'_, AppState>, id: String, name: String) -> Result<ThemeArea> {
    state.with(|c| themes::rename_theme(c, &id, &name))
}
