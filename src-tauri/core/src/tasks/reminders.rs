//! Reminders of tasks that fall due: each open task due today or overdue is reminded of once
//! per office day, and many at once become one summary instead of a flood of notifications.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::store::{atomically, now};
use crate::vocabulary::Language;

#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    pub task_id: String,
    pub title: String,
    pub due_date: NaiveDate,
}

/// More reminders than this at once are shown as one summary.
const SINGLE_NOTIFICATIONS: usize = 3;

/// The open tasks due on or before `today` that have not been reminded of today, marked as
/// reminded so that the next call leaves them out.
pub fn take_due_reminders(conn: &Connection, today: NaiveDate) -> Result<Vec<Reminder>> {
    atomically(conn, |conn| {
        let reminders: Vec<Reminder> = conn
            .prepare_cached(
                "SELECT t.id, t.title, t.due_date FROM tasks t
                 WHERE t.deleted_at IS NULL AND t.due_date <= ?1 AND t.status IN ('open', 'in_progress', 'waiting')
                   AND NOT EXISTS (SELECT 1 FROM task_reminders r WHERE r.task_id = t.id AND r.day = ?1)
                 ORDER BY t.due_date, t.id",
            )?
            .query_map([today], |row| Ok(Reminder { task_id: row.get(0)?, title: row.get(1)?, due_date: row.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        let mut mark =
            conn.prepare_cached("INSERT INTO task_reminders (task_id, day, shown_at) VALUES (?1, ?2, ?3)")?;
        let stamp = now();
        for reminder in &reminders {
            mark.execute(params![reminder.task_id, today, stamp])?;
        }
        Ok(reminders)
    })
}

/// A system notification: title and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub title: String,
    pub body: String,
}

/// The notifications for `reminders`: one each for a few, one summary for many.
pub fn notifications(reminders: &[Reminder], today: NaiveDate, language: Language) -> Vec<Notification> {
    let german = language == Language::De;
    if reminders.len() > SINGLE_NOTIFICATIONS {
        let overdue = reminders.iter().filter(|r| r.due_date < today).count();
        let title = if german {
            format!("{} Aufgaben sind fällig", reminders.len())
        } else {
            format!("{} tasks are due", reminders.len())
        };
        let body = match (german, overdue) {
            (true, 0) => "Alle sind heute fällig. Die Liste steht unter „Aufgaben“.".to_string(),
            (true, n) => format!("Davon {n} überfällig. Die Liste steht unter „Aufgaben“."),
            (false, 0) => "All of them are due today. See “Tasks”.".to_string(),
            (false, n) => format!("{n} of them overdue. See “Tasks”."),
        };
        return vec![Notification { title, body }];
    }
    reminders
        .iter()
        .map(|reminder| {
            let date = reminder.due_date.format("%d.%m.%Y");
            let title = match (german, reminder.due_date < today) {
                (true, true) => format!("Überfällig seit {date}"),
                (true, false) => "Heute fällig".to_string(),
                (false, true) => format!("Overdue since {}", reminder.due_date.format("%-d %B %Y")),
                (false, false) => "Due today".to_string(),
            };
            Notification { title, body: reminder.title.clone() }
        })
        .collect()
}
