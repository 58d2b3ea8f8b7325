//! The office at a glance, the first screen: the trips under way with today's and tomorrow's
//! programme, the next trips with days to go and how far their preparation is, overdue tasks
//! and those due this week, agreements that expire within six months, travel documents due
//! for erasure and the last changes. And the year view: every trip of a year on a timeline.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::privacy::{due_erasures, DueErasure};
use crate::programme::{programme_view, ProgrammeDay};
use crate::search::SearchKind;
use crate::settings::{get_settings, office_date};
use crate::store::paging::PageRequest;
use crate::tasks::list::{list_tasks, TaskQuery, TaskView};
use crate::tasks::Task;
use crate::trips::{get_trip, Trip};
use crate::vocabulary::Direction;

/// How many of the next trips the overview shows.
pub const NEXT_TRIPS: usize = 5;
/// How many tasks each task panel shows; the panel says how many there are in all.
pub const TASKS_SHOWN: i64 = 6;
/// How many of the last changes the overview shows.
pub const CHANGES_SHOWN: usize = 8;
/// Agreements expiring within this many months are listed.
pub const AGREEMENT_MONTHS: u32 = 6;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Overview {
    /// The office's date.
    pub today: NaiveDate,
    pub home_zone: String,
    pub under_way: Vec<TripUnderWay>,
    pub next_trips: Vec<NextTrip>,
    pub overdue: TaskPanel,
    pub due_this_week: TaskPanel,
    pub expiring_agreements: Vec<ExpiringAgreement>,
    pub due_erasures: Vec<DueErasure>,
    pub recent_changes: Vec<RecentChange>,
}

