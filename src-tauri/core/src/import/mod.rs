//! Imports of what others send: trip bundles from a colleague's Partnerdesk, calendar files
//! (flights, hotels, a partner's programme), delegation lists and contacts. The kind of a
//! file is recognised by its content. Every importer runs the same way twice: once inside a
//! savepoint that is rolled back, to show the preview, and once for real in one transaction,
//! so that what is applied is exactly what was previewed. A file with problems is refused
//! whole unless the user chooses to skip the bad rows.

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, Result};

pub(crate) mod bundle;
pub mod calendar;
pub mod contacts;
pub mod table;

/// Files larger than this are refused before they are read: no office sends 50 MB of programme.
pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;

crate::text_enum! {
    /// bundle: a trip from another Partnerdesk; calendar: .ics; table: .csv or .xlsx with
    /// people; contacts: vCard (.vcf).
    pub enum ImportKind { Bundle => "bundle", Calendar => "calendar", Table => "table", Contacts => "contacts" }
}

crate::text_enum! {
    /// kept_newer: left alone because the copy here was changed later; remove: taken out
    /// (an event cancelled in the calendar file).
    pub enum PreviewAction {
        Add => "add",
        Update => "update",
        Remove => "remove",
        Unchanged => "unchanged",
        KeptNewer => "kept_newer",
        Skip => "skip",
    }
}

crate::text_enum! {
    /// What a record of an import is, for the preview's grouping.
    pub enum RecordKind {
        Trip => "trip",
        Item => "item",
        Member => "member",
        Registration => "registration",
        Person => "person",
        Organisation => "organisation",
        Partnership => "partnership",
        Outcome => "outcome",
        Task => "task",
        Document => "document",
    }
}

/// One record the import adds, updates, leaves alone or skips.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PreviewRow {
    pub action: PreviewAction,
    pub record: RecordKind,
    pub label: String,
    /// A short description: times and place of an item, function of a person.
    pub detail: String,
}

/// A problem with one line (or record) of the file; the row it is on is not imported.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    /// The line of the file (1-based; for spreadsheets the row), where the file has lines.
    pub line: Option<u32>,
    pub field: String,
    /// What is wrong, for the window to say in the user's language.
    pub code: String,
    /// The text in the file that is wrong (empty where something is missing).
    pub value: String,
    pub message: String,
    /// What the message names (a limit), for the window to say it in the user's language.
    pub values: std::collections::BTreeMap<String, String>,
}

/// A table's columns as read, and which field each is taken for.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TableLayout {
    pub headers: Vec<String>,
    /// For each column, the field it fills (`None`: ignored).
    pub columns: Vec<Option<table::PersonField>>,
    /// The first rows as read, for the mapping step.
    pub sample: Vec<Vec<String>>,
}

/// What an import will do, shown before anything is changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub kind: ImportKind,
    pub rows: Vec<PreviewRow>,
    pub problems: Vec<ImportProblem>,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// For tables: the columns and how they are mapped.
    pub table: Option<TableLayout>,
    /// For tables: every field a column can fill, for the mapping step.
    pub table_fields: Vec<table::PersonField>,
}

/// What the user chose for an import.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    /// The trip that calendar items or delegation members go into; without it, people from
    /// a table or vCard go into the register only.
    #[serde(default)]
    pub trip_id: Option<String>,
    /// People from a table or vCard go onto the trip's invitation list as registered, not
    /// into its delegation.
    #[serde(default)]
    pub registrations: bool,
    /// Import the good rows and leave the bad ones out.
    #[serde(default)]
    pub skip_bad_rows: bool,
    /// For tables: the field of each column, when the user changed the detected mapping.
    #[serde(default)]
    pub columns: Option<Vec<Option<table::PersonField>>>,
}

/// What an applied import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub kind: ImportKind,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub skipped: u32,
}

/// Collects what an importer does, record by record.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub rows: Vec<PreviewRow>,
    pub problems: Vec<ImportProblem>,
    pub table: Option<TableLayout>,
    /// Whether the import keeps the files it brings (documents): not while it is previewed,
    /// which the database forgets but the documents folder would not.
    pub keeps_files: bool,
}

impl ImportReport {
    pub fn record(
        &mut self,
        action: PreviewAction,
        record: RecordKind,
        label: impl Into<String>,
        detail: impl Into<String>,
    ) {
        self.rows.push(PreviewRow { action, record, label: label.into(), detail: detail.into() });
    }

    pub fn problem(&mut self, line: Option<u32>, field: &str, code: &str, value: &str, message: impl Into<String>) {
        self.problems.push(ImportProblem {
            line,
            field: field.into(),
            code: code.into(),
            value: value.into(),
            message: message.into(),
            values: Default::default(),
        });
    }

    /// A record the module's own validation refused: each field it names, with its line and
    /// the record's label (`value`).
    pub fn refused(&mut self, line: Option<u32>, value: &str, fields: Vec<FieldError>) {
        for field in fields {
            self.problems.push(ImportProblem {
                line,
                field: field.field,
                code: field.code,
                value: value.into(),
                message: field.message,
                values: field.values,
            });
        }
    }

    fn count(&self, actions: &[PreviewAction]) -> u32 {
        self.rows.iter().filter(|row| actions.contains(&row.action)).count() as u32
    }

