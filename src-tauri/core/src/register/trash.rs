//! People and organisations in the trash: deleting only marks them, so every link survives
//! and comes back with a restore; emptying the trash removes them for good.

use rusqlite::{params, Connection};

use super::organisations::{from_row as organisation_from_row, get_organisation, Organisation, SELECT_ORGANISATION};
use super::people::{from_row as person_from_row, get_person, Person, SELECT_PERSON};
use crate::error::{Error, Result};
use crate::store::now;

fn mark(conn: &Connection, table: &str, id: &str, deleted: bool) -> Result<bool> {
    let sql = if deleted {
        format!("UPDATE {table} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL")
    } else {
        format!("UPDATE {table} SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL")
    };
    Ok(conn.execute(&sql, params![id, now()])? > 0)
}

pub fn delete_person(conn: &Connection, id: &str) -> Result<()> {
    if !mark(conn, "people", id, true)? {
        return Err(Error::NotFound(format!("person {id}")));
    }
    Ok(())
}

pub fn restore_person(conn: &Connection, id: &str) -> Result<Person> {
    if !mark(conn, "people", id, false)? {
        return Err(Error::NotFound(format!("person {id} in the trash")));
    }
    get_person(conn, id)
}

pub fn delete_organisation(conn: &Connection, id: &str) -> Result<()> {
    if !mark(conn, "organisations", id, true)? {
        return Err(Error::NotFound(format!("organisation {id}")));
    }
    Ok(())
}

pub fn restore_organisation(conn: &Connection, id: &str) -> Result<Organisation> {
    if !mark(conn, "organisations", id, false)? {
        return Err(Error::NotFound(format!("organisation {id} in the trash")));
    }
    get_organisation(conn, id)
}

pub fn trashed_people(conn: &Connection) -> Result<Vec<Person>> {
    let sql = format!("{SELECT_PERSON} WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC");
    Ok(conn.prepare_cached(&sql)?.query_map([], person_from_row)?.collect::<rusqlite::Result<_>>()?)
}

pub fn trashed_organisations(conn: &Connection) -> Result<Vec<Organisation>> {
    let sql = format!("{SELECT_ORGANISATION} WHERE o.deleted_at IS NOT NULL ORDER BY o.deleted_at DESC");
    Ok(conn.prepare_cached(&sql)?.query_map([], organisation_from_row)?.collect::<rusqlite::Result<_>>()?)
}
