//! The office-wide search: one index (migration 0011, kept by triggers in the same transaction
//! as every write) over trips, programme items, people, organisations, partnerships,
//! agreements, tasks, outcomes, gifts and projects, in any script and of any length
//! (`names::search_terms`). Best matches first: a title that starts with what was typed before
//! a word inside, then recent before old. Trashed records are left out; a record found only
//! through its internal notes is marked as such.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::names::search_terms::{kind_of_slot, kind_slots, query_terms, text_matches};
use crate::names::transliteration::folded;

crate::text_enum! {
    pub enum SearchKind {
        Trip => "trip",
        Item => "item",
        Person => "person",
        Organisation => "organisation",
        Partnership => "partnership",
        Agreement => "agreement",
        Task => "task",
        Outcome => "outcome",
        Gift => "gift",
        Project => "project",
    }
}

/// How many hits of each kind a search returns at most.
pub const HITS_PER_KIND: usize = 8;

/// A record found, as the search lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: String,
    pub title: String,
    /// Where it belongs: the trip of an item, the organisation of a person, and so on.
    pub context: String,
    /// The text that matched.
    pub matched: String,
    /// Found only through its internal notes.
    pub internal: bool,
    /// The trip to open for an item, task, outcome or gift; the partnership of an agreement.
    pub parent_id: Option<String>,
}

/// Per kind: its table, the texts anyone may read, its internal notes, what it belongs to, and
/// the record to open it in.
struct KindSql {
    kind: SearchKind,
    table: &'static str,
    texts: &'static [&'static str],
    internal: &'static str,
    context: &'static str,
    parent: &'static str,
}

const KINDS: &[KindSql] = &[
    KindSql {
        kind: SearchKind::Trip,
        table: "trips",
        texts: &["title", "partner_place", "partner_country", "purpose", "title_translation", "purpose_translation"],
        internal: "notes",
        context: "x.start_date || ' – ' || x.end_date || ' · ' || x.partner_place",
        parent: "NULL",
    },
    KindSql {
        kind: SearchKind::Item,
        table: "programme_items",
        texts: &[
            "title",
            "place",
            "address",
            "notes_participants",
            "title_translation",
            "place_translation",
            "address_translation",
            "notes_translation",
        ],
        internal: "notes_internal",
        context: "(SELECT title FROM trips WHERE id = x.trip_id) || ' · ' || replace(x.start_local, 'T', ' ')",
        parent: "x.trip_id",
    },
    KindSql {
        kind: SearchKind::Person,
        table: "people",
        texts: &["name_latin", "name_original", "transliteration", "function_title", "email", "address"],
        internal: "notes",
        context: "trim(x.name_original || ' · ' || x.function_title || ' · '
                  || coalesce((SELECT name FROM organisations WHERE id = x.organisation_id), ''), ' ·')",
        parent: "NULL",
    },
    KindSql {
        kind: SearchKind::Organisation,
        table: "organisations",
        texts: &["name", "name_original", "transliteration", "email", "address"],
        internal: "notes",
        context: "x.name_original",
        parent: "NULL",
    },
    KindSql {
        kind: SearchKind::Partnership,
        table: "partnerships",
        texts: &["our_side", "partner_place", "partner_province", "partner_country", "description"],
        internal: "''",
        context: "trim(x.partner_province || ', ' || x.partner_country, ', ')",
        parent: "NULL",
    },
    KindSql {
        kind: SearchKind::Agreement,
        table: "agreements",
        texts: &["title", "signed_at"],
        internal: "notes",
        context: "(SELECT our_side || ' – ' || partner_place FROM partnerships WHERE id = x.partnership_id)
                  || coalesce(' · ' || x.signed_on, '')",
        parent: "x.partnership_id",
    },
    KindSql {
        kind: SearchKind::Project,
        table: "projects",
        texts: &["title", "goal"],
        internal: "notes",
        context:
            "coalesce((SELECT group_concat(label, ', ') FROM (SELECT p.our_side || ' – ' || p.partner_place AS label
                      FROM project_partnerships l JOIN partnerships p ON p.id = l.partnership_id
                      WHERE l.project_id = x.id ORDER BY l.position)), '')",
        parent: "NULL",
    },
    KindSql {
        kind: SearchKind::Task,
        table: "tasks",
        texts: &["title", "description"],
        internal: "''",
        context: "trim(coalesce((SELECT title FROM trips WHERE id = x.trip_id), '') || ' · ' || x.due_date, ' ·')",
        parent: "x.trip_id",
    },
    KindSql {
        kind: SearchKind::Outcome,
        table: "outcomes",
        texts: &["text"],
        internal: "''",
        context: "(SELECT title FROM programme_items WHERE id = x.item_id)",
        parent: "(SELECT trip_id FROM programme_items WHERE id = x.item_id)",
    },
    KindSql {
        kind: SearchKind::Gift,
        table: "gifts",
        texts: &["description", "occasion", "kept_at"],
        internal: "notes",
        context: "coalesce((SELECT title FROM trips WHERE id = x.trip_id),
            (SELECT our_side || ' – ' || partner_place FROM partnerships WHERE id = x.partnership_id), x.occasion)
            || ' · ' || x.given_on",
        parent: "x.trip_id",
    },
];

