use rusqlite::Connection;
use serde_json::{json, Value};

use super::*;
use crate::error::Error;
use crate::import::bundle::{check, import_bundle};
use crate::import::{apply, preview, ImportOptions, PreviewAction, RecordKind};
use crate::programme::{get_item, update_item, ItemInput};
use crate::store::open_in_memory;
use crate::vocabulary::RegisterRef;

const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const SCHEMA: &str = include_str!("../../../../docs/trip-bundle.schema.json");

fn demo() -> Connection {
    let conn = open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    conn
}

fn trip_ids(conn: &Connection) -> Vec<String> {
    let mut statement = conn.prepare("SELECT id FROM trips ORDER BY id").unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

fn trip_id(conn: &Connection, title: &str) -> String {
    conn.query_row("SELECT id FROM trips WHERE title = ?1", [title], |row| row.get(0)).unwrap()
}

/// A bundle for a colleague of the office with the health notes ticked: every field goes along.
fn export(conn: &Connection, trip_id: &str) -> Vec<u8> {
    let ticked = Ticked { health_notes: true, ..Ticked::default() };
    export_bundle(conn, trip_id, Outgoing::BundleForOffice, &ticked, Documents::Carried).unwrap()
}

fn import_into(conn: &Connection, bytes: &[u8]) -> crate::import::ImportSummary {
    apply(conn, bytes, &ImportOptions::default()).unwrap()
}

fn parsed(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

fn bytes_of(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap()
}

/// Every row of every table, sorted, to see that an import changed nothing.
fn dump(conn: &Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut lines = Vec::new();
    for table in tables {
        let mut statement = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = statement.column_count();
        let mut rows: Vec<String> = statement
            .query_map([], |row| {
                let values = (0..columns)
                    .map(|i| row.get::<_, rusqlite::types::Value>(i).map(|value| format!("{value:?}")))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(format!("{table}: {}", values.join(" | ")))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        lines.extend(rows);
    }
    lines
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0)).unwrap()
}

/// The code of a refusal that names the file.
fn file_error_code(error: Error) -> String {
    match error {
        Error::Validation(fields) => {
            assert_eq!(fields[0].field, "file", "{fields:?}");
            assert!(!fields[0].message.is_empty());
            fields[0].code.clone()
        }
        other => panic!("expected a refusal of the file, got {other:?}"),
    }
}

/// Waits so that the next time stamp is later than every one written so far.
fn next_millisecond() {
    std::thread::sleep(std::time::Duration::from_millis(5));
}

fn retitle_item(conn: &Connection, id: &str, title: &str) {
    let item = get_item(conn, id).unwrap();
    let mut input =
        ItemInput::new(item.kind, title, (&item.start.local, &item.start.zone), (&item.end.local, &item.end.zone));
    input.place = item.place;
    input.address = item.address;
    input.hosts = item.hosts.into_iter().map(|host| RegisterRef { kind: host.kind, id: host.id }).collect();
    input.everyone = item.everyone;
    input.participant_ids = item.participant_ids;
    input.notes_participants = item.notes_participants;
    input.notes_internal = item.notes_internal;
    update_item(conn, id, &input).unwrap();
}

#[test]
fn every_demo_trip_survives_a_round_trip_through_an_empty_database_byte_for_byte() {
    let source = demo();
    let ids = trip_ids(&source);
    assert_eq!(ids.len(), 5);
    for id in ids {
        let first = export(&source, &id);
        let target = open_in_memory().unwrap();
        let summary = import_into(&target, &first);
        assert!(summary.added > 0 && summary.updated == 0 && summary.skipped == 0, "{summary:?}");
        let second = export(&target, &id);
        assert_eq!(String::from_utf8(second).unwrap(), String::from_utf8(first).unwrap());
    }
}

#[test]
fn a_bundle_holds_the_whole_trip_and_the_register_records_it_links_to() {
    let conn = demo();
    let bundle: Bundle = serde_json::from_slice(&export(&conn, &trip_id(&conn, TO_JINHUA))).unwrap();
    assert_eq!((bundle.format.as_str(), bundle.version), (FORMAT, VERSION));
    assert_eq!(bundle.trip.title, TO_JINHUA);
    assert!(!bundle.checklist.is_empty());
    assert!(bundle.checklist.iter().any(|step| step.done_at.is_some()));
    assert!(!bundle.delegation.is_empty());
    assert!(bundle.programme.iter().any(|item| !item.hosts.is_empty()));
    assert!(!bundle.outcomes.is_empty());
    assert!(bundle.tasks.iter().any(|task| task.outcome_id.is_some() && !task.checklist.is_empty()));
    assert!(bundle.trip.partnership_id.is_some() && !bundle.trip.theme_ids.is_empty());
    let register = &bundle.register;
    assert!(register.partnerships.iter().any(|p| Some(&p.id) == bundle.trip.partnership_id.as_ref()));
    for member in &bundle.delegation {
        let person = member.person_id.as_ref().expect("every demo member is in the register");
        assert!(register.people.iter().any(|p| &p.id == person));
    }
    assert!(!register.organisations.is_empty());
    let mut people: Vec<&str> = register.people.iter().map(|p| p.id.as_str()).collect();
    people.sort();
    assert!(people.iter().zip(register.people.iter()).all(|(sorted, person)| *sorted == person.id));
}

#[test]
fn two_exports_of_the_same_data_are_identical_and_pretty_printed() {
    let conn = demo();
    let id = trip_id(&conn, TO_JINHUA);
    let first = export(&conn, &id);
    assert_eq!(first, export(&conn, &id));
    let text = String::from_utf8(first).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"partnerdesk-trip-bundle\",\n  \"version\": 5,\n  \"withheld\": [\n    \"travel_documents\"\n  ],\n"), "{}", &text[..120]);
    assert!(text.ends_with("}\n"));
}

