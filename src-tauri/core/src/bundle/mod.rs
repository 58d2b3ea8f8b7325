//! Trip bundles: a whole trip as one JSON file (`partnerdesk-trip-bundle`) that hands it to a
//! colleague's Partnerdesk — trip, preparation checklist, delegation (without passport numbers,
//! dates of birth and visa status), programme, outcomes, tasks, the documents of the trip, its
//! items and members (never passport copies or visas), and the register records they link to. This module owns the format; `records` reads it from the
//! database, `export` writes it, `check` and `import` take it in, matching records by ID.
//! docs/trip-bundle.md describes the format for people, docs/trip-bundle.schema.json for tools.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::audience::{Outgoing, Sensitive, Ticked};
use crate::contacts::organisations::{self, OrganisationKind};
use crate::contacts::people;
use crate::documents::{DocumentKind, DocumentOwnerKind};
use crate::error::Result;
use crate::partnerships::{self, OurSideKind, PartnershipKind, PartnershipStatus};
use crate::programme::{self, ItemKind};
use crate::tasks::{TaskPriority, TaskStatus};
use crate::trips::{self, TripStatus};
use crate::vocabulary::{Direction, MemberRole, RegisterKind, SecondLanguage, Side};
use crate::zoned::ZonedTime;

mod export;
pub(crate) mod records;

/// What the `format` field of every trip bundle says.
pub const FORMAT: &str = "partnerdesk-trip-bundle";
/// The newest version of the format this build writes and reads; older ones are read too.
/// Version 2 names the kinds of field the bundle leaves out (`withheld`); version 3 carries a
/// trip's second language and the translations of its and its items' texts; version 4 the
/// documents; version 5 the further partnerships a trip serves.
pub const VERSION: u32 = 5;

/// The documents a bundle carries at most, together: the bundle stays below the size an import
/// takes in (`import::MAX_IMPORT_BYTES`) with the documents written as Base64.
pub const MAX_BUNDLE_DOCUMENT_BYTES: u64 = 36 * 1024 * 1024;

/// The whole trip as the file holds it. Lists are ordered so that two exports of the same
/// data give the same bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub version: u32,
    /// The kinds of field left out for the bundle's recipient (`audience`): empty there, and
    /// kept as they are where the bundle is taken in.
    #[serde(default)]
    pub withheld: Vec<Sensitive>,
    pub trip: Trip,
    /// The trip's preparation checklist, in order.
    pub checklist: Vec<Step>,
    /// In order of precedence.
    pub delegation: Vec<Member>,
    /// In order of start.
    pub programme: Vec<Item>,
    /// In the order of their items, then as recorded there.
    pub outcomes: Vec<Outcome>,
    /// The tasks linked to the trip, its items or their outcomes (none from the trash), by ID.
    pub tasks: Vec<Task>,
    /// The documents of the trip, its items and its members, by ID.
    #[serde(default)]
    pub documents: Vec<Document>,
    pub register: Register,
}

/// A document with its content, written as Base64.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    /// trip, item or member.
    pub owner: DocumentOwnerKind,
    pub owner_id: String,
    pub name: String,
    pub kind: DocumentKind,
    pub document_date: Option<NaiveDate>,
    /// The SHA-256 of the content, as 64 lower-case hex digits.
    pub content_hash: String,
    #[serde(with = "base64_content")]
    pub content: Vec<u8>,
    pub created_at: String,
    pub updated_at: String,
}

/// Bytes as a Base64 string in JSON.
mod base64_content {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        STANDARD
            .decode(text.as_bytes())
            .map_err(|error| serde::de::Error::custom(format!("content is not Base64: {error}")))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trip {
    pub id: String,
    pub title: String,
    pub direction: Direction,
    pub partner_place: String,
    pub partner_country: String,
    pub time_zone: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub purpose: String,
    #[serde(default)]
    pub second_language: Option<SecondLanguage>,
    #[serde(default)]
    pub title_translation: String,
    #[serde(default)]
    pub purpose_translation: String,
    pub status: TripStatus,
    pub notes: String,
    pub partnership_id: Option<String>,
    /// The further partnerships the trip serves, in the order shown (version 5 on).
    #[serde(default)]
    pub further_partnership_ids: Vec<String>,
    /// Sorted by ID.
    pub theme_ids: Vec<String>,
    /// The version of the preparation template the checklist was drawn from.
    pub checklist_version: Option<i64>,
    pub created_at: String,
    pub updated_at: String,
}

/// A step of the trip's preparation checklist or of a task's checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub position: i64,
    pub text: String,
    pub done_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A delegation member; passport number, date of birth and visa status never leave the office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    pub person_id: Option<String>,
    pub name_latin: String,
    pub name_original: String,
    pub function_title: String,
    pub organisation: String,
    pub party: String,
    pub role: MemberRole,
    pub precedence: i64,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    pub accessibility: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    pub title: String,
    pub start: Time,
    pub end: Time,
    pub place: String,
    pub address: String,
    /// In the order they are named.
    pub hosts: Vec<Host>,
    pub everyone: bool,
    /// In order of precedence; empty when everyone takes part.
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
    /// The calendar SEQUENCE.
    pub sequence: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// Local wall time in an IANA zone, with the instant it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Time {
    pub local: String,
    pub zone: String,
    pub utc: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Host {
    pub kind: RegisterKind,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub item_id: String,
    pub text: String,
    pub position: i64,
    /// The people it was agreed with, in order.
    pub people: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub description: String,
    pub owner_id: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub priority: TaskPriority,
    pub status: TaskStatus,
    pub trip_id: Option<String>,
    pub item_id: Option<String>,
    pub outcome_id: Option<String>,
    pub partnership_id: Option<String>,
    pub theme_id: Option<String>,
    pub closed_at: Option<String>,
    /// The people linked, in order.
    pub people: Vec<String>,
    pub checklist: Vec<Step>,
    pub created_at: String,
    pub updated_at: String,
}

/// The register records the trip links to, each list sorted by ID.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    pub partnerships: Vec<Partnership>,
    pub theme_areas: Vec<ThemeArea>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
}

