//! The data half of migration 0003. The first slice kept delegation members and programme-item
//! hosts as free text: every member becomes (or is matched to) a person in the register, and
//! every line of hosts becomes people and organisations whose labels read exactly as the text
//! did; then the free-text host column goes.
//!
//! Frozen with the schema of version 3: it writes the tables as they were then and never calls
//! the register's live code, so a later change to the register cannot change this migration.
//! Only the pure name functions of `crate::names` are shared.

use std::collections::HashSet;

use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::names::hosts::{host_parts, split_original, HostPart};
use crate::names::transliteration::{folded, has_han, organisation_pinyin, person_pinyin, search_text};
use crate::store::{new_id, now};

pub fn run(tx: &Transaction) -> Result<()> {
    link_members(tx)?;
    link_hosts(tx)?;
    tx.execute_batch("ALTER TABLE programme_items DROP COLUMN hosts")?;
    Ok(())
}

/// An outgoing delegation is ours, an incoming one the partner's; hosts are on the other side.
fn sides(direction: &str) -> (&'static str, &'static str) {
    if direction == "outgoing" {
        ("ours", "partner")
    } else {
        ("partner", "ours")
    }
}

struct Named<'a> {
    latin: &'a str,
    original: &'a str,
    function_title: &'a str,
    organisation: &'a str,
    email: &'a str,
    phone: &'a str,
    side: &'a str,
    partnership_id: Option<&'a str>,
}

fn link_members(tx: &Transaction) -> Result<()> {
    type Row = (String, String, String, String, String, String, String, Option<String>, String);
    let members: Vec<Row> = tx
        .prepare(
            "SELECT m.id, m.name_latin, m.name_original, m.function_title, m.organisation, m.email, m.phone,
                t.partnership_id, t.direction
             FROM members m JOIN trips t ON t.id = m.trip_id ORDER BY t.start_date, m.precedence, m.id",
        )?
        .query_map([], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
                row.get(7)?,
                row.get(8)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (member_id, latin, original, function_title, organisation, email, phone, partnership_id, direction) in &members
    {
        let person = Named {
            latin,
            original,
            function_title,
            organisation,
            email,
            phone,
            side: sides(direction).0,
            partnership_id: partnership_id.as_deref(),
        };
        let person_id = ensure_person(tx, &person)?;
        tx.execute("UPDATE members SET person_id = ?2 WHERE id = ?1", params![member_id, person_id])?;
    }
    Ok(())
}

fn link_hosts(tx: &Transaction) -> Result<()> {
    let items: Vec<(String, String, String, Option<String>)> = tx
        .prepare(
            "SELECT i.id, i.hosts, t.direction, t.partnership_id FROM programme_items i JOIN trips t ON t.id = i.trip_id
             WHERE trim(i.hosts) <> '' ORDER BY t.start_date, i.start_utc, i.id",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert =
        tx.prepare("INSERT INTO item_hosts (item_id, position, person_id, organisation_id) VALUES (?1, ?2, ?3, ?4)")?;
    for (item_id, text, direction, partnership_id) in items {
        let side = sides(&direction).1;
        let mut seen = HashSet::new();
        for part in host_parts(&text) {
            let host = match part {
                HostPart::Person { function_title, name_latin, name_original } => {
                    let person = Named {
                        latin: &name_latin,
                        original: &name_original,
                        function_title: &function_title,
                        organisation: "",
                        email: "",
                        phone: "",
                        side,
                        partnership_id: partnership_id.as_deref(),
                    };
                    (Some(ensure_person(tx, &person)?), None)
                }
                HostPart::Organisation { name } => {
                    (None, Some(ensure_organisation(tx, &name, side, partnership_id.as_deref())?))
                }
            };
            if seen.insert(host.clone()) {
                insert.execute(params![item_id, seen.len() as i64, host.0, host.1])?;
            }
        }
    }
    Ok(())
}

/// The same name ignoring case, spacing and accents: the record's folded name is its search
/// text up to the first `|`.
const SAME_NAME: &str = "(search_text = ?1 OR substr(search_text, 1, length(?1) + 1) = ?1 || '|')
    AND (name_original = '' OR ?2 = '' OR name_original = ?2)";

fn ensure_person(tx: &Transaction, person: &Named) -> Result<String> {
    let found: Option<String> = tx
        .prepare_cached(&format!("SELECT id FROM people WHERE {SAME_NAME} ORDER BY created_at LIMIT 1"))?
        .query_row(params![folded(person.latin), person.original], |row| row.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let organisation_id = match person.organisation.trim() {
        "" => None,
        name => Some(ensure_organisation(tx, name, person.side, person.partnership_id)?),
    };
    let latin = person.latin.split_whitespace().collect::<Vec<_>>().join(" ");
    let pinyin = person_pinyin(person.original, person.latin).unwrap_or_default();
    let id = new_id();
    tx.prepare_cached(
        "INSERT INTO people (id, name_latin, name_original, transliteration, function_title, organisation_id, side,
            partnership_id, email, phone, search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        id,
        latin,
        person.original,
        pinyin,
        person.function_title,
        organisation_id,
        person.side,
        person.partnership_id,
        person.email,
        person.phone,
        search_text(&[person.latin, person.original, &pinyin]),
        now()
    ])?;
    Ok(id)
}

fn ensure_organisation(tx: &Transaction, typed: &str, side: &str, partnership_id: Option<&str>) -> Result<String> {
    let (latin, original) = split_original(typed);
    let (name, original) =
        if has_han(&original) { (latin, original) } else { (typed.trim().to_string(), String::new()) };
    let found: Option<String> = tx
        .prepare_cached(&format!("SELECT id FROM organisations WHERE {SAME_NAME} ORDER BY created_at LIMIT 1"))?
        .query_row(params![folded(&name), original], |row| row.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let pinyin = organisation_pinyin(&original).unwrap_or_default();
    let id = new_id();
    tx.prepare_cached(
        "INSERT INTO organisations (id, name, name_original, transliteration, kind, side, partnership_id, search_text,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'other', ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id,
        name,
        original,
        pinyin,
        side,
        partnership_id,
        search_text(&[&name, &original, &pinyin]),
        now()
    ])?;
    Ok(id)
}
