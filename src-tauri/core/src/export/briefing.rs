//! The briefing folder ("Gesprächsmappe") the head of a delegation reads on the plane: the
//! programme in local time with the office's internal notes marked as such; a card for every
//! host, guest and partner person met, with names in both scripts and pinyin, when we met them
//! before, what was agreed with them and the gifts exchanged (so nothing is given twice); the
//! partnership's history and what is still open; practical notes. It is for our own people:
//! internal notes go in, passport, birth and health data of members never do.

use chrono::{NaiveDate, NaiveTime, Offset, TimeZone};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::document::{build, Name, Notes, ProgrammeDocument};
use super::{DocumentLanguage, MainLanguage};
use crate::contacts::people::{get_person, person_record, ItemPart};
use crate::error::{Error, Result};
use crate::settings::get_settings;
use crate::trips::get_trip;
use crate::vocabulary::{Direction, Language, MemberRole};

/// Cards and history are listed up to this many entries each, newest first.
const MOST: usize = 12;

/// What the briefing folder adds to the programme, every text ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingPart {
    pub labels: BriefingLabels,
    /// The member the folder is made for.
    pub reader: Option<Name>,
    pub trip_notes: String,
    pub cards: Vec<PersonCard>,
    pub history: Option<History>,
    pub practical: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefingLabels {
    pub title: &'static str,
    pub for_reader: &'static str,
    pub office_only: &'static str,
    pub internal: &'static str,
    pub trip_notes: &'static str,
    pub people: &'static str,
    pub pinyin: &'static str,
    pub here: &'static str,
    pub before: &'static str,
    pub agreed: &'static str,
    pub gifts: &'static str,
    pub first_meeting: &'static str,
    pub partnership: &'static str,
    pub agreements: &'static str,
    pub visits: &'static str,
    pub open: &'static str,
    pub practical: &'static str,
}

/// A person we meet on this trip.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCard {
    pub person: Name,
    pub pinyin: String,
    pub organisation: String,
    /// Where we meet them on this trip.
    pub here: Vec<String>,
    /// Earlier trips and items with them.
    pub before: Vec<String>,
    /// Outcomes agreed with them and agreements they signed.
    pub agreed: Vec<String>,
    /// Gifts exchanged with them or their organisation.
    pub gifts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct History {
    pub partnership: String,
    pub agreements: Vec<String>,
    pub visits: Vec<String>,
    pub open: Vec<String>,
}

struct Words {
    labels: BriefingLabels,
    day_format: &'static str,
    month_format: &'static str,
    hosted: &'static str,
    attended: &'static str,
    took_part: &'static str,
    in_delegation: &'static str,
    signed: &'static str,
    given: &'static str,
    received: &'static str,
    since: &'static str,
    incoming: &'static str,
    outgoing: &'static str,
    due: &'static str,
    no_due: &'static str,
    valid_until: &'static str,
    time_ahead: &'static str,
    time_behind: &'static str,
    time_same: &'static str,
    on_site: &'static str,
    decimal: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::De => Words {
            labels: BriefingLabels {
                title: "Gesprächsmappe",
                for_reader: "Für",
                office_only: "Nur für den Dienstgebrauch: enthält interne Hinweise.",
                internal: "Intern",
                trip_notes: "Interne Hinweise zur Reise",
                people: "Gesprächspartner",
                pinyin: "Pinyin",
                here: "Auf dieser Reise",
                before: "Bisherige Begegnungen",
                agreed: "Vereinbart",
                gifts: "Geschenke",
                first_meeting: "Erste Begegnung.",
                partnership: "Partnerschaft",
                agreements: "Vereinbarungen",
                visits: "Frühere Besuche",
                open: "Offene Zusagen und Aufgaben",
                practical: "Praktische Hinweise",
            },
            day_format: "%d.%m.%Y",
            month_format: "%m/%Y",
            hosted: "Gastgeber",
            attended: "Gast",
            took_part: "in der Delegation",
            in_delegation: "Mitglied der Delegation",
            signed: "unterzeichnet",
            given: "von uns",
            received: "erhalten",
            since: "seit",
            incoming: "zu Gast bei uns",
            outgoing: "Reise zum Partner",
            due: "fällig",
            no_due: "ohne Termin",
            valid_until: "gültig bis",
            time_ahead: "{place} ist der Zeit zu Hause {hours} Stunden voraus.",
            time_behind: "{place} liegt {hours} Stunden hinter der Zeit zu Hause.",
            time_same: "{place} hat dieselbe Uhrzeit wie zu Hause.",
            on_site: "Vor Ort erreichbar",
            decimal: ",",
        },
        Language::En => Words {
            labels: BriefingLabels {
                title: "Briefing folder",
                for_reader: "For",
                office_only: "For the office only: holds internal notes.",
                internal: "Internal",
                trip_notes: "Internal notes on the trip",
                people: "People we meet",
                pinyin: "Pinyin",
                here: "On this trip",
                before: "Met before",
                agreed: "Agreed",
                gifts: "Gifts",
                first_meeting: "First meeting.",
                partnership: "Partnership",
                agreements: "Agreements",
                visits: "Earlier visits",
                open: "Open promises and tasks",
                practical: "Practical notes",
            },
            day_format: "%d/%m/%Y",
            month_format: "%m/%Y",
            hosted: "host",
            attended: "guest",
            took_part: "in the delegation",
            in_delegation: "member of the delegation",
            signed: "signed",
            given: "from us",
            received: "received",
            since: "since",
            incoming: "hosted by us",
            outgoing: "trip to the partner",
            due: "due",
            no_due: "no date",
            valid_until: "valid until",
            time_ahead: "{place} is {hours} hours ahead of home.",
            time_behind: "{place} is {hours} hours behind home.",
            time_same: "{place} keeps the same time as home.",
            on_site: "Reachable on site",
            decimal: ".",
        },
    }
}

