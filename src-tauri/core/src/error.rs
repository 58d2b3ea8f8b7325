//! The one error type of Partnerdesk. It crosses IPC as `{kind, message}` (plus the
//! offending fields for validation errors) and the command line prints its message.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// A problem with one field of a form; `code` lets the UI say it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
    /// Choices the user can pick from to resolve the problem (e.g. the two offsets of an
    /// ambiguous local time).
    pub options: Vec<String>,
    /// What the message names (a line, a column, the text found), for the UI to say the
    /// problem in the user's language.
    pub values: BTreeMap<String, String>,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
            options: Vec::new(),
            values: BTreeMap::new(),
        }
    }

    pub fn with_values<const N: usize>(mut self, values: [(&str, String); N]) -> Self {
        self.values = values.into_iter().map(|(name, value)| (name.to_string(), value)).collect();
        self
    }

    pub fn with_options(mut self, options: Vec<String>) -> Self {
        self.options = options;
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", summarize(.0))]
    Validation(Vec<FieldError>),
    #[error("{0} not found")]
    NotFound(String),
    #[error("this database was written by a newer Partnerdesk (schema version {found}; this version knows up to {known}). Please update Partnerdesk; the file was left unchanged")]
    DatabaseTooNew { found: usize, known: usize },
    #[error("this database is encrypted; it opens only with its passphrase")]
    PassphraseRequired,
    #[error("the database could not be opened: {0}")]
    DatabaseUnavailable(String),
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    /// A write found no space left on the disk; SQLite rolled back what it was writing.
    #[error("the disk is full ({0}); nothing of this step was saved. Free some space and try again")]
    DiskFull(String),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Io(std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// A table or document (.csv, .xlsx, .docx) could not be written.
    #[error("{0}")]
    Table(String),
    /// Typst could not set a PDF.
    #[error("the PDF could not be set: {0}")]
    Pdf(String),
    /// The system could not open a file with its viewer.
    #[error("{0}")]
    Opener(String),
    /// The office folder or a file in it could not be used.
    #[error("{0}")]
    Sharing(String),
    /// The office key does not open the shared folder's files.
    #[error("{0}")]
    OfficeKey(String),
    /// A calendar server could not be reached or did not take the calendar.
    #[error("{0}")]
    Publishing(String),
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull(error.to_string()),
            _ => Error::Database(error),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Error::DiskFull(error.to_string()),
            _ => Error::Io(error),
        }
    }
}

/// A text that is none of a closed set of values (as the command line reads them).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown value {text:?}; use one of {}", known.join(", "))]
pub struct UnknownValue {
    pub text: String,
    pub known: Vec<&'static str>,
}

fn summarize(errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
}

impl Error {
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Error::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            Error::PassphraseRequired => ErrorKind::PassphraseRequired,
            Error::DatabaseUnavailable(_) => ErrorKind::DatabaseUnavailable,
            Error::Database(_) | Error::Migration(_) => ErrorKind::Database,
            Error::DiskFull(_) => ErrorKind::DiskFull,
            Error::Io(_) => ErrorKind::Io,
            Error::Json(_) => ErrorKind::Format,
            Error::Table(_) => ErrorKind::Table,
            Error::Pdf(_) => ErrorKind::Pdf,
            Error::Opener(_) => ErrorKind::Opener,
            Error::Sharing(_) => ErrorKind::Sharing,
            Error::OfficeKey(_) => ErrorKind::OfficeKey,
            Error::Publishing(_) => ErrorKind::Publishing,
        }
    }
}

/// What kind of failure an error is, for the window to react to and say in its language.
/// `invalid_argument` and `internal` are given by the UI's IPC layer itself: arguments Tauri
/// refused before a command ran, and failures that carry no payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    Validation,
    NotFound,
    DatabaseTooNew,
    PassphraseRequired,
    DatabaseUnavailable,
    Database,
    DiskFull,
    Io,
    Format,
    Table,
    Pdf,
    Opener,
    Sharing,
    OfficeKey,
    Publishing,
    InvalidArgument,
    Internal,
}

/// What the UI receives when a command fails.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        let fields = match error {
            Error::Validation(fields) => fields.clone(),
            _ => Vec::new(),
        };
        ErrorPayload { kind: error.kind(), message: error.to_string(), fields }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorPayload::from(self).serialize(serializer)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Collects field errors so that a form learns about every problem at once.
#[derive(Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, error: FieldError) {
        self.0.push(error);
    }

    pub fn push(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.add(FieldError::new(field, code, message));
    }

    pub fn into_result(self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(self.0))
        }
    }
}
