//! Project commands: the list, the project page, its links to trips, items and agreements,
//! and the trash.

use tauri::State;

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::projects::{self, Project, ProjectInput, ProjectLinkKind, ProjectQuery, ProjectSummary};
use partnerdesk_core::store::paging::Page;
use partnerdesk_core::vocabulary::RecordLink;

#[tauri::command]
pub async fn list_projects(state: State<'_, AppState>, query: ProjectQuery) -> Result<Page<ProjectSummary>> {
    state.with(|c| projects::list_projects(c, &query))
}

#[tauri::command]
pub async fn get_project(state: State<'_, AppState>, id: String) -> Result<Project> {
    state.with(|c| projects::get_project(c, &id))
}

#[tauri::command]
pub async fn create_project(state: State<'_, AppState>, input: ProjectInput) -> Result<Project> {
    state.with(|c| projects::create_project(c, &input))
}

#[tauri::command]
pub async fn update_project(state: State<'_, AppState>, id: String, input: ProjectInput) -> Result<Project> {
    state.with(|c| projects::update_project(c, &id, &input))
}

#[tauri::command]
pub async fn delete_project(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| projects::delete_project(c, &id))
}

#[tauri::command]
pub async fn restore_project(state: State<'_, AppState>, id: String) -> Result<Project> {
    state.with(|c| projects::restore_project(c, &id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn link_to_project(
    state: State<'_, AppState>,
    project_id: String,
    kind: ProjectLinkKind,
    record_id: String,
) -> Result<Project> {
    state.with(|c| projects::link_to_project(c, &project_id, kind, &record_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn unlink_from_project(
    state: State<'_, AppState>,
    project_id: String,
    kind: ProjectLinkKind,
    record_id: String,
) -> Result<Project> {
    state.with(|c| projects::unlink_from_project(c, &project_id, kind, &record_id))
}

#[tauri::command(rename_all = "snake_case")]
pub async fn projects_of_trip(state: State<'_, AppState>, trip_id: String) -> Result<Vec<RecordLink>> {
    state.with(|c| projects::projects_of_trip(c, &trip_id))
}
