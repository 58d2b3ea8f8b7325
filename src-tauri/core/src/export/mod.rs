//! Exports of a trip for people who do not use Partnerdesk. Files are written whole or not at
//! all: into a temporary file beside the target, then renamed over it.

use std::io::Write;
use std::path::Path;

use rusqlite::Connection;

use crate::audience::{Recipient, Ticked};
use crate::bundle::Documents;
use crate::error::{Error, Result};
use crate::settings::get_settings;
use crate::vocabulary::{Language, SecondLanguage};

pub mod briefing;
pub mod calendar;
pub mod costs;
#[cfg(feature = "pdf")]
pub mod costs_pdf;
pub mod delegation;
pub mod document;
pub mod gifts;
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod registrations;
pub mod travel_copy;
pub mod vtimezone;

crate::text_enum! {
    /// pdf and html: the programme to read; ics: the programme as a calendar file; xlsx and
    /// csv: the delegation list; bundle: the whole trip for a colleague's Partnerdesk;
    /// travel_copy: a reduced database of the trip to take on the journey; costs: the trip's
    /// costs as a workbook for the office; costs_pdf: the cost overview on paper for the office;
    /// briefing and briefing_html: the briefing folder for the head of the delegation (or the
    /// member chosen), as PDF or as HTML for the phone;
    /// registrations: the participants list for the travel
    /// agency and the partner's foreign-affairs office.
    pub enum ExportFormat {
        Pdf => "pdf",
        Html => "html",
        Ics => "ics",
        Xlsx => "xlsx",
        Csv => "csv",
        Bundle => "bundle",
        TravelCopy => "travel_copy",
        Costs => "costs",
        CostsPdf => "costs_pdf",
        Briefing => "briefing",
        BriefingHtml => "briefing_html",
        Registrations => "registrations",
    }
}

crate::text_enum! {
    /// The language a programme document is written in: its headings, dates and texts. Chinese
    /// takes the trip's Chinese texts, for the partner's side.
    pub enum MainLanguage { De => "de", En => "en", Zh => "zh" }
}

/// The language of a programme document, `de`, `en` or `zh`, and the trip's second language
/// beside German or English: `de+zh`, `en+fr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ts_rs::TS)]
#[ts(export, type = "string")]
pub struct DocumentLanguage {
    pub main: MainLanguage,
    pub second: Option<SecondLanguage>,
}

impl DocumentLanguage {
    pub const DE: Self = DocumentLanguage { main: MainLanguage::De, second: None };
    pub const EN: Self = DocumentLanguage { main: MainLanguage::En, second: None };
    pub const ZH: Self = DocumentLanguage { main: MainLanguage::Zh, second: None };
    pub const DE_ZH: Self = DocumentLanguage { main: MainLanguage::De, second: Some(SecondLanguage::Zh) };
    pub const EN_ZH: Self = DocumentLanguage { main: MainLanguage::En, second: Some(SecondLanguage::Zh) };

    /// The app's language alone, for a document nobody chose a language for.
    pub fn of_app(language: Language) -> Self {
        match language {
            Language::De => DocumentLanguage::DE,
            Language::En => DocumentLanguage::EN,
        }
    }
}

impl std::str::FromStr for DocumentLanguage {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        let (main, second) = match text.split_once('+') {
            Some((main, second)) => (main, Some(second)),
            None => (text, None),
        };
        let main = MainLanguage::parse(main)
            .ok_or_else(|| format!("{text:?} is no document language: it starts with de, en or zh"))?;
        let second = second
            .map(|code| {
                SecondLanguage::parse(code).ok_or_else(|| {
                    let known: Vec<&str> = SecondLanguage::ALL.iter().map(|language| language.as_str()).collect();
                    format!("{code:?} is no second language Partnerdesk prints; one of {}", known.join(", "))
                })
            })
            .transpose()?;
        match (main, second) {
            (MainLanguage::Zh, Some(_)) => Err(format!("{text:?}: a Chinese document has no second language")),
            (main, Some(second)) if main.as_str() == second.as_str() => {
                Err(format!("{text:?}: the second language is the first one"))
            }
            _ => Ok(DocumentLanguage { main, second }),
        }
    }
}

impl serde::Serialize for DocumentLanguage {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for DocumentLanguage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(deserializer)?.parse().map_err(serde::de::Error::custom)
    }
}