    fn added(&self) -> u32 {
        self.count(&[PreviewAction::Add])
    }

    fn updated(&self) -> u32 {
        self.count(&[PreviewAction::Update, PreviewAction::Remove])
    }

    fn unchanged(&self) -> u32 {
        self.count(&[PreviewAction::Unchanged, PreviewAction::KeptNewer])
    }

    /// The records left out: one per line with problems (a problem without a line is a
    /// record of its own), and those skipped on purpose.
    fn skipped(&self) -> u32 {
        let lines: std::collections::HashSet<Option<u32>> =
            self.problems.iter().filter(|problem| problem.line.is_some()).map(|problem| problem.line).collect();
        let without_line = self.problems.iter().filter(|problem| problem.line.is_none()).count();
        (lines.len() + without_line) as u32 + self.count(&[PreviewAction::Skip])
    }
}

/// Reads a file the user chose, refusing what is too large to be an import.
pub fn read_import_file(path: &Path) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(Error::field(
            "file",
            "file_too_large",
            format!(
                "the file is {} MB; Partnerdesk imports files up to {} MB",
                size / 1_048_576,
                MAX_IMPORT_BYTES / 1_048_576
            ),
        ));
    }
    Ok(std::fs::read(path)?)
}

/// Recognises a file by its content, whatever its name.
pub fn detect(bytes: &[u8]) -> Result<ImportKind> {
    let text_start: String = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_string();
    let upper = text_start.to_ascii_uppercase();
    if bytes.starts_with(b"PK\x03\x04") {
        Ok(ImportKind::Table)
    } else if looks_like_utf16(bytes) {
        Err(Error::field(
            "file",
            "file_utf16",
            "the file is UTF-16 text; save it again as UTF-8 (or, from Excel, as \"CSV (Trennzeichen-getrennt)\")",
        ))
    } else if text_start.starts_with('{') {
        Ok(ImportKind::Bundle)
    } else if upper.starts_with("BEGIN:VCALENDAR") {
        Ok(ImportKind::Calendar)
    } else if upper.starts_with("BEGIN:VCARD") {
        Ok(ImportKind::Contacts)
    } else if bytes.is_empty() {
        Err(Error::field("file", "file_empty", "the file is empty"))
    } else if table::looks_like_csv(bytes) {
        Ok(ImportKind::Table)
    } else {
        Err(Error::field(
            "file",
            "file_kind_unknown",
            "Partnerdesk cannot read this file: it is not a trip bundle, a calendar (.ics), a table (.csv, .xlsx) or contacts (.vcf)",
        ))
    }
}

/// UTF-16 text has a byte-order mark or, in Latin script, a zero in every other byte.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(64)];
    start.starts_with(b"\xff\xfe")
        || start.starts_with(b"\xfe\xff")
        || (start.len() >= 8 && start.iter().skip(1).step_by(2).all(|byte| *byte == 0))
}

fn run(
    conn: &Connection,
    kind: ImportKind,
    bytes: &[u8],
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    match kind {
        ImportKind::Bundle => bundle::import_bundle(conn, bytes, options, report),
        ImportKind::Calendar => calendar::import_calendar(conn, bytes, options, report),
        ImportKind::Table => table::import_table(conn, bytes, options, report),
        ImportKind::Contacts => contacts::import_contacts(conn, bytes, options, report),
    }
}

/// What importing `bytes` would do; the database is left as it was.
pub fn preview(conn: &Connection, bytes: &[u8], options: &ImportOptions) -> Result<ImportPreview> {
    let kind = detect(bytes)?;
    let mut report = ImportReport::default();
    conn.execute_batch("SAVEPOINT import_preview")?;
    let outcome = run(conn, kind, bytes, options, &mut report);
    conn.execute_batch("ROLLBACK TO import_preview; RELEASE import_preview")?;
    outcome?;
    Ok(ImportPreview {
        kind,
        added: report.added(),
        updated: report.updated(),
        unchanged: report.unchanged(),
        rows: report.rows,
        problems: report.problems,
        table_fields: if report.table.is_some() { table::PersonField::ALL.to_vec() } else { Vec::new() },
        table: report.table,
    })
}

/// Imports `bytes` in one transaction: all of it, or (with problems) nothing unless the user
/// chose to skip the bad rows.
pub fn apply(conn: &Connection, bytes: &[u8], options: &ImportOptions) -> Result<ImportSummary> {
    let kind = detect(bytes)?;
    crate::store::atomically(conn, |conn| {
        let mut report = ImportReport { keeps_files: true, ..ImportReport::default() };
        run(conn, kind, bytes, options, &mut report)?;
        if !report.problems.is_empty() && !options.skip_bad_rows {
            return Err(Error::Validation(
                report
                    .problems
                    .iter()
                    .map(|problem| {
                        let at = problem.line.map(|line| format!("line {line}: ")).unwrap_or_default();
                        FieldError::new(&problem.field, "import_row_invalid", format!("{at}{}", problem.message))
                    })
                    .collect(),
            ));
        }
        Ok(ImportSummary {
            kind,
            added: report.added(),
            updated: report.updated(),
            unchanged: report.unchanged(),
            skipped: report.skipped(),
        })
    })
}

#[cfg(test)]
mod tests;
