//! Reading a bundle file and refusing, with a message a user understands, whatever is not a
//! complete bundle this version can take in: not JSON, cut off, another format, a newer
//! version, unknown or missing fields, absurd sizes, bad values, or links to records the
//! bundle does not hold. Nothing is written before a bundle has passed.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::error::Category;

use crate::bundle::{Bundle, Time, FORMAT, VERSION};
use crate::documents::DocumentOwnerKind;
use crate::error::{Error, Result};
use crate::import::MAX_IMPORT_BYTES;
use crate::limits;
use crate::store::document_files;
use crate::vocabulary::RegisterKind;
use crate::zoned;

/// More records than any trip has: a bundle above this is refused rather than taken in.
pub(crate) const MAX_RECORDS: usize = 50_000;
/// How many problems the message names before it only counts the rest.
const PROBLEMS_NAMED: usize = 5;

/// The two fields every version has, read before the rest so that a newer version or another
/// format is told apart from a damaged file.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    version: Option<serde_json::Value>,
}

fn refuse(code: &str, message: impl Into<String>) -> Error {
    Error::field("file", code, message)
}

fn unreadable(error: &serde_json::Error) -> Error {
    match error.classify() {
        Category::Eof => refuse(
            "bundle_truncated",
            "the trip bundle is incomplete: the file ends in the middle (was it copied completely?)",
        ),
        Category::Syntax | Category::Io => {
            refuse("bundle_not_json", format!("the file is not a trip bundle: it is not valid JSON ({error})"))
        }
        Category::Data => refuse("bundle_not_bundle", "the file is not a trip bundle: it holds no JSON object"),
    }
}

/// The bundle in `bytes`, checked through.
pub(super) fn read(bytes: &[u8]) -> Result<Bundle> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(refuse(
            "file_too_large",
            format!("the file is larger than {} MB; no trip bundle is", MAX_IMPORT_BYTES / 1_048_576),
        ));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let header: Header = serde_json::from_slice(bytes).map_err(|error| unreadable(&error))?;
    if header.format.as_ref().and_then(|format| format.as_str()) != Some(FORMAT) {
        return Err(refuse(
            "bundle_wrong_format",
            format!("the file is not a Partnerdesk trip bundle: its \"format\" must be \"{FORMAT}\""),
        ));
    }
    match header.version.as_ref().and_then(|version| version.as_u64()) {
        Some(version) if version > u64::from(VERSION) => {
            return Err(refuse(
                "bundle_too_new",
                format!(
                    "this trip bundle was written by a newer Partnerdesk (bundle version {version}; this version \
                     reads up to {VERSION}). Please update Partnerdesk to import it"
                ),
            ))
        }
        Some(version) if version >= 1 => {}
        _ => return Err(refuse("bundle_invalid", "the trip bundle has no valid \"version\" (a whole number from 1)")),
    }
    let bundle: Bundle = serde_json::from_slice(bytes)
        .map_err(|error| refuse("bundle_invalid", format!("the trip bundle is damaged: {error}")))?;
    let problems = problems_of(&bundle);
    if problems.is_empty() {
        return Ok(bundle);
    }
    let mut message =
        format!("the trip bundle is damaged: {}", problems[..problems.len().min(PROBLEMS_NAMED)].join("; "));
    if problems.len() > PROBLEMS_NAMED {
        message.push_str(&format!(" (and {} more problems)", problems.len() - PROBLEMS_NAMED));
    }
    Err(refuse("bundle_invalid", message))
}

fn record_count(bundle: &Bundle) -> usize {
    let register = &bundle.register;
    1 + bundle.checklist.len()
        + bundle.delegation.len()
        + bundle.programme.len()
        + bundle.outcomes.len()
        + bundle.tasks.iter().map(|task| 1 + task.checklist.len()).sum::<usize>()
        + register.partnerships.len()
        + register.theme_areas.len()
        + register.organisations.len()
        + register.people.len()
        + bundle.documents.len()
}

