//! Exports of a trip for people who do not use Partnerdesk. Files are written whole or not at
//! all: into a temporary file beside the target, then renamed over it.

use std::io::Write;
use std::path::Path;

use rusqlite::Connection;

use crate::audience::{Recipient, Ticked};
use crate::error::{Error, Result};
use crate::settings::get_settings;
use crate::vocabulary::Language;

pub mod calendar;
pub mod delegation;
pub mod document;
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod travel_copy;
pub mod vtimezone;

crate::text_enum! {
    /// pdf and html: the programme to read; ics: the programme as a calendar file; xlsx and
    /// csv: the delegation list; bundle: the whole trip for a colleague's Partnerdesk;
    /// travel_copy: a reduced database of the trip to take on the journey.
    pub enum ExportFormat {
        Pdf => "pdf",
        Html => "html",
        Ics => "ics",
        Xlsx => "xlsx",
        Csv => "csv",
        Bundle => "bundle",
        TravelCopy => "travel_copy",
    }
}

crate::text_enum! {
    /// The language of a programme document: German, English, or either with Chinese beside it.
    pub enum DocumentLanguage { De => "de", En => "en", DeZh => "de+zh", EnZh => "en+zh" }
}

impl ExportFormat {
    /// The file name extension, and what a save dialog calls such files.
    pub fn file_kind(self) -> (&'static str, &'static str) {
        match self {
            ExportFormat::Pdf => ("PDF", "pdf"),
            ExportFormat::Ics => ("iCalendar", "ics"),
            ExportFormat::Html => ("HTML", "html"),
            ExportFormat::Xlsx => ("Excel", "xlsx"),
            ExportFormat::Csv => ("CSV", "csv"),
            ExportFormat::Bundle => ("Partnerdesk", "json"),
            ExportFormat::TravelCopy => ("Partnerdesk", "sqlite"),
        }
    }
}

/// What to export of a trip: `member_id` narrows a programme to one member's items;
/// `language` is the programme document's (the app's language when not given).
#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ExportOptions {
    #[serde(default)]
    pub member_id: Option<String>,
    #[serde(default)]
    pub language: Option<DocumentLanguage>,
    /// What the officer ticked to go along (`audience` says where a tick counts).
    #[serde(default)]
    pub ticked: Ticked,
    /// For a trip bundle: whom it is for.
    #[serde(default)]
    pub recipient: Recipient,
}

/// An export read from the database, ready to become bytes without it: Typst sets a PDF
/// after the caller has let go of the database, which takes the longest.
pub enum PreparedExport {
    #[cfg(feature = "pdf")]
    Pdf(Box<document::ProgrammeDocument>),
    Bytes(Vec<u8>),
}

impl PreparedExport {
    pub fn render(self) -> Result<Vec<u8>> {
        match self {
            #[cfg(feature = "pdf")]
            PreparedExport::Pdf(document) => pdf::render(&document),
            PreparedExport::Bytes(bytes) => Ok(bytes),
        }
    }
}

/// The bytes of a trip's export.
pub fn trip_file(conn: &Connection, trip_id: &str, format: ExportFormat, options: &ExportOptions) -> Result<Vec<u8>> {
    prepare_trip_file(conn, trip_id, format, options)?.render()
}

/// Reads what a trip's export needs from the database (see `PreparedExport`).
pub fn prepare_trip_file(
    conn: &Connection,
    trip_id: &str,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<PreparedExport> {
    let app_language = get_settings(conn)?.language;
    let language = options.language.unwrap_or(match app_language {
        Language::De => DocumentLanguage::De,
        Language::En => DocumentLanguage::En,
    });
    let member = options.member_id.as_deref();
    if member.is_some() && !matches!(format, ExportFormat::Pdf | ExportFormat::Ics | ExportFormat::Html) {
        return Err(Error::field("member_id", "member_only_for_programme", "only a programme is made for one member"));
    }
    let bytes = match format {
        #[cfg(feature = "pdf")]
        ExportFormat::Pdf => {
            let document = document::programme_document(conn, trip_id, member, language)?;
            return Ok(PreparedExport::Pdf(Box::new(document)));
        }
        #[cfg(not(feature = "pdf"))]
        ExportFormat::Pdf => {
            return Err(Error::field("format", "format_not_built", "this build of Partnerdesk makes no PDF"))
        }
        ExportFormat::Ics => calendar::trip_calendar(conn, trip_id, member)?.into_bytes(),
        ExportFormat::Html => html::programme_html(conn, trip_id, member, language)?.into_bytes(),
        ExportFormat::Xlsx => delegation::delegation_xlsx(conn, trip_id, app_language, &options.ticked)?,
        ExportFormat::Csv => delegation::delegation_csv(conn, trip_id, app_language, &options.ticked)?,
        ExportFormat::Bundle => crate::bundle::export_bundle(conn, trip_id, options.recipient.path(), &options.ticked)?,
        ExportFormat::TravelCopy => travel_copy::travel_copy(conn, trip_id, &options.ticked)?,
    };
    Ok(PreparedExport::Bytes(bytes))
}

/// Writes `bytes` to `path` so that a reader sees the old file or the complete new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let temporary = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    Ok(written?)
}

#[cfg(test)]
mod tests;
