//! Checklists: the sub-steps of a task and the preparation checklist of a trip — adding,
//! renaming, ticking, reordering and removing steps. Trips draw their checklist from the
//! versioned templates in `templates`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::trash::TrashedEntry;
use crate::store::{atomically, new_id, now};

pub mod templates;

crate::text_enum! {
    pub enum ChecklistOwnerKind { Task => "task", Trip => "trip" }
}

/// Whose checklist: a task's or a trip's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistOwner {
    pub kind: ChecklistOwnerKind,
    pub id: String,
}

impl ChecklistOwner {
    pub fn task(id: &str) -> Self {
        ChecklistOwner { kind: ChecklistOwnerKind::Task, id: id.into() }
    }

    pub fn trip(id: &str) -> Self {
        ChecklistOwner { kind: ChecklistOwnerKind::Trip, id: id.into() }
    }

    fn column(&self) -> &'static str {
        match self.kind {
            ChecklistOwnerKind::Task => "task_id",
            ChecklistOwnerKind::Trip => "trip_id",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChecklistStep {
    pub id: String,
    pub text: String,
    pub done: bool,
    /// When the step was ticked.
    pub done_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Checklist {
    pub owner: ChecklistOwner,
    pub steps: Vec<ChecklistStep>,
    pub done: i64,
    /// For a trip: the version of the template its checklist was drawn from.
    pub template_version: Option<i64>,
}

pub fn checklist_of(conn: &Connection, owner: &ChecklistOwner) -> Result<Checklist> {
    ensure_owner(conn, owner)?;
    let steps: Vec<ChecklistStep> = conn
        .prepare_cached(&format!(
            "SELECT id, text, done_at FROM checklist_steps WHERE {} = ?1 AND deleted_at IS NULL ORDER BY position, id",
            owner.column()
        ))?
        .query_map([&owner.id], |row| {
            let done_at: Option<String> = row.get(2)?;
            Ok(ChecklistStep { id: row.get(0)?, text: row.get(1)?, done: done_at.is_some(), done_at })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let template_version = match owner.kind {
        ChecklistOwnerKind::Trip => conn
            .prepare_cached("SELECT checklist_version FROM trips WHERE id = ?1")?
            .query_row([&owner.id], |row| row.get(0))?,
        ChecklistOwnerKind::Task => None,
    };
    let done = steps.iter().filter(|step| step.done).count() as i64;
    Ok(Checklist { owner: owner.clone(), steps, done, template_version })
}

fn ensure_owner(conn: &Connection, owner: &ChecklistOwner) -> Result<()> {
    let table = match owner.kind {
        ChecklistOwnerKind::Task => "tasks",
        ChecklistOwnerKind::Trip => "trips",
    };
    let found = conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL"))?
        .exists([&owner.id])?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound(format!("{} {}", owner.kind, owner.id)))
    }
}

fn owner_of_step(conn: &Connection, step_id: &str) -> Result<ChecklistOwner> {
    owner_of(conn, step_id, "deleted_at IS NULL")
}

fn owner_of(conn: &Connection, step_id: &str, state: &str) -> Result<ChecklistOwner> {
    let (task, trip): (Option<String>, Option<String>) = conn
        .prepare_cached(&format!("SELECT task_id, trip_id FROM checklist_steps WHERE id = ?1 AND {state}"))?
        .query_row([step_id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("checklist step {step_id}")))?;
    Ok(match (task, trip) {
        (Some(task), _) => ChecklistOwner::task(&task),
        (None, Some(trip)) => ChecklistOwner::trip(&trip),
        (None, None) => return Err(Error::NotFound(format!("checklist step {step_id}"))),
    })
}

fn required_text(text: &str) -> Result<&str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::field("text", "required", "a step needs a text"));
    }
    Ok(text)
}

pub fn add_step(conn: &Connection, owner: &ChecklistOwner, text: &str) -> Result<Checklist> {
    let text = required_text(text)?;
    ensure_owner(conn, owner)?;
    insert_steps(conn, owner, &[text])?;
    checklist_of(conn, owner)
}

