//! The public list of gifts received in a year, as many councils publish it: the gifts the
//! office marked for publication, with giver, recipient, occasion, estimated value in euros and
//! what became of each. Internal notes never appear in it.

use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::gifts::{published_gifts, Gift, GiftDecision};
use crate::vocabulary::Language;

fn decision(decision: GiftDecision, language: Language) -> &'static str {
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
    let title = match language {
        Language::De => format!("Angenommene Geschenke {year}"),
        Language::En => format!("Gifts received in {year}"),
    };
    sheet.write_string_with_format(0, 0, title, &bold)?;
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

/// The public gifts list of `year` as a workbook, in the app's language.
pub fn public_gifts_xlsx(conn: &Connection, year: i32, language: Language) -> Result<Vec<u8>> {
    let gifts = published_gifts(conn, year)?;
    sheet(&gifts, year, language).map_err(|error| Error::Table(error.to_string()))
}
