//! Projects that outlive a trip: the photo exhibition, a school exchange, a competence centre
//! run by several carriers. A project belongs to one or more partnerships and a theme area; it
//! has a goal, a status and a period, the people and organisations involved with their role,
//! and links to the trips, programme items and agreements that serve it. Tasks and outcomes
//! are filed under it (their `project_id`); documents can belong to it.

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::links::check_hosts;
use crate::contacts::{RegisterEntry, ORGANISATION_LABEL, PERSON_LABEL};
use crate::error::{Error, Problems, Result};
use crate::partnerships::themes::ThemeArea;
use crate::store::paging::{read_page, Page, PageRequest, PageSql};
use crate::store::trash::{exists_outside_trash, move_to_trash, take_out_of_trash, TrashedEntry};
use crate::store::{atomically, like_pattern, new_id, now};
use crate::vocabulary::{RecordLink, RegisterKind, RegisterRef};
use crate::zoned;

#[cfg(test)]
pub(crate) mod tests;

crate::text_enum! {
    pub enum ProjectStatus {
        Idea => "idea",
        Planned => "planned",
        Running => "running",
        Done => "done",
        Dropped => "dropped",
    }
}

crate::text_enum! {
    /// What a person or organisation is to a project.
    pub enum ProjectRole { Carrier => "carrier", Partner => "partner", Contact => "contact" }
}

crate::text_enum! {
    /// The records a project links to from the project page.
    pub enum ProjectLinkKind { Trip => "trip", Item => "item", Agreement => "agreement" }
}

impl ProjectLinkKind {
    fn link_table(self) -> (&'static str, &'static str) {
        match self {
            ProjectLinkKind::Trip => ("project_trips", "trip_id"),
            ProjectLinkKind::Item => ("project_items", "item_id"),
            ProjectLinkKind::Agreement => ("project_agreements", "agreement_id"),
        }
    }

    fn table(self) -> &'static str {
        match self {
            ProjectLinkKind::Trip => "trips",
            ProjectLinkKind::Item => "programme_items",
            ProjectLinkKind::Agreement => "agreements",
        }
    }
}

/// A project as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProjectSummary {
    pub id: String,
    pub title: String,
    pub status: ProjectStatus,
    pub theme: Option<ThemeArea>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub partnerships: Vec<RecordLink>,
    /// Tasks filed under the project that are not closed.
    pub open_tasks: i64,
}

/// Someone involved in a project, and as what.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProjectParticipant {
    pub who: RegisterEntry,
    pub role: ProjectRole,
}

/// A trip, programme item, agreement or outcome that serves a project, as its page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProjectRecord {
    pub id: String,
    pub label: String,
    /// The trip of an item or outcome, the partnership of an agreement.
    pub context: String,
    /// A trip's first day, an item's local start, an agreement's signing date.
    pub date: Option<String>,
    /// Where the record opens: its trip (items and outcomes)…
    pub trip_id: Option<String>,
    /// …the programme item (outcomes)…
    pub item_id: Option<String>,
    /// …or its partnership (agreements).
    pub partnership_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Project {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub status: ProjectStatus,
    pub theme: Option<ThemeArea>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub notes: String,
    pub partnerships: Vec<RecordLink>,
    pub participants: Vec<ProjectParticipant>,
    pub trips: Vec<ProjectRecord>,
    pub items: Vec<ProjectRecord>,
    pub agreements: Vec<ProjectRecord>,
    /// Outcomes of programme items filed under the project.
    pub outcomes: Vec<ProjectRecord>,
    pub open_tasks: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ParticipantInput {
    pub who: RegisterRef,
    pub role: ProjectRole,
}

/// What the project form sends; dates travel as text (empty: not set).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ProjectInput {
    pub title: String,
    #[serde(default)]
    pub goal: String,
    pub status: ProjectStatus,
    #[serde(default)]
    pub theme_id: Option<String>,
    #[serde(default)]
    pub starts_on: String,
    #[serde(default)]
    pub ends_on: String,
    #[serde(default)]
    pub notes: String,
    /// At least one.
    pub partnership_ids: Vec<String>,
    #[serde(default)]
    pub participants: Vec<ParticipantInput>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ProjectQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub status: Option<ProjectStatus>,
    #[serde(default)]
    pub partnership_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

const OPEN_TASKS: &str = "(SELECT count(*) FROM tasks t WHERE t.project_id = pr.id AND t.deleted_at IS NULL
    AND t.status IN ('open', 'in_progress', 'waiting'))";

