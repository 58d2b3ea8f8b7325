//! The exchange rates cost lines are converted at: how many units of a currency one euro buys
//! on a day, typed by an officer or read from the reference-rate CSV file of the European
//! Central Bank that the officer downloaded (the app itself fetches nothing). A line takes the
//! newest rate on or before its day and keeps it.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, Problems, Result};
use crate::money::{self, CurrencyCode};
use crate::store::paging::{Page, PageRequest};
use crate::store::{atomically, now};
use crate::zoned;

crate::text_enum! {
    pub enum RateSource { Typed => "typed", Ecb => "ecb" }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExchangeRate {
    pub currency: String,
    pub rate_on: NaiveDate,
    /// Units of the currency one euro buys, as decimal text ("7.8543").
    pub per_euro: String,
    pub source: RateSource,
}

/// A rate as the rates form sends it, typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RateInput {
    pub currency: String,
    pub rate_on: String,
    pub per_euro: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RateQuery {
    /// Only the rates of this currency.
    #[serde(default)]
    pub currency: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

/// What an import of the ECB's file took in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RatesImported {
    pub rates: usize,
    pub currencies: Vec<String>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// Columns of currencies that no longer exist (the Cyprus pound, the Estonian kroon …).
    pub skipped_currencies: Vec<String>,
}

fn from_row(row: &Row) -> rusqlite::Result<ExchangeRate> {
    Ok(ExchangeRate { currency: row.get(0)?, rate_on: row.get(1)?, per_euro: row.get(2)?, source: row.get(3)? })
}

fn store(conn: &Connection, currency: &str, day: NaiveDate, per_euro: &str, source: RateSource) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO exchange_rates (currency, rate_on, per_euro, source, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (currency, rate_on) DO UPDATE SET per_euro = excluded.per_euro, source = excluded.source,
            updated_at = excluded.updated_at
         WHERE exchange_rates.per_euro <> excluded.per_euro OR exchange_rates.source <> excluded.source",
    )?
    .execute(params![currency, day, per_euro, source, now()])?;
    Ok(())
}

/// Keeps a rate an officer typed (replacing the one of that currency and day).
pub fn set_rate(conn: &Connection, input: &RateInput) -> Result<ExchangeRate> {
    let mut problems = Problems::default();
    let currency = CurrencyCode::parse("currency", &input.currency).map_err(|e| problems.add(e)).ok();
    if currency.is_some_and(CurrencyCode::is_euro) {
        problems.push("currency", "euro_has_no_rate", "a euro is always one euro");
    }
    let day = zoned::parse_date("rate_on", &input.rate_on).map_err(|e| problems.add(e)).ok();
    let per_euro = money::parse_rate("per_euro", &input.per_euro).map_err(|e| problems.add(e)).ok();
    problems.into_result()?;
    let (Some(currency), Some(day), Some(per_euro)) = (currency, day, per_euro) else {
        return Err(Error::field("per_euro", "rate_invalid", "the rate could not be read"));
    };
    store(conn, currency.code(), day, &per_euro.to_string(), RateSource::Typed)?;
    Ok(ExchangeRate {
        currency: currency.code().into(),
        rate_on: day,
        per_euro: per_euro.to_string(),
        source: RateSource::Typed,
    })
}

/// Removes a rate; lines converted at it keep it.
pub fn delete_rate(conn: &Connection, currency: &str, rate_on: NaiveDate) -> Result<()> {
    let removed =
        conn.execute("DELETE FROM exchange_rates WHERE currency = ?1 AND rate_on = ?2", params![currency, rate_on])?;
    if removed == 0 {
        return Err(Error::NotFound(format!("rate of {currency} on {rate_on}")));
    }
    Ok(())
}

/// The newest rate of `currency` on or before `day`.
pub fn rate_for(conn: &Connection, currency: &str, day: NaiveDate) -> Result<Option<ExchangeRate>> {
    Ok(conn
        .prepare_cached(
            "SELECT currency, rate_on, per_euro, source FROM exchange_rates
             WHERE currency = ?1 AND rate_on <= ?2 ORDER BY rate_on DESC LIMIT 1",
        )?
        .query_row(params![currency.trim().to_ascii_uppercase(), day], from_row)
        .optional()?)
}