impl std::fmt::Display for DocumentLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.main.as_str())?;
        match self.second {
            Some(second) => write!(f, "+{second}"),
            None => Ok(()),
        }
    }
}

impl ExportFormat {
    /// The file name extension, and what a save dialog calls such files.
    pub fn file_kind(self) -> (&'static str, &'static str) {
        match self {
            ExportFormat::Pdf | ExportFormat::CostsPdf | ExportFormat::Briefing => ("PDF", "pdf"),
            ExportFormat::Ics => ("iCalendar", "ics"),
            ExportFormat::Html | ExportFormat::BriefingHtml => ("HTML", "html"),
            ExportFormat::Xlsx => ("Excel", "xlsx"),
            ExportFormat::Csv => ("CSV", "csv"),
            ExportFormat::Bundle => ("Partnerdesk", "json"),
            ExportFormat::TravelCopy => ("Partnerdesk", "sqlite"),
            ExportFormat::Costs | ExportFormat::Registrations => ("Excel", "xlsx"),
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
    /// For a trip bundle: without the documents of the trip, its items and members.
    #[serde(default)]
    pub leave_out_documents: bool,
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
    let language = options.language.unwrap_or(DocumentLanguage::of_app(app_language));
    let member = options.member_id.as_deref();
    let for_one =
        [ExportFormat::Pdf, ExportFormat::Ics, ExportFormat::Html, ExportFormat::Briefing, ExportFormat::BriefingHtml];
    if member.is_some() && !for_one.contains(&format) {
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
        #[cfg(feature = "pdf")]
        ExportFormat::Briefing => {
            let document = briefing::briefing_document(conn, trip_id, member, language)?;
            return Ok(PreparedExport::Pdf(Box::new(document)));
        }
        #[cfg(not(feature = "pdf"))]
        ExportFormat::Briefing => {
            return Err(Error::field("format", "format_not_built", "this build of Partnerdesk makes no PDF"))
        }
        ExportFormat::BriefingHtml => {
            html::render(&briefing::briefing_document(conn, trip_id, member, language)?).into_bytes()
        }
        ExportFormat::Ics => calendar::trip_calendar(conn, trip_id, member, language)?.into_bytes(),
        ExportFormat::Html => html::programme_html(conn, trip_id, member, language)?.into_bytes(),
        ExportFormat::Xlsx => delegation::delegation_xlsx(conn, trip_id, app_language, &options.ticked)?,
        ExportFormat::Csv => delegation::delegation_csv(conn, trip_id, app_language, &options.ticked)?,
        ExportFormat::Bundle => {
            let documents = if options.leave_out_documents { Documents::LeftOut } else { Documents::Carried };
            crate::bundle::export_bundle(conn, trip_id, options.recipient.path(), &options.ticked, documents)?
        }
        ExportFormat::TravelCopy => travel_copy::travel_copy(conn, trip_id, &options.ticked)?,
        ExportFormat::Costs => costs::costs_xlsx(conn, trip_id, app_language)?,
        #[cfg(feature = "pdf")]
        ExportFormat::CostsPdf => costs_pdf::costs_pdf(conn, trip_id, app_language)?,
        #[cfg(not(feature = "pdf"))]
        ExportFormat::CostsPdf => {
            return Err(Error::field("format", "format_not_built", "this build of Partnerdesk makes no PDF"))
        }
        ExportFormat::Registrations => registrations::participants_xlsx(conn, trip_id, app_language, &options.ticked)?,
    };
    Ok(PreparedExport::Bytes(bytes))
}

/// What a programme export (pdf, html, ics) would print without its translation, to be named
/// before it is written; nothing for the other formats.
pub fn missing_translations(
    conn: &Connection,
    trip_id: &str,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Vec<document::MissingTranslation>> {
    let programme =
        [ExportFormat::Pdf, ExportFormat::Html, ExportFormat::Ics, ExportFormat::Briefing, ExportFormat::BriefingHtml];
    if !programme.contains(&format) {
        return Ok(Vec::new());
    }
    let language = match options.language {
        Some(language) => language,
        None => DocumentLanguage::of_app(get_settings(conn)?.language),
    };
    document::missing_translations(conn, trip_id, options.member_id.as_deref(), language)
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
