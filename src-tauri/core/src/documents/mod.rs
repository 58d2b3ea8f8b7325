//! Documents attached to the office's records: the invitation letter and hotel confirmation of
//! a trip, a member's ticket or visa, the signed copy of an agreement, a project's photo list. The file is copied in
//! (`store::document_files`); the record keeps its name, kind and date and the one record it
//! belongs to. Passport copies and visas are travel documents: erased with the member's
//! passport number (`privacy`) and never handed out unless the officer ticks them.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Problems, Result};
use crate::store::document_files::{self, DocumentFiles};
use crate::store::trash::{exists_outside_trash, move_to_trash, take_out_of_trash, TrashedEntry};
use crate::store::{new_id, now};

pub mod names;

#[cfg(test)]
mod tests;

crate::text_enum! {
    /// What a document is.
    pub enum DocumentKind {
        Invitation => "invitation",
        Ticket => "ticket",
        Accommodation => "accommodation",
        Letter => "letter",
        Protocol => "protocol",
        SignedAgreement => "signed_agreement",
        Presentation => "presentation",
        Photos => "photos",
        Press => "press",
        PassportCopy => "passport_copy",
        Visa => "visa",
        Other => "other",
    }
}

impl DocumentKind {
    /// Passport copies and visas: erased and withheld like a member's passport number.
    pub fn is_travel_document(self) -> bool {
        matches!(self, DocumentKind::PassportCopy | DocumentKind::Visa)
    }

