//! Delegation trips: what they are, how they are stored, listed, duplicated ("the same
//! programme next year") and moved to and from the trash.

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::checklists::templates::give_checklist;
use crate::error::{Error, Problems, Result};
use crate::partnerships::themes::{first_unknown, set_trip_themes, themes_of_trip, ThemeArea};
use crate::store::paging::{read_page, Page, PageRequest, PageSql};
use crate::store::{atomically, new_id, now};
use crate::vocabulary::{Direction, RecordLink, SecondLanguage};
use crate::zoned;

pub mod trash;

crate::text_enum! {
    pub enum TripStatus {
        Idea => "idea",
        Planning => "planning",
        Confirmed => "confirmed",
        Done => "done",
        Cancelled => "cancelled",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Trip {
    pub id: String,
    pub title: String,
    pub direction: Direction,
    pub partner_place: String,
    pub partner_country: String,
    /// IANA zone of the partner place (outgoing) or of home (incoming): the programme's default.
    pub time_zone: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub purpose: String,
    /// The partner's language, in which the trip's and its items' texts get a version of their
    /// own for the guests and hosts; none where everyone reads the office's language.
    pub second_language: Option<SecondLanguage>,
    pub title_translation: String,
    pub purpose_translation: String,
    pub status: TripStatus,
    pub notes: String,
    /// The partnership the trip serves, if linked.
    pub partnership_id: Option<String>,
    /// "Stadt Düren – Jinhua", for lists.
    pub partnership_label: Option<String>,
    /// The further partnerships the trip serves: a delegation visiting several partners.
    pub further_partnerships: Vec<RecordLink>,
    /// The theme areas the trip serves.
    pub themes: Vec<ThemeArea>,
    pub member_count: i64,
    pub item_count: i64,
    /// Preparation checklist progress: steps ticked of all steps.
    pub checklist_done: i64,
    pub checklist_total: i64,
    /// The version of the preparation template the checklist was drawn from.
    pub checklist_version: Option<i64>,
    /// Set while the trip is in the trash.
    pub deleted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// What the trip form sends. Dates travel as text so that a bad one gets a field message.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TripInput {
    pub title: String,
    pub direction: Direction,
    pub partner_place: String,
    pub partner_country: String,
    pub time_zone: String,
    pub start_date: String,
    pub end_date: String,
    pub purpose: String,
    #[serde(default)]
    pub second_language: Option<SecondLanguage>,
    #[serde(default)]
    pub title_translation: String,
    #[serde(default)]
    pub purpose_translation: String,
    pub status: TripStatus,
    pub notes: String,
    #[serde(default)]
    pub partnership_id: Option<String>,
    /// Further partnerships the trip serves, in the order shown.
    #[serde(default)]
    pub further_partnership_ids: Vec<String>,
    #[serde(default)]
    pub theme_ids: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct TripQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub status: Option<TripStatus>,
    #[serde(default)]
    pub direction: Option<Direction>,
    /// Only the trips that serve this partnership, first or further.
    #[serde(default)]
    pub partnership_id: Option<String>,
    /// Which page of the list.
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

const SELECT_TRIP: &str = "SELECT t.id, t.title, t.direction, t.partner_place, t.partner_country, t.time_zone,
        t.start_date, t.end_date, t.purpose, t.status, t.notes, t.partnership_id,
        (SELECT p.our_side || ' – ' || p.partner_place FROM partnerships p
            WHERE p.id = t.partnership_id AND p.deleted_at IS NULL),
        (SELECT count(*) FROM members m WHERE m.trip_id = t.id AND m.deleted_at IS NULL),
        (SELECT count(*) FROM programme_items i WHERE i.trip_id = t.id AND i.deleted_at IS NULL),
        (SELECT count(*) FROM checklist_steps s
            WHERE s.trip_id = t.id AND s.done_at IS NOT NULL AND s.deleted_at IS NULL),
        (SELECT count(*) FROM checklist_steps s WHERE s.trip_id = t.id AND s.deleted_at IS NULL),
        t.deleted_at, t.created_at, t.updated_at, t.checklist_version,
        t.second_language, t.title_translation, t.purpose_translation
    FROM trips t";

fn from_row(row: &Row) -> rusqlite::Result<Trip> {
    Ok(Trip {
        id: row.get(0)?,
        title: row.get(1)?,
        direction: row.get(2)?,
        partner_place: row.get(3)?,
        partner_country: row.get(4)?,
        time_zone: row.get(5)?,
        start_date: row.get(6)?,
        end_date: row.get(7)?,
        purpose: row.get(8)?,
        second_language: row.get(21)?,
        title_translation: row.get(22)?,
        purpose_translation: row.get(23)?,
        status: row.get(9)?,
        notes: row.get(10)?,
        partnership_id: row.get(11)?,
        partnership_label: row.get(12)?,
        further_partnerships: Vec::new(),
        themes: Vec::new(),
        member_count: row.get(13)?,
        item_count: row.get(14)?,
        checklist_done: row.get(15)?,
        checklist_total: row.get(16)?,
        deleted_at: row.get(17)?,
        created_at: row.get(18)?,
        updated_at: row.get(19)?,
        checklist_version: row.get(20)?,
    })
}

struct ValidTrip {
    start: NaiveDate,
    end: NaiveDate,
}

fn validate(conn: &Connection, input: &TripInput) -> Result<ValidTrip> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "trips",
        &[
            ("title", &input.title),
            ("partner_place", &input.partner_place),
            ("partner_country", &input.partner_country),
            ("purpose", &input.purpose),
            ("title_translation", &input.title_translation),
            ("purpose_translation", &input.purpose_translation),
            ("notes", &input.notes),
        ],
    );
    if let Some(partnership) = &input.partnership_id {
        if !crate::partnerships::partnership_exists(conn, partnership)? {
            problems.push("partnership_id", "unknown_partnership", format!("{partnership} is not in the register"));
        }
    }
    for (position, further) in input.further_partnership_ids.iter().enumerate() {
        if input.partnership_id.as_ref() == Some(further) || input.further_partnership_ids[..position].contains(further)
        {
            problems.push("further_partnership_ids", "twice", format!("{further} is named twice"));
        } else if !crate::partnerships::partnership_exists(conn, further)? {
            problems.push(
                "further_partnership_ids",
                "unknown_partnership",
                format!("{further} is not in the register"),
            );
        }
    }
    if let Some(unknown) = first_unknown(conn, &input.theme_ids)? {
        problems.push("theme_ids", "unknown_theme", format!("{unknown} is not a theme area"));
    }
    if input.title.trim().is_empty() {
        problems.push("title", "required", "a title is required");
    }
    if let Err(error) = zoned::parse_zone("time_zone", &input.time_zone) {
        problems.add(error);
    }
    let start = zoned::parse_date("start_date", &input.start_date).map_err(|e| problems.add(e)).ok();
    let end = zoned::parse_date("end_date", &input.end_date).map_err(|e| problems.add(e)).ok();
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            problems.push("end_date", "end_before_start", "the trip ends before it starts");
        }
    }
    problems.into_result()?;
    Ok(ValidTrip { start: start.unwrap_or_default(), end: end.unwrap_or_default() })
}

