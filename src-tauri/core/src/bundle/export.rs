//! Gathering a trip's bundle: the trip and what hangs on it, then every register record those
//! link to, so that the bundle is complete in itself.

use std::collections::{BTreeSet, HashSet};

use rusqlite::{Connection, OptionalExtension};

use super::{
    records, Bundle, Item, Outcome, Register, Task, ThemeArea, Trip, FORMAT, MAX_BUNDLE_DOCUMENT_BYTES, VERSION,
};
use crate::documents::{DocumentKind, DocumentOwnerKind};
use crate::error::{Error, Result};
use crate::vocabulary::RegisterKind;

const TASKS_OF_TRIP: &str = "WHERE t.deleted_at IS NULL AND (t.trip_id = ?1
        OR t.item_id IN (SELECT id FROM programme_items WHERE trip_id = ?1 AND deleted_at IS NULL)
        OR t.outcome_id IN (SELECT o.id FROM outcomes o JOIN programme_items i ON i.id = o.item_id
            WHERE i.trip_id = ?1 AND i.deleted_at IS NULL AND o.deleted_at IS NULL))
    ORDER BY t.id";

/// The documents of the trip's records of the kinds `owners` that a bundle carries: not in the
/// trash, no passport copies or visas, with their file on this laptop.
fn documents_filter(owners: &[DocumentOwnerKind]) -> String {
    let owner = |kind: DocumentOwnerKind| owners.contains(&kind);
    let mut of: Vec<&str> = Vec::new();
    if owner(DocumentOwnerKind::Trip) {
        of.push("d.trip_id = ?1");
    }
    if owner(DocumentOwnerKind::Item) {
        of.push("d.item_id IN (SELECT id FROM programme_items WHERE trip_id = ?1 AND deleted_at IS NULL)");
    }
    if owner(DocumentOwnerKind::Member) {
        of.push("d.member_id IN (SELECT id FROM members WHERE trip_id = ?1 AND deleted_at IS NULL)");
    }
    format!(
        "WHERE d.deleted_at IS NULL AND d.content_hash <> '' AND d.kind NOT IN ({}) AND ({}) ORDER BY d.id",
        DocumentKind::travel_document_list(),
        of.join(" OR ")
    )
}

/// How many documents of `owners` a bundle of the trip carries, and their size in bytes.
pub(super) fn document_size(conn: &Connection, trip_id: &str, owners: &[DocumentOwnerKind]) -> Result<(i64, i64)> {
    if owners.is_empty() {
        return Ok((0, 0));
    }
    let sql = format!("SELECT count(*), coalesce(sum(d.size_bytes), 0) FROM documents d {}", documents_filter(owners));
    Ok(conn.prepare_cached(&sql)?.query_row([trip_id], |row| Ok((row.get(0)?, row.get(1)?)))?)
}

pub(super) fn bundle_of_trip(conn: &Connection, trip_id: &str, owners: &[DocumentOwnerKind]) -> Result<Bundle> {
    let trip = Trip::from(crate::trips::get_trip(conn, trip_id)?);
    let checklist =
        records::steps(conn, "WHERE s.trip_id = ?1 AND s.deleted_at IS NULL ORDER BY s.position, s.id", trip_id)?;
    let delegation = records::delegation(conn, trip_id)?;
    let programme = records::programme(conn, trip_id)?;
    let outcomes = records::outcomes(
        conn,
        "JOIN programme_items i ON i.id = o.item_id
         WHERE i.trip_id = ?1 AND i.deleted_at IS NULL AND o.deleted_at IS NULL
         ORDER BY i.start_utc, i.end_utc, i.id, o.position, o.id",
        trip_id,
    )?;
    let mut tasks = records::tasks(conn, TASKS_OF_TRIP, trip_id)?;
    keep_links_inside(&mut tasks, trip_id, &programme, &outcomes);
    let (_, size) = document_size(conn, trip_id, owners)?;
    if size as u64 > MAX_BUNDLE_DOCUMENT_BYTES {
        return Err(Error::field(
            "documents",
            "documents_too_large",
            format!(
                "the documents come to {} MB, more than a trip bundle carries ({} MB); leave them out and hand them on one by one",
                size / 1_048_576,
                MAX_BUNDLE_DOCUMENT_BYTES / 1_048_576
            ),
        ));
    }
    let documents =
        if owners.is_empty() { Vec::new() } else { records::documents(conn, &documents_filter(owners), trip_id)? };

    let mut bundle = Bundle {
        format: FORMAT.into(),
        version: VERSION,
        withheld: Vec::new(),
        trip,
        checklist,
        delegation,
        programme,
        outcomes,
        tasks,
        documents,
        register: Register::default(),
    };
    bundle.register = register_of(conn, &bundle)?;
    Ok(bundle)
}

