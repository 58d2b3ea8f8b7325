//! People in the register: name in Latin and original script with pinyin, function,
//! organisation, contact details, languages; and a person's record of every trip and
//! programme item they took part in or hosted.

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::{self, RegisterRecord};
use crate::error::{Problems, Result};
use crate::names::transliteration::{person_pinyin, search_text};
use crate::store::now;
use crate::store::paging::{Page, PageRequest};
use crate::vocabulary::{Direction, MemberRole, RegisterKind, Side};
use crate::zoned::{stored_time, ZonedTime};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: String,
    pub name_latin: String,
    /// The name in its original script, e.g. Chinese characters.
    pub name_original: String,
    /// Pinyin of the original name; filled in automatically, editable.
    pub transliteration: String,
    /// Title and function: "Parteisekretär", "Landrat", "Geschäftsführerin".
    pub function_title: String,
    pub organisation_id: Option<String>,
    pub organisation_name: Option<String>,
    pub side: Side,
    pub partnership_id: Option<String>,
    pub partnership_label: Option<String>,
    pub email: String,
    pub phone: String,
    pub address: String,
    /// Languages spoken, as written: "Chinesisch, Englisch".
    pub languages: String,
    pub notes: String,
    /// Set while the person is in the trash.
    pub deleted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub name_latin: String,
    pub name_original: String,
    /// Empty: derived from the original name.
    pub transliteration: String,
    pub function_title: String,
    pub organisation_id: Option<String>,
    pub side: Option<Side>,
    pub partnership_id: Option<String>,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub languages: String,
    pub notes: String,
}

/// What a register list asks for: a search over every name, optionally one side or one
/// partnership, one page at a time.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RegisterQuery {
    pub search: String,
    pub side: Option<Side>,
    pub partnership_id: Option<String>,
    /// Which page of the list.
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

/// A trip someone travelled with or hosted.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TripTakenPart {
    pub trip_id: String,
    pub title: String,
    pub direction: Direction,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// Their role in the delegation; None when they only hosted items of the trip.
    pub role: Option<MemberRole>,
    /// Their function as listed for that trip.
    pub function_title: String,
}

crate::text_enum! {
    /// How someone was at a programme item: in the delegation, as a guest, or as its host.
    pub enum ItemPart { TookPart => "took_part", Attended => "attended", Hosted => "hosted" }
}

/// A programme item someone took part in, attended as a guest, or hosted (themselves or
/// through their organisation).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ItemTakenPart {
    pub item_id: String,
    pub trip_id: String,
    pub trip_title: String,
    pub title: String,
    pub start: ZonedTime,
    pub part: ItemPart,
}

/// A person's page: the record and everything they took part in.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PersonRecord {
    pub person: Person,
    pub trips: Vec<TripTakenPart>,
    pub items: Vec<ItemTakenPart>,
    /// Agreements they signed: (agreement id, title, partnership id).
    pub agreements: Vec<SignedAgreement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SignedAgreement {
    pub agreement_id: String,
    pub partnership_id: String,
    pub title: String,
    pub signed_on: Option<NaiveDate>,
}

pub(crate) const SELECT_PERSON: &str = "SELECT p.id, p.name_latin, p.name_original, p.transliteration,
        p.function_title, p.organisation_id,
        (SELECT o.name FROM organisations o WHERE o.id = p.organisation_id AND o.deleted_at IS NULL),
        p.side, p.partnership_id,
        (SELECT s.our_side || ' – ' || s.partner_place FROM partnerships s
            WHERE s.id = p.partnership_id AND s.deleted_at IS NULL),
        p.email, p.phone, p.address, p.languages, p.notes, p.deleted_at, p.created_at, p.updated_at
    FROM people p";

pub(crate) fn from_row(row: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        name_latin: row.get(1)?,
        name_original: row.get(2)?,
        transliteration: row.get(3)?,
        function_title: row.get(4)?,
        organisation_id: row.get(5)?,
        organisation_name: row.get(6)?,
        side: row.get(7)?,
        partnership_id: row.get(8)?,
        partnership_label: row.get(9)?,
        email: row.get(10)?,
        phone: row.get(11)?,
        address: row.get(12)?,
        languages: row.get(13)?,
        notes: row.get(14)?,
        deleted_at: row.get(15)?,
        created_at: row.get(16)?,
        updated_at: row.get(17)?,
    })
}

