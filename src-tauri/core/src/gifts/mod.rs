//! The gifts register public officials must keep: gifts given and received on a trip, or for a
//! partnership or an occasion without one (a gift for an anniversary) — what,
//! from whom, to whom, on what occasion and day, their estimated value (also in euros, at the
//! rate of the day) and where they are kept now — listed per trip, per person and per year, with
//! totals per currency. A received gift worth more than the office's limit (`rules`) needs a
//! recorded decision; the office marks the gifts it publishes on the year's public list.
//! Deleting moves a gift to the trash; gifts of a trip in the trash are not listed.

pub mod rules;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::organisations::organisation_exists;
use crate::contacts::people::person_exists;
use crate::contacts::{RegisterEntry, ORGANISATION_LABEL, PERSON_LABEL};
use crate::error::{Error, FieldError, Problems, Result};
use crate::money::{self, CurrencyCode};
use crate::store::paging::{Page, PageRequest};
use crate::store::trash::exists_outside_trash;
use crate::store::{like_pattern, new_id, now};
use crate::vocabulary::{RecordLink, RegisterKind, RegisterRef};
use crate::zoned;

crate::text_enum! {
    /// Given: by our side to the partner's. Received: by our side from the partner's.
    pub enum GiftDirection { Given => "given", Received => "received" }
}

