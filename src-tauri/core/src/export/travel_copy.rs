//! The travel copy: a reduced database holding one trip, its people and what they link to, to
//! take on the journey on a laptop that may be lost or inspected. It is the trip bundle
//! imported into a fresh database; passport numbers, dates of birth and visa status, health
//! and dietary notes, and the office's internal notes go along only when the officer ticks
//! them (`audience`). What changes while travelling comes back through the trip bundle
//! import, matched by ID; fields left behind are kept as they are at the office. Being one
//! database file, it carries no documents.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};

use crate::audience::{carries, Outgoing, Sensitive, Ticked};
use crate::bundle::Documents;
use crate::error::Result;
use crate::import::ImportOptions;
use crate::settings::{get_settings, update_settings};
use crate::store::{self, new_id};

/// The bytes of a travel copy of `trip_id`: a complete SQLite database.
pub fn travel_copy(conn: &Connection, trip_id: &str, ticked: &Ticked) -> Result<Vec<u8>> {
    let bundle = crate::bundle::export_bundle(conn, trip_id, Outgoing::TravelCopy, ticked, Documents::LeftOut)?;
    let scratch = ScratchFile(std::env::temp_dir().join(format!("partnerdesk-travel-{}.sqlite", new_id())));
    let copy = store::open(&scratch.0)?;
    crate::import::apply(&copy, &bundle, &ImportOptions::default())?;
    let mut settings = get_settings(conn)?;
    settings.me = settings.me.filter(|me| crate::contacts::people::person_exists(&copy, me).unwrap_or(false));
    update_settings(&copy, &settings)?;
    crate::settings::mark_welcome_answered(&copy)?;
    if carries(Sensitive::TravelDocuments, Outgoing::TravelCopy, ticked) {
        copy_travel_documents(conn, &copy, trip_id)?;
    }
    // One self-contained file: the write-ahead log folded in, nothing beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")?;
    drop(copy);
    Ok(std::fs::read(&scratch.0)?)
}

fn copy_travel_documents(office: &Connection, copy: &Connection, trip_id: &str) -> Result<()> {
    let mut read =
        office.prepare("SELECT id, passport_number, date_of_birth, visa_status FROM members WHERE trip_id = ?1")?;
    let mut write =
        copy.prepare("UPDATE members SET passport_number = ?2, date_of_birth = ?3, visa_status = ?4 WHERE id = ?1")?;
    let rows = read.query_map([trip_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (id, passport, birth, visa) = row?;
        write.execute(params![id, passport, birth, visa])?;
    }
    Ok(())
}

/// A database file in the temporary folder that is removed with its journal files when dropped.
struct ScratchFile(PathBuf);

impl Drop for ScratchFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.0.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(Path::new(&name));
        }
    }
}
