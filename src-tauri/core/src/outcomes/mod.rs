//! Outcomes: what was agreed at a programme item that took place, and with whom. Each point
//! turns into a follow-up task in one step; the task keeps the links to the item, the trip,
//! its partnership, its project and the people. A point can be filed under a project.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::links::{check_people, people_of, set_people};
use crate::contacts::RegisterEntry;
use crate::error::{Error, Problems, Result};
use crate::store::{atomically, new_id, now};
use crate::vocabulary::{RecordLink, RegisterKind, RegisterRef};

use crate::store::trash::{self, exists_outside_trash, TrashedEntry};
use crate::tasks::{get_task, write_task, Task, TaskInput, TaskStatus};
use crate::zoned;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Outcome {
    pub id: String,
    pub item_id: String,
    pub text: String,
    /// With whom it was agreed.
    pub people: Vec<RegisterEntry>,
    /// The project the point is filed under.
    pub project: Option<RecordLink>,
    /// The tasks made from this point, with their status.
    pub tasks: Vec<OutcomeTask>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OutcomeTask {
    pub id: String,
    pub status: TaskStatus,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct OutcomeInput {
    pub text: String,
    #[serde(default)]
    pub people: Vec<RegisterRef>,
    #[serde(default)]
    pub project_id: Option<String>,
}

const OUTCOME_PEOPLE: (&str, &str) = ("outcome_people", "outcome_id");
/// A task's title is the first line of the point, cut to this many characters.
const TITLE_LENGTH: usize = 120;

pub fn outcomes_of_item(conn: &Connection, item_id: &str) -> Result<Vec<Outcome>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM outcomes WHERE item_id = ?1 AND deleted_at IS NULL ORDER BY position, id")?
        .query_map([item_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().map(|id| get_outcome(conn, id)).collect()
}

pub fn get_outcome(conn: &Connection, id: &str) -> Result<Outcome> {
    let mut outcome = conn
        .prepare_cached(
            "SELECT o.id, o.item_id, o.text, o.created_at, o.updated_at, pj.id, pj.title FROM outcomes o
             LEFT JOIN projects pj ON pj.id = o.project_id AND pj.deleted_at IS NULL
             WHERE o.id = ?1 AND o.deleted_at IS NULL",
        )?
        .query_row([id], |row| {
            Ok(Outcome {
                id: row.get(0)?,
                item_id: row.get(1)?,
                text: row.get(2)?,
                people: Vec::new(),
                project: match (row.get(5)?, row.get(6)?) {
                    (Some(id), Some(label)) => Some(RecordLink { id, label }),
                    _ => None,
                },
                tasks: Vec::new(),
                created_at: row.get(3)?,
                updated_at: row.get(4)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("outcome {id}")))?;
    outcome.people = people_of(conn, OUTCOME_PEOPLE, id)?;
    outcome.tasks = conn
        .prepare_cached(
            "SELECT id, status FROM tasks WHERE outcome_id = ?1 AND deleted_at IS NULL ORDER BY created_at",
        )?
        .query_map([id], |row| Ok(OutcomeTask { id: row.get(0)?, status: row.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(outcome)
}

fn validate(conn: &Connection, input: &OutcomeInput) -> Result<()> {
    let mut problems = Problems::default();
    crate::limits::check_record(&mut problems, "outcomes", &[("text", &input.text)]);
    if input.text.trim().is_empty() {
        problems.push("text", "required", "say what was agreed");
    }
    if let Some(problem) = check_people(conn, "people", "not_a_person", &input.people)? {
        problems.add(problem);
    }
    if let Some(project) = &input.project_id {
        if !exists_outside_trash(conn, "projects", project)? {
            problems.push("project_id", "unknown_link", format!("{project} is not a project"));
        }
    }
    problems.into_result()
}

/// Records a point agreed at an item that has begun by `now` (an item still ahead has no
/// outcome yet).
pub fn add_outcome(conn: &Connection, item_id: &str, input: &OutcomeInput, now_utc: DateTime<Utc>) -> Result<Outcome> {
    let start: Option<String> = conn
        .prepare_cached("SELECT start_utc FROM programme_items WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([item_id], |row| row.get(0))
        .optional()?;
    let start = start.ok_or_else(|| Error::NotFound(format!("programme item {item_id}")))?;
    validate(conn, input)?;
    if zoned::parse_utc(&start).is_some_and(|start| start > now_utc) {
        return Err(Error::field("text", "not_yet_taken_place", "the item has not taken place yet"));
    }
    let id = new_id();
    atomically(conn, |conn| {
        let stamp = now();
        conn.prepare_cached(
            "INSERT INTO outcomes (id, item_id, text, project_id, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?5, (SELECT coalesce(max(position), 0) + 1 FROM outcomes WHERE item_id = ?2), ?4, ?4)",
        )?
        .execute(params![id, item_id, input.text.trim(), stamp, input.project_id])?;
        set_people(conn, OUTCOME_PEOPLE, &id, &input.people)
    })?;
    get_outcome(conn, &id)
}

pub fn update_outcome(conn: &Connection, id: &str, input: &OutcomeInput) -> Result<Outcome> {
    validate(conn, input)?;
    let changed = atomically(conn, |conn| {
        let changed = conn
            .prepare_cached(
                "UPDATE outcomes SET text = ?2, project_id = ?4, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .execute(params![id, input.text.trim(), now(), input.project_id])?;
        if changed > 0 {
            set_people(conn, OUTCOME_PEOPLE, id, &input.people)?;
        }
        Ok(changed)
    })?;
    if changed == 0 {
        return Err(Error::NotFound(format!("outcome {id}")));
    }
    get_outcome(conn, id)
}

/// Moves a point to the trash; tasks made from it stay as they are.
pub fn remove_outcome(conn: &Connection, id: &str) -> Result<()> {
    trash::move_to_trash(conn, "outcomes", "outcome", id)
}

/// Points in the trash, newest deletion first, each with its programme item.
pub fn trashed_outcomes(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT o.id, o.text, i.title, NULL, o.deleted_at FROM outcomes o JOIN programme_items i ON i.id = o.item_id
         WHERE o.deleted_at IS NOT NULL ORDER BY o.deleted_at DESC",
    )
}

pub fn restore_outcome(conn: &Connection, id: &str) -> Result<Outcome> {
    trash::take_out_of_trash(conn, "outcomes", "outcome", id)?;
    get_outcome(conn, id)
}

/// Makes a task of a point: its first line as title, the whole point as description, linked
/// to the item, its trip, the trip's partnership, the point's project and the people it was
/// agreed with.
pub fn task_from_outcome(conn: &Connection, id: &str, today: NaiveDate) -> Result<Task> {
    let outcome = get_outcome(conn, id)?;
    let (trip_id, partnership_id): (String, Option<String>) = conn
        .prepare_cached(
            "SELECT t.id, t.partnership_id FROM programme_items i JOIN trips t ON t.id = i.trip_id WHERE i.id = ?1",
        )?
        .query_row([&outcome.item_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let first_line = outcome.text.lines().next().unwrap_or_default().trim();
    let title: String = if first_line.chars().count() > TITLE_LENGTH {
        format!("{}…", first_line.chars().take(TITLE_LENGTH - 1).collect::<String>().trim_end())
    } else {
        first_line.to_string()
    };
    let input = TaskInput {
        description: if title == outcome.text { String::new() } else { outcome.text.clone() },
        title,
        trip_id: Some(trip_id),
        item_id: Some(outcome.item_id.clone()),
        partnership_id,
        project_id: outcome.project.as_ref().map(|project| project.id.clone()),
        people: outcome
            .people
            .iter()
            .map(|person| RegisterRef { kind: RegisterKind::Person, id: person.id.clone() })
            .collect(),
        ..TaskInput::default()
    };
    let task_id = new_id();
    atomically(conn, |conn| write_task(conn, &task_id, &input, None, Some(id)))?;
    get_task(conn, &task_id, today)
}

#[cfg(test)]
mod tests;