#[test]
fn a_trip_in_the_trash_or_unknown_is_not_exported() {
    let conn = demo();
    let id = trip_id(&conn, TO_JINHUA);
    crate::trips::trash::delete_trip(&conn, &id).unwrap();
    let (path, ticked) = (Outgoing::BundleForOffice, Ticked::default());
    assert!(matches!(export_bundle(&conn, &id, path, &ticked, Documents::Carried), Err(Error::NotFound(_))));
    assert!(matches!(export_bundle(&conn, "no-such-trip", path, &ticked, Documents::Carried), Err(Error::NotFound(_))));
}

#[test]
fn what_waits_in_the_trash_stays_out_of_the_bundle() {
    let conn = demo();
    let id = trip_id(&conn, TO_JINHUA);
    let member = crate::delegation::list_members(&conn, &id).unwrap().pop().unwrap();
    let item = crate::programme::list_items(&conn, &id).unwrap().remove(0);
    crate::delegation::remove_member(&conn, &member.id).unwrap();
    crate::programme::trash::remove_item(&conn, &item.id).unwrap();
    let bundle = parsed(&export(&conn, &id));
    let ids = |list: &str| -> Vec<String> {
        bundle[list].as_array().unwrap().iter().map(|record| record["id"].as_str().unwrap().to_string()).collect()
    };
    assert!(!ids("delegation").contains(&member.id), "a member in the trash does not travel");
    assert!(!ids("programme").contains(&item.id), "nor does an item");
    assert!(bundle["outcomes"].as_array().unwrap().iter().all(|outcome| outcome["item_id"] != item.id.as_str()));
    let participants =
        bundle["programme"].as_array().unwrap().iter().flat_map(|i| i["participant_ids"].as_array().unwrap().clone());
    assert!(participants.into_iter().all(|p| p != member.id.as_str()));
}

#[test]
fn passport_birth_date_and_visa_stay_in_the_office_on_both_sides() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    source
        .execute(
            "UPDATE members SET passport_number = 'C01X00T47', date_of_birth = '1967-03-09', visa_status = 'erteilt 2026-X7Q'
             WHERE trip_id = ?1",
            [&id],
        )
        .unwrap();
    let bundle = export(&source, &id);
    let text = String::from_utf8(bundle.clone()).unwrap();
    for secret in ["C01X00T47", "1967-03-09", "erteilt 2026-X7Q", "passport_number", "date_of_birth", "visa_status"] {
        assert!(!text.contains(secret), "{secret} is in the bundle");
    }

    let mut newer = parsed(&bundle);
    newer["delegation"][0]["function_title"] = json!("Landrat a. D.");
    newer["delegation"][0]["updated_at"] = json!("2099-01-01T00:00:00.000Z");
    let summary = import_into(&source, &bytes_of(&newer));
    assert_eq!(summary.updated, 1, "{summary:?}");
    let member_id = newer["delegation"][0]["id"].as_str().unwrap();
    let detail = crate::delegation::get_member(&source, member_id).unwrap();
    assert_eq!(detail.member.function_title, "Landrat a. D.");
    assert_eq!(detail.passport_number, "C01X00T47");
    assert_eq!(detail.visa_status, "erteilt 2026-X7Q");
}

