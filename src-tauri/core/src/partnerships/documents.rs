//! Signed agreement documents. The file is copied into the data directory, so the register
//! keeps it when the original is moved or deleted; it is opened from there.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::agreements::{get_agreement, Agreement};
use crate::error::{Error, Result};
use crate::store::{new_id, now};

/// Larger files are refused: a scanned treaty is a few megabytes.
pub const MAX_DOCUMENT_BYTES: u64 = 100 * 1024 * 1024;

fn unreadable(source: &Path, why: impl std::fmt::Display) -> Error {
    Error::field("document", "unreadable", format!("{} cannot be read: {why}", source.display()))
}

/// Copies `source` into `documents_dir` and attaches it to the agreement, replacing an
/// earlier document. Nothing changes when the file cannot be read.
pub fn attach_document(
    conn: &Connection,
    documents_dir: &Path,
    agreement_id: &str,
    source: &Path,
    today: NaiveDate,
) -> Result<Agreement> {
    get_agreement(conn, agreement_id, today)?;
    let metadata = fs::metadata(source).map_err(|e| unreadable(source, e))?;
    if !metadata.is_file() {
        return Err(unreadable(source, "it is not a file"));
    }
    if metadata.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::field("document", "too_large", format!("{} is larger than 100 MB", source.display())));
    }
    let bytes = fs::read(source).map_err(|e| unreadable(source, e))?;
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into());
    let extension: String = source
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect())
        .unwrap_or_default();
    let stored = if extension.is_empty() { new_id() } else { format!("{}.{extension}", new_id()) };

    fs::create_dir_all(documents_dir)?;
    let partial = documents_dir.join(format!(".{stored}.partial"));
    fs::write(&partial, bytes)?;
    fs::rename(&partial, documents_dir.join(&stored))?;

    let previous: Option<String> = conn
        .prepare_cached("SELECT document_file FROM agreements WHERE id = ?1")?
        .query_row([agreement_id], |row| row.get(0))
        .optional()?
        .flatten();
    conn.execute(
        "UPDATE agreements SET document_name = ?2, document_file = ?3, updated_at = ?4 WHERE id = ?1",
        params![agreement_id, name, stored, now()],
    )?;
    if let Some(previous) = previous {
        let _ = fs::remove_file(documents_dir.join(previous));
    }
    get_agreement(conn, agreement_id, today)
}

/// Where the agreement's document lies, for opening it with the system viewer.
pub fn document_path(conn: &Connection, documents_dir: &Path, agreement_id: &str) -> Result<PathBuf> {
    let stored: Option<String> = conn
        .prepare_cached("SELECT document_file FROM agreements WHERE id = ?1")?
        .query_row([agreement_id], |row| row.get(0))
        .optional()?
        .flatten();
    let path =
        documents_dir.join(stored.ok_or_else(|| Error::NotFound(format!("document of agreement {agreement_id}")))?);
    if !path.is_file() {
        return Err(Error::NotFound(format!("document file {}", path.display())));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partnerships::agreements::{add_agreement, AgreementInput};
    use crate::partnerships::{create_partnership, tests::partnership_input};

    fn memorandum() -> AgreementInput {
        crate::partnerships::tests::agreement("Memorandum", "", "")
    }

    #[test]
    fn a_document_is_copied_in_replaced_and_found_again() {
        let conn = crate::store::open_in_memory().unwrap();
        let today: NaiveDate = "2026-11-21".parse().unwrap();
        let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap();
        let agreement = add_agreement(&conn, &partnership.id, &memorandum(), today).unwrap();
        let outside = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let documents = data.path().join("documents");
        let scan = outside.path().join("Memorandum Düren–Jinhua.PDF");
        fs::write(&scan, b"%PDF-1.4 signed").unwrap();

        let attached = attach_document(&conn, &documents, &agreement.id, &scan, today).unwrap();
        assert_eq!(attached.document_name.as_deref(), Some("Memorandum Düren–Jinhua.PDF"));
        fs::remove_file(&scan).unwrap();
        let kept = document_path(&conn, &documents, &agreement.id).unwrap();
        assert_eq!(fs::read(&kept).unwrap(), b"%PDF-1.4 signed");
        assert_eq!(kept.extension().unwrap(), "pdf");

        let second = outside.path().join("neu.pdf");
        fs::write(&second, b"%PDF-1.4 v2").unwrap();
        attach_document(&conn, &documents, &agreement.id, &second, today).unwrap();
        assert!(!kept.exists(), "the replaced copy is removed");
        assert_eq!(fs::read_dir(&documents).unwrap().count(), 1);
    }

    #[test]
    fn an_unreadable_file_is_refused_and_changes_nothing() {
        let conn = crate::store::open_in_memory().unwrap();
        let today: NaiveDate = "2026-11-21".parse().unwrap();
        let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap();
        let agreement = add_agreement(&conn, &partnership.id, &memorandum(), today).unwrap();
        let data = tempfile::tempdir().unwrap();
        for source in [data.path().join("missing.pdf"), data.path().to_path_buf()] {
            let Err(Error::Validation(fields)) = attach_document(&conn, data.path(), &agreement.id, &source, today)
            else {
                panic!("{source:?} should be refused")
            };
            assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("document", "unreadable"));
        }
        assert!(document_path(&conn, data.path(), &agreement.id).is_err());
        assert_eq!(get_agreement(&conn, &agreement.id, today).unwrap().document_name, None);
    }
}
