//! The day-by-day programme of a trip: items that start and end in their own IANA zones,
//! who takes part, and the day list read in local time with home time beside it.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::links::{
    check_hosts, hosts_of_item, hosts_of_trip, linked_of_item, linked_of_trip, set_hosts, set_linked, ItemRegisterLink,
};
use crate::contacts::RegisterEntry;
use crate::delegation::{list_members, Member};
use crate::error::{Error, Problems, Result};
use crate::settings::get_settings;
use crate::store::{atomically, new_id, now};
use crate::trips::{get_trip, Trip};
use crate::vocabulary::{untranslated, RegisterRef, TranslatedField};
use crate::zoned::{self, stored_time, Fold, ZonedTime};

pub mod conflicts;
pub mod trash;

use conflicts::{find_conflicts, Warning};

crate::text_enum! {
    pub enum ItemKind {
        Meeting => "meeting",
        Visit => "visit",
        Reception => "reception",
        Ceremony => "ceremony",
        Meal => "meal",
        Transfer => "transfer",
        Flight => "flight",
        Hotel => "hotel",
        FreeTime => "free_time",
        Other => "other",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProgrammeItem {
    pub id: String,
    pub trip_id: String,
    pub kind: ItemKind,
    pub title: String,
    pub start: ZonedTime,
    pub end: ZonedTime,
    pub place: String,
    pub address: String,
    /// Hosts from the register, in the order they are named.
    pub hosts: Vec<RegisterEntry>,
    /// Guests beyond the delegation and the hosts: the firms and people at a symposium or
    /// reception, on either side (`set_guests`).
    pub guests: Vec<RegisterEntry>,
    /// Everyone in the delegation takes part; otherwise only `participant_ids`.
    pub everyone: bool,
    pub participant_ids: Vec<String>,
    pub notes_participants: String,
    /// Never exported.
    pub notes_internal: String,
    /// The texts in the trip's second language (`Trip::second_language`), empty where missing.
    pub title_translation: String,
    pub place_translation: String,
    pub address_translation: String,
    pub notes_translation: String,
    /// How many outcomes (points agreed) are recorded for the item.
    pub outcome_count: i64,
    /// Raised with every change, for calendar apps that imported the item.
    pub sequence: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// What the item form sends: local wall times in their zones, plus the user's choice where a
/// local time occurs twice.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ItemInput {
    pub kind: ItemKind,
    pub title: String,
    pub start_local: String,
    pub start_zone: String,
    #[serde(default)]
    pub start_fold: Option<Fold>,
    pub end_local: String,
    pub end_zone: String,
    #[serde(default)]
    pub end_fold: Option<Fold>,
    pub place: String,
    pub address: String,
    /// People and organisations from the register who host the item.
    pub hosts: Vec<RegisterRef>,
    pub everyone: bool,
    pub participant_ids: Vec<String>,
    pub notes_participants: String,
    pub notes_internal: String,
    #[serde(default)]
    pub title_translation: String,
    #[serde(default)]
    pub place_translation: String,
    #[serde(default)]
    pub address_translation: String,
    #[serde(default)]
    pub notes_translation: String,
}

impl ItemInput {
    /// An item for the whole delegation, from local start and end times in their zones.
    pub fn new(kind: ItemKind, title: &str, start: (&str, &str), end: (&str, &str)) -> Self {
        ItemInput {
            kind,
            title: title.into(),
            start_local: start.0.into(),
            start_zone: start.1.into(),
            start_fold: None,
            end_local: end.0.into(),
            end_zone: end.1.into(),
            end_fold: None,
            place: String::new(),
            address: String::new(),
            hosts: Vec::new(),
            everyone: true,
            participant_ids: Vec::new(),
            notes_participants: String::new(),
            notes_internal: String::new(),
            title_translation: String::new(),
            place_translation: String::new(),
            address_translation: String::new(),
            notes_translation: String::new(),
        }
    }
}

impl ProgrammeItem {
    /// Each text that has a version in the trip's second language, with that version.
    pub fn translated_texts(&self) -> [(TranslatedField, &str, &str); 4] {
        [
            (TranslatedField::Title, &self.title, &self.title_translation),
            (TranslatedField::Place, &self.place, &self.place_translation),
            (TranslatedField::Address, &self.address, &self.address_translation),
            (TranslatedField::Notes, &self.notes_participants, &self.notes_translation),
        ]
    }

    /// The texts that have no version in the trip's second language yet.
    pub fn untranslated(&self) -> Vec<TranslatedField> {
        untranslated(self.translated_texts())
    }
}

/// One item as the day list shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ItemView {
    pub item: ProgrammeItem,
    /// Start and end in the office's zone, present only where they read differently.
    pub home_start: Option<ZonedTime>,
    pub home_end: Option<ZonedTime>,
    pub outside_trip: bool,
    /// The texts without their translation, where the trip has a second language.
    pub untranslated: Vec<TranslatedField>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgrammeDay {
    pub date: NaiveDate,
    pub items: Vec<ItemView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProgrammeView {
    pub trip: Trip,
    pub home_zone: String,
    /// One entry per day of the trip, in order, each with the items starting that (local) day.
    pub days: Vec<ProgrammeDay>,
    /// Items starting before the first or after the last day of the trip.
    pub outside: Vec<ItemView>,
    pub warnings: Vec<Warning>,
}

const SELECT_ITEM: &str = "SELECT id, trip_id, kind, title, start_local, start_zone, start_utc, end_local, end_zone,
        end_utc, place, address, everyone, notes_participants, notes_internal, created_at, updated_at,
        (SELECT count(*) FROM outcomes o WHERE o.item_id = programme_items.id AND o.deleted_at IS NULL), sequence,
        title_translation, place_translation, address_translation, notes_translation
    FROM programme_items";

/// The UID of an item's event: its ID, which never changes.
pub fn event_uid(item_id: &str) -> String {
    format!("{item_id}@partnerdesk")
}

fn from_row(row: &Row) -> rusqlite::Result<ProgrammeItem> {
    Ok(ProgrammeItem {
        id: row.get(0)?,
        trip_id: row.get(1)?,
        kind: row.get(2)?,
        title: row.get(3)?,
        start: stored_time(row.get(4)?, row.get(5)?, row.get(6)?)?,
        end: stored_time(row.get(7)?, row.get(8)?, row.get(9)?)?,
        place: row.get(10)?,
        address: row.get(11)?,
        hosts: Vec::new(),
        guests: Vec::new(),
        everyone: row.get(12)?,
        participant_ids: Vec::new(),
        notes_participants: row.get(13)?,
        notes_internal: row.get(14)?,
        title_translation: row.get(19)?,
        place_translation: row.get(20)?,
        address_translation: row.get(21)?,
        notes_translation: row.get(22)?,
        outcome_count: row.get(17)?,
        sequence: row.get(18)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
    })
}

struct ValidItem {
    start: DateTime<Tz>,
    end: DateTime<Tz>,
}

fn validate(conn: &Connection, trip_id: &str, input: &ItemInput) -> Result<ValidItem> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "programme_items",
        &[
            ("title", &input.title),
            ("place", &input.place),
            ("address", &input.address),
            ("notes_participants", &input.notes_participants),
            ("notes_internal", &input.notes_internal),
            ("title_translation", &input.title_translation),
            ("place_translation", &input.place_translation),
            ("address_translation", &input.address_translation),
            ("notes_translation", &input.notes_translation),
        ],
    );
    if input.title.trim().is_empty() {
        problems.push("title", "required", "a title is required");
    }
    let mut instant = |local_field: &str, zone_field: &str, local: &str, zone: &str, fold: Option<Fold>| {
        let tz = zoned::parse_zone(zone_field, zone).map_err(|e| problems.add(e)).ok();
        let local = zoned::parse_local(local_field, local).map_err(|e| problems.add(e)).ok();
        match (local, tz) {
            (Some(local), Some(tz)) => zoned::resolve(local_field, local, tz, fold).map_err(|e| problems.add(e)).ok(),
            _ => None,
        }
    };
    let start = instant("start_local", "start_zone", &input.start_local, &input.start_zone, input.start_fold);
    let end = instant("end_local", "end_zone", &input.end_local, &input.end_zone, input.end_fold);
    if !input.everyone {
        let members: HashSet<String> = list_members(conn, trip_id)?.into_iter().map(|m| m.id).collect();
        if let Some(stranger) = input.participant_ids.iter().find(|id| !members.contains(*id)) {
            problems.push(
                "participant_ids",
                "unknown_member",
                format!("{stranger} is not a member of this delegation"),
            );
        }
    }
    if let Some(problem) = check_hosts(conn, &input.hosts)? {
        problems.add(problem);
    }
    problems.into_result()?;
    match (start, end) {
        (Some(start), Some(end)) => Ok(ValidItem { start, end }),
        _ => unreachable!("problems were reported above"),
    }
}

fn write_participants(tx: &Connection, item_id: &str, input: &ItemInput) -> Result<()> {
    // Members in the trash keep their place, so that restoring one brings it back.
    tx.execute(
        "DELETE FROM item_participants
         WHERE item_id = ?1 AND member_id NOT IN (SELECT id FROM members WHERE deleted_at IS NOT NULL)",
        [item_id],
    )?;
    if !input.everyone {
        let mut insert =
            tx.prepare_cached("INSERT OR IGNORE INTO item_participants (item_id, member_id) VALUES (?1, ?2)")?;
        for member_id in &input.participant_ids {
            insert.execute(params![item_id, member_id])?;
        }
    }
    Ok(())
}

/// Writes an item and its participants: inserts a new ID, updates an existing one.
fn save_item(
    conn: &Connection,
    id: &str,
    trip_id: &str,
    input: &ItemInput,
    start: &ZonedTime,
    end: &ZonedTime,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO programme_items (id, trip_id, kind, title, start_local, start_zone, start_utc, end_local,
            end_zone, end_utc, place, address, everyone, notes_participants, notes_internal, created_at, updated_at,
            title_translation, place_translation, address_translation, notes_translation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, ?19, ?20)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title,
            start_local = excluded.start_local, start_zone = excluded.start_zone, start_utc = excluded.start_utc,
            end_local = excluded.end_local, end_zone = excluded.end_zone, end_utc = excluded.end_utc,
            place = excluded.place, address = excluded.address, everyone = excluded.everyone,
            notes_participants = excluded.notes_participants, notes_internal = excluded.notes_internal,
            title_translation = excluded.title_translation, place_translation = excluded.place_translation,
            address_translation = excluded.address_translation, notes_translation = excluded.notes_translation,
            sequence = sequence + 1, updated_at = excluded.updated_at",
    )?
    .execute(params![
        id,
        trip_id,
        input.kind,
        input.title.trim(),
        start.local,
        start.zone,
        start.utc,
        end.local,
        end.zone,
        end.utc,
        input.place.trim(),
        input.address.trim(),
        input.everyone,
        input.notes_participants,
        input.notes_internal,
        now(),
        input.title_translation.trim(),
        input.place_translation.trim(),
        input.address_translation.trim(),
        input.notes_translation.trim(),
    ])?;
    set_hosts(conn, id, &input.hosts)?;
    write_participants(conn, id, input)
}

