//! The annual report laid out for reading, in the report's language: the foreword, the year at
//! a glance with its charts and the ten years compared, then each partnership under a heading
//! of its own with its trips, agreements, projects, follow-up, gifts and costs. The PDF/A for
//! the council's archive (set by `report.typ`) and the DOCX for the council's template are both
//! written from this one layout.

use chrono::NaiveDate;
use serde::Serialize;

use super::charts::{report_charts, Chart};
use super::words::{cost_label, decision, project_status, words};
use super::{AnnualReport, GiftOfYear, PartnershipYear};
use crate::error::Result;
use crate::export::pdf::ListingSection;
use crate::money::euros_text;
use crate::vocabulary::{Direction, Language};

#[derive(Debug, Clone, Serialize)]
pub(super) struct ReportLayout {
    pub lang: &'static str,
    pub title: String,
    pub subtitle: String,
    pub foreword: String,
    pub glance: String,
    pub figures: Vec<(String, String)>,
    pub charts: Vec<Chart>,
    pub years: ListingSection,
    pub public_gifts: ListingSection,
    pub partnerships: Vec<PartnershipPart>,
    pub footer: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct PartnershipPart {
    pub heading: String,
    pub sections: Vec<ListingSection>,
}

fn section(
    heading: &str,
    headers: &[&str],
    align: &[&'static str],
    rows: Vec<Vec<String>>,
    empty: &str,
) -> ListingSection {
    ListingSection {
        heading: heading.into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        align: align.to_vec(),
        rows,
        bold_rows: Vec::new(),
        empty: empty.into(),
    }
}

fn partnership_part(part: &PartnershipYear, language: Language) -> PartnershipPart {
    let w = words(language);
    let day = |date: NaiveDate| date.format(w.day).to_string();
    let trips = part
        .trips
        .iter()
        .map(|trip| {
            let make_up: Vec<String> =
                trip.make_up.iter().map(|group| format!("{} × {}", group.count, group.label)).collect();
            vec![
                trip.title.clone(),
                if trip.direction == Direction::Outgoing { w.outgoing } else { w.incoming }.to_string(),
                format!("{} – {}", day(trip.start_date), day(trip.end_date)),
                format!("{}: {}", trip.size, make_up.join(", ")),
            ]
        })
        .collect();
    let mut agreements = Vec::new();
    for (list, state) in [(&part.agreements_signed, w.signed), (&part.agreements_expiring, w.expiring)] {
        for agreement in list.iter() {
            let when = match (agreement.signed_on, agreement.valid_until) {
                (_, Some(until)) if state == w.expiring => day(until),
                (Some(signed), _) => day(signed),
                (None, _) => String::new(),
            };
            agreements.push(vec![agreement.title.clone(), state.to_string(), when, agreement.themes.clone()]);
        }
    }
    for agreement in &part.agreements_in_force {
        if part.agreements_signed.contains(agreement) || part.agreements_expiring.contains(agreement) {
            continue;
        }
        let until = agreement.valid_until.map(day).unwrap_or_default();
        agreements.push(vec![agreement.title.clone(), w.in_force.to_string(), until, agreement.themes.clone()]);
    }
    let projects =
        part.projects.iter().map(|p| vec![p.title.clone(), project_status(p.status, language).to_string()]).collect();
    let gifts = part
        .gifts_received
        .iter()
        .map(|gift| (gift, w.received))
        .chain(part.gifts_given.iter().map(|gift| (gift, w.given)))
        .map(|(gift, direction)| {
            vec![
                day(gift.given_on),
                direction.to_string(),
                gift.description.clone(),
                gift.other_side.clone(),
                decision(gift, language).to_string(),
            ]
        })
        .collect();
    let costs = part
        .costs
        .iter()
        .map(|cost| {
            vec![
                cost_label(cost, language),
                euros_text(cost.actual_cents, language),
                cost.budget_cents.map(|b| euros_text(b, language)).unwrap_or_default(),
            ]
        })
        .collect();
    PartnershipPart {
        heading: part.partnership.label.clone(),
        sections: vec![
            section(w.trips, &[w.trip, w.direction, w.dates, w.delegation], &["left"; 4], trips, w.no_trips),
            section(
                w.agreements,
                &[w.agreement, w.state, w.signed_or_until, w.themes],
                &["left"; 4],
                agreements,
                w.none,
            ),
            section(w.projects, &[w.project, w.state], &["left"; 2], projects, w.none),
            section(
                w.follow_up,
                &[w.outcomes, w.tasks_done, w.tasks_open],
                &["right", "right", "right"],
                vec![vec![part.outcomes.to_string(), part.tasks_done.to_string(), part.tasks_open.to_string()]],
                "",
            ),
            section(w.gifts, &[w.date, w.direction, w.gift, w.other_side, w.decision], &["left"; 5], gifts, w.none),
            section(w.costs, &[w.budget_line, w.spent, w.budget], &["left", "right", "right"], costs, w.none),
        ],
    }
}

/// The gifts received this year that the office publishes, from every partnership the report
/// covers, each once, by date.
fn public_gifts(report: &AnnualReport, language: Language) -> ListingSection {
    let w = words(language);
    let mut gifts: Vec<&GiftOfYear> = Vec::new();
    for gift in report.partnerships.iter().flat_map(|part| &part.gifts_received) {
        if gift.published && !gifts.iter().any(|known| known.id == gift.id) {
            gifts.push(gift);
        }
    }
    gifts.sort_by_key(|gift| gift.given_on);
    let rows = gifts
        .iter()
        .map(|gift| {
            vec![
                gift.given_on.format(w.day).to_string(),
                gift.description.clone(),
                gift.other_side.clone(),
                gift.value_cents.map(|cents| euros_text(cents, language)).unwrap_or_default(),
                decision(gift, language).to_string(),
            ]
        })
        .collect();
    section(
        &format!("{} {}", w.public_gifts, report.year),
        &[w.date, w.gift, w.giver, w.value, w.decision],
        &["left", "left", "left", "right", "left"],
        rows,
        w.no_public_gifts,
    )
}

/// The report laid out in `language`, its charts drawn.
pub(super) fn report_layout(report: &AnnualReport, language: Language, today: NaiveDate) -> Result<ReportLayout> {
    let w = words(language);
    let t = &report.totals;
    Ok(ReportLayout {
        lang: if language == Language::De { "de" } else { "en" },
        title: format!("{} {}", w.title, report.year),
        subtitle: report.partnerships.iter().map(|p| p.partnership.label.clone()).collect::<Vec<_>>().join(" · "),
        foreword: report.foreword.clone(),
        glance: w.glance.into(),
        figures: vec![
            (w.trips_outgoing.into(), t.trips_outgoing.to_string()),
            (w.trips_incoming.into(), t.trips_incoming.to_string()),
            (w.travellers.into(), t.travellers.to_string()),
            (w.agreements_signed.into(), t.agreements_signed.to_string()),
            (w.tasks_done_open.into(), format!("{} / {}", t.tasks_done, t.tasks_open)),
            (w.gifts_received_given.into(), format!("{} / {}", t.gifts_received, t.gifts_given)),
            (w.costs.into(), euros_text(t.cost_cents, language)),
        ],
        charts: report_charts(report, language)?,
        years: section(
            w.years_heading,
            &[w.year, w.trips_outgoing, w.trips_incoming, w.travellers, w.agreements_signed, w.tasks_done, w.costs],
            &["left", "right", "right", "right", "right", "right", "right"],
            report
                .years
                .iter()
                .map(|y| {
                    vec![
                        y.year.to_string(),
                        y.trips_outgoing.to_string(),
                        y.trips_incoming.to_string(),
                        y.travellers.to_string(),
                        y.agreements_signed.to_string(),
                        y.tasks_done.to_string(),
                        euros_text(y.cost_cents, language),
                    ]
                })
                .collect(),
            "",
        ),
        public_gifts: public_gifts(report, language),
        partnerships: report.partnerships.iter().map(|part| partnership_part(part, language)).collect(),
        footer: format!("{} {} · {} {}", w.title, report.year, w.as_of, today.format(w.day)),
    })
}

/// The report as printed (`AnnualReport::printed`) as PDF/A-2b, with its charts.
pub fn report_pdf(report: &AnnualReport, language: Language, today: NaiveDate) -> Result<Vec<u8>> {
    crate::export::pdf::report_pdf(&report_layout(report, language, today)?, chrono::Utc::now())
}