/// The records that hold everything `typed`, best first, at most `HITS_PER_KIND` of each kind
/// (of `only` that kind).
pub fn search(conn: &Connection, typed: &str, only: Option<SearchKind>) -> Result<Vec<SearchHit>> {
    let Some(query) = query_terms(typed) else { return Ok(Vec::new()) };
    let kinds: Vec<&KindSql> = KINDS.iter().filter(|sql| only.is_none_or(|kind| kind == sql.kind)).collect();
    let mut recent = newest_matches(conn, &query, only)?;
    let mut hits = Vec::new();
    for sql in kinds {
        let mut chosen = starting_with(conn, sql.kind, typed)?;
        for slot in recent.remove(&sql.kind).unwrap_or_default() {
            if chosen.len() >= HITS_PER_KIND {
                break;
            }
            if !chosen.iter().any(|(known, _, _)| *known == slot) {
                let (id, title) = conn
                    .prepare_cached("SELECT record_id, title FROM search_records WHERE id = ?1")?
                    .query_row([slot], |row| Ok((row.get(0)?, row.get(1)?)))?;
                chosen.push((slot, id, title));
            }
        }
        for (_, id, title) in chosen {
            hits.push(hit(conn, sql, id, title, typed)?);
        }
    }
    Ok(hits)
}

/// Per kind, the slots of the newest records that match `query` (twice as many as a search
/// shows, so that those already chosen for their title can be passed over). The index hands
/// them out newest first (`search_terms::slot`), so nothing is sorted.
fn newest_matches(conn: &Connection, query: &str, only: Option<SearchKind>) -> Result<HashMap<SearchKind, Vec<i64>>> {
    let wanted = 2 * HITS_PER_KIND;
    let (first, last) = match only {
        Some(kind) => kind_slots(kind.as_str()),
        None => (0, i64::MAX),
    };
    let mut statement = conn.prepare_cached(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid DESC",
    )?;
    let mut rows = statement.query(params![query, first, last])?;
    let mut found: HashMap<SearchKind, Vec<i64>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let slot: i64 = row.get(0)?;
        let Some(kind) = kind_of_slot(slot).and_then(|kind| kind.parse::<SearchKind>().ok()) else { continue };
        let slots = found.entry(kind).or_default();
        if slots.len() < wanted {
            slots.push(slot);
        } else if only.is_some() {
            break;
        }
    }
    Ok(found)
}

/// The newest records of `kind` whose title starts with what was typed and that hold all of it.
fn starting_with(conn: &Connection, kind: SearchKind, typed: &str) -> Result<Vec<(i64, String, String)>> {
    let start = folded(typed);
    let mut statement = conn.prepare_cached(
        "SELECT id, record_id, title FROM search_records
         WHERE kind = ?1 AND title_key >= ?2 AND title_key < ?2 || char(1114111)
         ORDER BY id DESC LIMIT ?3",
    )?;
    let found = statement
        .query_map(params![kind.as_str(), start, 2 * HITS_PER_KIND as i64], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<(i64, String, String)>>>()?;
    Ok(found.into_iter().filter(|(_, _, title)| text_matches(title, typed)).take(HITS_PER_KIND).collect())
}

/// A hit with where it belongs and the text that matched.
fn hit(conn: &Connection, sql: &KindSql, id: String, title: String, typed: &str) -> Result<SearchHit> {
    let texts = sql.texts.join(", ");
    let (context, parent_id, values, internal): (Option<String>, Option<String>, Vec<String>, String) = conn
        .query_row(
            &format!(
                "SELECT {context}, {parent}, {texts}, {internal} FROM {table} x WHERE x.id = ?1",
                context = sql.context,
                parent = sql.parent,
                internal = sql.internal,
                table = sql.table
            ),
            [&id],
            |row| {
                let values = (0..sql.texts.len())
                    .map(|at| row.get::<_, Option<String>>(2 + at).map(Option::unwrap_or_default))
                    .collect::<rusqlite::Result<_>>()?;
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    values,
                    row.get::<_, Option<String>>(2 + sql.texts.len())?.unwrap_or_default(),
                ))
            },
        )?;
    let public = values.iter().find(|text| text_matches(text, typed));
    let in_notes = public.is_none() && text_matches(&internal, typed);
    let matched = match public {
        Some(text) => text.clone(),
        None if in_notes => internal.clone(),
        None => title.clone(),
    };
    Ok(SearchHit {
        kind: sql.kind,
        id,
        title,
        context: context.unwrap_or_default(),
        matched: first_line_with(&matched, typed),
        internal: in_notes,
        parent_id,
    })
}

/// The line of `text` that matched, so that a long note shows only where the words are.
fn first_line_with(text: &str, typed: &str) -> String {
    text.lines().find(|line| text_matches(line, typed)).unwrap_or(text).trim().to_string()
}

#[cfg(test)]
mod tests;
