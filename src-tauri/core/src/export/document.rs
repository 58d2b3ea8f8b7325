//! The programme of a trip as a document to hand out, shared by the PDF and HTML exports: a
//! cover, the items day by day in local time with home time beside it, the delegation in order
//! of precedence and a contact sheet, every label already in the chosen language, and in the
//! bilingual modes the trip's second language beside it: the fixed headings where Partnerdesk
//! has them (German, English, Chinese), the trip's and its items' own texts from their
//! translations. What has no translation is named before anything is written
//! (`missing_translations`). Internal notes are never part of it.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

use super::{DocumentLanguage, MainLanguage};
use crate::contacts::organisations::get_organisation;
use crate::contacts::people::get_person;
use crate::contacts::RegisterEntry;
use crate::delegation::{list_members, Member};
use crate::error::{Error, Result};
use crate::programme::{programme_view, ItemKind, ItemView, ProgrammeItem};
use crate::settings::office_today;
use crate::trips::Trip;
use crate::vocabulary::{untranslated, Direction, MemberRole, RegisterKind, SecondLanguage, TranslatedField};
use crate::zoned::{self, ZonedTime};

/// A text in the document's language and, in the bilingual modes, in the second language (else
/// empty).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    pub text: String,
    pub second: String,
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
    pub title: Label,
    /// "Delegationsreise nach Jinhua, China".
    pub occasion: Label,
    pub dates: Label,
    pub purpose: Label,
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
    pub title: Label,
    /// Local wall time, "09:00 – 10:00"; a time on another day than the heading's has "(+1)".
    pub time: String,
    /// Zone abbreviation in force, "CST"; "CET – CST" when the item ends in another zone.
    pub zone: String,
    /// The same span at home, empty where it reads the same.
    pub home_time: String,
    pub home_zone: String,
    pub place: Label,
    pub address: Label,
    pub hosts: Vec<Name>,
    /// Empty when everyone takes part.
    pub participants: Vec<Name>,
    /// The notes for participants.
    pub notes: Label,
    /// The office's internal notes: read only for the briefing folder, which our own people
    /// read; empty in every programme.
    pub internal: String,
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
    /// The language of the main text: "de", "en" or "zh".
    pub lang: &'static str,
    /// The second language's code ("zh", "fr"), empty in a document of one language.
    pub second_lang: &'static str,
    pub labels: Labels,
    pub cover: Cover,
    pub days: Vec<Day>,
    /// Whether any item reads differently at home, so that home time needs a column.
    pub shows_home_time: bool,
    pub delegation: Vec<DelegationEntry>,
    pub member_contacts: Vec<Contact>,
    pub host_contacts: Vec<Contact>,
    /// What the briefing folder adds to the programme; None in a programme.
    pub briefing: Option<super::briefing::BriefingPart>,
}

/// The words of a document: the fixed ones in its languages, and the trip's own texts or their
/// translations.
#[derive(Clone, Copy)]
pub(super) struct Wording {
    main: MainLanguage,
    second: Option<SecondLanguage>,
    /// The language the trip's translations are written in.
    translated: Option<SecondLanguage>,
}

/// The fixed word in `code`'s language, where Partnerdesk has it.
fn in_language<'a>(code: &str, de: &'a str, en: &'a str, zh: &'a str) -> Option<&'a str> {
    match code {
        "de" => Some(de),
        "en" => Some(en),
        "zh" => Some(zh),
        _ => None,
    }
}

impl Wording {
    pub(super) fn of(language: DocumentLanguage, translated: Option<SecondLanguage>) -> Self {
        Wording { main: language.main, second: language.second, translated }
    }

