//! What a trip costs and who pays: cost lines with category, planned and actual amount in
//! their currency, the euro amounts at the rate stored with the line, who bears them (the
//! office under one of its budget lines, a participant or their company, the partner side, a
//! sponsor), the delegation member and the programme item they are for. `budget` sums them per trip and per budget
//! line and keeps the trip's approval; `rates` keeps the exchange rates lines are converted at.
//! Deleting moves a line to the trash.

pub mod budget;
pub mod rates;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, Problems, Result};
use crate::money::{self, CurrencyCode};
use crate::store::trash::TrashedEntry;
use crate::store::{atomically, new_id, now};
use crate::vocabulary::RecordLink;
use crate::zoned;

crate::text_enum! {
    pub enum CostCategory {
        Flights => "flights",
        Rail => "rail",
        Hotel => "hotel",
        Hospitality => "hospitality",
        Interpreter => "interpreter",
        Gifts => "gifts",
        Venue => "venue",
        Transfers => "transfers",
        Visa => "visa",
        Insurance => "insurance",
        Other => "other",
    }
}

crate::text_enum! {
    /// Who pays: the office (under one of its budget lines), the participant or their company,
    /// the partner side, a sponsor.
    pub enum Bearer {
        Office => "office",
        Participant => "participant",
        Partner => "partner",
        Sponsor => "sponsor",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CostLine {
    pub id: String,
    pub trip_id: String,
    pub category: CostCategory,
    pub description: String,
    /// ISO 4217 code.
    pub currency: String,
    /// How many decimal places the currency has: amounts are in its minor units.
    pub places: u32,
    pub planned_minor: Option<i64>,
    pub actual_minor: Option<i64>,
    /// Units of the currency one euro bought at conversion, as decimal text ("7.8543");
    /// None for a euro line.
    pub per_euro: Option<String>,
    pub rate_on: Option<NaiveDate>,
    pub planned_cents: Option<i64>,
    pub actual_cents: Option<i64>,
    pub spent_on: Option<NaiveDate>,
    pub bearer: Bearer,
    /// The budget line, labelled by its number.
    pub budget_line: Option<RecordLink>,
    /// The company, sponsor or partner body that pays.
    pub payer: String,
    /// The delegation member the cost is for.
    pub member: Option<RecordLink>,
    /// The programme item the cost is for, labelled by its title.
    pub item: Option<RecordLink>,
    pub notes: String,
    /// The planned amount was set after the trip's approval.
    pub changed_after_approval: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// What the cost form sends. Amounts, rate and date travel as typed so that a bad one gets a
/// field message.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct CostLineInput {
    pub category: CostCategory,
    pub description: String,
    pub currency: String,
    pub planned: String,
    pub actual: String,
    /// Units of the currency one euro buys; empty takes the office's rate for the day
    /// (`rates::rate_for`). Not asked for euro lines.
    pub per_euro: String,
    /// The day the cost falls on; empty means none (the rate is then the one of the trip's
    /// first day).
    pub spent_on: String,
    pub bearer: Bearer,
    #[serde(default)]
    pub budget_line_id: Option<String>,
    pub payer: String,
    #[serde(default)]
    pub member_id: Option<String>,
    #[serde(default)]
    pub item_id: Option<String>,
    pub notes: String,
}

impl CostLineInput {
    /// A line the office bears, without budget line, member, day or rate of its own.
    pub fn office(category: CostCategory, description: &str, currency: &str, planned: &str, actual: &str) -> Self {
        CostLineInput {
            category,
            description: description.into(),
            currency: currency.into(),
            planned: planned.into(),
            actual: actual.into(),
            per_euro: String::new(),
            spent_on: String::new(),
            bearer: Bearer::Office,
            budget_line_id: None,
            payer: String::new(),
            member_id: None,
            item_id: None,
            notes: String::new(),
        }
    }
}

const SELECT_LINE: &str = "SELECT c.id, c.trip_id, c.category, c.description, c.currency, c.planned_minor,
        c.actual_minor, c.per_euro, c.rate_on, c.planned_cents, c.actual_cents, c.spent_on, c.bearer,
        c.budget_line_id, b.code, c.payer,
        c.member_id, m.name_latin, c.notes,
        coalesce(c.planned_set_at > a.approved_at, 0), c.created_at, c.updated_at, c.item_id, i.title
     FROM cost_lines c
     LEFT JOIN budget_lines b ON b.id = c.budget_line_id
     LEFT JOIN members m ON m.id = c.member_id
     LEFT JOIN programme_items i ON i.id = c.item_id
     LEFT JOIN trip_approvals a ON a.trip_id = c.trip_id";

fn link(row: &Row, id_at: usize) -> rusqlite::Result<Option<RecordLink>> {
    let Some(id) = row.get::<_, Option<String>>(id_at)? else { return Ok(None) };
    Ok(Some(RecordLink { id, label: row.get::<_, Option<String>>(id_at + 1)?.unwrap_or_default() }))
}

fn from_row(row: &Row) -> rusqlite::Result<CostLine> {
    let currency: String = row.get(4)?;
    let places = CurrencyCode::parse("currency", &currency).map_or(2, CurrencyCode::places);
    Ok(CostLine {
        id: row.get(0)?,
        trip_id: row.get(1)?,
        category: row.get(2)?,
        description: row.get(3)?,
        currency,
        places,
        planned_minor: row.get(5)?,
        actual_minor: row.get(6)?,
        per_euro: row.get(7)?,
        rate_on: row.get(8)?,
        planned_cents: row.get(9)?,
        actual_cents: row.get(10)?,
        spent_on: row.get(11)?,
        bearer: row.get(12)?,
        budget_line: link(row, 13)?,
        payer: row.get(15)?,
        member: link(row, 16)?,
        item: link(row, 22)?,
        notes: row.get(18)?,
        changed_after_approval: row.get(19)?,
        created_at: row.get(20)?,
        updated_at: row.get(21)?,
    })
}

/// A line as it is written, after every check.
struct ValidLine {
    currency: CurrencyCode,
    planned_minor: Option<i64>,
    actual_minor: Option<i64>,
    /// The rate and its day, for a line in another currency.
    rate: Option<(rust_decimal::Decimal, NaiveDate)>,
    spent_on: Option<NaiveDate>,
}

impl ValidLine {
    fn cents(&self, minor: Option<i64>) -> Option<i64> {
        let minor = minor?;
        Some(match self.rate {
            Some((per_euro, _)) => money::euro_cents(minor, self.currency, per_euro),
            None => minor,
        })
    }
}

fn trip_start(conn: &Connection, trip_id: &str) -> Result<NaiveDate> {
    conn.prepare_cached("SELECT start_date FROM trips WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([trip_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("trip {trip_id}")))
}

fn check_links(conn: &Connection, trip_id: &str, input: &CostLineInput, problems: &mut Problems) -> Result<()> {
    if let Some(budget_line) = &input.budget_line_id {
        if input.bearer != Bearer::Office {
            problems.push("budget_line_id", "not_office", "only costs the office bears go to a budget line");
        } else if !conn
            .prepare_cached("SELECT 1 FROM budget_lines WHERE id = ?1 AND deleted_at IS NULL")?
            .exists([budget_line])?
        {
            problems.push("budget_line_id", "unknown_budget_line", format!("budget line {budget_line} does not exist"));
        }
    }
    if let Some(member) = &input.member_id {
        let on_trip = conn
            .prepare_cached("SELECT 1 FROM members WHERE id = ?1 AND trip_id = ?2 AND deleted_at IS NULL")?
            .exists([member, trip_id])?;
        if !on_trip {
            problems.push("member_id", "unknown_member", format!("member {member} is not in this trip's delegation"));
        }
    }
    if let Some(item) = &input.item_id {
        let on_trip = conn
            .prepare_cached("SELECT 1 FROM programme_items WHERE id = ?1 AND trip_id = ?2 AND deleted_at IS NULL")?
            .exists([item, trip_id])?;
        if !on_trip {
            problems.push("item_id", "unknown_item", format!("item {item} is not in this trip's programme"));
        }
    }
    Ok(())
}

/// Checks a line and settles its rate: the one typed, or else the office's rate for the day
/// the cost falls on (the trip's first day when it has none). A line whose currency and typed
/// rate stay as they were keeps its rate and day, so that new rates never touch old lines.
fn validate(conn: &Connection, trip_id: &str, input: &CostLineInput, before: Option<&CostLine>) -> Result<ValidLine> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "cost_lines",
        &[("description", &input.description), ("payer", &input.payer), ("notes", &input.notes)],
    );
    let currency = CurrencyCode::parse("currency", &input.currency).map_err(|e| problems.add(e)).ok();
    let amount = |field: &str, text: &str, problems: &mut Problems| {
        currency.and_then(|code| money::parse_amount(field, text, code).map_err(|e| problems.add(e)).ok().flatten())
    };
    let planned_minor = amount("planned", &input.planned, &mut problems);
    let actual_minor = amount("actual", &input.actual, &mut problems);
    if input.planned.trim().is_empty() && input.actual.trim().is_empty() {
        problems.push("planned", "amount_required", "enter the planned or the actual amount");
    }
    let spent_on = if input.spent_on.trim().is_empty() {
        None
    } else {
        zoned::parse_date("spent_on", &input.spent_on).map_err(|e| problems.add(e)).ok()
    };
    check_links(conn, trip_id, input, &mut problems)?;
    let rate = match currency {
        Some(code) if !code.is_euro() => {
            settle_rate(conn, trip_id, input, code, spent_on, before).map_err(|e| problems.add(e)).ok()
        }
        _ => None,
    };
    problems.into_result()?;
    let Some(currency) = currency else { return Err(Error::field("currency", "currency_unknown", "no currency")) };
    Ok(ValidLine { currency, planned_minor, actual_minor, rate, spent_on })
}

fn settle_rate(
    conn: &Connection,
    trip_id: &str,
    input: &CostLineInput,
    currency: CurrencyCode,
    spent_on: Option<NaiveDate>,
    before: Option<&CostLine>,
) -> std::result::Result<(rust_decimal::Decimal, NaiveDate), FieldError> {
    let database = |error: Error| FieldError::new("per_euro", "rate_unreadable", error.to_string());
    let day = match spent_on {
        Some(day) => day,
        None => trip_start(conn, trip_id).map_err(database)?,
    };
    if !input.per_euro.trim().is_empty() {
        let typed = money::parse_rate("per_euro", &input.per_euro)?;
        let kept = before.filter(|line| line.currency == currency.code()).and_then(|line| {
            let stored: rust_decimal::Decimal = line.per_euro.as_deref()?.parse().ok()?;
            (stored == typed).then_some((stored, line.rate_on?))
        });
        return Ok(kept.unwrap_or((typed, day)));
    }
    let found = rates::rate_for(conn, currency.code(), day).map_err(database)?.ok_or_else(|| {
        let message = format!("no rate for {} on or before {day}: type one, or import the ECB file", currency.code());
        FieldError::new("per_euro", "rate_missing", message)
    })?;
    let per_euro =
        found.per_euro.parse().map_err(|_| FieldError::new("per_euro", "rate_unreadable", "stored rate unreadable"))?;
    Ok((per_euro, found.rate_on))
}

fn write(
    conn: &Connection,
    id: &str,
    trip_id: &str,
    input: &CostLineInput,
    valid: &ValidLine,
    before: Option<&CostLine>,
) -> Result<()> {
    let planned_cents = valid.cents(valid.planned_minor);
    let stamp = now();
    let planned_set_at = match before {
        Some(line) if line.planned_cents == planned_cents => None,
        _ => Some(stamp.as_str()),
    };
    let budget_line = input.budget_line_id.as_deref().filter(|_| input.bearer == Bearer::Office);
    conn.prepare_cached(
        "INSERT INTO cost_lines (id, trip_id, category, description, currency, planned_minor, actual_minor, per_euro,
            rate_on, planned_cents, actual_cents, spent_on, bearer, budget_line_id, payer, member_id, notes,
            planned_set_at, created_at, updated_at, item_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, coalesce(?18, ?19), ?19, ?19,
            ?20)
         ON CONFLICT (id) DO UPDATE SET category = excluded.category, description = excluded.description,
            currency = excluded.currency, planned_minor = excluded.planned_minor, actual_minor = excluded.actual_minor,
            per_euro = excluded.per_euro, rate_on = excluded.rate_on, planned_cents = excluded.planned_cents,
            actual_cents = excluded.actual_cents, spent_on = excluded.spent_on, bearer = excluded.bearer,
            budget_line_id = excluded.budget_line_id, payer = excluded.payer, member_id = excluded.member_id,
            item_id = excluded.item_id, notes = excluded.notes, updated_at = excluded.updated_at,
            planned_set_at = coalesce(?18, cost_lines.planned_set_at)",
    )?
    .execute(params![
        id,
        trip_id,
        input.category,
        input.description.trim(),
        valid.currency.code(),
        valid.planned_minor,
        valid.actual_minor,
        valid.rate.map(|(per_euro, _)| per_euro.to_string()),
        valid.rate.map(|(_, day)| day),
        planned_cents,
        valid.cents(valid.actual_minor),
        valid.spent_on,
        input.bearer,
        budget_line,
        if input.bearer == Bearer::Office { "" } else { input.payer.trim() },
        input.member_id,
        input.notes,
        planned_set_at,
        stamp,
        input.item_id,
    ])?;
    Ok(())
}

