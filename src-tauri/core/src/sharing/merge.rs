//! Applying another laptop's change set, with the rules that make every laptop end with the
//! same data whatever order the files arrive in:
//! - two laptops changed one field: the value with the newer `updated_at` wins (on equal
//!   times the greater value), fields changed on one side only are all kept;
//! - a record was changed on one laptop and deleted on another: it stays deleted;
//! - a record links to one that is gone: it goes too (or the link is emptied where it may be);
//! - two records got the same unique name (a theme area, a member of one delegation): the one
//!   with the greater ID gets its name marked;
//!
//! Every value set aside is written to `sharing_conflicts`, for the window to show.
//! SQLite's session extension (`apply_strm`) runs the change set and asks the conflict handler;
//! the handler only decides and notes, the changes it asks for run after it, in the same
//! transaction.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetItem, ConflictAction, ConflictType};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, Connection};

use super::tables::Table;
use crate::error::{Error, Result};
use crate::store::{new_id, now};

/// A value set aside by a rule, as `sharing_conflicts` keeps it.
#[derive(Debug, Clone)]
struct SetAside {
    kind: &'static str,
    table: &'static str,
    key: Vec<Value>,
    column: String,
    kept: Value,
    lost: Value,
    lost_by: String,
    lost_at: Option<Value>,
}

/// What the handler asks to be done once the change set has run.
enum Later {
    /// Set these columns of the record with this key.
    Set { table: &'static str, key: Vec<Value>, columns: Vec<(String, Value)> },
    /// A record whose unique name is taken here by another record.
    Clash { table: &'static str, values: Vec<Option<Value>>, key: Vec<Value>, insert: bool },
}

#[derive(Default)]
struct Notes {
    later: Vec<Later>,
    set_aside: Vec<SetAside>,
}

/// Who made the change set, and who this laptop is, for the conflict list.
pub struct Sides<'a> {
    pub remote: &'a str,
    pub here: &'a str,
}

/// A change set's value as an owned one; `None` where the change set holds none.
pub fn owned(value: rusqlite::Result<ValueRef<'_>>) -> Option<Value> {
    value.ok().and_then(|value| Value::try_from(value).ok())
}

fn rank(value: &Value) -> u8 {
    match value {
        Value::Null => 0,
        Value::Integer(_) | Value::Real(_) => 1,
        Value::Text(_) => 2,
        Value::Blob(_) => 3,
    }
}

/// A total order on values, so that a tie is broken the same way on every laptop.
fn order(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Integer(a), Value::Integer(b)) => a.cmp(b),
        (Value::Real(a), Value::Real(b)) => a.total_cmp(b),
        (Value::Integer(a), Value::Real(b)) => (*a as f64).total_cmp(b),
        (Value::Real(a), Value::Integer(b)) => a.total_cmp(&(*b as f64)),
        (Value::Text(a), Value::Text(b)) => a.cmp(b),
        (Value::Blob(a), Value::Blob(b)) => a.cmp(b),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// Whether the incoming version wins: newer time, then the greater value.
fn incoming_wins(incoming_time: Option<&Value>, local_time: Option<&Value>, incoming: &Value, local: &Value) -> bool {
    let by_time = match (incoming_time, local_time) {
        (Some(a), Some(b)) => order(a, b),
        _ => Ordering::Equal,
    };
    match by_time {
        Ordering::Equal => order(incoming, local) == Ordering::Greater,
        other => other == Ordering::Greater,
    }
}

pub fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(number) => (*number).into(),
        Value::Real(number) => (*number).into(),
        Value::Text(text) => text.clone().into(),
        Value::Blob(bytes) => bytes.iter().map(|byte| format!("{byte:02x}")).collect::<String>().into(),
    }
}

fn key_of(table: &Table, value: impl Fn(usize) -> Option<Value>) -> Vec<Value> {
    (0..table.columns.len()).filter(|at| table.primary_key[*at]).map(|at| value(at).unwrap_or(Value::Null)).collect()
}

