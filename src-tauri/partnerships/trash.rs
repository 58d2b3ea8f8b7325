//! Partnerships in the trash: deleting one only marks it (its agreements and the links of
//! its trips stay); it can be restored until the trash is emptied (see `crate::trash`).

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection};

use super::{expiry_window, from_row, get_partnership, Partnership, SELECT_PARTNERSHIP};
use crate::error::{Error, Result};
use crate::store::now;

pub fn delete_partnership(conn: &Connection, id: &str) -> Result<()> {
    let stamp = now();
    let changed = conn.execute(
        "UPDATE partnerships SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, stamp],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("partnership {id}")));
    }
    Ok(())
}

pub fn trashed_partnerships(conn: &Connection, today: NaiveDate) -> Result<Vec<Partnership>> {
    let (today, warn_until) = expiry_window(today);
    let sql = format!("{SELECT_PARTNERSHIP} WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC");
    let partnerships = conn
        .prepare_cached(&sql)?
        .query_map(named_params! { ":today": today, ":warn_until": warn_until }, from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(partnerships)
}

pub fn restore_partnership(conn: &Connection, id: &str, today: NaiveDate) -> Result<Partnership> {
    let changed = conn.execute(
        "UPDATE partnerships SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("partnership {id} in the trash")));
    }
    get_partnership(conn, id, today)
}