pub fn add_item(conn: &Connection, trip_id: &str, input: &ItemInput) -> Result<ProgrammeItem> {
    get_trip(conn, trip_id)?;
    let held: i64 = conn
        .prepare_cached("SELECT count(*) FROM programme_items WHERE trip_id = ?1 AND deleted_at IS NULL")?
        .query_row([trip_id], |row| row.get(0))?;
    crate::limits::check_count("trip_id", "too_many_items", held, crate::limits::ITEMS_PER_TRIP, "programme items")?;
    let valid = validate(conn, trip_id, input)?;
    let id = new_id();
    atomically(conn, |tx| {
        save_item(tx, &id, trip_id, input, &zoned::describe(valid.start), &zoned::describe(valid.end))
    })?;
    get_item(conn, &id)
}

pub fn update_item(conn: &Connection, id: &str, input: &ItemInput) -> Result<ProgrammeItem> {
    let trip_id = get_item(conn, id)?.trip_id;
    let valid = validate(conn, &trip_id, input)?;
    atomically(conn, |tx| {
        save_item(tx, id, &trip_id, input, &zoned::describe(valid.start), &zoned::describe(valid.end))
    })?;
    get_item(conn, id)
}

pub fn get_item(conn: &Connection, id: &str) -> Result<ProgrammeItem> {
    read_item(conn, id, "deleted_at IS NULL")?.ok_or_else(|| Error::NotFound(format!("programme item {id}")))
}

