//! The participants list of an outgoing trip as a spreadsheet (.xlsx), the way a travel agency
//! and the partner's foreign-affairs office ask for it: everyone registered or confirmed, the
//! name as spelled in the passport, organisation and function. Invitations that came to
//! nothing, cost shares and the office's notes stay out; dietary needs go along only when the officer ticks
//! them (`audience`).

use rusqlite::Connection;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::audience::{carries, Outgoing, Sensitive, Ticked};
use crate::error::{Error, Result};
use crate::registrations::{trip_registrations, RegistrationStatus};
use crate::vocabulary::Language;

fn headers(language: Language) -> [&'static str; 8] {
    match language {
        Language::De => [
            "Nr.",
            "Name (wie im Reisepass)",
            "Name (Originalschrift)",
            "Organisation",
            "Funktion",
            "Status",
            "E-Mail",
            "Telefon",
        ],
        Language::En => [
            "No.",
            "Name (as in the passport)",
            "Name (original script)",
            "Organisation",
            "Function",
            "Status",
            "E-mail",
            "Phone",
        ],
    }
}

fn status(status: RegistrationStatus, language: Language) -> &'static str {
    match (language, status) {
        (Language::De, RegistrationStatus::Confirmed) => "bestätigt",
        (Language::De, _) => "angemeldet",
        (Language::En, RegistrationStatus::Confirmed) => "confirmed",
        (Language::En, _) => "registered",
    }
}

pub fn participants_xlsx(conn: &Connection, trip_id: &str, language: Language, ticked: &Ticked) -> Result<Vec<u8>> {
    let dietary = carries(Sensitive::HealthNotes, Outgoing::DelegationList, ticked);
    let trip = crate::trips::get_trip(conn, trip_id)?;
    let list = trip_registrations(conn, trip_id)?;
    let taking_part = list
        .registrations
        .iter()
        .filter(|r| matches!(r.status, RegistrationStatus::Registered | RegistrationStatus::Confirmed))
        .filter(|r| !r.name_latin.is_empty());
    let failed = |error: XlsxError| Error::Table(error.to_string());
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(if language == Language::De { "Teilnehmende" } else { "Participants" }).map_err(failed)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, &trip.title, &bold).map_err(failed)?;
    let mut columns: Vec<&str> = headers(language).to_vec();
    if dietary {
        columns.push(if language == Language::De { "Ernährung" } else { "Dietary needs" });
    }
    for (column, header) in columns.iter().enumerate() {
        sheet.write_string_with_format(2, column as u16, *header, &bold).map_err(failed)?;
    }
    for (index, registration) in taking_part.enumerate() {
        let row = 3 + index as u32;
        sheet.write_number(row, 0, index as f64 + 1.0).map_err(failed)?;
        let mut cells = vec![
            registration.name_latin.as_str(),
            registration.name_original.as_str(),
            registration.organisation.as_str(),
            registration.function_title.as_str(),
            status(registration.status, language),
            registration.email.as_str(),
            registration.phone.as_str(),
        ];
        if dietary {
            cells.push(registration.dietary.as_str());
        }
        for (column, value) in cells.into_iter().enumerate() {
            sheet.write_string(row, column as u16 + 1, value).map_err(failed)?;
        }
    }
    sheet.set_freeze_panes(3, 0).map_err(failed)?;
    sheet.autofit();
    workbook.save_to_buffer().map_err(failed)
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;
    use crate::registrations::{create_registration, set_status, RegistrationInput};
    use crate::store::open_in_memory;
    use crate::trips::{create_trip, tests::trip_input};

    fn rows(bytes: Vec<u8>) -> Vec<Vec<String>> {
        let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        sheet
            .rows()
            .map(|row| {
                row.iter().map(|cell| if cell == &Data::Empty { String::new() } else { cell.to_string() }).collect()
            })
            .collect()
    }

    #[test]
    fn the_list_names_who_travels_and_keeps_needs_and_notes_unless_ticked() {
        let conn = open_in_memory().unwrap();
        let trip = create_trip(&conn, &trip_input("Wirtschaftsreise nach Yangzhou")).unwrap().id;
        let person = |name: &str, organisation: &str| RegistrationInput {
            name_latin: name.into(),
            organisation: organisation.into(),
            dietary: "vegetarisch".into(),
            notes: "zahlt spät".into(),
            ..RegistrationInput::default()
        };
        let anna = create_registration(&conn, &trip, &person("Anna MÜLLER", "Pfaff")).unwrap();
        set_status(&conn, &anna.id, RegistrationStatus::Confirmed).unwrap();
        create_registration(&conn, &trip, &person("Jonas WEBER", "IHK Pfalz")).unwrap();
        let declined = create_registration(&conn, &trip, &person("Eva KLEIN", "Opel")).unwrap();
        set_status(&conn, &declined.id, RegistrationStatus::Declined).unwrap();

        let plain = rows(participants_xlsx(&conn, &trip, Language::De, &Ticked::default()).unwrap());
        assert_eq!(plain[2][1], "Name (wie im Reisepass)");
        let names: Vec<_> = plain[3..].iter().map(|row| (row[1].as_str(), row[5].as_str())).collect();
        assert_eq!(names, [("Anna MÜLLER", "bestätigt"), ("Jonas WEBER", "angemeldet")]);
        let text = format!("{plain:?}");
        assert!(!text.contains("vegetarisch") && !text.contains("zahlt spät") && !text.contains("KLEIN"));

        let ticked = Ticked { health_notes: true, ..Ticked::default() };
        let with_needs = rows(participants_xlsx(&conn, &trip, Language::En, &ticked).unwrap());
        assert_eq!((with_needs[2][8].as_str(), with_needs[3][8].as_str()), ("Dietary needs", "vegetarisch"));
        assert!(!format!("{with_needs:?}").contains("zahlt spät"), "internal notes never go out");
    }
}
