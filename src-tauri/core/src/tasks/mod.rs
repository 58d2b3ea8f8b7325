//! Follow-up tasks: what a visit (or a partnership's standing work) leaves to do — owner, due
//! date, priority, status, a checklist of sub-steps, and links to a trip, a programme item, a
//! partnership, an agreement, a project, a theme area and people.

use chrono::NaiveDate;
use rusqlite::{named_params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::links::{check_people, people_of, set_people};
use crate::contacts::{RegisterEntry, PERSON_LABEL};
use crate::error::{Error, Problems, Result};
use crate::store::{atomically, new_id, now};
use crate::vocabulary::{RecordLink, RegisterKind, RegisterRef};
use crate::zoned;

pub mod due;
pub mod list;
pub mod reminders;
pub mod trash;

use due::DueState;

crate::text_enum! {
    pub enum TaskStatus {
        Open => "open",
        InProgress => "in_progress",
        Waiting => "waiting",
        Done => "done",
        Dropped => "dropped",
    }
}

impl TaskStatus {
    /// Done and dropped tasks are closed: never overdue, never reminded.
    pub fn is_closed(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::Dropped)
    }
}

crate::text_enum! {
    pub enum TaskPriority { High => "high", Normal => "normal", Low => "low" }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub description: String,
    pub owner: Option<RegisterEntry>,
    pub due_date: Option<NaiveDate>,
    /// Where the due date stands against today in the office's zone.
    pub due_state: DueState,
    pub priority: TaskPriority,
    pub status: TaskStatus,
    pub trip: Option<RecordLink>,
    pub item: Option<RecordLink>,
    /// The outcome of a programme item this task was made from.
    pub outcome_id: Option<String>,
    pub partnership: Option<RecordLink>,
    /// The agreement the task serves.
    pub agreement: Option<RecordLink>,
    /// The project the task is filed under.
    pub project: Option<RecordLink>,
    pub theme: Option<RecordLink>,
    pub people: Vec<RegisterEntry>,
    pub checklist_done: i64,
    pub checklist_total: i64,
    /// The last office day on which the app reminded of this task.
    pub reminded_on: Option<NaiveDate>,
    pub closed_at: Option<String>,
    pub deleted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the task form sends. The due date travels as text so that a bad one gets a field
/// message; an empty text means no due date.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct TaskInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner: Option<RegisterRef>,
    #[serde(default)]
    pub due_date: String,
    pub priority: Option<TaskPriority>,
    pub status: Option<TaskStatus>,
    #[serde(default)]
    pub trip_id: Option<String>,
    #[serde(default)]
    pub item_id: Option<String>,
    #[serde(default)]
    pub partnership_id: Option<String>,
    #[serde(default)]
    pub agreement_id: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub theme_id: Option<String>,
    #[serde(default)]
    pub people: Vec<RegisterRef>,
}

pub(crate) const TASK_PEOPLE: (&str, &str) = ("task_people", "task_id");

/// Selects the columns `from_row` reads; `:today` is the office's date for the due state.
pub(crate) fn select_task() -> String {
    format!(
        "SELECT t.id, t.title, t.description, t.owner_id, {PERSON_LABEL}, coalesce(org.name, ''), p.side,
            t.due_date, t.priority, t.status,
            t.trip_id, tr.title, t.item_id, i.title, o.id,
            t.partnership_id, ps.our_side || ' – ' || ps.partner_place, t.theme_id, th.name,
            (SELECT count(*) FROM checklist_steps s
                WHERE s.task_id = t.id AND s.done_at IS NOT NULL AND s.deleted_at IS NULL),
            (SELECT count(*) FROM checklist_steps s WHERE s.task_id = t.id AND s.deleted_at IS NULL),
            (SELECT max(r.day) FROM task_reminders r WHERE r.task_id = t.id),
            t.closed_at, t.deleted_at, t.created_at, t.updated_at, t.agreement_id, ag.title, t.project_id, pj.title
        FROM tasks t
        LEFT JOIN people p ON p.id = t.owner_id AND p.deleted_at IS NULL
        LEFT JOIN organisations org ON org.id = p.organisation_id AND org.deleted_at IS NULL
        LEFT JOIN trips tr ON tr.id = t.trip_id AND tr.deleted_at IS NULL
        LEFT JOIN programme_items i ON i.id = t.item_id AND i.deleted_at IS NULL
        LEFT JOIN outcomes o ON o.id = t.outcome_id AND o.deleted_at IS NULL
        LEFT JOIN partnerships ps ON ps.id = t.partnership_id AND ps.deleted_at IS NULL
        LEFT JOIN theme_areas th ON th.id = t.theme_id
        LEFT JOIN agreements ag ON ag.id = t.agreement_id AND ag.deleted_at IS NULL
        LEFT JOIN projects pj ON pj.id = t.project_id AND pj.deleted_at IS NULL"
    )
}

