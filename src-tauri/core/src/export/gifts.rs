//! The public list of gifts received in a year, as many councils publish it: the gifts the
//! office marked for publication, with giver, recipient, occasion, estimated value in euros and
//! what became of each, as a workbook or a PDF. Internal notes never appear in it.

use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::gifts::{published_gifts, Gift, GiftDecision};
use crate::vocabulary::Language;

crate::text_enum! {
    /// The files the public gifts list is written as.
    pub enum PublicListFormat { Pdf => "pdf", Xlsx => "xlsx" }
}

impl PublicListFormat {
    /// What a save dialog calls such files, and their extension.
    pub fn file_kind(self) -> (&'static str, &'static str) {
        match self {
            PublicListFormat::Pdf => ("PDF", "pdf"),
            PublicListFormat::Xlsx => ("Excel", "xlsx"),
        }
    }
}

/// The public gifts list of `year` as `format`, in the app's language.
pub fn public_gifts(conn: &Connection, year: i32, format: PublicListFormat) -> Result<Vec<u8>> {
    let language = crate::settings::get_settings(conn)?.language;
    match format {
        PublicListFormat::Pdf => public_gifts_pdf(conn, year, language),
        PublicListFormat::Xlsx => public_gifts_xlsx(conn, year, language),
    }
}

pub(crate) fn decision(decision: GiftDecision, language: Language) -> &'static str {
    use GiftDecision::*;
    match (language, decision) {
        (Language::De, KeptByOffice) => "Verbleibt im Haus",
        (Language::De, Museum) => "An ein Museum übergeben",
        (Language::De, BoughtBack) => "Von der Empfängerin / dem Empfänger erworben",
        (Language::De, Returned) => "Zurückgegeben",
        (Language::De, Donated) => "Gespendet",
        (Language::En, KeptByOffice) => "Kept by the office",
        (Language::En, Museum) => "Handed to a museum",
        (Language::En, BoughtBack) => "Bought by the recipient",
        (Language::En, Returned) => "Returned",
        (Language::En, Donated) => "Donated",
    }
}

fn headers(language: Language) -> [&'static str; 8] {
    match language {
        Language::De => ["Datum", "Geschenk", "Von", "An", "Anlass", "Wert (€)", "Verbleib", "Entscheidung"],
        Language::En => ["Date", "Gift", "From", "To", "Occasion", "Value (€)", "Kept at", "Decision"],
    }
}

fn sheet(gifts: &[Gift], year: i32, language: Language) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(if language == Language::De { "Geschenke" } else { "Gifts" })?;
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    sheet.write_string_with_format(0, 0, title(year, language), &bold)?;
    for (column, header) in headers(language).iter().enumerate() {
        sheet.write_string_with_format(2, column as u16, *header, &bold)?;
    }
    for (index, gift) in gifts.iter().enumerate() {
        let row = 3 + index as u32;
        let label = |entry: &Option<crate::contacts::RegisterEntry>| {
            entry.as_ref().map(|e| e.label.clone()).unwrap_or_default()
        };
        sheet.write_string(row, 0, gift.given_on.to_string())?;
        sheet.write_string(row, 1, &gift.description)?;
        sheet.write_string(row, 2, label(&gift.giver))?;
        sheet.write_string(row, 3, label(&gift.recipient))?;
        sheet.write_string(row, 4, &gift.occasion)?;
        if let Some(cents) = gift.value_cents {
            sheet.write_number_with_format(row, 5, Decimal::new(cents, 2).to_f64().unwrap_or_default(), &amount)?;
        }
        sheet.write_string(row, 6, &gift.kept_at)?;
        sheet.write_string(row, 7, gift.decision.map(|d| decision(d, language)).unwrap_or_default())?;
    }
    sheet.set_freeze_panes(3, 0)?;
    sheet.autofit();
    workbook.save_to_buffer()
}

fn title(year: i32, language: Language) -> String {
    match language {
        Language::De => format!("Angenommene Geschenke {year}"),
        Language::En => format!("Gifts received in {year}"),
    }
}

/// The public gifts list of `year` as a workbook, in the app's language.
pub fn public_gifts_xlsx(conn: &Connection, year: i32, language: Language) -> Result<Vec<u8>> {
    let gifts = published_gifts(conn, year)?;
    sheet(&gifts, year, language).map_err(|error| Error::Table(error.to_string()))
}

/// The public gifts list of `year` as PDF, in the app's language.
#[cfg(feature = "pdf")]
pub fn public_gifts_pdf(conn: &Connection, year: i32, language: Language) -> Result<Vec<u8>> {
    let gifts = published_gifts(conn, year)?;
    let rules = crate::gifts::rules::gift_rules(conn)?;
    let day = if language == Language::De { "%d.%m.%Y" } else { "%d/%m/%Y" };
    let euros = |cents: i64| crate::money::euros_text(cents, language);
    let label =
        |entry: &Option<crate::contacts::RegisterEntry>| entry.as_ref().map(|e| e.label.clone()).unwrap_or_default();
    let rows = gifts
        .iter()
        .map(|gift| {
            vec![
                gift.given_on.format(day).to_string(),
                gift.description.clone(),
                label(&gift.giver),
                label(&gift.recipient),
                gift.occasion.clone(),
                gift.value_cents.map(euros).unwrap_or_default(),
                gift.kept_at.clone(),
                gift.decision.map(|d| decision(d, language).to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let (subtitle, empty, footer) = match language {
        Language::De => (
            format!("Geschenke, die im Jahr {year} angenommen wurden und deren Veröffentlichung beschlossen ist. Wertgrenze: {}.", euros(rules.limit_cents)),
            "Für dieses Jahr ist kein Geschenk zur Veröffentlichung bestimmt.".to_string(),
            format!("Stand: {}", chrono::Local::now().format(day)),
        ),
        Language::En => (
            format!("Gifts received in {year} that the office decided to publish. Value limit: {}.", euros(rules.limit_cents)),
            "No gift of this year is marked for publication.".to_string(),
            format!("As of {}", chrono::Local::now().format(day)),
        ),
    };
    let listing = crate::export::pdf::Listing {
        title: title(year, language),
        subtitle,
        sections: vec![crate::export::pdf::ListingSection {
            heading: String::new(),
            headers: headers(language).iter().map(|header| header.to_string()).collect(),
            align: vec!["left", "left", "left", "left", "left", "right", "left", "left"],
            rows,
            bold_rows: Vec::new(),
            empty,
        }],
        footer,
    };
    crate::export::pdf::listing_pdf(&listing)
}

#[cfg(not(feature = "pdf"))]
pub fn public_gifts_pdf(_conn: &Connection, _year: i32, _language: Language) -> Result<Vec<u8>> {
    Err(Error::field("format", "format_not_built", "this build of Partnerdesk makes no PDF"))
}
