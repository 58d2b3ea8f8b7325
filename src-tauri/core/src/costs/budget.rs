//! The money view of a trip and of the office: a trip's planned and actual costs per category,
//! per bearer and per member with what is still open, its approval (sent, approved by whom and
//! when, and whether planned costs changed since), and the office's budget lines per year with
//! what the trips booked to them leave. All sums are whole euro cents.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{list_cost_lines, Bearer, CostCategory, CostLine};
use crate::error::{Error, Problems, Result};
use crate::money;
use crate::store::{new_id, now};

/// Planned and actual euros of a group of lines; `open` is the planned amount of the lines
/// not paid yet (no actual amount).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CostSum {
    /// The category, the bearer or the member's ID.
    pub key: String,
    /// The member's name; empty for categories and bearers (the window names those).
    pub label: String,
    pub planned_cents: i64,
    pub actual_cents: i64,
    pub open_cents: i64,
}

impl CostSum {
    fn add(&mut self, line: &CostLine) {
        self.planned_cents += line.planned_cents.unwrap_or(0);
        self.actual_cents += line.actual_cents.unwrap_or(0);
        if line.actual_cents.is_none() {
            self.open_cents += line.planned_cents.unwrap_or(0);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Approval {
    pub requested_at: String,
    pub approved_at: Option<String>,
    pub approved_by: String,
    /// The planned total when it was approved.
    pub approved_plan_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TripBudget {
    pub trip_id: String,
    pub lines: Vec<CostLine>,
    pub total: CostSum,
    pub by_category: Vec<CostSum>,
    pub by_bearer: Vec<CostSum>,
    /// Per delegation member, for the lines that name one.
    pub by_member: Vec<CostSum>,
    pub approval: Option<Approval>,
    /// Planned costs changed since the approval (a line's planned amount, or the total).
    pub changed_since_approval: bool,
    /// The budget lines this trip's office costs go to, with the year's use of each.
    pub budget_lines: Vec<BudgetLineUse>,
}

fn sums<K: Ord>(lines: &[CostLine], key: impl Fn(&CostLine) -> Option<(K, String, String)>) -> Vec<CostSum> {
    let mut groups: BTreeMap<K, CostSum> = BTreeMap::new();
    for line in lines {
        if let Some((order, key, label)) = key(line) {
            groups.entry(order).or_insert_with(|| CostSum { key, label, ..CostSum::default() }).add(line);
        }
    }
    groups.into_values().collect()
}

/// A trip's costs with their sums, its approval and the budget lines it draws on.
pub fn trip_budget(conn: &Connection, trip_id: &str) -> Result<TripBudget> {
    let lines = list_cost_lines(conn, trip_id)?;
    let mut total = CostSum::default();
    lines.iter().for_each(|line| total.add(line));
    let position = |all: &[&str], key: &str| all.iter().position(|k| *k == key).unwrap_or(usize::MAX);
    let categories: Vec<&str> = CostCategory::ALL.iter().map(|c| c.as_str()).collect();
    let bearers: Vec<&str> = Bearer::ALL.iter().map(|b| b.as_str()).collect();
    let by_category =
        sums(&lines, |l| Some((position(&categories, l.category.as_str()), l.category.to_string(), String::new())));
    let by_bearer =
        sums(&lines, |l| Some((position(&bearers, l.bearer.as_str()), l.bearer.to_string(), String::new())));
    let by_member =
        sums(&lines, |l| l.member.as_ref().map(|m| ((m.label.clone(), m.id.clone()), m.id.clone(), m.label.clone())));
    let approval = approval_of(conn, trip_id)?;
    let changed_since_approval = approval.as_ref().and_then(|a| a.approved_plan_cents).is_some_and(|approved| {
        approved != total.planned_cents || lines.iter().any(|line| line.changed_after_approval)
    });
    let mut booked: Vec<&str> = lines.iter().filter_map(|l| l.budget_line.as_ref().map(|b| b.id.as_str())).collect();
    booked.sort_unstable();
    booked.dedup();
    let budget_lines = booked.into_iter().map(|id| budget_line_use(conn, id)).collect::<Result<_>>()?;
    Ok(TripBudget {
        trip_id: trip_id.into(),
        lines,
        total,
        by_category,
        by_bearer,
        by_member,
        approval,
        changed_since_approval,
        budget_lines,
    })
}

fn approval_of(conn: &Connection, trip_id: &str) -> Result<Option<Approval>> {
    Ok(conn
        .prepare_cached(
            "SELECT requested_at, approved_at, approved_by, approved_plan_cents FROM trip_approvals WHERE trip_id = ?1",
        )?
        .query_row([trip_id], |row| {
            Ok(Approval {
                requested_at: row.get(0)?,
                approved_at: row.get(1)?,
                approved_by: row.get(2)?,
                approved_plan_cents: row.get(3)?,
            })
        })
        .optional()?)
}

/// Sends a trip's costs for approval (again, after a change: an earlier approval lapses).
pub fn request_approval(conn: &Connection, trip_id: &str) -> Result<TripBudget> {
    super::trip_start(conn, trip_id)?;
    conn.execute(
        "INSERT INTO trip_approvals (trip_id, requested_at, updated_at) VALUES (?1, ?2, ?2)
         ON CONFLICT (trip_id) DO UPDATE SET requested_at = excluded.requested_at, approved_at = NULL,
            approved_by = '', approved_plan_cents = NULL, updated_at = excluded.updated_at",
        params![trip_id, now()],
    )?;
    trip_budget(conn, trip_id)
}

/// Notes that the trip's costs were approved, by whom, at today's planned total.
pub fn approve(conn: &Connection, trip_id: &str, approved_by: &str) -> Result<TripBudget> {
    if approved_by.trim().is_empty() {
        return Err(Error::field("approved_by", "required", "say who approved the trip"));
    }
    let budget = trip_budget(conn, trip_id)?;
    let stamp = now();
    conn.execute(
        "INSERT INTO trip_approvals (trip_id, requested_at, approved_at, approved_by, approved_plan_cents, updated_at)
         VALUES (?1, ?2, ?2, ?3, ?4, ?2)
         ON CONFLICT (trip_id) DO UPDATE SET approved_at = excluded.approved_at, approved_by = excluded.approved_by,
            approved_plan_cents = excluded.approved_plan_cents, updated_at = excluded.updated_at",
        params![trip_id, stamp, approved_by.trim(), budget.total.planned_cents],
    )?;
    trip_budget(conn, trip_id)
}

/// Takes the trip back from approval: neither sent nor approved.
pub fn withdraw_approval(conn: &Connection, trip_id: &str) -> Result<TripBudget> {
    super::trip_start(conn, trip_id)?;
    conn.execute("DELETE FROM trip_approvals WHERE trip_id = ?1", [trip_id])?;
    trip_budget(conn, trip_id)
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BudgetLine {
    pub id: String,
    pub year: i32,
    /// The line's number in the office's budget (Haushaltsstelle, cost centre).
    pub code: String,
    pub name: String,
    pub amount_cents: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BudgetLineInput {
    pub year: i32,
    pub code: String,
    pub name: String,
    /// In euros, as typed.
    pub amount: String,
}

/// A budget line with what the trips booked to it use of it: spent (actual amounts), still
/// open (planned amounts of lines not paid yet) and what is left after both.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BudgetLineUse {
    pub line: BudgetLine,
    pub planned_cents: i64,
    pub actual_cents: i64,
    pub open_cents: i64,
    pub left_cents: i64,
    pub trips: i64,
}

const SELECT_USE: &str = "SELECT b.id, b.year, b.code, b.name, b.amount_cents,
        coalesce(sum(c.planned_cents), 0), coalesce(sum(c.actual_cents), 0),
        coalesce(sum(CASE WHEN c.actual_cents IS NULL THEN c.planned_cents END), 0), count(DISTINCT c.trip_id)
     FROM budget_lines b
     LEFT JOIN (SELECT c.* FROM cost_lines c JOIN trips t ON t.id = c.trip_id
                WHERE c.deleted_at IS NULL AND t.deleted_at IS NULL) c ON c.budget_line_id = b.id";

fn use_from_row(row: &rusqlite::Row) -> rusqlite::Result<BudgetLineUse> {
    let line = BudgetLine {
        id: row.get(0)?,
        year: row.get(1)?,
        code: row.get(2)?,
        name: row.get(3)?,
        amount_cents: row.get(4)?,
    };
    let (planned_cents, actual_cents, open_cents): (i64, i64, i64) = (row.get(5)?, row.get(6)?, row.get(7)?);
    Ok(BudgetLineUse {
        left_cents: line.amount_cents - actual_cents - open_cents,
        line,
        planned_cents,
        actual_cents,
        open_cents,
        trips: row.get(8)?,
    })
}

fn budget_line_use(conn: &Connection, id: &str) -> Result<BudgetLineUse> {
    conn.prepare_cached(&format!("{SELECT_USE} WHERE b.id = ?1 GROUP BY b.id"))?
        .query_row([id], use_from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("budget line {id}")))
}

/// The budget lines of a year, by code, with what the trips booked to them use.
pub fn budget_year(conn: &Connection, year: i32) -> Result<Vec<BudgetLineUse>> {
    let lines = conn
        .prepare_cached(&format!(
            "{SELECT_USE} WHERE b.year = ?1 AND b.deleted_at IS NULL GROUP BY b.id ORDER BY b.code"
        ))?
        .query_map([year], use_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines)
}

fn validate_line(conn: &Connection, input: &BudgetLineInput, id: Option<&str>) -> Result<i64> {
    let mut problems = Problems::default();
    crate::limits::check_record(&mut problems, "budget_lines", &[("code", &input.code), ("name", &input.name)]);
    if !(1900..=2999).contains(&input.year) {
        problems.push("year", "year_invalid", format!("{} is not a budget year", input.year));
    }
    if input.code.trim().is_empty() {
        problems.push("code", "required", "enter the budget line's number");
    } else if conn
        .prepare_cached(
            "SELECT 1 FROM budget_lines WHERE year = ?1 AND code = ?2 AND deleted_at IS NULL AND id IS NOT ?3",
        )?
        .exists(params![input.year, input.code.trim(), id])?
    {
        problems.push("code", "code_taken", format!("{} already has a budget line {}", input.year, input.code.trim()));
    }
    let amount = money::required_euros("amount", &input.amount, "enter the amount the budget line holds")
        .map_err(|e| problems.add(e))
        .ok();
    problems.into_result()?;
    Ok(amount.unwrap_or_default())
}

fn write_line(conn: &Connection, id: &str, input: &BudgetLineInput, amount_cents: i64) -> Result<BudgetLineUse> {
    conn.prepare_cached(
        "INSERT INTO budget_lines (id, year, code, name, amount_cents, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (id) DO UPDATE SET year = excluded.year, code = excluded.code, name = excluded.name,
            amount_cents = excluded.amount_cents, updated_at = excluded.updated_at",
    )?
    .execute(params![id, input.year, input.code.trim(), input.name.trim(), amount_cents, now()])?;
    budget_line_use(conn, id)
}

pub fn create_budget_line(conn: &Connection, input: &BudgetLineInput) -> Result<BudgetLineUse> {
    let amount = validate_line(conn, input, None)?;
    write_line(conn, &new_id(), input, amount)
}

pub fn update_budget_line(conn: &Connection, id: &str, input: &BudgetLineInput) -> Result<BudgetLineUse> {
    budget_line_use(conn, id)?;
    let amount = validate_line(conn, input, Some(id))?;
    write_line(conn, id, input, amount)
}

/// Removes a budget line no cost line is booked to; one in use is refused, naming how many.
pub fn delete_budget_line(conn: &Connection, id: &str) -> Result<()> {
    let booked: i64 = conn.query_row(
        "SELECT count(*) FROM cost_lines WHERE budget_line_id = ?1 AND deleted_at IS NULL",
        [id],
        |row| row.get(0),
    )?;
    if booked > 0 {
        return Err(Error::field(
            "budget_line",
            "in_use",
            format!("{booked} cost lines are booked to this budget line"),
        ));
    }
    if conn.execute("DELETE FROM budget_lines WHERE id = ?1", [id])? == 0 {
        return Err(Error::NotFound(format!("budget line {id}")));
    }
    Ok(())
}