fn link(id: Option<String>, label: Option<String>) -> Option<RecordLink> {
    Some(RecordLink { id: id?, label: label? })
}

pub(crate) fn from_row(row: &Row, today: NaiveDate) -> rusqlite::Result<Task> {
    let owner_id: Option<String> = row.get(3)?;
    let owner = match (owner_id, row.get::<_, Option<String>>(4)?) {
        (Some(id), Some(label)) => {
            Some(RegisterEntry { kind: RegisterKind::Person, id, label, detail: row.get(5)?, side: row.get(6)? })
        }
        _ => None,
    };
    let due_date: Option<NaiveDate> = row.get(7)?;
    let status: TaskStatus = row.get(9)?;
    Ok(Task {
        id: row.get(0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        owner,
        due_date,
        due_state: DueState::of(due_date, status, today),
        priority: row.get(8)?,
        status,
        trip: link(row.get(10)?, row.get(11)?),
        item: link(row.get(12)?, row.get(13)?),
        outcome_id: row.get(14)?,
        partnership: link(row.get(15)?, row.get(16)?),
        agreement: link(row.get(26)?, row.get(27)?),
        project: link(row.get(28)?, row.get(29)?),
        theme: link(row.get(17)?, row.get(18)?),
        people: Vec::new(),
        checklist_done: row.get(19)?,
        checklist_total: row.get(20)?,
        reminded_on: row.get(21)?,
        closed_at: row.get(22)?,
        deleted_at: row.get(23)?,
        created_at: row.get(24)?,
        updated_at: row.get(25)?,
    })
}

fn exists(conn: &Connection, table: &str, id: &str) -> Result<bool> {
    let live = if table == "theme_areas" { "" } else { " AND deleted_at IS NULL" };
    Ok(conn.prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1{live}"))?.exists([id])?)
}

fn validate(conn: &Connection, input: &TaskInput) -> Result<Option<NaiveDate>> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "tasks",
        &[("title", &input.title), ("description", &input.description)],
    );
    if input.title.trim().is_empty() {
        problems.push("title", "required", "a task needs a title");
    }
    let due = match input.due_date.trim() {
        "" => None,
        text => zoned::parse_date("due_date", text).map_err(|e| problems.add(e)).ok(),
    };
    if let Some(problem) = check_people(conn, "owner", "owner_not_a_person", input.owner.as_slice())? {
        problems.add(problem);
    }
    if let Some(problem) = check_people(conn, "people", "not_a_person", &input.people)? {
        problems.add(problem);
    }
    let links = [
        ("trip_id", "trips", &input.trip_id),
        ("item_id", "programme_items", &input.item_id),
        ("partnership_id", "partnerships", &input.partnership_id),
        ("agreement_id", "agreements", &input.agreement_id),
        ("project_id", "projects", &input.project_id),
        ("theme_id", "theme_areas", &input.theme_id),
    ];
    for (field, table, id) in links {
        if let Some(id) = id {
            if !exists(conn, table, id)? {
                problems.push(field, "unknown_link", format!("{id} is not in {table}"));
            }
        }
    }
    problems.into_result()?;
    Ok(due)
}

