//! Taking a checked bundle in. Theme areas are matched by ID, then by name (the list of theme
//! areas is the office's own and is never renamed by an import); every other record by ID: added
//! when new, overwritten when the bundle's copy was changed later than the one here, otherwise
//! left alone. Register records come first so that every link holds. An import never deletes,
//! never moves records into or out of the trash, and never touches the passport number, date
//! of birth or visa status kept here for a member. A document's file is kept before its record
//! is written.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::bundle::records::{self, OUTCOME_PEOPLE};
use crate::bundle::{
    Bundle, Document, Item, Member, Organisation, Outcome, Partnership, Person, Step, Task, ThemeArea, Trip,
};
use crate::contacts::links::{set_hosts, set_people};
use crate::contacts::organisations::organisation_search_text;
use crate::contacts::people::person_search_text;
use crate::documents::{names, DocumentOwnerKind};
use crate::error::Result;
use crate::import::{ImportReport, PreviewAction, RecordKind};
use crate::partnerships::themes::set_trip_themes;
use crate::store::{document_files, now};
use crate::trips::set_further_partnerships;
use crate::vocabulary::{RegisterKind, RegisterRef};
use crate::zoned;

/// What happens to one record of the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Add,
    Update,
    Same,
    /// The copies differ, and the one here was changed as late or later.
    KeepLocal,
}

impl Decision {
    fn writes(self) -> bool {
        matches!(self, Decision::Add | Decision::Update)
    }
}

trait Stamped {
    fn updated_at(&self) -> &str;
}

macro_rules! stamped {
    ($($record:ty),+) => {
        $(impl Stamped for $record {
            fn updated_at(&self) -> &str {
                &self.updated_at
            }
        })+
    };
}

stamped!(Trip, Step, Member, Item, Outcome, Task, Partnership, Organisation, Person, Document);

fn decide<T: PartialEq + Stamped>(here: Option<&T>, incoming: &T) -> Decision {
    let later = |here: &T| match (zoned::parse_utc(incoming.updated_at()), zoned::parse_utc(here.updated_at())) {
        (Some(incoming), Some(here)) => incoming > here,
        (Some(_), None) => true,
        (None, _) => false,
    };
    match here {
        None => Decision::Add,
        Some(here) if here == incoming => Decision::Same,
        Some(here) if later(here) => Decision::Update,
        Some(_) => Decision::KeepLocal,
    }
}

/// `INSERT` of `columns` (the first is `id`) that overwrites every column of a record already
/// kept under the ID; columns not named (a member's passport number, a task's trash mark) stay.
fn upsert(table: &str, columns: &[&str]) -> String {
    let placeholders: Vec<String> = (1..=columns.len()).map(|n| format!("?{n}")).collect();
    let assignments: Vec<String> = columns[1..].iter().map(|column| format!("{column} = excluded.{column}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT (id) DO UPDATE SET {}",
        columns.join(", "),
        placeholders.join(", "),
        assignments.join(", ")
    )
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_string()
}

fn with_original(name: &str, original: &str) -> String {
    if original.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({original})")
    }
}

fn person_refs(ids: &[String]) -> Vec<RegisterRef> {
    ids.iter().map(|id| RegisterRef { kind: RegisterKind::Person, id: id.clone() }).collect()
}

pub(super) fn merge(conn: &Connection, mut bundle: Bundle, report: &mut ImportReport) -> Result<()> {
    bundle.keep_withheld(conn)?;
    let theme_ids = themes_here(conn, &bundle.register.theme_areas)?;
    bundle.trip.theme_ids = bundle.trip.theme_ids.iter().map(|id| theme_ids[id].clone()).collect();
    bundle.trip.theme_ids.sort();
    for task in &mut bundle.tasks {
        task.theme_id = task.theme_id.as_ref().map(|id| theme_ids[id].clone());
    }
    let mut merger = Merger { conn, report, left_out_members: HashSet::new() };
    for partnership in &bundle.register.partnerships {
        merger.partnership(partnership)?;
    }
    for organisation in &bundle.register.organisations {
        merger.organisation(organisation)?;
    }
    for person in &bundle.register.people {
        merger.person(person)?;
    }
    merger.trip(&bundle.trip, &bundle.checklist)?;
    for member in &bundle.delegation {
        merger.member(&bundle.trip.id, member)?;
    }
    for item in &bundle.programme {
        merger.item(&bundle.trip.id, item)?;
    }
    for outcome in &bundle.outcomes {
        merger.outcome(outcome)?;
    }
    for task in &bundle.tasks {
        merger.task(task)?;
    }
    for document in std::mem::take(&mut bundle.documents) {
        merger.document(document)?;
    }
    Ok(())
}