/// Adds a cost line to a trip (not one in the trash).
pub fn create_cost_line(conn: &Connection, trip_id: &str, input: &CostLineInput) -> Result<CostLine> {
    trip_start(conn, trip_id)?;
    let valid = validate(conn, trip_id, input, None)?;
    let id = new_id();
    atomically(conn, |conn| write(conn, &id, trip_id, input, &valid, None))?;
    get_cost_line(conn, &id)
}

/// Changes a cost line; it stays with its trip.
pub fn update_cost_line(conn: &Connection, id: &str, input: &CostLineInput) -> Result<CostLine> {
    let before = get_cost_line(conn, id)?;
    let valid = validate(conn, &before.trip_id, input, Some(&before))?;
    atomically(conn, |conn| write(conn, id, &before.trip_id, input, &valid, Some(&before)))?;
    get_cost_line(conn, id)
}

fn find(conn: &Connection, id: &str, condition: &str) -> Result<Option<CostLine>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT_LINE} JOIN trips t ON t.id = c.trip_id WHERE c.id = ?1 AND {condition}"))?
        .query_row([id], from_row)
        .optional()?)
}

/// A cost line that is not in the trash, nor on a trip in the trash.
pub fn get_cost_line(conn: &Connection, id: &str) -> Result<CostLine> {
    find(conn, id, "c.deleted_at IS NULL AND t.deleted_at IS NULL")?
        .ok_or_else(|| Error::NotFound(format!("cost line {id}")))
}

