//! Seeing work: tasks by view (open, overdue, due this week, closed, all), filtered by owner,
//! person, trip, partnership, project, theme area, status and text (through the office-wide search
//! index, so that the words are found as the search finds them), sorted and paged.

use chrono::NaiveDate;
use rusqlite::{named_params, Connection};
use serde::Deserialize;
use ts_rs::TS;

use super::due::week_of;
use super::{get_task, Task, TaskStatus};
use crate::error::Result;
use crate::names::search_terms::{kind_slots, query_terms};
use crate::store::paging::{used_by, Page, PageRequest};

crate::text_enum! {
    pub enum TaskView {
        Open => "open",
        Overdue => "overdue",
        ThisWeek => "this_week",
        Closed => "closed",
        All => "all",
    }
}

crate::text_enum! {
    pub enum TaskSort { Due => "due", Priority => "priority", Title => "title", Updated => "updated" }
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct TaskQuery {
    /// Open tasks unless said otherwise.
    #[serde(default)]
    pub view: Option<TaskView>,
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub status: Option<TaskStatus>,
    /// Tasks this person owns.
    #[serde(default)]
    pub owner_id: Option<String>,
    /// Tasks this person owns or is linked to.
    #[serde(default)]
    pub person_id: Option<String>,
    #[serde(default)]
    pub trip_id: Option<String>,
    #[serde(default)]
    pub partnership_id: Option<String>,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub theme_id: Option<String>,
    #[serde(default)]
    pub sort: Option<TaskSort>,
    /// Which page of the list.
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

const OPEN: &str = "t.status IN ('open', 'in_progress', 'waiting')";

pub fn list_tasks(conn: &Connection, query: &TaskQuery, today: NaiveDate) -> Result<Page<Task>> {
    let view = match query.view.unwrap_or(TaskView::Open) {
        TaskView::Open => OPEN.to_string(),
        TaskView::Overdue => format!("{OPEN} AND t.due_date < :today"),
        TaskView::ThisWeek => format!("{OPEN} AND t.due_date BETWEEN :monday AND :sunday"),
        TaskView::Closed => "t.status IN ('done', 'dropped')".to_string(),
        TaskView::All => "1".to_string(),
    };
    // Only the filters that are set become conditions, so that each can use its index.
    let mut conditions = vec!["t.deleted_at IS NULL".to_string(), view];
    let searching = !query.search.trim().is_empty();
    let set = [
        (
            searching,
            "t.id IN (SELECT r.record_id FROM search_records r WHERE r.id IN (
                 SELECT rowid FROM search_index WHERE search_index MATCH :words AND rowid BETWEEN :first AND :last))",
        ),
        (query.status.is_some(), "t.status = :status"),
        (query.owner_id.is_some(), "t.owner_id = :owner"),
        (
            query.person_id.is_some(),
            "(t.owner_id = :person OR t.id IN (SELECT tp.task_id FROM task_people tp WHERE tp.person_id = :person))",
        ),
        (query.trip_id.is_some(), "t.trip_id = :trip"),
        (query.partnership_id.is_some(), "t.partnership_id = :partnership"),
        (query.project_id.is_some(), "t.project_id = :project"),
        (query.theme_id.is_some(), "t.theme_id = :theme"),
    ];
    conditions.extend(set.into_iter().filter(|(is_set, _)| *is_set).map(|(_, condition)| condition.to_string()));
    let filter = conditions.join(" AND ");
    let order = match query.sort.unwrap_or(TaskSort::Due) {
        TaskSort::Due => {
            "t.due_date IS NULL, t.due_date, CASE t.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, t.id"
        }
        TaskSort::Priority => {
            "CASE t.priority WHEN 'high' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, t.due_date IS NULL, t.due_date, t.id"
        }
        TaskSort::Title => "t.title COLLATE NOCASE, t.id",
        TaskSort::Updated => "t.updated_at DESC, t.id",
    };
    let (monday, sunday) = week_of(today);
    // Typed text with nothing to search for (only signs) finds nothing.
    let words = query_terms(&query.search).unwrap_or_else(|| "\"\"".to_string());
    let (first, last) = kind_slots("task");
    let all_params = named_params! {
        ":today": today,
        ":monday": monday,
        ":sunday": sunday,
        ":words": words,
        ":first": first,
        ":last": last,
        ":status": query.status,
        ":owner": query.owner_id,
        ":person": query.person_id,
        ":trip": query.trip_id,
        ":partnership": query.partnership_id,
        ":project": query.project_id,
        ":theme": query.theme_id,
        ":limit": query.page.size(),
        ":offset": query.page.start(),
    };
    // A text search reads its matches once and counts them on the way; without one, the count
    // runs on an index and the page stops early.
    let page_sql = if searching {
        format!(
            "SELECT t.id, count(*) OVER () FROM tasks t WHERE {filter} ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
    } else {
        format!("SELECT t.id, NULL FROM tasks t WHERE {filter} ORDER BY {order} LIMIT :limit OFFSET :offset")
    };
    let mut page = conn.prepare_cached(&page_sql)?;
    // Parameters a statement does not use may not be bound to it.
    let page_params = used_by(&page, all_params);
    // The page is chosen on the bare rows; only its tasks are read in full.
    let rows = page
        .query_map(page_params.as_slice(), |row| Ok((row.get::<_, String>(0)?, row.get::<_, Option<i64>>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = match rows.first() {
        Some((_, Some(counted))) => *counted,
        _ => {
            let mut count = conn.prepare_cached(&format!("SELECT count(*) FROM tasks t WHERE {filter}"))?;
            let count_params = used_by(&count, all_params);
            count.query_row(count_params.as_slice(), |row| row.get(0))?
        }
    };
    let ids: Vec<String> = rows.into_iter().map(|(id, _)| id).collect();
    let items = ids.iter().map(|id| get_task(conn, id, today)).collect::<Result<_>>()?;
    Ok(Page { items, total })
}

/// Open tasks whose due date has passed in the office's zone: the sidebar's count.
pub fn overdue_count(conn: &Connection, today: NaiveDate) -> Result<i64> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM tasks t WHERE t.deleted_at IS NULL AND t.due_date < ?1 AND {OPEN}"
        ))?
        .query_row([today], |row| row.get(0))?)
}
