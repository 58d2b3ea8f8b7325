//! The annual report as a Word document (DOCX) for the office to paste into its council
//! template: the same layout as the PDF, with headings as Word's own heading styles ("heading 1",
//! "heading 2"), tables as tables, and the charts as PNG pictures drawn by resvg from their SVG
//! in the bundled fonts.

use std::sync::Arc;

use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts, Shading, Style,
    StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};
use resvg::{tiny_skia, usvg};

use super::layout::{report_layout, ReportLayout};
use super::AnnualReport;
use crate::error::{Error, Result};
use crate::export::pdf::{ListingSection, FONT_FILES};
use crate::vocabulary::Language;

/// Word's built-in style ids and names, which LibreOffice maps to its own headings.
const TITLE: (&str, &str) = ("Title", "Title");
const HEADING_1: (&str, &str) = ("Heading1", "heading 1");
const HEADING_2: (&str, &str) = ("Heading2", "heading 2");
const FONT: &str = "Arial";
const INK: &str = "1D3F66";
/// Charts are drawn at twice their size for a sharp print, and set 16 cm wide.
const CHART_SCALE: f32 = 2.0;
const CHART_WIDTH_EMU: u32 = 16 * 360_000;
/// A4 in twentieths of a point, with 2.5 cm margins: 16 cm of text width.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_418;
const TEXT_WIDTH: usize = 9_070;
/// About one character of the body font, and a cell's left and right padding, in twips.
const TWIPS_PER_CHAR: usize = 118;
const CELL_PADDING: usize = 240;

fn failed<E: std::fmt::Display>(error: E) -> Error {
    Error::Table(format!("the report could not be written as DOCX: {error}"))
}

fn styles(docx: Docx) -> Docx {
    let heading = |(id, name): (&str, &str), size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color(INK)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(280).after(100))
    };
    docx.add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .line_spacing(LineSpacing::new().after(80)),
    )
    .add_style(
        Style::new(TITLE.0, StyleType::Paragraph)
            .name(TITLE.1)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(40)
            .bold()
            .color(INK)
            .line_spacing(LineSpacing::new().after(160)),
    )
    .add_style(heading(HEADING_1, 30, 0))
    .add_style(heading(HEADING_2, 24, 1))
}

fn styled(style: (&str, &str), text: &str) -> Paragraph {
    Paragraph::new().style(style.0).keep_next(true).add_run(Run::new().add_text(text))
}

fn text(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

#[derive(Clone, Copy, PartialEq)]
enum Look {
    Plain,
    Bold,
    Header,
}

fn cell(text: &str, width: usize, right: bool, look: Look) -> TableCell {
    let mut run = Run::new().add_text(text);
    let mut paragraph = Paragraph::new().line_spacing(LineSpacing::new().after(0));
    if right {
        paragraph = paragraph.align(AlignmentType::Right);
    }
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    if look != Look::Plain {
        run = run.bold();
    }
    if look == Look::Header {
        cell = cell.shading(Shading::new().fill("E8ECF1"));
    }
    cell.add_paragraph(paragraph.add_run(run))
}

/// Column widths from the longest text in each column (a header may wrap between words): the
/// narrowest columns get their natural width first, while that is no more than an even share of
/// what is left; the wider ones share the rest evenly. Room to spare goes to all in proportion.
fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let natural: Vec<usize> = (0..headers.len())
        .map(|column| {
            let longest = rows.iter().filter_map(|row| row.get(column)).map(|t| t.chars().count()).max();
            let header = headers[column].split_whitespace().map(|word| word.chars().count()).max();
            longest.unwrap_or(0).max(header.unwrap_or(0)).max(3) * TWIPS_PER_CHAR + CELL_PADDING
        })
        .collect();
    let total: usize = natural.iter().sum::<usize>().max(1);
    if total <= TEXT_WIDTH {
        return natural.iter().map(|width| TEXT_WIDTH * width / total).collect();
    }
    let mut order: Vec<usize> = (0..natural.len()).collect();
    order.sort_by_key(|column| natural[*column]);
    let mut widths = vec![0; natural.len()];
    let mut left = TEXT_WIDTH;
    for (placed, column) in order.iter().enumerate() {
        let share = left / (natural.len() - placed);
        widths[*column] = natural[*column].min(share);
        left -= widths[*column];
    }
    widths
}