crate::text_enum! {
    /// What became of a received gift above the limit: kept by the office (on display), handed
    /// to a museum, bought back by the recipient, returned to the giver, given to charity.
    pub enum GiftDecision {
        KeptByOffice => "kept_by_office",
        Museum => "museum",
        BoughtBack => "bought_back",
        Returned => "returned",
        Donated => "donated",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Gift {
    pub id: String,
    /// The trip it was given on; None for a gift without a trip.
    pub trip_id: Option<String>,
    pub trip_title: Option<String>,
    /// The partnership a gift without a trip was given for.
    pub partnership: Option<RecordLink>,
    pub direction: GiftDirection,
    /// What the gift is.
    pub description: String,
    /// Who gave it, from the register (also when they have since gone to the trash).
    pub giver: Option<RegisterEntry>,
    pub recipient: Option<RegisterEntry>,
    pub occasion: String,
    pub given_on: NaiveDate,
    /// The estimated value in hundredths of the currency; None when not estimated.
    pub value_minor: Option<i64>,
    /// ISO 4217 code, e.g. "EUR", "CNY".
    pub currency: String,
    /// Where the gift is kept now.
    pub kept_at: String,
    pub notes: String,
    /// Set while the gift is in the trash.
    pub deleted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The estimated value in euro cents, at `per_euro` units of its currency for one euro
    /// (None for euros); None while no value or no rate of the day is known.
    pub value_cents: Option<i64>,
    pub per_euro: Option<String>,
    pub decision: Option<GiftDecision>,
    pub decided_by: String,
    pub decided_on: Option<NaiveDate>,
    /// On the public list of the year.
    pub published: bool,
    /// Received, above the office's limit (or of a value no euro amount is known for), and
    /// no decision recorded.
    pub needs_decision: bool,
}

/// What the gift form sends. Date and value travel as typed so that a bad one gets a field
/// message: the value as "150", "150,00", "1.234,50" or "1,234.50".
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct GiftInput {
    pub direction: GiftDirection,
    pub description: String,
    #[serde(default)]
    pub giver: Option<RegisterRef>,
    #[serde(default)]
    pub recipient: Option<RegisterRef>,
    pub occasion: String,
    pub given_on: String,
    pub value: String,
    pub currency: String,
    pub kept_at: String,
    pub notes: String,
    /// For a gift without a trip: the partnership it was given for (a gift on a trip belongs
    /// to the trip's partnership).
    #[serde(default)]
    pub partnership_id: Option<String>,
    /// For a received gift: what became of it, who decided and when (`YYYY-MM-DD` or empty).
    #[serde(default)]
    pub decision: Option<GiftDecision>,
    #[serde(default)]
    pub decided_by: String,
    #[serde(default)]
    pub decided_on: String,
    #[serde(default)]
    pub published: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct GiftQuery {
    /// Only the gifts of this trip.
    #[serde(default)]
    pub trip_id: Option<String>,
    /// Only the gifts this person gave or received.
    #[serde(default)]
    pub person_id: Option<String>,
    /// Only the gifts of this calendar year.
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub search: String,
    /// Only received gifts that still need a decision.
    #[serde(default)]
    pub undecided: bool,
    /// Which page of the list.
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

/// The estimated value of the gifts in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CurrencyTotal {
    pub currency: String,
    pub value_minor: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct GiftPage {
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: Page<Gift>,
    /// The estimated values of all matching gifts (not only this page), per currency.
    pub totals: Vec<CurrencyTotal>,
    /// Received gifts in the whole register that still need a decision.
    pub undecided: i64,
}

/// Received, worth more than the office's limit or of unknown euro value, and not decided: in
/// SQL over `gifts g` joined with `gift_rules r`.
const NEEDS_DECISION: &str = "coalesce(g.direction = 'received' AND g.decision IS NULL
    AND (g.value_cents > coalesce(r.limit_cents, 2500) OR (g.value_minor IS NOT NULL AND g.value_cents IS NULL)), 0)";

/// The tables every gift query reads: the gift, its trip, the office's rules.
const GIFT_TABLES: &str = "gifts g LEFT JOIN trips t ON t.id = g.trip_id LEFT JOIN gift_rules r ON r.id = 'office'";

/// The columns naming one side (`giver` or `recipient`) of a gift as a register entry —
/// kind, id, label, detail, side — and the joins they read from.
fn party(side: &str) -> (String, String) {
    let person = PERSON_LABEL.replace("p.", &format!("{side}_p."));
    let organisation = ORGANISATION_LABEL.replace("o.", &format!("{side}_o."));
    let columns = format!(
        "CASE WHEN g.{side}_person_id IS NOT NULL THEN 'person'
              WHEN g.{side}_organisation_id IS NOT NULL THEN 'organisation' END,
         coalesce(g.{side}_person_id, g.{side}_organisation_id),
         coalesce({person}, {organisation}),
         coalesce({side}_po.name, {side}_o.transliteration, ''),
         coalesce({side}_p.side, {side}_o.side)"
    );
    let joins = format!(
        "LEFT JOIN people {side}_p ON {side}_p.id = g.{side}_person_id
         LEFT JOIN organisations {side}_po ON {side}_po.id = {side}_p.organisation_id
         LEFT JOIN organisations {side}_o ON {side}_o.id = g.{side}_organisation_id"
    );
    (columns, joins)
}

fn select_gift() -> String {
    let (giver, giver_joins) = party("giver");
    let (recipient, recipient_joins) = party("recipient");
    format!(
        "SELECT g.id, g.trip_id, t.title, g.direction, g.description, {giver}, {recipient},
            g.occasion, g.given_on, g.value_minor, g.currency, g.kept_at, g.notes, g.deleted_at, g.created_at,
            g.updated_at, g.value_cents, g.per_euro, g.decision, g.decided_by, g.decided_on, g.published,
            {NEEDS_DECISION}, g.partnership_id, gp.our_side || ' – ' || gp.partner_place
         FROM {GIFT_TABLES} LEFT JOIN partnerships gp ON gp.id = g.partnership_id {giver_joins} {recipient_joins}"
    )
}

fn party_at(row: &Row, at: usize) -> rusqlite::Result<Option<RegisterEntry>> {
    let Some(kind) = row.get::<_, Option<RegisterKind>>(at)? else { return Ok(None) };
    Ok(Some(RegisterEntry {
        kind,
        id: row.get(at + 1)?,
        label: row.get(at + 2)?,
        detail: row.get(at + 3)?,
        side: row.get(at + 4)?,
    }))
}

fn from_row(row: &Row) -> rusqlite::Result<Gift> {
    Ok(Gift {
        id: row.get(0)?,
        trip_id: row.get(1)?,
        trip_title: row.get(2)?,
        direction: row.get(3)?,
        description: row.get(4)?,
        giver: party_at(row, 5)?,
        recipient: party_at(row, 10)?,
        occasion: row.get(15)?,
        given_on: row.get(16)?,
        value_minor: row.get(17)?,
        currency: row.get(18)?,
        kept_at: row.get(19)?,
        notes: row.get(20)?,
        deleted_at: row.get(21)?,
        created_at: row.get(22)?,
        updated_at: row.get(23)?,
        value_cents: row.get(24)?,
        per_euro: row.get(25)?,
        decision: row.get(26)?,
        decided_by: row.get(27)?,
        decided_on: row.get(28)?,
        published: row.get(29)?,
        needs_decision: row.get(30)?,
        partnership: match row.get::<_, Option<String>>(31)? {
            Some(id) => Some(RecordLink { id, label: row.get(32)? }),
            None => None,
        },
    })
}

/// Reads an estimated value as offices type it ("150", "1.234,50", "1,234.50") into
/// hundredths of its currency. Empty means not estimated.
pub fn parse_value(text: &str) -> Result<Option<i64>, FieldError> {
    money::parse_amount("value", text, CurrencyCode::EURO)
}

struct ValidGift {
    given_on: NaiveDate,
    value_minor: Option<i64>,
    currency: String,
    /// The euro value and the rate it was converted at (None for euros).
    value_cents: Option<i64>,
    per_euro: Option<String>,
    decided_on: Option<NaiveDate>,
}

/// The euro value of a gift of `hundredths` of `currency`, at the office's rate of the day.
fn in_euros(
    conn: &Connection,
    hundredths: Option<i64>,
    currency: &str,
    day: NaiveDate,
) -> Result<(Option<i64>, Option<String>)> {
    let Some(hundredths) = hundredths else { return Ok((None, None)) };
    if currency == "EUR" {
        return Ok((Some(hundredths), None));
    }
    let Some(rate) = crate::costs::rates::rate_for(conn, currency, day)? else { return Ok((None, None)) };
    let Ok(per_euro) = rate.per_euro.parse::<rust_decimal::Decimal>() else { return Ok((None, None)) };
    Ok((Some(money::in_euro_cents(rust_decimal::Decimal::new(hundredths, 2), per_euro)), Some(rate.per_euro)))
}

/// A side of the gift must be in the register and not in the trash — unless it is the one the
/// gift already names, which may have gone to the trash since.
fn check_party(
    conn: &Connection,
    field: &str,
    party: Option<&RegisterRef>,
    before: Option<&RegisterEntry>,
) -> Result<Option<FieldError>> {
    let Some(party) = party else { return Ok(None) };
    if before.is_some_and(|entry| entry.kind == party.kind && entry.id == party.id) {
        return Ok(None);
    }
    let found = match party.kind {
        RegisterKind::Person => person_exists(conn, &party.id)?,
        RegisterKind::Organisation => organisation_exists(conn, &party.id)?,
    };
    Ok((!found).then(|| FieldError::new(field, "unknown_entry", format!("{} is not in the register", party.id))))
}

/// Checks a gift; one without a trip (`on_trip` false) names its partnership or occasion.
fn validate(conn: &Connection, input: &GiftInput, before: Option<&Gift>, on_trip: bool) -> Result<ValidGift> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "gifts",
        &[
            ("description", &input.description),
            ("occasion", &input.occasion),
            ("kept_at", &input.kept_at),
            ("decided_by", &input.decided_by),
            ("notes", &input.notes),
        ],
    );
    if input.description.trim().is_empty() {
        problems.push("description", "required", "say what the gift is");
    }
    if !on_trip {
        match &input.partnership_id {
            Some(id) if !exists_outside_trash(conn, "partnerships", id)? => {
                problems.push("partnership_id", "unknown_partnership", format!("partnership {id} does not exist"))
            }
            None if input.occasion.trim().is_empty() => problems.push(
                "occasion",
                "partnership_or_occasion",
                "a gift without a trip names the partnership or the occasion it was given for",
            ),
            _ => {}
        }
    }
    let given_on = zoned::parse_date("given_on", &input.given_on).map_err(|e| problems.add(e)).ok();
    let value_minor = parse_value(&input.value).map_err(|e| problems.add(e)).ok().flatten();
    let currency = input.currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        problems.push("currency", "currency_invalid", format!("{:?} is not a currency code", input.currency));
    }
    let giver = check_party(conn, "giver", input.giver.as_ref(), before.and_then(|g| g.giver.as_ref()))?;
    let recipient =
        check_party(conn, "recipient", input.recipient.as_ref(), before.and_then(|g| g.recipient.as_ref()))?;
    for problem in giver.into_iter().chain(recipient) {
        problems.add(problem);
    }
    if input.giver.is_some() && input.giver == input.recipient {
        problems.push("recipient", "same_as_giver", "giver and recipient are the same");
    }
    let decided_on = if input.decided_on.trim().is_empty() {
        None
    } else {
        zoned::parse_date("decided_on", &input.decided_on).map_err(|e| problems.add(e)).ok()
    };
    if input.direction == GiftDirection::Given && (input.decision.is_some() || input.published) {
        problems.push("decision", "only_received", "only gifts received are decided on and published");
    }
    problems.into_result()?;
    let given_on = given_on.unwrap_or_default();
    let (value_cents, per_euro) = in_euros(conn, value_minor, &currency, given_on)?;
    Ok(ValidGift { given_on, value_minor, currency, value_cents, per_euro, decided_on })
}

