//! The data half of migration 0016: the one signed document an agreement could hold becomes a
//! document of kind `signed_agreement`, its file kept under the hash of its content beside the
//! old name (which a backup of an older version still names). Frozen with the schema of
//! version 16; it never calls the documents' live code.

use std::path::{Path, PathBuf};

use rusqlite::{params, Transaction};
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::store::{new_id, now};

pub fn run(tx: &Transaction) -> Result<()> {
    let attached: Vec<(String, String, String, Option<String>)> = tx
        .prepare(
            "SELECT id, document_name, document_file, signed_on FROM agreements
             WHERE document_file IS NOT NULL AND document_name IS NOT NULL",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let dir = tx
        .path()
        .filter(|path| !path.is_empty())
        .and_then(|path| Path::new(path).parent().map(|dir| dir.join("documents")));
    let stamp = now();
    for (agreement_id, name, file, signed_on) in attached {
        let (hash, size) = dir.as_ref().and_then(|dir| adopt(dir, &file)).unwrap_or_default();
        let name = if name.trim().is_empty() { file } else { name };
        tx.execute(
            "INSERT INTO documents (id, agreement_id, name, kind, document_date, content_hash, size_bytes, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'signed_agreement', ?4, ?5, ?6, ?7, ?7)",
            params![new_id(), agreement_id, name, signed_on, hash, size, stamp],
        )?;
    }
    tx.execute_batch(
        "ALTER TABLE agreements DROP COLUMN document_name; ALTER TABLE agreements DROP COLUMN document_file;",
    )?;
    Ok(())
}

/// Gives the file `name` in `dir` its content-addressed name too; its hash and size, or None
/// when it is gone (the document then shows as missing).
fn adopt(dir: &Path, name: &str) -> Option<(String, i64)> {
    if name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let bytes = std::fs::read(dir.join(name)).ok()?;
    let hash: String = Sha256::digest(&bytes).iter().map(|byte| format!("{byte:02x}")).collect();
    let target: PathBuf = dir.join(&hash);
    if !target.exists() && std::fs::hard_link(dir.join(name), &target).is_err() {
        std::fs::write(&target, &bytes).ok()?;
    }
    Some((hash, bytes.len() as i64))
}
