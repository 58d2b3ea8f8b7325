//! Programme items from calendar files (.ics): flight and hotel bookings, a partner's
//! programme, our own exports. Each event keeps its own zone; zones named the Windows way, as
//! Outlook writes them ("W. Europe Standard Time"), are read through CLDR's table. An event
//! imported before (same UID) is updated rather than added twice; a cancelled one leaves the
//! programme.

use chrono::{DateTime, LocalResult, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, EventStatus};
use rusqlite::{params, Connection, OptionalExtension};

use super::{ImportOptions, ImportReport, PreviewAction, RecordKind};
use crate::error::{Error, Result};
use crate::programme::trash::remove_item;
use crate::programme::{add_item, get_item, update_item, ItemInput, ItemKind, ProgrammeItem};
use crate::trips::{get_trip, Trip};
use crate::vocabulary::RegisterRef;
use crate::zoned::{self, Fold};

/// An event as the programme will hold it.
struct IncomingEvent {
    uid: String,
    cancelled: bool,
    kind: ItemKind,
    title: String,
    start: Zoned,
    end: Zoned,
    place: String,
    notes: String,
}

/// A local time in its zone, with the repeated hour already decided.
struct Zoned {
    local: NaiveDateTime,
    zone: Tz,
    fold: Option<Fold>,
}

pub fn import_calendar(
    conn: &Connection,
    bytes: &[u8],
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let trip_id = options.trip_id.as_deref().ok_or_else(|| {
        Error::field("trip_id", "trip_required", "choose the trip whose programme the calendar's events go into")
    })?;
    let trip = get_trip(conn, trip_id)?;
    let trip_zone = zoned::parse_zone("time_zone", &trip.time_zone).map_err(|e| Error::Validation(vec![e]))?;
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::field("file", "calendar_not_utf8", "the calendar file is not UTF-8 text, as calendar files must be")
    })?;
    let text = text.trim_start_matches('\u{feff}');
    if !text.to_ascii_uppercase().contains("END:VCALENDAR") {
        return Err(Error::field(
            "file",
            "calendar_truncated",
            "the calendar file is incomplete: it ends before END:VCALENDAR",
        ));
    }
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).map_err(|_| {
        Error::field(
            "file",
            "calendar_unreadable",
            "the calendar file is damaged: its lines do not follow the iCalendar format",
        )
    })?;
    let calendar: icalendar::Calendar = parsed.into();
    let event_lines = event_start_lines(text);
    let events: Vec<&Event> = calendar
        .components
        .iter()
        .filter_map(|component| match component {
            CalendarComponent::Event(event) => Some(event),
            _ => None,
        })
        .collect();
    if events.is_empty() {
        return Err(Error::field("file", "calendar_empty", "the calendar file holds no events"));
    }
    for (index, event) in events.into_iter().enumerate() {
        let line = event_lines.get(index).copied();
        match read_event(event, trip_zone) {
            Ok(incoming) => apply_event(conn, &trip, incoming, line, report)?,
            Err(problem) => report.problem(line, problem.field, problem.code, &problem.value, problem.message),
        }
    }
    Ok(())
}

/// The line (1-based, in the file as written) on which each event begins.
fn event_start_lines(text: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.trim().eq_ignore_ascii_case("BEGIN:VEVENT"))
        .map(|(index, _)| index as u32 + 1)
        .collect()
}

/// What is wrong with one event.
struct EventProblem {
    field: &'static str,
    code: &'static str,
    value: String,
    message: String,
}

fn read_event(event: &Event, trip_zone: Tz) -> std::result::Result<IncomingEvent, EventProblem> {
    let title = event.get_summary().map(str::trim).unwrap_or_default().to_string();
    if title.is_empty() {
        let message = "the event has no title (SUMMARY)".into();
        return Err(EventProblem { field: "SUMMARY", code: "event_title_missing", value: String::new(), message });
    }
    let start = event.get_start().ok_or_else(|| EventProblem {
        field: "DTSTART",
        code: "event_start_missing",
        value: title.clone(),
        message: format!("{title:?} has no start (DTSTART)"),
    })?;
    let unknown_zone = |field: &'static str| {
        move |UnknownZone(tzid): UnknownZone| EventProblem {
            field,
            code: "zone_unknown",
            message: format!("the time zone {tzid:?} is unknown"),
            value: tzid,
        }
    };
    let start = zoned_time(&start, trip_zone).map_err(unknown_zone("DTSTART"))?;
    let end = match event.get_end() {
        Some(end) => zoned_time(&end, trip_zone).map_err(unknown_zone("DTEND"))?,
        None => Zoned { local: start.local, zone: start.zone, fold: start.fold },
    };
    let uid = match event.get_uid().map(str::trim).filter(|uid| !uid.is_empty()) {
        Some(uid) => uid.to_string(),
        None => format!("{}@{}", start.local.format("%Y%m%dT%H%M"), title.to_lowercase()),
    };
    Ok(IncomingEvent {
        uid,
        cancelled: event.get_status() == Some(EventStatus::Cancelled),
        kind: kind_of(&title),
        title,
        start,
        end,
        place: event.get_location().map(str::trim).unwrap_or_default().to_string(),
        notes: event.get_description().map(str::trim).unwrap_or_default().to_string(),
    })
}

