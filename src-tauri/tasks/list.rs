//! Seeing work: tasks by view (open, overdue, due this week, closed, all), filtered by owner,
//! person, trip, partnership, theme area, status and text, sorted and paged.

use chrono::NaiveDate;
use rusqlite::{named_params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::due::week_of;
use super::{from_row, select_task, Task, TaskStatus, TASK_PEOPLE};
use crate::error::Result;
use crate::register::links::people_of;

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
    #[serde(default)]
    pub offset: i64,
    #[serde(default)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TaskPage {
    pub tasks: Vec<Task>,
    /// How many tasks match the query in all, for paging.
    pub total: i64,
}

const PAGE_LIMIT: i64 = 200;
const OPEN: &str = "t.status IN ('open', 'in_progress', 'waiting')";

pub fn list_tasks(conn: &Connection, query: &TaskQuery, today: NaiveDate) -> Result<TaskPage> {
    let view = match query.view.unwrap_or(TaskView::Open) {
        TaskView::Open => OPEN.to_string(),
        TaskView::Overdue => format!("{OPEN} AND t.due_date < :today"),
        TaskView::ThisWeek => format!("{OPEN} AND t.due_date BETWEEN :monday AND :sunday"),
        TaskView::Closed => "t.status IN ('done', 'dropped')".to_string(),
        TaskView::All => "1".to_string(),
    };
    let filter = format!(
        "t.deleted_at IS NULL AND {view}
        AND (:search = '%%' OR t.title LIKE :search ESCAPE '\\' OR t.description LIKE :search ESCAPE '\\')
        AND (:status IS NULL OR t.status = :status)
        AND (:owner IS NULL OR t.owner_id = :owner)
        AND (:person IS NULL OR t.owner_id = :person
             OR EXISTS (SELECT 1 FROM task_people tp WHERE tp.task_id = t.id AND tp.person_id = :person))
        AND (:trip IS NULL OR t.trip_id = :trip)
        AND (:partnership IS NULL OR t.partnership_id = :partnership)
        AND (:theme IS NULL OR t.theme_id = :theme)"
    );
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
    let limit = query.limit.unwrap_or(PAGE_LIMIT).clamp(1, PAGE_LIMIT);
    let count_sql = format!("SELECT count(*) FROM tasks t WHERE {filter}");
    let page_sql = format!("{} WHERE {filter} ORDER BY {order} LIMIT :limit OFFSET :offset", select_task());
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
        ":limit": limit,
        ":offset": query.offset.max(0),
    };
    let mut count = conn.prepare_cached(&count_sql)?;
    // Parameters a statement does not use may not be bound to it.
    let count_params = used_by(&count, all_params);
    let total = count.query_row(count_params.as_slice(), |row| row.get(0))?;
    let mut page = conn.prepare_cached(&page_sql)?;
    let page_params = used_by(&page, all_params);
    let mut tasks =
        page.query_map(page_params.as_slice(), |row| from_row(row, today))?.collect::<rusqlite::Result<Vec<_>>>()?;
    for task in &mut tasks {
        task.people = people_of(conn, TASK_PEOPLE, &task.id)?;
    }
    Ok(TaskPage { tasks, total })
}

/// The parameters `statement` uses: binding one it does not use is an error.
fn used_by<'a>(
    statement: &rusqlite::Statement,
    params: &[(&'a str, &'a dyn rusqlite::ToSql)],
) -> Vec<(&'a str, &'a dyn rusqlite::ToSql)> {
    params.iter().copied().filter(|(name, _)| matches!(statement.parameter_index(name), Ok(Some(_)))).collect()
}

/// Open tasks whose due date has passed in the office's zone: the sidebar's count.
pub fn overdue_count(conn: &Connection, today: NaiveDate) -> Result<i64> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM tasks t WHERE t.deleted_at IS NULL AND t.due_date < ?1 AND {OPEN}"
        ))?
        .query_row([today], |row| row.get(0))?)
}
