//! The preparation templates, one for outgoing and one for incoming trips. Saving a changed
//! template raises its version; a trip keeps the steps (and the version) it was given when it
//! was created, so editing a template never changes past trips.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{insert_steps, ChecklistOwner};
use crate::error::{Problems, Result};
use crate::store::{atomically, now};
use crate::vocabulary::Direction;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChecklistTemplate {
    pub direction: Direction,
    pub version: i64,
    pub steps: Vec<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TemplateInput {
    pub steps: Vec<String>,
}

pub fn get_template(conn: &Connection, direction: Direction) -> Result<ChecklistTemplate> {
    let (version, updated_at) = conn
        .prepare_cached("SELECT version, updated_at FROM checklist_templates WHERE direction = ?1")?
        .query_row([direction], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(ChecklistTemplate { direction, version, steps: template_steps(conn, direction)?, updated_at })
}

fn template_steps(conn: &Connection, direction: Direction) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT text FROM checklist_template_steps WHERE direction = ?1 ORDER BY position")?
        .query_map([direction], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Replaces the template's steps; an unchanged list keeps its version.
pub fn save_template(conn: &Connection, direction: Direction, input: &TemplateInput) -> Result<ChecklistTemplate> {
    let mut problems = Problems::default();
    let steps: Vec<&str> = input.steps.iter().map(|step| step.trim()).collect();
    if let Some(blank) = steps.iter().position(|step| step.is_empty()) {
        problems.push("steps", "blank_step", format!("step {} has no text", blank + 1));
    }
    problems.into_result()?;
    if template_steps(conn, direction)? == steps {
        return get_template(conn, direction);
    }
    atomically(conn, |conn| {
        conn.prepare_cached("DELETE FROM checklist_template_steps WHERE direction = ?1")?.execute([direction])?;
        let mut insert = conn
            .prepare_cached("INSERT INTO checklist_template_steps (direction, position, text) VALUES (?1, ?2, ?3)")?;
        for (position, text) in steps.iter().enumerate() {
            insert.execute(params![direction, position as i64 + 1, text])?;
        }
        conn.prepare_cached(
            "UPDATE checklist_templates SET version = version + 1, updated_at = ?2 WHERE direction = ?1",
        )?
        .execute(params![direction, now()])?;
        Ok(())
    })?;
    get_template(conn, direction)
}

/// Gives a new trip the preparation checklist of the current template for its direction.
pub(crate) fn give_checklist(conn: &Connection, trip_id: &str, direction: Direction) -> Result<()> {
    let template = get_template(conn, direction)?;
    let steps: Vec<&str> = template.steps.iter().map(String::as_str).collect();
    insert_steps(conn, &ChecklistOwner::trip(trip_id), &steps)?;
    conn.prepare_cached("UPDATE trips SET checklist_version = ?2 WHERE id = ?1")?
        .execute(params![trip_id, template.version])?;
    Ok(())
}