/// The person and organisation columns of one side.
fn columns(party: Option<&RegisterRef>) -> (Option<&str>, Option<&str>) {
    match party {
        Some(RegisterRef { kind: RegisterKind::Person, id }) => (Some(id), None),
        Some(RegisterRef { kind: RegisterKind::Organisation, id }) => (None, Some(id)),
        None => (None, None),
    }
}

fn write(conn: &Connection, id: &str, trip_id: Option<&str>, input: &GiftInput, valid: &ValidGift) -> Result<()> {
    let (giver_person, giver_organisation) = columns(input.giver.as_ref());
    let (recipient_person, recipient_organisation) = columns(input.recipient.as_ref());
    conn.prepare_cached(
        "INSERT INTO gifts (id, trip_id, direction, description, giver_person_id, giver_organisation_id,
            recipient_person_id, recipient_organisation_id, occasion, given_on, value_minor, currency, kept_at, notes,
            created_at, updated_at, value_cents, per_euro, decision, decided_by, decided_on, published, partnership_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
         ON CONFLICT (id) DO UPDATE SET direction = excluded.direction, description = excluded.description,
            giver_person_id = excluded.giver_person_id, giver_organisation_id = excluded.giver_organisation_id,
            recipient_person_id = excluded.recipient_person_id,
            recipient_organisation_id = excluded.recipient_organisation_id, occasion = excluded.occasion,
            given_on = excluded.given_on, value_minor = excluded.value_minor, currency = excluded.currency,
            kept_at = excluded.kept_at, notes = excluded.notes, updated_at = excluded.updated_at,
            value_cents = excluded.value_cents, per_euro = excluded.per_euro, decision = excluded.decision,
            decided_by = excluded.decided_by, decided_on = excluded.decided_on, published = excluded.published,
            partnership_id = excluded.partnership_id",
    )?
    .execute(params![
        id,
        trip_id,
        input.direction,
        input.description.trim(),
        giver_person,
        giver_organisation,
        recipient_person,
        recipient_organisation,
        input.occasion.trim(),
        valid.given_on,
        valid.value_minor,
        valid.currency,
        input.kept_at.trim(),
        input.notes,
        now(),
        valid.value_cents,
        valid.per_euro,
        input.decision,
        input.decided_by.trim(),
        valid.decided_on,
        input.published,
        if trip_id.is_some() { None } else { input.partnership_id.as_deref() },
    ])?;
    Ok(())
}

