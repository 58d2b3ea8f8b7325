//! Sharing commands: turning sharing through the office folder on and off, syncing, the
//! conflict list, and the partner offices with what is shared with each.

use tauri::{AppHandle, State};

use crate::shell::dialogs;
use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::sharing::partner_offices::{self, PartnerOffice, PartnerOfficeInput, ShareInput, SharedWith};
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
pub async fn list_partner_offices(state: State<'_, AppState>) -> Result<Vec<PartnerOffice>> {
    state.with(partner_offices::list)
}

/// Starts sharing with a partner office; its first sync follows with the next one.
#[tauri::command]
pub async fn link_partner_office(state: State<'_, AppState>, input: PartnerOfficeInput) -> Result<PartnerOffice> {
    state.with(|conn| partner_offices::link(conn, &input))
}

#[tauri::command]
pub async fn unlink_partner_office(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|conn| partner_offices::unlink(conn, &id))
}

/// The partner offices with whether the trip or partnership is shared with each.
#[tauri::command(rename_all = "snake_case")]
pub async fn partner_offices_sharing(
    state: State<'_, AppState>,
    trip_id: Option<String>,
    partnership_id: Option<String>,
) -> Result<Vec<SharedWith>> {
    state.with(|conn| partner_offices::shared_with(conn, trip_id.as_deref(), partnership_id.as_deref()))
}

#[tauri::command]
pub async fn share_with_partner_office(state: State<'_, AppState>, input: ShareInput) -> Result<()> {
    state.with(|conn| partner_offices::set_shared(conn, &input))
}

#[tauri::command]
pub async fn dismiss_conflict(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|conn| sharing::dismiss_conflict(conn, &id))
}