pub fn create_trip(conn: &Connection, input: &TripInput) -> Result<Trip> {
    let valid = validate(conn, input)?;
    let id = new_id();
    atomically(conn, |conn| {
        conn.execute(
            "INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date,
                end_date, purpose, status, notes, partnership_id, created_at, updated_at, second_language,
                title_translation, purpose_translation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16)",
            trip_params(&id, input, &valid, &now()),
        )?;
        set_trip_themes(conn, &id, &input.theme_ids)?;
        set_further_partnerships(conn, &id, &input.further_partnership_ids)?;
        give_checklist(conn, &id, input.direction)
    })?;
    get_trip(conn, &id)
}

pub fn update_trip(conn: &Connection, id: &str, input: &TripInput) -> Result<Trip> {
    let valid = validate(conn, input)?;
    let changed = atomically(conn, |conn| {
        let changed = conn.execute(
            "UPDATE trips SET title = ?2, direction = ?3, partner_place = ?4, partner_country = ?5, time_zone = ?6,
                start_date = ?7, end_date = ?8, purpose = ?9, status = ?10, notes = ?11, partnership_id = ?12,
                updated_at = ?13, second_language = ?14, title_translation = ?15, purpose_translation = ?16
             WHERE id = ?1 AND deleted_at IS NULL",
            trip_params(id, input, &valid, &now()),
        )?;
        if changed > 0 {
            set_trip_themes(conn, id, &input.theme_ids)?;
            set_further_partnerships(conn, id, &input.further_partnership_ids)?;
        }
        Ok(changed)
    })?;
    if changed == 0 {
        return Err(Error::NotFound(format!("trip {id}")));
    }
    get_trip(conn, id)
}

