//! Cost commands: a trip's cost lines and budget view, its approval, the office's budget lines
//! and the exchange rates (typed, or read from the ECB file the officer picks).

use chrono::NaiveDate;
use tauri::{AppHandle, State};

use crate::shell::state::AppState;
use partnerdesk_core::costs::budget::{self, BudgetLineInput, BudgetLineUse, TripBudget};
use partnerdesk_core::costs::rates::{self, ExchangeRate, RateInput, RateQuery, RatesImported};
use partnerdesk_core::costs::{self, CostLine, CostLineInput};
use partnerdesk_core::error::Result;
use partnerdesk_core::import::read_import_file;
use partnerdesk_core::store::paging::Page;

#[tauri::command(rename_all = "snake_case")]
pub async fn trip_budget(state: State<'_, AppState>, trip_id: String) -> Result<TripBudget> {
    state.with(|c| budget::trip_budget(c, &trip_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_cost_line(state: State<'_, AppState>, trip_id: String, input: CostLineInput) -> Result<CostLine> {
    state.with(|c| costs::create_cost_line(c, &trip_id, &input))
}

#[tauri::command]
pub async fn update_cost_line(state: State<'_, AppState>, id: String, input: CostLineInput) -> Result<CostLine> {
    state.with(|c| costs::update_cost_line(c, &id, &input))
}

#[tauri::command]
pub async fn delete_cost_line(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| costs::delete_cost_line(c, &id))
}

#[tauri::command]
pub async fn restore_cost_line(state: State<'_, AppState>, id: String) -> Result<CostLine> {
    state.with(|c| costs::restore_cost_line(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn request_approval(state: State<'_, AppState>, trip_id: String) -> Result<TripBudget> {
    state.with(|c| budget::request_approval(c, &trip_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn approve_trip_costs(
    state: State<'_, AppState>,
    trip_id: String,
    approved_by: String,
) -> Result<TripBudget> {
    state.with(|c| budget::approve(c, &trip_id, &approved_by))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn withdraw_approval(state: State<'_, AppState>, trip_id: String) -> Result<TripBudget> {
    state.with(|c| budget::withdraw_approval(c, &trip_id))
}

#[tauri::command]
pub async fn budget_year(state: State<'_, AppState>, year: i32) -> Result<Vec<BudgetLineUse>> {
    state.with(|c| budget::budget_year(c, year))
}

#[tauri::command]
pub async fn create_budget_line(state: State<'_, AppState>, input: BudgetLineInput) -> Result<BudgetLineUse> {
    state.with(|c| budget::create_budget_line(c, &input))
}

#[tauri::command]
pub async fn update_budget_line(
    state: State<'_, AppState>,
    id: String,
    input: BudgetLineInput,
) -> Result<BudgetLineUse> {
    state.with(|c| budget::update_budget_line(c, &id, &input))
}

#[tauri::command]
pub async fn delete_budget_line(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| budget::delete_budget_line(c, &id))
}

#[tauri::command]
pub async fn rate_for(state: State<'_, AppState>, currency: String, day: NaiveDate) -> Result<Option<ExchangeRate>> {
    state.with(|c| rates::rate_for(c, &currency, day))
}

#[tauri::command]
pub async fn list_rates(state: State<'_, AppState>, query: RateQuery) -> Result<Page<ExchangeRate>> {
    state.with(|c| rates::list_rates(c, &query))
}

#[tauri::command]
pub async fn set_rate(state: State<'_, AppState>, input: RateInput) -> Result<ExchangeRate> {
    state.with(|c| rates::set_rate(c, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_rate(state: State<'_, AppState>, currency: String, rate_on: NaiveDate) -> Result<()> {
    state.with(|c| rates::delete_rate(c, &currency, rate_on))
}

/// Asks for the ECB's reference-rate file and takes its rates in; `None` when the officer
/// cancelled the dialog.
#[tauri::command]
pub async fn import_ecb_rates(
    app: AppHandle,
    state: State<'_, AppState>,
    title: String,
) -> Result<Option<RatesImported>> {
    let Some(path) = crate::shell::dialogs::pick_file(&app, &title) else {
        return Ok(None);
    };
    let bytes = read_import_file(&path)?;
    state.with(|c| rates::import_ecb_rates(c, &bytes)).map(Some)
}