/// The ID here of each theme area of the bundle: its own, that of the theme area here with
/// the same name, or its own after adding it.
fn themes_here(conn: &Connection, themes: &[ThemeArea]) -> Result<HashMap<String, String>> {
    let mut ids = HashMap::new();
    for theme in themes {
        let here: Option<String> = conn
            .prepare_cached(
                "SELECT id FROM theme_areas WHERE id = ?1 OR name = ?2 COLLATE NOCASE ORDER BY id = ?1 DESC LIMIT 1",
            )?
            .query_row(params![theme.id, theme.name.trim()], |row| row.get(0))
            .optional()?;
        let id = match here {
            Some(id) => id,
            None => {
                conn.prepare_cached(
                    "INSERT INTO theme_areas (id, name, position, created_at, updated_at)
                     VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM theme_areas), ?3, ?3)",
                )?
                .execute(params![theme.id, theme.name.trim(), now()])?;
                theme.id.clone()
            }
        };
        ids.insert(theme.id.clone(), id);
    }
    Ok(ids)
}

struct Merger<'a> {
    conn: &'a Connection,
    report: &'a mut ImportReport,
    /// Members not taken in because the delegation here has someone of the same name.
    left_out_members: HashSet<String>,
}

impl Merger<'_> {
    fn record(&mut self, decision: Decision, kind: RecordKind, label: String, detail: String) {
        let (action, detail) = match decision {
            Decision::Add => (PreviewAction::Add, detail),
            Decision::Update => (PreviewAction::Update, detail),
            Decision::Same => (PreviewAction::Unchanged, detail),
            Decision::KeepLocal => (PreviewAction::KeptNewer, detail),
        };
        self.report.record(action, kind, label, detail);
    }

    /// Records an owner of checklist steps: when only steps were brought up to date, as updated.
    fn record_with_steps(
        &mut self,
        decision: Decision,
        steps_written: usize,
        kind: RecordKind,
        label: String,
        detail: String,
    ) {
        if steps_written == 0 || decision.writes() {
            return self.record(decision, kind, label, detail);
        }
        self.report.record(PreviewAction::Update, kind, label, detail);
    }

    fn partnership(&mut self, partnership: &Partnership) -> Result<()> {
        let here = records::partnership(self.conn, &partnership.id)?;
        let decision = decide(here.as_ref(), partnership);
        if decision.writes() {
            let sql = upsert(
                "partnerships",
                &[
                    "id",
                    "our_side",
                    "our_side_kind",
                    "partner_place",
                    "partner_province",
                    "partner_country",
                    "partner_zone",
                    "kind",
                    "since",
                    "status",
                    "description",
                    "created_at",
                    "updated_at",
                ],
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                partnership.id,
                partnership.our_side,
                partnership.our_side_kind,
                partnership.partner_place,
                partnership.partner_province,
                partnership.partner_country,
                partnership.partner_zone,
                partnership.kind,
                partnership.since,
                partnership.status,
                partnership.description,
                partnership.created_at,
                partnership.updated_at,
            ])?;
        }
        let label = format!("{} – {}", partnership.our_side, partnership.partner_place);
        self.record(decision, RecordKind::Partnership, label, partnership.partner_country.clone());
        Ok(())
    }

    fn organisation(&mut self, organisation: &Organisation) -> Result<()> {
        let here = records::organisation(self.conn, &organisation.id)?;
        let decision = decide(here.as_ref(), organisation);
        if decision.writes() {
            let sql = upsert(
                "organisations",
                &[
                    "id",
                    "name",
                    "name_original",
                    "transliteration",
                    "kind",
                    "side",
                    "partnership_id",
                    "email",
                    "phone",
                    "address",
                    "notes",
                    "search_text",
                    "created_at",
                    "updated_at",
                ],
            );
            let search_text = organisation_search_text(
                &organisation.name,
                &organisation.name_original,
                &organisation.transliteration,
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                organisation.id,
                organisation.name,
                organisation.name_original,
                organisation.transliteration,
                organisation.kind,
                organisation.side,
                organisation.partnership_id,
                organisation.email,
                organisation.phone,
                organisation.address,
                organisation.notes,
                search_text,
                organisation.created_at,
                organisation.updated_at,
            ])?;
        }
        let label = with_original(&organisation.name, &organisation.name_original);
        self.record(decision, RecordKind::Organisation, label, organisation.transliteration.clone());
        Ok(())
    }

    fn person(&mut self, person: &Person) -> Result<()> {
        let here = records::person(self.conn, &person.id)?;
        let decision = decide(here.as_ref(), person);
        if decision.writes() {
            let sql = upsert(
                "people",
                &[
                    "id",
                    "name_latin",
                    "name_original",
                    "transliteration",
                    "function_title",
                    "organisation_id",
                    "side",
                    "partnership_id",
                    "email",
                    "phone",
                    "address",
                    "languages",
                    "notes",
                    "search_text",
                    "created_at",
                    "updated_at",
                ],
            );
            let search_text = person_search_text(&person.name_latin, &person.name_original, &person.transliteration);
            self.conn.prepare_cached(&sql)?.execute(params![
                person.id,
                person.name_latin,
                person.name_original,
                person.transliteration,
                person.function_title,
                person.organisation_id,
                person.side,
                person.partnership_id,
                person.email,
                person.phone,
                person.address,
                person.languages,
                person.notes,
                search_text,
                person.created_at,
                person.updated_at,
            ])?;
        }
        let label = with_original(&person.name_latin, &person.name_original);
        self.record(decision, RecordKind::Person, label, person.function_title.clone());
        Ok(())
    }

    fn trip(&mut self, trip: &Trip, checklist: &[Step]) -> Result<()> {
        let here = records::trip(self.conn, &trip.id)?;
        let decision = decide(here.as_ref(), trip);
        if decision.writes() {
            let sql = upsert(
                "trips",
                &[
                    "id",
                    "title",
                    "direction",
                    "partner_place",
                    "partner_country",
                    "time_zone",
                    "start_date",
                    "end_date",
                    "purpose",
                    "status",
                    "notes",
                    "partnership_id",
                    "checklist_version",
                    "created_at",
                    "updated_at",
                    "second_language",
                    "title_translation",
                    "purpose_translation",
                ],
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                trip.id,
                trip.title,
                trip.direction,
                trip.partner_place,
                trip.partner_country,
                trip.time_zone,
                trip.start_date,
                trip.end_date,
                trip.purpose,
                trip.status,
                trip.notes,
                trip.partnership_id,
                trip.checklist_version,
                trip.created_at,
                trip.updated_at,
                trip.second_language,
                trip.title_translation,
                trip.purpose_translation,
            ])?;
            set_trip_themes(self.conn, &trip.id, &trip.theme_ids)?;
            set_further_partnerships(self.conn, &trip.id, &trip.further_partnership_ids)?;
        }
        let steps_written = self.steps(("trip_id", &trip.id), checklist)?;
        let detail = format!("{} – {}, {}", trip.start_date, trip.end_date, trip.partner_place);
        self.record_with_steps(decision, steps_written, RecordKind::Trip, trip.title.clone(), detail);
        Ok(())
    }

    /// The steps of the checklist of `owner` (its column and ID); how many were added or updated.
    fn steps(&mut self, (owner_column, owner_id): (&str, &str), steps: &[Step]) -> Result<usize> {
        let sql =
            upsert("checklist_steps", &["id", owner_column, "position", "text", "done_at", "created_at", "updated_at"]);
        let mut written = 0;
        for step in steps {
            let here = records::steps(self.conn, "WHERE s.id = ?1", &step.id)?.pop();
            if decide(here.as_ref(), step).writes() {
                self.conn.prepare_cached(&sql)?.execute(params![
                    step.id,
                    owner_id,
                    step.position,
                    step.text,
                    step.done_at,
                    step.created_at,
                    step.updated_at,
                ])?;
                written += 1;
            }
        }
        Ok(written)
    }

    fn member(&mut self, trip_id: &str, member: &Member) -> Result<()> {
        let here = records::find_member(self.conn, &member.id)?;
        let decision = decide(here.as_ref(), member);
        let label = member.name_latin.clone();
        let name_key = crate::vocabulary::name_key(&member.name_latin);
        if decision.writes() {
            let namesake: bool = self
                .conn
                .prepare_cached("SELECT 1 FROM members WHERE trip_id = ?1 AND name_key = ?2 AND id <> ?3")?
                .exists(params![trip_id, name_key, member.id])?;
            if namesake {
                let message = format!(
                    "{label} is in the delegation here already as another entry; the bundle's entry was left out"
                );
                self.report.problem(None, "delegation", "namesake_in_delegation", &label, message);
                self.left_out_members.insert(member.id.clone());
                return Ok(());
            }
            let sql = upsert(
                "members",
                &[
                    "id",
                    "trip_id",
                    "person_id",
                    "name_latin",
                    "name_key",
                    "name_original",
                    "function_title",
                    "organisation",
                    "party",
                    "role",
                    "precedence",
                    "email",
                    "phone",
                    "dietary",
                    "accessibility",
                    "created_at",
                    "updated_at",
                ],
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                member.id,
                trip_id,
                member.person_id,
                member.name_latin,
                name_key,
                member.name_original,
                member.function_title,
                member.organisation,
                member.party,
                member.role,
                member.precedence,
                member.email,
                member.phone,
                member.dietary,
                member.accessibility,
                member.created_at,
                member.updated_at,
            ])?;
        }
        self.record(decision, RecordKind::Member, label, member.function_title.clone());
        Ok(())
    }

    fn item(&mut self, trip_id: &str, item: &Item) -> Result<()> {
        let here = records::find_item(self.conn, &item.id)?;
        // The calendar SEQUENCE counts changes here; it is no reason to call two copies different.
        let here_sequence = here.as_ref().map(|here| here.sequence);
        let here = here.map(|here| Item { sequence: item.sequence, ..here });
        let decision = decide(here.as_ref(), item);
        if decision.writes() {
            let sequence = here_sequence.map_or(item.sequence, |here| item.sequence.max(here + 1));
            let sql = upsert(
                "programme_items",
                &[
                    "id",
                    "trip_id",
                    "kind",
                    "title",
                    "start_local",
                    "start_zone",
                    "start_utc",
                    "end_local",
                    "end_zone",
                    "end_utc",
                    "place",
                    "address",
                    "everyone",
                    "notes_participants",
                    "notes_internal",
                    "sequence",
                    "created_at",
                    "updated_at",
                    "title_translation",
                    "place_translation",
                    "address_translation",
                    "notes_translation",
                ],
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                item.id,
                trip_id,
                item.kind,
                item.title,
                item.start.local,
                item.start.zone,
                item.start.utc,
                item.end.local,
                item.end.zone,
                item.end.utc,
                item.place,
                item.address,
                item.everyone,
                item.notes_participants,
                item.notes_internal,
                sequence,
                item.created_at,
                item.updated_at,
                item.title_translation,
                item.place_translation,
                item.address_translation,
                item.notes_translation,
            ])?;
            let hosts: Vec<RegisterRef> =
                item.hosts.iter().map(|host| RegisterRef { kind: host.kind, id: host.id.clone() }).collect();
            set_hosts(self.conn, &item.id, &hosts)?;
            self.conn.prepare_cached("DELETE FROM item_participants WHERE item_id = ?1")?.execute([&item.id])?;
            let mut insert = self
                .conn
                .prepare_cached("INSERT OR IGNORE INTO item_participants (item_id, member_id) VALUES (?1, ?2)")?;
            for member_id in item.participant_ids.iter().filter(|id| !self.left_out_members.contains(*id)) {
                insert.execute(params![item.id, member_id])?;
            }
        }
        let mut detail = format!("{} ({})", item.start.local.replace('T', " "), item.start.zone);
        if !item.place.is_empty() {
            detail.push_str(&format!(", {}", item.place));
        }
        self.record(decision, RecordKind::Item, item.title.clone(), detail);
        Ok(())
    }

    fn outcome(&mut self, outcome: &Outcome) -> Result<()> {
        let here = records::outcomes(self.conn, "WHERE o.id = ?1", &outcome.id)?.pop();
        let decision = decide(here.as_ref(), outcome);
        if decision.writes() {
            let sql = upsert("outcomes", &["id", "item_id", "text", "position", "created_at", "updated_at"]);
            self.conn.prepare_cached(&sql)?.execute(params![
                outcome.id,
                outcome.item_id,
                outcome.text,
                outcome.position,
                outcome.created_at,
                outcome.updated_at,
            ])?;
            set_people(self.conn, OUTCOME_PEOPLE, &outcome.id, &person_refs(&outcome.people))?;
        }
        self.record(decision, RecordKind::Outcome, first_line(&outcome.text), String::new());
        Ok(())
    }

    fn task(&mut self, task: &Task) -> Result<()> {
        let here = records::tasks(self.conn, "WHERE t.id = ?1", &task.id)?.pop();
        // The checklist is compared step by step, each by its own time stamp.
        let here = here.map(|here| Task { checklist: task.checklist.clone(), ..here });
        let decision = decide(here.as_ref(), task);
        if decision.writes() {
            let sql = upsert(
                "tasks",
                &[
                    "id",
                    "title",
                    "description",
                    "owner_id",
                    "due_date",
                    "priority",
                    "status",
                    "trip_id",
                    "item_id",
                    "outcome_id",
                    "partnership_id",
                    "theme_id",
                    "closed_at",
                    "created_at",
                    "updated_at",
                ],
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                task.id,
                task.title,
                task.description,
                task.owner_id,
                task.due_date,
                task.priority,
                task.status,
                task.trip_id,
                task.item_id,
                task.outcome_id,
                task.partnership_id,
                task.theme_id,
                task.closed_at,
                task.created_at,
                task.updated_at,
            ])?;
            set_people(self.conn, crate::tasks::TASK_PEOPLE, &task.id, &person_refs(&task.people))?;
        }
        let steps_written = self.steps(("task_id", &task.id), &task.checklist)?;
        let detail = task.due_date.map(|due| due.to_string()).unwrap_or_default();
        self.record_with_steps(decision, steps_written, RecordKind::Task, task.title.clone(), detail);
        Ok(())
    }

    fn document(&mut self, mut document: Document) -> Result<()> {
        if document.owner == DocumentOwnerKind::Member && self.left_out_members.contains(&document.owner_id) {
            return Ok(());
        }
        let content = std::mem::take(&mut document.content);
        document.name = names::sanitized(&document.name);
        let here = records::document(self.conn, &document.id)?;
        let decision = decide(here.as_ref(), &document);
        if decision.writes() {
            if self.report.keeps_files {
                document_files::keep(self.conn, &content)?;
            }
            let owner_column = match document.owner {
                DocumentOwnerKind::Trip => "trip_id",
                DocumentOwnerKind::Item => "item_id",
                _ => "member_id",
            };
            let sql = format!(
                "INSERT INTO documents (id, {owner_column}, name, kind, document_date, content_hash, size_bytes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (id) DO UPDATE SET trip_id = excluded.trip_id, item_id = excluded.item_id,
                    member_id = excluded.member_id, name = excluded.name, kind = excluded.kind,
                    document_date = excluded.document_date, content_hash = excluded.content_hash,
                    size_bytes = excluded.size_bytes, created_at = excluded.created_at, updated_at = excluded.updated_at"
            );
            self.conn.prepare_cached(&sql)?.execute(params![
                document.id,
                document.owner_id,
                document.name,
                document.kind.as_str(),
                document.document_date,
                document.content_hash,
                content.len() as i64,
                document.created_at,
                document.updated_at,
            ])?;
        }
        let detail = document.document_date.map(|date| date.to_string()).unwrap_or_default();
        self.record(decision, RecordKind::Document, document.name.clone(), detail);
        Ok(())
    }
}
