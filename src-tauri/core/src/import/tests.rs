use super::calendar::zone_named;
use super::*;
use crate::export::calendar::trip_calendar;
use crate::export::DocumentLanguage;
use crate::programme::{add_item, list_items, ItemInput, ItemKind};
use crate::store::open_in_memory;
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, TripInput};

/// A trip to Jinhua across the end of German summer time (25 October 2026).
fn jinhua_trip() -> (Connection, String) {
    let conn = open_in_memory().unwrap();
    let input = TripInput {
        start_date: "2026-10-23".into(),
        end_date: "2026-10-30".into(),
        time_zone: "Asia/Shanghai".into(),
        ..trip_input("Jinhua")
    };
    let trip = create_trip(&conn, &input).unwrap();
    (conn, trip.id)
}

fn for_trip(trip_id: &str) -> ImportOptions {
    ImportOptions { trip_id: Some(trip_id.into()), ..Default::default() }
}

/// What Outlook writes: Windows zone names with its own VTIMEZONE blocks, CRLF, folded lines.
const OUTLOOK: &str = "BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:PUBLISH\r
BEGIN:VTIMEZONE\r
TZID:W. Europe Standard Time\r
BEGIN:STANDARD\r
DTSTART:16011028T030000\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:16010325T020000\r
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VTIMEZONE\r
TZID:China Standard Time\r
BEGIN:STANDARD\r
DTSTART:16010101T000000\r
TZOFFSETFROM:+0800\r
TZOFFSETTO:+0800\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E00800000000A1B2C3\r
SUMMARY:Flug LH 730 Frankfurt – Shanghai\r
DTSTART;TZID=W. Europe Standard Time:20261024T133000\r
DTEND;TZID=China Standard Time:20261025T061500\r
LOCATION:Flughafen Frankfurt\\, Terminal 1\r
DESCRIPTION:Buchungscode X7K2LM. Gepäck: 23 kg\\nSitzplätze reserviert.\r
SEQUENCE:0\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E00800000000D4E5F6\r
SUMMARY:Empfang durch den Bürgermeister von Jinhua und anschließendes Abend\r
 essen\r
DTSTART;TZID=China Standard Time:20261025T180000\r
DTEND;TZID=China Standard Time:20261025T210000\r
LOCATION:Rathaus Jinhua\r
END:VEVENT\r
END:VCALENDAR\r
";

#[test]
fn windows_zone_names_and_vendor_prefixes_are_read_as_iana_zones() {
    assert_eq!(zone_named("W. Europe Standard Time").map(|z| z.name()), Some("Europe/Berlin"));
    assert_eq!(zone_named("\"China Standard Time\"").map(|z| z.name()), Some("Asia/Shanghai"));
    assert_eq!(zone_named("/mozilla.org/20050126_1/Europe/Berlin").map(|z| z.name()), Some("Europe/Berlin"));
    assert_eq!(zone_named("Asia/Shanghai").map(|z| z.name()), Some("Asia/Shanghai"));
    assert_eq!(zone_named("Mars Standard Time"), None);
}

#[test]
fn an_outlook_calendar_becomes_items_in_their_own_zones() {
    let (conn, trip) = jinhua_trip();
    let preview = preview(&conn, OUTLOOK.as_bytes(), &for_trip(&trip)).unwrap();
    assert_eq!((preview.kind, preview.added, preview.problems.len()), (ImportKind::Calendar, 2, 0));
    assert!(list_items(&conn, &trip).unwrap().is_empty(), "the preview changes nothing");

    let summary = apply(&conn, OUTLOOK.as_bytes(), &for_trip(&trip)).unwrap();
    assert_eq!((summary.added, summary.skipped), (2, 0));
    let items = list_items(&conn, &trip).unwrap();
    let flight = &items[0];
    assert_eq!(flight.kind, ItemKind::Flight);
    assert_eq!((flight.start.local.as_str(), flight.start.zone.as_str()), ("2026-10-24T13:30", "Europe/Berlin"));
    assert_eq!(flight.start.utc, "2026-10-24T11:30:00Z", "still summer time in Germany");
    assert_eq!((flight.end.zone.as_str(), flight.end.utc.as_str()), ("Asia/Shanghai", "2026-10-24T22:15:00Z"));
    assert_eq!(flight.place, "Flughafen Frankfurt, Terminal 1");
    assert_eq!(flight.notes_participants, "Buchungscode X7K2LM. Gepäck: 23 kg\nSitzplätze reserviert.");
    let reception = &items[1];
    assert_eq!(reception.title, "Empfang durch den Bürgermeister von Jinhua und anschließendes Abendessen");
    assert_eq!((reception.kind, reception.start.utc.as_str()), (ItemKind::Reception, "2026-10-25T10:00:00Z"));
}

