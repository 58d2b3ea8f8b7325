//! The trash mark every record carries (`deleted_at`): moving a record into the trash, taking
//! it out again, and the shape in which the trash lists records from inside other ones.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::now;

/// A record from inside another one, as the trash lists it: what it was, where it belonged
/// and when it was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrashedEntry {
    pub id: String,
    pub label: String,
    /// The trip, partnership, programme item or task it belonged to.
    pub context: String,
    /// For a programme item: its local start.
    pub starts_local: Option<String>,
    pub deleted_at: String,
}

impl TrashedEntry {
    /// The entries `sql` selects as `id, label, context, starts_local, deleted_at`.
    pub fn all(conn: &Connection, sql: &str) -> Result<Vec<Self>> {
        let entries = conn
            .prepare_cached(sql)?
            .query_map([], |row| {
                Ok(TrashedEntry {
                    id: row.get(0)?,
                    label: row.get(1)?,
                    context: row.get(2)?,
                    starts_local: row.get(3)?,
                    deleted_at: row.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(entries)
    }
}

/// Marks the record `id` of `table` as deleted; `what` names it when there is no such record
/// outside the trash.
pub fn move_to_trash(conn: &Connection, table: &str, what: &str, id: &str) -> Result<()> {
    let sql = format!("UPDATE {table} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL");
    if conn.prepare_cached(&sql)?.execute(rusqlite::params![id, now()])? == 0 {
        return Err(Error::NotFound(format!("{what} {id}")));
    }
    Ok(())
}

/// Takes the record `id` of `table` out of the trash; `what` names it when it is not there.
pub fn take_out_of_trash(conn: &Connection, table: &str, what: &str, id: &str) -> Result<()> {
    let sql = format!("UPDATE {table} SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL");
    if conn.prepare_cached(&sql)?.execute(rusqlite::params![id, now()])? == 0 {
        return Err(Error::NotFound(format!("{what} {id} in the trash")));
    }
    Ok(())
}

/// Whether the record `id` of `table` exists and is not in the trash.
pub fn exists_outside_trash(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL");
    Ok(conn.prepare_cached(&sql)?.exists([id])?)
}