    /// The travel-document kinds as an SQL list: `'passport_copy', 'visa'`.
    pub fn travel_document_list() -> String {
        DocumentKind::ALL
            .iter()
            .filter(|kind| kind.is_travel_document())
            .map(|kind| format!("'{}'", kind.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

crate::text_enum! {
    /// The kind of record a document belongs to.
    pub enum DocumentOwnerKind {
        Trip => "trip",
        Item => "item",
        Member => "member",
        Person => "person",
        Organisation => "organisation",
        Partnership => "partnership",
        Agreement => "agreement",
        Project => "project",
        CostLine => "cost_line",
    }
}

impl DocumentOwnerKind {
    fn column(self) -> &'static str {
        match self {
            DocumentOwnerKind::Trip => "trip_id",
            DocumentOwnerKind::Item => "item_id",
            DocumentOwnerKind::Member => "member_id",
            DocumentOwnerKind::Person => "person_id",
            DocumentOwnerKind::Organisation => "organisation_id",
            DocumentOwnerKind::Partnership => "partnership_id",
            DocumentOwnerKind::Agreement => "agreement_id",
            DocumentOwnerKind::Project => "project_id",
            DocumentOwnerKind::CostLine => "cost_line_id",
        }
    }

    fn table(self) -> &'static str {
        match self {
            DocumentOwnerKind::Trip => "trips",
            DocumentOwnerKind::Item => "programme_items",
            DocumentOwnerKind::Member => "members",
            DocumentOwnerKind::Person => "people",
            DocumentOwnerKind::Organisation => "organisations",
            DocumentOwnerKind::Partnership => "partnerships",
            DocumentOwnerKind::Agreement => "agreements",
            DocumentOwnerKind::Project => "projects",
            DocumentOwnerKind::CostLine => "cost_lines",
        }
    }
}

/// The record a document belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocumentOwner {
    pub kind: DocumentOwnerKind,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Document {
    pub id: String,
    pub owner: DocumentOwner,
    pub name: String,
    pub kind: DocumentKind,
    pub document_date: Option<NaiveDate>,
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// The file is not on this laptop (yet): missing before the documents came, or still on
    /// its way from another laptop.
    pub file_missing: bool,
    pub created_at: String,
}

/// What the officer can change about a document.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[ts(export)]
pub struct DocumentInput {
    pub name: String,
    pub kind: DocumentKind,
    pub document_date: Option<NaiveDate>,
}

const OWNER_COLUMNS: [DocumentOwnerKind; 9] = [
    DocumentOwnerKind::Trip,
    DocumentOwnerKind::Item,
    DocumentOwnerKind::Member,
    DocumentOwnerKind::Person,
    DocumentOwnerKind::Organisation,
    DocumentOwnerKind::Partnership,
    DocumentOwnerKind::Agreement,
    DocumentOwnerKind::Project,
    DocumentOwnerKind::CostLine,
];

const SELECT: &str = "SELECT id, trip_id, item_id, member_id, person_id, organisation_id, partnership_id, agreement_id,
    project_id, cost_line_id, name, kind, document_date, size_bytes, content_hash, created_at FROM documents";

fn from_row(row: &Row) -> rusqlite::Result<(Document, String)> {
    let mut owner = None;
    for (at, kind) in OWNER_COLUMNS.iter().enumerate() {
        if let Some(id) = row.get::<_, Option<String>>(1 + at)? {
            owner = Some(DocumentOwner { kind: *kind, id });
        }
    }
    let kind: String = row.get(11)?;
    let document = Document {
        id: row.get(0)?,
        owner: owner.unwrap_or(DocumentOwner { kind: DocumentOwnerKind::Trip, id: String::new() }),
        name: row.get(10)?,
        kind: DocumentKind::parse(&kind).unwrap_or(DocumentKind::Other),
        document_date: row.get(12)?,
        size_bytes: row.get(13)?,
        file_missing: false,
        created_at: row.get(15)?,
    };
    Ok((document, row.get(14)?))
}

fn with_file(files: Option<&DocumentFiles>, (mut document, hash): (Document, String)) -> Document {
    document.file_missing = !files.is_some_and(|files| files.is_kept(&hash));
    document
}

fn check_owner(conn: &Connection, owner: &DocumentOwner) -> Result<()> {
    if !exists_outside_trash(conn, owner.kind.table(), &owner.id)? {
        return Err(Error::NotFound(format!("{} {}", owner.kind, owner.id)));
    }
    Ok(())
}

/// Copies the file at `source` in and attaches it to `owner`; nothing changes when the file
/// cannot be read or is too large.
pub fn attach_file(conn: &Connection, owner: &DocumentOwner, source: &Path) -> Result<Document> {
    let unreadable = |why: &dyn std::fmt::Display| {
        Error::field("document", "unreadable", format!("{} cannot be read: {why}", source.display()))
    };
    let metadata = std::fs::metadata(source).map_err(|e| unreadable(&e))?;
    if !metadata.is_file() {
        return Err(unreadable(&"it is not a file"));
    }
    if metadata.len() > document_files::MAX_DOCUMENT_BYTES {
        return Err(document_files::too_large());
    }
    let bytes = std::fs::read(source).map_err(|e| unreadable(&e))?;
    let name = source.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    attach_bytes(conn, owner, &name, &bytes)
}

/// Keeps `bytes` as a document named after `file_name` (made safe) and attaches it to `owner`.
pub fn attach_bytes(conn: &Connection, owner: &DocumentOwner, file_name: &str, bytes: &[u8]) -> Result<Document> {
    check_owner(conn, owner)?;
    let name = names::sanitized(file_name);
    let kind = names::likely_kind(&name, owner.kind);
    let hash = document_files::keep(conn, bytes)?;
    let id = new_id();
    let stamp = now();
    conn.execute(
        &format!(
            "INSERT INTO documents (id, {}, name, kind, content_hash, size_bytes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            owner.kind.column()
        ),
        params![id, owner.id, name, kind.as_str(), hash, bytes.len() as i64, stamp],
    )?;
    get_document(conn, &id)
}

/// The documents of `owner` outside the trash, newest first.
pub fn list_documents(conn: &Connection, owner: &DocumentOwner) -> Result<Vec<Document>> {
    let rows = conn
        .prepare_cached(&format!(
            "{SELECT} WHERE {} = ?1 AND deleted_at IS NULL ORDER BY coalesce(document_date, substr(created_at, 1, 10)) DESC, id DESC",
            owner.kind.column()
        ))?
        .query_map([&owner.id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let files = DocumentFiles::of(conn).ok();
    Ok(rows.into_iter().map(|row| with_file(files.as_ref(), row)).collect())
}

pub fn get_document(conn: &Connection, id: &str) -> Result<Document> {
    let row = conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1 AND deleted_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("document {id}")))?;
    Ok(with_file(DocumentFiles::of(conn).ok().as_ref(), row))
}

pub fn update_document(conn: &Connection, id: &str, input: &DocumentInput) -> Result<Document> {
    let mut problems = Problems::default();
    let name = names::sanitized(&input.name);
    if input.name.trim().is_empty() {
        problems.push("name", "required", "a document needs a name");
    }
    problems.into_result()?;
    let changed = conn.execute(
        "UPDATE documents SET name = ?2, kind = ?3, document_date = ?4, updated_at = ?5 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, name, input.kind.as_str(), input.document_date, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("document {id}")));
    }
    get_document(conn, id)
}

pub fn delete_document(conn: &Connection, id: &str) -> Result<()> {
    move_to_trash(conn, "documents", "document", id)
}

pub fn restore_document(conn: &Connection, id: &str) -> Result<Document> {
    take_out_of_trash(conn, "documents", "document", id)?;
    get_document(conn, id)
}

pub fn trashed_documents(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT d.id, d.name, coalesce(
            (SELECT title FROM trips WHERE id = d.trip_id),
            (SELECT title FROM programme_items WHERE id = d.item_id),
            (SELECT name_latin FROM members WHERE id = d.member_id),
            (SELECT name_latin FROM people WHERE id = d.person_id),
            (SELECT name FROM organisations WHERE id = d.organisation_id),
            (SELECT our_side || ' – ' || partner_place FROM partnerships WHERE id = d.partnership_id),
            (SELECT title FROM agreements WHERE id = d.agreement_id),
            (SELECT title FROM projects WHERE id = d.project_id),
            (SELECT coalesce(nullif(description, ''), category) FROM cost_lines WHERE id = d.cost_line_id), ''),
            NULL, d.deleted_at
         FROM documents d WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC",
    )
}

/// The name and content of a document, read back and checked.
pub fn content(conn: &Connection, id: &str) -> Result<(String, Vec<u8>)> {
    let (name, hash): (String, String) = conn
        .prepare_cached("SELECT name, content_hash FROM documents WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("document {id}")))?;
    Ok((name, document_files::read(conn, &hash)?))
}

/// Writes a readable copy of the document into `dir` under its name, for the system viewer:
/// refused for a kind of file that could run as a program.
pub fn copy_for_viewer(conn: &Connection, id: &str, dir: &Path) -> Result<PathBuf> {
    let (name, bytes) = content(conn, id)?;
    if !names::opens_in_a_viewer(&name) {
        return Err(Error::field(
            "document",
            "not_openable",
            format!("{name} is not a document Partnerdesk opens; save a copy to open it yourself"),
        ));
    }
    let folder = dir.join(id);
    std::fs::create_dir_all(&folder)?;
    let path = folder.join(&name);
    if path.exists() {
        let mut permissions = std::fs::metadata(&path)?.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        std::fs::set_permissions(&path, permissions)?;
    }
    std::fs::write(&path, bytes)?;
    let mut permissions = std::fs::metadata(&path)?.permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions)?;
    Ok(path)
}

/// Writes the document's content to `target`, whole or not at all.
pub fn save_copy(conn: &Connection, id: &str, target: &Path) -> Result<()> {
    let (_, bytes) = content(conn, id)?;
    let partial = target.with_extension("partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, target)?;
    Ok(())
}

/// Deletes for good the documents `condition` (SQL on `documents`) selects and returns the
/// content hashes of their files, for `erase_files` once the deletion is committed.
pub fn delete_for_good(conn: &Connection, condition: &str, parameters: impl rusqlite::Params) -> Result<Vec<String>> {
    let sql = format!("DELETE FROM documents WHERE {condition} RETURNING content_hash");
    let hashes = conn.prepare(&sql)?.query_map(parameters, |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(hashes)
}

/// Deletes the files of erased documents outright (not into the released folder) where no
/// other document names the same content.
pub fn erase_files(conn: &Connection, hashes: &[String]) -> Result<()> {
    if conn.path().is_some_and(|path| !path.is_empty()) {
        for hash in hashes {
            document_files::erase_unnamed(conn, hash)?;
        }
    }
    Ok(())
}