/// Selects the columns `summary_from_row` reads, then `more_columns`.
fn select_projects(more_columns: &str) -> String {
    format!(
        "SELECT pr.id, pr.title, pr.status, pr.theme_id, th.name, pr.starts_on, pr.ends_on, {OPEN_TASKS},
            (SELECT json_group_array(json_object('id', id, 'label', label)) FROM (
                SELECT p.id, p.our_side || ' – ' || p.partner_place AS label FROM project_partnerships l
                JOIN partnerships p ON p.id = l.partnership_id AND p.deleted_at IS NULL
                WHERE l.project_id = pr.id ORDER BY l.position)){more_columns}
         FROM projects pr LEFT JOIN theme_areas th ON th.id = pr.theme_id"
    )
}

fn summary_from_row(row: &Row) -> rusqlite::Result<ProjectSummary> {
    let theme = match (row.get::<_, Option<String>>(3)?, row.get::<_, Option<String>>(4)?) {
        (Some(id), Some(name)) => Some(ThemeArea { id, name }),
        _ => None,
    };
    Ok(ProjectSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        status: row.get(2)?,
        theme,
        starts_on: row.get(5)?,
        ends_on: row.get(6)?,
        partnerships: RecordLink::list_in_column(row, 8)?,
        open_tasks: row.get(7)?,
    })
}

