//! The first screen, what is next for the office, and the year view of all trips.

use chrono::Utc;
use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::overview::{self, Overview, TripYear};

#[tauri::command]
pub async fn overview(state: State<'_, AppState>) -> Result<Overview> {
    state.with(|conn| overview::overview(conn, Utc::now()))
}

/// The trips of `year`, or of this year when none is given.
#[tauri::command]
pub async fn trip_year(state: State<'_, AppState>, year: Option<i32>) -> Result<TripYear> {
    state.with(|conn| overview::trip_year(conn, year, Utc::now()))
}