fn office_language(language: DocumentLanguage) -> Result<Language> {
    match language.main {
        MainLanguage::De => Ok(Language::De),
        MainLanguage::En => Ok(Language::En),
        MainLanguage::Zh => Err(Error::field(
            "language",
            "briefing_language",
            "the briefing folder is for our own people: German or English, with the partner's language beside it if wanted",
        )),
    }
}

fn day(text: &str, w: &Words) -> String {
    text.get(..10)
        .and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
        .map(|date| date.format(w.day_format).to_string())
        .unwrap_or_default()
}

/// Where we meet someone on the trip: an item (its local start, title, and whether they host
/// it or are a guest), or as a member of the partner delegation we host.
enum Meeting {
    Item { start: String, title: String, part: ItemPart },
    InDelegation,
}

/// The partner's people we meet on the trip, each once, in the order we first meet them: hosts
/// and guests of its items and, on a visit we host, the partner delegation's members. Our own
/// colleagues who host or attend an item get no card.
fn people_met(conn: &Connection, trip_id: &str, direction: Direction) -> Result<Vec<(String, Vec<Meeting>)>> {
    let mut met: Vec<(String, Vec<Meeting>)> = Vec::new();
    let mut note = |person: String, meeting: Meeting| match met.iter_mut().find(|(id, _)| *id == person) {
        Some((_, meetings)) => meetings.push(meeting),
        None => met.push((person, vec![meeting])),
    };
    if direction == Direction::Incoming {
        let members: Vec<String> = conn
            .prepare_cached(
                "SELECT m.person_id FROM members m JOIN people p ON p.id = m.person_id AND p.deleted_at IS NULL
                 WHERE m.trip_id = ?1 AND m.deleted_at IS NULL ORDER BY m.precedence",
            )?
            .query_map([trip_id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for person in members {
            note(person, Meeting::InDelegation);
        }
    }
    let rows: Vec<(String, String, String, ItemPart)> = conn
        .prepare_cached(
            "SELECT link.person_id, i.start_local, i.title, link.part FROM (
                SELECT item_id, person_id, 'hosted' AS part FROM item_hosts WHERE person_id IS NOT NULL
                UNION ALL SELECT item_id, person_id, 'attended' FROM item_guests WHERE person_id IS NOT NULL) link
             JOIN programme_items i ON i.id = link.item_id AND i.deleted_at IS NULL
             JOIN people p ON p.id = link.person_id AND p.deleted_at IS NULL AND p.side = 'partner'
             WHERE i.trip_id = ?1 ORDER BY i.start_utc, i.id",
        )?
        .query_map([trip_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (person, start, title, part) in rows {
        note(person, Meeting::Item { start, title, part });
    }
    Ok(met)
}

fn part(part: ItemPart, w: &Words) -> &'static str {
    match part {
        ItemPart::Hosted => w.hosted,
        ItemPart::Attended => w.attended,
        ItemPart::TookPart => w.took_part,
    }
}

fn card(
    conn: &Connection,
    trip_id: &str,
    trip_start: NaiveDate,
    person_id: &str,
    meetings: &[Meeting],
    w: &Words,
) -> Result<PersonCard> {
    let person = get_person(conn, person_id)?;
    let record = person_record(conn, person_id)?;
    let here = meetings
        .iter()
        .map(|meeting| match meeting {
            Meeting::Item { start, title, part: how } => {
                format!("{} {} · {title} ({})", day(start, w), start.get(11..16).unwrap_or_default(), part(*how, w))
            }
            Meeting::InDelegation => w.in_delegation.to_string(),
        })
        .collect();
    // Earlier trips they travelled with as a whole, and the items they hosted or attended as a
    // guest on other earlier trips, newest first.
    let earlier = trip_start.to_string();
    let mut before: Vec<(String, String)> = record
        .trips
        .iter()
        .filter(|taken| taken.role.is_some() && taken.trip_id != trip_id && taken.start_date < trip_start)
        .map(|taken| {
            let role =
                if taken.function_title.is_empty() { w.took_part.to_string() } else { taken.function_title.clone() };
            (
                taken.start_date.to_string(),
                format!("{} · {} ({role}; {})", taken.start_date.format(w.month_format), taken.title, w.in_delegation),
            )
        })
        .collect();
    before.extend(
        record
            .items
            .iter()
            .filter(|item| item.part != ItemPart::TookPart && item.trip_id != trip_id)
            .filter(|item| item.start.local.get(..10).is_some_and(|date| date < earlier.as_str()))
            .map(|item| {
                let how = part(item.part, w);
                let text = format!("{} · {} ({}; {how})", day(&item.start.local, w), item.title, item.trip_title);
                (item.start.local.clone(), text)
            }),
    );
    before.sort_by(|a, b| b.0.cmp(&a.0));
    let mut agreed: Vec<String> = conn
        .prepare_cached(
            "SELECT o.text, i.start_local, i.title FROM outcome_people op
             JOIN outcomes o ON o.id = op.outcome_id AND o.deleted_at IS NULL
             JOIN programme_items i ON i.id = o.item_id AND i.deleted_at IS NULL
             WHERE op.person_id = ?1 ORDER BY i.start_utc DESC LIMIT ?2",
        )?
        .query_map(params![person_id, MOST as i64], |row| {
            let start: String = row.get(1)?;
            Ok(format!("{} ({}, {})", row.get::<_, String>(0)?, day(&start, w), row.get::<_, String>(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    agreed.extend(record.agreements.iter().map(|signed| {
        let on = signed.signed_on.map(|d| format!(" {}", d.format(w.day_format))).unwrap_or_default();
        format!("{} ({}{on})", signed.title, w.signed)
    }));
    let gifts = conn
        .prepare_cached(
            "SELECT direction, description, given_on FROM gifts
             WHERE deleted_at IS NULL AND (giver_person_id = ?1 OR recipient_person_id = ?1
                OR (?2 IS NOT NULL AND (giver_organisation_id = ?2 OR recipient_organisation_id = ?2)))
             ORDER BY given_on DESC LIMIT ?3",
        )?
        .query_map(params![person_id, person.organisation_id, MOST as i64], |row| {
            let direction: String = row.get(0)?;
            let given_on: String = row.get(2)?;
            let way = if direction == "given" { w.given } else { w.received };
            Ok(format!("{} {way}: {}", day(&given_on, w), row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(PersonCard {
        person: Name { name: person.name_latin, original: person.name_original, function: person.function_title },
        pinyin: person.transliteration,
        organisation: person.organisation_name.unwrap_or_default(),
        here,
        before: before.into_iter().take(MOST).map(|(_, text)| text).collect(),
        agreed,
        gifts,
    })
}

fn history(conn: &Connection, trip_id: &str, partnership_id: &str, w: &Words) -> Result<History> {
    let (label, since): (String, Option<String>) = conn.query_row(
        "SELECT our_side || ' – ' || partner_place, since FROM partnerships WHERE id = ?1",
        [partnership_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let partnership = match since {
        Some(since) => format!("{label} ({} {})", w.since, day(&since, w).get(6..).unwrap_or_default()),
        None => label,
    };
    let agreements = conn
        .prepare_cached(
            "SELECT a.title, a.signed_on, a.valid_until,
                (SELECT group_concat(t.name, ', ') FROM agreement_themes at JOIN theme_areas t ON t.id = at.theme_id
                 WHERE at.agreement_id = a.id)
             FROM agreements a WHERE a.partnership_id = ?1 AND a.deleted_at IS NULL
             ORDER BY a.signed_on DESC LIMIT ?2",
        )?
        .query_map(params![partnership_id, MOST as i64], |row| {
            let signed: Option<String> = row.get(1)?;
            let until: Option<String> = row.get(2)?;
            let themes: Option<String> = row.get(3)?;
            let mut text = row.get::<_, String>(0)?;
            if let Some(signed) = signed {
                text.push_str(&format!(", {} {}", w.signed, day(&signed, w)));
            }
            if let Some(until) = until {
                text.push_str(&format!(", {} {}", w.valid_until, day(&until, w)));
            }
            if let Some(themes) = themes.filter(|t| !t.is_empty()) {
                text.push_str(&format!(" ({themes})"));
            }
            Ok(text)
        })?
        .collect::<rusqlite::Result<_>>()?;
    let visits = conn
        .prepare_cached(
            "SELECT t.title, t.start_date, t.direction FROM trips t
             WHERE t.deleted_at IS NULL AND t.id <> ?1 AND t.start_date < (SELECT start_date FROM trips WHERE id = ?1)
               AND (t.partnership_id = ?2
                    OR t.id IN (SELECT trip_id FROM trip_partnerships WHERE partnership_id = ?2))
             ORDER BY t.start_date DESC LIMIT ?3",
        )?
        .query_map(params![trip_id, partnership_id, MOST as i64], |row| {
            let start: NaiveDate = row.get(1)?;
            let direction: Direction = row.get(2)?;
            let way = if direction == Direction::Incoming { w.incoming } else { w.outgoing };
            Ok(format!("{} · {} ({way})", start.format(w.month_format), row.get::<_, String>(0)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let open = conn
        .prepare_cached(
            "SELECT title, due_date FROM tasks
             WHERE deleted_at IS NULL AND status IN ('open', 'in_progress', 'waiting')
               AND (partnership_id = ?1 OR trip_id IN (SELECT id FROM trips WHERE partnership_id = ?1))
             ORDER BY due_date IS NULL, due_date, title LIMIT ?2",
        )?
        .query_map(params![partnership_id, MOST as i64], |row| {
            let due: Option<String> = row.get(1)?;
            let when = due.map(|due| format!("{} {}", w.due, day(&due, w))).unwrap_or_else(|| w.no_due.to_string());
            Ok(format!("{} ({when})", row.get::<_, String>(0)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(History { partnership, agreements, visits, open })
}

/// The time difference at the trip's start, and who of the delegation can be reached on site.
fn practical(conn: &Connection, trip_id: &str, w: &Words) -> Result<Vec<String>> {
    let trip = get_trip(conn, trip_id)?;
    let home: chrono_tz::Tz = get_settings(conn)?.home_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
    let mut notes = Vec::new();
    if let Ok(there) = trip.time_zone.parse::<chrono_tz::Tz>() {
        let noon = trip.start_date.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon exists"));
        let offset = |zone: chrono_tz::Tz| {
            zone.from_local_datetime(&noon).earliest().map(|at| at.offset().fix().local_minus_utc()).unwrap_or(0)
        };
        let minutes = (offset(there) - offset(home)) / 60;
        let hours = format!("{}", f64::from(minutes.abs()) / 60.0).replace('.', w.decimal);
        let place = if trip.partner_place.is_empty() { trip.time_zone.clone() } else { trip.partner_place.clone() };
        let template = match minutes {
            0 => w.time_same,
            m if m > 0 => w.time_ahead,
            _ => w.time_behind,
        };
        notes.push(template.replace("{place}", &place).replace("{hours}", &hours));
    }
    let reachable: Vec<String> = crate::delegation::list_members(conn, trip_id)?
        .into_iter()
        .filter(|m| matches!(m.role, MemberRole::Organiser | MemberRole::Interpreter | MemberRole::Protocol))
        .filter(|m| !m.phone.trim().is_empty())
        .map(|m| format!("{} ({}): {}", m.name_latin, m.function_title, m.phone))
        .collect();
    if !reachable.is_empty() {
        notes.push(format!("{}: {}", w.on_site, reachable.join("; ")));
    }
    Ok(notes)
}

/// The briefing folder of a trip; with `member_id`, for that member (their own programme).
pub fn briefing_document(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<ProgrammeDocument> {
    let office = office_language(language)?;
    let w = words(office);
    let mut document = build(conn, trip_id, member_id, language, Notes::AlsoInternal)?;
    let trip = get_trip(conn, trip_id)?;
    let mut cards = Vec::new();
    for (person, meetings) in people_met(conn, trip_id, trip.direction)? {
        cards.push(card(conn, trip_id, trip.start_date, &person, &meetings, &w)?);
    }
    let history = match &trip.partnership_id {
        Some(partnership) => Some(history(conn, trip_id, partnership, &w)?),
        None => None,
    };
    document.briefing = Some(BriefingPart {
        reader: document.cover.member.clone(),
        trip_notes: trip.notes.clone(),
        cards,
        history,
        practical: practical(conn, trip_id, &w)?,
        labels: w.labels,
    });
    Ok(document)
}