/// A table filling the text width; `right` says which columns align right.
fn table(headers: &[String], rows: &[Vec<String>], right: &[bool], bold_rows: &[usize]) -> Table {
    let widths = column_widths(headers, rows);
    let row_of = |texts: &[String], look: Look| {
        TableRow::new(
            texts
                .iter()
                .enumerate()
                .map(|(column, text)| {
                    let width = widths.get(column).copied().unwrap_or(0);
                    cell(text, width, right.get(column).copied().unwrap_or(false), look)
                })
                .collect(),
        )
    };
    let mut table_rows = Vec::with_capacity(rows.len() + 1);
    if headers.iter().any(|header| !header.is_empty()) {
        table_rows.push(row_of(headers, Look::Header));
    }
    for (index, row) in rows.iter().enumerate() {
        table_rows.push(row_of(row, if bold_rows.contains(&index) { Look::Bold } else { Look::Plain }));
    }
    Table::new(table_rows).set_grid(widths.clone()).width(TEXT_WIDTH, WidthType::Dxa).layout(TableLayoutType::Fixed)
}

fn add_section(docx: Docx, section: &ListingSection) -> Docx {
    let docx = docx.add_paragraph(styled(HEADING_2, &section.heading));
    if section.rows.is_empty() {
        return docx.add_paragraph(text(&section.empty));
    }
    let right: Vec<bool> = section.align.iter().map(|align| *align == "right").collect();
    docx.add_table(table(&section.headers, &section.rows, &right, &section.bold_rows)).add_paragraph(Paragraph::new())
}

/// A chart's SVG as a PNG, with its size in pixels.
fn chart_png(svg: &str) -> Result<(Vec<u8>, u32, u32)> {
    let mut options = usvg::Options::default();
    for font in FONT_FILES {
        options.fontdb_mut().load_font_source(usvg::fontdb::Source::Binary(Arc::new(font)));
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(failed)?;
    let size = tree.size().to_int_size().scale_by(CHART_SCALE).ok_or_else(|| failed("the chart has no size"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| failed("no room to draw"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(CHART_SCALE, CHART_SCALE), &mut pixmap.as_mut());
    Ok((pixmap.encode_png().map_err(failed)?, size.width(), size.height()))
}

fn document(layout: &ReportLayout, language: Language) -> Result<Docx> {
    let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia("Noto Sans CJK SC");
    let mut docx = styles(Docx::new())
        .default_fonts(fonts)
        .default_size(21)
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN))
        .footer(Footer::new().add_paragraph(Paragraph::new().size(16).add_run(Run::new().add_text(&layout.footer))))
        .custom_property("Language", if language == Language::De { "de-DE" } else { "en-GB" });
    docx = docx.add_paragraph(styled(TITLE, &layout.title));
    if !layout.subtitle.is_empty() {
        docx = docx.add_paragraph(text(&layout.subtitle));
    }
    for paragraph in layout.foreword.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let mut lines = Paragraph::new();
        for (index, line) in paragraph.lines().enumerate() {
            let run = if index == 0 { Run::new() } else { Run::new().add_break(BreakType::TextWrapping) };
            lines = lines.add_run(run.add_text(line));
        }
        docx = docx.add_paragraph(lines);
    }
    docx = docx.add_paragraph(styled(HEADING_1, &layout.glance));
    let figures: Vec<Vec<String>> = layout.figures.iter().map(|(l, v)| vec![l.clone(), v.clone()]).collect();
    let no_headers = [String::new(), String::new()];
    docx = docx.add_table(table(&no_headers, &figures, &[false, true], &[])).add_paragraph(Paragraph::new());
    for chart in &layout.charts {
        let (png, width, height) = chart_png(&chart.svg)?;
        let height_emu = (CHART_WIDTH_EMU as u64 * height as u64 / width.max(1) as u64) as u32;
        let picture = Pic::new_with_dimensions(png, width, height).size(CHART_WIDTH_EMU, height_emu);
        docx = docx
            .add_paragraph(styled(HEADING_2, &chart.title))
            .add_paragraph(Paragraph::new().add_run(Run::new().add_image(picture)));
    }
    docx = add_section(docx, &layout.years);
    docx = add_section(docx, &layout.public_gifts);
    for part in &layout.partnerships {
        docx = docx.add_paragraph(styled(HEADING_1, &part.heading).page_break_before(true));
        for section in &part.sections {
            docx = add_section(docx, section);
        }
    }
    Ok(docx)
}

/// The report as printed (`AnnualReport::printed`) as DOCX, with its charts as pictures.
pub fn report_docx(report: &AnnualReport, language: Language, today: NaiveDate) -> Result<Vec<u8>> {
    let layout = report_layout(report, language, today)?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    document(&layout, language)?.build().pack(&mut bytes).map_err(failed)?;
    Ok(bytes.into_inner())
}
