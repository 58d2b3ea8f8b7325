//! Calendar files (RFC 5545) of a trip's programme, for the whole delegation or for one
//! member: every event in its own zone with a matching VTIMEZONE, UIDs that stay the same
//! across exports (calendar apps then update events instead of adding them twice), SEQUENCE
//! raised with every change, and removed items as cancelled events; the texts in the chosen
//! language, with the trip's second language beside them. Internal notes never leave the app.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus};
use rusqlite::{params, Connection};

use super::document::{Label, Wording};
use super::vtimezone::vtimezone;
use super::DocumentLanguage;
use crate::error::{Error, Result};
use crate::programme::{event_uid, list_items, ProgrammeItem};
use crate::trips::get_trip;
use crate::zoned;

/// What a calendar event shows of an item or of a removed one.
struct Entry {
    id: String,
    title: String,
    start: (String, String),
    end: (String, String),
    place: String,
    description: String,
    sequence: i64,
    stamp: String,
    cancelled: bool,
}

/// The calendar of a trip; with `member_id`, only the items that member takes part in.
pub fn trip_calendar(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<String> {
    let trip = get_trip(conn, trip_id)?;
    if let Some(member) = member_id {
        if crate::delegation::get_member(conn, member)?.member.trip_id != trip_id {
            return Err(Error::NotFound(format!("member {member} of trip {trip_id}")));
        }
    }
    let wording = Wording::of(language, trip.second_language);
    let takes_part =
        |item: &ProgrammeItem| member_id.is_none_or(|m| item.everyone || item.participant_ids.iter().any(|p| p == m));
    let mut entries: Vec<Entry> = list_items(conn, trip_id)?
        .into_iter()
        .filter(|item| takes_part(item))
        .map(|item| entry(item, wording))
        .collect();
    entries.extend(removed_entries(conn, trip_id, member_id)?);

    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Partnerdesk//Programm//DE"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .name(&one_line(wording.text(&trip.title, &trip.title_translation)));
    for entry in &entries {
        calendar.push(event(entry)?);
    }
    let mut zones: BTreeMap<String, (NaiveDate, NaiveDate)> = BTreeMap::new();
    for entry in &entries {
        for (local, zone) in [&entry.start, &entry.end] {
            let day = zoned::parse_local("local", local).map_err(|e| Error::Validation(vec![e]))?.date();
            let span = zones.entry(zone.clone()).or_insert((day, day));
            *span = (span.0.min(day), span.1.max(day));
        }
    }
    let mut timezones = String::new();
    for (zone, (first, last)) in zones {
        let tz: Tz = zoned::parse_zone("zone", &zone).map_err(|e| Error::Validation(vec![e]))?;
        timezones += &vtimezone(tz, first, last);
    }
    // The builder writes no VTIMEZONE; they go before the first event.
    let text = calendar.done().to_string();
    let at = text.find("BEGIN:VEVENT").or_else(|| text.find("END:VCALENDAR")).unwrap_or(text.len());
    Ok(format!("{}{timezones}{}", &text[..at], &text[at..]))
}

/// A text and its translation on one line: "Besuch bei Hydrogenway / 参观氢途科技".
fn one_line(label: Label) -> String {
    if label.second.is_empty() {
        label.text
    } else {
        format!("{} / {}", label.text, label.second)
    }
}

fn entry(item: ProgrammeItem, wording: Wording) -> Entry {
    let hosts_label = wording.label("Gastgeber", "Hosts", "接待方").text;
    let hosts: Vec<&str> = item.hosts.iter().map(|host| host.label.as_str()).collect();
    let notes = wording.text(&item.notes_participants, &item.notes_translation);
    let description = [
        if hosts.is_empty() { String::new() } else { format!("{hosts_label}: {}", hosts.join(", ")) },
        notes.text,
        notes.second,
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join("\n\n");
    Entry {
        place: [
            one_line(wording.text(&item.place, &item.place_translation)),
            one_line(wording.text(&item.address, &item.address_translation)),
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", "),
        title: one_line(wording.text(&item.title, &item.title_translation)),
        id: item.id,
        start: (item.start.local, item.start.zone),
        end: (item.end.local, item.end.zone),
        description,
        sequence: item.sequence,
        stamp: item.updated_at,
        cancelled: false,
    }
}

fn removed_entries(conn: &Connection, trip_id: &str, member_id: Option<&str>) -> Result<Vec<Entry>> {
    let entries = conn
        .prepare_cached(
            "SELECT id, title, start_local, start_zone, end_local, end_zone, sequence, removed_at FROM removed_items
             WHERE trip_id = ?1
               AND (?2 IS NULL OR everyone = 1 OR EXISTS (SELECT 1 FROM json_each(member_ids) WHERE value = ?2))
             ORDER BY start_utc, id",
        )?
        .query_map(params![trip_id, member_id], |row| {
            Ok(Entry {
                id: row.get(0)?,
                title: row.get(1)?,
                start: (row.get(2)?, row.get(3)?),
                end: (row.get(4)?, row.get(5)?),
                place: String::new(),
                description: String::new(),
                sequence: row.get(6)?,
                stamp: row.get(7)?,
                cancelled: true,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(entries)
}

fn zoned_time((local, zone): &(String, String)) -> Result<CalendarDateTime> {
    let date_time = zoned::parse_local("local", local).map_err(|e| Error::Validation(vec![e]))?;
    Ok(CalendarDateTime::WithTimezone { date_time, tzid: zone.clone() })
}

fn event(entry: &Entry) -> Result<Event> {
    let mut event = Event::new();
    event
        .uid(&event_uid(&entry.id))
        .sequence(u32::try_from(entry.sequence).unwrap_or(u32::MAX))
        .summary(&entry.title)
        .starts(zoned_time(&entry.start)?)
        .ends(zoned_time(&entry.end)?)
        .status(if entry.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
    if let Some(stamp) = zoned::parse_utc(&entry.stamp) {
        event.timestamp(stamp);
    }
    if !entry.place.is_empty() {
        event.location(&entry.place);
    }
    if !entry.description.is_empty() {
        event.description(&entry.description);
    }
    Ok(event.done())
}