#[test]
fn importing_a_bundle_twice_adds_nothing_the_second_time() {
    let source = demo();
    let bundle = export(&source, &trip_id(&source, TO_JINHUA));
    let target = open_in_memory().unwrap();
    let first = import_into(&target, &bundle);
    assert!(first.added > 20, "{first:?}");
    let after_first = dump(&target);

    let again = preview(&target, &bundle, &ImportOptions::default()).unwrap();
    assert!(again.rows.iter().all(|row| row.action == PreviewAction::Unchanged));
    assert_eq!(again.rows.len() as u32, first.added);
    let second = import_into(&target, &bundle);
    assert_eq!((second.added, second.updated, second.unchanged), (0, 0, first.added));
    assert_eq!(dump(&target), after_first);

    let into_the_source = import_into(&source, &bundle);
    assert_eq!((into_the_source.added, into_the_source.updated), (0, 0));
}

#[test]
fn an_item_changed_here_later_than_in_the_bundle_is_left_alone() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    let bundle = export(&source, &id);
    let target = open_in_memory().unwrap();
    import_into(&target, &bundle);
    let item_id = parsed(&bundle)["programme"][0]["id"].as_str().unwrap().to_string();
    next_millisecond();
    retitle_item(&target, &item_id, "Geändert im Büro");

    let summary = preview(&target, &bundle, &ImportOptions::default()).unwrap();
    let kept: Vec<_> = summary.rows.iter().filter(|row| row.action == PreviewAction::KeptNewer).collect();
    assert_eq!(kept.len(), 1, "{:?}", summary.rows);
    assert_eq!(kept[0].record, RecordKind::Item);
    assert_eq!((summary.added, summary.updated), (0, 0));
    import_into(&target, &bundle);
    assert_eq!(get_item(&target, &item_id).unwrap().title, "Geändert im Büro");
}

#[test]
fn an_item_changed_later_in_the_bundle_is_brought_up_to_date() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    let target = open_in_memory().unwrap();
    import_into(&target, &export(&source, &id));
    let item_id = parsed(&export(&source, &id))["programme"][1]["id"].as_str().unwrap().to_string();
    let sequence_before = get_item(&target, &item_id).unwrap().sequence;
    next_millisecond();
    retitle_item(&source, &item_id, "Neu beim Kollegen");

    let summary = import_into(&target, &export(&source, &id));
    assert_eq!((summary.added, summary.updated), (0, 1), "{summary:?}");
    let item = get_item(&target, &item_id).unwrap();
    assert_eq!(item.title, "Neu beim Kollegen");
    assert!(item.sequence > sequence_before);
}

#[test]
fn a_step_ticked_in_the_bundle_updates_the_checklist_here() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    let target = open_in_memory().unwrap();
    import_into(&target, &export(&source, &id));
    let open_step = crate::checklists::checklist_of(&source, &crate::checklists::ChecklistOwner::trip(&id))
        .unwrap()
        .steps
        .into_iter()
        .find(|step| !step.done)
        .unwrap();
    next_millisecond();
    crate::checklists::tick_step(&source, &open_step.id, true).unwrap();

    let summary = preview(&target, &export(&source, &id), &ImportOptions::default()).unwrap();
    let changed: Vec<_> = summary.rows.iter().filter(|row| row.action != PreviewAction::Unchanged).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!((changed[0].record, changed[0].action), (RecordKind::Trip, PreviewAction::Update));
    import_into(&target, &export(&source, &id));
    let ticked: Option<String> = target
        .query_row("SELECT done_at FROM checklist_steps WHERE id = ?1", [&open_step.id], |row| row.get(0))
        .unwrap();
    assert!(ticked.is_some());
}