/// Names the guests of an item beyond the delegation and its hosts, in their order.
pub fn set_guests(conn: &Connection, id: &str, guests: &[RegisterRef]) -> Result<ProgrammeItem> {
    get_item(conn, id)?;
    if let Some(mut problem) = check_hosts(conn, guests)? {
        problem.field = "guests".into();
        problem.code = "unknown_guest".into();
        return Err(Error::Validation(vec![problem]));
    }
    atomically(conn, |tx| {
        set_linked(tx, ItemRegisterLink::Guests, id, guests)?;
        tx.execute("UPDATE programme_items SET updated_at = ?2 WHERE id = ?1", rusqlite::params![id, now()])?;
        Ok(())
    })?;
    get_item(conn, id)
}

/// The item `id`, also from the trash.
pub fn find_item(conn: &Connection, id: &str) -> Result<Option<ProgrammeItem>> {
    read_item(conn, id, "1")
}

fn read_item(conn: &Connection, id: &str, state: &str) -> Result<Option<ProgrammeItem>> {
    let Some(mut item) = conn
        .prepare_cached(&format!("{SELECT_ITEM} WHERE id = ?1 AND {state}"))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    item.participant_ids = conn
        .prepare_cached(
            "SELECT p.member_id FROM item_participants p JOIN members m ON m.id = p.member_id
             WHERE p.item_id = ?1 AND m.deleted_at IS NULL ORDER BY m.precedence, m.id",
        )?
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    item.hosts = hosts_of_item(conn, id)?;
    item.guests = linked_of_item(conn, ItemRegisterLink::Guests, id)?;
    Ok(Some(item))
}

