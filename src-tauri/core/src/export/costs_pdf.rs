//! A trip's costs on paper for the office, never for members or partners: the totals and the
//! approval, the sums per bearer, per category and per person, every line with its amount in
//! its currency and the rate stored with it, what participants or their companies are to pay
//! back, and the budget lines the trip draws on.

use rusqlite::Connection;

use crate::costs::budget::{trip_budget, CostSum, TripBudget};
use crate::costs::{Bearer, CostCategory, CostLine};
use crate::error::Result;
use crate::export::pdf::{listing_pdf, Listing, ListingSection};
use crate::money::{amount_text, euros_text};
use crate::settings::{get_settings, office_date};
use crate::vocabulary::Language;

struct Words {
    title: &'static str,
    office_only: &'static str,
    approved: &'static str,
    requested: &'static str,
    not_requested: &'static str,
    changed: &'static str,
    sums: [&'static str; 4],
    total: &'static str,
    by_bearer: &'static str,
    by_category: &'static str,
    by_member: &'static str,
    lines: &'static str,
    line_headers: [&'static str; 7],
    for_member: &'static str,
    for_item: &'static str,
    reimbursements: &'static str,
    reimbursement_headers: [&'static str; 5],
    budget_lines: &'static str,
    budget_headers: [&'static str; 5],
    no_lines: &'static str,
    as_of: &'static str,
    day_format: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::De => Words {
            title: "Kostenübersicht",
            office_only: "Nur für den Dienstgebrauch",
            approved: "Genehmigt von {by} am {day}",
            requested: "Zur Genehmigung vorgelegt am {day}",
            not_requested: "Noch nicht zur Genehmigung vorgelegt",
            changed: "Geplante Kosten seit der Genehmigung geändert",
            sums: ["", "Geplant", "Tatsächlich", "Offen"],
            total: "Summe",
            by_bearer: "Nach Kostenträger",
            by_category: "Nach Kostenart",
            by_member: "Je Person",
            lines: "Positionen",
            line_headers: [
                "Kostenart",
                "Position",
                "Kostenträger",
                "Geplant",
                "Tatsächlich",
                "Kurs (1 € =)",
                "Geplant / tatsächlich (€)",
            ],
            for_member: "für",
            for_item: "zu",
            reimbursements: "Erstattungen durch Teilnehmende und Firmen",
            reimbursement_headers: ["Zahler", "Für", "Position", "Geplant (€)", "Tatsächlich (€)"],
            budget_lines: "Haushaltsstellen {year}",
            budget_headers: ["Haushaltsstelle", "Ansatz", "Ausgegeben", "Offen", "Verfügbar"],
            no_lines: "Für diese Reise sind noch keine Kosten erfasst.",
            as_of: "Stand",
            day_format: "%d.%m.%Y",
        },
        Language::En => Words {
            title: "Cost overview",
            office_only: "For the office only",
            approved: "Approved by {by} on {day}",
            requested: "Sent for approval on {day}",
            not_requested: "Not yet sent for approval",
            changed: "Planned costs changed since the approval",
            sums: ["", "Planned", "Actual", "Open"],
            total: "Total",
            by_bearer: "By bearer",
            by_category: "By category",
            by_member: "Per person",
            lines: "Lines",
            line_headers: ["Category", "Item", "Borne by", "Planned", "Actual", "Rate (€1 =)", "Planned / actual (€)"],
            for_member: "for",
            for_item: "at",
            reimbursements: "To be paid back by participants and companies",
            reimbursement_headers: ["Payer", "For", "Item", "Planned (€)", "Actual (€)"],
            budget_lines: "Budget lines {year}",
            budget_headers: ["Budget line", "Amount", "Spent", "Open", "Left"],
            no_lines: "No costs are entered for this trip yet.",
            as_of: "As of",
            day_format: "%d/%m/%Y",
        },
    }
}

fn category(category: CostCategory, language: Language) -> &'static str {
    super::costs::category(category, language)
}

fn bearer(bearer: Bearer, language: Language) -> &'static str {
    super::costs::bearer(bearer, language)
}

const SUM_ALIGN: [&str; 4] = ["left", "right", "right", "right"];

/// A table of sums with a total below it.
fn sums_section(
    heading: &str,
    sums: &[CostSum],
    total: Option<&CostSum>,
    language: Language,
    label: impl Fn(&CostSum) -> String,
) -> ListingSection {
    let w = words(language);
    let euros = |cents: i64| euros_text(cents, language);
    let mut rows: Vec<Vec<String>> = sums
        .iter()
        .map(|sum| vec![label(sum), euros(sum.planned_cents), euros(sum.actual_cents), euros(sum.open_cents)])
        .collect();
    let mut bold_rows = Vec::new();
    if let Some(total) = total {
        bold_rows.push(rows.len());
        rows.push(vec![w.total.into(), euros(total.planned_cents), euros(total.actual_cents), euros(total.open_cents)]);
    }
    ListingSection {
        heading: heading.into(),
        headers: w.sums.iter().map(|h| h.to_string()).collect(),
        align: SUM_ALIGN.to_vec(),
        rows,
        bold_rows,
        empty: String::new(),
    }
}

fn line_row(line: &CostLine, language: Language) -> Vec<String> {
    let w = words(language);
    let mut what = if line.description.is_empty() {
        category(line.category, language).to_string()
    } else {
        line.description.clone()
    };
    if let Some(member) = &line.member {
        what.push_str(&format!("\n{} {}", w.for_member, member.label));
    }
    if let Some(item) = &line.item {
        what.push_str(&format!("\n{} {}", w.for_item, item.label));
    }
    let borne = match (&line.budget_line, line.payer.as_str()) {
        (Some(budget_line), _) => format!("{}\n{}", bearer(line.bearer, language), budget_line.label),
        (None, "") => bearer(line.bearer, language).to_string(),
        (None, payer) => format!("{}\n{payer}", bearer(line.bearer, language)),
    };
    let amount =
        |minor: Option<i64>| minor.map(|m| format!("{} {}", amount_text(m, line.places, language), line.currency));
    let euros = |cents: Option<i64>| cents.map(|c| euros_text(c, language)).unwrap_or_else(|| "–".into());
    vec![
        category(line.category, language).into(),
        what,
        borne,
        amount(line.planned_minor).unwrap_or_else(|| "–".into()),
        amount(line.actual_minor).unwrap_or_else(|| "–".into()),
        line.per_euro
            .as_deref()
            .map(|rate| rate.replace('.', if language == Language::De { "," } else { "." }))
            .unwrap_or_default(),
        format!("{}\n{}", euros(line.planned_cents), euros(line.actual_cents)),
    ]
}

fn reimbursements(budget: &TripBudget, language: Language) -> Option<ListingSection> {
    let w = words(language);
    let mut lines: Vec<&CostLine> = budget.lines.iter().filter(|line| line.bearer == Bearer::Participant).collect();
    if lines.is_empty() {
        return None;
    }
    let member = |line: &CostLine| line.member.as_ref().map_or(String::new(), |m| m.label.clone());
    lines.sort_by_key(|line| (line.payer.clone(), member(line)));
    let euros = |cents: Option<i64>| cents.map(|c| euros_text(c, language)).unwrap_or_default();
    let mut rows = Vec::new();
    let mut bold_rows = Vec::new();
    for payer_lines in lines.chunk_by(|a, b| a.payer == b.payer) {
        for line in payer_lines {
            let what = if line.description.is_empty() {
                category(line.category, language).to_string()
            } else {
                line.description.clone()
            };
            rows.push(vec![
                line.payer.clone(),
                member(line),
                what,
                euros(line.planned_cents),
                euros(line.actual_cents),
            ]);
        }
        bold_rows.push(rows.len());
        let sum = |cents: fn(&CostLine) -> Option<i64>| payer_lines.iter().filter_map(|line| cents(line)).sum::<i64>();
        rows.push(vec![
            format!("{} {}", w.total, payer_lines[0].payer),
            String::new(),
            String::new(),
            euros(Some(sum(|line| line.planned_cents))),
            euros(Some(sum(|line| line.actual_cents))),
        ]);
    }
    Some(ListingSection {
        heading: w.reimbursements.into(),
        headers: w.reimbursement_headers.iter().map(|h| h.to_string()).collect(),
        align: vec!["left", "left", "left", "right", "right"],
        rows,
        bold_rows,
        empty: String::new(),
    })
}

/// Whether and when the trip was approved, each day the office's date of the instant.
fn approval_text(budget: &TripBudget, home_zone: chrono_tz::Tz, language: Language) -> String {
    let w = words(language);
    let day = |stamp: &str| {
        chrono::DateTime::parse_from_rfc3339(stamp)
            .map(|at| office_date(at.to_utc(), home_zone).format(w.day_format).to_string())
            .unwrap_or_default()
    };
    let mut text = match &budget.approval {
        Some(approval) => match &approval.approved_at {
            Some(at) => w.approved.replace("{by}", &approval.approved_by).replace("{day}", &day(at)),
            None => w.requested.replace("{day}", &day(&approval.requested_at)),
        },
        None => w.not_requested.to_string(),
    };
    if budget.changed_since_approval {
        text.push_str(&format!(" · {}", w.changed));
    }
    text
}

/// The cost overview of a trip as a PDF, in the app's language.
pub fn costs_pdf(conn: &Connection, trip_id: &str, language: Language) -> Result<Vec<u8>> {
    let w = words(language);
    let trip = crate::trips::get_trip(conn, trip_id)?;
    let budget = trip_budget(conn, trip_id)?;
    let today = crate::settings::office_today(conn)?;
    let home_zone = get_settings(conn)?.home_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
    let dates = format!("{} – {}", trip.start_date.format(w.day_format), trip.end_date.format(w.day_format));
    let mut sections = vec![sums_section(w.by_bearer, &budget.by_bearer, Some(&budget.total), language, |sum| {
        Bearer::parse(&sum.key).map_or(sum.key.clone(), |b| bearer(b, language).to_string())
    })];
    sections.push(sums_section(w.by_category, &budget.by_category, None, language, |sum| {
        CostCategory::parse(&sum.key).map_or(sum.key.clone(), |c| category(c, language).to_string())
    }));
    if !budget.by_member.is_empty() {
        sections.push(sums_section(w.by_member, &budget.by_member, None, language, |sum| sum.label.clone()));
    }
    sections.push(ListingSection {
        heading: w.lines.into(),
        headers: w.line_headers.iter().map(|h| h.to_string()).collect(),
        align: vec!["left", "left", "left", "right", "right", "right", "right"],
        rows: budget.lines.iter().map(|line| line_row(line, language)).collect(),
        bold_rows: Vec::new(),
        empty: w.no_lines.into(),
    });
    sections.extend(reimbursements(&budget, language));
    if !budget.budget_lines.is_empty() {
        let euros = |cents: i64| euros_text(cents, language);
        sections.push(ListingSection {
            heading: w.budget_lines.replace("{year}", &trip.start_date.format("%Y").to_string()),
            headers: w.budget_headers.iter().map(|h| h.to_string()).collect(),
            align: vec!["left", "right", "right", "right", "right"],
            rows: budget
                .budget_lines
                .iter()
                .map(|usage| {
                    vec![
                        format!("{} {}", usage.line.code, usage.line.name),
                        euros(usage.line.amount_cents),
                        euros(usage.actual_cents),
                        euros(usage.open_cents),
                        euros(usage.left_cents),
                    ]
                })
                .collect(),
            bold_rows: Vec::new(),
            empty: String::new(),
        });
    }
    listing_pdf(&Listing {
        title: format!("{}: {}", w.title, trip.title),
        subtitle: format!("{dates} · {} · {}", approval_text(&budget, home_zone, language), w.office_only),
        sections,
        footer: format!("{} {} · {}", w.as_of, today.format(w.day_format), w.office_only),
    })
}
