//! The trash as a whole: what it holds, and emptying it for good (after the UI has asked).
//! Every deletion in Partnerdesk goes through it: trips, partnerships, people, organisations,
//! gifts, tasks and projects, and the records inside them — programme items, delegation members,
//! agreements, outcomes, checklist steps, documents, cost lines and registrations.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::checklists::trashed_steps;
use crate::contacts::organisations::Organisation;
use crate::contacts::people::Person;
use crate::contacts::trash::{trashed_organisations, trashed_people};
use crate::costs::trashed_cost_lines;
use crate::delegation::trashed_members;
use crate::documents::trashed_documents;
use crate::error::Result;
use crate::gifts::{trashed_gifts, Gift};
use crate::outcomes::trashed_outcomes;
use crate::partnerships::agreements::trashed_agreements;
use crate::partnerships::{trash::trashed_partnerships, Partnership};
use crate::programme::trash::trashed_items;
use crate::projects::trashed_projects;
use crate::registrations::trashed_registrations;
use crate::store::trash::TrashedEntry;
use crate::store::{atomically, document_files};
use crate::tasks::{trash::trashed_tasks, Task};
use crate::trips::{trash::trashed_trips, Trip};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TrashContents {
    pub trips: Vec<Trip>,
    pub partnerships: Vec<Partnership>,
    pub people: Vec<Person>,
    pub organisations: Vec<Organisation>,
    pub gifts: Vec<Gift>,
    pub tasks: Vec<Task>,
    pub items: Vec<TrashedEntry>,
    pub members: Vec<TrashedEntry>,
    pub agreements: Vec<TrashedEntry>,
    pub outcomes: Vec<TrashedEntry>,
    pub checklist_steps: Vec<TrashedEntry>,
    pub documents: Vec<TrashedEntry>,
    pub projects: Vec<TrashedEntry>,
    pub cost_lines: Vec<TrashedEntry>,
    pub registrations: Vec<TrashedEntry>,
}

pub fn list_trash(conn: &Connection, today: NaiveDate) -> Result<TrashContents> {
    Ok(TrashContents {
        trips: trashed_trips(conn)?,
        partnerships: trashed_partnerships(conn, today)?,
        people: trashed_people(conn)?,
        organisations: trashed_organisations(conn)?,
        gifts: trashed_gifts(conn)?,
        tasks: trashed_tasks(conn, today)?,
        items: trashed_items(conn)?,
        members: trashed_members(conn)?,
        agreements: trashed_agreements(conn)?,
        outcomes: trashed_outcomes(conn)?,
        checklist_steps: trashed_steps(conn)?,
        documents: trashed_documents(conn)?,
        projects: trashed_projects(conn)?,
        cost_lines: trashed_cost_lines(conn)?,
        registrations: trashed_registrations(conn)?,
    })
}

/// Deletes everything in the trash for good: trips with their delegations and programmes,
/// partnerships with their agreements (trips of theirs outside the trash lose the link),
/// people and organisations (delegation lists keep the names as typed; hosts and signatures
/// of theirs go; gifts keep what was given, without the name), gifts, tasks with their
/// checklists, and the programme items, members, agreements, outcomes, steps and documents
/// cost lines and registrations deleted on their own. The files of the documents that go are released
/// (`document_files::release_unnamed`).
pub fn empty_trash(conn: &Connection) -> Result<usize> {
    let count = atomically(conn, |conn| {
        let mut count = 0;
        for table in [
            "trips",
            "partnerships",
            "people",
            "organisations",
            "gifts",
            "tasks",
            "programme_items",
            "members",
            "agreements",
            "outcomes",
            "checklist_steps",
            "documents",
            "projects",
            "cost_lines",
            "registrations",
        ] {
            count += conn.execute(&format!("DELETE FROM {table} WHERE deleted_at IS NOT NULL"), [])?;
        }
        Ok(count)
    })?;
    if conn.path().is_some_and(|path| !path.is_empty()) {
        document_files::release_unnamed(conn)?;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partnerships::tests::partnership_input;
    use crate::partnerships::{create_partnership, get_partnership, trash as partnership_trash};
    use crate::trips::tests::trip_input;
    use crate::trips::{create_trip, get_trip, trash as trip_trash, TripInput};

    #[test]
    fn trips_and_partnerships_share_the_trash() {
        let conn = crate::store::open_in_memory().unwrap();
        let today: NaiveDate = "2026-11-21".parse().unwrap();
        let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap();
        let linked = TripInput { partnership_id: Some(partnership.id.clone()), ..trip_input("Reise") };
        let trip = create_trip(&conn, &linked).unwrap();
        let gone = create_trip(&conn, &trip_input("Abgesagt")).unwrap();

        partnership_trash::delete_partnership(&conn, &partnership.id).unwrap();
        trip_trash::delete_trip(&conn, &gone.id).unwrap();
        assert!(get_partnership(&conn, &partnership.id, today).is_err());
        assert_eq!(get_trip(&conn, &trip.id).unwrap().partnership_label, None, "a trashed partnership is not shown");
        let contents = list_trash(&conn, today).unwrap();
        assert_eq!((contents.trips.len(), contents.partnerships.len()), (1, 1));

        partnership_trash::restore_partnership(&conn, &partnership.id, today).unwrap();
        assert_eq!(get_trip(&conn, &trip.id).unwrap().partnership_label.as_deref(), Some("Stadt Düren – Jinhua"));

        partnership_trash::delete_partnership(&conn, &partnership.id).unwrap();
        assert_eq!(empty_trash(&conn).unwrap(), 2);
        assert_eq!(get_trip(&conn, &trip.id).unwrap().partnership_id, None, "the trip stays, without the link");
        let contents = list_trash(&conn, today).unwrap();
        assert!(contents.trips.is_empty() && contents.partnerships.is_empty());
    }
}
