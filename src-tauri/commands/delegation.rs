//! Delegation commands: members, their details and their order of precedence.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::delegation::{self, Member, MemberDetail, MemberInput};
use partnerdesk_core::error::Result;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_members(state: State<'_, AppState>, trip_id: String) -> Result<Vec<Member>> {
    state.with(|c| delegation::list_members(c, &trip_id))
}

#[tauri::command]
pub async fn get_member(state: State<'_, AppState>, id: String) -> Result<MemberDetail> {
    state.with(|c| delegation::get_member(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_member(state: State<'_, AppState>, trip_id: String, input: MemberInput) -> Result<MemberDetail> {
    state.with(|c| delegation::add_member(c, &trip_id, &input))
}

#[tauri::command]
pub async fn update_member(state: State<'_, AppState>, id: String, input: MemberInput) -> Result<MemberDetail> {
    state.with(|c| delegation::update_member(c, &id, &input))
}

#[tauri::command]
pub async fn remove_member(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| delegation::remove_member(c, &id))
}

#[tauri::command]
pub async fn restore_member(state: State<'_, AppState>, id: String) -> Result<MemberDetail> {
    state.with(|c| delegation::restore_member(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_member_order(
    state: State<'_, AppState>,
    trip_id: String,
    ordered_ids: Vec<String>,
) -> Result<Vec<Member>> {
    state.with(|c| delegation::set_member_order(c, &trip_id, &ordered_ids))
}