/// A trip's cost lines, by category and then as entered.
pub fn list_cost_lines(conn: &Connection, trip_id: &str) -> Result<Vec<CostLine>> {
    trip_start(conn, trip_id)?;
    let lines = conn
        .prepare_cached(&format!(
            "{SELECT_LINE} WHERE c.trip_id = ?1 AND c.deleted_at IS NULL
             ORDER BY CASE c.category {} END, c.created_at, c.id",
            CostCategory::ALL
                .iter()
                .enumerate()
                .map(|(at, category)| format!("WHEN '{category}' THEN {at}"))
                .collect::<Vec<_>>()
                .join(" ")
        ))?
        .query_map([trip_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines)
}

/// Moves a cost line to the trash.
pub fn delete_cost_line(conn: &Connection, id: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE cost_lines SET deleted_at = ?2, updated_at = ?2
         WHERE id = ?1 AND deleted_at IS NULL AND trip_id IN (SELECT id FROM trips WHERE deleted_at IS NULL)",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("cost line {id}")));
    }
    Ok(())
}

/// Takes a cost line out of the trash.
pub fn restore_cost_line(conn: &Connection, id: &str) -> Result<CostLine> {
    crate::store::trash::take_out_of_trash(conn, "cost_lines", "cost line", id)?;
    find(conn, id, "1")?.ok_or_else(|| Error::NotFound(format!("cost line {id}")))
}

/// The cost lines in the trash, most recently deleted first.
pub fn trashed_cost_lines(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT c.id, CASE WHEN c.description = '' THEN c.category ELSE c.description END, t.title, NULL,
            c.deleted_at
         FROM cost_lines c JOIN trips t ON t.id = c.trip_id
         WHERE c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC",
    )
}

#[cfg(test)]
mod tests;
