//! Reading bundle records from the database, one query per kind: the export reads a whole
//! trip's, the import reads the copy of one record already here to compare. Links to records
//! in the trash are left out, as the app's own screens leave them out.

use rusqlite::{Connection, Row};

use super::{Host, Item, Member, Organisation, Outcome, Partnership, Person, Step, Task, Time, Trip};
use crate::delegation;
use crate::error::Result;
use crate::register::record;
use crate::register::{organisations, people};
use crate::store::trash::exists_outside_trash;
use crate::vocabulary::RegisterKind;

fn query<T>(conn: &Connection, sql: &str, key: &str, from_row: fn(&Row) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    Ok(conn.prepare_cached(sql)?.query_map([key], from_row)?.collect::<rusqlite::Result<_>>()?)
}

fn strings(conn: &Connection, sql: &str, key: &str) -> Result<Vec<String>> {
    query(conn, sql, key, |row| row.get(0))
}

/// `column` when it names a record of `table` that is not in the trash, otherwise NULL.
fn live(table: &str, column: &str) -> String {
    format!("(SELECT x.id FROM {table} x WHERE x.id = {column} AND x.deleted_at IS NULL)")
}

/// The trip `id`, also from the trash.
pub(crate) fn trip(conn: &Connection, id: &str) -> Result<Option<Trip>> {
    Ok(crate::trips::find_trip(conn, id)?.map(Trip::from))
}

/// Checklist steps (alias `s`).
pub(crate) fn steps(conn: &Connection, filter: &str, key: &str) -> Result<Vec<Step>> {
    let sql = format!(
        "SELECT s.id, s.position, s.text, s.done_at, s.created_at, s.updated_at FROM checklist_steps s {filter}"
    );
    query(conn, &sql, key, |row| {
        Ok(Step {
            id: row.get(0)?,
            position: row.get(1)?,
            text: row.get(2)?,
            done_at: row.get(3)?,
            created_at: row.get(4)?,
            updated_at: row.get(5)?,
        })
    })
}

