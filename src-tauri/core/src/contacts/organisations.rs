//! Organisations in the register: city halls, party committees, companies, universities,
//! schools, museums, associations, chambers; with their people and the items they hosted.

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::people::{
    from_row as person_from_row, items_taken_part, ItemTakenPart, Person, RegisterQuery, SELECT_PERSON,
};
use super::record::{self, RegisterRecord};
use crate::error::{Problems, Result};
use crate::names::transliteration::{organisation_pinyin, search_text};
use crate::store::now;
use crate::store::paging::Page;
use crate::vocabulary::Side;

crate::text_enum! {
    pub enum OrganisationKind {
        CityHall => "city_hall",
        Government => "government",
        PartyCommittee => "party_committee",
        Company => "company",
        University => "university",
        School => "school",
        Museum => "museum",
        Association => "association",
        Chamber => "chamber",
        Other => "other",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub name_original: String,
    /// Pinyin of the original name; filled in automatically, editable.
    pub transliteration: String,
    pub kind: OrganisationKind,
    pub side: Side,
    pub partnership_id: Option<String>,
    pub partnership_label: Option<String>,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub notes: String,
    pub people_count: i64,
    /// Set while the organisation is in the trash.
    pub deleted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct OrganisationInput {
    pub name: String,
    pub name_original: String,
    /// Empty: derived from the original name.
    pub transliteration: String,
    pub kind: Option<OrganisationKind>,
    pub side: Option<Side>,
    pub partnership_id: Option<String>,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub notes: String,
}

/// An organisation's page: the record, its people and the programme items it hosted or its
/// people attended as guests.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OrganisationRecord {
    pub organisation: Organisation,
    pub people: Vec<Person>,
    pub items: Vec<ItemTakenPart>,
}

pub(crate) const SELECT_ORGANISATION: &str = "SELECT o.id, o.name, o.name_original, o.transliteration, o.kind,
        o.side, o.partnership_id,
        (SELECT s.our_side || ' – ' || s.partner_place FROM partnerships s
            WHERE s.id = o.partnership_id AND s.deleted_at IS NULL),
        o.email, o.phone, o.address, o.notes,
        (SELECT count(*) FROM people p WHERE p.organisation_id = o.id AND p.deleted_at IS NULL),
        o.deleted_at, o.created_at, o.updated_at
    FROM organisations o";

pub(crate) fn from_row(row: &Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: row.get(0)?,
        name: row.get(1)?,
        name_original: row.get(2)?,
        transliteration: row.get(3)?,
        kind: row.get(4)?,
        side: row.get(5)?,
        partnership_id: row.get(6)?,
        partnership_label: row.get(7)?,
        email: row.get(8)?,
        phone: row.get(9)?,
        address: row.get(10)?,
        notes: row.get(11)?,
        people_count: row.get(12)?,
        deleted_at: row.get(13)?,
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
    })
}

pub(crate) fn transliteration_of(typed: &str, original: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        organisation_pinyin(original).unwrap_or_default()
    } else {
        typed.to_string()
    }
}

pub(crate) fn organisation_search_text(name: &str, name_original: &str, transliteration: &str) -> String {
    search_text(&[name, name_original, transliteration])
}

impl RegisterRecord for Organisation {
    type Input = OrganisationInput;
    const TABLE: &'static str = "organisations";
    const ALIAS: &'static str = "o";
    const WHAT: &'static str = "organisation";
    const SELECT: &'static str = SELECT_ORGANISATION;
    const SORT: &'static str = "o.name";

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        from_row(row)
    }

    fn name(input: &OrganisationInput) -> (&'static str, &str, &'static str) {
        ("name", &input.name, "an organisation needs a name")
    }

    fn contact(input: &OrganisationInput) -> (&str, Option<&str>) {
        (&input.email, input.partnership_id.as_deref())
    }

    fn check_own(_: &Connection, input: &OrganisationInput, problems: &mut Problems) -> Result<()> {
        crate::limits::check_record(
            problems,
            "organisations",
            &[
                ("name", &input.name),
                ("name_original", &input.name_original),
                ("transliteration", &input.transliteration),
                ("email", &input.email),
                ("phone", &input.phone),
                ("address", &input.address),
                ("notes", &input.notes),
            ],
        );
        Ok(())
    }

    fn write(conn: &Connection, id: &str, input: &OrganisationInput) -> Result<()> {
        write(conn, id, input)
    }
}

pub fn organisation_exists(conn: &Connection, id: &str) -> Result<bool> {
    record::exists::<Organisation>(conn, id)
}

pub fn list_organisations(conn: &Connection, query: &RegisterQuery) -> Result<Page<Organisation>> {
    record::list(conn, query)
}

/// An organisation, also from the trash (its page says so).
pub fn get_organisation(conn: &Connection, id: &str) -> Result<Organisation> {
    record::get(conn, id)
}

pub fn create_organisation(conn: &Connection, input: &OrganisationInput) -> Result<Organisation> {
    record::create(conn, input)
}

pub fn update_organisation(conn: &Connection, id: &str, input: &OrganisationInput) -> Result<Organisation> {
    record::update(conn, id, input)
}

fn write(conn: &Connection, id: &str, input: &OrganisationInput) -> Result<()> {
    let transliteration = transliteration_of(&input.transliteration, &input.name_original);
    let search = organisation_search_text(&input.name, &input.name_original, &transliteration);
    conn.prepare_cached(
        "INSERT INTO organisations (id, name, name_original, transliteration, kind, side, partnership_id, email, phone,
            address, notes, search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_original = excluded.name_original,
            transliteration = excluded.transliteration, kind = excluded.kind, side = excluded.side,
            partnership_id = excluded.partnership_id, email = excluded.email, phone = excluded.phone,
            address = excluded.address, notes = excluded.notes, search_text = excluded.search_text,
            updated_at = excluded.updated_at",
    )?
    .execute(params![
        id,
        input.name.trim(),
        input.name_original.trim(),
        transliteration,
        input.kind.unwrap_or(OrganisationKind::Other),
        input.side.unwrap_or(Side::Partner),
        input.partnership_id,
        input.email.trim(),
        input.phone.trim(),
        input.address.trim(),
        input.notes,
        search,
        now()
    ])?;
    Ok(())
}

/// An organisation's page: the record, its people, and the items it hosted or attended.
pub fn organisation_record(conn: &Connection, id: &str) -> Result<OrganisationRecord> {
    let organisation = get_organisation(conn, id)?;
    let people = conn
        .prepare_cached(&format!(
            "{SELECT_PERSON} WHERE p.organisation_id = ?1 AND p.deleted_at IS NULL ORDER BY p.name_latin COLLATE NOCASE"
        ))?
        .query_map([id], person_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let items = items_taken_part(
        conn,
        "SELECT h.item_id AS item_id, 2 AS rank FROM item_hosts h WHERE h.organisation_id = :person
         UNION
         SELECT g.item_id, 1 FROM item_guests g WHERE g.organisation_id = :person
            OR g.person_id IN (SELECT id FROM people WHERE organisation_id = :person AND deleted_at IS NULL)",
        id,
    )?;
    Ok(OrganisationRecord { organisation, people, items })
}
