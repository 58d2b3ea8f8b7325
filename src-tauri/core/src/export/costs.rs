//! A trip's costs as a workbook for the office, never for members or partners: an overview
//! whose sums per bearer and per category refer to the sheets behind it, and one sheet per
//! bearer with its lines — amounts in their currency, the rate stored with each line, the euro
//! amounts as live formulas — so that a line corrected in the office suite moves every sum; and
//! what participants or their companies are to pay back, per payer.
//! Each formula carries the value Partnerdesk computed, for readers that do not recalculate.

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};

use crate::costs::budget::{trip_budget, TripBudget};
use crate::costs::{Bearer, CostCategory, CostLine};
use crate::error::{Error, Result};
use crate::vocabulary::Language;

pub(super) fn category(category: CostCategory, language: Language) -> &'static str {
    use CostCategory::*;
    match (language, category) {
        (Language::De, Flights) => "Flüge",
        (Language::De, Rail) => "Bahn",
        (Language::De, Hotel) => "Hotel",
        (Language::De, Hospitality) => "Bewirtung",
        (Language::De, Interpreter) => "Dolmetschen",
        (Language::De, Gifts) => "Gastgeschenke",
        (Language::De, Venue) => "Räume",
        (Language::De, Transfers) => "Transfers",
        (Language::De, Visa) => "Visa",
        (Language::De, Insurance) => "Versicherung",
        (Language::De, Other) => "Sonstiges",
        (Language::En, Flights) => "Flights",
        (Language::En, Rail) => "Rail",
        (Language::En, Hotel) => "Hotel",
        (Language::En, Hospitality) => "Meals and hospitality",
        (Language::En, Interpreter) => "Interpreting",
        (Language::En, Gifts) => "Gifts",
        (Language::En, Venue) => "Venue",
        (Language::En, Transfers) => "Transfers",
        (Language::En, Visa) => "Visa",
        (Language::En, Insurance) => "Insurance",
        (Language::En, Other) => "Other",
    }
}

/// The bearer as a sheet is named (no "/" in a sheet name).
pub(crate) fn bearer(bearer: Bearer, language: Language) -> &'static str {
    use Bearer::*;
    match (language, bearer) {
        (Language::De, Office) => "Unser Haus",
        (Language::De, Participant) => "Teilnehmende und Firmen",
        (Language::De, Partner) => "Partnerseite",
        (Language::De, Sponsor) => "Sponsoren",
        (Language::En, Office) => "Our office",
        (Language::En, Participant) => "Participants, companies",
        (Language::En, Partner) => "Partner side",
        (Language::En, Sponsor) => "Sponsors",
    }
}

struct Words {
    overview: &'static str,
    costs: &'static str,
    total: &'static str,
    by_bearer: &'static str,
    by_category: &'static str,
    planned_eur: &'static str,
    actual_eur: &'static str,
    line_headers: [&'static str; 11],
    approved: &'static str,
    day_format: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::De => Words {
            overview: "Übersicht",
            costs: "Kosten",
            total: "Summe",
            by_bearer: "Nach Kostenträger",
            by_category: "Nach Kostenart",
            planned_eur: "Geplant (€)",
            actual_eur: "Tatsächlich (€)",
            line_headers: [
                "Kostenart",
                "Position",
                "Für",
                "Zahler / Haushaltsstelle",
                "Datum",
                "Währung",
                "Geplant",
                "Tatsächlich",
                "Kurs (1 € =)",
                "Geplant (€)",
                "Tatsächlich (€)",
            ],
            approved: "Genehmigt von",
            day_format: "%d.%m.%Y",
        },
        Language::En => Words {
            overview: "Overview",
            costs: "Costs",
            total: "Total",
            by_bearer: "By bearer",
            by_category: "By category",
            planned_eur: "Planned (€)",
            actual_eur: "Actual (€)",
            line_headers: [
                "Category",
                "Item",
                "For",
                "Payer / budget line",
                "Date",
                "Currency",
                "Planned",
                "Actual",
                "Rate (€1 =)",
                "Planned (€)",
                "Actual (€)",
            ],
            approved: "Approved by",
            day_format: "%d/%m/%Y",
        },
    }
}

const FIRST_LINE_ROW: u32 = 3;

fn number(minor: i64, places: u32) -> f64 {
    Decimal::new(minor, places).to_f64().unwrap_or_default()
}

/// `'Sheet name'!$A$4:$A$9`
fn range(sheet: &str, column: char, first: u32, last: u32) -> String {
    format!("'{}'!${column}${}:${column}${}", sheet.replace('\'', "''"), first + 1, last + 1)
}