fn trip_listed(conn: &Connection, trip_id: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM trips WHERE id = ?1 AND deleted_at IS NULL")?.exists([trip_id])?)
}

/// Records a gift on a trip (not one in the trash).
pub fn create_gift(conn: &Connection, trip_id: &str, input: &GiftInput) -> Result<Gift> {
    if !trip_listed(conn, trip_id)? {
        return Err(Error::NotFound(format!("trip {trip_id}")));
    }
    let valid = validate(conn, input, None, true)?;
    let id = new_id();
    write(conn, &id, Some(trip_id), input, &valid)?;
    get_gift(conn, &id)
}

/// Records a gift given without a trip: for a partnership (its anniversary) or an occasion.
pub fn create_gift_without_trip(conn: &Connection, input: &GiftInput) -> Result<Gift> {
    let valid = validate(conn, input, None, false)?;
    let id = new_id();
    write(conn, &id, None, input, &valid)?;
    get_gift(conn, &id)
}

/// Changes what is recorded of a gift; it stays with its trip, or without one.
pub fn update_gift(conn: &Connection, id: &str, input: &GiftInput) -> Result<Gift> {
    let before = get_gift(conn, id)?;
    let valid = validate(conn, input, Some(&before), before.trip_id.is_some())?;
    write(conn, id, before.trip_id.as_deref(), input, &valid)?;
    get_gift(conn, id)
}

