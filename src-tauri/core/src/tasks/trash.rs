//! Tasks in the trash: deleting moves a task there, restoring brings it back with its
//! checklist and links.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{from_row, get_task, select_task, Task};
use crate::error::{Error, Result};
use crate::store::now;

pub fn delete_task(conn: &Connection, id: &str) -> Result<()> {
    let changed = conn
        .prepare_cached("UPDATE tasks SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL")?
        .execute(params![id, now()])?;
    if changed == 0 {
        return Err(Error::NotFound(format!("task {id}")));
    }
    Ok(())
}

pub fn restore_task(conn: &Connection, id: &str, today: NaiveDate) -> Result<Task> {
    let changed = conn
        .prepare_cached("UPDATE tasks SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL")?
        .execute([id])?;
    if changed == 0 {
        return Err(Error::NotFound(format!("task {id} in the trash")));
    }
    get_task(conn, id, today)
}

pub fn trashed_tasks(conn: &Connection, today: NaiveDate) -> Result<Vec<Task>> {
    let sql = format!("{} WHERE t.deleted_at IS NOT NULL ORDER BY t.deleted_at DESC", select_task());
    Ok(conn.prepare_cached(&sql)?.query_map([], |row| from_row(row, today))?.collect::<rusqlite::Result<_>>()?)
}