/// A TZID that names no known zone.
struct UnknownZone(String);

/// An event time as local time in its zone: a named zone stays, UTC and floating times are
/// read in the trip's zone, a whole day starts at midnight there. Fails with a TZID that
/// names no known zone.
fn zoned_time(time: &DatePerhapsTime, trip_zone: Tz) -> std::result::Result<Zoned, UnknownZone> {
    match time {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            let zone = zone_named(tzid).ok_or_else(|| UnknownZone(tzid.clone()))?;
            Ok(at_local(*date_time, zone))
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(instant)) => Ok(at_instant(*instant, trip_zone)),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(local)) => Ok(at_local(*local, trip_zone)),
        DatePerhapsTime::Date(day) => Ok(at_local(NaiveDateTime::new(*day, NaiveTime::MIN), trip_zone)),
    }
}

/// The IANA zone a TZID stands for: an IANA name, a Windows name (CLDR's world-wide
/// default), or a name with a vendor prefix such as "/mozilla.org/20050126_1/Europe/Berlin".
pub fn zone_named(tzid: &str) -> Option<Tz> {
    let name = tzid.trim().trim_matches('"');
    if let Ok(zone) = name.parse::<Tz>() {
        return Some(zone);
    }
    if let Some(iana) = localzone::win_zone_to_iana(name, None) {
        return iana.parse().ok();
    }
    name.match_indices('/').find_map(|(at, _)| name[at + 1..].parse::<Tz>().ok())
}

/// RFC 5545: a repeated local time means the first occurrence; a skipped one is moved on by
/// the length of the gap.
fn at_local(local: NaiveDateTime, zone: Tz) -> Zoned {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(_) => Zoned { local, zone, fold: None },
        LocalResult::Ambiguous(..) => Zoned { local, zone, fold: Some(Fold::Earlier) },
        LocalResult::None => at_instant(zoned::resolve_leniently(local, zone).with_timezone(&Utc), zone),
    }
}

fn at_instant(instant: DateTime<Utc>, zone: Tz) -> Zoned {
    let local = instant.with_timezone(&zone).naive_local();
    let fold = match zone.from_local_datetime(&local) {
        LocalResult::Ambiguous(earlier, _) if earlier.with_timezone(&Utc) == instant => Some(Fold::Earlier),
        LocalResult::Ambiguous(..) => Some(Fold::Later),
        _ => None,
    };
    Zoned { local, zone, fold }
}

/// What kind of item an event is, guessed from words in its title (German and English).
fn kind_of(title: &str) -> ItemKind {
    const WORDS: &[(ItemKind, &[&str])] = &[
        (ItemKind::Flight, &["flug", "flight", "abflug", "departure"]),
        (ItemKind::Hotel, &["hotel", "check-in", "übernachtung"]),
        (ItemKind::Transfer, &["transfer", "fahrt", "bus", "zug", "train", "shuttle"]),
        (ItemKind::Reception, &["empfang", "reception"]),
        (ItemKind::Ceremony, &["unterzeichnung", "signing", "zeremonie", "ceremony"]),
        (ItemKind::Meal, &["essen", "dinner", "lunch", "bankett", "banquet", "frühstück", "breakfast"]),
        (ItemKind::Visit, &["besuch", "besichtigung", "visit", "tour"]),
        (ItemKind::Meeting, &["gespräch", "treffen", "sitzung", "meeting", "talks", "symposium", "forum"]),
    ];
    let title = title.to_lowercase();
    WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|word| title.contains(word)))
        .map(|(kind, _)| *kind)
        .unwrap_or(ItemKind::Other)
}

