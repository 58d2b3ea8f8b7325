use encoding_rs::WINDOWS_1252;
use rusqlite::Connection;
use rust_xlsxwriter::Workbook;

use super::*;
use crate::audience::Ticked;
use crate::contacts::people::{list_people, Person, RegisterQuery};
use crate::delegation::{list_members, Member};
use crate::export::delegation::{delegation_csv, delegation_xlsx};
use crate::import::{apply, detect, preview, ImportKind, ImportOptions, PreviewAction};
use crate::store::open_in_memory;
use crate::trips::{create_trip, tests::trip_input};
use crate::vocabulary::Language;

fn with_trip(title: &str) -> (Connection, String) {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input(title)).unwrap();
    (conn, trip.id)
}

fn into_trip(trip_id: &str) -> ImportOptions {
    ImportOptions { trip_id: Some(trip_id.into()), ..ImportOptions::default() }
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0)).unwrap()
}

fn people(conn: &Connection) -> Vec<Person> {
    list_people(conn, &RegisterQuery::default()).unwrap().items
}

fn person<'a>(people: &'a [Person], name: &str) -> &'a Person {
    people.iter().find(|p| p.name_latin == name).unwrap_or_else(|| panic!("{name} not in {people:?}"))
}

fn error_code(error: Error) -> String {
    match error {
        Error::Validation(fields) => fields[0].code.clone(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn xlsx(rows: &[&[&str]], first_row: u32) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (index, row) in rows.iter().enumerate() {
        for (column, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(first_row + index as u32, column as u16, *value).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn german_excel_csv_in_windows_1252_reads_umlauts() {
    let text = "Nachname;Vorname;Funktion;Behörde;E-Mail;Telefon\r\n\
                Müller;Hans;Bürgermeister;Stadt Düren;hans.mueller@dueren.de;02421 25-0\r\n\
                Leßmeister;Jürgen;Amtsleiter;Kreis Düren;;\r\n";
    let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
    assert!(!unmappable && std::str::from_utf8(&bytes).is_err(), "the test file must be Windows-1252");
    let conn = open_in_memory().unwrap();
    assert_eq!(detect(&bytes).unwrap(), ImportKind::Table);

    let summary = apply(&conn, &bytes, &ImportOptions::default()).unwrap();

    assert_eq!(summary.added, 2);
    let people = people(&conn);
    let mueller = person(&people, "Hans Müller");
    assert_eq!(mueller.function_title, "Bürgermeister");
    assert_eq!(mueller.organisation_name.as_deref(), Some("Stadt Düren"));
    assert_eq!((mueller.email.as_str(), mueller.phone.as_str()), ("hans.mueller@dueren.de", "02421 25-0"));
    assert_eq!(person(&people, "Jürgen Leßmeister").organisation_name.as_deref(), Some("Kreis Düren"));
}

#[test]
fn utf8_with_byte_order_mark_and_commas() {
    let bytes = "\u{feff}Name,E-Mail,\"Funktion, Titel\",Notizen\n\
                 Anna Schmidt,anna@example.de,\"Referentin, Büro für Städtepartnerschaften\",\"sagt \"\"Hallo\"\"\"\n"
        .as_bytes();
    let conn = open_in_memory().unwrap();

    let shown = preview(&conn, bytes, &ImportOptions::default()).unwrap();
    let layout = shown.table.unwrap();
    assert_eq!(layout.headers, ["Name", "E-Mail", "Funktion, Titel", "Notizen"]);
    use PersonField::*;
    assert_eq!(layout.columns, [Some(NameLatin), Some(Email), Some(FunctionTitle), Some(Notes)]);
    assert_eq!(layout.sample[0][2], "Referentin, Büro für Städtepartnerschaften");
    assert_eq!(count(&conn, "people"), 0, "a preview changes nothing");

    apply(&conn, bytes, &ImportOptions::default()).unwrap();
    let people = people(&conn);
    let anna = person(&people, "Anna Schmidt");
    assert_eq!(anna.function_title, "Referentin, Büro für Städtepartnerschaften");
    assert_eq!(anna.notes, "sagt \"Hallo\"");
}

#[test]
fn headers_are_recognised_in_german_and_english_ignoring_case_and_accents() {
    let headers = [
        "NACHNAME",
        "vorname",
        "Chinesischer Name",
        "Titel",
        "Behorde",
        "Partei",
        "Rolle",
        "e-mail",
        "Mobil",
        "Essen",
        "Barrierefreiheit",
        "Telefon dienstlich",
        "Nr.",
        "Bemerkungen",
    ];
    use PersonField::*;
    let expected = [
        Some(LastName),
        Some(FirstName),
        Some(NameOriginal),
        Some(FunctionTitle),
        Some(Organisation),
        Some(Party),
        Some(Role),
        Some(Email),
        Some(Phone),
        Some(Dietary),
        Some(Accessibility),
        None, // the second phone column is left for the user to map
        None,
        Some(Notes),
    ];
    assert_eq!(detected_columns(&headers.map(String::from)), expected);
    let english = [
        "Full name",
        "Name (original script)",
        "Job title",
        "Institution",
        "Role in the delegation",
        "Phone",
        "Dietary needs",
    ];
    assert_eq!(
        detected_columns(&english.map(String::from)),
        [
            Some(NameLatin),
            Some(NameOriginal),
            Some(FunctionTitle),
            Some(Organisation),
            Some(Role),
            Some(Phone),
            Some(Dietary)
        ]
    );
}

#[test]
fn a_registration_form_spreadsheet_fills_the_invitation_list() {
    let bytes = xlsx(
        &[
            &["Zeitstempel", "Name laut Reisepass", "Firma", "Funktion", "E-Mail-Adresse", "Essenswünsche", "Rolle"],
            &[
                "01.06.2026 09:12",
                "Anna MÜLLER",
                "Pfaff Industrietechnik",
                "Geschäftsführerin",
                "a.mueller@pfaff.de",
                "vegetarisch",
                "Chefin",
            ],
            &["02.06.2026 14:40", "Jonas WEBER", "IHK Pfalz", "Referent", "keine-adresse", "", ""],
        ],
        1,
    );
    let (conn, trip) = with_trip("Wirtschaftsreise nach Yangzhou");
    let options = ImportOptions { registrations: true, ..into_trip(&trip) };

    let refused = apply(&conn, &bytes, &options).unwrap_err();
    assert_eq!(error_code(refused), "import_row_invalid", "the bad e-mail refuses the file");
    assert_eq!(count(&conn, "registrations"), 0, "nothing of it was saved");

    let summary = apply(&conn, &bytes, &ImportOptions { skip_bad_rows: true, ..options.clone() }).unwrap();
    assert_eq!((summary.added, summary.skipped), (1, 1));
    let list = crate::registrations::trip_registrations(&conn, &trip).unwrap().registrations;
    let described: Vec<_> = list
        .iter()
        .map(|r| (r.name_latin.as_str(), r.organisation.as_str(), r.dietary.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(described, [("Anna MÜLLER", "Pfaff Industrietechnik", "vegetarisch", "registered")]);
    assert!(list_members(&conn, &trip).unwrap().is_empty(), "registrations are not yet the delegation");

    let again = preview(&conn, &bytes, &ImportOptions { skip_bad_rows: true, ..options }).unwrap();
    assert_eq!((again.added, again.unchanged), (0, 1), "a second import finds her on the list");
}

#[test]
fn xlsx_with_a_title_above_the_headers_imports_into_the_delegation() {
    let bytes = xlsx(
        &[
            &["Delegationsreise Jinhua 2026"],
            &[],
            &["Name", "chinesischer Name", "Funktion", "Rolle", "Ernährung"],
            &["Zhu Chonglie", "朱重烈", "Parteisekretär", "Delegationsleitung", "halal"],
            &["", "王伟", "Dolmetscher", "Dolmetschen", ""],
        ],
        1,
    );
    let (conn, trip) = with_trip("Besuch aus Jinhua");

    let summary = apply(&conn, &bytes, &into_trip(&trip)).unwrap();

    assert_eq!(summary.added, 2);
    let members = list_members(&conn, &trip).unwrap();
    let described: Vec<_> = members
        .iter()
        .map(|m| (m.name_latin.as_str(), m.name_original.as_str(), m.role.as_str(), m.dietary.as_str()))
        .collect();
    assert_eq!(described, [("Zhu Chonglie", "朱重烈", "head", "halal"), ("Wang Wei", "王伟", "interpreter", "")]);
    assert!(members.iter().all(|m| m.person_id.is_some()), "members are linked to the register");
}

fn described(members: &[Member]) -> Vec<[String; 10]> {
    members
        .iter()
        .map(|m| {
            [
                m.name_latin.clone(),
                m.name_original.clone(),
                m.function_title.clone(),
                m.organisation.clone(),
                m.role.to_string(),
                m.email.clone(),
                m.phone.clone(),
                m.dietary.clone(),
                m.accessibility.clone(),
                m.precedence.to_string(),
            ]
        })
        .collect()
}

#[test]
fn our_own_delegation_export_imports_into_another_trip() {
    let (conn, from) = with_trip("Reise nach Jinhua");
    let every_role = MemberRole::ALL.iter().enumerate().map(|(index, role)| MemberInput {
        name_latin: format!("Person {index} Äöü"),
        name_original: if index == 0 { "朱重烈".into() } else { String::new() },
        function_title: "Landrat; Kreis \"Düren\"".into(),
        organisation: "Kreisverwaltung Düren".into(),
        role: Some(*role),
        email: format!("p{index}@kreis-dueren.de"),
        phone: "+49 2421 22-0".into(),
        dietary: "vegetarisch".into(),
        accessibility: "Rollstuhl".into(),
        ..MemberInput::default()
    });
    for member in every_role {
        add_member(&conn, &from, &member).unwrap();
    }
    let exported = described(&list_members(&conn, &from).unwrap());
    let every = Ticked { health_notes: true, ..Ticked::default() };
    let files = [
        delegation_csv(&conn, &from, Language::De, &every).unwrap(),
        delegation_csv(&conn, &from, Language::En, &every).unwrap(),
        delegation_xlsx(&conn, &from, Language::De, &every).unwrap(),
        delegation_xlsx(&conn, &from, Language::En, &every).unwrap(),
    ];
    for (index, file) in files.iter().enumerate() {
        let to = create_trip(&conn, &trip_input(&format!("Gegenbesuch {index}"))).unwrap().id;
        let shown = preview(&conn, file, &into_trip(&to)).unwrap();
        assert!(shown.problems.is_empty(), "file {index}: {:?}", shown.problems);
        assert_eq!(shown.added as usize, exported.len());

        apply(&conn, file, &into_trip(&to)).unwrap();

        assert_eq!(described(&list_members(&conn, &to).unwrap()), exported, "file {index}");
    }
}

#[test]
fn problems_name_the_line_the_record_starts_on() {
    let bytes = "Name;Notizen;E-Mail;Rolle\r\n\
                 Anna Schmidt;\"erste Zeile\r\nzweite Zeile\";anna@example.de;Mitglied\r\n\
                 Bernd Braun;;bernd.example.de;\r\n\
                 \r\n\
                 ;nur eine Notiz;;\r\n\
                 Clara Chen;;;Chef\r\n\
                 Dieter Dorn;;;Presse\r\n"
        .as_bytes();
    let (conn, trip) = with_trip("Reise");

    let shown = preview(&conn, bytes, &into_trip(&trip)).unwrap();

    let problems: Vec<_> = shown.problems.iter().map(|p| (p.line, p.field.as_str())).collect();
    assert_eq!(problems, [(Some(4), "email"), (Some(6), "name_latin"), (Some(7), "role")]);
    assert!(shown.problems[0].message.contains("bernd.example.de"), "{:?}", shown.problems[0]);
    assert!(shown.problems[2].message.contains("\"Chef\" is not a role"), "{:?}", shown.problems[2]);
    assert_eq!(shown.added, 2);
}

#[test]
fn spreadsheet_problems_name_the_row_and_rows_with_only_a_number_are_ignored() {
    let bytes = xlsx(
        &[
            &["Nr.", "Name", "E-Mail"],
            &["1", "Anna Schmidt", "anna@"],
            &["2", "", ""],
            &["3", "Bernd Braun", "kein Mail"],
        ],
        0,
    );
    let conn = open_in_memory().unwrap();

    let shown = preview(&conn, &bytes, &ImportOptions::default()).unwrap();

    assert_eq!(shown.problems.iter().map(|p| p.line).collect::<Vec<_>>(), [Some(2), Some(4)]);
}

#[test]
fn a_field_over_its_limit_names_its_row_and_column_and_nothing_is_imported() {
    let long_function = "Referentin für internationale Beziehungen ".repeat(6);
    let text = format!("Name;Funktion\nAnna Schmidt;Bürgermeisterin\nBernd Braun;{long_function}\n");
    let (conn, trip) = with_trip("Reise");

    let shown = preview(&conn, text.as_bytes(), &into_trip(&trip)).unwrap();
    let problems: Vec<_> = shown.problems.iter().map(|p| (p.line, p.field.as_str(), p.code.as_str())).collect();
    assert_eq!(problems, [(Some(3), "function_title", "too_long")]);
    assert_eq!(shown.problems[0].values["limit"], "200");
    assert!(apply(&conn, text.as_bytes(), &into_trip(&trip)).is_err());
    assert_eq!(count(&conn, "members"), 0, "nothing is imported");
    let summary = apply(&conn, text.as_bytes(), &ImportOptions { skip_bad_rows: true, ..into_trip(&trip) }).unwrap();
    assert_eq!((summary.added, summary.skipped), (1, 1));

    let organisation = "Gesellschaft für Wirtschaftsförderung ".repeat(6);
    let register = format!("Name;Organisation\nClara Chen;{organisation}\n");
    let shown = preview(&conn, register.as_bytes(), &ImportOptions::default()).unwrap();
    let problems: Vec<_> = shown.problems.iter().map(|p| (p.line, p.field.as_str(), p.code.as_str())).collect();
    assert_eq!(problems, [(Some(2), "organisation", "too_long")]);
}

#[test]
fn bad_rows_refuse_the_whole_file_unless_the_user_skips_them() {
    let bytes = "Name;E-Mail\nAnna Schmidt;anna@example.de\nBernd Braun;kaputt\nClara Chen;\n".as_bytes();
    let (conn, trip) = with_trip("Reise");

    let Err(Error::Validation(fields)) = apply(&conn, bytes, &into_trip(&trip)) else { panic!("expected a refusal") };
    assert_eq!((fields.len(), fields[0].message.starts_with("line 3:")), (1, true), "{fields:?}");
    assert_eq!((count(&conn, "members"), count(&conn, "people")), (0, 0), "nothing is imported");

    let summary = apply(&conn, bytes, &ImportOptions { skip_bad_rows: true, ..into_trip(&trip) }).unwrap();
    assert_eq!((summary.added, summary.skipped), (2, 1));
    let names: Vec<_> = list_members(&conn, &trip).unwrap().into_iter().map(|m| m.name_latin).collect();
    assert_eq!(names, ["Anna Schmidt", "Clara Chen"]);
}

#[test]
fn people_already_there_are_left_unchanged() {
    let bytes = "Name;Funktion\nAnna Schmidt;Referentin\nANNA  SCHMIDT;Referentin\nBernd Braun;\n".as_bytes();
    let (conn, trip) = with_trip("Reise");

    let first = apply(&conn, bytes, &into_trip(&trip)).unwrap();
    let again = apply(&conn, bytes, &into_trip(&trip)).unwrap();
    let into_register = preview(&conn, bytes, &ImportOptions::default()).unwrap();

    assert_eq!((first.added, first.unchanged), (2, 1));
    assert_eq!((again.added, again.unchanged), (0, 3));
    assert_eq!((count(&conn, "members"), count(&conn, "people")), (2, 2));
    let actions: Vec<_> = into_register.rows.iter().map(|row| (row.action, row.record)).collect();
    assert_eq!(actions, [(PreviewAction::Unchanged, RecordKind::Person); 3]);
}

#[test]
fn the_users_column_mapping_wins_over_the_detected_one() {
    let bytes = "Wer;Kontakt;Telefon\nAnna Schmidt;anna@example.de;0221 1\n".as_bytes();
    let conn = open_in_memory().unwrap();
    let Err(error) = preview(&conn, bytes, &ImportOptions::default()) else { panic!("no name column was recognised") };
    assert_eq!(error_code(error), "name_column_missing");

    let chosen = ImportOptions {
        columns: Some(vec![Some(PersonField::NameLatin), Some(PersonField::Email), None]),
        ..ImportOptions::default()
    };
    apply(&conn, bytes, &chosen).unwrap();
    let people = people(&conn);
    assert_eq!(
        (people[0].name_latin.as_str(), people[0].email.as_str(), people[0].phone.as_str()),
        ("Anna Schmidt", "anna@example.de", "")
    );

    let too_short = ImportOptions { columns: Some(vec![Some(PersonField::NameLatin)]), ..ImportOptions::default() };
    assert_eq!(error_code(preview(&conn, bytes, &too_short).unwrap_err()), "column_mapping_mismatch");
}

#[test]
fn twenty_thousand_rows_import_in_one_piece() {
    let mut text = String::from("Name;Funktion;Organisation;E-Mail\r\n");
    for n in 0..20_000 {
        text.push_str(&format!("Person {n};Referent;Organisation {};p{n}@example.de\r\n", n % 50));
    }
    let conn = open_in_memory().unwrap();
    let summary = apply(&conn, text.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!((summary.added, count(&conn, "people"), count(&conn, "organisations")), (20_000, 20_000, 50));
}

#[test]
fn a_table_without_a_name_column_says_which_columns_it_found() {
    let conn = open_in_memory().unwrap();
    let Err(Error::Validation(fields)) =
        preview(&conn, b"Nr.;Stadt;Telefon\n1;Jinhua;0579\n", &ImportOptions::default())
    else {
        panic!("expected a refusal")
    };
    assert_eq!(fields[0].code, "name_column_missing");
    assert!(fields[0].message.contains("\"Nr.\", \"Stadt\", \"Telefon\""), "{}", fields[0].message);
    assert!(fields[0].message.contains("needs a column \"Name\""), "{}", fields[0].message);
}

#[test]
fn malformed_files_are_refused_with_the_database_unchanged() {
    let (conn, trip) = with_trip("Reise");
    let whole = xlsx(&[&["Name"], &["Anna Schmidt"]], 0);
    let cut = &whole[..whole.len() / 2];
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Name;E-Mail\r\nAnna;a@b.de\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let too_many = format!("Name\n{}", "Anna\n".repeat(MAX_ROWS + 1));

    assert_eq!(error_code(apply(&conn, cut, &into_trip(&trip)).unwrap_err()), "spreadsheet_unreadable");
    let Err(Error::Validation(fields)) = apply(&conn, &utf16, &into_trip(&trip)) else { panic!("UTF-16 was read") };
    assert!(fields[0].message.contains("UTF-16"), "{fields:?}");
    assert_eq!(
        error_code(csv_rows(&utf16[2..]).map(|_| ()).unwrap_err()),
        "encoding_unsupported",
        "read without detect"
    );
    assert_eq!(error_code(detect(png).unwrap_err()), "file_kind_unknown");
    assert_eq!(error_code(apply(&conn, too_many.as_bytes(), &into_trip(&trip)).unwrap_err()), "table_too_large");
    assert_eq!((count(&conn, "members"), count(&conn, "people")), (0, 0));
}

#[test]
fn a_spreadsheet_spanning_the_whole_sheet_is_refused_without_allocating_it() {
    let (conn, trip) = with_trip("Reise");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Name").unwrap();
    sheet.write_string(1, 0, "Anna Schmidt").unwrap();
    sheet.write_string(1_048_575, 16_383, "XFD1048576").unwrap();
    let whole_sheet = workbook.save_to_buffer().unwrap();

    assert_eq!(error_code(apply(&conn, &whole_sheet, &into_trip(&trip)).unwrap_err()), "table_too_large");
    assert_eq!((count(&conn, "members"), count(&conn, "people")), (0, 0));
}

#[test]
fn text_in_windows_1252_or_utf8_looks_like_a_table_and_binary_does_not() {
    assert!(looks_like_csv(b"Name;Stadt\r\nM\xfcller;D\xfcren\r\n"));
    assert!(looks_like_csv("Name,Stadt\nMüller,Düren\n".as_bytes()));
    assert!(!looks_like_csv(b"Name\x00\x01\x02\x03 and binary \x90"));
    assert_eq!(sniffed_delimiter("\"a;b\",c,d\n1,2,3"), b',');
    assert_eq!(sniffed_delimiter("Titel, mit Komma\nName;Vorname;Funktion\n"), b';');
    assert_eq!(sniffed_delimiter("Name\nAnna\n"), b',');
}

#[test]
fn an_xlsx_cell_over_its_limit_names_its_row_and_column_and_nothing_is_imported() {
    let long_name = "Zhang ".repeat(40);
    let long_phone = "+49 2421 22-0 ".repeat(4);
    let bytes = xlsx(
        &[
            &["Name", "Telefon", "Partei"],
            &["Anna Schmidt", "+49 2421 22-0", "SPD"],
            &[long_name.trim(), "", ""],
            &["Bernd Braun", long_phone.trim(), "CDU"],
        ],
        0,
    );
    let (conn, trip) = with_trip("Reise");

    let shown = preview(&conn, &bytes, &into_trip(&trip)).unwrap();
    let problems: Vec<_> = shown
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_str(), p.code.as_str(), p.values["limit"].as_str()))
        .collect();
    assert_eq!(problems, [(Some(3), "name_latin", "too_long", "200"), (Some(4), "phone", "too_long", "50")]);
    assert!(apply(&conn, &bytes, &into_trip(&trip)).is_err());
    assert_eq!((count(&conn, "members"), count(&conn, "people")), (0, 0), "nothing is imported");
    let summary = apply(&conn, &bytes, &ImportOptions { skip_bad_rows: true, ..into_trip(&trip) }).unwrap();
    assert_eq!((summary.added, summary.skipped), (1, 2));
}
