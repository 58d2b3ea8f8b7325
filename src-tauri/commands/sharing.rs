//! Sharing commands: turning sharing through the office folder on and off, syncing, and the
//! conflict list.

use tauri::{AppHandle, State};

use crate::shell::dialogs;
use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::sharing::{self, Compaction, Conflict, SharingInput, SharingStatus, SyncSummary};
use partnerdesk_core::store::paging::{Page, PageRequest};

#[tauri::command]
pub async fn sharing_status(state: State<'_, AppState>) -> Result<SharingStatus> {
    state.with(sharing::status)
}

/// The folder the user picks in the system's dialog, if they pick one.
#[tauri::command]
pub async fn choose_sharing_folder(app: AppHandle, title: String) -> Result<Option<String>> {
    Ok(dialogs::pick_folder(&app, &title).map(|path| path.display().to_string()))
}

/// Turns sharing on and syncs once.
#[tauri::command]
pub async fn turn_on_sharing(state: State<'_, AppState>, input: SharingInput) -> Result<SharingStatus> {
    state.with(|conn| sharing::turn_on(conn, &input))?;
    sharing::sync(&state.second_connection()?)?;
    state.with(sharing::status)
}

#[tauri::command]
pub async fn turn_off_sharing(state: State<'_, AppState>) -> Result<()> {
    state.with(sharing::turn_off)
}

/// Syncs on a connection of its own, so that the window stays responsive meanwhile.
#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> Result<SyncSummary> {
    sharing::sync(&state.second_connection()?)
}

/// Syncs, writes a snapshot and takes this laptop's files out of the folder that no one needs.
#[tauri::command]
pub async fn compact_sharing_folder(state: State<'_, AppState>) -> Result<Compaction> {
    sharing::compact(&state.second_connection()?).map(|(_, compaction)| compaction)
}

#[tauri::command]
pub async fn list_conflicts(state: State<'_, AppState>, page: PageRequest) -> Result<Page<Conflict>> {
    state.with(|conn| sharing::list_conflicts(conn, page))
}

#[tauri::command]
pub async fn keep_lost_value(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|conn| sharing::keep_lost_value(conn, &id))
}

#[tauri::command]
pub async fn dismiss_conflict(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|conn| sharing::dismiss_conflict(conn, &id))
}
