//! Trips in the trash: deleting a trip only marks it; it can be restored until the trash
//! is emptied.

use super::{from_row, get_trip, Trip, SELECT_TRIP};
use crate::error::Result;
use rusqlite::Connection;

pub fn delete_trip(conn: &Connection, id: &str) -> Result<()> {
    crate::store::trash::move_to_trash(conn, "trips", "trip", id)
}

pub fn trashed_trips(conn: &Connection) -> Result<Vec<Trip>> {
    let sql = format!("{SELECT_TRIP} WHERE t.deleted_at IS NOT NULL ORDER BY t.deleted_at DESC");
    let trips = conn.prepare_cached(&sql)?.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(trips)
}

pub fn restore_trip(conn: &Connection, id: &str) -> Result<Trip> {
    crate::store::trash::take_out_of_trash(conn, "trips", "trip", id)?;
    get_trip(conn, id)
}