/// Appends `texts` as new, unticked steps after the owner's last step.
pub(crate) fn insert_steps(conn: &Connection, owner: &ChecklistOwner, texts: &[&str]) -> Result<()> {
    let column = owner.column();
    let last: i64 = conn
        .prepare_cached(&format!("SELECT coalesce(max(position), 0) FROM checklist_steps WHERE {column} = ?1"))?
        .query_row([&owner.id], |row| row.get(0))?;
    let stamp = now();
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO checklist_steps (id, {column}, position, text, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
    ))?;
    for (offset, text) in texts.iter().enumerate() {
        insert.execute(params![new_id(), owner.id, last + 1 + offset as i64, text, stamp])?;
    }
    Ok(())
}

pub fn rename_step(conn: &Connection, step_id: &str, text: &str) -> Result<Checklist> {
    let text = required_text(text)?;
    let owner = owner_of_step(conn, step_id)?;
    conn.prepare_cached("UPDATE checklist_steps SET text = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![
        step_id,
        text,
        now()
    ])?;
    checklist_of(conn, &owner)
}

pub fn tick_step(conn: &Connection, step_id: &str, done: bool) -> Result<Checklist> {
    let owner = owner_of_step(conn, step_id)?;
    let stamp = now();
    conn.prepare_cached(
        "UPDATE checklist_steps SET done_at = CASE WHEN ?2 THEN coalesce(done_at, ?3) END, updated_at = ?3 WHERE id = ?1",
    )?
    .execute(params![step_id, done, stamp])?;
    checklist_of(conn, &owner)
}

/// Moves a step to the trash; restored, it returns to its place in the list.
pub fn remove_step(conn: &Connection, step_id: &str) -> Result<Checklist> {
    let owner = owner_of_step(conn, step_id)?;
    conn.prepare_cached("UPDATE checklist_steps SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1")?
        .execute(params![step_id, now()])?;
    checklist_of(conn, &owner)
}

/// Steps in the trash, newest deletion first, each with the task or trip it belongs to.
pub fn trashed_steps(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT s.id, s.text, coalesce(k.title, t.title, ''), NULL, s.deleted_at FROM checklist_steps s
         LEFT JOIN tasks k ON k.id = s.task_id LEFT JOIN trips t ON t.id = s.trip_id
         WHERE s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC",
    )
}

/// Restores a step; its task or trip must not be in the trash itself.
pub fn restore_step(conn: &Connection, step_id: &str) -> Result<Checklist> {
    let owner = owner_of(conn, step_id, "deleted_at IS NOT NULL")
        .map_err(|_| Error::NotFound(format!("checklist step {step_id} in the trash")))?;
    ensure_owner(conn, &owner)?;
    conn.prepare_cached("UPDATE checklist_steps SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1")?
        .execute(params![step_id, now()])?;
    checklist_of(conn, &owner)
}

/// Moves a step to the place of the step it was dropped onto: further down it lands after
/// that step, further up before it.
pub fn move_step(conn: &Connection, step_id: &str, onto_step_id: &str) -> Result<Checklist> {
    if step_id == onto_step_id {
        return Err(Error::field("steps", "onto_itself", "a step cannot be moved onto itself"));
    }
    let owner = owner_of_step(conn, step_id)?;
    let mut order: Vec<String> = checklist_of(conn, &owner)?.steps.into_iter().map(|step| step.id).collect();
    let target = order
        .iter()
        .position(|id| id == onto_step_id)
        .ok_or_else(|| Error::field("steps", "other_checklist", "the steps belong to different checklists"))?;
    order.retain(|id| id != step_id);
    order.insert(target, step_id.to_string());
    atomically(conn, |conn| {
        let mut update = conn.prepare_cached("UPDATE checklist_steps SET position = ?2 WHERE id = ?1")?;
        for (position, id) in order.iter().enumerate() {
            update.execute(params![id, position as i64 + 1])?;
        }
        Ok(())
    })?;
    checklist_of(conn, &owner)
}

#[cfg(test)]
mod tests;