/// Collects what is wrong with a bundle, each problem naming the record it is in.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    fn add(&mut self, what: &str, problem: impl std::fmt::Display) {
        self.0.push(format!("{what}: {problem}"));
    }

    fn id(&mut self, what: &str, id: &str) {
        if uuid::Uuid::parse_str(id).is_err() {
            self.add(what, format!("{id:?} is not a record ID"));
        }
    }

    fn unique_ids<'a>(&mut self, what: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            self.id(what, id);
            if !seen.insert(id) {
                self.add(what, format!("the ID {id} occurs twice"));
            }
        }
        seen
    }

    fn text(&mut self, what: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(what, format!("{field} is empty"));
        }
    }

    fn stamp(&mut self, what: &str, field: &str, value: &str) {
        if zoned::parse_utc(value).is_none() {
            self.add(what, format!("{field} {value:?} is not a time stamp (RFC 3339)"));
        }
    }

    fn stamps(&mut self, what: &str, created_at: &str, updated_at: &str) {
        self.stamp(what, "created_at", created_at);
        self.stamp(what, "updated_at", updated_at);
    }

    fn zone(&mut self, what: &str, field: &str, zone: &str) {
        if let Err(error) = zoned::parse_zone(field, zone) {
            self.add(what, error.message);
        }
    }

    /// A time must name its zone and read the same as its instant there.
    fn time(&mut self, what: &str, field: &str, time: &Time) {
        let (Ok(zone), Ok(_), Some(instant)) =
            (zoned::parse_zone(field, &time.zone), zoned::parse_local(field, &time.local), zoned::parse_utc(&time.utc))
        else {
            return self.add(what, format!("{field} is not a local time, IANA zone and UTC instant"));
        };
        if zoned::in_zone(instant, zone).local != time.local {
            self.add(what, format!("{field} {} in {} is not the instant {}", time.local, time.zone, time.utc));
        }
    }

    fn link(&mut self, what: &str, field: &str, id: Option<&str>, known: &HashSet<&str>) {
        if let Some(id) = id.filter(|id| !known.contains(id)) {
            self.add(what, format!("{field} {id} is not in the bundle"));
        }
    }
}