/// A task reached through one of the trip's items may still name another trip, or an item or
/// outcome of one; those links cannot travel.
fn keep_links_inside(tasks: &mut [Task], trip_id: &str, programme: &[Item], outcomes: &[Outcome]) {
    let item_ids: HashSet<&str> = programme.iter().map(|item| item.id.as_str()).collect();
    let outcome_ids: HashSet<&str> = outcomes.iter().map(|outcome| outcome.id.as_str()).collect();
    for task in tasks {
        task.trip_id = task.trip_id.take().filter(|id| id == trip_id);
        task.item_id = task.item_id.take().filter(|id| item_ids.contains(id.as_str()));
        task.outcome_id = task.outcome_id.take().filter(|id| outcome_ids.contains(id.as_str()));
    }
}

/// The people, organisations, partnerships and theme areas the bundle's records link to.
fn register_of(conn: &Connection, bundle: &Bundle) -> Result<Register> {
    let mut person_ids = BTreeSet::new();
    let mut organisation_ids = BTreeSet::new();
    let mut partnership_ids: BTreeSet<String> =
        bundle.trip.partnership_id.iter().chain(&bundle.trip.further_partnership_ids).cloned().collect();
    let mut theme_ids: BTreeSet<String> = bundle.trip.theme_ids.iter().cloned().collect();
    person_ids.extend(bundle.delegation.iter().filter_map(|member| member.person_id.clone()));
    for host in bundle.programme.iter().flat_map(|item| &item.hosts) {
        match host.kind {
            RegisterKind::Person => person_ids.insert(host.id.clone()),
            RegisterKind::Organisation => organisation_ids.insert(host.id.clone()),
        };
    }
    person_ids.extend(bundle.outcomes.iter().flat_map(|outcome| outcome.people.iter().cloned()));
    for task in &bundle.tasks {
        person_ids.extend(task.owner_id.iter().chain(&task.people).cloned());
        partnership_ids.extend(task.partnership_id.iter().cloned());
        theme_ids.extend(task.theme_id.iter().cloned());
    }

    let people = each(&person_ids, |id| records::person(conn, id))?;
    organisation_ids.extend(people.iter().filter_map(|person| person.organisation_id.clone()));
    let organisations = each(&organisation_ids, |id| records::organisation(conn, id))?;
    partnership_ids.extend(people.iter().filter_map(|person| person.partnership_id.clone()));
    partnership_ids.extend(organisations.iter().filter_map(|organisation| organisation.partnership_id.clone()));
    let partnerships = each(&partnership_ids, |id| records::partnership(conn, id))?;
    let theme_areas = each(&theme_ids, |id| {
        Ok(conn
            .prepare_cached("SELECT id, name FROM theme_areas WHERE id = ?1")?
            .query_row([id], |row| Ok(ThemeArea { id: row.get(0)?, name: row.get(1)? }))
            .optional()?)
    })?;
    Ok(Register { partnerships, theme_areas, organisations, people })
}

/// The records `read` finds for each ID, in the order of the IDs.
fn each<T>(ids: &BTreeSet<String>, read: impl Fn(&str) -> Result<Option<T>>) -> Result<Vec<T>> {
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        found.extend(read(id)?);
    }
    Ok(found)
}