/// A partnership without its agreements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    pub id: String,
    pub our_side: String,
    pub our_side_kind: OurSideKind,
    pub partner_place: String,
    pub partner_province: String,
    pub partner_country: String,
    pub partner_zone: String,
    pub kind: PartnershipKind,
    pub since: Option<NaiveDate>,
    pub status: PartnershipStatus,
    pub description: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeArea {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub name_original: String,
    pub transliteration: String,
    pub kind: OrganisationKind,
    pub side: Side,
    pub partnership_id: Option<String>,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name_latin: String,
    pub name_original: String,
    pub transliteration: String,
    pub function_title: String,
    pub organisation_id: Option<String>,
    pub side: Side,
    pub partnership_id: Option<String>,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub languages: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl From<ZonedTime> for Time {
    fn from(t: ZonedTime) -> Self {
        Time { local: t.local, zone: t.zone, utc: t.utc }
    }
}

/// Hosts and participants in the trash are left out.
impl From<programme::ProgrammeItem> for Item {
    fn from(i: programme::ProgrammeItem) -> Self {
        Item {
            id: i.id,
            kind: i.kind,
            title: i.title,
            start: i.start.into(),
            end: i.end.into(),
            place: i.place,
            address: i.address,
            hosts: i.hosts.into_iter().map(|host| Host { kind: host.kind, id: host.id }).collect(),
            everyone: i.everyone,
            participant_ids: i.participant_ids,
            notes_participants: i.notes_participants,
            notes_internal: i.notes_internal,
            title_translation: i.title_translation,
            place_translation: i.place_translation,
            address_translation: i.address_translation,
            notes_translation: i.notes_translation,
            sequence: i.sequence,
            created_at: i.created_at,
            updated_at: i.updated_at,
        }
    }
}

/// Links to partnerships in the trash are left out; theme areas go by ID.
impl From<trips::Trip> for Trip {
    fn from(t: trips::Trip) -> Self {
        let mut theme_ids: Vec<String> = t.themes.into_iter().map(|theme| theme.id).collect();
        theme_ids.sort();
        Trip {
            id: t.id,
            title: t.title,
            direction: t.direction,
            partner_place: t.partner_place,
            partner_country: t.partner_country,
            time_zone: t.time_zone,
            start_date: t.start_date,
            end_date: t.end_date,
            purpose: t.purpose,
            second_language: t.second_language,
            title_translation: t.title_translation,
            purpose_translation: t.purpose_translation,
            status: t.status,
            notes: t.notes,
            partnership_id: t.partnership_id.filter(|_| t.partnership_label.is_some()),
            further_partnership_ids: t.further_partnerships.into_iter().map(|partnership| partnership.id).collect(),
            theme_ids,
            checklist_version: t.checklist_version,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

impl From<partnerships::Partnership> for Partnership {
    fn from(p: partnerships::Partnership) -> Self {
        Partnership {
            id: p.id,
            our_side: p.our_side,
            our_side_kind: p.our_side_kind,
            partner_place: p.partner_place,
            partner_province: p.partner_province,
            partner_country: p.partner_country,
            partner_zone: p.partner_zone,
            kind: p.kind,
            since: p.since,
            status: p.status,
            description: p.description,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// A link to a partnership in the trash is left out (the register's label is only given for
/// one that is not).
impl From<organisations::Organisation> for Organisation {
    fn from(o: organisations::Organisation) -> Self {
        Organisation {
            id: o.id,
            name: o.name,
            name_original: o.name_original,
            transliteration: o.transliteration,
            kind: o.kind,
            side: o.side,
            partnership_id: o.partnership_id.filter(|_| o.partnership_label.is_some()),
            email: o.email,
            phone: o.phone,
            address: o.address,
            notes: o.notes,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

/// Links to an organisation or a partnership in the trash are left out.
impl From<people::Person> for Person {
    fn from(p: people::Person) -> Self {
        Person {
            id: p.id,
            name_latin: p.name_latin,
            name_original: p.name_original,
            transliteration: p.transliteration,
            function_title: p.function_title,
            organisation_id: p.organisation_id.filter(|_| p.organisation_name.is_some()),
            side: p.side,
            partnership_id: p.partnership_id.filter(|_| p.partnership_label.is_some()),
            email: p.email,
            phone: p.phone,
            address: p.address,
            languages: p.languages,
            notes: p.notes,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

impl Bundle {
    /// Empties the fields of the kinds in `fields`.
    fn withhold(&mut self, fields: Vec<Sensitive>) {
        for field in &fields {
            match field {
                // Never read into a bundle in the first place.
                Sensitive::TravelDocuments => {}
                Sensitive::HealthNotes => {
                    for member in &mut self.delegation {
                        member.dietary.clear();
                        member.accessibility.clear();
                    }
                }
                Sensitive::InternalNotes => {
                    self.trip.notes.clear();
                    self.programme.iter_mut().for_each(|item| item.notes_internal.clear());
                    self.register.people.iter_mut().for_each(|person| person.notes.clear());
                    self.register.organisations.iter_mut().for_each(|organisation| organisation.notes.clear());
                }
            }
        }
        self.withheld = fields;
    }

    /// Puts the values kept here into the fields the bundle withheld, so that taking it in
    /// keeps them.
    pub(crate) fn keep_withheld(&mut self, conn: &Connection) -> Result<()> {
        let withheld = self.withheld.clone();
        if withheld.contains(&Sensitive::HealthNotes) {
            for member in &mut self.delegation {
                let here = records::find_member(conn, &member.id)?;
                (member.dietary, member.accessibility) =
                    here.map(|here| (here.dietary, here.accessibility)).unwrap_or_default();
            }
        }
        if withheld.contains(&Sensitive::InternalNotes) {
            self.trip.notes = records::trip(conn, &self.trip.id)?.map(|here| here.notes).unwrap_or_default();
            for item in &mut self.programme {
                item.notes_internal =
                    records::find_item(conn, &item.id)?.map(|here| here.notes_internal).unwrap_or_default();
            }
            for person in &mut self.register.people {
                person.notes = records::person(conn, &person.id)?.map(|here| here.notes).unwrap_or_default();
            }
            for organisation in &mut self.register.organisations {
                organisation.notes =
                    records::organisation(conn, &organisation.id)?.map(|here| here.notes).unwrap_or_default();
            }
        }
        Ok(())
    }
}

/// Whether a bundle carries the trip's documents: the officer may leave them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Documents {
    Carried,
    LeftOut,
}

impl Documents {
    /// Which documents go on `path`: for the office, those of the trip, its items and members;
    /// for another office, not the members' (their tickets and papers are personal); in a
    /// travel copy, which is one database file, none.
    fn carried(self, path: Outgoing) -> &'static [DocumentOwnerKind] {
        match (self, path) {
            (Documents::LeftOut, _) | (_, Outgoing::TravelCopy) => &[],
            (_, Outgoing::OtherOffice) => &[DocumentOwnerKind::Trip, DocumentOwnerKind::Item],
            _ => &[DocumentOwnerKind::Trip, DocumentOwnerKind::Item, DocumentOwnerKind::Member],
        }
    }
}

/// The documents a bundle of a trip would carry, as the export shows them before writing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BundleDocuments {
    pub count: i64,
    #[ts(type = "number")]
    pub size_bytes: i64,
    /// Whether they fit into one bundle (`MAX_BUNDLE_DOCUMENT_BYTES`).
    pub fit: bool,
}

/// The documents a bundle of the trip would carry on `path`.
pub fn bundle_documents(conn: &Connection, trip_id: &str, path: Outgoing) -> Result<BundleDocuments> {
    crate::trips::get_trip(conn, trip_id)?;
    let (count, size_bytes) = export::document_size(conn, trip_id, Documents::Carried.carried(path))?;
    Ok(BundleDocuments { count, size_bytes, fit: size_bytes as u64 <= MAX_BUNDLE_DOCUMENT_BYTES })
}

/// The trip `trip_id` (not in the trash) as a pretty-printed bundle for `path`, without the
/// fields that `audience` keeps from it.
pub fn export_bundle(
    conn: &Connection,
    trip_id: &str,
    path: Outgoing,
    ticked: &Ticked,
    documents: Documents,
) -> Result<Vec<u8>> {
    let mut bundle = export::bundle_of_trip(conn, trip_id, documents.carried(path))?;
    bundle.withhold(crate::audience::withheld(path, ticked));
    let mut bytes = serde_json::to_vec_pretty(&bundle)?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod document_tests;
#[cfg(test)]
mod tests;