/// The pinyin to store: what the user wrote, or else what the original name reads as.
pub(crate) fn transliteration_of(typed: &str, original: &str, latin_name: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        person_pinyin(original, latin_name).unwrap_or_default()
    } else {
        typed.to_string()
    }
}

pub(crate) fn person_search_text(name_latin: &str, name_original: &str, transliteration: &str) -> String {
    search_text(&[name_latin, name_original, transliteration])
}

impl RegisterRecord for Person {
    type Input = PersonInput;
    const TABLE: &'static str = "people";
    const ALIAS: &'static str = "p";
    const WHAT: &'static str = "person";
    const SELECT: &'static str = SELECT_PERSON;
    const SORT: &'static str = "p.name_latin";

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        from_row(row)
    }

    fn name(input: &PersonInput) -> (&'static str, &str, &'static str) {
        ("name_latin", &input.name_latin, "a name in Latin script is required")
    }

    fn contact(input: &PersonInput) -> (&str, Option<&str>) {
        (&input.email, input.partnership_id.as_deref())
    }

    fn check_own(conn: &Connection, input: &PersonInput, problems: &mut Problems) -> Result<()> {
        crate::limits::check_record(
            problems,
            "people",
            &[
                ("name_latin", &input.name_latin),
                ("name_original", &input.name_original),
                ("transliteration", &input.transliteration),
                ("function_title", &input.function_title),
                ("email", &input.email),
                ("phone", &input.phone),
                ("address", &input.address),
                ("languages", &input.languages),
                ("notes", &input.notes),
            ],
        );
        if let Some(id) = &input.organisation_id {
            if !super::organisations::organisation_exists(conn, id)? {
                let code = if person_exists(conn, id)? { "not_an_organisation" } else { "unknown_organisation" };
                problems.push("organisation_id", code, "choose an organisation from the register");
            }
        }
        Ok(())
    }

    fn write(conn: &Connection, id: &str, input: &PersonInput) -> Result<()> {
        write(conn, id, input)
    }
}

pub fn person_exists(conn: &Connection, id: &str) -> Result<bool> {
    record::exists::<Person>(conn, id)
}

pub fn list_people(conn: &Connection, query: &RegisterQuery) -> Result<Page<Person>> {
    record::list(conn, query)
}

/// A person, also from the trash (their page says so).
pub fn get_person(conn: &Connection, id: &str) -> Result<Person> {
    record::get(conn, id)
}

pub fn create_person(conn: &Connection, input: &PersonInput) -> Result<Person> {
    record::create(conn, input)
}

pub fn update_person(conn: &Connection, id: &str, input: &PersonInput) -> Result<Person> {
    record::update(conn, id, input)
}

fn write(conn: &Connection, id: &str, input: &PersonInput) -> Result<()> {
    let transliteration = transliteration_of(&input.transliteration, &input.name_original, &input.name_latin);
    let search = person_search_text(&input.name_latin, &input.name_original, &transliteration);
    conn.prepare_cached(
        "INSERT INTO people (id, name_latin, name_original, transliteration, function_title, organisation_id, side,
            partnership_id, email, phone, address, languages, notes, search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
         ON CONFLICT (id) DO UPDATE SET name_latin = excluded.name_latin, name_original = excluded.name_original,
            transliteration = excluded.transliteration, function_title = excluded.function_title,
            organisation_id = excluded.organisation_id, side = excluded.side, partnership_id = excluded.partnership_id,
            email = excluded.email, phone = excluded.phone, address = excluded.address,
            languages = excluded.languages, notes = excluded.notes, search_text = excluded.search_text,
            updated_at = excluded.updated_at",
    )?
    .execute(params![
        id,
        input.name_latin.trim(),
        input.name_original.trim(),
        transliteration,
        input.function_title.trim(),
        input.organisation_id,
        input.side.unwrap_or(Side::Partner),
        input.partnership_id,
        input.email.trim(),
        input.phone.trim(),
        input.address.trim(),
        input.languages.trim(),
        input.notes,
        search,
        now()
    ])?;
    Ok(())
}

