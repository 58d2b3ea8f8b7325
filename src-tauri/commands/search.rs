//! The office-wide search behind Ctrl+K and the field at the top of the sidebar.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::search::{self, SearchHit, SearchKind};

#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String, kind: Option<SearchKind>) -> Result<Vec<SearchHit>> {
    state.with(|conn| search::search(conn, &query, kind))
}
