//! Register records made on the spot from what was typed: a delegation member becomes a
//! person (or is matched to the one already there), a line of hosts becomes people and
//! organisations. The first-slice migration and the example data use the same rules.

use rusqlite::{params, Connection, OptionalExtension};

use super::organisations::{organisation_search_text, transliteration_of as organisation_pinyin};
use super::people::{person_search_text, transliteration_of as person_pinyin};
use crate::error::{Problems, Result};
use crate::names::hosts::{host_parts, split_original, HostPart};
use crate::names::transliteration::{folded, has_han};
use crate::store::{new_id, now};
use crate::vocabulary::{Direction, RegisterKind, RegisterRef, Side};

/// The record's first name part, folded as the search text begins with it, equals `?1`:
/// the same name ignoring case, spacing and accents.
/// The record's own folded name is the start of its search text, up to the first `|`; the range
/// lets the index on `search_text` find it ('}' follows '|').
const SAME_NAME: &str = "search_text >= ?1 AND search_text < ?1 || '}'
    AND (search_text = ?1 OR substr(search_text, 1, length(?1) + 1) = ?1 || '|')";

/// A person as typed into a delegation list or a host line.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPerson {
    pub name_latin: String,
    pub name_original: String,
    pub function_title: String,
    /// The organisation's name; found or created in the register.
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub side: Side,
    pub partnership_id: Option<String>,
}

impl NewPerson {
    /// Someone known only by name and, perhaps, function.
    pub fn named(name_latin: String, name_original: String, function_title: String, side: Side) -> Self {
        NewPerson {
            name_latin,
            name_original,
            function_title,
            organisation: String::new(),
            email: String::new(),
            phone: String::new(),
            side,
            partnership_id: None,
        }
    }
}

/// An outgoing delegation is ours; an incoming one is the partner's.
pub fn side_of_delegation(direction: Direction) -> Side {
    match direction {
        Direction::Outgoing => Side::Ours,
        Direction::Incoming => Side::Partner,
    }
}

/// Hosts are on the other side from the delegation.
pub fn side_of_hosts(direction: Direction) -> Side {
    match direction {
        Direction::Outgoing => Side::Partner,
        Direction::Incoming => Side::Ours,
    }
}

/// The person of that Latin name (ignoring case and spacing) whose original name agrees.
pub fn find_person(conn: &Connection, name_latin: &str, name_original: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT id FROM people WHERE deleted_at IS NULL AND {SAME_NAME}
               AND (name_original = '' OR ?2 = '' OR name_original = ?2)
             ORDER BY created_at LIMIT 1"
        ))?
        .query_row(params![folded(name_latin), name_original], |row| row.get(0))
        .optional()?)
}

/// The person `find_person` finds, or a new record.
pub fn ensure_person(conn: &Connection, new: &NewPerson) -> Result<String> {
    if let Some(id) = find_person(conn, &new.name_latin, &new.name_original)? {
        return Ok(id);
    }
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "people",
        &[
            ("name_latin", &new.name_latin),
            ("name_original", &new.name_original),
            ("function_title", &new.function_title),
            ("email", &new.email),
            ("phone", &new.phone),
        ],
    );
    problems.into_result()?;
    let organisation_id = if new.organisation.trim().is_empty() {
        None
    } else {
        Some(ensure_organisation(conn, new.organisation.trim(), new.side, new.partnership_id.as_deref())?)
    };
    let id = new_id();
    let transliteration = person_pinyin("", &new.name_original, &new.name_latin);
    conn.prepare_cached(
        "INSERT INTO people (id, name_latin, name_original, transliteration, function_title, organisation_id, side,
            partnership_id, email, phone, search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        id,
        new.name_latin.split_whitespace().collect::<Vec<_>>().join(" "),
        new.name_original,
        transliteration,
        new.function_title,
        organisation_id,
        new.side,
        new.partnership_id,
        new.email,
        new.phone,
        person_search_text(&new.name_latin, &new.name_original, &transliteration),
        now()
    ])?;
    Ok(id)
}

/// The organisation of that name (ignoring case), or a new one of kind "other".
pub fn ensure_organisation(conn: &Connection, name: &str, side: Side, partnership_id: Option<&str>) -> Result<String> {
    let (latin, original) = split_original(name);
    let (name, original) =
        if has_han(&original) { (latin, original) } else { (name.trim().to_string(), String::new()) };
    let found: Option<String> = conn
        .prepare_cached(&format!(
            "SELECT id FROM organisations WHERE deleted_at IS NULL AND {SAME_NAME}
               AND (name_original = '' OR ?2 = '' OR name_original = ?2)
             ORDER BY created_at LIMIT 1"
        ))?
        .query_row(params![folded(&name), original], |row| row.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let mut problems = Problems::default();
    crate::limits::check_record(&mut problems, "organisations", &[("name", &name), ("name_original", &original)]);
    problems.into_result()?;
    let id = new_id();
    let transliteration = organisation_pinyin("", &original);
    conn.prepare_cached(
        "INSERT INTO organisations (id, name, name_original, transliteration, kind, side, partnership_id, search_text,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'other', ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id,
        name,
        original,
        transliteration,
        side,
        partnership_id,
        organisation_search_text(&name, &original, &transliteration),
        now()
    ])?;
    Ok(id)
}

/// The register records for a line of hosts, found or created.
pub fn hosts_from_text(
    conn: &Connection,
    text: &str,
    side: Side,
    partnership_id: Option<&str>,
) -> Result<Vec<RegisterRef>> {
    host_parts(text)
        .into_iter()
        .map(|part| match part {
            HostPart::Person { function_title, name_latin, name_original } => {
                let new = NewPerson {
                    partnership_id: partnership_id.map(str::to_string),
                    ..NewPerson::named(name_latin, name_original, function_title, side)
                };
                Ok(RegisterRef { kind: RegisterKind::Person, id: ensure_person(conn, &new)? })
            }
            HostPart::Organisation { name } => Ok(RegisterRef {
                kind: RegisterKind::Organisation,
                id: ensure_organisation(conn, &name, side, partnership_id)?,
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_is_matched_through_the_index() {
        let conn = crate::store::open_in_memory().unwrap();
        for table in ["people", "organisations"] {
            let sql = format!("EXPLAIN QUERY PLAN SELECT id FROM {table} WHERE deleted_at IS NULL AND {SAME_NAME}");
            let plan: Vec<String> = conn
                .prepare(&sql)
                .unwrap()
                .query_map(["wangwei"], |row| row.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(plan.iter().any(|step| step.contains("_by_search_text")), "{table}: {plan:?}");
        }
    }
}
