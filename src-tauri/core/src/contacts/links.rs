//! What links to people and organisations: the hosts and guests of programme items, the
//! signatories of agreements, and the summary of links shown before a record goes to the trash.

use std::collections::HashMap;

use rusqlite::{named_params, params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::people::kind_of;
use super::{RegisterEntry, ORGANISATION_LABEL, PERSON_LABEL};
use crate::error::{FieldError, Result};
use crate::vocabulary::{RegisterKind, RegisterRef};

/// Everything that links to a person or organisation, named, for the question before deleting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterLinks {
    /// Titles of the trips they travelled with.
    pub trips: Vec<String>,
    /// Titles of the programme items they host.
    pub hosted_items: Vec<String>,
    /// Titles of the agreements they signed.
    pub agreements: Vec<String>,
    /// Names of the people who belong to the organisation.
    pub people: Vec<String>,
}

impl RegisterLinks {
    pub fn is_empty(&self) -> bool {
        self.trips.is_empty() && self.hosted_items.is_empty() && self.agreements.is_empty() && self.people.is_empty()
    }
}

fn titles(conn: &Connection, sql: &str, id: &str) -> Result<Vec<String>> {
    Ok(conn.prepare_cached(sql)?.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?)
}

pub fn links_of(conn: &Connection, reference: &RegisterRef) -> Result<RegisterLinks> {
    let id = reference.id.as_str();
    Ok(match reference.kind {
        RegisterKind::Person => RegisterLinks {
            trips: titles(
                conn,
                "SELECT DISTINCT t.title FROM members m JOIN trips t ON t.id = m.trip_id
                 WHERE m.person_id = ?1 AND m.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.start_date DESC",
                id,
            )?,
            hosted_items: titles(
                conn,
                "SELECT i.title FROM item_hosts h JOIN programme_items i ON i.id = h.item_id
                 JOIN trips t ON t.id = i.trip_id AND t.deleted_at IS NULL
                 WHERE h.person_id = ?1 AND i.deleted_at IS NULL ORDER BY i.start_utc DESC",
                id,
            )?,
            agreements: titles(
                conn,
                "SELECT a.title FROM agreement_signatories s JOIN agreements a ON a.id = s.agreement_id
                 WHERE s.person_id = ?1 AND a.deleted_at IS NULL ORDER BY a.signed_on DESC",
                id,
            )?,
            people: Vec::new(),
        },
        RegisterKind::Organisation => RegisterLinks {
            trips: Vec::new(),
            hosted_items: titles(
                conn,
                "SELECT i.title FROM item_hosts h JOIN programme_items i ON i.id = h.item_id
                 JOIN trips t ON t.id = i.trip_id AND t.deleted_at IS NULL
                 WHERE h.organisation_id = ?1 AND i.deleted_at IS NULL ORDER BY i.start_utc DESC",
                id,
            )?,
            agreements: Vec::new(),
            people: titles(
                conn,
                "SELECT name_latin FROM people WHERE organisation_id = ?1 AND deleted_at IS NULL
                 ORDER BY name_latin COLLATE NOCASE",
                id,
            )?,
        },
    })
}

crate::text_enum! {
    /// Who is named on a programme item beside the delegation: its hosts, and guests such as the
    /// firms at a symposium.
    pub enum ItemRegisterLink { Hosts => "item_hosts", Guests => "item_guests" }
}

const SELECT_LINKED: &str = "SELECT h.item_id,
        CASE WHEN h.person_id IS NULL THEN 'organisation' ELSE 'person' END,
        coalesce(h.person_id, h.organisation_id),
        coalesce(PERSON_LABEL, ORGANISATION_LABEL),
        coalesce(po.name, o.transliteration, ''),
        coalesce(p.side, o.side)
    FROM LINK_TABLE h
    LEFT JOIN people p ON p.id = h.person_id AND p.deleted_at IS NULL
    LEFT JOIN organisations po ON po.id = p.organisation_id AND po.deleted_at IS NULL
    LEFT JOIN organisations o ON o.id = h.organisation_id AND o.deleted_at IS NULL";

