//! Programme items in the trash: removing an item only marks it, and remembers what its
//! calendar event said so that the next calendar export cancels it; restoring it brings the
//! item back with its participants, hosts and outcomes, and a calendar update that outranks
//! the cancellation.

use rusqlite::{params, Connection};

use super::{get_item, ProgrammeItem};
use crate::error::{Error, Result};
use crate::store::trash::TrashedEntry;
use crate::store::{atomically, now};

pub fn remove_item(conn: &Connection, id: &str) -> Result<()> {
    atomically(conn, |tx| {
        let stamp = now();
        if tx.execute(
            "UPDATE programme_items SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, stamp],
        )? == 0
        {
            return Err(Error::NotFound(format!("programme item {id}")));
        }
        tx.execute(
            "INSERT OR REPLACE INTO removed_items (id, trip_id, title, start_local, start_zone, start_utc, end_local,
                end_zone, end_utc, everyone, member_ids, sequence, removed_at)
             SELECT i.id, i.trip_id, i.title, i.start_local, i.start_zone, i.start_utc, i.end_local, i.end_zone,
                i.end_utc, i.everyone,
                (SELECT json_group_array(p.member_id) FROM item_participants p WHERE p.item_id = i.id),
                i.sequence + 1, ?2
             FROM programme_items i WHERE i.id = ?1",
            params![id, stamp],
        )?;
        Ok(())
    })
}

/// Items in the trash, newest deletion first, each with its trip and start.
pub fn trashed_items(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT i.id, i.title, t.title, i.start_local, i.deleted_at
         FROM programme_items i JOIN trips t ON t.id = i.trip_id
         WHERE i.deleted_at IS NOT NULL ORDER BY i.deleted_at DESC",
    )
}

pub fn restore_item(conn: &Connection, id: &str) -> Result<ProgrammeItem> {
    atomically(conn, |tx| {
        let restored = tx.execute(
            "UPDATE programme_items SET deleted_at = NULL, updated_at = ?2,
                sequence = max(sequence, coalesce((SELECT r.sequence FROM removed_items r WHERE r.id = ?1), 0)) + 1
             WHERE id = ?1 AND deleted_at IS NOT NULL",
            params![id, now()],
        )?;
        if restored == 0 {
            return Err(Error::NotFound(format!("programme item {id} in the trash")));
        }
        tx.execute("DELETE FROM removed_items WHERE id = ?1", [id])?;
        Ok(())
    })?;
    get_item(conn, id)
}
