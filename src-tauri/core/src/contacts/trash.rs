//! People and organisations in the trash: deleting only marks them, so every link survives
//! and comes back with a restore; emptying the trash removes them for good.

use rusqlite::Connection;

use super::organisations::Organisation;
use super::people::Person;
use super::record;
use crate::error::Result;

pub fn delete_person(conn: &Connection, id: &str) -> Result<()> {
    record::delete::<Person>(conn, id)
}

pub fn restore_person(conn: &Connection, id: &str) -> Result<Person> {
    record::restore(conn, id)
}

pub fn delete_organisation(conn: &Connection, id: &str) -> Result<()> {
    record::delete::<Organisation>(conn, id)
}

pub fn restore_organisation(conn: &Connection, id: &str) -> Result<Organisation> {
    record::restore(conn, id)
}

pub fn trashed_people(conn: &Connection) -> Result<Vec<Person>> {
    record::trashed(conn)
}

pub fn trashed_organisations(conn: &Connection) -> Result<Vec<Organisation>> {
    record::trashed(conn)
}