fn linked_sql(link: ItemRegisterLink, filter: &str) -> String {
    format!(
        "{} WHERE {filter} AND (p.id IS NOT NULL OR o.id IS NOT NULL) ORDER BY h.item_id, h.position",
        SELECT_LINKED
            .replace("LINK_TABLE", link.as_str())
            .replace("PERSON_LABEL", PERSON_LABEL)
            .replace("ORGANISATION_LABEL", ORGANISATION_LABEL)
    )
}

fn host_row(row: &rusqlite::Row) -> rusqlite::Result<(String, RegisterEntry)> {
    Ok((
        row.get(0)?,
        RegisterEntry {
            kind: row.get(1)?,
            id: row.get(2)?,
            label: row.get(3)?,
            detail: row.get(4)?,
            side: row.get(5)?,
        },
    ))
}

/// The hosts (or guests) of every item of a trip, in their order, by item ID (records in the
/// trash left out).
pub fn linked_of_trip(
    conn: &Connection,
    link: ItemRegisterLink,
    trip_id: &str,
) -> Result<HashMap<String, Vec<RegisterEntry>>> {
    let mut hosts: HashMap<String, Vec<RegisterEntry>> = HashMap::new();
    let sql =
        linked_sql(link, "h.item_id IN (SELECT id FROM programme_items WHERE trip_id = :trip AND deleted_at IS NULL)");
    for row in conn.prepare_cached(&sql)?.query_map(named_params! { ":trip": trip_id }, host_row)? {
        let (item_id, entry) = row?;
        hosts.entry(item_id).or_default().push(entry);
    }
    Ok(hosts)
}

pub fn hosts_of_trip(conn: &Connection, trip_id: &str) -> Result<HashMap<String, Vec<RegisterEntry>>> {
    linked_of_trip(conn, ItemRegisterLink::Hosts, trip_id)
}

pub fn hosts_of_item(conn: &Connection, item_id: &str) -> Result<Vec<RegisterEntry>> {
    linked_of_item(conn, ItemRegisterLink::Hosts, item_id)
}

pub fn linked_of_item(conn: &Connection, link: ItemRegisterLink, item_id: &str) -> Result<Vec<RegisterEntry>> {
    let sql = linked_sql(link, "h.item_id = :item");
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(named_params! { ":item": item_id }, host_row)?;
    Ok(rows.map(|row| row.map(|(_, entry)| entry)).collect::<rusqlite::Result<_>>()?)
}

/// The first of `hosts` that is not in the register, as a problem of the field `hosts`.
pub(crate) fn check_hosts(conn: &Connection, hosts: &[RegisterRef]) -> Result<Option<FieldError>> {
    for host in hosts {
        let table = match host.kind {
            RegisterKind::Person => "people",
            RegisterKind::Organisation => "organisations",
        };
        let found = conn
            .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL"))?
            .exists([&host.id])?;
        if !found {
            return Ok(Some(FieldError::new("hosts", "unknown_host", format!("{} is not in the register", host.id))));
        }
    }
    Ok(None)
}

pub(crate) fn set_hosts(conn: &Connection, item_id: &str, hosts: &[RegisterRef]) -> Result<()> {
    set_linked(conn, ItemRegisterLink::Hosts, item_id, hosts)
}

/// Names `hosts` as the item's hosts (or guests), in their order, each once.
pub(crate) fn set_linked(
    conn: &Connection,
    link: ItemRegisterLink,
    item_id: &str,
    hosts: &[RegisterRef],
) -> Result<()> {
    let table = link.as_str();
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE item_id = ?1"))?.execute([item_id])?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO {table} (item_id, position, person_id, organisation_id) VALUES (?1, ?2, ?3, ?4)"
    ))?;
    let mut seen = std::collections::HashSet::new();
    for host in hosts {
        if !seen.insert(host) {
            continue;
        }
        let (person, organisation) = match host.kind {
            RegisterKind::Person => (Some(&host.id), None),
            RegisterKind::Organisation => (None, Some(&host.id)),
        };
        insert.execute(params![item_id, seen.len() as i64, person, organisation])?;
    }
    Ok(())
}

