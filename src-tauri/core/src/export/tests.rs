use std::io::BufReader;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

use super::calendar::trip_calendar;
use super::*;
use crate::audience::Ticked;
use crate::delegation::{add_member, MemberInput};
use crate::programme::trash::{remove_item, restore_item};
use crate::programme::{add_item, event_uid, list_items, update_item, ItemInput, ItemKind};
use crate::store::open_in_memory;
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, TripInput};

const BERLIN: &str = "Europe/Berlin";
const SHANGHAI: &str = "Asia/Shanghai";

/// A trip across the end of German summer time (25 October 2026), with a flight from Berlin
/// to Shanghai and items on both sides of the change.
fn trip_across_the_clock_change() -> (rusqlite::Connection, String) {
    let conn = open_in_memory().unwrap();
    let input = TripInput { start_date: "2026-10-23".into(), end_date: "2026-10-28".into(), ..trip_input("Jinhua") };
    let trip = create_trip(&conn, &input).unwrap();
    let items = [
        ItemInput::new(ItemKind::Meeting, "Vorbesprechung", ("2026-10-24T18:00", BERLIN), ("2026-10-24T19:00", BERLIN)),
        ItemInput::new(
            ItemKind::Flight,
            "Flug FRA – PVG",
            ("2026-10-26T21:30", BERLIN),
            ("2026-10-27T15:00", SHANGHAI),
        ),
        ItemInput::new(ItemKind::Reception, "Empfang", ("2026-10-27T19:00", SHANGHAI), ("2026-10-27T21:00", SHANGHAI)),
    ];
    for item in &items {
        add_item(&conn, &trip.id, item).unwrap();
    }
    (conn, trip.id)
}

/// Reads a calendar with the `ical` crate and computes each event's start in UTC from the
/// file's own VTIMEZONE definitions (the latest part that began before the local time).
fn starts_read_by_ical(text: &str) -> Vec<(String, DateTime<Utc>, String)> {
    let calendar = ical::IcalParser::new(BufReader::new(text.as_bytes())).next().unwrap().unwrap();
    let value = |props: &[ical::property::Property], name: &str| {
        props.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
    };
    let offset = |text: &str| {
        let sign = if text.starts_with('-') { -1 } else { 1 };
        sign * (text[1..3].parse::<i64>().unwrap() * 3600 + text[3..5].parse::<i64>().unwrap() * 60)
    };
    calendar
        .events
        .iter()
        .map(|event| {
            let start = event.properties.iter().find(|p| p.name == "DTSTART").unwrap();
            let tzid = start.params.as_ref().unwrap().iter().find(|(k, _)| k == "TZID").unwrap().1[0].clone();
            let local = NaiveDateTime::parse_from_str(start.value.as_ref().unwrap(), "%Y%m%dT%H%M%S").unwrap();
            let zone =
                calendar.timezones.iter().find(|z| value(&z.properties, "TZID") == tzid).expect("a VTIMEZONE per TZID");
            let part = zone
                .transitions
                .iter()
                .filter(|t| {
                    NaiveDateTime::parse_from_str(&value(&t.properties, "DTSTART"), "%Y%m%dT%H%M%S").unwrap() <= local
                })
                .max_by_key(|t| value(&t.properties, "DTSTART"))
                .expect("a part in force");
            let utc = Utc.from_utc_datetime(
                &(local - chrono::Duration::seconds(offset(&value(&part.properties, "TZOFFSETTO")))),
            );
            (value(&event.properties, "UID"), utc, value(&event.properties, "STATUS"))
        })
        .collect()
}

