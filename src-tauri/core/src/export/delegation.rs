//! The delegation list as a spreadsheet (.xlsx) or as CSV the way German Excel reads it (UTF-8
//! with byte-order mark, semicolons, CRLF): the columns an office hands to a hotel or a host,
//! in order of precedence. Passport numbers, birth dates and visa status are never in it;
//! dietary and accessibility notes only when the officer ticks them (`audience`).

use rusqlite::Connection;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::audience::{carries, Outgoing, Sensitive, Ticked};
use crate::delegation::{list_members, Member};
use crate::error::{Error, Result};
use crate::vocabulary::{Language, MemberRole};

/// The columns of the list: the health notes only when they go along.
fn headers(language: Language, health_notes: bool) -> Vec<&'static str> {
    let all = all_headers(language);
    all[..if health_notes { 10 } else { 8 }].to_vec()
}

fn all_headers(language: Language) -> [&'static str; 10] {
    match language {
        Language::De => [
            "Nr.",
            "Name",
            "Name (Originalschrift)",
            "Funktion",
            "Organisation",
            "Rolle in der Delegation",
            "E-Mail",
            "Telefon",
            "Ernährung",
            "Barrierefreiheit",
        ],
        Language::En => [
            "No.",
            "Name",
            "Name (original script)",
            "Function",
            "Organisation",
            "Role in the delegation",
            "E-mail",
            "Phone",
            "Dietary needs",
            "Accessibility",
        ],
    }
}

fn role(role: MemberRole, language: Language) -> &'static str {
    use MemberRole::*;
    match (language, role) {
        (Language::De, Head) => "Delegationsleitung",
        (Language::De, Member) => "Mitglied",
        (Language::De, Interpreter) => "Dolmetschen",
        (Language::De, Protocol) => "Protokoll",
        (Language::De, Press) => "Presse",
        (Language::De, Organiser) => "Organisation",
        (Language::De, Driver) => "Fahrdienst",
        (Language::De, Other) => "Sonstige",
        (Language::En, Head) => "Head of delegation",
        (Language::En, Member) => "Member",
        (Language::En, Interpreter) => "Interpreter",
        (Language::En, Protocol) => "Protocol",
        (Language::En, Press) => "Press",
        (Language::En, Organiser) => "Organiser",
        (Language::En, Driver) => "Driver",
        (Language::En, Other) => "Other",
    }
}

fn row(member: &Member, language: Language, health_notes: bool) -> Vec<String> {
    let mut row = vec![
        member.precedence.to_string(),
        member.name_latin.clone(),
        member.name_original.clone(),
        member.function_title.clone(),
        member.organisation.clone(),
        role(member.role, language).to_string(),
        member.email.clone(),
        member.phone.clone(),
    ];
    if health_notes {
        row.extend([member.dietary.clone(), member.accessibility.clone()]);
    }
    row
}

fn with_health_notes(ticked: &Ticked) -> bool {
    carries(Sensitive::HealthNotes, Outgoing::DelegationList, ticked)
}

pub fn delegation_csv(conn: &Connection, trip_id: &str, language: Language, ticked: &Ticked) -> Result<Vec<u8>> {
    let health_notes = with_health_notes(ticked);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let failed = |error: csv::Error| Error::Table(error.to_string());
    writer.write_record(headers(language, health_notes)).map_err(failed)?;
    for member in list_members(conn, trip_id)? {
        writer.write_record(row(&member, language, health_notes)).map_err(failed)?;
    }
    writer.into_inner().map_err(|error| Error::Table(error.to_string()))
}

pub fn delegation_xlsx(conn: &Connection, trip_id: &str, language: Language, ticked: &Ticked) -> Result<Vec<u8>> {
    let health_notes = with_health_notes(ticked);
    let trip = crate::trips::get_trip(conn, trip_id)?;
    let members = list_members(conn, trip_id)?;
    let failed = |error: XlsxError| Error::Table(error.to_string());
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let sheet_name = if language == Language::De { "Delegation" } else { "Delegation list" };
    sheet.set_name(sheet_name).map_err(failed)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, &trip.title, &bold).map_err(failed)?;
    for (column, header) in headers(language, health_notes).iter().enumerate() {
        sheet.write_string_with_format(2, column as u16, *header, &bold).map_err(failed)?;
    }
    for (index, member) in members.iter().enumerate() {
        for (column, value) in row(member, language, health_notes).iter().enumerate() {
            let at = (3 + index as u32, column as u16);
            if column == 0 {
                sheet.write_number(at.0, at.1, member.precedence as f64).map_err(failed)?;
            } else {
                sheet.write_string(at.0, at.1, value).map_err(failed)?;
            }
        }
    }
    sheet.set_freeze_panes(3, 0).map_err(failed)?;
    sheet.autofit();
    workbook.save_to_buffer().map_err(failed)
}
