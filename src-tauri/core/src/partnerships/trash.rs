//! Partnerships in the trash: deleting one only marks it (its agreements and the links of
//! its trips stay); it can be restored until the trash is emptied.

use chrono::NaiveDate;
use rusqlite::{named_params, Connection};

use super::{expiry_window, from_row, get_partnership, Partnership, SELECT_PARTNERSHIP};
use crate::error::Result;

pub fn delete_partnership(conn: &Connection, id: &str) -> Result<()> {
    crate::store::trash::move_to_trash(conn, "partnerships", "partnership", id)
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
    crate::store::trash::take_out_of_trash(conn, "partnerships", "partnership", id)?;
    get_partnership(conn, id, today)
}
