//! Document commands: the documents of a record, adding them by the system dialog or by
//! dropping files on the window, changing, opening and saving them, and the trash.

use std::path::PathBuf;

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::shell::state::AppState;
use partnerdesk_core::documents::{self, Document, DocumentInput, DocumentOwner};
use partnerdesk_core::error::{Error, Result};
use partnerdesk_core::store::atomically;

#[tauri::command]
pub async fn list_documents(state: State<'_, AppState>, owner: DocumentOwner) -> Result<Vec<Document>> {
    state.with(|c| documents::list_documents(c, &owner))
}

/// Lets the user pick files (the dialog titled in their language) and attaches a copy of each;
/// all of them or, when one cannot be read, none. Empty when they cancel.
#[tauri::command]
pub async fn attach_documents(
    app: AppHandle,
    state: State<'_, AppState>,
    owner: DocumentOwner,
    title: String,
) -> Result<Vec<Document>> {
    let picked = crate::shell::dialogs::pick_files(&app, &title);
    attach_all(&state, &owner, &picked)
}

/// Attaches the files dropped on the window.
#[tauri::command]
pub async fn attach_dropped_documents(
    state: State<'_, AppState>,
    owner: DocumentOwner,
    paths: Vec<PathBuf>,
) -> Result<Vec<Document>> {
    attach_all(&state, &owner, &paths)
}

fn attach_all(state: &AppState, owner: &DocumentOwner, paths: &[PathBuf]) -> Result<Vec<Document>> {
    state.with(|c| atomically(c, |c| paths.iter().map(|path| documents::attach_file(c, owner, path)).collect()))
}

#[tauri::command]
pub async fn update_document(state: State<'_, AppState>, id: String, input: DocumentInput) -> Result<Document> {
    state.with(|c| documents::update_document(c, &id, &input))
}

#[tauri::command]
pub async fn delete_document(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| documents::delete_document(c, &id))
}

#[tauri::command]
pub async fn restore_document(state: State<'_, AppState>, id: String) -> Result<Document> {
    state.with(|c| documents::restore_document(c, &id))
}

/// Opens a readable copy of the document with the system viewer.
#[tauri::command]
pub async fn open_document(app: AppHandle, state: State<'_, AppState>, id: String) -> Result<()> {
    let path = state.with(|c| documents::copy_for_viewer(c, &id, &state.viewer_copies_dir()))?;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| Error::Opener(e.to_string()))
}

/// Lets the user choose where to save a copy of the document; false if they cancel.
#[tauri::command]
pub async fn save_document_copy(app: AppHandle, state: State<'_, AppState>, id: String, title: String) -> Result<bool> {
    let document = state.with(|c| documents::get_document(c, &id))?;
    let extension = document.name.rsplit_once('.').map(|(_, extension)| extension.to_string()).unwrap_or_default();
    let filter = if extension.is_empty() { "*".to_string() } else { extension.clone() };
    let Some(target) = crate::shell::dialogs::save_file(&app, &title, &document.name, (&extension, &filter)) else {
        return Ok(false);
    };
    state.with(|c| documents::save_copy(c, &id, &target))?;
    Ok(true)
}