/// One bearer's sheet; gives the row of its sum line.
fn bearer_sheet(
    sheet: &mut Worksheet,
    title: &str,
    lines: &[&CostLine],
    language: Language,
) -> std::result::Result<u32, XlsxError> {
    let words = words(language);
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let rate = Format::new().set_num_format("0.0000##");
    let sum = Format::new().set_bold().set_num_format("#,##0.00");
    sheet.write_string_with_format(0, 0, title, &bold)?;
    for (column, header) in words.line_headers.iter().enumerate() {
        sheet.write_string_with_format(FIRST_LINE_ROW - 1, column as u16, *header, &bold)?;
    }
    for (index, line) in lines.iter().enumerate() {
        let row = FIRST_LINE_ROW + index as u32;
        let excel_row = row + 1;
        sheet.write_string(row, 0, category(line.category, language))?;
        sheet.write_string(row, 1, &line.description)?;
        sheet.write_string(row, 2, line.member.as_ref().map_or("", |member| member.label.as_str()))?;
        let payer = line.budget_line.as_ref().map_or(line.payer.as_str(), |budget_line| budget_line.label.as_str());
        sheet.write_string(row, 3, payer)?;
        sheet.write_string(row, 4, line.spent_on.map(|day| day.to_string()).unwrap_or_default())?;
        sheet.write_string(row, 5, &line.currency)?;
        for (column, minor) in [(6, line.planned_minor), (7, line.actual_minor)] {
            if let Some(minor) = minor {
                sheet.write_number_with_format(row, column, number(minor, line.places), &amount)?;
            }
        }
        let per_euro: f64 = line.per_euro.as_deref().and_then(|text| text.parse().ok()).unwrap_or(1.0);
        sheet.write_number_with_format(row, 8, per_euro, &rate)?;
        for (column, source, cents) in [(9, 'G', line.planned_cents), (10, 'H', line.actual_cents)] {
            let formula =
                Formula::new(format!("IF({source}{excel_row}=\"\",\"\",ROUND({source}{excel_row}/I{excel_row},2))"))
                    .set_result(cents.map(|cents| Decimal::new(cents, 2).to_string()).unwrap_or_default());
            sheet.write_formula_with_format(row, column, formula, &amount)?;
        }
    }
    let sum_row = FIRST_LINE_ROW + lines.len() as u32;
    let last = sum_row.saturating_sub(1).max(FIRST_LINE_ROW);
    sheet.write_string_with_format(sum_row, 0, words.total, &bold)?;
    for (column, letter, cents) in [
        (9, 'J', lines.iter().filter_map(|line| line.planned_cents).sum::<i64>()),
        (10, 'K', lines.iter().filter_map(|line| line.actual_cents).sum::<i64>()),
    ] {
        let formula = Formula::new(format!("SUM({letter}{}:{letter}{})", FIRST_LINE_ROW + 1, last + 1))
            .set_result(Decimal::new(cents, 2).to_string());
        sheet.write_formula_with_format(sum_row, column, formula, &sum)?;
    }
    sheet.set_freeze_panes(FIRST_LINE_ROW, 0)?;
    sheet.autofit();
    Ok(sum_row)
}

/// What participants or their companies are to pay back, per payer and the member each line is
/// for, with a sum under each payer: the list the office sends each company.
fn reimbursements_sheet(
    workbook: &mut Workbook,
    budget: &TripBudget,
    language: Language,
) -> std::result::Result<(), XlsxError> {
    let mut lines: Vec<&CostLine> = budget.lines.iter().filter(|line| line.bearer == Bearer::Participant).collect();
    if lines.is_empty() {
        return Ok(());
    }
    lines.sort_by(|a, b| (a.payer.as_str(), member_of(a)).cmp(&(b.payer.as_str(), member_of(b))));
    let (name, headers, sum_of) = match language {
        Language::De => ("Erstattungen", ["Zahler", "Für", "Position", "Geplant (€)", "Tatsächlich (€)"], "Summe"),
        Language::En => ("Reimbursements", ["Payer", "For", "Item", "Planned (€)", "Actual (€)"], "Total"),
    };
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let sum = Format::new().set_bold().set_num_format("#,##0.00");
    let sheet = workbook.add_worksheet().set_name(name)?;
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *header, &bold)?;
    }
    let mut row = 1;
    for payer_lines in lines.chunk_by(|a, b| a.payer == b.payer) {
        let first = row;
        for line in payer_lines {
            sheet.write_string(row, 0, &line.payer)?;
            sheet.write_string(row, 1, member_of(line))?;
            let what = if line.description.is_empty() { category(line.category, language) } else { &line.description };
            sheet.write_string(row, 2, what)?;
            for (column, cents) in [(3, line.planned_cents), (4, line.actual_cents)] {
                if let Some(cents) = cents {
                    sheet.write_number_with_format(row, column, number(cents, 2), &amount)?;
                }
            }
            row += 1;
        }
        sheet.write_string_with_format(row, 0, format!("{sum_of} {}", payer_lines[0].payer), &bold)?;
        for (column, letter, cents) in [
            (3, 'D', payer_lines.iter().filter_map(|line| line.planned_cents).sum::<i64>()),
            (4, 'E', payer_lines.iter().filter_map(|line| line.actual_cents).sum::<i64>()),
        ] {
            let formula = Formula::new(format!("SUM({letter}{}:{letter}{})", first + 1, row))
                .set_result(Decimal::new(cents, 2).to_string());
            sheet.write_formula_with_format(row, column, formula, &sum)?;
        }
        row += 2;
    }
    sheet.autofit();
    Ok(())
}