/// One page of the rates, newest first.
pub fn list_rates(conn: &Connection, query: &RateQuery) -> Result<Page<ExchangeRate>> {
    let currency = query.currency.as_deref().map(|code| code.trim().to_ascii_uppercase());
    let total = conn
        .prepare_cached("SELECT count(*) FROM exchange_rates WHERE ?1 IS NULL OR currency = ?1")?
        .query_row([&currency], |row| row.get(0))?;
    let items = conn
        .prepare_cached(
            "SELECT currency, rate_on, per_euro, source FROM exchange_rates WHERE ?1 IS NULL OR currency = ?1
             ORDER BY rate_on DESC, currency LIMIT ?2 OFFSET ?3",
        )?
        .query_map(params![currency, query.page.size(), query.page.start()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// A refused rate file: `code` says why, `values` what the message names.
fn refused<const N: usize>(code: &str, message: String, values: [(&str, String); N]) -> Error {
    Error::Validation(vec![FieldError::new("file", code, message).with_values(values)])
}

/// The ECB writes days as "2026-12-04" in its history file and "04 December 2026" in the
/// file of the day.
fn ecb_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(text, "%d %B %Y")).ok()
}

/// Reads the ECB's reference-rate CSV file (the rates of one day, or the whole history) and
/// keeps every rate in it, all or nothing: a file that is not such a file, or a value that
/// is not a rate, is refused with the line and column and nothing is kept. "N/A" and empty
/// cells are days without a rate.
pub fn import_ecb_rates(conn: &Connection, bytes: &[u8]) -> Result<RatesImported> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| refused("rates_not_csv", format!("the file cannot be read as CSV: {e}"), []))?
        .clone();
    if headers.get(0) != Some("Date") {
        let message = "this is not the ECB's reference-rate file: its first column must be \"Date\"";
        return Err(refused("rates_not_ecb", message.into(), []));
    }
    let mut columns = Vec::new();
    let mut skipped = Vec::new();
    for (at, header) in headers.iter().enumerate().skip(1).filter(|(_, header)| !header.is_empty()) {
        match CurrencyCode::parse("file", header) {
            Ok(code) if !code.is_euro() => columns.push((at, code.code())),
            _ => skipped.push(header.to_string()),
        }
    }
    if columns.is_empty() {
        return Err(refused("rates_no_currency", "the file names no currency the rates could be for".into(), []));
    }
    let mut rates = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.map_err(|e| {
            refused("rates_line_unreadable", format!("line {line} cannot be read: {e}"), [("line", line.to_string())])
        })?;
        let day = ecb_day(&record[0]).ok_or_else(|| {
            let values = [("line", line.to_string()), ("value", record[0].to_string())];
            refused("rates_bad_day", format!("line {line}: {:?} is not a day", &record[0]), values)
        })?;
        for &(at, currency) in &columns {
            let cell = record.get(at).unwrap_or("");
            if cell.is_empty() || cell == "N/A" {
                continue;
            }
            let per_euro = money::parse_rate("file", cell).map_err(|e| {
                let values =
                    [("line", line.to_string()), ("currency", currency.to_string()), ("value", cell.to_string())];
                let message = format!("line {line}, column {currency}: {cell:?} is not a rate ({})", e.message);
                refused("rates_bad_rate", message, values)
            })?;
            rates.push((currency, day, per_euro.to_string()));
        }
    }
    if rates.is_empty() {
        return Err(refused("rates_empty", "the file holds no rates".into(), []));
    }
    atomically(conn, |conn| {
        for (currency, day, per_euro) in &rates {
            store(conn, currency, *day, per_euro, RateSource::Ecb)?;
        }
        Ok(())
    })?;
    let mut currencies: Vec<String> = columns.iter().map(|(_, code)| code.to_string()).collect();
    currencies.sort();
    Ok(RatesImported {
        rates: rates.len(),
        currencies,
        first_day: rates.iter().map(|(_, day, _)| *day).min(),
        last_day: rates.iter().map(|(_, day, _)| *day).max(),
        skipped_currencies: skipped,
    })
}
