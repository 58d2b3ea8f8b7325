//! The annual report on paper for the council's archive (PDF/A-2b, set by `report.typ`): the
//! foreword, the year at a glance with its charts and the ten years compared, then each
//! partnership under a heading of its own with its trips, agreements, projects, follow-up,
//! gifts and costs. Every text is made here in the report's language.

use serde::Serialize;

use super::charts::{report_charts, Chart};
use super::{AnnualReport, PartnershipYear};
use crate::error::Result;
use crate::export::pdf::ListingSection;
use crate::money::euros_text;
use crate::vocabulary::{Direction, Language};

#[derive(Debug, Clone, Serialize)]
struct ReportDocument {
    lang: &'static str,
    title: String,
    subtitle: String,
    foreword: String,
    glance: String,
    figures: Vec<(String, String)>,
    charts: Vec<Chart>,
    years: ListingSection,
    partnerships: Vec<PartnershipPart>,
    footer: String,
}

#[derive(Debug, Clone, Serialize)]
struct PartnershipPart {
    heading: String,
    sections: Vec<ListingSection>,
}

struct Words {
    title: &'static str,
    glance: &'static str,
    as_of: &'static str,
    figures: [&'static str; 7],
    years_heading: &'static str,
    year_headers: [&'static str; 7],
    trips: &'static str,
    trip_headers: [&'static str; 4],
    outgoing: &'static str,
    incoming: &'static str,
    no_trips: &'static str,
    agreements: &'static str,
    agreement_headers: [&'static str; 4],
    signed: &'static str,
    expiring: &'static str,
    in_force: &'static str,
    none: &'static str,
    projects: &'static str,
    project_headers: [&'static str; 2],
    follow_up: &'static str,
    follow_up_headers: [&'static str; 3],
    gifts: &'static str,
    gift_headers: [&'static str; 4],
    received: &'static str,
    given: &'static str,
    costs: &'static str,
    cost_headers: [&'static str; 3],
    day: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::De => Words {
            title: "Partnerschaftsbericht",
            glance: "Das Jahr im Überblick",
            as_of: "Stand",
            figures: [
                "Reisen zu Partnern",
                "Delegationen zu Gast",
                "Reisende",
                "Vereinbarungen unterzeichnet",
                "Aufgaben erledigt / offen",
                "Geschenke erhalten / überreicht",
                "Kosten",
            ],
            years_heading: "Die letzten zehn Jahre",
            year_headers: [
                "Jahr",
                "Reisen zu Partnern",
                "Delegationen zu Gast",
                "Reisende",
                "Vereinbarungen",
                "Aufgaben erledigt",
                "Kosten",
            ],
            trips: "Reisen",
            trip_headers: ["Reise", "Richtung", "Zeitraum", "Delegation"],
            outgoing: "Reise zum Partner",
            incoming: "Delegation zu Gast",
            no_trips: "In diesem Jahr keine Reisen.",
            agreements: "Vereinbarungen",
            agreement_headers: ["Vereinbarung", "Stand", "Unterzeichnet / gültig bis", "Themen"],
            signed: "unterzeichnet",
            expiring: "läuft aus",
            in_force: "in Kraft",
            none: "Keine.",
            projects: "Projekte",
            project_headers: ["Projekt", "Stand"],
            follow_up: "Nachbereitung",
            follow_up_headers: ["Ergebnisse", "Aufgaben erledigt", "Aufgaben offen"],
            gifts: "Geschenke",
            gift_headers: ["Datum", "Richtung", "Geschenk", "Von / an"],
            received: "erhalten",
            given: "überreicht",
            costs: "Kosten",
            cost_headers: ["Haushaltsstelle / Kostenträger", "Ausgaben", "Ansatz"],
            day: "%d.%m.%Y",
        },
        Language::En => Words {
            title: "Partnership report",
            glance: "The year at a glance",
            as_of: "As of",
            figures: [
                "Trips to partners",
                "Delegations hosted",
                "Travellers",
                "Agreements signed",
                "Tasks done / open",
                "Gifts received / given",
                "Costs",
            ],
            years_heading: "The last ten years",
            year_headers: [
                "Year",
                "Trips to partners",
                "Delegations hosted",
                "Travellers",
                "Agreements",
                "Tasks done",
                "Costs",
            ],
            trips: "Trips",
            trip_headers: ["Trip", "Direction", "Dates", "Delegation"],
            outgoing: "trip to the partner",
            incoming: "delegation hosted",
            no_trips: "No trips this year.",
            agreements: "Agreements",
            agreement_headers: ["Agreement", "State", "Signed / valid until", "Themes"],
            signed: "signed",
            expiring: "ending",
            in_force: "in force",
            none: "None.",
            projects: "Projects",
            project_headers: ["Project", "State"],
            follow_up: "Follow-up",
            follow_up_headers: ["Outcomes", "Tasks done", "Tasks open"],
            gifts: "Gifts",
            gift_headers: ["Date", "Direction", "Gift", "From / to"],
            received: "received",
            given: "given",
            costs: "Costs",
            cost_headers: ["Budget line / bearer", "Spent", "Budget"],
            day: "%d/%m/%Y",
        },
    }
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

fn project_status(status: crate::projects::ProjectStatus, language: Language) -> &'static str {
    use crate::projects::ProjectStatus::*;
    match (language, status) {
        (Language::De, Idea) => "Idee",
        (Language::De, Planned) => "geplant",
        (Language::De, Running) => "läuft",
        (Language::De, Done) => "abgeschlossen",
        (Language::De, Dropped) => "verworfen",
        (Language::En, Idea) => "idea",
        (Language::En, Planned) => "planned",
        (Language::En, Running) => "running",
        (Language::En, Done) => "done",
        (Language::En, Dropped) => "dropped",
    }
}

fn partnership_part(part: &PartnershipYear, language: Language) -> PartnershipPart {
    let w = words(language);
    let day = |date: chrono::NaiveDate| date.format(w.day).to_string();
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
            vec![day(gift.given_on), direction.to_string(), gift.description.clone(), gift.other_side.clone()]
        })
        .collect();
    let costs = part
        .costs
        .iter()
        .map(|cost| {
            vec![
                cost.label.clone(),
                euros_text(cost.actual_cents, language),
                cost.budget_cents.map(|b| euros_text(b, language)).unwrap_or_default(),
            ]
        })
        .collect();
    PartnershipPart {
        heading: part.partnership.label.clone(),
        sections: vec![
            section(w.trips, &w.trip_headers, &["left", "left", "left", "left"], trips, w.no_trips),
            section(w.agreements, &w.agreement_headers, &["left", "left", "left", "left"], agreements, w.none),
            section(w.projects, &w.project_headers, &["left", "left"], projects, w.none),
            section(
                w.follow_up,
                &w.follow_up_headers,
                &["right", "right", "right"],
                vec![vec![part.outcomes.to_string(), part.tasks_done.to_string(), part.tasks_open.to_string()]],
                "",
            ),
            section(w.gifts, &w.gift_headers, &["left", "left", "left", "left"], gifts, w.none),
            section(w.costs, &w.cost_headers, &["left", "right", "right"], costs, w.none),
        ],
    }
}

/// The report as PDF/A-2b, with its charts.
pub fn report_pdf(report: &AnnualReport, language: Language, today: chrono::NaiveDate) -> Result<Vec<u8>> {
    let w = words(language);
    let t = &report.totals;
    let document = ReportDocument {
        lang: if language == Language::De { "de" } else { "en" },
        title: format!("{} {}", w.title, report.year),
        subtitle: report.partnerships.iter().map(|p| p.partnership.label.clone()).collect::<Vec<_>>().join(" · "),
        foreword: report.foreword.clone(),
        glance: w.glance.into(),
        figures: vec![
            (w.figures[0].into(), t.trips_outgoing.to_string()),
            (w.figures[1].into(), t.trips_incoming.to_string()),
            (w.figures[2].into(), t.travellers.to_string()),
            (w.figures[3].into(), t.agreements_signed.to_string()),
            (w.figures[4].into(), format!("{} / {}", t.tasks_done, t.tasks_open)),
            (w.figures[5].into(), format!("{} / {}", t.gifts_received, t.gifts_given)),
            (w.figures[6].into(), euros_text(t.cost_cents, language)),
        ],
        charts: report_charts(report, language)?,
        years: section(
            w.years_heading,
            &w.year_headers,
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
        partnerships: report.partnerships.iter().map(|part| partnership_part(part, language)).collect(),
        footer: format!("{} {} · {} {}", w.title, report.year, w.as_of, today.format(w.day)),
    };
    crate::export::pdf::report_pdf(&document, chrono::Utc::now())
}
