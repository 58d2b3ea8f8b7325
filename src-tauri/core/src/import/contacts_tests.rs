use rusqlite::Connection;

use super::*;
use crate::contacts::people::{list_people, Person, RegisterQuery};
use crate::delegation::list_members;
use crate::import::{apply, detect, preview, ImportKind};
use crate::store::open_in_memory;
use crate::trips::{create_trip, tests::trip_input};

/// Two cards as address books write them: lines folded after a space and inside a word,
/// escaped commas and semicolons, a name only in N, a name only in Chinese characters.
const TWO_CARDS: &str = "BEGIN:VCARD\r\n\
VERSION:3.0\r\n\
N:Schmidt;Anna;;;\r\n\
ORG:Stadtverwaltung \r\n Düren;Büro für Städtepartner\r\n schaften\r\n\
TITLE:Referentin\\, Partnerschaften\r\n\
EMAIL;TYPE=INTERNET,WORK:anna.schmidt@dueren.de\r\n\
EMAIL;TYPE=HOME:anna@example.de\r\n\
TEL;TYPE=WORK:+49 2421 25-0\r\n\
TEL;TYPE=CELL:+49 171 1234567\r\n\
NOTE:Spricht Chinesisch\\; war 2019 in Jinhua.\\nVegetarisch.\r\n\
END:VCARD\r\n\
BEGIN:VCARD\r\n\
VERSION:4.0\r\n\
FN:王伟\r\n\
item1.EMAIL:wang.wei@jinhua.gov.cn\r\n\
TEL;VALUE=uri;TYPE=cell:tel:+86-579-1234\r\n\
END:VCARD\r\n";

fn register(conn: &Connection) -> Vec<Person> {
    list_people(conn, &RegisterQuery::default()).unwrap().items
}

#[test]
fn two_cards_with_folded_lines_go_into_the_register() {
    let conn = open_in_memory().unwrap();
    assert_eq!(detect(TWO_CARDS.as_bytes()).unwrap(), ImportKind::Contacts);

    let summary = apply(&conn, TWO_CARDS.as_bytes(), &ImportOptions::default()).unwrap();

    assert_eq!(summary.added, 2);
    let people = register(&conn);
    let anna = people.iter().find(|p| p.name_latin == "Anna Schmidt").expect("the name from N");
    assert_eq!(anna.organisation_name.as_deref(), Some("Stadtverwaltung Düren, Büro für Städtepartnerschaften"));
    assert_eq!(anna.function_title, "Referentin, Partnerschaften");
    assert_eq!(anna.email, "anna.schmidt@dueren.de");
    assert_eq!(anna.phone, "+49 2421 25-0, +49 171 1234567");
    assert_eq!(anna.notes, "Spricht Chinesisch; war 2019 in Jinhua.\nVegetarisch.");
    let wang = people.iter().find(|p| p.name_original == "王伟").expect("the card in Chinese");
    assert_eq!(
        (wang.name_latin.as_str(), wang.email.as_str(), wang.phone.as_str()),
        ("Wang Wei", "wang.wei@jinhua.gov.cn", "+86-579-1234")
    );
}

#[test]
fn cards_go_into_the_delegation_of_a_trip() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Besuch aus Jinhua")).unwrap();

    apply(&conn, TWO_CARDS.as_bytes(), &ImportOptions { trip_id: Some(trip.id.clone()), ..Default::default() })
        .unwrap();

    let members: Vec<_> =
        list_members(&conn, &trip.id).unwrap().into_iter().map(|m| (m.name_latin, m.function_title)).collect();
    assert_eq!(
        members,
        [("Anna Schmidt".into(), "Referentin, Partnerschaften".into()), ("Wang Wei".into(), String::new())]
    );
}

#[test]
fn a_card_without_a_name_is_a_problem_on_its_line() {
    let text = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Schmidt\nNOTE:eine lange\n  Notiz\nEND:VCARD\n\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:ohne.name@example.de\nEND:VCARD\n";
    let conn = open_in_memory().unwrap();

    let shown = preview(&conn, text.as_bytes(), &ImportOptions::default()).unwrap();

    let problems: Vec<_> = shown.problems.iter().map(|p| (p.line, p.field.as_str())).collect();
    assert_eq!(problems, [(Some(8), "name_latin")]);
    assert_eq!(shown.added, 1);
}

#[test]
fn a_broken_card_refuses_the_file_and_names_its_line() {
    let text = "BEGIN:VCARD\nFN:Anna Schmidt\nEND:VCARD\nBEGIN:VCARD\nFN:Bernd Braun\n:ohne Namen\nEND:VCARD\n";
    let conn = open_in_memory().unwrap();

    let Err(Error::Validation(fields)) = apply(&conn, text.as_bytes(), &ImportOptions::default()) else {
        panic!("a broken card was read")
    };

    assert_eq!(fields[0].code, "contacts_unreadable");
    assert!(fields[0].message.contains("line 4"), "{}", fields[0].message);
    assert!(register(&conn).is_empty());
}

#[test]
fn structured_values_split_at_unescaped_semicolons() {
    assert_eq!(components("Müller;Hans\\; Peter;;Dr."), ["Müller", "Hans; Peter", "", "Dr."]);
    assert_eq!(text_value("Zeile\\nzwei\\, mit Komma; und Semikolon"), "Zeile\nzwei, mit Komma; und Semikolon");
}

#[test]
fn a_card_with_a_field_over_its_limit_names_its_line_and_nothing_is_imported() {
    let long_org = "Volksregierung der Stadt Jinhua ".repeat(8);
    let long_note = "Gesprächsnotiz. ".repeat(1_300);
    let text = format!(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Schmidt\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Li Wei\nORG:{}\nEND:VCARD\n\
         BEGIN:VCARD\nVERSION:3.0\nFN:Wang Fang\nEMAIL:{}@jinhua.gov.cn\nNOTE:{}\nEND:VCARD\n",
        long_org.trim(),
        "w".repeat(250),
        long_note.trim()
    );
    let conn = open_in_memory().unwrap();

    let shown = preview(&conn, text.as_bytes(), &ImportOptions::default()).unwrap();
    let mut problems: Vec<_> = shown
        .problems
        .iter()
        .map(|p| (p.line, p.field.clone(), p.code.clone(), p.values.get("limit").cloned().unwrap_or_default()))
        .collect();
    problems.sort();
    assert_eq!(
        problems,
        [
            (Some(5), "organisation".to_string(), "too_long".to_string(), "200".to_string()),
            (Some(10), "email".to_string(), "too_long".to_string(), "254".to_string()),
            (Some(10), "notes".to_string(), "too_long".to_string(), "20000".to_string()),
        ]
    );
    assert!(apply(&conn, text.as_bytes(), &ImportOptions::default()).is_err());
    assert!(register(&conn).is_empty(), "nothing is imported");
    let skipping = ImportOptions { skip_bad_rows: true, ..ImportOptions::default() };
    let summary = apply(&conn, text.as_bytes(), &skipping).unwrap();
    assert_eq!((summary.added, summary.skipped), (1, 2));
}
