//! The programme of a trip as a document to hand out, shared by the PDF and HTML exports: a
//! cover, the items day by day in local time with home time beside it, the delegation in order
//! of precedence and a contact sheet, every label already in the chosen language (with Chinese
//! beside it in the bilingual modes). Internal notes are never part of it.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use super::DocumentLanguage;
use crate::contacts::organisations::get_organisation;
use crate::contacts::people::get_person;
use crate::contacts::RegisterEntry;
use crate::delegation::{list_members, Member};
use crate::error::{Error, Result};
use crate::programme::{programme_view, ItemKind, ItemView};
use crate::settings::office_today;
use crate::trips::Trip;
use crate::vocabulary::{Direction, MemberRole, RegisterKind};
use crate::zoned::{self, ZonedTime};

/// A text in the document's language and, in the bilingual modes, in Chinese (else empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub text: String,
    pub zh: String,
}

/// A person or organisation: the name in Latin script, in its original script where known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Name {
    pub name: String,
    pub original: String,
    /// Function of a person ("Landrat"); empty for organisations.
    pub function: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub programme: Label,
    pub personal_programme: Label,
    pub dates: Label,
    pub purpose: Label,
    pub head: Label,
    pub as_of: Label,
    pub local_time: Label,
    pub home_time: Label,
    pub item: Label,
    pub place: Label,
    pub hosts: Label,
    pub participants: Label,
    pub delegation: Label,
    pub number: Label,
    pub name: Label,
    pub function: Label,
    pub organisation: Label,
    pub role: Label,
    pub contacts: Label,
    pub phone: Label,
    pub email: Label,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub title: String,
    /// "Delegationsreise nach Jinhua, China".
    pub occasion: Label,
    pub dates: Label,
    pub purpose: String,
    pub head: Option<Name>,
    /// The member a personal programme is made for.
    pub member: Option<Name>,
    /// The office's date the document was made.
    pub as_of: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Day {
    /// "Montag, 26. Oktober 2026", in Chinese "10月26日 星期一".
    pub heading: Label,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub kind: Label,
    pub title: String,
    /// Local wall time, "09:00 – 10:00"; a time on another day than the heading's has "(+1)".
    pub time: String,
    /// Zone abbreviation in force, "CST"; "CET – CST" when the item ends in another zone.
    pub zone: String,
    /// The same span at home, empty where it reads the same.
    pub home_time: String,
    pub home_zone: String,
    pub place: String,
    pub address: String,
    pub hosts: Vec<Name>,
    /// Empty when everyone takes part.
    pub participants: Vec<Name>,
    /// The notes for participants; internal notes are never read.
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DelegationEntry {
    pub number: i64,
    pub person: Name,
    pub organisation: String,
    pub role: Label,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub person: Name,
    pub organisation: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeDocument {
    /// The language of the main text, "de" or "en".
    pub lang: &'static str,
    pub labels: Labels,
    pub cover: Cover,
    pub days: Vec<Day>,
    /// Whether any item reads differently at home, so that home time needs a column.
    pub shows_home_time: bool,
    pub delegation: Vec<DelegationEntry>,
    pub member_contacts: Vec<Contact>,
    pub host_contacts: Vec<Contact>,
}

#[derive(Clone, Copy, PartialEq)]
enum Main {
    De,
    En,
}

#[derive(Clone, Copy)]
struct Wording {
    main: Main,
    chinese: bool,
}

impl Wording {
    fn of(language: DocumentLanguage) -> Self {
        match language {
            DocumentLanguage::De => Wording { main: Main::De, chinese: false },
            DocumentLanguage::En => Wording { main: Main::En, chinese: false },
            DocumentLanguage::DeZh => Wording { main: Main::De, chinese: true },
            DocumentLanguage::EnZh => Wording { main: Main::En, chinese: true },
        }
    }

    fn label(self, de: &str, en: &str, zh: &str) -> Label {
        Label {
            text: if self.main == Main::De { de } else { en }.to_string(),
            zh: if self.chinese { zh.to_string() } else { String::new() },
        }
    }

    fn labels(self, home_zone: &str) -> Labels {
        let l = |de, en, zh| self.label(de, en, zh);
        let in_germany = matches!(home_zone, "Europe/Berlin" | "Europe/Busingen");
        Labels {
            programme: l("Programm", "Programme", "日程"),
            personal_programme: l("Persönliches Programm für", "Personal programme for", "个人日程"),
            dates: l("Zeitraum", "Dates", "日期"),
            purpose: l("Anlass", "Purpose", "目的"),
            head: l("Delegationsleitung", "Head of delegation", "团长"),
            as_of: l("Stand", "As of", "更新日期"),
            local_time: l("Ortszeit", "Local time", "当地时间"),
            home_time: if in_germany {
                l("Zeit in Deutschland", "Time in Germany", "德国时间")
            } else {
                l("Heimatzeit", "Home time", "出发地时间")
            },
            item: l("Programmpunkt", "Item", "活动"),
            place: l("Ort", "Place", "地点"),
            hosts: l("Gastgeber", "Hosts", "接待方"),
            participants: l("Teilnehmende", "Participants", "参加人员"),
            delegation: l("Delegation", "Delegation", "代表团"),
            number: l("Nr.", "No.", "序号"),
            name: l("Name", "Name", "姓名"),
            function: l("Funktion", "Position", "职务"),
            organisation: l("Organisation", "Organisation", "单位"),
            role: l("Rolle", "Role", "团内职责"),
            contacts: l("Kontakte", "Contacts", "联系方式"),
            phone: l("Telefon", "Phone", "电话"),
            email: l("E-Mail", "E-mail", "电子邮箱"),
        }
    }

    fn kind(self, kind: ItemKind) -> Label {
        let l = |de, en, zh| self.label(de, en, zh);
        match kind {
            ItemKind::Meeting => l("Gespräch", "Meeting", "会谈"),
            ItemKind::Visit => l("Besuch", "Visit", "参观"),
            ItemKind::Reception => l("Empfang", "Reception", "招待会"),
            ItemKind::Ceremony => l("Zeremonie", "Ceremony", "仪式"),
            ItemKind::Meal => l("Essen", "Meal", "用餐"),
            ItemKind::Transfer => l("Transfer", "Transfer", "交通"),
            ItemKind::Flight => l("Flug", "Flight", "航班"),
            ItemKind::Hotel => l("Hotel", "Hotel", "酒店"),
            ItemKind::FreeTime => l("Freie Zeit", "Free time", "自由活动"),
            ItemKind::Other => l("Sonstiges", "Other", "其他"),
        }
    }

    fn role(self, role: MemberRole) -> Label {
        let l = |de, en, zh| self.label(de, en, zh);
        match role {
            MemberRole::Head => l("Delegationsleitung", "Head of delegation", "团长"),
            MemberRole::Member => l("Mitglied", "Member", "团员"),
            MemberRole::Interpreter => l("Dolmetschen", "Interpreter", "翻译"),
            MemberRole::Protocol => l("Protokoll", "Protocol", "礼宾"),
            MemberRole::Press => l("Presse", "Press", "媒体"),
            MemberRole::Organiser => l("Organisation", "Organiser", "组织"),
            MemberRole::Driver => l("Fahrdienst", "Driver", "司机"),
            MemberRole::Other => l("Sonstige", "Other", "其他"),
        }
    }

    fn occasion(self, trip: &Trip) -> Label {
        let place = [trip.partner_place.as_str(), trip.partner_country.as_str()]
            .into_iter()
            .filter(|part| !part.trim().is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let (de, de_place, en, en_place, zh) = match trip.direction {
            Direction::Outgoing => ("Delegationsreise", "nach", "Delegation trip", "to", "出访"),
            Direction::Incoming => ("Delegationsbesuch", "aus", "Delegation visit", "from", "来访"),
        };
        if place.is_empty() {
            self.label(de, en, zh)
        } else {
            self.label(&format!("{de} {de_place} {place}"), &format!("{en} {en_place} {place}"), zh)
        }
    }

    fn date(self, date: NaiveDate) -> String {
        match self.main {
            Main::De => date.format("%d.%m.%Y").to_string(),
            Main::En => date.format("%-d %b %Y").to_string(),
        }
    }

    fn dates(self, first: NaiveDate, last: NaiveDate) -> Label {
        let zh = |date: NaiveDate| format!("{}年{}月{}日", date.year(), date.month(), date.day());
        Label {
            text: format!("{} – {}", self.date(first), self.date(last)),
            zh: if self.chinese { format!("{} – {}", zh(first), zh(last)) } else { String::new() },
        }
    }

    fn day_heading(self, date: NaiveDate) -> Label {
        const WOCHENTAGE: [&str; 7] = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];
        const MONATE: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        const ZHOU: [&str; 7] = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
        let weekday = date.weekday().num_days_from_monday() as usize;
        let text = match self.main {
            Main::De => {
                format!("{}, {}. {} {}", WOCHENTAGE[weekday], date.day(), MONATE[date.month0() as usize], date.year())
            }
            Main::En => date.format("%A, %-d %B %Y").to_string(),
        };
        let zh = if self.chinese {
            format!("{}月{}日 {}", date.month(), date.day(), ZHOU[weekday])
        } else {
            String::new()
        };
        Label { text, zh }
    }
}

/// The programme document of a trip; with `member_id`, that member's personal programme.
pub fn programme_document(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<ProgrammeDocument> {
    let wording = Wording::of(language);
    let view = programme_view(conn, trip_id)?;
    let members = list_members(conn, trip_id)?;
    let member = match member_id {
        Some(id) => Some(
            members
                .iter()
                .find(|m| m.id == id)
                .ok_or_else(|| Error::NotFound(format!("member {id} of trip {trip_id}")))?,
        ),
        None => None,
    };
    let takes_part =
        |view: &ItemView| member.is_none_or(|m| view.item.everyone || view.item.participant_ids.contains(&m.id));

    let mut by_date: BTreeMap<NaiveDate, Vec<&ItemView>> = BTreeMap::new();
    for view in view.days.iter().flat_map(|day| &day.items).chain(&view.outside).filter(|v| takes_part(v)) {
        by_date.entry(local_date(&view.item.start)?).or_default().push(view);
    }
    for items in by_date.values_mut() {
        items.sort_by(|a, b| (&a.item.start.utc, &a.item.end.utc).cmp(&(&b.item.start.utc, &b.item.end.utc)));
    }

    let names_by_id: HashMap<&str, Name> = members.iter().map(|m| (m.id.as_str(), member_name(m))).collect();
    let mut hosts = Hosts::new(conn);
    let mut days = Vec::with_capacity(by_date.len());
    for (date, views) in by_date {
        let mut items = Vec::with_capacity(views.len());
        for view in views {
            items.push(item(wording, view, date, &names_by_id, &mut hosts)?);
        }
        days.push(Day { heading: wording.day_heading(date), items });
    }

    let trip = &view.trip;
    let cover = Cover {
        title: trip.title.clone(),
        occasion: wording.occasion(trip),
        dates: wording.dates(trip.start_date, trip.end_date),
        purpose: trip.purpose.clone(),
        head: members.iter().find(|m| m.role == MemberRole::Head).map(member_name),
        member: member.map(member_name),
        as_of: wording.date(office_today(conn)?),
    };
    Ok(ProgrammeDocument {
        lang: if wording.main == Main::De { "de" } else { "en" },
        labels: wording.labels(&view.home_zone),
        shows_home_time: days.iter().flat_map(|d| &d.items).any(|i| !i.home_time.is_empty()),
        cover,
        days,
        delegation: members
            .iter()
            .map(|m| DelegationEntry {
                number: m.precedence,
                person: member_name(m),
                organisation: m.organisation.clone(),
                role: wording.role(m.role),
            })
            .collect(),
        member_contacts: members
            .iter()
            .filter(|m| !m.phone.trim().is_empty() || !m.email.trim().is_empty())
            .map(|m| Contact {
                person: member_name(m),
                organisation: m.organisation.clone(),
                phone: m.phone.clone(),
                email: m.email.clone(),
            })
            .collect(),
        host_contacts: hosts.contacts(),
    })
}

fn member_name(member: &Member) -> Name {
    Name {
        name: member.name_latin.clone(),
        original: member.name_original.clone(),
        function: member.function_title.clone(),
    }
}

fn item(
    wording: Wording,
    view: &ItemView,
    day: NaiveDate,
    names_by_id: &HashMap<&str, Name>,
    hosts: &mut Hosts,
) -> Result<Item> {
    let item = &view.item;
    let (home_time, home_zone) = if view.home_start.is_some() || view.home_end.is_some() {
        let start = view.home_start.as_ref().unwrap_or(&item.start);
        let end = view.home_end.as_ref().unwrap_or(&item.end);
        (span(start, end, day)?, wording.zones(start, end))
    } else {
        (String::new(), String::new())
    };
    let mut host_names = Vec::with_capacity(item.hosts.len());
    for host in &item.hosts {
        host_names.push(hosts.name(host)?);
    }
    Ok(Item {
        kind: wording.kind(item.kind),
        title: item.title.clone(),
        time: span(&item.start, &item.end, day)?,
        zone: wording.zones(&item.start, &item.end),
        home_time,
        home_zone,
        place: item.place.clone(),
        address: item.address.clone(),
        hosts: host_names,
        participants: if item.everyone {
            Vec::new()
        } else {
            item.participant_ids.iter().filter_map(|id| names_by_id.get(id.as_str()).cloned()).collect()
        },
        notes: item.notes_participants.clone(),
    })
}

fn local_date(time: &ZonedTime) -> Result<NaiveDate> {
    Ok(zoned::parse_local("local", &time.local).map_err(|e| Error::Validation(vec![e]))?.date())
}

/// "09:00", or "15:00 (+1)" for a time on the day after `day`.
fn clock(time: &ZonedTime, day: NaiveDate) -> Result<String> {
    let at = zoned::parse_local("local", &time.local).map_err(|e| Error::Validation(vec![e]))?;
    let clock = at.format("%H:%M").to_string();
    Ok(match (at.date() - day).num_days() {
        0 => clock,
        days => format!("{clock} ({days:+})"),
    })
}

fn span(start: &ZonedTime, end: &ZonedTime, day: NaiveDate) -> Result<String> {
    if start.utc == end.utc {
        return clock(start, day);
    }
    Ok(format!("{} – {}", clock(start, day)?, clock(end, day)?))
}

impl Wording {
    /// The zone abbreviations of an item; German readers know Central European time as MEZ/MESZ.
    fn zones(self, start: &ZonedTime, end: &ZonedTime) -> String {
        let name = |abbreviation: &str| match (self.main, abbreviation) {
            (Main::De, "CET") => "MEZ".to_string(),
            (Main::De, "CEST") => "MESZ".to_string(),
            _ => abbreviation.to_string(),
        };
        if start.abbreviation == end.abbreviation {
            name(&start.abbreviation)
        } else {
            format!("{} – {}", name(&start.abbreviation), name(&end.abbreviation))
        }
    }
}

/// The hosts of the chosen items as read from the register, each looked up once, in the order
/// they are first named.
struct Hosts<'c> {
    conn: &'c Connection,
    seen: Vec<(String, Contact)>,
}

impl<'c> Hosts<'c> {
    fn new(conn: &'c Connection) -> Self {
        Hosts { conn, seen: Vec::new() }
    }

    fn name(&mut self, host: &RegisterEntry) -> Result<Name> {
        if let Some((_, contact)) = self.seen.iter().find(|(id, _)| *id == host.id) {
            return Ok(contact.person.clone());
        }
        let contact = match host.kind {
            RegisterKind::Person => {
                let person = get_person(self.conn, &host.id)?;
                Contact {
                    person: Name {
                        name: person.name_latin,
                        original: person.name_original,
                        function: person.function_title,
                    },
                    organisation: person.organisation_name.unwrap_or_default(),
                    phone: person.phone,
                    email: person.email,
                }
            }
            RegisterKind::Organisation => {
                let organisation = get_organisation(self.conn, &host.id)?;
                Contact {
                    person: Name {
                        name: organisation.name,
                        original: organisation.name_original,
                        function: String::new(),
                    },
                    organisation: String::new(),
                    phone: organisation.phone,
                    email: organisation.email,
                }
            }
        };
        let name = contact.person.clone();
        self.seen.push((host.id.clone(), contact));
        Ok(name)
    }

    fn contacts(self) -> Vec<Contact> {
        self.seen
            .into_iter()
            .map(|(_, contact)| contact)
            .filter(|c| !c.phone.trim().is_empty() || !c.email.trim().is_empty())
            .collect()
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
