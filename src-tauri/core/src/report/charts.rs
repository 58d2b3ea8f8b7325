//! The report's charts, drawn by plotters as SVG (set into the PDF by Typst): trips per year
//! and partnership over the last ten years, trips to partners against delegations hosted, the
//! costs per partnership, and follow-up tasks done against open.

use plotters::prelude::*;
use serde::Serialize;

use super::words::words;
use super::AnnualReport;
use crate::error::{Error, Result};
use crate::vocabulary::Language;

#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    pub svg: String,
}

const SIZE: (u32, u32) = (900, 380);
const FONT: &str = "Noto Sans";
const COLOURS: [RGBColor; 6] = [
    RGBColor(29, 63, 102),
    RGBColor(201, 122, 43),
    RGBColor(76, 139, 104),
    RGBColor(150, 82, 140),
    RGBColor(110, 110, 110),
    RGBColor(196, 72, 72),
];

fn failed<E: std::fmt::Display>(error: E) -> Error {
    Error::Pdf(format!("a chart could not be drawn: {error}"))
}

/// Bars side by side for each category, one colour per series, with a legend.
fn grouped_bars(categories: &[String], series: &[(String, Vec<f64>)], y_description: &str) -> Result<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let top = series.iter().flat_map(|(_, values)| values.iter().copied()).fold(0.0_f64, f64::max);
        let top = (top * 1.15).max(1.0);
        let count = categories.len().max(1) as f64;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(34)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.5_f64..count - 0.5, 0.0_f64..top)
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(categories.len().max(1))
            .x_label_formatter(&|x| {
                let index = x.round();
                if (x - index).abs() < 0.01 && index >= 0.0 {
                    categories.get(index as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_labels(6)
            .y_label_formatter(&whole_number)
            .max_light_lines(0)
            .y_desc(y_description)
            .label_style((FONT, 14))
            .axis_desc_style((FONT, 14))
            .draw()
            .map_err(failed)?;
        let width = 0.8 / series.len().max(1) as f64;
        for (index, (label, values)) in series.iter().enumerate() {
            let colour = COLOURS[index % COLOURS.len()];
            let offset = -0.4 + width * index as f64;
            chart
                .draw_series(values.iter().enumerate().map(|(at, value)| {
                    let left = at as f64 + offset;
                    Rectangle::new([(left, 0.0), (left + width * 0.92, *value)], colour.filled())
                }))
                .map_err(failed)?
                .label(label.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled()));
        }
        if series.len() > 1 {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .label_font((FONT, 13))
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.2))
                .draw()
                .map_err(failed)?;
        }
        root.present().map_err(failed)?;
    }
    Ok(svg)
}

/// An axis value as a whole number with thousands grouped; none for values between whole
/// numbers (counts have no halves).
fn whole_number(value: &f64) -> String {
    if (value - value.round()).abs() > 1e-6 {
        return String::new();
    }
    let digits = format!("{}", value.round().abs() as i64);
    let mut grouped = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    grouped
}

/// Short labels for the legend and the axis: the partner's place, as the office says it.
fn short(label: &str) -> String {
    label.rsplit(" – ").next().unwrap_or(label).to_string()
}

pub fn report_charts(report: &AnnualReport, language: Language) -> Result<Vec<Chart>> {
    let de = language == Language::De;
    let w = words(language);
    let years: Vec<String> = report.years.iter().map(|figures| figures.year.to_string()).collect();
    let mut charts = Vec::new();

    let per_partnership: Vec<(String, Vec<f64>)> = report
        .partnerships
        .iter()
        .map(|part| {
            let trips = part.years.iter().map(|y| (y.trips_outgoing + y.trips_incoming) as f64).collect();
            (short(&part.partnership.label), trips)
        })
        .collect();
    charts.push(Chart {
        title: if de { "Reisen je Jahr und Partnerschaft" } else { "Trips per year and partnership" }.into(),
        svg: grouped_bars(&years, &per_partnership, if de { "Reisen" } else { "Trips" })?,
    });

    let directions = vec![
        (w.trips_outgoing.to_string(), report.years.iter().map(|y| y.trips_outgoing as f64).collect()),
        (w.trips_incoming.to_string(), report.years.iter().map(|y| y.trips_incoming as f64).collect()),
    ];
    charts.push(Chart {
        title: if de { "Ausreisen und Empfänge" } else { "Trips out and delegations hosted" }.into(),
        svg: grouped_bars(&years, &directions, if de { "Reisen" } else { "Trips" })?,
    });

    let places: Vec<String> = report.partnerships.iter().map(|part| short(&part.partnership.label)).collect();
    let costs = vec![(
        format!("{} (€)", w.costs),
        report.partnerships.iter().map(|part| part.figures.cost_cents as f64 / 100.0).collect(),
    )];
    charts.push(Chart {
        title: if de {
            format!("Kosten je Partnerschaft {}", report.year)
        } else {
            format!("Costs per partnership {}", report.year)
        },
        svg: grouped_bars(&places, &costs, "€")?,
    });

    let tasks = vec![
        (
            if de { "erledigt" } else { "done" }.to_string(),
            report.partnerships.iter().map(|part| part.tasks_done as f64).collect(),
        ),
        (
            if de { "offen" } else { "open" }.to_string(),
            report.partnerships.iter().map(|part| part.tasks_open as f64).collect(),
        ),
    ];
    charts.push(Chart {
        title: if de { "Aufgaben erledigt und offen" } else { "Tasks done and open" }.into(),
        svg: grouped_bars(&places, &tasks, if de { "Aufgaben" } else { "Tasks" })?,
    });
    Ok(charts)
}
