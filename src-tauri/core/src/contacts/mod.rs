//! The register of people and organisations on both sides of a partnership: who they are,
//! in Latin and original script with pinyin, and everything that links to them (delegation
//! memberships, programme items they host, agreements they signed).

use rusqlite::{named_params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::names::transliteration;
use crate::vocabulary::{RegisterKind, RegisterRef, Side};

pub mod find_or_create;
pub mod links;
pub mod merge;
pub mod organisations;
pub mod people;
pub(crate) mod record;

pub mod trash;

/// A register record as pickers and link lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterEntry {
    pub kind: RegisterKind,
    pub id: String,
    /// How it reads in a programme: "Parteisekretär Zhu Chonglie (朱重烈)", "Stadtregierung Jinhua".
    pub label: String,
    /// Organisation of a person; pinyin of an organisation.
    pub detail: String,
    pub side: Side,
}

/// The label of a person: function, name, and the original script in brackets.
pub(crate) const PERSON_LABEL: &str = "trim(p.function_title || ' ' || p.name_latin
    || CASE WHEN p.name_original = '' THEN '' ELSE ' (' || p.name_original || ')' END)";

/// The label of an organisation: its name, and the original script in brackets.
pub(crate) const ORGANISATION_LABEL: &str =
    "o.name || CASE WHEN o.name_original = '' THEN '' ELSE ' (' || o.name_original || ')' END";

const PICKER_LIMIT: i64 = 12;

/// The records whose names match `search`, people and organisations together, for pickers.
pub fn search_register(conn: &Connection, search: &str, kinds: &[RegisterKind]) -> Result<Vec<RegisterEntry>> {
    let needle = transliteration::search_needle(search);
    let pattern = crate::store::like_pattern(&needle);
    let sql = format!(
        "SELECT * FROM (
            SELECT 'person' AS kind, p.id, {PERSON_LABEL} AS label, coalesce(o.name, '') AS detail, p.side,
                   p.name_latin AS sort
            FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id AND o.deleted_at IS NULL
            WHERE :people AND p.deleted_at IS NULL AND p.search_text LIKE :pattern ESCAPE '\\'
            UNION ALL
            SELECT 'organisation', o.id, {ORGANISATION_LABEL}, o.transliteration, o.side, o.name
            FROM organisations o
            WHERE :organisations AND o.deleted_at IS NULL AND o.search_text LIKE :pattern ESCAPE '\\')
         ORDER BY instr(lower(sort), lower(:typed)) = 1 DESC, sort COLLATE NOCASE LIMIT :limit"
    );
    let entries = conn
        .prepare_cached(&sql)?
        .query_map(
            named_params! {
                ":people": kinds.contains(&RegisterKind::Person),
                ":organisations": kinds.contains(&RegisterKind::Organisation),
                ":pattern": pattern,
                ":typed": search.trim(),
                ":limit": PICKER_LIMIT,
            },
            |row| {
                Ok(RegisterEntry {
                    kind: row.get(0)?,
                    id: row.get(1)?,
                    label: row.get(2)?,
                    detail: row.get(3)?,
                    side: row.get(4)?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(entries)
}

/// The register entry a link points to, also when it lies in the trash.
pub fn register_entry(conn: &Connection, reference: &RegisterRef) -> Result<RegisterEntry> {
    let sql = match reference.kind {
        RegisterKind::Person => format!(
            "SELECT {PERSON_LABEL}, coalesce(o.name, ''), p.side FROM people p
             LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?1"
        ),
        RegisterKind::Organisation => {
            format!("SELECT {ORGANISATION_LABEL}, o.transliteration, o.side FROM organisations o WHERE o.id = ?1")
        }
    };
    conn.prepare_cached(&sql)?
        .query_row([&reference.id], |row| {
            Ok(RegisterEntry {
                kind: reference.kind,
                id: reference.id.clone(),
                label: row.get(0)?,
                detail: row.get(1)?,
                side: row.get(2)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("{} {}", reference.kind.as_str(), reference.id)))
}

/// Pinyin for a name typed in original script, as the form offers it; for a person, the Latin
/// name decides between the readings of a character.
pub fn transliterate(original: &str, latin_name: &str, kind: RegisterKind) -> String {
    match kind {
        RegisterKind::Person => transliteration::person_pinyin(original, latin_name),
        RegisterKind::Organisation => transliteration::organisation_pinyin(original),
    }
    .unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests;