fn find(conn: &Connection, id: &str, condition: &str) -> Result<Option<Gift>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE g.id = ?1 AND {condition}", select_gift()))?
        .query_row([id], from_row)
        .optional()?)
}

/// A gift that is not in the trash, nor on a trip in the trash.
pub fn get_gift(conn: &Connection, id: &str) -> Result<Gift> {
    find(conn, id, "g.deleted_at IS NULL AND t.deleted_at IS NULL")?
        .ok_or_else(|| Error::NotFound(format!("gift {id}")))
}

/// The conditions of a query and the values they bind, by name.
struct Filter<'q> {
    sql: String,
    values: Vec<(&'static str, Box<dyn ToSql + 'q>)>,
}

impl<'q> Filter<'q> {
    /// Only the conditions a query sets go into the SQL, so that each one can use its index
    /// (by trip, by giver or recipient, by date).
    fn of(query: &'q GiftQuery) -> Self {
        let mut filter = Filter { sql: "g.deleted_at IS NULL AND t.deleted_at IS NULL".into(), values: Vec::new() };
        if let Some(trip_id) = &query.trip_id {
            filter.add("g.trip_id = :trip", ":trip", Box::new(trip_id));
        }
        if let Some(person_id) = &query.person_id {
            filter.add(
                "(g.giver_person_id = :person OR g.recipient_person_id = :person)",
                ":person",
                Box::new(person_id),
            );
        }
        if let Some(year) = query.year {
            filter.add("g.given_on >= :from", ":from", Box::new(format!("{year:04}-01-01")));
            filter.add("g.given_on < :until", ":until", Box::new(format!("{:04}-01-01", year + 1)));
        }
        if query.undecided {
            filter.sql.push_str(" AND ");
            filter.sql.push_str(NEEDS_DECISION);
        }
        if !query.search.trim().is_empty() {
            filter.add(
                "(g.description LIKE :pattern ESCAPE '\\' OR g.occasion LIKE :pattern ESCAPE '\\'
                  OR g.kept_at LIKE :pattern ESCAPE '\\' OR g.notes LIKE :pattern ESCAPE '\\'
                  OR t.title LIKE :pattern ESCAPE '\\')",
                ":pattern",
                Box::new(like_pattern(&query.search)),
            );
        }
        filter
    }

    fn add(&mut self, condition: &str, name: &'static str, value: Box<dyn ToSql + 'q>) {
        self.sql.push_str(" AND ");
        self.sql.push_str(condition);
        self.values.push((name, value));
    }

    fn params<'a>(&'a self, extra: &'a [(&'static str, &'a dyn ToSql)]) -> Vec<(&'a str, &'a dyn ToSql)> {
        self.values
            .iter()
            .map(|(name, value)| (*name, value.as_ref() as &dyn ToSql))
            .chain(extra.iter().copied())
            .collect()
    }
}