#[test]
fn every_event_starts_at_its_instant_read_by_two_parsers() {
    let (conn, trip) = trip_across_the_clock_change();
    let text = trip_calendar(&conn, &trip, None, DocumentLanguage::DE).unwrap();
    let items = list_items(&conn, &trip).unwrap();

    let read = starts_read_by_ical(&text);
    assert_eq!(read.len(), 3);
    for item in &items {
        let (_, utc, status) = read.iter().find(|(uid, ..)| *uid == event_uid(&item.id)).unwrap();
        assert_eq!(utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), item.start.utc, "{}", item.title);
        assert_eq!(status, "CONFIRMED");
    }
    // 18:00 CEST before the change, 21:30 CET after it, 19:00 in Shanghai.
    let utcs: Vec<String> = items.iter().map(|i| i.start.utc.clone()).collect();
    assert_eq!(utcs, ["2026-10-24T16:00:00Z", "2026-10-26T20:30:00Z", "2026-10-27T11:00:00Z"]);

    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = parsed.components.iter().filter(|c| c.name == "VEVENT").collect();
    assert_eq!(events.len(), 3);
    let zones: Vec<_> = parsed.components.iter().filter(|c| c.name == "VTIMEZONE").collect();
    assert_eq!(zones.len(), 2, "one VTIMEZONE for each zone used");
    for event in events {
        let start = event.find_prop("DTSTART").unwrap();
        let tzid = start.params.iter().find(|p| p.key == "TZID").and_then(|p| p.val.as_ref()).unwrap().to_string();
        let local = NaiveDateTime::parse_from_str(start.val.as_ref(), "%Y%m%dT%H%M%S").unwrap();
        let tz: chrono_tz::Tz = tzid.parse().unwrap();
        let utc = tz.from_local_datetime(&local).single().unwrap().with_timezone(&Utc);
        let uid = event.find_prop("UID").unwrap().val.to_string();
        let item = items.iter().find(|i| event_uid(&i.id) == uid).unwrap();
        assert_eq!(utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), item.start.utc);
    }
}

#[test]
fn uids_stay_sequence_rises_and_removed_items_are_cancelled() {
    let (conn, trip) = trip_across_the_clock_change();
    let first = starts_read_by_ical(&trip_calendar(&conn, &trip, None, DocumentLanguage::DE).unwrap());
    let items = list_items(&conn, &trip).unwrap();
    let moved =
        ItemInput::new(ItemKind::Meeting, "Vorbesprechung", ("2026-10-24T17:00", BERLIN), ("2026-10-24T18:00", BERLIN));
    update_item(&conn, &items[0].id, &moved).unwrap();
    remove_item(&conn, &items[2].id).unwrap();

    let text = trip_calendar(&conn, &trip, None, DocumentLanguage::DE).unwrap();
    let second = starts_read_by_ical(&text);
    let uids = |read: &[(String, DateTime<Utc>, String)]| {
        let mut uids: Vec<String> = read.iter().map(|r| r.0.clone()).collect();
        uids.sort();
        uids
    };
    assert_eq!(uids(&first), uids(&second), "the same events, by UID");
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let sequence_of = |id: &str| {
        let event = parsed
            .components
            .iter()
            .find(|c| c.name == "VEVENT" && c.find_prop("UID").unwrap().val.as_ref() == event_uid(id))
            .unwrap();
        (event.find_prop("SEQUENCE").unwrap().val.to_string(), event.find_prop("STATUS").unwrap().val.to_string())
    };
    assert_eq!(sequence_of(&items[0].id), ("1".to_string(), "CONFIRMED".to_string()));
    assert_eq!(sequence_of(&items[1].id), ("0".to_string(), "CONFIRMED".to_string()));
    assert_eq!(sequence_of(&items[2].id), ("1".to_string(), "CANCELLED".to_string()));

    restore_item(&conn, &items[2].id).unwrap();
    let restored = trip_calendar(&conn, &trip, None, DocumentLanguage::DE).unwrap();
    let unfolded = icalendar::parser::unfold(&restored);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let event = parsed
        .components
        .iter()
        .find(|c| c.name == "VEVENT" && c.find_prop("UID").unwrap().val.as_ref() == event_uid(&items[2].id))
        .unwrap();
    assert_eq!(event.find_prop("STATUS").unwrap().val.as_ref(), "CONFIRMED", "a restored item is back in the calendar");
    assert_eq!(event.find_prop("SEQUENCE").unwrap().val.as_ref(), "2", "and outranks its cancellation");
}