/// The columns both saving statements bind, in the order `?1`…`?16`.
fn trip_params<'a>(
    id: &'a str,
    input: &'a TripInput,
    valid: &'a ValidTrip,
    stamp: &'a str,
) -> impl rusqlite::Params + 'a {
    (
        id,
        input.title.trim(),
        input.direction,
        input.partner_place.trim(),
        input.partner_country.trim(),
        input.time_zone.trim(),
        valid.start,
        valid.end,
        input.purpose.trim(),
        input.status,
        input.notes.as_str(),
        input.partnership_id.as_deref(),
        stamp,
        input.second_language,
        input.title_translation.trim(),
        input.purpose_translation.trim(),
    )
}

pub fn get_trip(conn: &Connection, id: &str) -> Result<Trip> {
    match find_trip(conn, id)? {
        Some(trip) if trip.deleted_at.is_none() => Ok(trip),
        _ => Err(Error::NotFound(format!("trip {id}"))),
    }
}

/// The trip `id`, also from the trash, if there is one.
pub(crate) fn find_trip(conn: &Connection, id: &str) -> Result<Option<Trip>> {
    let trip = conn.prepare_cached(&format!("{SELECT_TRIP} WHERE t.id = ?1"))?.query_row([id], from_row).optional()?;
    trip.map(|trip| with_links(conn, trip)).transpose()
}

fn with_links(conn: &Connection, mut trip: Trip) -> Result<Trip> {
    trip.themes = themes_of_trip(conn, &trip.id)?;
    trip.further_partnerships = conn
        .prepare_cached(
            "SELECT p.id, p.our_side || ' – ' || p.partner_place FROM trip_partnerships l
             JOIN partnerships p ON p.id = l.partnership_id
             WHERE l.trip_id = ?1 AND p.deleted_at IS NULL ORDER BY l.position",
        )?
        .query_map([&trip.id], |row| Ok(RecordLink { id: row.get(0)?, label: row.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(trip)
}

pub(crate) fn set_further_partnerships(conn: &Connection, trip_id: &str, partnership_ids: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM trip_partnerships WHERE trip_id = ?1")?.execute([trip_id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO trip_partnerships (trip_id, partnership_id, position) VALUES (?1, ?2, ?3)")?;
    for (position, partnership_id) in partnership_ids.iter().enumerate() {
        insert.execute(params![trip_id, partnership_id, position as i64])?;
    }
    Ok(())
}

pub fn list_trips(conn: &Connection, query: &TripQuery) -> Result<Page<Trip>> {
    let pattern = crate::store::like_pattern(&query.search);
    let sql = PageSql {
        select: SELECT_TRIP,
        from: "trips t",
        filter: "t.deleted_at IS NULL
            AND (:pattern = '%%' OR t.title LIKE :pattern ESCAPE '\\' OR t.partner_place LIKE :pattern ESCAPE '\\'
                 OR t.partner_country LIKE :pattern ESCAPE '\\' OR t.purpose LIKE :pattern ESCAPE '\\')
            AND (:status IS NULL OR t.status = :status)
            AND (:direction IS NULL OR t.direction = :direction)
            AND (:partnership IS NULL OR t.partnership_id = :partnership
                 OR t.id IN (SELECT trip_id FROM trip_partnerships WHERE partnership_id = :partnership))",
        order: "t.start_date DESC, t.id",
    };
    let params = named_params! {
        ":pattern": pattern,
        ":status": query.status,
        ":direction": query.direction,
        ":partnership": query.partnership_id,
    };
    let mut page = read_page(conn, &sql, params, query.page, from_row)?;
    page.items = page.items.into_iter().map(|trip| with_links(conn, trip)).collect::<Result<_>>()?;
    Ok(page)
}

#[cfg(test)]
pub(crate) mod tests;
