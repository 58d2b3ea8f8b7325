//! Report commands: the annual partnership report's figures for the window, writing it where
//! the officer says, and the reports written before (to write one again alike).

use tauri::{AppHandle, State};

use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::export::write_atomically;
use partnerdesk_core::report::{self, AnnualReport, ReportChoices, ReportFormat, WrittenReport};
use partnerdesk_core::vocabulary::Language;

#[tauri::command]
pub async fn annual_report(state: State<'_, AppState>, choices: ReportChoices) -> Result<AnnualReport> {
    state.with(|c| report::annual_report(c, &choices))
}

/// Writes the report; the report as kept, or `None` when the officer cancelled.
#[tauri::command(rename_all = "snake_case")]
pub async fn write_report(
    app: AppHandle,
    state: State<'_, AppState>,
    choices: ReportChoices,
    format: ReportFormat,
    language: Language,
    title: String,
    file_name: String,
) -> Result<Option<WrittenReport>> {
    let kind = match format {
        ReportFormat::Pdf => ("PDF", "pdf"),
        ReportFormat::Docx => ("Word", "docx"),
        ReportFormat::Xlsx => ("Excel", "xlsx"),
    };
    let Some(path) = crate::shell::dialogs::save_file(&app, &title, &file_name, kind) else {
        return Ok(None);
    };
    let bytes = state.with(|c| report::render_report(c, &choices, format, language))?;
    write_atomically(&path, &bytes)?;
    state.with(|c| report::record_report(c, &choices, format, language)).map(Some)
}

#[tauri::command]
pub async fn written_reports(state: State<'_, AppState>) -> Result<Vec<WrittenReport>> {
    state.with(|c| report::written_reports(c, 50))
}