#[test]
fn a_namesake_already_in_the_delegation_here_is_a_problem_of_the_import() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    let bundle = export(&source, &id);
    let target = open_in_memory().unwrap();
    import_into(&target, &bundle);
    let first = crate::delegation::list_members(&target, &id).unwrap().remove(0);
    crate::delegation::remove_member(&target, &first.id).unwrap();
    crate::trash::empty_trash(&target).unwrap();
    let namesake = crate::delegation::MemberInput { name_latin: first.name_latin.clone(), ..Default::default() };
    crate::delegation::add_member(&target, &id, &namesake).unwrap();
    let before = dump(&target);

    let refused = apply(&target, &bundle, &ImportOptions::default()).unwrap_err();
    assert!(refused.to_string().contains("in the delegation here already"), "{refused}");
    assert_eq!(dump(&target), before);
    let members = count(&target, "members");
    let summary = apply(&target, &bundle, &ImportOptions { skip_bad_rows: true, ..ImportOptions::default() }).unwrap();
    assert_eq!(summary.skipped, 1, "{summary:?}");
    assert_eq!(count(&target, "members"), members);
}

#[test]
fn a_theme_area_is_matched_by_name_when_its_id_is_unknown_here() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    let mut bundle = parsed(&export(&source, &id));
    let foreign = "0192b3c4-d5e6-7000-8000-0000000f0000";
    let theme = bundle["trip"]["theme_ids"][0].as_str().unwrap().to_string();
    let name =
        bundle["register"]["theme_areas"].as_array().unwrap().iter().find(|t| t["id"] == theme.as_str()).unwrap()
            ["name"]
            .as_str()
            .unwrap()
            .to_uppercase();
    let text = serde_json::to_string(&bundle).unwrap().replace(&theme, foreign);
    bundle = serde_json::from_str(&text).unwrap();
    for area in bundle["register"]["theme_areas"].as_array_mut().unwrap() {
        if area["id"] == foreign {
            area["name"] = json!(name);
        }
    }
    let target = open_in_memory().unwrap();
    let themes = count(&target, "theme_areas");
    import_into(&target, &bytes_of(&bundle));
    assert_eq!(count(&target, "theme_areas"), themes);
    let linked: i64 = target
        .query_row("SELECT count(*) FROM trip_themes WHERE trip_id = ?1 AND theme_id = ?2", [&id, &theme], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(linked, 1);
}

/// A valid bundle and the database it would go into, which already holds other data.
fn bundle_and_target() -> (Vec<u8>, Connection) {
    let source = demo();
    let bundle = export(&source, &trip_id(&source, TO_JINHUA));
    let target = demo();
    target.execute("DELETE FROM trips WHERE title = ?1", [TO_JINHUA]).unwrap();
    (bundle, target)
}

