//! The annual partnership report to the council: for one year, per partnership, the trips in
//! both directions with the make-up of each delegation, the agreements signed, in force and
//! expiring, the projects, the outcomes reached and follow-up tasks done and open, the gifts
//! received and given, the costs by budget line; then the office's totals and its last ten
//! years side by side. Every figure is read from the records of that year; `layout` sets it for
//! the PDF and the DOCX, `xlsx` writes the workbook with the figures behind each table. Each
//! report written is kept with its choices and date, so that it can be written again.

#[cfg(feature = "pdf")]
pub mod charts;
#[cfg(feature = "pdf")]
pub mod docx;
#[cfg(feature = "pdf")]
pub mod layout;
mod words;
pub mod xlsx;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{new_id, now};
use crate::vocabulary::{Direction, Language, RecordLink};

/// How many years the comparison goes back, the report's year included.
pub const YEARS_COMPARED: i32 = 10;

/// What the officer chose: the year, one partnership or all, a foreword, and what to leave out.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ReportChoices {
    pub year: i32,
    #[serde(default)]
    pub partnership_id: Option<String>,
    #[serde(default)]
    pub foreword: String,
    /// Partnerships left out of the report.
    #[serde(default)]
    pub left_out: Vec<String>,
    /// Single trips and gifts left out; a trip takes its gifts with it.
    #[serde(default)]
    pub left_out_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AnnualReport {
    pub year: i32,
    pub foreword: String,
    pub partnerships: Vec<PartnershipYear>,
    pub totals: YearFigures,
    /// The last ten years, oldest first, the report's year last.
    pub years: Vec<YearFigures>,
}