#[test]
fn importing_the_same_calendar_twice_adds_nothing_and_a_changed_one_updates() {
    let (conn, trip) = jinhua_trip();
    apply(&conn, OUTLOOK.as_bytes(), &for_trip(&trip)).unwrap();
    let again = apply(&conn, OUTLOOK.as_bytes(), &for_trip(&trip)).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 2));
    assert_eq!(list_items(&conn, &trip).unwrap().len(), 2);

    let moved = OUTLOOK.replace("20261025T180000", "20261025T183000").replace(
        "SUMMARY:Flug LH 730 Frankfurt – Shanghai\r\n",
        "SUMMARY:Flug LH 730 Frankfurt – Shanghai\r\nSTATUS:CANCELLED\r\n",
    );
    let preview = preview(&conn, moved.as_bytes(), &for_trip(&trip)).unwrap();
    assert_eq!(
        preview.rows.iter().map(|r| r.action).collect::<Vec<_>>(),
        [PreviewAction::Remove, PreviewAction::Update]
    );
    apply(&conn, moved.as_bytes(), &for_trip(&trip)).unwrap();
    let items = list_items(&conn, &trip).unwrap();
    assert_eq!(items.len(), 1, "the cancelled flight left the programme");
    assert_eq!(items[0].start.local, "2026-10-25T18:30");
}

#[test]
fn an_exported_programme_imported_into_its_trip_changes_nothing() {
    let (conn, trip) = jinhua_trip();
    let items = [
        ItemInput::new(
            ItemKind::Meeting,
            "Vorbesprechung",
            ("2026-10-24T18:00", "Europe/Berlin"),
            ("2026-10-24T19:00", "Europe/Berlin"),
        ),
        ItemInput::new(
            ItemKind::Flight,
            "Flug",
            ("2026-10-25T21:30", "Europe/Berlin"),
            ("2026-10-26T15:00", "Asia/Shanghai"),
        ),
    ];
    for item in &items {
        add_item(&conn, &trip, item).unwrap();
    }
    let exported = trip_calendar(&conn, &trip, None, DocumentLanguage::DE).unwrap();
    let summary = apply(&conn, exported.as_bytes(), &for_trip(&trip)).unwrap();
    assert_eq!((summary.added, summary.updated, summary.unchanged), (0, 0, 2));
}

#[test]
fn utc_and_floating_times_are_read_in_the_trips_zone_across_the_clock_change() {
    let conn = open_in_memory().unwrap();
    let input = TripInput {
        start_date: "2026-10-23".into(),
        end_date: "2026-10-30".into(),
        time_zone: "Europe/Berlin".into(),
        ..trip_input("Luzhou in Herne")
    };
    let trip = create_trip(&conn, &input).unwrap();
    let file = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:Nachtzug\nDTSTART:20261025T003000Z\nDTEND:20261025T013000Z\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:b\nSUMMARY:Stadtführung\nDTSTART:20261026T100000\nDTEND:20261026T120000\nEND:VEVENT\nEND:VCALENDAR\n";
    apply(&conn, file.as_bytes(), &for_trip(&trip.id)).unwrap();
    let items = list_items(&conn, &trip.id).unwrap();
    // 00:30 UTC is 02:30 summer time; 01:30 UTC is 02:30 winter time, the repeated hour.
    assert_eq!((items[0].start.local.as_str(), items[0].start.offset.as_str()), ("2026-10-25T02:30", "+02:00"));
    assert_eq!((items[0].end.local.as_str(), items[0].end.offset.as_str()), ("2026-10-25T02:30", "+01:00"));
    assert_eq!(
        (items[1].start.local.as_str(), items[1].start.utc.as_str()),
        ("2026-10-26T10:00", "2026-10-26T09:00:00Z")
    );
}

#[test]
fn a_bad_event_names_its_line_and_nothing_is_imported_unless_bad_rows_are_skipped() {
    let (conn, trip) = jinhua_trip();
    let file = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nSUMMARY:Werksbesichtigung\nDTSTART;TZID=Asia/Shanghai:20261026T090000\nDTEND;TZID=Asia/Shanghai:20261026T110000\nEND:VEVENT\n\
                BEGIN:VEVENT\nUID:2\nSUMMARY:Symposium\nDTSTART;TZID=Mars Standard Time:20261026T140000\nEND:VEVENT\nEND:VCALENDAR\n";
    let preview = preview(&conn, file.as_bytes(), &for_trip(&trip)).unwrap();
    assert_eq!(preview.problems.len(), 1);
    assert_eq!((preview.problems[0].line, preview.problems[0].field.as_str()), (Some(9), "DTSTART"));
    assert_eq!(
        (preview.problems[0].code.as_str(), preview.problems[0].value.as_str()),
        ("zone_unknown", "Mars Standard Time")
    );

    let refused = apply(&conn, file.as_bytes(), &for_trip(&trip)).unwrap_err();
    assert!(refused.to_string().contains("line 9"), "{refused}");
    assert!(list_items(&conn, &trip).unwrap().is_empty(), "nothing imported");

    let skipping = ImportOptions { skip_bad_rows: true, ..for_trip(&trip) };
    let summary = apply(&conn, file.as_bytes(), &skipping).unwrap();
    assert_eq!((summary.added, summary.skipped), (1, 1));
}