fn assert_refused(target: &Connection, bytes: &[u8], code: &str) {
    let before = dump(target);
    let error = apply(target, bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(file_error_code(error), code);
    let error = preview(target, bytes, &ImportOptions::default()).unwrap_err();
    assert_eq!(file_error_code(error), code);
    assert_eq!(dump(target), before);
}

#[test]
fn a_valid_bundle_goes_into_the_database_used_for_the_refusals() {
    let (bundle, target) = bundle_and_target();
    assert!(import_into(&target, &bundle).added > 0);
}

#[test]
fn a_truncated_bundle_is_refused_and_changes_nothing() {
    let (bundle, target) = bundle_and_target();
    for cut in [bundle.len() / 2, bundle.len() - 3] {
        assert_refused(&target, &bundle[..cut], "bundle_truncated");
    }
}

#[test]
fn a_file_that_is_not_json_is_refused_and_changes_nothing() {
    let (_, target) = bundle_and_target();
    assert_refused(&target, b"{ Reiseplan: Jinhua, 14. Juni }", "bundle_not_json");
    for bytes in [&b"Reiseplan Jinhua"[..], b"\x00\x01\x02", b"[1, 2, 3]", b"\"text\""] {
        let error = import_bundle(&target, bytes, &ImportOptions::default(), &mut Default::default()).unwrap_err();
        assert!(["bundle_not_json", "bundle_not_bundle"].contains(&file_error_code(error).as_str()));
    }
}

#[test]
fn another_format_is_refused_and_changes_nothing() {
    let (bundle, target) = bundle_and_target();
    let mut other = parsed(&bundle);
    other["format"] = json!("partnerdesk-settings");
    assert_refused(&target, &bytes_of(&other), "bundle_wrong_format");
    assert_refused(&target, br#"{"type": "FeatureCollection", "features": []}"#, "bundle_wrong_format");
}

#[test]
fn a_newer_version_is_refused_with_a_request_to_update() {
    let (bundle, target) = bundle_and_target();
    let mut newer = parsed(&bundle);
    newer["version"] = json!(VERSION + 1);
    newer["gifts"] = json!([]);
    assert_refused(&target, &bytes_of(&newer), "bundle_too_new");
    let error = apply(&target, &bytes_of(&newer), &ImportOptions::default()).unwrap_err();
    assert!(error.to_string().contains("newer Partnerdesk"), "{error}");
    newer["version"] = json!("1");
    assert_refused(&target, &bytes_of(&newer), "bundle_invalid");
}

#[test]
fn unknown_fields_missing_fields_and_bad_values_are_refused() {
    let (bundle, target) = bundle_and_target();
    let valid = parsed(&bundle);
    let mut with_passport = valid.clone();
    with_passport["delegation"][0]["passport_number"] = json!("C01X00T47");
    let mut without_trip = valid.clone();
    without_trip.as_object_mut().unwrap().remove("trip");
    let mut unknown_kind = valid.clone();
    unknown_kind["programme"][0]["kind"] = json!("party");
    let mut bad_zone = valid.clone();
    bad_zone["programme"][0]["start"]["zone"] = json!("Asia/Jinhua");
    let mut wrong_instant = valid.clone();
    wrong_instant["programme"][0]["start"]["utc"] = json!("1999-01-01T00:00:00Z");
    let mut empty_title = valid.clone();
    empty_title["trip"]["title"] = json!("  ");
    let mut dangling = valid.clone();
    dangling["delegation"][0]["person_id"] = json!("0192b3c4-d5e6-7000-8000-0000000dead0");
    let mut twice = valid.clone();
    let first_item = twice["programme"][0].clone();
    twice["programme"].as_array_mut().unwrap().push(first_item);
    for broken in [with_passport, without_trip, unknown_kind, bad_zone, wrong_instant, empty_title, dangling, twice] {
        assert_refused(&target, &bytes_of(&broken), "bundle_invalid");
    }
}

#[test]
fn a_text_or_count_over_its_limit_is_refused_naming_the_record_and_changes_nothing() {
    let (bundle, target) = bundle_and_target();
    let valid = parsed(&bundle);
    let mut long_title = valid.clone();
    long_title["programme"][0]["title"] = json!("Empfang ".repeat(40));
    let mut long_name = valid.clone();
    long_name["delegation"][0]["name_latin"] = json!("王".repeat(201));
    let mut long_notes = valid.clone();
    long_notes["trip"]["notes"] = json!("x".repeat(20_001));
    let mut too_many = valid;
    let first = too_many["programme"][0].clone();
    too_many["programme"] = Value::Array(vec![first; crate::limits::ITEMS_PER_TRIP + 1]);
    for (broken, named) in [
        (long_title, "bundle.programme[0]: title is longer than 300 characters"),
        (long_name, "bundle.delegation[0]: name_latin is longer than 200 characters"),
        (long_notes, "bundle.trip: notes is longer than 20000 characters"),
        (too_many, "it holds 2001 programme items; a trip holds at most 2000"),
    ] {
        assert_refused(&target, &bytes_of(&broken), "bundle_invalid");
        let error = apply(&target, &bytes_of(&broken), &ImportOptions::default()).unwrap_err();
        assert!(error.to_string().contains(named), "{error}");
    }
}

#[test]
fn a_huge_array_of_garbage_is_refused_quickly_and_changes_nothing() {
    let (bundle, target) = bundle_and_target();
    let garbage = format!(
        "{{\"format\": \"{FORMAT}\", \"version\": 1, \"programme\": [{}{{\"junk\": 1}}]}}",
        "{\"junk\": 1},".repeat(500_000)
    );
    let started = std::time::Instant::now();
    assert_refused(&target, garbage.as_bytes(), "bundle_invalid");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));

    let mut too_many = parsed(&bundle);
    let step = too_many["checklist"][0].clone();
    too_many["checklist"] = Value::Array(vec![step; check::MAX_RECORDS + 1]);
    let error = apply(&target, &bytes_of(&too_many), &ImportOptions::default()).unwrap_err();
    assert!(error.to_string().contains("at most"), "{error}");

    let oversized = vec![b' '; crate::import::MAX_IMPORT_BYTES as usize + 1];
    let error = import_bundle(&target, &oversized, &ImportOptions::default(), &mut Default::default()).unwrap_err();
    assert_eq!(file_error_code(error), "file_too_large");
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    assert!(jsonschema::meta::is_valid(&schema), "the schema itself is not valid JSON Schema");
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn every_demo_bundle_is_valid_against_the_published_schema() {
    let validator = schema_validator();
    let conn = demo();
    for id in trip_ids(&conn) {
        let bundle = parsed(&export(&conn, &id));
        let errors: Vec<String> =
            validator.iter_errors(&bundle).map(|error| format!("{}: {error}", error.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn the_schema_refuses_what_the_import_refuses() {
    let validator = schema_validator();
    let conn = demo();
    let valid = parsed(&export(&conn, &trip_id(&conn, TO_JINHUA)));
    assert!(validator.is_valid(&valid));
    let mut broken = Vec::new();
    for (pointer, value) in [
        ("/version", json!("1")),
        ("/format", json!("partnerdesk-settings")),
        ("/programme/0/kind", json!("party")),
        ("/delegation/0/role", json!("guest")),
        ("/trip/start_date", json!("14.06.2026")),
        ("/tasks/0/people", json!("everyone")),
    ] {
        let mut document = valid.clone();
        *document.pointer_mut(pointer).unwrap() = value;
        broken.push(document);
    }
    let mut with_passport = valid.clone();
    with_passport["delegation"][0]["passport_number"] = json!("C01X00T47");
    broken.push(with_passport);
    let mut without_register = valid.clone();
    without_register.as_object_mut().unwrap().remove("register");
    broken.push(without_register);
    for document in broken {
        assert!(
            !validator.is_valid(&document),
            "the schema accepts {}",
            serde_json::to_string(&document).unwrap().chars().take(200).collect::<String>()
        );
    }
}

/// The Jinhua trip with a passport number, health notes and internal notes on its records.
fn with_secrets() -> (Connection, String) {
    let conn = demo();
    let id = trip_id(&conn, TO_JINHUA);
    conn.execute_batch(&format!(
        "UPDATE members SET passport_number = 'C4X9TRV21', dietary = 'Nussallergie', accessibility = 'Rollstuhl'
           WHERE trip_id = '{id}';
         UPDATE trips SET notes = 'Intern: Budget knapp' WHERE id = '{id}';
         UPDATE programme_items SET notes_internal = 'Intern: Sitzordnung' WHERE trip_id = '{id}';
         UPDATE people SET notes = 'Intern: spricht kein Englisch'
           WHERE id IN (SELECT person_id FROM members WHERE trip_id = '{id}');"
    ))
    .unwrap();
    (conn, id)
}

const SECRETS: [&str; 6] =
    ["C4X9TRV21", "Nussallergie", "Rollstuhl", "Intern: Budget", "Intern: Sitzordnung", "Intern: spricht"];

fn found(bytes: &[u8]) -> Vec<&'static str> {
    let text = String::from_utf8_lossy(bytes);
    SECRETS.into_iter().filter(|secret| text.contains(secret)).collect()
}

#[test]
fn a_bundle_for_another_office_holds_no_personal_data_and_no_internal_notes_even_when_ticked() {
    let (conn, id) = with_secrets();
    let all = Ticked { travel_documents: true, health_notes: true, internal_notes: true };
    let bytes = export_bundle(&conn, &id, Outgoing::OtherOffice, &all, Documents::Carried).unwrap();
    assert_eq!(found(&bytes), [""; 0]);
    let bundle: Bundle = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(bundle.withheld, Sensitive::ALL);
}

#[test]
fn a_bundle_for_a_colleague_carries_internal_notes_and_health_notes_only_when_ticked() {
    let (conn, id) = with_secrets();
    let plain = export_bundle(&conn, &id, Outgoing::BundleForOffice, &Ticked::default(), Documents::Carried).unwrap();
    assert_eq!(found(&plain), ["Intern: Budget", "Intern: Sitzordnung", "Intern: spricht"]);
    let ticked = Ticked { travel_documents: true, health_notes: true, internal_notes: false };
    let with_health = export_bundle(&conn, &id, Outgoing::BundleForOffice, &ticked, Documents::Carried).unwrap();
    assert_eq!(
        found(&with_health),
        ["Nussallergie", "Rollstuhl", "Intern: Budget", "Intern: Sitzordnung", "Intern: spricht"]
    );
}

#[test]
fn taking_in_a_bundle_keeps_the_fields_it_left_out() {
    let (conn, id) = with_secrets();
    let all = Ticked { travel_documents: true, health_notes: true, internal_notes: true };
    let bytes = export_bundle(&conn, &id, Outgoing::OtherOffice, &all, Documents::Carried).unwrap();
    let before = dump(&conn);
    let summary = import_into(&conn, &bytes);
    assert_eq!(summary.updated, 0, "nothing it left out counts as a change: {summary:?}");
    assert_eq!(dump(&conn), before);

    let elsewhere = open_in_memory().unwrap();
    import_into(&elsewhere, &bytes);
    assert_eq!(found(&export(&elsewhere, &id)), [""; 0], "the other office never had them");
}

#[test]
fn a_trip_visiting_several_partners_takes_them_along_and_a_dangling_one_is_refused() {
    let source = demo();
    let id = trip_id(&source, TO_JINHUA);
    let herne: String =
        source.query_row("SELECT id FROM partnerships WHERE partner_place = 'Luzhou'", [], |row| row.get(0)).unwrap();
    source
        .execute("INSERT INTO trip_partnerships (trip_id, partnership_id, position) VALUES (?1, ?2, 0)", [&id, &herne])
        .unwrap();
    let bundle = parsed(&export(&source, &id));
    assert_eq!(bundle["trip"]["further_partnership_ids"], json!([herne]));
    assert!(bundle["register"]["partnerships"].as_array().unwrap().iter().any(|p| p["id"] == herne.as_str()));

    let target = open_in_memory().unwrap();
    import_into(&target, &bytes_of(&bundle));
    let further = crate::trips::get_trip(&target, &id).unwrap().further_partnerships;
    assert_eq!(further.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["Stadt Herne – Luzhou"]);

    let (_, target) = bundle_and_target();
    let mut dangling = bundle.clone();
    dangling["trip"]["further_partnership_ids"] = json!(["0192b3c4-d5e6-7000-8000-0000000dead0"]);
    let mut twice = bundle.clone();
    twice["trip"]["further_partnership_ids"] = json!([herne, herne]);
    for broken in [dangling, twice] {
        assert_refused(&target, &bytes_of(&broken), "bundle_invalid");
    }
}

mod generated {
    //! Export → import of a bundle is the identity for any trip an officer could enter: texts
    //! in any script up to their limits, items in any of the office's zones, members with or
    //! without travel papers.

    use proptest::prelude::*;

    use super::*;
    use crate::delegation::{add_member, MemberInput};
    use crate::programme::{add_item, ItemKind};
    use crate::trips::{create_trip, TripInput, TripStatus};
    use crate::vocabulary::{Direction, MemberRole};

    const ZONES: [&str; 6] =
        ["Europe/Berlin", "Asia/Shanghai", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Europe/London"];

    /// Any printable text (no control or format characters) of up to `max` characters.
    fn text(max: usize) -> impl Strategy<Value = String> {
        proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).unwrap()
    }

    /// A text with something in it besides spaces.
    fn required(max: usize) -> impl Strategy<Value = String> {
        text(max).prop_filter("not blank", |text| !text.trim().is_empty())
    }

    fn one_of<T: Copy + std::fmt::Debug + 'static>(values: &'static [T]) -> impl Strategy<Value = T> {
        proptest::sample::select(values)
    }

    fn trip() -> impl Strategy<Value = TripInput> {
        (
            required(60),
            one_of(&[Direction::Outgoing, Direction::Incoming]),
            (text(40), text(30), one_of(&ZONES)),
            (1_u32..20, 0_u32..6),
            (text(300), text(60), text(300)),
        )
            .prop_map(
                |(title, direction, (place, country, zone), (first_day, days), (purpose, translated, notes))| {
                    TripInput {
                        title,
                        direction,
                        partner_place: place,
                        partner_country: country,
                        time_zone: zone.into(),
                        start_date: format!("2026-06-{first_day:02}"),
                        end_date: format!("2026-06-{:02}", first_day + days),
                        purpose,
                        second_language: None,
                        title_translation: translated,
                        purpose_translation: String::new(),
                        status: TripStatus::Planning,
                        notes,
                        partnership_id: None,
                        further_partnership_ids: Vec::new(),
                        theme_ids: Vec::new(),
                    }
                },
            )
    }

    /// An item on one of the trip's first days (June has no change of clocks in these zones).
    fn item() -> impl Strategy<Value = ItemInput> {
        (
            one_of(ItemKind::ALL),
            required(80),
            (0_u32..6, 0_u32..23, 0_u32..60, 0_u32..60, one_of(&ZONES)),
            (text(60), text(120), text(200), text(200)),
        )
            .prop_map(
                |(kind, title, (day, hour, minute, length, zone), (place, address, public, internal))| {
                    let start = format!("2026-06-{:02}T{hour:02}:{minute:02}", 20 + day);
                    let end = format!(
                        "2026-06-{:02}T{:02}:{:02}",
                        20 + day,
                        hour + (minute + length) / 60,
                        (minute + length) % 60
                    );
                    let mut input = ItemInput::new(kind, &title, (&start, zone), (&end, zone));
                    input.place = place;
                    input.address = address;
                    input.notes_participants = public;
                    input.notes_internal = internal;
                    input
                },
            )
    }

    fn member() -> impl Strategy<Value = MemberInput> {
        (
            ("[A-Z][a-zäöüß]{1,12} [A-Z][a-z]{1,12}", text(20), text(60), text(60), "[A-Za-z/ ]{0,12}"),
            (
                proptest::option::of(one_of(MemberRole::ALL)),
                "([a-z]{1,8}@example\\.org)?",
                "(\\+49 [0-9]{3} [0-9]{4,8})?",
            ),
            (text(100), text(100), "[A-Z0-9]{0,9}", "(19[5-9][0-9]-0[1-9]-1[0-9])?", text(20)),
        )
            .prop_map(|(names, contact, papers)| {
                let (name_latin, name_original, function_title, organisation, party) = names;
                let (role, email, phone) = contact;
                let (dietary, accessibility, passport_number, date_of_birth, visa_status) = papers;
                MemberInput {
                    person_id: None,
                    name_latin,
                    name_original,
                    function_title,
                    organisation,
                    party,
                    role,
                    email,
                    phone,
                    dietary,
                    accessibility,
                    passport_number,
                    date_of_birth,
                    visa_status,
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

        #[test]
        fn any_trip_survives_export_and_import_unchanged(
            trip in trip(),
            items in proptest::collection::vec(item(), 0..6),
            members in proptest::collection::vec(member(), 0..5),
        ) {
            let source = open_in_memory().unwrap();
            let trip = create_trip(&source, &trip).unwrap();
            for item in &items {
                add_item(&source, &trip.id, item).unwrap();
            }
            for (index, member) in members.iter().enumerate() {
                // Two members of one delegation have two names.
                let named = MemberInput { name_latin: format!("{} {index}", member.name_latin), ..member.clone() };
                add_member(&source, &trip.id, &named).unwrap();
            }
            let first = export(&source, &trip.id);
            let target = open_in_memory().unwrap();
            import_into(&target, &first);
            prop_assert_eq!(String::from_utf8(export(&target, &trip.id)).unwrap(), String::from_utf8(first.clone()).unwrap());
            let once = dump(&target);
            let again = import_into(&target, &first);
            prop_assert_eq!((again.added, again.updated), (0, 0));
            prop_assert!(dump(&target) == once, "importing the same bundle again changes nothing");
        }
    }
}