/// A delegation member as the bundle carries it: never with passport, birth date or visa
/// (the domain's `Member` does not read them), the link to a person in the trash left out.
fn member(conn: &Connection, m: delegation::Member) -> Result<Member> {
    let person_id = match m.person_id {
        Some(id) if exists_outside_trash(conn, "people", &id)? => Some(id),
        _ => None,
    };
    Ok(Member {
        id: m.id,
        person_id,
        name_latin: m.name_latin,
        name_original: m.name_original,
        function_title: m.function_title,
        organisation: m.organisation,
        party: m.party,
        role: m.role,
        precedence: m.precedence,
        email: m.email,
        phone: m.phone,
        dietary: m.dietary,
        accessibility: m.accessibility,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// The delegation of a trip, in order of precedence.
pub(crate) fn delegation(conn: &Connection, trip_id: &str) -> Result<Vec<Member>> {
    delegation::list_members(conn, trip_id)?.into_iter().map(|m| member(conn, m)).collect()
}

/// The member `id`, also from the trash.
pub(crate) fn find_member(conn: &Connection, id: &str) -> Result<Option<Member>> {
    delegation::find_member(conn, id)?.map(|m| member(conn, m)).transpose()
}

/// Programme items (alias `i`) with their hosts and participants.
pub(crate) fn items(conn: &Connection, filter: &str, key: &str) -> Result<Vec<Item>> {
    let sql = format!(
        "SELECT i.id, i.kind, i.title, i.start_local, i.start_zone, i.start_utc, i.end_local, i.end_zone, i.end_utc,
            i.place, i.address, i.everyone, i.notes_participants, i.notes_internal, i.sequence, i.created_at,
            i.updated_at
         FROM programme_items i {filter}"
    );
    let mut items = query(conn, &sql, key, |row| {
        Ok(Item {
            id: row.get(0)?,
            kind: row.get(1)?,
            title: row.get(2)?,
            start: Time { local: row.get(3)?, zone: row.get(4)?, utc: row.get(5)? },
            end: Time { local: row.get(6)?, zone: row.get(7)?, utc: row.get(8)? },
            place: row.get(9)?,
            address: row.get(10)?,
            hosts: Vec::new(),
            everyone: row.get(11)?,
            participant_ids: Vec::new(),
            notes_participants: row.get(12)?,
            notes_internal: row.get(13)?,
            sequence: row.get(14)?,
            created_at: row.get(15)?,
            updated_at: row.get(16)?,
        })
    })?;
    let hosts_sql = format!(
        "SELECT {}, {} FROM item_hosts h WHERE h.item_id = ?1 ORDER BY h.position",
        live("people", "h.person_id"),
        live("organisations", "h.organisation_id")
    );
    for item in &mut items {
        item.hosts = query(conn, &hosts_sql, &item.id, |row| {
            Ok((row.get::<_, Option<String>>(0)?, row.get::<_, Option<String>>(1)?))
        })?
        .into_iter()
        .filter_map(|host| match host {
            (Some(id), _) => Some(Host { kind: RegisterKind::Person, id }),
            (None, Some(id)) => Some(Host { kind: RegisterKind::Organisation, id }),
            (None, None) => None,
        })
        .collect();
        item.participant_ids = strings(
            conn,
            "SELECT p.member_id FROM item_participants p JOIN members m ON m.id = p.member_id
             WHERE p.item_id = ?1 AND m.deleted_at IS NULL ORDER BY m.precedence, m.id",
            &item.id,
        )?;
    }
    Ok(items)
}

pub(crate) const OUTCOME_PEOPLE: (&str, &str) = ("outcome_people", "outcome_id");

/// The live people linked through `link_table` to the record `owner_column` names, in order.
fn linked_people(conn: &Connection, (link_table, owner_column): (&str, &str), owner_id: &str) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT l.person_id FROM {link_table} l JOIN people p ON p.id = l.person_id AND p.deleted_at IS NULL
         WHERE l.{owner_column} = ?1 ORDER BY l.position, l.person_id"
    );
    strings(conn, &sql, owner_id)
}

/// Outcomes (alias `o`; a filter may join the items as `i`) with the people they were agreed with.
pub(crate) fn outcomes(conn: &Connection, filter: &str, key: &str) -> Result<Vec<Outcome>> {
    let sql =
        format!("SELECT o.id, o.item_id, o.text, o.position, o.created_at, o.updated_at FROM outcomes o {filter}");
    let mut outcomes = query(conn, &sql, key, |row| {
        Ok(Outcome {
            id: row.get(0)?,
            item_id: row.get(1)?,
            text: row.get(2)?,
            position: row.get(3)?,
            people: Vec::new(),
            created_at: row.get(4)?,
            updated_at: row.get(5)?,
        })
    })?;
    for outcome in &mut outcomes {
        outcome.people = linked_people(conn, OUTCOME_PEOPLE, &outcome.id)?;
    }
    Ok(outcomes)
}

/// Tasks (alias `t`) with their people and checklist.
pub(crate) fn tasks(conn: &Connection, filter: &str, key: &str) -> Result<Vec<Task>> {
    let sql = format!(
        "SELECT t.id, t.title, t.description, {}, t.due_date, t.priority, t.status, t.trip_id, t.item_id,
            t.outcome_id, {}, t.theme_id, t.closed_at, t.created_at, t.updated_at
         FROM tasks t {filter}",
        live("people", "t.owner_id"),
        live("partnerships", "t.partnership_id")
    );
    let mut tasks = query(conn, &sql, key, |row| {
        Ok(Task {
            id: row.get(0)?,
            title: row.get(1)?,
            description: row.get(2)?,
            owner_id: row.get(3)?,
            due_date: row.get(4)?,
            priority: row.get(5)?,
            status: row.get(6)?,
            trip_id: row.get(7)?,
            item_id: row.get(8)?,
            outcome_id: row.get(9)?,
            partnership_id: row.get(10)?,
            theme_id: row.get(11)?,
            closed_at: row.get(12)?,
            people: Vec::new(),
            checklist: Vec::new(),
            created_at: row.get(13)?,
            updated_at: row.get(14)?,
        })
    })?;
    for task in &mut tasks {
        task.people = linked_people(conn, crate::tasks::TASK_PEOPLE, &task.id)?;
        task.checklist =
            steps(conn, "WHERE s.task_id = ?1 AND s.deleted_at IS NULL ORDER BY s.position, s.id", &task.id)?;
    }
    Ok(tasks)
}

/// The partnership `id` (also from the trash), without its agreements.
pub(crate) fn partnership(conn: &Connection, id: &str) -> Result<Option<Partnership>> {
    // The expiry counts the register reads with it do not go into a bundle.
    let today = chrono::Utc::now().date_naive();
    Ok(crate::partnerships::find_partnership(conn, id, today)?.map(Partnership::from))
}

/// The organisation `id`, also from the trash.
pub(crate) fn organisation(conn: &Connection, id: &str) -> Result<Option<Organisation>> {
    Ok(record::find::<organisations::Organisation>(conn, id)?.map(Organisation::from))
}

/// The person `id`, also from the trash.
pub(crate) fn person(conn: &Connection, id: &str) -> Result<Option<Person>> {
    Ok(record::find::<people::Person>(conn, id)?.map(Person::from))
}
