//! App-wide commands: about the app, settings, time zones and the first-start welcome.

use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::shell::state::AppState;
use partnerdesk_core::demo::{load_demo, DemoSummary};
use partnerdesk_core::error::{ErrorPayload, Result};
use partnerdesk_core::settings::{self, Settings};
use partnerdesk_core::store::atomically;

#[derive(Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    /// Why the database could not be opened, if it could not.
    pub database_error: Option<ErrorPayload>,
    /// The database is encrypted and waits for its passphrase.
    pub locked: bool,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        database_path: state.db_path.display().to_string(),
        database_error: state.open_error(),
        locked: state.locked(),
    })
}

#[tauri::command]
pub async fn list_time_zones() -> Result<Vec<&'static str>> {
    Ok(partnerdesk_core::zoned::zone_names())
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.with(settings::get_settings)
}

#[tauri::command]
pub async fn update_settings(app: AppHandle, state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    let saved = state.with(|c| settings::update_settings(c, &settings))?;
    crate::shell::menu::install(&app, saved.language);
    Ok(saved)
}

#[tauri::command]
pub async fn welcome_pending(state: State<'_, AppState>) -> Result<bool> {
    state.with(settings::welcome_pending)
}

/// The answer to the first-start question; loads the example data only on a yes.
#[tauri::command(rename_all = "snake_case")]
pub async fn answer_welcome(state: State<'_, AppState>, load_example_data: bool) -> Result<Option<DemoSummary>> {
    state.with(|c| {
        atomically(c, |c| {
            settings::mark_welcome_answered(c)?;
            load_example_data.then(|| load_demo(c)).transpose()
        })
    })
}
