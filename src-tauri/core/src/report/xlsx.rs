//! The annual report as a workbook: the office's figures of the last ten years (the numbers
//! behind every chart), then one sheet per partnership with its trips, agreements, projects,
//! gifts and costs.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::words::{cost_label, decision, project_status, words, Words};
use super::{AnnualReport, PartnershipYear, YearFigures};
use crate::error::{Error, Result};
use crate::vocabulary::{Direction, Language};

fn date(day: NaiveDate) -> std::result::Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)
}

fn euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
fn sheet_name(label: &str, taken: &mut Vec<String>) -> String {
    let clean: String = label.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let mut name: String = clean.chars().take(31).collect();
    let mut counter = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" {counter}");
        name = clean.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        counter += 1;
    }
    taken.push(name.clone());
    name
}

fn years_table(
    sheet: &mut Worksheet,
    first_row: u32,
    years: &[YearFigures],
    w: &Words,
) -> std::result::Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let costs = format!("{} (€)", w.costs);
    let headers = [
        w.year,
        w.trips_outgoing,
        w.trips_incoming,
        w.travellers,
        w.agreements_signed,
        w.tasks_done,
        w.tasks_open,
        w.gifts_received,
        w.gifts_given,
        &costs,
    ];
    for (column, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(first_row, column as u16, *header, &bold)?;
    }
    for (index, figures) in years.iter().enumerate() {
        let row = first_row + 1 + index as u32;
        let counts = [
            figures.year as i64,
            figures.trips_outgoing,
            figures.trips_incoming,
            figures.travellers,
            figures.agreements_signed,
            figures.tasks_done,
            figures.tasks_open,
            figures.gifts_received,
            figures.gifts_given,
        ];
        for (column, count) in counts.iter().enumerate() {
            sheet.write_number(row, column as u16, *count as f64)?;
        }
        sheet.write_number_with_format(row, 9, euros(figures.cost_cents), &money)?;
    }
    Ok(())
}