/// Every item of a trip in order of its start instant, with participants.
pub fn list_items(conn: &Connection, trip_id: &str) -> Result<Vec<ProgrammeItem>> {
    get_trip(conn, trip_id)?;
    let mut items = conn
        .prepare_cached(&format!(
            "{SELECT_ITEM} WHERE trip_id = ?1 AND deleted_at IS NULL ORDER BY start_utc, end_utc, id"
        ))?
        .query_map([trip_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut participants: HashMap<String, Vec<String>> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT p.item_id, p.member_id FROM item_participants p
         JOIN programme_items i ON i.id = p.item_id JOIN members m ON m.id = p.member_id
         WHERE i.trip_id = ?1 AND i.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY m.precedence, m.id",
    )?;
    let rows = statement.query_map([trip_id], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
    for row in rows {
        let (item_id, member_id) = row?;
        participants.entry(item_id).or_default().push(member_id);
    }
    let mut hosts = hosts_of_trip(conn, trip_id)?;
    let mut guests = linked_of_trip(conn, ItemRegisterLink::Guests, trip_id)?;
    for item in &mut items {
        item.participant_ids = participants.remove(&item.id).unwrap_or_default();
        item.hosts = hosts.remove(&item.id).unwrap_or_default();
        item.guests = guests.remove(&item.id).unwrap_or_default();
    }
    Ok(items)
}

/// The programme as the day list shows it, with home time and warnings.
pub fn programme_view(conn: &Connection, trip_id: &str) -> Result<ProgrammeView> {
    let trip = get_trip(conn, trip_id)?;
    let settings = get_settings(conn)?;
    let home: Tz = settings.home_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
    let items = list_items(conn, trip_id)?;
    let members: Vec<Member> = list_members(conn, trip_id)?;
    let warnings = find_conflicts(&trip, &items, &members, settings.min_transfer_minutes);

    let mut days: Vec<ProgrammeDay> = trip
        .start_date
        .iter_days()
        .take_while(|date| *date <= trip.end_date)
        .map(|date| ProgrammeDay { date, items: Vec::new() })
        .collect();
    let mut outside = Vec::new();
    for item in items {
        let view = view_of(&trip, item, home);
        let start_date = local_date(&view.item.start);
        match days.iter_mut().find(|day| day.date == start_date) {
            Some(day) if !view.outside_trip => day.items.push(view),
            _ => outside.push(view),
        }
    }
    Ok(ProgrammeView { trip, home_zone: home.name().to_string(), days, outside, warnings })
}

fn local_date(time: &ZonedTime) -> NaiveDate {
    NaiveDate::parse_from_str(&time.local[..10], "%Y-%m-%d").unwrap_or_default()
}

/// Items are placed on the local day they start; a flight landing the next day is fine.
pub(crate) fn is_outside_trip(trip: &Trip, item: &ProgrammeItem) -> bool {
    let start = local_date(&item.start);
    start < trip.start_date || start > trip.end_date
}

fn home_time(time: &ZonedTime, home: Tz) -> Option<ZonedTime> {
    let instant: DateTime<Utc> = zoned::parse_utc(&time.utc)?;
    let at_home = zoned::in_zone(instant, home);
    (at_home.local != time.local).then_some(at_home)
}

fn view_of(trip: &Trip, item: ProgrammeItem, home: Tz) -> ItemView {
    ItemView {
        home_start: home_time(&item.start, home),
        home_end: home_time(&item.end, home),
        outside_trip: is_outside_trip(trip, &item),
        untranslated: if trip.second_language.is_some() { item.untranslated() } else { Vec::new() },
        item,
    }
}

/// Copies a trip's programme to another trip, `shift` later in local wall time. Participants
/// follow the members they were mapped to; without the delegation, items become "everyone".
pub(crate) fn copy_items(
    tx: &Connection,
    from_trip: &str,
    to_trip: &str,
    shift: Duration,
    member_ids: &HashMap<String, String>,
) -> Result<()> {
    for item in list_items(tx, from_trip)? {
        let (start, end) = (shifted(&item.start, shift)?, shifted(&item.end, shift)?);
        let participant_ids: Vec<String> =
            item.participant_ids.iter().filter_map(|id| member_ids.get(id).cloned()).collect();
        let copy = ItemInput {
            kind: item.kind,
            title: item.title,
            start_local: start.local.clone(),
            start_zone: start.zone.clone(),
            start_fold: None,
            end_local: end.local.clone(),
            end_zone: end.zone.clone(),
            end_fold: None,
            place: item.place,
            address: item.address,
            hosts: item.hosts.into_iter().map(|host| RegisterRef { kind: host.kind, id: host.id }).collect(),
            everyone: item.everyone || participant_ids.is_empty(),
            participant_ids,
            notes_participants: item.notes_participants,
            notes_internal: item.notes_internal,
            title_translation: item.title_translation,
            place_translation: item.place_translation,
            address_translation: item.address_translation,
            notes_translation: item.notes_translation,
        };
        save_item(tx, &new_id(), to_trip, &copy, &start, &end)?;
    }
    Ok(())
}

fn shifted(time: &ZonedTime, shift: Duration) -> Result<ZonedTime> {
    let tz = zoned::parse_zone("zone", &time.zone).map_err(|e| Error::Validation(vec![e]))?;
    let local = zoned::parse_local("local", &time.local).map_err(|e| Error::Validation(vec![e]))?;
    Ok(zoned::describe(zoned::resolve_leniently(local + shift, tz)))
}

#[cfg(test)]
mod tests;