/// A trip under way: its programme for today and tomorrow in the local time of the trip.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TripUnderWay {
    pub trip: Trip,
    /// The day of the trip it is where the trip is (1 on its first day).
    pub day_number: i64,
    /// Today and, while the trip lasts, tomorrow, each with its items in local time.
    pub days: Vec<ProgrammeDay>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct NextTrip {
    pub trip: Trip,
    pub days_to_go: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TaskPanel {
    pub tasks: Vec<Task>,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExpiringAgreement {
    pub id: String,
    pub title: String,
    pub partnership_id: String,
    /// "Stadt Düren – Jinhua".
    pub partnership_label: String,
    pub valid_until: NaiveDate,
    pub days_left: i64,
}

/// A record changed lately, here or on a laptop the office shares with.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RecentChange {
    pub kind: SearchKind,
    pub id: String,
    pub title: String,
    /// The trip of an item, task or gift; the partnership of an agreement.
    pub parent_id: Option<String>,
    pub updated_at: String,
}

/// What the office has to do and look at, as of `now`.
pub fn overview(conn: &Connection, now: DateTime<Utc>) -> Result<Overview> {
    let home_zone = get_settings(conn)?.home_zone;
    let home: Tz = home_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
    let today = office_date(now, home);
    Ok(Overview {
        today,
        home_zone,
        under_way: trips_under_way(conn, now, today)?,
        next_trips: next_trips(conn, today)?,
        overdue: task_panel(conn, TaskView::Overdue, today)?,
        due_this_week: task_panel(conn, TaskView::ThisWeek, today)?,
        expiring_agreements: expiring_agreements(conn, today)?,
        due_erasures: due_erasures(conn, today)?,
        recent_changes: recent_changes(conn)?,
    })
}

/// Trips on which it is a day of the trip where the trip is (the office's date may differ by
/// one either way), with that day's and the next day's programme.
fn trips_under_way(conn: &Connection, now: DateTime<Utc>, today: NaiveDate) -> Result<Vec<TripUnderWay>> {
    let candidates: Vec<String> = conn
        .prepare_cached(
            "SELECT id FROM trips WHERE deleted_at IS NULL AND status <> 'cancelled'
               AND start_date <= ?1 AND end_date >= ?2 ORDER BY start_date, id",
        )?
        .query_map(params![today.succ_opt(), today.pred_opt()], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut under_way = Vec::new();
    for id in candidates {
        let view = programme_view(conn, &id)?;
        let zone: Tz = view.trip.time_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
        let local_today = now.with_timezone(&zone).date_naive();
        if local_today < view.trip.start_date || local_today > view.trip.end_date {
            continue;
        }
        let day_number = (local_today - view.trip.start_date).num_days() + 1;
        let days = view.days.into_iter().filter(|day| day.date >= local_today).take(2).collect();
        under_way.push(TripUnderWay { trip: view.trip, day_number, days });
    }
    Ok(under_way)
}

/// The next trips that start after today and are neither done nor cancelled, soonest first.
fn next_trips(conn: &Connection, today: NaiveDate) -> Result<Vec<NextTrip>> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT id FROM trips WHERE deleted_at IS NULL AND start_date > ?1
               AND status NOT IN ('done', 'cancelled') ORDER BY start_date, id LIMIT ?2",
        )?
        .query_map(params![today, NEXT_TRIPS as i64], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter()
        .map(|id| {
            let trip = get_trip(conn, id)?;
            Ok(NextTrip { days_to_go: (trip.start_date - today).num_days(), trip })
        })
        .collect()
}

fn task_panel(conn: &Connection, view: TaskView, today: NaiveDate) -> Result<TaskPanel> {
    let query = TaskQuery {
        view: Some(view),
        page: PageRequest { offset: 0, limit: Some(TASKS_SHOWN) },
        ..TaskQuery::default()
    };
    let page = list_tasks(conn, &query, today)?;
    Ok(TaskPanel { tasks: page.items, total: page.total })
}

/// Agreements of partnerships outside the trash that expire between today and six months on.
fn expiring_agreements(conn: &Connection, today: NaiveDate) -> Result<Vec<ExpiringAgreement>> {
    let until = today.checked_add_months(Months::new(AGREEMENT_MONTHS)).unwrap_or(today);
    let found = conn
        .prepare_cached(
            "SELECT a.id, a.title, a.partnership_id, p.our_side || ' – ' || p.partner_place, a.valid_until
             FROM agreements a JOIN partnerships p ON p.id = a.partnership_id
             WHERE a.valid_until BETWEEN ?1 AND ?2 AND a.deleted_at IS NULL AND p.deleted_at IS NULL
             ORDER BY a.valid_until, a.id",
        )?
        .query_map(params![today, until], |row| {
            let valid_until: NaiveDate = row.get(4)?;
            Ok(ExpiringAgreement {
                id: row.get(0)?,
                title: row.get(1)?,
                partnership_id: row.get(2)?,
                partnership_label: row.get(3)?,
                valid_until,
                days_left: (valid_until - today).num_days(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// The records changed last, of every kind the office keeps, newest first. Each kind's newest
/// come from its index on `updated_at` (migration 0013).
fn recent_changes(conn: &Connection) -> Result<Vec<RecentChange>> {
    let newest = |kind: &str, title: &str, parent: &str, table: &str| {
        format!(
            "SELECT * FROM (SELECT '{kind}' AS kind, id, {title} AS title, {parent} AS parent, updated_at FROM {table}
             WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT {CHANGES_SHOWN})"
        )
    };
    let sql = [
        newest("trip", "title", "NULL", "trips"),
        newest("item", "title", "trip_id", "programme_items"),
        newest("person", "name_latin", "NULL", "people"),
        newest("organisation", "name", "NULL", "organisations"),
        newest("partnership", "our_side || ' – ' || partner_place", "NULL", "partnerships"),
        newest("agreement", "title", "partnership_id", "agreements"),
        newest("task", "title", "trip_id", "tasks"),
        newest("gift", "description", "trip_id", "gifts"),
        newest("project", "title", "NULL", "projects"),
    ]
    .join(" UNION ALL ");
    let changes = conn
        .prepare_cached(&format!("{sql} ORDER BY updated_at DESC, id LIMIT {CHANGES_SHOWN}"))?
        .query_map([], |row| {
            Ok(RecentChange {
                kind: row.get(0)?,
                id: row.get(1)?,
                title: row.get(2)?,
                parent_id: row.get(3)?,
                updated_at: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(changes)
}

/// A year of trips, for the timeline.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TripYear {
    pub year: i32,
    /// The trips that fall in the year, even in part, by start.
    pub trips: Vec<YearTrip>,
    /// Every year that has trips, with how many start in it, oldest first.
    pub years: Vec<YearCount>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct YearTrip {
    pub id: String,
    pub title: String,
    pub direction: Direction,
    pub status: crate::trips::TripStatus,
    pub partner_place: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct YearCount {
    pub year: i32,
    pub trips: i64,
}

/// The trips of `year` (this year at the office as of `now` if None), outside the trash, and
/// the years there are.
pub fn trip_year(conn: &Connection, year: Option<i32>, now: DateTime<Utc>) -> Result<TripYear> {
    let year = match year {
        Some(year) => year,
        None => {
            let home: Tz = get_settings(conn)?.home_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
            office_date(now, home).year()
        }
    };
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    // A trip starting in December of the year before may reach into this one.
    let earliest_start = first.checked_sub_months(Months::new(1)).unwrap_or(first);
    let trips = conn
        .prepare_cached(
            "SELECT id, title, direction, status, partner_place, start_date, end_date FROM trips
             WHERE deleted_at IS NULL AND start_date BETWEEN ?1 AND ?2 AND end_date >= ?3
             ORDER BY start_date, id",
        )?
        .query_map(params![earliest_start, last, first], |row| {
            Ok(YearTrip {
                id: row.get(0)?,
                title: row.get(1)?,
                direction: row.get(2)?,
                status: row.get(3)?,
                partner_place: row.get(4)?,
                start_date: row.get(5)?,
                end_date: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let years = conn
        .prepare_cached(
            "SELECT CAST(substr(start_date, 1, 4) AS INTEGER), count(*) FROM trips
             WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1",
        )?
        .query_map([], |row| Ok(YearCount { year: row.get(0)?, trips: row.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(TripYear { year, trips, years })
}

#[cfg(test)]
mod tests;