#[test]
fn a_members_calendar_holds_only_their_items_and_no_internal_notes() {
    let (conn, trip) = trip_across_the_clock_change();
    let interpreter =
        add_member(&conn, &trip, &MemberInput { name_latin: "Li Na".into(), ..Default::default() }).unwrap();
    let mayor =
        add_member(&conn, &trip, &MemberInput { name_latin: "Frank Peter Ullrich".into(), ..Default::default() })
            .unwrap();
    let talks = ItemInput {
        everyone: false,
        participant_ids: vec![mayor.member.id.clone()],
        notes_internal: "Nur intern: Sitzordnung klären".into(),
        notes_participants: "Bitte Visitenkarten mitbringen".into(),
        ..ItemInput::new(ItemKind::Meeting, "Gespräch", ("2026-10-28T09:00", SHANGHAI), ("2026-10-28T10:00", SHANGHAI))
    };
    add_item(&conn, &trip, &talks).unwrap();

    let mayors = trip_calendar(&conn, &trip, Some(&mayor.member.id), DocumentLanguage::DE).unwrap();
    let interpreters = trip_calendar(&conn, &trip, Some(&interpreter.member.id), DocumentLanguage::DE).unwrap();
    assert_eq!(starts_read_by_ical(&mayors).len(), 4);
    assert_eq!(starts_read_by_ical(&interpreters).len(), 3);
    assert!(mayors.contains("Visitenkarten"));
    assert!(!mayors.contains("Sitzordnung"), "internal notes never leave the app");
    let other = create_trip(&conn, &trip_input("Yangzhou")).unwrap();
    assert!(matches!(
        trip_calendar(&conn, &other.id, Some(&mayor.member.id), DocumentLanguage::DE),
        Err(crate::error::Error::NotFound(_))
    ));
}

#[test]
fn a_file_is_replaced_whole_or_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("programm.ics");
    write_atomically(&path, b"old").unwrap();
    write_atomically(&path, b"new").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new");
    assert!(write_atomically(&dir.path().join("missing/programm.ics"), b"x").is_err());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, [std::ffi::OsString::from("programm.ics")], "no partial file left behind");
}

fn delegation_of_two() -> (rusqlite::Connection, String) {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let head = MemberInput {
        name_latin: "Wolfgang Spelthahn".into(),
        function_title: "Landrat".into(),
        organisation: "Kreis Düren".into(),
        role: Some(crate::vocabulary::MemberRole::Head),
        dietary: "vegetarisch; keine Nüsse".into(),
        passport_number: "C01X00T47".into(),
        ..Default::default()
    };
    add_member(&conn, &trip.id, &head).unwrap();
    let interpreter = MemberInput { name_latin: "Li Na".into(), name_original: "李娜".into(), ..Default::default() };
    add_member(&conn, &trip.id, &interpreter).unwrap();
    (conn, trip.id)
}

#[test]
fn the_delegation_list_reads_back_as_csv_the_way_german_excel_writes_it() {
    let (conn, trip) = delegation_of_two();
    let plain =
        String::from_utf8(trip_file(&conn, &trip, ExportFormat::Csv, &ExportOptions::default()).unwrap()).unwrap();
    assert!(!plain.contains("Ernährung") && !plain.contains("vegetarisch"), "health notes only when ticked");
    let ticked = ExportOptions { ticked: Ticked { health_notes: true, ..Ticked::default() }, ..Default::default() };
    let bytes = trip_file(&conn, &trip, ExportFormat::Csv, &ticked).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a byte-order mark, so that Excel reads UTF-8");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"));
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Nr.");
    assert_eq!(&headers[8], "Ernährung");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (&rows[0][1], &rows[0][5], &rows[0][8]),
        ("Wolfgang Spelthahn", "Delegationsleitung", "vegetarisch; keine Nüsse")
    );
    assert_eq!((&rows[1][0], &rows[1][2]), ("2", "李娜"));
    assert!(!text.contains("C01X00T47"), "no passport numbers in lists");
}

#[test]
fn the_delegation_list_reads_back_as_a_spreadsheet() {
    use calamine::Reader;
    let (conn, trip) = delegation_of_two();
    let bytes = trip_file(&conn, &trip, ExportFormat::Xlsx, &ExportOptions::default()).unwrap();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Delegation").unwrap();
    assert_eq!(sheet.get_size().1, 8, "no dietary and accessibility columns unless ticked");
    assert!(sheet.rows().all(|row| row.iter().all(|v| *v != "vegetarisch; keine Nüsse")));
    let ticked = ExportOptions { ticked: Ticked { health_notes: true, ..Ticked::default() }, ..Default::default() };
    let bytes = trip_file(&conn, &trip, ExportFormat::Xlsx, &ticked).unwrap();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = workbook.worksheet_range("Delegation").unwrap();
    let cell = |row: u32, column: u32| sheet.get_value((row, column)).map(|v| v.to_string()).unwrap_or_default();
    assert_eq!(cell(0, 0), "Jinhua 2026");
    assert_eq!(cell(2, 1), "Name");
    assert_eq!(
        (cell(3, 0), cell(3, 1), cell(3, 3)),
        ("1".to_string(), "Wolfgang Spelthahn".to_string(), "Landrat".to_string())
    );
    assert_eq!(cell(4, 2), "李娜");
    assert_eq!((cell(2, 8), cell(3, 8)), ("Ernährung".to_string(), "vegetarisch; keine Nüsse".to_string()));
    assert!(sheet.rows().all(|row| row.iter().all(|v| *v != "C01X00T47")));
}

