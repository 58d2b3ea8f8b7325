//! Runs with migration 0003: the first slice kept delegation members and programme-item
//! hosts as free text. Every member becomes (or is matched to) a person in the register, and
//! every line of hosts becomes people and organisations whose labels read exactly as the text
//! did; then the free-text host column goes.

use rusqlite::{params, Transaction};
use rusqlite_migration::HookResult;

use super::find_or_create::{ensure_person, hosts_from_text, side_of_delegation, side_of_hosts, NewPerson};
use super::links::set_hosts;
use crate::store::hook_error;
use crate::trips::Direction;

pub fn migrate(tx: &Transaction) -> HookResult {
    link_members(tx).map_err(hook_error)?;
    link_hosts(tx).map_err(hook_error)?;
    tx.execute_batch("ALTER TABLE programme_items DROP COLUMN hosts")?;
    Ok(())
}

fn link_members(tx: &Transaction) -> crate::error::Result<()> {
    let members: Vec<(String, NewPerson)> = tx
        .prepare(
            "SELECT m.id, m.name_latin, m.name_original, m.function_title, m.organisation, m.email, m.phone,
                t.partnership_id, t.direction
             FROM members m JOIN trips t ON t.id = m.trip_id ORDER BY t.start_date, m.precedence, m.id",
        )?
        .query_map([], |row| {
            let direction: Direction = row.get(8)?;
            let person = NewPerson {
                name_latin: row.get(1)?,
                name_original: row.get(2)?,
                function_title: row.get(3)?,
                organisation: row.get(4)?,
                email: row.get(5)?,
                phone: row.get(6)?,
                side: side_of_delegation(direction),
                partnership_id: row.get(7)?,
            };
            Ok((row.get(0)?, person))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (member_id, person) in members {
        let person_id = ensure_person(tx, &person)?;
        tx.execute("UPDATE members SET person_id = ?2 WHERE id = ?1", params![member_id, person_id])?;
    }
    Ok(())
}

fn link_hosts(tx: &Transaction) -> crate::error::Result<()> {
    let items: Vec<(String, String, Direction, Option<String>)> = tx
        .prepare(
            "SELECT i.id, i.hosts, t.direction, t.partnership_id FROM programme_items i JOIN trips t ON t.id = i.trip_id
             WHERE trim(i.hosts) <> '' ORDER BY t.start_date, i.start_utc, i.id",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (item_id, text, direction, partnership_id) in items {
        let hosts = hosts_from_text(tx, &text, side_of_hosts(direction), partnership_id.as_deref())?;
        set_hosts(tx, &item_id, &hosts)?;
    }
    Ok(())
}