/// The people linked to one record through `link_table` (`owner_column` naming the record,
/// `person_id` and `position` the person and order), records in the trash left out.
pub(crate) fn people_of(
    conn: &Connection,
    (link_table, owner_column): (&str, &str),
    owner_id: &str,
) -> Result<Vec<RegisterEntry>> {
    let sql = format!(
        "SELECT p.id, {PERSON_LABEL}, coalesce(o.name, ''), p.side FROM {link_table} s
         JOIN people p ON p.id = s.person_id AND p.deleted_at IS NULL
         LEFT JOIN organisations o ON o.id = p.organisation_id AND o.deleted_at IS NULL
         WHERE s.{owner_column} = ?1 ORDER BY s.position"
    );
    let entries = conn
        .prepare_cached(&sql)?
        .query_map([owner_id], |row| {
            Ok(RegisterEntry {
                kind: RegisterKind::Person,
                id: row.get(0)?,
                label: row.get(1)?,
                detail: row.get(2)?,
                side: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(entries)
}

pub(crate) fn set_people(
    conn: &Connection,
    (link_table, owner_column): (&str, &str),
    owner_id: &str,
    people: &[RegisterRef],
) -> Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {link_table} WHERE {owner_column} = ?1"))?.execute([owner_id])?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT OR IGNORE INTO {link_table} ({owner_column}, person_id, position) VALUES (?1, ?2, ?3)"
    ))?;
    for (position, person) in people.iter().enumerate() {
        insert.execute(params![owner_id, person.id, position as i64])?;
    }
    Ok(())
}

pub(crate) const SIGNATORIES: (&str, &str) = ("agreement_signatories", "agreement_id");

/// The signatories of an agreement, in the order given (records in the trash left out).
pub fn signatories_of(conn: &Connection, agreement_id: &str) -> Result<Vec<RegisterEntry>> {
    people_of(conn, SIGNATORIES, agreement_id)
}

/// Only people sign: the first signatory that is an organisation, or not in the register at
/// all, as a problem of the field `signatories`.
pub(crate) fn check_signatories(conn: &Connection, signatories: &[RegisterRef]) -> Result<Option<FieldError>> {
    check_people(conn, "signatories", "signatory_not_a_person", signatories)
}

/// The first of `people` that is an organisation (reported with `organisation_code`) or not
/// in the register at all, as a problem of `field`.
pub(crate) fn check_people(
    conn: &Connection,
    field: &str,
    organisation_code: &str,
    people: &[RegisterRef],
) -> Result<Option<FieldError>> {
    for person in people {
        match kind_of(conn, &person.id)? {
            Some(RegisterKind::Person) if super::people::person_exists(conn, &person.id)? => {}
            Some(RegisterKind::Organisation) => {
                let name: String = conn
                    .prepare_cached("SELECT name FROM organisations WHERE id = ?1")?
                    .query_row([&person.id], |row| row.get(0))?;
                return Ok(Some(FieldError::new(
                    field,
                    organisation_code,
                    format!("{name} is an organisation; only a person can be named here"),
                )));
            }
            _ => {
                return Ok(Some(FieldError::new(
                    field,
                    "unknown_person",
                    format!("{} is not a person in the register", person.id),
                )))
            }
        }
    }
    Ok(None)
}

pub(crate) fn set_signatories(conn: &Connection, agreement_id: &str, signatories: &[RegisterRef]) -> Result<()> {
    set_people(conn, SIGNATORIES, agreement_id, signatories)
}