#[test]
fn only_a_programme_is_made_for_one_member() {
    let (conn, trip) = delegation_of_two();
    let member = crate::delegation::list_members(&conn, &trip).unwrap().remove(0).id;
    let error =
        trip_file(&conn, &trip, ExportFormat::Csv, &ExportOptions { member_id: Some(member), ..Default::default() })
            .unwrap_err();
    assert!(matches!(&error, crate::error::Error::Validation(f) if f[0].field == "member_id"), "{error}");
    assert!(matches!(
        trip_file(&conn, "no-such-trip", ExportFormat::Xlsx, &ExportOptions::default()),
        Err(crate::error::Error::NotFound(_))
    ));
}

mod travel_copy {
    use super::super::travel_copy::travel_copy;
    use crate::audience::{Outgoing, Ticked};
    use crate::bundle::{export_bundle, Documents};
    use crate::import::{apply, ImportOptions};
    use crate::programme::{list_items, update_item, ItemInput};

    const PASSPORT: &str = "C4X9TRV21";

    /// The demo office with a passport number and a dietary note on the Jinhua trip's head.
    fn office() -> (rusqlite::Connection, String) {
        let conn = crate::store::open_in_memory().unwrap();
        crate::demo::load_demo(&conn).unwrap();
        let trip: String = conn
            .query_row("SELECT id FROM trips WHERE title LIKE '%Städteregion Jinhua%'", [], |row| row.get(0))
            .unwrap();
        conn.execute(
            "UPDATE members SET passport_number = ?2, dietary = 'keine Nüsse' WHERE trip_id = ?1 AND precedence = 1",
            [&trip, PASSPORT],
        )
        .unwrap();
        conn.execute("UPDATE programme_items SET notes_internal = 'Intern: Sitzordnung' WHERE trip_id = ?1", [&trip])
            .unwrap();
        (conn, trip)
    }