/// Decides one conflict; see the module header for the rules.
fn decide(
    tables: &HashMap<&'static str, Table>,
    sides: (&str, &str),
    notes: &Mutex<Notes>,
    kind: ConflictType,
    item: ChangesetItem,
) -> ConflictAction {
    let (remote, here) = sides;
    // Links to records that are gone are counted, not named (the item has no operation then):
    // kept for now, taken out once the change set ran.
    if kind == ConflictType::SQLITE_CHANGESET_FOREIGN_KEY {
        return ConflictAction::SQLITE_CHANGESET_OMIT;
    }
    let Ok(op) = item.op() else { return ConflictAction::SQLITE_CHANGESET_ABORT };
    let Some(table) = tables.get(op.table_name()) else { return ConflictAction::SQLITE_CHANGESET_OMIT };
    let columns = table.columns.len();
    let mut notes = notes.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let set_aside = |kind: &'static str,
                     key: &[Value],
                     column: &str,
                     kept: Value,
                     lost: Value,
                     lost_by: &str,
                     lost_at: Option<Value>| SetAside {
        kind,
        table: table.name,
        key: key.to_vec(),
        column: column.to_string(),
        kept,
        lost,
        lost_by: lost_by.to_string(),
        lost_at,
    };
    // A change to a record deleted elsewhere: the deletion stands, the changed value is noted.
    let edit_of_deleted = |key: &[Value], column: &str, lost: Value, lost_by: &str, lost_at: Option<Value>| {
        set_aside("edit_of_deleted", key, column, Value::Null, lost, lost_by, lost_at)
    };
    let shared = |at: usize| !table.primary_key[at] && table.private[at].is_none();
    match (kind, op.code()) {
        (ConflictType::SQLITE_CHANGESET_DATA, Action::SQLITE_UPDATE) => {
            let key = key_of(table, |at| owned(item.old_value(at)));
            let incoming_time =
                table.updated_at.and_then(|at| owned(item.new_value(at)).or_else(|| owned(item.old_value(at))));
            let local_time = table.updated_at.and_then(|at| owned(item.conflict(at)));
            let mut set = Vec::new();
            for at in (0..columns).filter(|at| shared(*at)) {
                let Some(new) = owned(item.new_value(at)) else { continue };
                let (old, local) =
                    (owned(item.old_value(at)).unwrap_or(Value::Null), owned(item.conflict(at)).unwrap_or(Value::Null));
                if local == new {
                    continue;
                }
                let name = &table.columns[at];
                if local == old {
                    set.push((name.clone(), new));
                } else if incoming_wins(incoming_time.as_ref(), local_time.as_ref(), &new, &local) {
                    if Some(at) != table.updated_at {
                        notes.set_aside.push(set_aside(
                            "concurrent_edit",
                            &key,
                            name,
                            new.clone(),
                            local,
                            here,
                            local_time.clone(),
                        ));
                    }
                    set.push((name.clone(), new));
                } else if Some(at) != table.updated_at {
                    notes.set_aside.push(set_aside(
                        "concurrent_edit",
                        &key,
                        name,
                        local,
                        new,
                        remote,
                        incoming_time.clone(),
                    ));
                }
            }
            if !set.is_empty() {
                notes.later.push(Later::Set { table: table.name, key, columns: set });
            }
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        (ConflictType::SQLITE_CHANGESET_DATA, Action::SQLITE_DELETE) => {
            let key = key_of(table, |at| owned(item.old_value(at)));
            let local_time = table.updated_at.and_then(|at| owned(item.conflict(at)));
            for at in (0..columns).filter(|at| shared(*at) && Some(*at) != table.updated_at) {
                let (old, local) =
                    (owned(item.old_value(at)).unwrap_or(Value::Null), owned(item.conflict(at)).unwrap_or(Value::Null));
                if old != local {
                    let name = &table.columns[at];
                    notes.set_aside.push(edit_of_deleted(&key, name, local, here, local_time.clone()));
                }
            }
            ConflictAction::SQLITE_CHANGESET_REPLACE
        }
        (ConflictType::SQLITE_CHANGESET_NOTFOUND, Action::SQLITE_UPDATE) => {
            let key = key_of(table, |at| owned(item.old_value(at)));
            let incoming_time = table.updated_at.and_then(|at| owned(item.new_value(at)));
            for at in (0..columns).filter(|at| shared(*at) && Some(*at) != table.updated_at) {
                if let Some(new) = owned(item.new_value(at)) {
                    let name = &table.columns[at];
                    notes.set_aside.push(edit_of_deleted(&key, name, new, remote, incoming_time.clone()));
                }
            }
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        (ConflictType::SQLITE_CHANGESET_CONFLICT, Action::SQLITE_INSERT) => {
            let key = key_of(table, |at| owned(item.new_value(at)));
            let incoming_time = table.updated_at.and_then(|at| owned(item.new_value(at)));
            let local_time = table.updated_at.and_then(|at| owned(item.conflict(at)));
            let differing: Vec<(usize, Value, Value)> = (0..columns)
                .filter(|at| shared(*at))
                .filter_map(|at| {
                    let (new, local) = (owned(item.new_value(at))?, owned(item.conflict(at))?);
                    (new != local).then_some((at, new, local))
                })
                .collect();
            let first = differing.first().map(|(_, new, local)| (new.clone(), local.clone()));
            if let Some((new, local)) = first {
                let wins = incoming_wins(incoming_time.as_ref(), local_time.as_ref(), &new, &local);
                let mut set = Vec::new();
                for (at, new, local) in differing {
                    let name = &table.columns[at];
                    let is_time = Some(at) == table.updated_at;
                    if wins {
                        if !is_time {
                            notes.set_aside.push(set_aside(
                                "concurrent_edit",
                                &key,
                                name,
                                new.clone(),
                                local,
                                here,
                                local_time.clone(),
                            ));
                        }
                        set.push((name.clone(), new));
                    }
                    // An older copy losing is not set aside here: it may be a laptop sending
                    // again what it had taken in before a crash; where it was made, it is the
                    // local copy that loses, and is set aside there.
                }
                if !set.is_empty() {
                    notes.later.push(Later::Set { table: table.name, key, columns: set });
                }
            }
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        (ConflictType::SQLITE_CHANGESET_CONSTRAINT, code @ (Action::SQLITE_INSERT | Action::SQLITE_UPDATE)) => {
            let insert = code == Action::SQLITE_INSERT;
            let values = (0..columns).map(|at| owned(item.new_value(at))).collect();
            let key = key_of(table, |at| owned(item.new_value(at)).or_else(|| owned(item.old_value(at))));
            notes.later.push(Later::Clash { table: table.name, values, key, insert });
            ConflictAction::SQLITE_CHANGESET_OMIT
        }
        _ => ConflictAction::SQLITE_CHANGESET_OMIT,
    }
}

/// Applies one change set in the caller's transaction and returns how many values were set
/// aside.
pub fn apply(
    conn: &Connection,
    tables: &Arc<HashMap<&'static str, Table>>,
    changeset: &[u8],
    sides: Sides<'_>,
) -> Result<usize> {
    let notes = Arc::new(Mutex::new(Notes::default()));
    let handler_notes = Arc::clone(&notes);
    let handler_tables = Arc::clone(tables);
    let (remote, here) = (sides.remote.to_string(), sides.here.to_string());
    let shared: Vec<&'static str> = tables.keys().copied().collect();
    conn.apply_strm(&mut &changeset[..], Some(move |table: &str| shared.contains(&table)), move |kind, item| {
        decide(&handler_tables, (&remote, &here), &handler_notes, kind, item)
    })
    .map_err(|error| match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => Error::from(error),
        _ => Error::Sharing(format!("a change file could not be applied: {error}")),
    })?;
    let Notes { later, mut set_aside } =
        std::mem::take(&mut *notes.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
    for step in later {
        match step {
            Later::Set { table, key, columns } => set_columns(conn, &tables[table], &key, &columns)?,
            Later::Clash { table, values, key, insert } => {
                set_aside.extend(resolve_clash(conn, &tables[table], values, &key, insert, sides.remote)?)
            }
        }
    }
    set_aside.extend(remove_orphans(conn, tables)?);
    record(conn, &set_aside)?;
    Ok(set_aside.len())
}

fn where_key(table: &Table) -> String {
    table.key_columns().iter().map(|column| format!("{column} = ?")).collect::<Vec<_>>().join(" AND ")
}

fn set_columns(conn: &Connection, table: &Table, key: &[Value], columns: &[(String, Value)]) -> Result<()> {
    let assignments = columns.iter().map(|(column, _)| format!("{column} = ?")).collect::<Vec<_>>().join(", ");
    let sql = format!("UPDATE {} SET {assignments} WHERE {}", table.name, where_key(table));
    let values = columns.iter().map(|(_, value)| value.clone()).chain(key.iter().cloned());
    conn.execute(&sql, params_from_iter(values))?;
    Ok(())
}

/// The marked form of a unique name: visible for names people read, a suffix for keys.
fn marked(column: &str, value: &Value, id: &str) -> Value {
    let tail = &id[id.len().saturating_sub(4)..];
    match value {
        Value::Text(text) if column == "name" => Value::Text(format!("{text} ({tail})")),
        Value::Text(text) => Value::Text(format!("{text}#{id}")),
        other => other.clone(),
    }
}

/// Two records with one unique name: the one with the smaller ID keeps it.
fn resolve_clash(
    conn: &Connection,
    table: &Table,
    values: Vec<Option<Value>>,
    key: &[Value],
    insert: bool,
    remote: &str,
) -> Result<Vec<SetAside>> {
    let Some(unique) = &table.unique else {
        // A rule of the schema (a date order, say) the merged record breaks: the change is set aside.
        return Ok(set_aside_all(table, key, &values, remote));
    };
    let id_at = table.index("id").ok_or_else(|| Error::Sharing(format!("{} has no id", table.name)))?;
    let incoming_id = match &key[0] {
        Value::Text(id) => id.clone(),
        _ => return Ok(set_aside_all(table, key, &values, remote)),
    };
    // The incoming record's unique columns: new values, or for an update the record's own.
    let mut unique_values = Vec::new();
    for column in unique.columns {
        let at = table.index(column).ok_or_else(|| Error::Sharing(format!("{}.{column} is unknown", table.name)))?;
        let value = match &values[at] {
            Some(value) => value.clone(),
            None => {
                conn.query_row(&format!("SELECT {column} FROM {} WHERE id = ?1", table.name), [&incoming_id], |row| {
                    row.get::<_, Value>(0)
                })?
            }
        };
        unique_values.push(value);
    }
    let condition = unique.columns.iter().map(|column| format!("{column} = ?")).collect::<Vec<_>>().join(" AND ");
    let holder: Option<String> = conn
        .query_row(
            &format!("SELECT id FROM {} WHERE {condition} AND id <> ?", table.name),
            params_from_iter(unique_values.iter().cloned().chain([Value::Text(incoming_id.clone())])),
            |row| row.get(0),
        )
        .ok();
    let Some(holder) = holder else { return Ok(set_aside_all(table, key, &values, remote)) };
    let mark_at = table.index(unique.column).ok_or_else(|| Error::Sharing("unknown unique column".into()))?;
    let name = unique_values[unique.columns.iter().position(|column| *column == unique.column).unwrap_or(0)].clone();
    let mut values = values;
    let kept_by;
    if incoming_id > holder {
        values[mark_at] = Some(marked(unique.column, &name, &incoming_id));
        kept_by = holder.clone();
    } else {
        let marked_name = marked(unique.column, &name, &holder);
        conn.execute(
            &format!("UPDATE {} SET {} = ?1 WHERE id = ?2", table.name, unique.column),
            rusqlite::params![marked_name, holder],
        )?;
        kept_by = incoming_id.clone();
    }
    if insert {
        let columns = table.columns.join(", ");
        let placeholders = vec!["?"; table.columns.len()].join(", ");
        conn.execute(
            &format!("INSERT INTO {} ({columns}) VALUES ({placeholders})", table.name),
            params_from_iter(values.iter().map(|value| value.clone().unwrap_or(Value::Null))),
        )?;
    } else {
        let columns: Vec<(String, Value)> = values
            .iter()
            .enumerate()
            .filter(|(at, value)| value.is_some() && *at != id_at)
            .map(|(at, value)| (table.columns[at].clone(), value.clone().unwrap_or(Value::Null)))
            .collect();
        set_columns(conn, table, key, &columns)?;
    }
    Ok(vec![SetAside {
        kind: "name_clash",
        table: table.name,
        key: key.to_vec(),
        column: unique.column.to_string(),
        kept: Value::Text(kept_by),
        lost: name,
        lost_by: remote.to_string(),
        lost_at: None,
    }])
}

fn set_aside_all(table: &Table, key: &[Value], values: &[Option<Value>], remote: &str) -> Vec<SetAside> {
    values
        .iter()
        .enumerate()
        .filter(|(at, value)| value.is_some() && !table.primary_key[*at] && Some(*at) != table.updated_at)
        .map(|(at, value)| SetAside {
            kind: "concurrent_edit",
            table: table.name,
            key: key.to_vec(),
            column: table.columns[at].clone(),
            kept: Value::Null,
            lost: value.clone().unwrap_or(Value::Null),
            lost_by: remote.to_string(),
            lost_at: None,
        })
        .collect()
}

/// Records whose parent is gone: a link that may be empty is emptied, any other record
/// goes, until no link points nowhere.
fn remove_orphans(conn: &Connection, tables: &HashMap<&'static str, Table>) -> Result<Vec<SetAside>> {
    let mut set_aside = Vec::new();
    loop {
        let mut changed = 0;
        for table in tables.values() {
            let links: Vec<(String, String, String, String)> = conn
                .prepare_cached("SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?1)")?
                .query_map([table.name], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (column, parent, parent_column, on_delete) in links {
                let orphaned = format!(
                    "{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} WHERE {parent}.{parent_column} = {}.{column})",
                    table.name
                );
                let keys = table.key_columns().join(", ");
                let found: Vec<Vec<Value>> = conn
                    .prepare(&format!("SELECT {keys} FROM {} WHERE {orphaned}", table.name))?
                    .query_map([], |row| (0..table.key_columns().len()).map(|at| row.get::<_, Value>(at)).collect())?
                    .collect::<rusqlite::Result<_>>()?;
                if found.is_empty() {
                    continue;
                }
                // As if the parent had been deleted here.
                changed += if on_delete.eq_ignore_ascii_case("SET NULL") {
                    conn.execute(&format!("UPDATE {} SET {column} = NULL WHERE {orphaned}", table.name), [])?
                } else {
                    conn.execute(&format!("DELETE FROM {} WHERE {orphaned}", table.name), [])?
                };
                set_aside.extend(found.into_iter().map(|key| SetAside {
                    kind: "orphan",
                    table: table.name,
                    key,
                    column: column.clone(),
                    kept: Value::Null,
                    lost: Value::Null,
                    lost_by: String::new(),
                    lost_at: None,
                }));
            }
        }
        if changed == 0 {
            return Ok(set_aside);
        }
    }
}

fn record(conn: &Connection, set_aside: &[SetAside]) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "INSERT INTO sharing_conflicts (id, kind, table_name, row_key, column_name, kept_value, lost_value, lost_by,
                                        lost_at, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let recorded_at = now();
    for entry in set_aside {
        let key = serde_json::Value::Array(entry.key.iter().map(to_json).collect());
        let lost_at = entry.lost_at.as_ref().and_then(|value| match value {
            Value::Text(text) => Some(text.clone()),
            _ => None,
        });
        statement.execute(rusqlite::params![
            new_id(),
            entry.kind,
            entry.table,
            key.to_string(),
            entry.column,
            to_json(&entry.kept).to_string(),
            to_json(&entry.lost).to_string(),
            entry.lost_by,
            lost_at,
            recorded_at,
        ])?;
    }
    Ok(())
}
