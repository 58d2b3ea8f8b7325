//! Reading bundle records from the database: the export reads a whole trip's, the import reads
//! the copy of one record already here to compare. Trips, members, items and register records
//! come through their aggregates' own queries and are converted; checklist steps, outcomes and
//! tasks are read here, because the bundle carries their positions and raw links, which the
//! screens' shapes do not. Links to records in the trash are left out, as the screens leave them.

use rusqlite::{Connection, Row};

use super::{Document, Item, Member, Organisation, Outcome, Partnership, Person, Step, Task, Trip};
use crate::contacts::record;
use crate::contacts::{organisations, people};
use crate::delegation;
use crate::documents::{DocumentKind, DocumentOwnerKind};
use crate::error::Result;
use crate::store::document_files::DocumentFiles;
use crate::store::trash::exists_outside_trash;

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

const SELECT_DOCUMENTS: &str = "SELECT d.id, d.trip_id, d.item_id, d.member_id, d.name, d.kind, d.document_date,
    d.content_hash, d.created_at, d.updated_at FROM documents d";

/// A document without its content.
fn document_from_row(row: &Row) -> rusqlite::Result<Document> {
    let (trip, item, member): (Option<String>, Option<String>, Option<String>) =
        (row.get(1)?, row.get(2)?, row.get(3)?);
    let (owner, owner_id) = match (trip, item, member) {
        (Some(id), _, _) => (DocumentOwnerKind::Trip, id),
        (_, Some(id), _) => (DocumentOwnerKind::Item, id),
        (_, _, member) => (DocumentOwnerKind::Member, member.unwrap_or_default()),
    };
    let kind: String = row.get(5)?;
    Ok(Document {
        id: row.get(0)?,
        owner,
        owner_id,
        name: row.get(4)?,
        kind: DocumentKind::parse(&kind).unwrap_or(DocumentKind::Other),
        document_date: row.get(6)?,
        content_hash: row.get(7)?,
        content: Vec::new(),
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

/// Documents (alias `d`) with their content; one whose file is not on this laptop is left out.
pub(crate) fn documents(conn: &Connection, filter: &str, key: &str) -> Result<Vec<Document>> {
    let found = query(conn, &format!("{SELECT_DOCUMENTS} {filter}"), key, document_from_row)?;
    if found.is_empty() {
        return Ok(found);
    }
    let files = DocumentFiles::of(conn)?;
    let mut documents = Vec::new();
    for mut document in found {
        if files.is_kept(&document.content_hash) {
            document.content = files.read(&document.content_hash)?;
            documents.push(document);
        }
    }
    Ok(documents)
}

/// The document `id` as kept here, without its content, for the import to compare.
pub(crate) fn document(conn: &Connection, id: &str) -> Result<Option<Document>> {
    Ok(query(conn, &format!("{SELECT_DOCUMENTS} WHERE d.id = ?1"), id, document_from_row)?.pop())
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

/// The item `id`, also from the trash.
pub(crate) fn find_item(conn: &Connection, id: &str) -> Result<Option<Item>> {
    Ok(crate::programme::find_item(conn, id)?.map(Item::from))
}

/// The programme of a trip, in order of the items' start instants.
pub(crate) fn programme(conn: &Connection, trip_id: &str) -> Result<Vec<Item>> {
    Ok(crate::programme::list_items(conn, trip_id)?.into_iter().map(Item::from).collect())
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