#[test]
fn malformed_calendars_are_refused_with_the_database_unchanged() {
    let (conn, trip) = jinhua_trip();
    let truncated = &OUTLOOK[..OUTLOOK.len() / 2];
    let utf16: Vec<u8> = OUTLOOK.encode_utf16().flat_map(|unit| unit.to_le_bytes()).collect();
    let no_events = "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n";
    let garbage = "BEGIN:VCALENDAR\n\u{1}\u{2}\nBEGIN:VEVENT\n::::\nEND:VCALENDAR\n";
    let cases: [(&[u8], &str); 4] = [
        (truncated.as_bytes(), "calendar_truncated"),
        (&utf16, "file_utf16"),
        (no_events.as_bytes(), "calendar_empty"),
        (garbage.as_bytes(), "calendar_unreadable"),
    ];
    for (bytes, code) in cases {
        let error = apply(&conn, bytes, &for_trip(&trip)).unwrap_err();
        assert!(matches!(&error, Error::Validation(f) if f[0].code == code), "{code}: {error}");
    }
    let without_trip = apply(&conn, OUTLOOK.as_bytes(), &ImportOptions::default()).unwrap_err();
    assert!(matches!(&without_trip, Error::Validation(f) if f[0].field == "trip_id"), "{without_trip}");
    assert!(list_items(&conn, &trip).unwrap().is_empty());
}

#[test]
fn files_are_recognised_by_content_and_oversized_ones_refused() {
    assert_eq!(detect(OUTLOOK.as_bytes()).unwrap(), ImportKind::Calendar);
    assert_eq!(detect(b"\xef\xbb\xbfBEGIN:VCARD\r\nVERSION:3.0\r\n").unwrap(), ImportKind::Contacts);
    assert_eq!(detect(b"  {\"format\": \"partnerdesk-trip-bundle\"}").unwrap(), ImportKind::Bundle);
    assert_eq!(detect(b"PK\x03\x04rest of a zip").unwrap(), ImportKind::Table);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(matches!(detect(png), Err(Error::Validation(f)) if f[0].code == "file_kind_unknown"));
    assert!(matches!(detect(b""), Err(Error::Validation(f)) if f[0].code == "file_empty"));

    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.ics");
    std::fs::File::create(&huge).unwrap().set_len(MAX_IMPORT_BYTES + 1).unwrap();
    assert!(matches!(read_import_file(&huge), Err(Error::Validation(f)) if f[0].code == "file_too_large"));
}

#[test]
fn an_event_with_a_field_over_its_limit_names_its_line_and_nothing_is_imported() {
    let (conn, trip) = jinhua_trip();
    let long_title = "Besichtigung der Wasserstoff-Modellregion ".repeat(8);
    let long_place = "Messe- und Kongresszentrum Jinhua ".repeat(7);
    let event = |uid: &str, summary: &str, location: &str| {
        format!(
            "BEGIN:VEVENT\nUID:{uid}\nSUMMARY:{summary}\nLOCATION:{location}\n\
             DTSTART;TZID=Asia/Shanghai:20261026T090000\nDTEND;TZID=Asia/Shanghai:20261026T100000\nEND:VEVENT\n"
        )
    };
    let file = format!(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n{}{}{}END:VCALENDAR\n",
        event("a", "Empfang im Rathaus", "Rathaus Jinhua"),
        event("b", long_title.trim(), "Jinhua"),
        event("c", "Messe", long_place.trim())
    );

    let shown = preview(&conn, file.as_bytes(), &for_trip(&trip)).unwrap();
    let problems: Vec<_> = shown
        .problems
        .iter()
        .map(|p| (p.line, p.field.as_str(), p.code.as_str(), p.values["limit"].as_str()))
        .collect();
    assert_eq!(problems, [(Some(11), "title", "too_long", "300"), (Some(18), "place", "too_long", "200")]);
    assert!(apply(&conn, file.as_bytes(), &for_trip(&trip)).is_err());
    assert!(list_items(&conn, &trip).unwrap().is_empty(), "nothing is imported");
    let skipping = ImportOptions { skip_bad_rows: true, ..for_trip(&trip) };
    let summary = apply(&conn, file.as_bytes(), &skipping).unwrap();
    assert_eq!((summary.added, summary.skipped), (1, 2));
}
