//! Privacy as the GDPR asks it: members' travel documents and needs are erased a set number
//! of days after their trip (the window shows what is due first), everything stored about a
//! person can be handed out as JSON, and a person can be erased for good while the trips they
//! were on stay intact.
//!
//! Erased with the travel documents (passport number, date of birth, visa status, and the
//! attached passport copies and visas) are the dietary and accessibility notes: they can tell health or religion (GDPR Art. 9) and serve
//! only the trip itself.

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::contacts::people::{person_record, ItemTakenPart, Person, SignedAgreement};
use crate::delegation::{get_member, MemberDetail};
use crate::documents::{self, DocumentKind};
use crate::error::Result;
use crate::settings::get_settings;
use crate::store::{atomically, now};
use crate::vocabulary::{name_key, Direction, Language};

/// A trip whose members still hold travel documents or needs that are due to be erased.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DueErasure {
    pub trip_id: String,
    pub title: String,
    pub end_date: NaiveDate,
    /// How many of its members hold such fields.
    pub members: i64,
}

fn holds_sensitive_fields() -> String {
    format!(
        "(m.passport_number <> '' OR m.date_of_birth IS NOT NULL OR m.visa_status <> ''
          OR m.dietary <> '' OR m.accessibility <> ''
          OR EXISTS (SELECT 1 FROM documents d WHERE d.member_id = m.id AND d.kind IN ({})))",
        DocumentKind::travel_document_list()
    )
}

/// The last trip end date whose members' fields are due on `today`; None when the office keeps them.
fn last_due_end_date(conn: &Connection, today: NaiveDate) -> Result<Option<NaiveDate>> {
    Ok(get_settings(conn)?
        .erase_travel_documents_after_days
        .and_then(|days| today.checked_sub_days(chrono::Days::new(days.unsigned_abs() + 1))))
}