pub fn create_task(conn: &Connection, input: &TaskInput, today: NaiveDate) -> Result<Task> {
    let due = validate(conn, input)?;
    let id = new_id();
    atomically(conn, |conn| write_task(conn, &id, input, due, None))?;
    get_task(conn, &id, today)
}

pub fn update_task(conn: &Connection, id: &str, input: &TaskInput, today: NaiveDate) -> Result<Task> {
    let due = validate(conn, input)?;
    if !exists(conn, "tasks", id)? {
        return Err(Error::NotFound(format!("task {id}")));
    }
    atomically(conn, |conn| write_task(conn, id, input, due, None))?;
    get_task(conn, id, today)
}

/// Writes a validated task, new or changed; `outcome_id` names the outcome it was made from.
/// Closing stamps `closed_at` once; reopening clears it.
pub(crate) fn write_task(
    conn: &Connection,
    id: &str,
    input: &TaskInput,
    due: Option<NaiveDate>,
    outcome_id: Option<&str>,
) -> Result<()> {
    let status = input.status.unwrap_or(TaskStatus::Open);
    conn.prepare_cached(
        "INSERT INTO tasks (id, title, description, owner_id, due_date, priority, status, trip_id, item_id,
            outcome_id, partnership_id, agreement_id, project_id, theme_id, closed_at, created_at, updated_at)
         VALUES (:id, :title, :description, :owner, :due, :priority, :status, :trip, :item, :outcome,
            :partnership, :agreement, :project, :theme, CASE WHEN :closed THEN :stamp END, :stamp, :stamp)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
            owner_id = excluded.owner_id, due_date = excluded.due_date, priority = excluded.priority,
            status = excluded.status, trip_id = excluded.trip_id, item_id = excluded.item_id,
            outcome_id = coalesce(excluded.outcome_id, outcome_id), partnership_id = excluded.partnership_id,
            agreement_id = excluded.agreement_id, project_id = excluded.project_id, theme_id = excluded.theme_id,
            closed_at = CASE WHEN :closed THEN coalesce(closed_at, excluded.closed_at) END,
            updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": id,
        ":title": input.title.trim(),
        ":description": input.description.trim(),
        ":owner": input.owner.as_ref().map(|owner| &owner.id),
        ":due": due,
        ":priority": input.priority.unwrap_or(TaskPriority::Normal),
        ":status": status,
        ":trip": input.trip_id,
        ":item": input.item_id,
        ":outcome": outcome_id,
        ":partnership": input.partnership_id,
        ":agreement": input.agreement_id,
        ":project": input.project_id,
        ":theme": input.theme_id,
        ":closed": status.is_closed(),
        ":stamp": now(),
    })?;
    set_people(conn, TASK_PEOPLE, id, &input.people)
}

pub fn get_task(conn: &Connection, id: &str, today: NaiveDate) -> Result<Task> {
    let mut task = conn
        .prepare_cached(&format!("{} WHERE t.id = ?1 AND t.deleted_at IS NULL", select_task()))?
        .query_row([id], |row| from_row(row, today))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("task {id}")))?;
    task.people = people_of(conn, TASK_PEOPLE, id)?;
    Ok(task)
}

/// Sets the status of several tasks at once; all change or none.
pub fn set_status_of_tasks(conn: &Connection, ids: &[String], status: TaskStatus) -> Result<usize> {
    atomically(conn, |conn| {
        let mut update = conn.prepare_cached(
            "UPDATE tasks SET status = :status, updated_at = :stamp,
                closed_at = CASE WHEN NOT :closed THEN NULL ELSE coalesce(closed_at, :stamp) END
             WHERE id = :id AND deleted_at IS NULL",
        )?;
        let stamp = now();
        for id in ids {
            let changed = update.execute(
                named_params! { ":id": id, ":status": status, ":stamp": stamp, ":closed": status.is_closed() },
            )?;
            if changed == 0 {
                return Err(Error::NotFound(format!("task {id}")));
            }
        }
        Ok(ids.len())
    })
}

#[cfg(test)]
pub(crate) mod tests;