/// Every text of every record within the limit of its field (`limits::kind_of`), named by
/// where it is; a document's content is the file itself, not text. `table` is the table the
/// records at `path` go into.
fn texts_within_limits(findings: &mut Findings, value: &serde_json::Value, path: &str, table: &str) {
    match value {
        serde_json::Value::Object(fields) => {
            for (key, field) in fields.iter().filter(|(key, _)| key.as_str() != "content") {
                match field {
                    serde_json::Value::String(text) => {
                        let limit = limits::kind_of(table, key).max_chars();
                        if text.chars().nth(limit).is_some() {
                            findings.add(path, format!("{key} is longer than {limit} characters"));
                        }
                    }
                    nested => {
                        texts_within_limits(findings, nested, &format!("{path}.{key}"), table_of_section(key, table))
                    }
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                texts_within_limits(findings, item, &format!("{path}[{index}]"), table);
            }
        }
        _ => {}
    }
}

/// The table the records of a bundle's section go into; `within` for nested values.
fn table_of_section<'a>(section: &'a str, within: &'a str) -> &'a str {
    match section {
        "trip" => "trips",
        "checklist" => "checklist_steps",
        "delegation" => "members",
        "programme" => "programme_items",
        "partnerships" | "theme_areas" | "organisations" | "people" | "outcomes" | "tasks" | "documents" => section,
        _ => within,
    }
}

fn problems_of(bundle: &Bundle) -> Vec<String> {
    let mut findings = Findings::default();
    let count = record_count(bundle);
    if count > MAX_RECORDS {
        findings.add("bundle", format!("it holds {count} records; a trip bundle holds at most {MAX_RECORDS}"));
        return findings.0;
    }
    for (count, limit, what) in [
        (bundle.programme.len(), limits::ITEMS_PER_TRIP, "programme items"),
        (bundle.delegation.len(), limits::MEMBERS_PER_TRIP, "delegation members"),
    ] {
        if count > limit {
            findings.add("bundle", format!("it holds {count} {what}; a trip holds at most {limit}"));
        }
    }
    match serde_json::to_value(bundle) {
        Ok(value) => texts_within_limits(&mut findings, &value, "bundle", "bundle"),
        Err(error) => findings.add("bundle", error),
    }
    let register = &bundle.register;
    let partnerships = findings.unique_ids("partnership", register.partnerships.iter().map(|p| p.id.as_str()));
    let themes = findings.unique_ids("theme area", register.theme_areas.iter().map(|t| t.id.as_str()));
    let organisations = findings.unique_ids("organisation", register.organisations.iter().map(|o| o.id.as_str()));
    let people = findings.unique_ids("person", register.people.iter().map(|p| p.id.as_str()));
    let members = findings.unique_ids("delegation member", bundle.delegation.iter().map(|m| m.id.as_str()));
    let items = findings.unique_ids("programme item", bundle.programme.iter().map(|i| i.id.as_str()));
    let outcomes = findings.unique_ids("outcome", bundle.outcomes.iter().map(|o| o.id.as_str()));
    findings.unique_ids("task", bundle.tasks.iter().map(|t| t.id.as_str()));
    let steps = bundle.checklist.iter().chain(bundle.tasks.iter().flat_map(|task| &task.checklist));
    findings.unique_ids("checklist step", steps.map(|s| s.id.as_str()));

    for partnership in &register.partnerships {
        let what = format!("partnership {}", partnership.id);
        findings.text(&what, "our_side", &partnership.our_side);
        findings.text(&what, "partner_place", &partnership.partner_place);
        findings.zone(&what, "partner_zone", &partnership.partner_zone);
        findings.stamps(&what, &partnership.created_at, &partnership.updated_at);
    }
    for theme in &register.theme_areas {
        findings.text(&format!("theme area {}", theme.id), "name", &theme.name);
    }
    for organisation in &register.organisations {
        let what = format!("organisation {}", organisation.id);
        findings.text(&what, "name", &organisation.name);
        findings.link(&what, "partnership_id", organisation.partnership_id.as_deref(), &partnerships);
        findings.stamps(&what, &organisation.created_at, &organisation.updated_at);
    }
    for person in &register.people {
        let what = format!("person {}", person.id);
        findings.text(&what, "name_latin", &person.name_latin);
        findings.link(&what, "organisation_id", person.organisation_id.as_deref(), &organisations);
        findings.link(&what, "partnership_id", person.partnership_id.as_deref(), &partnerships);
        findings.stamps(&what, &person.created_at, &person.updated_at);
    }

    let trip = &bundle.trip;
    let what = format!("trip {}", trip.id);
    findings.id(&what, &trip.id);
    findings.text(&what, "title", &trip.title);
    findings.zone(&what, "time_zone", &trip.time_zone);
    if trip.end_date < trip.start_date {
        findings.add(&what, "it ends before it starts");
    }
    findings.link(&what, "partnership_id", trip.partnership_id.as_deref(), &partnerships);
    for (position, further) in trip.further_partnership_ids.iter().enumerate() {
        findings.link(&what, "further_partnership_ids", Some(further), &partnerships);
        if trip.partnership_id.as_ref() == Some(further) || trip.further_partnership_ids[..position].contains(further) {
            findings.add(&what, format!("it names the partnership {further} twice"));
        }
    }
    for theme_id in &trip.theme_ids {
        findings.link(&what, "theme_ids", Some(theme_id), &themes);
    }
    findings.stamps(&what, &trip.created_at, &trip.updated_at);
    let steps = bundle.checklist.iter().chain(bundle.tasks.iter().flat_map(|task| &task.checklist));
    for step in steps {
        let what = format!("checklist step {}", step.id);
        findings.text(&what, "text", &step.text);
        if let Some(done_at) = &step.done_at {
            findings.stamp(&what, "done_at", done_at);
        }
        findings.stamps(&what, &step.created_at, &step.updated_at);
    }

    let mut names = HashSet::new();
    for member in &bundle.delegation {
        let what = format!("delegation member {}", member.id);
        findings.text(&what, "name_latin", &member.name_latin);
        if !names.insert(crate::vocabulary::name_key(&member.name_latin)) {
            findings.add(&what, format!("{} is in the delegation twice", member.name_latin.trim()));
        }
        findings.link(&what, "person_id", member.person_id.as_deref(), &people);
        findings.stamps(&what, &member.created_at, &member.updated_at);
    }
    for item in &bundle.programme {
        let what = format!("programme item {}", item.id);
        findings.text(&what, "title", &item.title);
        findings.time(&what, "start", &item.start);
        findings.time(&what, "end", &item.end);
        for host in &item.hosts {
            let known = match host.kind {
                RegisterKind::Person => &people,
                RegisterKind::Organisation => &organisations,
            };
            findings.link(&what, "hosts", Some(&host.id), known);
        }
        for member_id in &item.participant_ids {
            findings.link(&what, "participant_ids", Some(member_id), &members);
        }
        findings.stamps(&what, &item.created_at, &item.updated_at);
    }
    for outcome in &bundle.outcomes {
        let what = format!("outcome {}", outcome.id);
        findings.text(&what, "text", &outcome.text);
        findings.link(&what, "item_id", Some(&outcome.item_id), &items);
        for person_id in &outcome.people {
            findings.link(&what, "people", Some(person_id), &people);
        }
        findings.stamps(&what, &outcome.created_at, &outcome.updated_at);
    }
    let this_trip = HashSet::from([trip.id.as_str()]);
    for task in &bundle.tasks {
        let what = format!("task {}", task.id);
        findings.text(&what, "title", &task.title);
        findings.link(&what, "owner_id", task.owner_id.as_deref(), &people);
        findings.link(&what, "trip_id", task.trip_id.as_deref(), &this_trip);
        findings.link(&what, "item_id", task.item_id.as_deref(), &items);
        findings.link(&what, "outcome_id", task.outcome_id.as_deref(), &outcomes);
        findings.link(&what, "partnership_id", task.partnership_id.as_deref(), &partnerships);
        findings.link(&what, "theme_id", task.theme_id.as_deref(), &themes);
        for person_id in &task.people {
            findings.link(&what, "people", Some(person_id), &people);
        }
        if let Some(closed_at) = &task.closed_at {
            findings.stamp(&what, "closed_at", closed_at);
        }
        findings.stamps(&what, &task.created_at, &task.updated_at);
    }
    findings.unique_ids("document", bundle.documents.iter().map(|d| d.id.as_str()));
    for document in &bundle.documents {
        let what = format!("document {}", document.id);
        findings.text(&what, "name", &document.name);
        let owners = match document.owner {
            DocumentOwnerKind::Trip => &this_trip,
            DocumentOwnerKind::Item => &items,
            DocumentOwnerKind::Member => &members,
            other => {
                findings.add(&what, format!("a trip bundle carries no documents of a {other}"));
                continue;
            }
        };
        findings.link(&what, "owner_id", Some(&document.owner_id), owners);
        if document.content.len() as u64 > document_files::MAX_DOCUMENT_BYTES {
            findings.add(&what, "it is larger than 100 MB");
        } else if document_files::content_hash(&document.content) != document.content_hash {
            findings.add(&what, "its content is not the one its content_hash names");
        }
        findings.stamps(&what, &document.created_at, &document.updated_at);
    }
    findings.0
}