fn member_of(line: &CostLine) -> &str {
    line.member.as_ref().map_or("", |member| member.label.as_str())
}

fn workbook(title: &str, budget: &TripBudget, language: Language) -> std::result::Result<Vec<u8>, XlsxError> {
    let words = words(language);
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let sum = Format::new().set_bold().set_num_format("#,##0.00");
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name(words.overview)?;
    // Each bearer with lines: its sheet's name and the row of its sums.
    let mut sheets: Vec<(Bearer, &'static str, u32, u32)> = Vec::new();
    for &who in Bearer::ALL {
        let lines: Vec<&CostLine> = budget.lines.iter().filter(|line| line.bearer == who).collect();
        if lines.is_empty() {
            continue;
        }
        let name = bearer(who, language);
        let sheet = workbook.add_worksheet().set_name(name)?;
        let sum_row = bearer_sheet(sheet, &format!("{}: {title} – {name}", words.costs), &lines, language)?;
        sheets.push((who, name, sum_row, sum_row.saturating_sub(1).max(FIRST_LINE_ROW)));
    }

    reimbursements_sheet(&mut workbook, budget, language)?;

    let overview = workbook.worksheet_from_index(0)?;
    overview.write_string_with_format(0, 0, format!("{}: {title}", words.costs), &bold)?;
    if let Some(approval) = budget.approval.as_ref().filter(|approval| approval.approved_at.is_some()) {
        let day =
            approval.approved_at.as_deref().and_then(|at| NaiveDate::parse_from_str(at.get(..10)?, "%Y-%m-%d").ok());
        let day = day.map(|day| day.format(words.day_format).to_string()).unwrap_or_default();
        overview.write_string(1, 0, format!("{} {} ({day})", words.approved, approval.approved_by))?;
    }
    let mut row = 3;
    for (heading, rows) in [(words.by_bearer, budget.by_bearer.len()), (words.by_category, budget.by_category.len())] {
        overview.write_string_with_format(row, 0, heading, &bold)?;
        overview.write_string_with_format(row, 1, words.planned_eur, &bold)?;
        overview.write_string_with_format(row, 2, words.actual_eur, &bold)?;
        let first = row + 1;
        if heading == words.by_bearer {
            for (at, (who, name, sum_row, _)) in sheets.iter().enumerate() {
                let found = budget.by_bearer.iter().find(|sum| sum.key == who.as_str()).cloned().unwrap_or_default();
                let target = first + at as u32;
                overview.write_string(target, 0, *name)?;
                for (column, letter, cents) in [(1, 'J', found.planned_cents), (2, 'K', found.actual_cents)] {
                    let reference = format!("='{}'!{letter}{}", name.replace('\'', "''"), sum_row + 1);
                    let formula = Formula::new(reference).set_result(Decimal::new(cents, 2).to_string());
                    overview.write_formula_with_format(target, column, formula, &amount)?;
                }
            }
        } else {
            for (at, found) in budget.by_category.iter().enumerate() {
                let target = first + at as u32;
                let Some(which) = CostCategory::parse(&found.key) else { continue };
                let label = category(which, language);
                overview.write_string(target, 0, label)?;
                for (column, letter, cents) in [(1, 'J', found.planned_cents), (2, 'K', found.actual_cents)] {
                    let parts: Vec<String> = sheets
                        .iter()
                        .map(|(_, name, _, last)| {
                            let categories = range(name, 'A', FIRST_LINE_ROW, *last);
                            format!(
                                "SUMIF({categories},$A{},{})",
                                target + 1,
                                range(name, letter, FIRST_LINE_ROW, *last)
                            )
                        })
                        .collect();
                    let formula = Formula::new(parts.join("+")).set_result(Decimal::new(cents, 2).to_string());
                    overview.write_formula_with_format(target, column, formula, &amount)?;
                }
            }
        }
        let total_row = first + rows as u32;
        overview.write_string_with_format(total_row, 0, words.total, &bold)?;
        for (column, letter, cents) in [(1, 'B', budget.total.planned_cents), (2, 'C', budget.total.actual_cents)] {
            if rows == 0 {
                overview.write_number_with_format(total_row, column, 0.0, &sum)?;
                continue;
            }
            let formula = Formula::new(format!("SUM({letter}{}:{letter}{})", first + 1, total_row))
                .set_result(Decimal::new(cents, 2).to_string());
            overview.write_formula_with_format(total_row, column, formula, &sum)?;
        }
        row = total_row + 2;
    }
    overview.autofit();
    workbook.save_to_buffer()
}

/// The workbook of a trip's costs, in the app's language.
pub fn costs_xlsx(conn: &Connection, trip_id: &str, language: Language) -> Result<Vec<u8>> {
    let trip = crate::trips::get_trip(conn, trip_id)?;
    let budget = trip_budget(conn, trip_id)?;
    workbook(&trip.title, &budget, language).map_err(|error| Error::Table(error.to_string()))
}
