//! Export commands: name the texts a programme would print without their translation and the
//! documents a bundle would carry, ask where to save, then write the file.

use tauri::{AppHandle, State};

use crate::shell::state::AppState;
use partnerdesk_core::audience::Recipient;
use partnerdesk_core::bundle::{bundle_documents, BundleDocuments};
use partnerdesk_core::error::Result;
use partnerdesk_core::export::document::MissingTranslation;
use partnerdesk_core::export::{
    missing_translations, prepare_trip_file, write_atomically, ExportFormat, ExportOptions,
};

/// Saves a trip's programme or delegation list; the path written, or `None` when cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_trip(
    app: AppHandle,
    state: State<'_, AppState>,
    trip_id: String,
    format: ExportFormat,
    options: ExportOptions,
    title: String,
    file_name: String,
) -> Result<Option<String>> {
    let Some(path) = crate::shell::dialogs::save_file(&app, &title, &file_name, format.file_kind()) else {
        return Ok(None);
    };
    let prepared = state.with(|c| prepare_trip_file(c, &trip_id, format, &options))?;
    write_atomically(&path, &prepared.render()?)?;
    Ok(Some(path.display().to_string()))
}

/// What the export would print without its translation, for the window to name before it asks
/// where to save.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_missing_translations(
    state: State<'_, AppState>,
    trip_id: String,
    format: ExportFormat,
    options: ExportOptions,
) -> Result<Vec<MissingTranslation>> {
    state.with(|c| missing_translations(c, &trip_id, format, &options))
}

/// The documents a trip bundle for `recipient` would carry: how many, how large, whether they fit.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_bundle_documents(
    state: State<'_, AppState>,
    trip_id: String,
    recipient: Recipient,
) -> Result<BundleDocuments> {
    state.with(|c| bundle_documents(c, &trip_id, recipient.path()))
}