/// One partnership's year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PartnershipYear {
    pub partnership: RecordLink,
    pub trips: Vec<TripOfYear>,
    pub agreements_signed: Vec<AgreementOfYear>,
    pub agreements_in_force: Vec<AgreementOfYear>,
    /// In force, and ending this year or the next.
    pub agreements_expiring: Vec<AgreementOfYear>,
    pub projects: Vec<ProjectOfYear>,
    /// Outcomes recorded at items of this year's trips.
    pub outcomes: i64,
    pub tasks_done: i64,
    /// Open now, of those that belong to the partnership.
    pub tasks_open: i64,
    pub gifts_received: Vec<GiftOfYear>,
    pub gifts_given: Vec<GiftOfYear>,
    /// Actual costs of this year's trips, per budget line (or bearer when none).
    pub costs: Vec<CostOfYear>,
    pub figures: YearFigures,
    /// The partnership's last ten years, oldest first.
    pub years: Vec<YearFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TripOfYear {
    pub id: String,
    /// Left out by the officer: listed in the window, not in the report nor its figures.
    pub left_out: bool,
    pub title: String,
    pub direction: Direction,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub purpose: String,
    pub size: i64,
    /// The delegation by function: "Landrat", "Mitglied des Kreistags (CDU)", with how many.
    pub make_up: Vec<MakeUp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MakeUp {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AgreementOfYear {
    pub title: String,
    pub signed_on: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub themes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProjectOfYear {
    pub title: String,
    pub status: crate::projects::ProjectStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GiftOfYear {
    pub id: String,
    /// Left out by the officer, or given on a trip left out.
    pub left_out: bool,
    pub given_on: NaiveDate,
    pub description: String,
    /// Who gave a gift received, who got a gift given.
    pub other_side: String,
    pub value_cents: Option<i64>,
    /// What became of a gift received, as decided under the office's gift rules.
    pub decision: Option<crate::gifts::GiftDecision>,
    /// On the office's public list of gifts.
    pub published: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CostOfYear {
    /// The budget line's code and name, or the bearer's key when the office does not bear it.
    pub label: String,
    /// Who bears these costs, when they are on no budget line of the office.
    pub bearer: Option<crate::costs::Bearer>,
    pub actual_cents: i64,
    /// The budget line's amount for the year, where the line is one.
    pub budget_cents: Option<i64>,
}

/// The figures of one year, for the totals and the comparison over the years.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct YearFigures {
    pub year: i32,
    pub trips_outgoing: i64,
    pub trips_incoming: i64,
    pub travellers: i64,
    pub agreements_signed: i64,
    pub tasks_done: i64,
    pub tasks_open: i64,
    pub gifts_received: i64,
    pub gifts_given: i64,
    pub cost_cents: i64,
}

impl YearFigures {
    fn plus(self, other: &YearFigures) -> YearFigures {
        YearFigures {
            year: self.year,
            trips_outgoing: self.trips_outgoing + other.trips_outgoing,
            trips_incoming: self.trips_incoming + other.trips_incoming,
            travellers: self.travellers + other.travellers,
            agreements_signed: self.agreements_signed + other.agreements_signed,
            tasks_done: self.tasks_done + other.tasks_done,
            tasks_open: self.tasks_open + other.tasks_open,
            gifts_received: self.gifts_received + other.gifts_received,
            gifts_given: self.gifts_given + other.gifts_given,
            cost_cents: self.cost_cents + other.cost_cents,
        }
    }
}

/// The partnerships a report covers: one, or every one not in the trash, minus those left out.
fn partnerships(conn: &Connection, choices: &ReportChoices) -> Result<Vec<RecordLink>> {
    let all: Vec<RecordLink> = conn
        .prepare_cached(
            "SELECT id, our_side || ' – ' || partner_place FROM partnerships WHERE deleted_at IS NULL
             ORDER BY our_side COLLATE NOCASE, partner_place COLLATE NOCASE",
        )?
        .query_map([], |row| Ok(RecordLink { id: row.get(0)?, label: row.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(one) = &choices.partnership_id {
        return all
            .into_iter()
            .find(|p| p.id == *one)
            .map(|p| vec![p])
            .ok_or_else(|| Error::NotFound(format!("partnership {one}")));
    }
    Ok(all.into_iter().filter(|p| !choices.left_out.contains(&p.id)).collect())
}

/// The trips of a partnership that start in `year` (its main one, or one it also visits).
const TRIPS_OF_YEAR: &str = "SELECT t.id, t.title, t.direction, t.start_date, t.end_date, t.purpose FROM trips t
     WHERE t.deleted_at IS NULL AND t.start_date >= ?2 || '-01-01' AND t.start_date < (?2 + 1) || '-01-01'
       AND (t.partnership_id = ?1 OR t.id IN (SELECT trip_id FROM trip_partnerships WHERE partnership_id = ?1))
     ORDER BY t.start_date, t.id";

/// The delegation by function in order of precedence, the parties of its members beside the
/// function: "Mitglied des Kreistags (SPD, Grüne)" × 2.
fn make_up(conn: &Connection, trip_id: &str) -> Result<Vec<MakeUp>> {
    let rows: Vec<(String, String)> = conn
        .prepare_cached(
            "SELECT function_title, party FROM members WHERE trip_id = ?1 AND deleted_at IS NULL ORDER BY precedence, id",
        )?
        .query_map([trip_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut groups: Vec<(String, Vec<String>, i64)> = Vec::new();
    for (function, party) in rows {
        let function = if function.trim().is_empty() { "–".to_string() } else { function.trim().to_string() };
        let index = match groups.iter().position(|(known, _, _)| *known == function) {
            Some(index) => index,
            None => {
                groups.push((function, Vec::new(), 0));
                groups.len() - 1
            }
        };
        let group = &mut groups[index];
        group.2 += 1;
        if !party.trim().is_empty() && !group.1.contains(&party.trim().to_string()) {
            group.1.push(party.trim().to_string());
        }
    }
    Ok(groups
        .into_iter()
        .map(|(function, parties, count)| MakeUp {
            label: if parties.is_empty() { function } else { format!("{function} ({})", parties.join(", ")) },
            count,
        })
        .collect())
}

/// The partnership's agreements signed in `year`, in force in it, and in force but ending this
/// year or the next.
type AgreementsOfYear = (Vec<AgreementOfYear>, Vec<AgreementOfYear>, Vec<AgreementOfYear>);

fn agreements(conn: &Connection, partnership: &str, year: i32) -> Result<AgreementsOfYear> {
    let rows: Vec<(AgreementOfYear, bool, bool, bool)> = conn
        .prepare_cached(
            "SELECT a.title, a.signed_on, a.valid_until,
                coalesce((SELECT group_concat(t.name, ', ') FROM agreement_themes at
                          JOIN theme_areas t ON t.id = at.theme_id WHERE at.agreement_id = a.id), ''),
                coalesce(a.signed_on BETWEEN ?2 AND ?3, 0),
                coalesce(a.signed_on, a.valid_from, ?2) <= ?3 AND (a.valid_until IS NULL OR a.valid_until >= ?2),
                a.valid_until IS NOT NULL AND a.valid_until BETWEEN ?2 AND ?4
             FROM agreements a WHERE a.partnership_id = ?1 AND a.deleted_at IS NULL
             ORDER BY a.signed_on, a.title",
        )?
        .query_map(
            params![partnership, format!("{year}-01-01"), format!("{year}-12-31"), format!("{}-12-31", year + 1)],
            |row| {
                let agreement = AgreementOfYear {
                    title: row.get(0)?,
                    signed_on: row.get(1)?,
                    valid_until: row.get(2)?,
                    themes: row.get(3)?,
                };
                Ok((agreement, row.get(4)?, row.get(5)?, row.get(6)?))
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut found: AgreementsOfYear = (Vec::new(), Vec::new(), Vec::new());
    for (agreement, signed, in_force, expiring) in rows {
        if signed {
            found.0.push(agreement.clone());
        }
        if in_force && expiring {
            found.2.push(agreement.clone());
        }
        if in_force {
            found.1.push(agreement);
        }
    }
    Ok(found)
}

/// The partnership's gifts of `year`, received and given; those in `left_out` (by their ID or
/// their trip's) marked.
fn gifts(
    conn: &Connection,
    partnership: &str,
    year: i32,
    left_out: &[String],
) -> Result<(Vec<GiftOfYear>, Vec<GiftOfYear>)> {
    let rows: Vec<(String, GiftOfYear)> = conn
        .prepare_cached(&format!(
            "SELECT g.direction, g.given_on, g.description,
                CASE g.direction WHEN 'received'
                    THEN coalesce(gp.name_latin, go.name, '') ELSE coalesce(rp.name_latin, ro.name, '') END,
                g.value_cents, g.id, coalesce(g.trip_id, ''), g.decision, g.published
             FROM gifts g
             LEFT JOIN people gp ON gp.id = g.giver_person_id
             LEFT JOIN organisations go ON go.id = g.giver_organisation_id
             LEFT JOIN people rp ON rp.id = g.recipient_person_id
             LEFT JOIN organisations ro ON ro.id = g.recipient_organisation_id
             WHERE g.deleted_at IS NULL AND g.given_on >= ?2 || '-01-01' AND g.given_on < (?2 + 1) || '-01-01'
               AND (g.partnership_id = ?1 OR g.trip_id IN (SELECT t.id FROM ({TRIPS_OF_YEAR}) t))
             ORDER BY g.given_on, g.description"
        ))?
        .query_map(params![partnership, year.to_string()], |row| {
            Ok((
                row.get(0)?,
                GiftOfYear {
                    id: row.get(5)?,
                    left_out: [row.get::<_, String>(5)?, row.get(6)?].iter().any(|id| left_out.contains(id)),
                    given_on: row.get(1)?,
                    description: row.get(2)?,
                    other_side: row.get(3)?,
                    value_cents: row.get(4)?,
                    decision: row.get(7)?,
                    published: row.get(8)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (received, given): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(direction, _)| direction == "received");
    Ok((received.into_iter().map(|(_, gift)| gift).collect(), given.into_iter().map(|(_, gift)| gift).collect()))
}

fn costs(conn: &Connection, trip_ids: &[String], year: i32) -> Result<Vec<CostOfYear>> {
    let mut sums: BTreeMap<String, CostOfYear> = BTreeMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT CASE WHEN b.id IS NULL THEN c.bearer ELSE b.code || ' ' || b.name END,
            coalesce(c.actual_cents, c.planned_cents, 0), CASE WHEN b.year = ?2 THEN b.amount_cents END,
            CASE WHEN b.id IS NULL THEN c.bearer END
         FROM cost_lines c LEFT JOIN budget_lines b ON b.id = c.budget_line_id AND b.deleted_at IS NULL
         WHERE c.trip_id = ?1 AND c.deleted_at IS NULL",
    )?;
    for trip in trip_ids {
        let rows = statement.query_map(params![trip, year], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?, row.get::<_, Option<i64>>(2)?, row.get(3)?))
        })?;
        for row in rows {
            let (label, cents, budget, bearer) = row?;
            let sum = sums.entry(label.clone()).or_insert(CostOfYear {
                label,
                bearer,
                actual_cents: 0,
                budget_cents: budget,
            });
            sum.actual_cents += cents;
        }
    }
    Ok(sums.into_values().collect())
}

/// The trips of the years compared (from ?2 up to ?3), of partnership ?1 or all when it is null,
/// with the year each starts in.
const TRIPS_OF_YEARS: &str = "SELECT t.id, t.direction, substr(t.start_date, 1, 4) AS year FROM trips t
     WHERE t.deleted_at IS NULL AND t.start_date >= ?2 AND t.start_date < ?3
       AND (?1 IS NULL OR t.partnership_id = ?1
            OR t.id IN (SELECT trip_id FROM trip_partnerships WHERE partnership_id = ?1))";

/// The tasks of partnership ?1 (its own, or of its trips), or all when it is null.
const TASKS_OF: &str =
    "deleted_at IS NULL AND (?1 IS NULL OR partnership_id = ?1 OR trip_id IN (SELECT id FROM trips WHERE partnership_id = ?1))";

/// The figures of the ten years up to `last_year`, oldest first, for the partnership named (the
/// whole office when `None`). Each figure is one query grouped by year over date ranges, which
/// the indexes on the dates serve.
fn figures_of_years(conn: &Connection, partnership: Option<&str>, last_year: i32) -> Result<Vec<YearFigures>> {
    let first_year = last_year - YEARS_COMPARED + 1;
    let mut years: Vec<YearFigures> =
        (first_year..=last_year).map(|year| YearFigures { year, ..YearFigures::default() }).collect();
    let range = params![partnership, format!("{first_year}-01-01"), format!("{}-01-01", last_year + 1)];
    let mut add = |sql: String, set: fn(&mut YearFigures, i64)| -> Result<()> {
        let mut statement = conn.prepare_cached(&sql)?;
        let rows = statement.query_map(range, |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)))?;
        for row in rows {
            let (year, value) = row?;
            let index = year.parse::<i32>().ok().and_then(|year| usize::try_from(year - first_year).ok());
            if let Some(figures) = index.and_then(|index| years.get_mut(index)) {
                set(figures, value);
            }
        }
        Ok(())
    };
    let by_trip_year = |select: &str, filter: &str| {
        format!("SELECT t.year, {select} FROM ({TRIPS_OF_YEARS}) t {filter} GROUP BY t.year")
    };
    add(by_trip_year("count(*)", "WHERE t.direction = 'outgoing'"), |f, n| f.trips_outgoing = n)?;
    add(by_trip_year("count(*)", "WHERE t.direction = 'incoming'"), |f, n| f.trips_incoming = n)?;
    add(by_trip_year("count(*)", "JOIN members m ON m.trip_id = t.id AND m.deleted_at IS NULL"), |f, n| {
        f.travellers = n
    })?;
    add(
        by_trip_year(
            "sum(coalesce(c.actual_cents, c.planned_cents, 0))",
            "JOIN cost_lines c ON c.trip_id = t.id AND c.deleted_at IS NULL",
        ),
        |f, n| f.cost_cents = n,
    )?;
    add(
        "SELECT substr(a.signed_on, 1, 4), count(*) FROM agreements a
         JOIN partnerships p ON p.id = a.partnership_id AND p.deleted_at IS NULL
         WHERE a.deleted_at IS NULL AND a.signed_on >= ?2 AND a.signed_on < ?3 AND (?1 IS NULL OR a.partnership_id = ?1)
         GROUP BY 1"
            .into(),
        |f, n| f.agreements_signed = n,
    )?;
    add(
        format!(
            "SELECT substr(closed_at, 1, 4), count(*) FROM tasks
             WHERE status = 'done' AND closed_at >= ?2 AND closed_at < ?3 AND {TASKS_OF} GROUP BY 1"
        ),
        |f, n| f.tasks_done = n,
    )?;
    // Open now, counted in every year from the one each was made in: those made before the
    // first year compared count from it.
    add(
        format!(
            "SELECT CASE WHEN created_at < ?2 THEN substr(?2, 1, 4) ELSE substr(created_at, 1, 4) END, count(*)
             FROM tasks WHERE status IN ('open', 'in_progress', 'waiting') AND created_at < ?3 AND {TASKS_OF}
             GROUP BY 1"
        ),
        |f, n| f.tasks_open = n,
    )?;
    for direction in ["received", "given"] {
        let sql = format!(
            "SELECT substr(given_on, 1, 4), count(*) FROM gifts
             WHERE deleted_at IS NULL AND direction = '{direction}' AND given_on >= ?2 AND given_on < ?3
               AND (?1 IS NULL OR partnership_id = ?1 OR trip_id IN (SELECT id FROM ({TRIPS_OF_YEARS})))
             GROUP BY 1"
        );
        if direction == "received" {
            add(sql, |f, n| f.gifts_received = n)?;
        } else {
            add(sql, |f, n| f.gifts_given = n)?;
        }
    }
    let mut open_so_far = 0;
    for figures in &mut years {
        open_so_far += figures.tasks_open;
        figures.tasks_open = open_so_far;
    }
    Ok(years)
}

/// Takes the trips and gifts left out of the report out of the year's figures: a trip with its
/// travellers and costs, a gift by itself.
fn take_out<'a>(
    conn: &Connection,
    of_year: &mut YearFigures,
    trips: impl Iterator<Item = &'a TripOfYear>,
    received: impl Iterator<Item = &'a GiftOfYear>,
    given: impl Iterator<Item = &'a GiftOfYear>,
) -> Result<()> {
    let mut left_out_trips = Vec::new();
    for trip in trips.filter(|trip| trip.left_out) {
        match trip.direction {
            Direction::Outgoing => of_year.trips_outgoing -= 1,
            Direction::Incoming => of_year.trips_incoming -= 1,
        }
        of_year.travellers -= trip.size;
        left_out_trips.push(trip.id.clone());
    }
    of_year.cost_cents -= costs(conn, &left_out_trips, of_year.year)?.iter().map(|cost| cost.actual_cents).sum::<i64>();
    of_year.gifts_received -= received.filter(|gift| gift.left_out).count() as i64;
    of_year.gifts_given -= given.filter(|gift| gift.left_out).count() as i64;
    Ok(())
}

fn partnership_year(
    conn: &Connection,
    partnership: RecordLink,
    year: i32,
    left_out: &[String],
) -> Result<PartnershipYear> {
    let mut trips: Vec<TripOfYear> = conn
        .prepare_cached(TRIPS_OF_YEAR)?
        .query_map(params![partnership.id, year.to_string()], |row| {
            let id: String = row.get(0)?;
            Ok(TripOfYear {
                left_out: left_out.contains(&id),
                id,
                title: row.get(1)?,
                direction: row.get(2)?,
                start_date: row.get(3)?,
                end_date: row.get(4)?,
                purpose: row.get(5)?,
                size: 0,
                make_up: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for trip in &mut trips {
        trip.make_up = make_up(conn, &trip.id)?;
        trip.size = trip.make_up.iter().map(|group| group.count).sum();
    }
    let left_out: Vec<String> =
        left_out.iter().cloned().chain(trips.iter().filter(|trip| trip.left_out).map(|trip| trip.id.clone())).collect();
    let reported_trips: Vec<String> = trips.iter().filter(|trip| !trip.left_out).map(|trip| trip.id.clone()).collect();
    let (agreements_signed, agreements_in_force, agreements_expiring) = agreements(conn, &partnership.id, year)?;
    let projects = conn
        .prepare_cached(
            "SELECT p.title, p.status FROM projects p JOIN project_partnerships pp ON pp.project_id = p.id
             WHERE pp.partnership_id = ?1 AND p.deleted_at IS NULL
               AND coalesce(substr(p.starts_on, 1, 4), ?2) <= ?2 AND coalesce(substr(p.ends_on, 1, 4), ?2) >= ?2
             ORDER BY p.title COLLATE NOCASE",
        )?
        .query_map(params![partnership.id, year.to_string()], |row| {
            Ok(ProjectOfYear { title: row.get(0)?, status: row.get(1)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let outcomes = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM outcomes o JOIN programme_items i ON i.id = o.item_id AND i.deleted_at IS NULL
         WHERE o.deleted_at IS NULL AND i.trip_id IN (SELECT t.id FROM ({TRIPS_OF_YEAR}) t)"
        ))?
        .query_row(params![partnership.id, year.to_string()], |row| row.get(0))?;
    let (gifts_received, gifts_given) = gifts(conn, &partnership.id, year, &left_out)?;
    let mut years = figures_of_years(conn, Some(&partnership.id), year)?;
    if let Some(of_year) = years.last_mut() {
        take_out(conn, of_year, trips.iter(), gifts_received.iter(), gifts_given.iter())?;
    }
    let figures = years.last().cloned().unwrap_or_default();
    Ok(PartnershipYear {
        costs: costs(conn, &reported_trips, year)?,
        partnership,
        trips,
        agreements_signed,
        agreements_in_force,
        agreements_expiring,
        projects,
        outcomes,
        tasks_done: figures.tasks_done,
        tasks_open: figures.tasks_open,
        gifts_received,
        gifts_given,
        figures,
        years,
    })
}

/// The report for `choices.year`: refused for a year before 1900 or after 2999.
pub fn annual_report(conn: &Connection, choices: &ReportChoices) -> Result<AnnualReport> {
    if !(1900..=2999).contains(&choices.year) {
        return Err(Error::field("year", "year_out_of_range", "the year must lie between 1900 and 2999"));
    }
    let mut partnerships_of_year = Vec::new();
    for partnership in partnerships(conn, choices)? {
        partnerships_of_year.push(partnership_year(conn, partnership, choices.year, &choices.left_out_items)?);
    }
    // The whole office's figures, unless the report is of one partnership or leaves some out:
    // then the sum of those it covers.
    // Single items left out are taken out of the whole office's figures once each, however
    // many of its partnerships they belong to.
    let whole_office = choices.partnership_id.is_none() && choices.left_out.is_empty();
    let years = if whole_office {
        let mut years = figures_of_years(conn, None, choices.year)?;
        if let Some(of_year) = years.last_mut() {
            let mut seen = std::collections::HashSet::new();
            let mut once = |id: &str| seen.insert(id.to_string());
            let trips: Vec<&TripOfYear> =
                partnerships_of_year.iter().flat_map(|p| &p.trips).filter(|t| once(&t.id)).collect();
            let received: Vec<&GiftOfYear> =
                partnerships_of_year.iter().flat_map(|p| &p.gifts_received).filter(|g| once(&g.id)).collect();
            let given: Vec<&GiftOfYear> =
                partnerships_of_year.iter().flat_map(|p| &p.gifts_given).filter(|g| once(&g.id)).collect();
            take_out(conn, of_year, trips.into_iter(), received.into_iter(), given.into_iter())?;
        }
        years
    } else {
        (choices.year - YEARS_COMPARED + 1..=choices.year)
            .map(|year| {
                partnerships_of_year.iter().fold(YearFigures { year, ..YearFigures::default() }, |sum, part| {
                    let of_year = part.years.iter().find(|figures| figures.year == year).cloned().unwrap_or_default();
                    sum.plus(&of_year)
                })
            })
            .collect()
    };
    Ok(AnnualReport {
        year: choices.year,
        foreword: choices.foreword.trim().to_string(),
        totals: years.last().cloned().unwrap_or_default(),
        partnerships: partnerships_of_year,
        years,
    })
}

crate::text_enum! {
    /// pdf: PDF/A-2b with charts, for the archive; docx: for the council's template;
    /// xlsx: the workbook with every figure.
    pub enum ReportFormat { Pdf => "pdf", Docx => "docx", Xlsx => "xlsx" }
}

/// A report as it was written: its choices, format, language and date.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WrittenReport {
    pub id: String,
    pub year: i32,
    pub partnership: Option<RecordLink>,
    pub foreword: String,
    pub left_out: Vec<String>,
    pub left_out_items: Vec<String>,
    pub format: ReportFormat,
    pub language: Language,
    pub written_at: String,
}

impl WrittenReport {
    pub fn choices(&self) -> ReportChoices {
        ReportChoices {
            year: self.year,
            partnership_id: self.partnership.as_ref().map(|p| p.id.clone()),
            foreword: self.foreword.clone(),
            left_out: self.left_out.clone(),
            left_out_items: self.left_out_items.clone(),
        }
    }
}

impl AnnualReport {
    /// The report as its files print it: without the trips and gifts the officer left out,
    /// which the window lists, marked (the figures leave them out already).
    fn printed(mut self) -> AnnualReport {
        for part in &mut self.partnerships {
            part.trips.retain(|trip| !trip.left_out);
            part.gifts_received.retain(|gift| !gift.left_out);
            part.gifts_given.retain(|gift| !gift.left_out);
        }
        self
    }
}

/// The file of a report in `format` and `language`.
pub fn render_report(
    conn: &Connection,
    choices: &ReportChoices,
    format: ReportFormat,
    language: Language,
) -> Result<Vec<u8>> {
    let report = annual_report(conn, choices)?.printed();
    match format {
        #[cfg(feature = "pdf")]
        ReportFormat::Pdf => layout::report_pdf(&report, language, crate::settings::office_today(conn)?),
        #[cfg(feature = "pdf")]
        ReportFormat::Docx => docx::report_docx(&report, language, crate::settings::office_today(conn)?),
        #[cfg(not(feature = "pdf"))]
        ReportFormat::Pdf | ReportFormat::Docx => {
            Err(Error::field("format", "format_not_built", "this build of Partnerdesk makes no PDF or DOCX"))
        }
        ReportFormat::Xlsx => xlsx::report_xlsx(&report, language),
    }
}

/// Keeps what a report was written with, once its file is written.
pub fn record_report(
    conn: &Connection,
    choices: &ReportChoices,
    format: ReportFormat,
    language: Language,
) -> Result<WrittenReport> {
    let id = new_id();
    let stamp = now();
    conn.execute(
        "INSERT INTO reports (id, year, partnership_id, foreword, left_out, left_out_items, format, language,
            written_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)",
        params![
            id,
            choices.year,
            choices.partnership_id,
            choices.foreword.trim(),
            serde_json::to_string(&choices.left_out)?,
            serde_json::to_string(&choices.left_out_items)?,
            format,
            language,
            stamp
        ],
    )?;
    get_written_report(conn, &id)
}

const SELECT_WRITTEN: &str =
    "SELECT r.id, r.year, r.partnership_id, p.our_side || ' – ' || p.partner_place, r.foreword,
        r.left_out, r.format, r.language, r.written_at, r.left_out_items
     FROM reports r LEFT JOIN partnerships p ON p.id = r.partnership_id";

fn written_from_row(row: &rusqlite::Row) -> rusqlite::Result<WrittenReport> {
    let partnership = match row.get::<_, Option<String>>(2)? {
        Some(id) => Some(RecordLink { id, label: row.get::<_, Option<String>>(3)?.unwrap_or_default() }),
        None => None,
    };
    let left_out: String = row.get(5)?;
    Ok(WrittenReport {
        id: row.get(0)?,
        year: row.get(1)?,
        partnership,
        foreword: row.get(4)?,
        left_out: serde_json::from_str(&left_out).unwrap_or_default(),
        left_out_items: serde_json::from_str(&row.get::<_, String>(9)?).unwrap_or_default(),
        format: row.get(6)?,
        language: row.get(7)?,
        written_at: row.get(8)?,
    })
}

pub fn get_written_report(conn: &Connection, id: &str) -> Result<WrittenReport> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(&format!("{SELECT_WRITTEN} WHERE r.id = ?1"))?
        .query_row([id], written_from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("report {id}")))
}

/// The reports written, newest first (at most `limit`).
pub fn written_reports(conn: &Connection, limit: u32) -> Result<Vec<WrittenReport>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT_WRITTEN} ORDER BY r.written_at DESC, r.id LIMIT ?1"))?
        .query_map([limit], written_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests;