/// The item that an earlier import (or our own export) made of this event, if it is in the trip.
fn existing_item(conn: &Connection, trip_id: &str, uid: &str) -> Result<Option<ProgrammeItem>> {
    let own_id = uid.strip_suffix(&crate::programme::event_uid(""));
    let id: Option<String> = conn
        .prepare_cached(
            "SELECT id FROM programme_items WHERE trip_id = ?1 AND (import_uid = ?2 OR id = ?3) ORDER BY import_uid IS NULL LIMIT 1",
        )?
        .query_row(params![trip_id, uid, own_id], |row| row.get(0))
        .optional()?;
    id.map(|id| get_item(conn, &id)).transpose()
}

fn detail(incoming: &IncomingEvent) -> String {
    let (start, end) = (&incoming.start, &incoming.end);
    let end_format = if end.local.date() == start.local.date() { "%H:%M" } else { "%d.%m.%Y %H:%M" };
    let span = if end.zone == start.zone {
        format!("{}–{} ({})", start.local.format("%d.%m.%Y %H:%M"), end.local.format(end_format), start.zone.name())
    } else {
        format!(
            "{} ({}) – {} ({})",
            start.local.format("%d.%m.%Y %H:%M"),
            start.zone.name(),
            end.local.format(end_format),
            end.zone.name()
        )
    };
    if incoming.place.is_empty() {
        span
    } else {
        format!("{span} · {}", incoming.place)
    }
}

fn apply_event(
    conn: &Connection,
    trip: &Trip,
    incoming: IncomingEvent,
    line: Option<u32>,
    report: &mut ImportReport,
) -> Result<()> {
    let detail = detail(&incoming);
    let existing = existing_item(conn, &trip.id, &incoming.uid)?;
    let outcome = match (existing, incoming.cancelled) {
        (None, true) => {
            report.record(PreviewAction::Skip, RecordKind::Item, &incoming.title, detail);
            return Ok(());
        }
        (Some(item), true) => {
            remove_item(conn, &item.id)?;
            report.record(PreviewAction::Remove, RecordKind::Item, &incoming.title, detail);
            return Ok(());
        }
        (None, false) => add_item(conn, &trip.id, &new_input(&incoming)).and_then(|item| {
            conn.execute("UPDATE programme_items SET import_uid = ?2 WHERE id = ?1", params![item.id, incoming.uid])?;
            Ok(PreviewAction::Add)
        }),
        (Some(item), false) => {
            let input = changed_input(&item, &incoming);
            if same_item(&item, &input) {
                Ok(PreviewAction::Unchanged)
            } else {
                update_item(conn, &item.id, &input).map(|_| PreviewAction::Update)
            }
        }
    };
    match outcome {
        Ok(action) => report.record(action, RecordKind::Item, &incoming.title, detail),
        Err(Error::Validation(problems)) => report.refused(line, &incoming.title, problems),
        Err(other) => return Err(other),
    }
    Ok(())
}

fn local_text(time: &Zoned) -> String {
    time.local.format(zoned::LOCAL_FORMAT).to_string()
}

fn new_input(incoming: &IncomingEvent) -> ItemInput {
    let mut input = ItemInput::new(
        incoming.kind,
        &incoming.title,
        (&local_text(&incoming.start), incoming.start.zone.name()),
        (&local_text(&incoming.end), incoming.end.zone.name()),
    );
    input.start_fold = incoming.start.fold;
    input.end_fold = incoming.end.fold;
    input.place = incoming.place.clone();
    input.notes_participants = incoming.notes.clone();
    input
}

/// The item with what the calendar says of it; kind, hosts, participants and internal notes
/// stay as the office set them.
fn changed_input(item: &ProgrammeItem, incoming: &IncomingEvent) -> ItemInput {
    ItemInput {
        kind: item.kind,
        hosts: item.hosts.iter().map(|host| RegisterRef { kind: host.kind, id: host.id.clone() }).collect(),
        everyone: item.everyone,
        participant_ids: item.participant_ids.clone(),
        notes_internal: item.notes_internal.clone(),
        address: item.address.clone(),
        ..new_input(incoming)
    }
}

fn same_item(item: &ProgrammeItem, input: &ItemInput) -> bool {
    item.title == input.title.trim()
        && (item.start.local.as_str(), item.start.zone.as_str())
            == (input.start_local.as_str(), input.start_zone.as_str())
        && (item.end.local.as_str(), item.end.zone.as_str()) == (input.end_local.as_str(), input.end_zone.as_str())
        && item.place == input.place.trim()
        && item.notes_participants == input.notes_participants
}