    fn open(bytes: &[u8]) -> (tempfile::TempDir, rusqlite::Connection) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reisekopie.sqlite");
        std::fs::write(&path, bytes).unwrap();
        let conn = crate::store::open(&path).unwrap();
        (dir, conn)
    }

    fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |row| row.get(0)).unwrap()
    }

    #[test]
    fn a_travel_copy_holds_the_trip_alone_and_leaves_documents_and_health_notes_at_home() {
        let (office, trip) = office();
        let bytes = travel_copy(&office, &trip, &Ticked::default()).unwrap();
        assert!(!bytes.windows(PASSPORT.len()).any(|w| w == PASSPORT.as_bytes()), "no passport number in the file");
        let (_dir, copy) = open(&bytes);
        assert_eq!(count(&copy, "SELECT count(*) FROM trips"), 1);
        assert_eq!(
            count(&copy, "SELECT count(*) FROM programme_items"),
            list_items(&office, &trip).unwrap().len() as i64
        );
        assert_eq!(count(&copy, "SELECT count(*) FROM members WHERE dietary <> '' OR passport_number <> ''"), 0);
        assert_eq!(count(&copy, "SELECT count(*) FROM programme_items WHERE notes_internal <> ''"), 0);
        assert!(count(&copy, "SELECT count(*) FROM people") < count(&office, "SELECT count(*) FROM people"));
        assert!(!crate::settings::welcome_pending(&copy).unwrap(), "the copy opens straight on the trip");
    }

    #[test]
    fn documents_and_health_notes_go_along_only_when_chosen() {
        let (office, trip) = office();
        let ticked = Ticked { travel_documents: true, health_notes: true, internal_notes: true };
        let (_dir, copy) = open(&travel_copy(&office, &trip, &ticked).unwrap());
        assert!(count(&copy, "SELECT count(*) FROM programme_items WHERE notes_internal = 'Intern: Sitzordnung'") > 0);
        let head: (String, String) = copy
            .query_row("SELECT passport_number, dietary FROM members WHERE precedence = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .unwrap();
        assert_eq!(head, (PASSPORT.to_string(), "keine Nüsse".to_string()));
    }

    #[test]
    fn what_changed_while_travelling_comes_home_through_the_bundle() {
        let (office, trip) = office();
        let (_dir, copy) = open(&travel_copy(&office, &trip, &Ticked::default()).unwrap());
        let item = list_items(&copy, &trip).unwrap().remove(2);
        std::thread::sleep(std::time::Duration::from_millis(5));
        let mut input = ItemInput::new(
            item.kind,
            "Empfang (verschoben)",
            (&item.start.local, &item.start.zone),
            (&item.end.local, &item.end.zone),
        );
        input.place = item.place.clone();
        update_item(&copy, &item.id, &input).unwrap();

        let summary = apply(
            &office,
            &export_bundle(&copy, &trip, Outgoing::BundleForOffice, &Ticked::default(), Documents::Carried).unwrap(),
            &ImportOptions::default(),
        )
        .unwrap();
        assert_eq!((summary.added, summary.updated), (0, 1), "{summary:?}");
        let home = list_items(&office, &trip).unwrap();
        assert!(home.iter().any(|i| i.id == item.id && i.title == "Empfang (verschoben)"));
        let head_passport: String = office
            .query_row("SELECT passport_number FROM members WHERE trip_id = ?1 AND precedence = 1", [&trip], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(head_passport, PASSPORT, "the office keeps what the copy never had");
        let head_dietary: String = office
            .query_row("SELECT dietary FROM members WHERE trip_id = ?1 AND precedence = 1", [&trip], |row| row.get(0))
            .unwrap();
        assert_eq!(head_dietary, "keine Nüsse");
    }
}

#[test]
fn the_costs_workbook_has_a_sheet_per_bearer_and_live_sums() {
    use calamine::{Data, Reader};
    let conn = open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    let trip: String = conn
        .query_row("SELECT id FROM trips WHERE title LIKE 'Delegationsreise des Kreises Düren%'", [], |row| row.get(0))
        .unwrap();
    let budget = crate::costs::budget::trip_budget(&conn, &trip).unwrap();
    let bytes = trip_file(&conn, &trip, ExportFormat::Costs, &ExportOptions::default()).unwrap();
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        workbook.sheet_names(),
        ["Übersicht", "Unser Haus", "Teilnehmende und Firmen", "Partnerseite", "Sponsoren", "Erstattungen"]
    );
    let overview = workbook.worksheet_range("Übersicht").unwrap();
    let euros = |cents: i64| Data::Float(cents as f64 / 100.0);
    let total_row = (4 + budget.by_bearer.len()) as u32;
    assert_eq!(overview.get_value((total_row, 0)), Some(&Data::String("Summe".into())));
    assert_eq!(overview.get_value((total_row, 1)), Some(&euros(budget.total.planned_cents)));
    assert_eq!(overview.get_value((total_row, 2)), Some(&euros(budget.total.actual_cents)));

    let formulas = workbook.worksheet_formula("Partnerseite").unwrap();
    assert_eq!(formulas.get_value((3, 9)).map(String::as_str), Some("IF(G4=\"\",\"\",ROUND(G4/I4,2))"));
    let partner = workbook.worksheet_range("Partnerseite").unwrap();
    let hotel = budget.lines.iter().find(|line| line.description.starts_with("Hotel in Jinhua")).unwrap();
    assert_eq!(partner.get_value((3, 1)), Some(&Data::String(hotel.description.clone())));
    assert_eq!(
        (partner.get_value((3, 5)), partner.get_value((3, 8))),
        (Some(&Data::String("CNY".into())), Some(&Data::Float(7.7215)))
    );
    assert_eq!(
        partner.get_value((3, 9)),
        Some(&euros(hotel.planned_cents.unwrap())),
        "the formula's value as computed"
    );
    let overview_formulas = workbook.worksheet_formula("Übersicht").unwrap();
    let category_formula = overview_formulas.get_value((total_row + 3, 1)).unwrap();
    assert!(category_formula.starts_with("SUMIF('Unser Haus'!$A$4:$A$"), "{category_formula}");

    let owed = workbook.worksheet_range("Erstattungen").unwrap();
    let night = budget.lines.iter().find(|line| line.description == "Zusätzliche Nacht in Shanghai").unwrap();
    assert_eq!(
        (owed.get_value((1, 0)), owed.get_value((1, 1)), owed.get_value((1, 4))),
        (
            Some(&Data::String("Ralf Dick (privat)".into())),
            Some(&Data::String("Ralf Dick".into())),
            Some(&euros(night.actual_cents.unwrap()))
        )
    );
    assert_eq!(owed.get_value((2, 0)), Some(&Data::String("Summe Ralf Dick (privat)".into())));
}
