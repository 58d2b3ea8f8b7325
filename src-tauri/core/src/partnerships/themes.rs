//! The editable list of theme areas that agreements and trips serve.

use rusqlite::{params, Connection, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{new_id, now};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ThemeArea {
    pub id: String,
    pub name: String,
}

pub fn list_themes(conn: &Connection) -> Result<Vec<ThemeArea>> {
    let themes = conn
        .prepare_cached("SELECT id, name FROM theme_areas ORDER BY position, name")?
        .query_map([], |row| Ok(ThemeArea { id: row.get(0)?, name: row.get(1)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(themes)
}

fn checked_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "required", "a theme area needs a name"));
    }
    Ok(name)
}

fn map_duplicate(error: rusqlite::Error, name: &str) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => {
            Error::field("name", "duplicate_theme", format!("the theme area {name:?} exists already"))
        }
        _ => error.into(),
    }
}

pub fn add_theme(conn: &Connection, name: &str) -> Result<ThemeArea> {
    let name = checked_name(name)?;
    let id = new_id();
    conn.execute(
        "INSERT INTO theme_areas (id, name, position, created_at, updated_at)
         VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM theme_areas), ?3, ?3)",
        params![id, name, now()],
    )
    .map_err(|e| map_duplicate(e, name))?;
    Ok(ThemeArea { id, name: name.into() })
}

pub fn rename_theme(conn: &Connection, id: &str, name: &str) -> Result<ThemeArea> {
    let name = checked_name(name)?;
    let changed = conn
        .execute("UPDATE theme_areas SET name = ?2, updated_at = ?3 WHERE id = ?1", params![id, name, now()])
        .map_err(|e| map_duplicate(e, name))?;
    if changed == 0 {
        return Err(Error::NotFound(format!("theme area {id}")));
    }
    Ok(ThemeArea { id: id.into(), name: name.into() })
}

fn linked(conn: &Connection, sql: &str, id: &str) -> Result<Vec<ThemeArea>> {
    let themes = conn
        .prepare_cached(sql)?
        .query_map([id], |row| Ok(ThemeArea { id: row.get(0)?, name: row.get(1)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(themes)
}

/// The themes of one agreement, in list order.
pub(crate) fn themes_of_agreement(conn: &Connection, agreement_id: &str) -> Result<Vec<ThemeArea>> {
    linked(
        conn,
        "SELECT t.id, t.name FROM agreement_themes l JOIN theme_areas t ON t.id = l.theme_id
         WHERE l.agreement_id = ?1 ORDER BY t.position, t.name",
        agreement_id,
    )
}

/// The themes a trip serves, in list order.
pub(crate) fn themes_of_trip(conn: &Connection, trip_id: &str) -> Result<Vec<ThemeArea>> {
    linked(
        conn,
        "SELECT t.id, t.name FROM trip_themes l JOIN theme_areas t ON t.id = l.theme_id
         WHERE l.trip_id = ?1 ORDER BY t.position, t.name",
        trip_id,
    )
}

/// The first of `theme_ids` that is not in the list, if any.
pub(crate) fn first_unknown<'a>(conn: &Connection, theme_ids: &'a [String]) -> Result<Option<&'a String>> {
    let known: Vec<String> = list_themes(conn)?.into_iter().map(|t| t.id).collect();
    Ok(theme_ids.iter().find(|id| !known.contains(id)))
}

/// Replaces the themes a trip serves.
pub(crate) fn set_trip_themes(conn: &Connection, trip_id: &str, theme_ids: &[String]) -> Result<()> {
    conn.execute("DELETE FROM trip_themes WHERE trip_id = ?1", [trip_id])?;
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO trip_themes (trip_id, theme_id) VALUES (?1, ?2)")?;
    for theme_id in theme_ids {
        insert.execute(params![trip_id, theme_id])?;
    }
    Ok(())
}
