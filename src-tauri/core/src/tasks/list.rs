//! Seeing work: tasks by view (open, overdue, due this week, closed, all), filtered by owner,
//! person, trip, partnership, theme area, status and text, sorted and paged.

use chrono::NaiveDate;
use rusqlite::{named_params, Connection};
use serde::Deserialize;
use ts_rs::TS;

use super::due::week_of;
use super::{get_task, Task, TaskStatus};
use crate::error::Result;
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
    let set = [
        (
            !query.search.trim().is_empty(),
            "(t.title LIKE :search ESCAPE '\\' OR t.description LIKE :search ESCAPE '\\')",
        ),
        (query.status.is_some(), "t.status = :status"),
        (query.owner_id.is_some(), "t.owner_id = :owner"),
        (
            query.person_id.is_some(),
            "(t.owner_id = :person OR t.id IN (SELECT tp.task_id FROM task_people tp WHERE tp.person_id = :person))",
        ),
        (query.trip_id.is_some(), "t.trip_id = :trip"),
        (query.partnership_id.is_some(), "t.partnership_id = :partnership"),
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
    let pattern = crate::store::like_pattern(&query.search);
    let count_sql = format!("SELECT count(*) FROM tasks t WHERE {filter}");
    let page_sql = format!("SELECT t.id FROM tasks t WHERE {filter} ORDER BY {order} LIMIT :limit OFFSET :offset");
    let all_params = named_params! {
        ":today": today,
        ":monday": monday,
        ":sunday": sunday,
        ":search": pattern,
        ":status": query.status,
        ":owner": query.owner_id,
        ":person": query.person_id,
        ":trip": query.trip_id,
        ":partnership": query.partnership_id,
        ":theme": query.theme_id,
        ":limit": query.page.size(),
        ":offset": query.page.start(),
    };
    let mut count = conn.prepare_cached(&count_sql)?;
    // Parameters a statement does not use may not be bound to it.
    let count_params = used_by(&count, all_params);
    let total = count.query_row(count_params.as_slice(), |row| row.get(0))?;
    let mut page = conn.prepare_cached(&page_sql)?;
    let page_params = used_by(&page, all_params);
    // The page is chosen on the bare rows; only its tasks are read in full.
    let ids =
        page.query_map(page_params.as_slice(), |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
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
