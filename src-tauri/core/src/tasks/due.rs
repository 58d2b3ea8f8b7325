//! Where a due date stands against today. "Today" is always the office's date (its home zone),
//! whatever zone the laptop is in while travelling: a task due on 12 May is due on 12 May.

use chrono::{Datelike, Duration, NaiveDate};

use super::TaskStatus;

crate::text_enum! {
    pub enum DueState {
        Overdue => "overdue",
        Today => "today",
        ThisWeek => "this_week",
        Later => "later",
        Undated => "undated",
        Closed => "closed",
    }
}

impl DueState {
    pub fn of(due: Option<NaiveDate>, status: TaskStatus, today: NaiveDate) -> DueState {
        match due {
            _ if status.is_closed() => DueState::Closed,
            None => DueState::Undated,
            Some(due) if due < today => DueState::Overdue,
            Some(due) if due == today => DueState::Today,
            Some(due) if due <= week_of(today).1 => DueState::ThisWeek,
            Some(_) => DueState::Later,
        }
    }
}

/// Monday and Sunday of the week `day` falls in.
pub fn week_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    (monday, monday + Duration::days(6))
}