fn partnership_sheet(
    sheet: &mut Worksheet,
    part: &PartnershipYear,
    year: i32,
    language: Language,
) -> std::result::Result<(), XlsxError> {
    let w = &words(language);
    let bold = Format::new().set_bold();
    let heading = Format::new().set_bold().set_font_size(12);
    let day = Format::new().set_num_format(w.day_cell);
    let money = Format::new().set_num_format("#,##0.00");
    sheet.write_string_with_format(0, 0, format!("{} {year}", part.partnership.label), &heading)?;
    let mut row = 2;
    let section =
        |sheet: &mut Worksheet, row: &mut u32, title: &str, headers: &[&str]| -> std::result::Result<(), XlsxError> {
            sheet.write_string_with_format(*row, 0, title, &heading)?;
            for (column, header) in headers.iter().enumerate() {
                sheet.write_string_with_format(*row + 1, column as u16, *header, &bold)?;
            }
            *row += 2;
            Ok(())
        };
    section(sheet, &mut row, w.trips, &[w.trip, w.direction, w.from, w.to, w.delegation])?;
    for trip in &part.trips {
        sheet.write_string(row, 0, &trip.title)?;
        sheet.write_string(row, 1, if trip.direction == Direction::Outgoing { w.outgoing } else { w.incoming })?;
        sheet.write_datetime_with_format(row, 2, &date(trip.start_date)?, &day)?;
        sheet.write_datetime_with_format(row, 3, &date(trip.end_date)?, &day)?;
        let make_up: Vec<String> =
            trip.make_up.iter().map(|group| format!("{} × {}", group.count, group.label)).collect();
        sheet.write_string(row, 4, format!("{}: {}", trip.size, make_up.join(", ")))?;
        row += 1;
    }
    row += 1;
    section(sheet, &mut row, w.agreements, &[w.agreement, w.state, w.signed_on, w.valid_until, w.themes])?;
    let states = [
        (&part.agreements_signed, w.signed),
        (&part.agreements_expiring, w.expiring),
        (&part.agreements_in_force, w.in_force),
    ];
    for (list, state) in states {
        for agreement in list.iter() {
            sheet.write_string(row, 0, &agreement.title)?;
            sheet.write_string(row, 1, state)?;
            if let Some(signed) = agreement.signed_on {
                sheet.write_datetime_with_format(row, 2, &date(signed)?, &day)?;
            }
            if let Some(until) = agreement.valid_until {
                sheet.write_datetime_with_format(row, 3, &date(until)?, &day)?;
            }
            sheet.write_string(row, 4, &agreement.themes)?;
            row += 1;
        }
    }
    row += 1;
    section(sheet, &mut row, w.projects, &[w.project, w.state])?;
    for project in &part.projects {
        sheet.write_string(row, 0, &project.title)?;
        sheet.write_string(row, 1, project_status(project.status, language))?;
        row += 1;
    }
    row += 1;
    section(sheet, &mut row, w.follow_up, &[w.outcomes, w.tasks_done, w.tasks_open])?;
    for (column, count) in [part.outcomes, part.tasks_done, part.tasks_open].iter().enumerate() {
        sheet.write_number(row, column as u16, *count as f64)?;
    }
    row += 2;
    section(
        sheet,
        &mut row,
        w.gifts,
        &[w.date, w.direction, w.gift, w.other_side, &format!("{} (€)", w.value), w.decision],
    )?;
    for (list, direction) in [(&part.gifts_received, w.received), (&part.gifts_given, w.given)] {
        for gift in list {
            sheet.write_datetime_with_format(row, 0, &date(gift.given_on)?, &day)?;
            sheet.write_string(row, 1, direction)?;
            sheet.write_string(row, 2, &gift.description)?;
            sheet.write_string(row, 3, &gift.other_side)?;
            if let Some(value) = gift.value_cents {
                sheet.write_number_with_format(row, 4, euros(value), &money)?;
            }
            sheet.write_string(row, 5, decision(gift, language))?;
            row += 1;
        }
    }
    row += 1;
    section(sheet, &mut row, w.costs, &[w.budget_line, &format!("{} (€)", w.spent), &format!("{} (€)", w.budget)])?;
    for cost in &part.costs {
        sheet.write_string(row, 0, cost_label(cost, language))?;
        sheet.write_number_with_format(row, 1, euros(cost.actual_cents), &money)?;
        if let Some(budget) = cost.budget_cents {
            sheet.write_number_with_format(row, 2, euros(budget), &money)?;
        }
        row += 1;
    }
    sheet.autofit();
    Ok(())
}

fn workbook(report: &AnnualReport, language: Language) -> std::result::Result<Vec<u8>, XlsxError> {
    let w = words(language);
    let mut workbook = Workbook::new();
    let overview = workbook.add_worksheet().set_name(w.overview)?;
    overview.write_string_with_format(
        0,
        0,
        format!("{} {}", w.title, report.year),
        &Format::new().set_bold().set_font_size(14),
    )?;
    let mut row = 2;
    if !report.foreword.is_empty() {
        overview.write_string(row, 0, &report.foreword)?;
        row += 2;
    }
    years_table(overview, row, &report.years, &w)?;
    overview.autofit();
    let mut taken = vec![w.overview.to_string()];
    for part in &report.partnerships {
        let name = sheet_name(&part.partnership.label, &mut taken);
        let sheet = workbook.add_worksheet().set_name(name)?;
        partnership_sheet(sheet, part, report.year, language)?;
    }
    workbook.save_to_buffer()
}

/// The report as printed (`AnnualReport::printed`) as a workbook with every figure.
pub fn report_xlsx(report: &AnnualReport, language: Language) -> Result<Vec<u8>> {
    workbook(report, language).map_err(|error| Error::Table(error.to_string()))
}
