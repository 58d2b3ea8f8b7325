//! Trips in the trash: deleting a trip only marks it; it can be restored until the trash
//! is emptied (see `crate::trash`).

use super::{from_row, get_trip, Trip, SELECT_TRIP};
use crate::error::{Error, Result};
use crate::store::now;
use rusqlite::{params, Connection};

pub fn delete_trip(conn: &Connection, id: &str) -> Result<()> {
    let stamp = now();
    let changed = conn.execute(
        "UPDATE trips SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, stamp],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("trip {id}")));
    }
    Ok(())
}

pub fn trashed_trips(conn: &Connection) -> Result<Vec<Trip>> {
    let sql = format!("{SELECT_TRIP} WHERE t.deleted_at IS NOT NULL ORDER BY t.deleted_at DESC");
    let trips = conn.prepare_cached(&sql)?.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(trips)
}

pub fn restore_trip(conn: &Connection, id: &str) -> Result<Trip> {
    let changed = conn.execute(
        "UPDATE trips SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("trip {id} in the trash")));
    }
    get_trip(conn, id)
}
