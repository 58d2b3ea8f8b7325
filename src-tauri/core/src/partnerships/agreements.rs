//! Agreements under a partnership: treaties, memoranda, letters of intent, with their
//! validity and theme areas. Those ending within 90 days are flagged wherever they appear.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::partnership_exists;
use super::themes::{first_unknown, themes_of_agreement, ThemeArea};
use crate::contacts::links::{check_signatories, set_signatories, signatories_of};
use crate::contacts::RegisterEntry;
use crate::error::{Error, Problems, Result};
use crate::store::{atomically, new_id, now};
use crate::vocabulary::RegisterRef;

use crate::store::trash::{self, TrashedEntry};
use crate::zoned;

/// Agreements ending within this many days are flagged.
pub const EXPIRY_WARNING_DAYS: i64 = 90;

crate::text_enum! {
    pub enum AgreementKind {
        PartnershipTreaty => "partnership_treaty",
        Memorandum => "memorandum",
        CooperationAgreement => "cooperation_agreement",
        LetterOfIntent => "letter_of_intent",
        Other => "other",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Agreement {
    pub id: String,
    pub partnership_id: String,
    pub title: String,
    pub kind: AgreementKind,
    pub signed_on: Option<NaiveDate>,
    /// Where it was signed.
    pub signed_at: String,
    pub valid_from: Option<NaiveDate>,
    /// None: open-ended.
    pub valid_until: Option<NaiveDate>,
    pub notes: String,
    /// The trip, and its programme item, at which it was signed.
    pub signed_during: Option<SignedDuring>,
    pub themes: Vec<ThemeArea>,
    /// The people who signed, on both sides, in the order given.
    pub signatories: Vec<RegisterEntry>,
    /// Ends within the next 90 days (counted from today in the office's zone).
    pub expires_soon: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// The visit at which an agreement was signed: a trip, and the item of it where known.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SignedDuring {
    pub trip_id: String,
    pub trip_title: String,
    pub item_id: Option<String>,
    pub item_title: Option<String>,
    /// The item's local start, `YYYY-MM-DDTHH:MM`.
    pub item_start: Option<String>,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct AgreementInput {
    pub title: String,
    pub kind: AgreementKind,
    /// Dates as `YYYY-MM-DD` or empty.
    pub signed_on: String,
    pub signed_at: String,
    pub valid_from: String,
    pub valid_until: String,
    pub notes: String,
    pub theme_ids: Vec<String>,
    /// People from the register; an organisation here is refused.
    pub signatories: Vec<RegisterRef>,
    /// The trip at which it was signed, and the programme item of that trip.
    #[serde(default)]
    pub signed_trip_id: Option<String>,
    #[serde(default)]
    pub signed_item_id: Option<String>,
}

const SELECT_AGREEMENT: &str = "SELECT a.id, a.partnership_id, a.title, a.kind, a.signed_on, a.signed_at, a.valid_from,
        a.valid_until, a.notes, a.created_at, a.updated_at, t.id, t.title, i.id, i.title, i.start_local
        FROM agreements a
        LEFT JOIN trips t ON t.id = a.signed_trip_id AND t.deleted_at IS NULL
        LEFT JOIN programme_items i ON i.id = a.signed_item_id AND i.deleted_at IS NULL AND t.id IS NOT NULL";

fn from_row(row: &Row) -> rusqlite::Result<Agreement> {
    Ok(Agreement {
        id: row.get(0)?,
        partnership_id: row.get(1)?,
        title: row.get(2)?,
        kind: row.get(3)?,
        signed_on: row.get(4)?,
        signed_at: row.get(5)?,
        valid_from: row.get(6)?,
        valid_until: row.get(7)?,
        notes: row.get(8)?,
        themes: Vec::new(),
        signatories: Vec::new(),
        expires_soon: false,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        signed_during: match row.get::<_, Option<String>>(11)? {
            Some(trip_id) => Some(SignedDuring {
                trip_id,
                trip_title: row.get(12)?,
                item_id: row.get(13)?,
                item_title: row.get(14)?,
                item_start: row.get(15)?,
            }),
            None => None,
        },
    })
}

/// Whether an agreement valid until `valid_until` is flagged on `today`.
pub fn expires_soon(valid_until: Option<NaiveDate>, today: NaiveDate) -> bool {
    valid_until.is_some_and(|until| until >= today && until <= today + Duration::days(EXPIRY_WARNING_DAYS))
}

struct Dates {
    signed_on: Option<NaiveDate>,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
}

fn validate(conn: &Connection, input: &AgreementInput) -> Result<Dates> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "agreements",
        &[("title", &input.title), ("signed_at", &input.signed_at), ("notes", &input.notes)],
    );
    if input.title.trim().is_empty() {
        problems.push("title", "required", "an agreement needs a title");
    }
    let mut date = |field: &str, text: &str| {
        if text.trim().is_empty() {
            None
        } else {
            zoned::parse_date(field, text).map_err(|e| problems.add(e)).ok()
        }
    };
    let dates = Dates {
        signed_on: date("signed_on", &input.signed_on),
        valid_from: date("valid_from", &input.valid_from),
        valid_until: date("valid_until", &input.valid_until),
    };
    if let (Some(until), Some(signed)) = (dates.valid_until, dates.signed_on) {
        if until < signed {
            problems.push("valid_until", "until_before_signed", "the agreement would end before it was signed");
        }
    }
    if let (Some(until), Some(from)) = (dates.valid_until, dates.valid_from) {
        if until < from {
            problems.push("valid_until", "end_before_start", "the agreement would end before it begins");
        }
    }
    if let Some(unknown) = first_unknown(conn, &input.theme_ids)? {
        problems.push("theme_ids", "unknown_theme", format!("{unknown} is not a theme area"));
    }
    if let Some(problem) = check_signatories(conn, &input.signatories)? {
        problems.add(problem);
    }
    match (&input.signed_trip_id, &input.signed_item_id) {
        (None, Some(_)) => problems.push("signed_item_id", "item_without_trip", "a programme item needs its trip"),
        (Some(trip), item) => {
            if !trash::exists_outside_trash(conn, "trips", trip)? {
                problems.push("signed_trip_id", "unknown_trip", format!("{trip} is not a trip"));
            } else if let Some(item) = item {
                let of_trip = conn
                    .prepare_cached(
                        "SELECT 1 FROM programme_items WHERE id = ?1 AND trip_id = ?2 AND deleted_at IS NULL",
                    )?
                    .exists([item, trip])?;
                if !of_trip {
                    problems.push("signed_item_id", "item_not_of_trip", "the programme item is not one of this trip's");
                }
            }
        }
        (None, None) => {}
    }
    problems.into_result()?;
    Ok(dates)
}

fn write(conn: &Connection, id: &str, partnership_id: &str, input: &AgreementInput, dates: &Dates) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO agreements (id, partnership_id, title, kind, signed_on, signed_at, valid_from, valid_until, notes,
            signed_trip_id, signed_item_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?12, ?10, ?10)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, signed_on = excluded.signed_on,
            signed_at = excluded.signed_at, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
            notes = excluded.notes, signed_trip_id = excluded.signed_trip_id, signed_item_id = excluded.signed_item_id,
            updated_at = excluded.updated_at",
    )?
    .execute(params![
        id,
        partnership_id,
        input.title.trim(),
        input.kind,
        dates.signed_on,
        input.signed_at.trim(),
        dates.valid_from,
        dates.valid_until,
        input.notes,
        now(),
        input.signed_trip_id,
        input.signed_item_id,
    ])?;
    conn.execute("DELETE FROM agreement_themes WHERE agreement_id = ?1", [id])?;
    let mut theme =
        conn.prepare_cached("INSERT OR IGNORE INTO agreement_themes (agreement_id, theme_id) VALUES (?1, ?2)")?;
    for theme_id in &input.theme_ids {
        theme.execute(params![id, theme_id])?;
    }
    set_signatories(conn, id, &input.signatories)
}