/// A person's page: their record, the trips they travelled with or hosted, the programme
/// items they took part in or hosted, and the agreements they signed.
pub fn person_record(conn: &Connection, id: &str) -> Result<PersonRecord> {
    let person = get_person(conn, id)?;
    let trips = conn
        .prepare_cached(
            "SELECT t.id, t.title, t.direction, t.start_date, t.end_date, m.role, m.function_title
             FROM members m JOIN trips t ON t.id = m.trip_id
             WHERE m.person_id = :person AND m.deleted_at IS NULL AND t.deleted_at IS NULL
             UNION
             SELECT DISTINCT t.id, t.title, t.direction, t.start_date, t.end_date, NULL, ''
             FROM item_hosts h JOIN programme_items i ON i.id = h.item_id JOIN trips t ON t.id = i.trip_id
             WHERE h.person_id = :person AND i.deleted_at IS NULL AND t.deleted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM members m
                   WHERE m.trip_id = t.id AND m.person_id = :person AND m.deleted_at IS NULL)
             ORDER BY 4 DESC, 1",
        )?
        .query_map(named_params! { ":person": id }, |row| {
            Ok(TripTakenPart {
                trip_id: row.get(0)?,
                title: row.get(1)?,
                direction: row.get(2)?,
                start_date: row.get(3)?,
                end_date: row.get(4)?,
                role: row.get(5)?,
                function_title: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let items = items_taken_part(
        conn,
        "SELECT i.id AS item_id, 0 AS rank FROM members m JOIN programme_items i ON i.trip_id = m.trip_id
         WHERE m.person_id = :person AND m.deleted_at IS NULL
           AND (i.everyone = 1 OR EXISTS (SELECT 1 FROM item_participants ip WHERE ip.item_id = i.id AND ip.member_id = m.id))
         UNION
         SELECT g.item_id, 1 FROM item_guests g WHERE g.person_id = :person
         UNION
         SELECT h.item_id, 2 FROM item_hosts h WHERE h.person_id = :person",
        id,
    )?;
    let agreements = conn
        .prepare_cached(
            "SELECT a.id, a.partnership_id, a.title, a.signed_on FROM agreement_signatories s
             JOIN agreements a ON a.id = s.agreement_id
             JOIN partnerships p ON p.id = a.partnership_id AND p.deleted_at IS NULL
             WHERE s.person_id = ?1 AND a.deleted_at IS NULL ORDER BY a.signed_on DESC, a.id",
        )?
        .query_map([id], |row| {
            Ok(SignedAgreement {
                agreement_id: row.get(0)?,
                partnership_id: row.get(1)?,
                title: row.get(2)?,
                signed_on: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PersonRecord { person, trips, items, agreements })
}

/// The items named by `selection` (columns `item_id` and `rank`: 0 took part, 1 attended,
/// 2 hosted; `:person` bound to `id`), newest first. An item reached more than one way is
/// listed once, by its highest rank.
pub(crate) fn items_taken_part(conn: &Connection, selection: &str, id: &str) -> Result<Vec<ItemTakenPart>> {
    let sql = format!(
        "SELECT i.id, i.trip_id, t.title, i.title, i.start_local, i.start_zone, i.start_utc,
            CASE max(chosen.rank) WHEN 2 THEN 'hosted' WHEN 1 THEN 'attended' ELSE 'took_part' END
         FROM ({selection}) AS chosen
         JOIN programme_items i ON i.id = chosen.item_id AND i.deleted_at IS NULL
         JOIN trips t ON t.id = i.trip_id AND t.deleted_at IS NULL
         GROUP BY i.id ORDER BY i.start_utc DESC, i.id"
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(named_params! { ":person": id }, |row| {
            Ok(ItemTakenPart {
                item_id: row.get(0)?,
                trip_id: row.get(1)?,
                trip_title: row.get(2)?,
                title: row.get(3)?,
                start: stored_time(row.get(4)?, row.get(5)?, row.get(6)?)?,
                part: row.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(items)
}

pub(crate) fn kind_of(conn: &Connection, id: &str) -> Result<Option<RegisterKind>> {
    if conn.prepare_cached("SELECT 1 FROM people WHERE id = ?1")?.exists([id])? {
        return Ok(Some(RegisterKind::Person));
    }
    if conn.prepare_cached("SELECT 1 FROM organisations WHERE id = ?1")?.exists([id])? {
        return Ok(Some(RegisterKind::Organisation));
    }
    Ok(None)
}
