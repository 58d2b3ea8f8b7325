//! The data half of migration 0004: every trip already kept gets the preparation checklist of
//! the template for its direction, at the template's version. Frozen with the schema of
//! version 4; it never calls the checklists' live code.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::store::{new_id, now};

pub fn run(tx: &Transaction) -> Result<()> {
    let trips: Vec<(String, String)> = tx
        .prepare("SELECT id, direction FROM trips")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut template = tx.prepare(
        "SELECT t.version, s.position, s.text FROM checklist_templates t
         JOIN checklist_template_steps s ON s.direction = t.direction WHERE t.direction = ?1 ORDER BY s.position",
    )?;
    let mut insert = tx.prepare(
        "INSERT INTO checklist_steps (id, trip_id, position, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let stamp = now();
    for (trip_id, direction) in trips {
        let steps: Vec<(i64, i64, String)> = template
            .query_map([&direction], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (position, (_, _, text)) in (1i64..).zip(&steps) {
            insert.execute(params![new_id(), trip_id, position, text, stamp])?;
        }
        if let Some((version, ..)) = steps.first() {
            tx.execute("UPDATE trips SET checklist_version = ?2 WHERE id = ?1", params![trip_id, version])?;
        }
    }
    Ok(())
}