/// The trips (also those in the trash) that ended more than the set number of days before
/// `today` (the office's date) and whose members still hold sensitive fields, oldest first.
pub fn due_erasures(conn: &Connection, today: NaiveDate) -> Result<Vec<DueErasure>> {
    let Some(last_end) = last_due_end_date(conn, today)? else {
        return Ok(Vec::new());
    };
    let due = conn
        .prepare_cached(&format!(
            "SELECT t.id, t.title, t.end_date, count(*) FROM trips t JOIN members m ON m.trip_id = t.id
             WHERE t.end_date <= ?1 AND {}
             GROUP BY t.id ORDER BY t.end_date, t.id",
            holds_sensitive_fields()
        ))?
        .query_map([last_end], |row| {
            Ok(DueErasure { trip_id: row.get(0)?, title: row.get(1)?, end_date: row.get(2)?, members: row.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(due)
}

/// Erases what `due_erasures` lists; returns how many members' fields were erased.
pub fn erase_due(conn: &Connection, today: NaiveDate) -> Result<usize> {
    let Some(last_end) = last_due_end_date(conn, today)? else {
        return Ok(0);
    };
    let (erased, files) = atomically(conn, |conn| {
        let erased = conn.execute(
            &format!(
                "UPDATE members AS m SET passport_number = '', date_of_birth = NULL, visa_status = '', dietary = '',
                    accessibility = '', updated_at = ?2
                 WHERE m.trip_id IN (SELECT id FROM trips WHERE end_date <= ?1) AND {}",
                holds_sensitive_fields()
            ),
            params![last_end, now()],
        )?;
        conn.execute(
            "UPDATE registrations SET dietary = '', updated_at = ?2
             WHERE dietary <> '' AND trip_id IN (SELECT id FROM trips WHERE end_date <= ?1)",
            params![last_end, now()],
        )?;
        let files = documents::delete_for_good(
            conn,
            &format!(
                "kind IN ({}) AND member_id IN (SELECT m.id FROM members m JOIN trips t ON t.id = m.trip_id WHERE t.end_date <= ?1)",
                DocumentKind::travel_document_list()
            ),
            [last_end],
        )?;
        Ok((erased, files))
    })?;
    documents::erase_files(conn, &files)?;
    Ok(erased)
}

/// One delegation membership with every field, the sensitive ones included.
#[derive(Debug, Clone, Serialize)]
pub struct Membership {
    pub trip_title: String,
    pub direction: Direction,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub member: MemberDetail,
}

/// A task the person owns or is linked to, without the other people linked to it.
#[derive(Debug, Clone, Serialize)]
pub struct TaskOfPerson {
    pub id: String,
    pub title: String,
    pub description: String,
    pub due_date: Option<NaiveDate>,
    pub status: String,
    pub owner: bool,
    pub linked: bool,
    pub trip_title: Option<String>,
}

/// A gift the person gave or received, without the other side of it.
#[derive(Debug, Clone, Serialize)]
pub struct GiftOfPerson {
    pub id: String,
    pub trip_title: String,
    pub direction: String,
    pub description: String,
    pub given_on: NaiveDate,
    pub occasion: String,
    pub value_minor: Option<i64>,
    pub currency: String,
    pub gave: bool,
    pub received: bool,
}

/// An outcome of a programme item agreed with the person.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeWithPerson {
    pub id: String,
    pub item_title: String,
    pub trip_title: String,
    pub text: String,
}

/// Everything stored about one person (GDPR Art. 15), as handed out on request.
#[derive(Debug, Clone, Serialize)]
pub struct PersonData {
    pub exported_at: String,
    pub person: Person,
    pub memberships: Vec<Membership>,
    /// Programme items they took part in or hosted.
    pub items: Vec<ItemTakenPart>,
    pub agreements_signed: Vec<SignedAgreement>,
    pub tasks: Vec<TaskOfPerson>,
    pub gifts: Vec<GiftOfPerson>,
    pub outcomes: Vec<OutcomeWithPerson>,
}

pub fn person_data(conn: &Connection, person_id: &str) -> Result<PersonData> {
    let record = person_record(conn, person_id)?;
    let memberships = conn
        .prepare_cached(
            "SELECT m.id, t.title, t.direction, t.start_date, t.end_date FROM members m JOIN trips t ON t.id = m.trip_id
             WHERE m.person_id = ?1 ORDER BY t.start_date, m.id",
        )?
        .query_map([person_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(member_id, trip_title, direction, start_date, end_date)| {
            Ok(Membership { trip_title, direction, start_date, end_date, member: get_member(conn, &member_id)? })
        })
        .collect::<Result<_>>()?;
    let tasks = conn
        .prepare_cached(
            "SELECT t.id, t.title, t.description, t.due_date, t.status, t.owner_id IS :person,
                EXISTS (SELECT 1 FROM task_people tp WHERE tp.task_id = t.id AND tp.person_id = :person), tr.title
             FROM tasks t LEFT JOIN trips tr ON tr.id = t.trip_id
             WHERE t.owner_id = :person OR t.id IN (SELECT task_id FROM task_people WHERE person_id = :person)
             ORDER BY t.created_at, t.id",
        )?
        .query_map(named_params! { ":person": person_id }, |row| {
            Ok(TaskOfPerson {
                id: row.get(0)?,
                title: row.get(1)?,
                description: row.get(2)?,
                due_date: row.get(3)?,
                status: row.get(4)?,
                owner: row.get(5)?,
                linked: row.get(6)?,
                trip_title: row.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let gifts = conn
        .prepare_cached(
            "SELECT g.id, coalesce(t.title, ''), g.direction, g.description, g.given_on, g.occasion, g.value_minor,
                g.currency, g.giver_person_id IS :person, g.recipient_person_id IS :person
             FROM gifts g LEFT JOIN trips t ON t.id = g.trip_id
             WHERE g.giver_person_id = :person OR g.recipient_person_id = :person ORDER BY g.given_on, g.id",
        )?
        .query_map(named_params! { ":person": person_id }, |row| {
            Ok(GiftOfPerson {
                id: row.get(0)?,
                trip_title: row.get(1)?,
                direction: row.get(2)?,
                description: row.get(3)?,
                given_on: row.get(4)?,
                occasion: row.get(5)?,
                value_minor: row.get(6)?,
                currency: row.get(7)?,
                gave: row.get(8)?,
                received: row.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let outcomes = conn
        .prepare_cached(
            "SELECT o.id, i.title, t.title, o.text FROM outcome_people op JOIN outcomes o ON o.id = op.outcome_id
             JOIN programme_items i ON i.id = o.item_id JOIN trips t ON t.id = i.trip_id
             WHERE op.person_id = ?1 ORDER BY i.start_utc, o.position",
        )?
        .query_map([person_id], |row| {
            Ok(OutcomeWithPerson {
                id: row.get(0)?,
                item_title: row.get(1)?,
                trip_title: row.get(2)?,
                text: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PersonData {
        exported_at: now(),
        person: record.person,
        memberships,
        items: record.items,
        agreements_signed: record.agreements,
        tasks,
        gifts,
        outcomes,
    })
}

/// How a delegation member whose person was erased is listed, in the office's language.
pub fn former_member_label(language: Language) -> &'static str {
    match language {
        Language::De => "ehemaliges Mitglied",
        Language::En => "former member",
    }
}

/// Erases a person for good (GDPR Art. 17), also from the trash. Their delegation memberships
/// stay in their trips with role and precedence as a nameless "former member"; items they
/// hosted and gifts they gave or received name their organisation instead, if they had one;
/// tasks lose them as owner or link; agreements lose them as signatory; their registrations
/// for trips are deleted. The documents of the
/// person and of their memberships are deleted with their files.
pub fn erase_person(conn: &Connection, person_id: &str) -> Result<()> {
    let organisation_id = crate::contacts::people::get_person(conn, person_id)?.organisation_id;
    let label = former_member_label(get_settings(conn)?.language);
    let files = atomically(conn, |tx| {
        let stamp = now();
        let files = documents::delete_for_good(
            tx,
            "person_id = ?1 OR member_id IN (SELECT id FROM members WHERE person_id = ?1)",
            [person_id],
        )?;
        let member_ids: Vec<String> = tx
            .prepare("SELECT id FROM members WHERE person_id = ?1")?
            .query_map([person_id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for member_id in member_ids {
            tx.execute(
                "UPDATE members SET person_id = NULL, name_latin = ?2, name_key = ?3, name_original = '',
                    function_title = '', organisation = '', party = '', email = '', phone = '', dietary = '',
                    accessibility = '', passport_number = '', date_of_birth = NULL, visa_status = '', updated_at = ?4
                 WHERE id = ?1",
                params![member_id, label, format!("{} {member_id}", name_key(label)), stamp],
            )?;
        }
        tx.execute(
            "UPDATE item_hosts SET person_id = NULL, organisation_id = ?2
             WHERE person_id = ?1 AND ?2 IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM item_hosts other
                               WHERE other.item_id = item_hosts.item_id AND other.organisation_id = ?2)",
            params![person_id, organisation_id],
        )?;
        for side in ["giver", "recipient"] {
            tx.execute(
                &format!(
                    "UPDATE gifts SET {side}_person_id = NULL, {side}_organisation_id = ?2, updated_at = ?3
                     WHERE {side}_person_id = ?1"
                ),
                params![person_id, organisation_id, stamp],
            )?;
        }
        tx.execute("DELETE FROM registrations WHERE person_id = ?1", [person_id])?;
        tx.execute("UPDATE tasks SET owner_id = NULL, updated_at = ?2 WHERE owner_id = ?1", params![person_id, stamp])?;
        tx.execute("UPDATE settings SET value = '' WHERE key = 'me' AND value = ?1", [person_id])?;
        // The remaining host lines and the links of tasks, outcomes and agreements go with the
        // record (ON DELETE CASCADE).
        tx.execute("DELETE FROM people WHERE id = ?1", [person_id])?;
        Ok(files)
    })?;
    documents::erase_files(conn, &files)
}

#[cfg(test)]
mod tests;