/// One page of the gifts that match, newest first, with how many match in all and the sum of
/// their estimated values per currency.
pub fn list_gifts(conn: &Connection, query: &GiftQuery) -> Result<GiftPage> {
    let filter = Filter::of(query);
    let mut total = 0;
    let mut totals = Vec::new();
    let mut statement = conn.prepare_cached(&format!(
        "SELECT g.currency, count(*), sum(g.value_minor) FROM {GIFT_TABLES}
         WHERE {} GROUP BY g.currency ORDER BY g.currency",
        filter.sql
    ))?;
    let mut rows = statement.query(&*filter.params(&[]))?;
    while let Some(row) = rows.next()? {
        total += row.get::<_, i64>(1)?;
        if let Some(value_minor) = row.get::<_, Option<i64>>(2)? {
            totals.push(CurrencyTotal { currency: row.get(0)?, value_minor });
        }
    }
    let (limit, offset) = (query.page.size(), query.page.start());
    let items = conn
        .prepare_cached(&format!(
            "{} WHERE {} ORDER BY g.given_on DESC, g.id DESC LIMIT :limit OFFSET :offset",
            select_gift(),
            filter.sql
        ))?
        .query_map(&*filter.params(&[(":limit", &limit), (":offset", &offset)]), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let undecided = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM {GIFT_TABLES} WHERE g.deleted_at IS NULL AND t.deleted_at IS NULL AND {NEEDS_DECISION}"
        ))?
        .query_row([], |row| row.get(0))?;
    Ok(GiftPage { page: Page { items, total }, totals, undecided })
}

/// The gifts received in `year` that the office publishes, by date.
pub fn published_gifts(conn: &Connection, year: i32) -> Result<Vec<Gift>> {
    let gifts = conn
        .prepare_cached(&format!(
            "{} WHERE g.deleted_at IS NULL AND t.deleted_at IS NULL AND g.direction = 'received' AND g.published = 1
               AND g.given_on >= ?1 AND g.given_on < ?2
             ORDER BY g.given_on, g.id",
            select_gift()
        ))?
        .query_map(params![format!("{year:04}-01-01"), format!("{:04}-01-01", year + 1)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(gifts)
}

/// The years in which gifts were given or received, newest first, for the year filter.
pub fn gift_years(conn: &Connection) -> Result<Vec<i32>> {
    let years = conn
        .prepare_cached(
            "SELECT DISTINCT CAST(substr(g.given_on, 1, 4) AS INTEGER) FROM gifts g
             LEFT JOIN trips t ON t.id = g.trip_id
             WHERE g.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY 1 DESC",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(years)
}

/// Moves a gift to the trash (one that is listed: its trip is not in the trash).
pub fn delete_gift(conn: &Connection, id: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE gifts SET deleted_at = ?2, updated_at = ?2
         WHERE id = ?1 AND deleted_at IS NULL
           AND (trip_id IS NULL OR trip_id IN (SELECT id FROM trips WHERE deleted_at IS NULL))",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("gift {id}")));
    }
    Ok(())
}

/// Takes a gift out of the trash; it is listed again once its trip is not in the trash either.
pub fn restore_gift(conn: &Connection, id: &str) -> Result<Gift> {
    crate::store::trash::take_out_of_trash(conn, "gifts", "gift", id)?;
    find(conn, id, "1")?.ok_or_else(|| Error::NotFound(format!("gift {id}")))
}

/// The gifts in the trash, most recently deleted first.
pub fn trashed_gifts(conn: &Connection) -> Result<Vec<Gift>> {
    let sql = format!("{} WHERE g.deleted_at IS NOT NULL ORDER BY g.deleted_at DESC", select_gift());
    let gifts = conn.prepare_cached(&sql)?.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(gifts)
}

#[cfg(test)]
pub(crate) mod tests;