    pub(super) fn label(self, de: &str, en: &str, zh: &str) -> Label {
        Label {
            text: in_language(self.main.as_str(), de, en, zh).unwrap_or(de).to_string(),
            second: self
                .second
                .and_then(|second| in_language(second.as_str(), de, en, zh))
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// Whether the document prints the trip's translations: beside the texts, or (in Chinese)
    /// instead of them.
    fn reads_translations(self) -> bool {
        self.second.is_some() || self.main == MainLanguage::Zh
    }

    /// The translation of a text, if the trip has its texts in the language the document wants.
    fn translation(self, translation: &str) -> &str {
        let wanted = match self.main {
            MainLanguage::Zh => Some(SecondLanguage::Zh),
            _ => self.second,
        };
        if wanted.is_some() && wanted == self.translated {
            translation.trim()
        } else {
            ""
        }
    }

    /// One of the trip's own texts with its translation: beside it, or in a Chinese document
    /// in its place (the text itself where the translation is missing).
    pub(super) fn text(self, text: &str, translation: &str) -> Label {
        let translation = self.translation(translation);
        match self.main {
            MainLanguage::Zh if !translation.is_empty() => {
                Label { text: translation.to_string(), second: String::new() }
            }
            MainLanguage::Zh => Label { text: text.to_string(), second: String::new() },
            _ => Label { text: text.to_string(), second: translation.to_string() },
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

    /// A date as the language writes it; empty for a language Partnerdesk has no words of.
    fn date_in(code: &str, date: NaiveDate) -> String {
        match code {
            "de" => date.format("%d.%m.%Y").to_string(),
            "en" => date.format("%-d %b %Y").to_string(),
            "zh" => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
            _ => String::new(),
        }
    }

    fn date(self, date: NaiveDate) -> String {
        Self::date_in(self.main.as_str(), date)
    }

    fn dates(self, first: NaiveDate, last: NaiveDate) -> Label {
        let span = |code: &str| match (Self::date_in(code, first), Self::date_in(code, last)) {
            (first, _) if first.is_empty() => String::new(),
            (first, last) => format!("{first} – {last}"),
        };
        Label {
            text: span(self.main.as_str()),
            second: self.second.map(|second| span(second.as_str())).unwrap_or_default(),
        }
    }

    fn day_heading(self, date: NaiveDate) -> Label {
        Label {
            text: Self::day_heading_in(self.main.as_str(), date),
            second: self.second.map(|second| Self::day_heading_in(second.as_str(), date)).unwrap_or_default(),
        }
    }

    fn day_heading_in(code: &str, date: NaiveDate) -> String {
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
        match code {
            "de" => {
                format!("{}, {}. {} {}", WOCHENTAGE[weekday], date.day(), MONATE[date.month0() as usize], date.year())
            }
            "en" => date.format("%A, %-d %B %Y").to_string(),
            "zh" => format!("{}月{}日 {}", date.month(), date.day(), ZHOU[weekday]),
            _ => String::new(),
        }
    }
}

/// The programme document of a trip; with `member_id`, that member's personal programme.
pub fn programme_document(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<ProgrammeDocument> {
    build(conn, trip_id, member_id, language, Notes::ForParticipants)
}

/// Which notes of the items a document prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Notes {
    ForParticipants,
    /// Also the internal ones, for our own people (the briefing folder).
    AlsoInternal,
}

pub(super) fn build(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
    notes: Notes,
) -> Result<ProgrammeDocument> {
    let view = programme_view(conn, trip_id)?;
    let wording = Wording::of(language, view.trip.second_language);
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
            items.push(item(wording, view, date, &names_by_id, &mut hosts, notes)?);
        }
        days.push(Day { heading: wording.day_heading(date), items });
    }

    let trip = &view.trip;
    let cover = Cover {
        title: wording.text(&trip.title, &trip.title_translation),
        occasion: wording.occasion(trip),
        dates: wording.dates(trip.start_date, trip.end_date),
        purpose: wording.text(&trip.purpose, &trip.purpose_translation),
        head: members.iter().find(|m| m.role == MemberRole::Head).map(member_name),
        member: member.map(member_name),
        as_of: wording.date(office_today(conn)?),
    };
    Ok(ProgrammeDocument {
        lang: wording.main.as_str(),
        second_lang: wording.second.map(SecondLanguage::as_str).unwrap_or_default(),
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
        briefing: None,
    })
}

/// A text of the trip, or of one of its items, that a document would print without its
/// translation.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MissingTranslation {
    /// The programme item; none for the trip's own title and purpose.
    pub item_id: Option<String>,
    /// The item's (or the trip's) title as the office wrote it.
    pub title: String,
    /// When the item starts, local wall time; empty for the trip.
    pub start_local: String,
    /// The texts without their translation.
    pub fields: Vec<TranslatedField>,
}

/// What a programme document in `language` (with `member_id`, that member's) would print
/// without its translation: the trip's own texts first, then the items in order. Empty for a
/// document in the office's language alone.
pub fn missing_translations(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<Vec<MissingTranslation>> {
    let trip = crate::trips::get_trip(conn, trip_id)?;
    let wording = Wording::of(language, trip.second_language);
    if !wording.reads_translations() {
        return Ok(Vec::new());
    }
    if let Some(member) = member_id {
        if !list_members(conn, trip_id)?.iter().any(|m| m.id == member) {
            return Err(Error::NotFound(format!("member {member} of trip {trip_id}")));
        }
    }
    let lacking = |texts: &[(TranslatedField, &str, &str)]| {
        untranslated(texts.iter().map(|&(field, text, translation)| (field, text, wording.translation(translation))))
    };
    let mut missing = Vec::new();
    let trip_fields = lacking(&[
        (TranslatedField::Title, &trip.title, &trip.title_translation),
        (TranslatedField::Purpose, &trip.purpose, &trip.purpose_translation),
    ]);
    if !trip_fields.is_empty() {
        missing.push(MissingTranslation {
            item_id: None,
            title: trip.title.clone(),
            start_local: String::new(),
            fields: trip_fields,
        });
    }
    let takes_part =
        |item: &ProgrammeItem| member_id.is_none_or(|m| item.everyone || item.participant_ids.iter().any(|id| id == m));
    for item in crate::programme::list_items(conn, trip_id)?.into_iter().filter(|item| takes_part(item)) {
        let fields = lacking(&item.translated_texts());
        if !fields.is_empty() {
            missing.push(MissingTranslation {
                item_id: Some(item.id),
                title: item.title,
                start_local: item.start.local,
                fields,
            });
        }
    }
    Ok(missing)
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
    notes: Notes,
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
        title: wording.text(&item.title, &item.title_translation),
        time: span(&item.start, &item.end, day)?,
        zone: wording.zones(&item.start, &item.end),
        home_time,
        home_zone,
        place: wording.text(&item.place, &item.place_translation),
        address: wording.text(&item.address, &item.address_translation),
        hosts: host_names,
        participants: if item.everyone {
            Vec::new()
        } else {
            item.participant_ids.iter().filter_map(|id| names_by_id.get(id.as_str()).cloned()).collect()
        },
        notes: wording.text(&item.notes_participants, &item.notes_translation),
        internal: match notes {
            Notes::AlsoInternal => item.notes_internal.clone(),
            Notes::ForParticipants => String::new(),
        },
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
            (MainLanguage::De, "CET") => "MEZ".to_string(),
            (MainLanguage::De, "CEST") => "MESZ".to_string(),
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