pub fn add_agreement(
    conn: &Connection,
    partnership_id: &str,
    input: &AgreementInput,
    today: NaiveDate,
) -> Result<Agreement> {
    if !partnership_exists(conn, partnership_id)? {
        return Err(Error::NotFound(format!("partnership {partnership_id}")));
    }
    let dates = validate(conn, input)?;
    let id = new_id();
    atomically(conn, |tx| write(tx, &id, partnership_id, input, &dates))?;
    get_agreement(conn, &id, today)
}

pub fn update_agreement(conn: &Connection, id: &str, input: &AgreementInput, today: NaiveDate) -> Result<Agreement> {
    let partnership_id = get_agreement(conn, id, today)?.partnership_id;
    let dates = validate(conn, input)?;
    atomically(conn, |tx| write(tx, id, &partnership_id, input, &dates))?;
    get_agreement(conn, id, today)
}

/// Moves an agreement to the trash; its document stays until the trash is emptied.
pub fn remove_agreement(conn: &Connection, id: &str) -> Result<()> {
    trash::move_to_trash(conn, "agreements", "agreement", id)
}

/// Agreements in the trash, newest deletion first, each with its partnership.
pub fn trashed_agreements(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT a.id, a.title, p.our_side || ' – ' || p.partner_place, NULL, a.deleted_at
         FROM agreements a JOIN partnerships p ON p.id = a.partnership_id
         WHERE a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC",
    )
}

pub fn restore_agreement(conn: &Connection, id: &str, today: NaiveDate) -> Result<Agreement> {
    trash::take_out_of_trash(conn, "agreements", "agreement", id)?;
    get_agreement(conn, id, today)
}

fn completed(conn: &Connection, mut agreement: Agreement, today: NaiveDate) -> Result<Agreement> {
    agreement.themes = themes_of_agreement(conn, &agreement.id)?;
    agreement.signatories = signatories_of(conn, &agreement.id)?;
    agreement.expires_soon = expires_soon(agreement.valid_until, today);
    Ok(agreement)
}

pub fn get_agreement(conn: &Connection, id: &str, today: NaiveDate) -> Result<Agreement> {
    let agreement = conn
        .prepare_cached(&format!("{SELECT_AGREEMENT} WHERE a.id = ?1 AND a.deleted_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("agreement {id}")))?;
    completed(conn, agreement, today)
}

/// The agreements of one partnership, or of all partnerships, newest signature first.
pub fn list_agreements(conn: &Connection, partnership_id: Option<&str>, today: NaiveDate) -> Result<Vec<Agreement>> {
    let agreements = conn
        .prepare_cached(&format!(
            "{SELECT_AGREEMENT} WHERE (?1 IS NULL OR a.partnership_id = ?1) AND a.deleted_at IS NULL
             ORDER BY a.signed_on DESC NULLS LAST, a.id"
        ))?
        .query_map([partnership_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    agreements.into_iter().map(|a| completed(conn, a, today)).collect()
}