fn participants_of(conn: &Connection, project_id: &str) -> Result<Vec<ProjectParticipant>> {
    let sql = format!(
        "SELECT CASE WHEN l.person_id IS NULL THEN 'organisation' ELSE 'person' END,
            coalesce(l.person_id, l.organisation_id), coalesce({PERSON_LABEL}, {ORGANISATION_LABEL}),
            coalesce(po.name, o.transliteration, ''), coalesce(p.side, o.side), l.role
         FROM project_participants l
         LEFT JOIN people p ON p.id = l.person_id AND p.deleted_at IS NULL
         LEFT JOIN organisations po ON po.id = p.organisation_id AND po.deleted_at IS NULL
         LEFT JOIN organisations o ON o.id = l.organisation_id AND o.deleted_at IS NULL
         WHERE l.project_id = ?1 AND (p.id IS NOT NULL OR o.id IS NOT NULL) ORDER BY l.position"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map([project_id], |row| {
            Ok(ProjectParticipant {
                who: RegisterEntry {
                    kind: row.get(0)?,
                    id: row.get(1)?,
                    label: row.get(2)?,
                    detail: row.get(3)?,
                    side: row.get(4)?,
                },
                role: row.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn records(conn: &Connection, sql: &str, project_id: &str) -> Result<Vec<ProjectRecord>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([project_id], |row| {
            Ok(ProjectRecord {
                id: row.get(0)?,
                label: row.get(1)?,
                context: row.get(2)?,
                date: row.get(3)?,
                trip_id: row.get(4)?,
                item_id: row.get(5)?,
                partnership_id: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

const LINKED_TRIPS: &str = "SELECT t.id, t.title, t.partner_place, t.start_date, t.id, NULL, NULL
    FROM project_trips l JOIN trips t ON t.id = l.trip_id AND t.deleted_at IS NULL
    WHERE l.project_id = ?1 ORDER BY t.start_date DESC, t.id";
const LINKED_ITEMS: &str = "SELECT i.id, i.title, t.title, i.start_local, t.id, i.id, NULL
    FROM project_items l JOIN programme_items i ON i.id = l.item_id AND i.deleted_at IS NULL
    JOIN trips t ON t.id = i.trip_id AND t.deleted_at IS NULL
    WHERE l.project_id = ?1 ORDER BY i.start_utc DESC, i.id";
const LINKED_AGREEMENTS: &str =
    "SELECT a.id, a.title, p.our_side || ' – ' || p.partner_place, a.signed_on, NULL, NULL, p.id
    FROM project_agreements l JOIN agreements a ON a.id = l.agreement_id AND a.deleted_at IS NULL
    JOIN partnerships p ON p.id = a.partnership_id AND p.deleted_at IS NULL
    WHERE l.project_id = ?1 ORDER BY a.signed_on DESC, a.id";
const FILED_OUTCOMES: &str = "SELECT o.id, o.text, i.title || ' · ' || t.title, i.start_local, t.id, i.id, NULL
    FROM outcomes o JOIN programme_items i ON i.id = o.item_id AND i.deleted_at IS NULL
    JOIN trips t ON t.id = i.trip_id AND t.deleted_at IS NULL
    WHERE o.project_id = ?1 AND o.deleted_at IS NULL ORDER BY i.start_utc DESC, o.position";

pub fn get_project(conn: &Connection, id: &str) -> Result<Project> {
    let (summary, goal, notes, created_at, updated_at) = conn
        .prepare_cached(&format!(
            "{} WHERE pr.id = ?1 AND pr.deleted_at IS NULL",
            select_projects(", pr.goal, pr.notes, pr.created_at, pr.updated_at")
        ))?
        .query_row([id], |row| Ok((summary_from_row(row)?, row.get(9)?, row.get(10)?, row.get(11)?, row.get(12)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("project {id}")))?;
    Ok(Project {
        id: summary.id,
        title: summary.title,
        goal,
        status: summary.status,
        theme: summary.theme,
        starts_on: summary.starts_on,
        ends_on: summary.ends_on,
        notes,
        partnerships: summary.partnerships,
        participants: participants_of(conn, id)?,
        trips: records(conn, LINKED_TRIPS, id)?,
        items: records(conn, LINKED_ITEMS, id)?,
        agreements: records(conn, LINKED_AGREEMENTS, id)?,
        outcomes: records(conn, FILED_OUTCOMES, id)?,
        open_tasks: summary.open_tasks,
        created_at,
        updated_at,
    })
}

/// Projects by status (running first), then by start; of one partnership when asked.
pub fn list_projects(conn: &Connection, query: &ProjectQuery) -> Result<Page<ProjectSummary>> {
    let select = select_projects("");
    let sql = PageSql {
        select: &select,
        from: "projects pr",
        filter: "pr.deleted_at IS NULL
            AND (:pattern = '%%' OR pr.title LIKE :pattern ESCAPE '\\' OR pr.goal LIKE :pattern ESCAPE '\\')
            AND (:status IS NULL OR pr.status = :status)
            AND (:partnership IS NULL OR pr.id IN
                (SELECT project_id FROM project_partnerships WHERE partnership_id = :partnership))",
        order: "CASE pr.status WHEN 'running' THEN 0 WHEN 'planned' THEN 1 WHEN 'idea' THEN 2 WHEN 'done' THEN 3 ELSE 4 END,
            pr.starts_on DESC, pr.title COLLATE NOCASE, pr.id",
    };
    let params = named_params! {
        ":pattern": like_pattern(&query.search),
        ":status": query.status,
        ":partnership": query.partnership_id,
    };
    read_page(conn, &sql, params, query.page, summary_from_row)
}

struct Period {
    starts_on: Option<NaiveDate>,
    ends_on: Option<NaiveDate>,
}

fn validate(conn: &Connection, input: &ProjectInput) -> Result<Period> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "projects",
        &[("title", &input.title), ("goal", &input.goal), ("notes", &input.notes)],
    );
    if input.title.trim().is_empty() {
        problems.push("title", "required", "a project needs a title");
    }
    let mut date = |field: &str, text: &str| match text.trim() {
        "" => None,
        text => zoned::parse_date(field, text).map_err(|e| problems.add(e)).ok(),
    };
    let period = Period { starts_on: date("starts_on", &input.starts_on), ends_on: date("ends_on", &input.ends_on) };
    if let (Some(starts), Some(ends)) = (period.starts_on, period.ends_on) {
        if ends < starts {
            problems.push("ends_on", "end_before_start", "the project ends before it starts");
        }
    }
    if input.partnership_ids.is_empty() {
        problems.push("partnership_ids", "required", "a project belongs to at least one partnership");
    }
    for id in &input.partnership_ids {
        if !exists_outside_trash(conn, "partnerships", id)? {
            problems.push("partnership_ids", "unknown_partnership", format!("{id} is not a partnership"));
            break;
        }
    }
    if let Some(theme) = &input.theme_id {
        if !conn.prepare_cached("SELECT 1 FROM theme_areas WHERE id = ?1")?.exists([theme])? {
            problems.push("theme_id", "unknown_theme", format!("{theme} is not a theme area"));
        }
    }
    let who: Vec<RegisterRef> = input.participants.iter().map(|p| p.who.clone()).collect();
    if let Some(mut problem) = check_hosts(conn, &who)? {
        problem.field = "participants".into();
        problem.code = "unknown_participant".into();
        problems.add(problem);
    }
    problems.into_result()?;
    Ok(period)
}

pub fn create_project(conn: &Connection, input: &ProjectInput) -> Result<Project> {
    let period = validate(conn, input)?;
    let id = new_id();
    atomically(conn, |conn| write_project(conn, &id, input, &period))?;
    get_project(conn, &id)
}

pub fn update_project(conn: &Connection, id: &str, input: &ProjectInput) -> Result<Project> {
    let period = validate(conn, input)?;
    if !exists_outside_trash(conn, "projects", id)? {
        return Err(Error::NotFound(format!("project {id}")));
    }
    atomically(conn, |conn| write_project(conn, id, input, &period))?;
    get_project(conn, id)
}

fn write_project(conn: &Connection, id: &str, input: &ProjectInput, period: &Period) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO projects (id, title, goal, status, theme_id, starts_on, ends_on, notes, created_at, updated_at)
         VALUES (:id, :title, :goal, :status, :theme, :starts, :ends, :notes, :stamp, :stamp)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, goal = excluded.goal, status = excluded.status,
            theme_id = excluded.theme_id, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
            notes = excluded.notes, updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": id,
        ":title": input.title.trim(),
        ":goal": input.goal.trim(),
        ":status": input.status,
        ":theme": input.theme_id,
        ":starts": period.starts_on,
        ":ends": period.ends_on,
        ":notes": input.notes.trim(),
        ":stamp": now(),
    })?;
    conn.prepare_cached("DELETE FROM project_partnerships WHERE project_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO project_partnerships (project_id, partnership_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, partnership) in input.partnership_ids.iter().enumerate() {
        insert.execute(params![id, partnership, position as i64])?;
    }
    conn.prepare_cached("DELETE FROM project_participants WHERE project_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO project_participants (project_id, position, person_id, organisation_id, role)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut seen = std::collections::HashSet::new();
    for participant in &input.participants {
        if !seen.insert(&participant.who) {
            continue;
        }
        let (person, organisation) = match participant.who.kind {
            RegisterKind::Person => (Some(&participant.who.id), None),
            RegisterKind::Organisation => (None, Some(&participant.who.id)),
        };
        insert.execute(params![id, seen.len() as i64, person, organisation, participant.role])?;
    }
    Ok(())
}

/// Links a trip, programme item or agreement to the project; linking twice changes nothing.
pub fn link_to_project(conn: &Connection, project_id: &str, kind: ProjectLinkKind, record_id: &str) -> Result<Project> {
    if !exists_outside_trash(conn, "projects", project_id)? {
        return Err(Error::NotFound(format!("project {project_id}")));
    }
    if !exists_outside_trash(conn, kind.table(), record_id)? {
        return Err(Error::NotFound(format!("{kind} {record_id}")));
    }
    let (table, column) = kind.link_table();
    conn.prepare_cached(&format!("INSERT OR IGNORE INTO {table} (project_id, {column}) VALUES (?1, ?2)"))?
        .execute(params![project_id, record_id])?;
    touch(conn, project_id)?;
    get_project(conn, project_id)
}

pub fn unlink_from_project(
    conn: &Connection,
    project_id: &str,
    kind: ProjectLinkKind,
    record_id: &str,
) -> Result<Project> {
    let (table, column) = kind.link_table();
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE project_id = ?1 AND {column} = ?2"))?
        .execute(params![project_id, record_id])?;
    touch(conn, project_id)?;
    get_project(conn, project_id)
}

fn touch(conn: &Connection, project_id: &str) -> Result<()> {
    conn.prepare_cached("UPDATE projects SET updated_at = ?2 WHERE id = ?1")?.execute(params![project_id, now()])?;
    Ok(())
}

/// The projects a trip serves, by title.
pub fn projects_of_trip(conn: &Connection, trip_id: &str) -> Result<Vec<RecordLink>> {
    Ok(conn
        .prepare_cached(
            "SELECT pr.id, pr.title FROM project_trips l JOIN projects pr ON pr.id = l.project_id
             WHERE l.trip_id = ?1 AND pr.deleted_at IS NULL ORDER BY pr.title COLLATE NOCASE",
        )?
        .query_map([trip_id], |row| Ok(RecordLink { id: row.get(0)?, label: row.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Moves a project to the trash; its links, tasks and outcomes stay until it is deleted for good.
pub fn delete_project(conn: &Connection, id: &str) -> Result<()> {
    move_to_trash(conn, "projects", "project", id)
}

pub fn restore_project(conn: &Connection, id: &str) -> Result<Project> {
    take_out_of_trash(conn, "projects", "project", id)?;
    get_project(conn, id)
}

/// Projects in the trash, newest deletion first, each with its first partnership.
pub fn trashed_projects(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT pr.id, pr.title,
            coalesce((SELECT p.our_side || ' – ' || p.partner_place FROM project_partnerships l
                JOIN partnerships p ON p.id = l.partnership_id WHERE l.project_id = pr.id ORDER BY l.position LIMIT 1), ''),
            NULL, pr.deleted_at
         FROM projects pr WHERE pr.deleted_at IS NOT NULL ORDER BY pr.deleted_at DESC",
    )
}
