//! The command line of the real binary, on a real database file.

use std::path::Path;
use std::process::{Command, Output};

fn partnerdesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARTNERDESK_DB")
        .output()
        .expect("the binary runs")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn demo_then_list_trips_items_and_members_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let loaded = partnerdesk(&db, &["demo"]);
    assert!(loaded.status.success());
    assert!(String::from_utf8_lossy(&loaded.stdout).contains("5 trips"));

    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"]));
    let trips = trips.as_array().unwrap();
    assert_eq!(trips.len(), 5);
    let jinhua =
        trips.iter().find(|t| t["title"] == "Delegationsreise des Kreises Düren in die Städteregion Jinhua").unwrap();
    let id = jinhua["id"].as_str().unwrap();

    let items = json(&partnerdesk(&db, &["list", "items", "--trip", id, "--json"]));
    let first = &items.as_array().unwrap()[0];
    assert_eq!(first["kind"], "flight");
    assert_eq!(first["start"]["zone"], "Europe/Berlin");
    assert_eq!(first["end"]["zone"], "Asia/Shanghai");
    assert!(first["id"].as_str().is_some());

    let members = json(&partnerdesk(&db, &["list", "members", "--trip", id, "--json"]));
    let members = members.as_array().unwrap();
    assert_eq!(members[0]["name_latin"], "Wolfgang Spelthahn");
    assert_eq!(members.len(), 8);
    assert!(!String::from_utf8_lossy(&partnerdesk(&db, &["list", "members", "--trip", id, "--json"]).stdout)
        .contains("passport"));
}

#[test]
fn the_register_lists_people_organisations_and_signed_agreements() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());

    let people = json(&partnerdesk(&db, &["list", "people", "--json"]));
    let zhu = people.as_array().unwrap().iter().find(|p| p["name_original"] == "朱重烈").unwrap();
    assert_eq!((zhu["transliteration"].as_str(), zhu["side"].as_str()), (Some("Zhu Chonglie"), Some("partner")));
    assert!(zhu["id"].as_str().is_some());

    let organisations = json(&partnerdesk(&db, &["list", "organisations", "--json"]));
    assert!(organisations
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["name"] == "Stadtregierung Jinhua" && o["kind"] == "city_hall"));

    let agreements = json(&partnerdesk(&db, &["list", "agreements", "--json"]));
    let memorandum = agreements.as_array().unwrap().iter().find(|a| a["signed_on"] == "2026-06-16").unwrap();
    let signatories: Vec<&str> =
        memorandum["signatories"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(signatories, ["Bürgermeister Frank Peter Ullrich", "Parteisekretär Zhu Chonglie (朱重烈)"]);
}

#[test]
fn the_gifts_register_lists_per_trip_and_per_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"]));
    let jinhua =
        trips.as_array().unwrap().iter().find(|t| t["title"].as_str().unwrap().contains("Städteregion Jinhua"));
    let id = jinhua.unwrap()["id"].as_str().unwrap();

    let gifts = json(&partnerdesk(&db, &["list", "gifts", "--trip", id, "--json"]));
    let gifts = gifts.as_array().unwrap();
    assert_eq!(gifts.len(), 4);
    let plate = gifts.iter().find(|g| g["description"].as_str().unwrap().starts_with("Porzellanteller")).unwrap();
    assert_eq!((plate["direction"].as_str(), plate["given_on"].as_str()), (Some("given"), Some("2026-10-23")));
    assert_eq!((plate["value_minor"].as_i64(), plate["currency"].as_str()), (Some(18_000), Some("EUR")));
    assert_eq!(plate["giver"]["label"], "Landrat Wolfgang Spelthahn");
    assert_eq!(plate["recipient"]["label"], "Parteisekretär Zhu Chonglie (朱重烈)");

    assert_eq!(json(&partnerdesk(&db, &["list", "gifts", "--year", "2026", "--json"])).as_array().unwrap().len(), 8);
    assert!(json(&partnerdesk(&db, &["list", "gifts", "--year", "2025", "--json"])).as_array().unwrap().is_empty());
    let text = String::from_utf8(partnerdesk(&db, &["list", "gifts", "--trip", id]).stdout).unwrap();
    assert!(text.lines().any(|line| line.contains("2026-10-23\tgiven\t180.00 EUR\tPorzellanteller")), "{text}");
}

#[test]
fn the_seed_projects_are_listed_with_what_serves_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let projects = json(&partnerdesk(&db, &["list", "projects", "--json"]));
    let titles: Vec<&str> = projects.as_array().unwrap().iter().map(|p| p["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Fotoausstellung „Stadt und Kreis Düren“ in Jinhua",
            "China-Kompetenz-Zentrum Herne",
            "Schüleraustausch Kreis Düren – Jinhua"
        ],
        "running first, the newer start before the older"
    );
    let centre = &projects[1];
    let carriers: Vec<&str> = centre["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["role"] == "carrier")
        .map(|p| p["who"]["label"].as_str().unwrap())
        .collect();
    assert_eq!(carriers, ["Wirtschaftsförderungsgesellschaft Herne", "IHK Mittleres Ruhrgebiet", "Hochschule Bochum"]);
    assert_eq!(centre["agreements"][0]["label"], "Städtepartnerschaftsvertrag Herne – Luzhou");
    let exhibition = &projects[0];
    assert_eq!(exhibition["partnerships"].as_array().unwrap().len(), 2);
    assert_eq!(exhibition["open_tasks"], 2, "the photos to bring back and the exhibition to show again");
    assert_eq!(exhibition["trips"][0]["label"], "Delegationsreise des Kreises Düren in die Städteregion Jinhua");
    assert!(exhibition["outcomes"][0]["label"].as_str().unwrap().starts_with("Kunst- und Kulturaustausch"));
    let tasks = json(&partnerdesk(&db, &["list", "tasks", "--json"]));
    let photos =
        tasks.as_array().unwrap().iter().find(|t| t["title"].as_str().unwrap().starts_with("Die 50 Fotos")).unwrap();
    assert_eq!(photos["project"]["id"], exhibition["id"]);
    let text = String::from_utf8(partnerdesk(&db, &["list", "projects"]).stdout).unwrap();
    assert!(text.lines().any(|line| line.ends_with("\tplanned\tSchüleraustausch Kreis Düren – Jinhua")), "{text}");
}

#[test]
fn tasks_are_listed_with_their_links() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let tasks = json(&partnerdesk(&db, &["list", "tasks", "--json"]));
    let tasks = tasks.as_array().unwrap();
    assert_eq!(tasks.len(), 9);
    let exchange =
        tasks.iter().find(|t| t["title"].as_str().unwrap().starts_with("Austausch von Studierenden")).unwrap();
    assert!(exchange["id"].is_string());
    assert_eq!(exchange["trip"]["label"], "Delegationsreise des Kreises Düren in die Städteregion Jinhua");
    assert_eq!(exchange["item"]["label"], "Arbeitsgespräch: nächste Schritte der Kooperation");
    assert_eq!(exchange["partnership"]["label"], "Kreis Düren – Jinhua (Städteregion)");
    assert_eq!(exchange["theme"]["label"], "Bildung und Wissenschaft");
    assert_eq!(exchange["people"][0]["label"], "Parteisekretär Zhu Chonglie (朱重烈)");
    assert_eq!(exchange["owner"]["label"], "Protokoll Thomas Becker");

    let trip = exchange["trip"]["id"].as_str().unwrap();
    let of_trip = json(&partnerdesk(&db, &["list", "tasks", "--trip", trip, "--view", "open", "--json"]));
    assert_eq!(of_trip.as_array().unwrap().len(), 4);
    let closed = json(&partnerdesk(&db, &["list", "tasks", "--view", "closed", "--json"]));
    assert_eq!(closed[0]["title"], "Dankschreiben an Parteisekretär Zhu Chonglie");

    let bad_view = partnerdesk(&db, &["list", "tasks", "--view", "someday"]);
    assert_eq!(bad_view.status.code(), Some(2));
    let reason = String::from_utf8_lossy(&bad_view.stderr);
    assert!(reason.contains("open, overdue, this_week, closed, all"), "{reason}");
}

#[test]
fn the_public_gifts_list_is_written_as_pdf_or_workbook_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let pdf = dir.path().join("Geschenke 2012.pdf");
    assert!(partnerdesk(&db, &["export", "gifts", "--year", "2012", "--out", pdf.to_str().unwrap()]).status.success());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let workbook = dir.path().join("Geschenke 2026.xlsx");
    assert!(partnerdesk(&db, &["export", "gifts", "--year", "2026", "--out", workbook.to_str().unwrap()])
        .status
        .success());
    assert!(std::fs::read(&workbook).unwrap().starts_with(b"PK"));
    let text = dir.path().join("Geschenke.txt");
    let refused = partnerdesk(&db, &["export", "gifts", "--year", "2026", "--out", text.to_str().unwrap()]);
    assert!(!refused.status.success() && !text.exists());
    assert!(String::from_utf8(refused.stderr).unwrap().contains("written as .xlsx or .pdf"));
}

#[test]
fn a_trips_costs_are_listed_with_euro_amounts_and_rates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let id = jinhua_trip_id(&db);
    let lines = json(&partnerdesk(&db, &["list", "costs", "--trip", &id, "--json"]));
    let lines = lines.as_array().unwrap();
    assert_eq!(lines.len(), 9);
    let hotel = lines.iter().find(|l| l["description"].as_str().unwrap().starts_with("Hotel in Jinhua")).unwrap();
    assert_eq!((hotel["currency"].as_str(), hotel["planned_minor"].as_i64()), (Some("CNY"), Some(3_360_000)));
    assert_eq!((hotel["per_euro"].as_str(), hotel["planned_cents"].as_i64()), (Some("7.7215"), Some(435_149)));
    let text = String::from_utf8(partnerdesk(&db, &["list", "costs", "--trip", &id]).stdout).unwrap();
    assert!(
        text.contains(
            "hotel\tpartner\tplanned 33600.00 CNY (4351.49 EUR)\tactual 33600.00 CNY (4351.49 EUR)\trate 7.7215"
        ),
        "{text}"
    );
    let overview = dir.path().join("kosten.pdf");
    let written =
        partnerdesk(&db, &["export", "trip", &id, "--format", "costs_pdf", "--out", overview.to_str().unwrap()]);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    assert!(std::fs::read(&overview).unwrap().starts_with(b"%PDF"));
    let unknown = partnerdesk(&db, &["list", "costs", "--trip", "no-such-trip"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8(unknown.stderr).unwrap().contains("trip no-such-trip not found"));
}

#[test]
fn registrations_are_listed_imported_from_a_form_and_exported_for_the_travel_agency() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"]));
    let trip = trips.as_array().unwrap().iter().find(|t| t["title"].as_str().unwrap().starts_with("Unternehmerreise"));
    let id = trip.unwrap()["id"].as_str().unwrap().to_string();

    let list = json(&partnerdesk(&db, &["list", "registrations", "--trip", &id, "--json"]));
    let statuses: Vec<_> = list.as_array().unwrap().iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["confirmed", "registered", "registered", "invited"]);
    let text = String::from_utf8(partnerdesk(&db, &["list", "registrations", "--trip", &id]).stdout).unwrap();
    assert!(
        text.contains(
            "\tregistered\tMiriam OSTHEIMER\tBarbarossa Logistik GmbH & Co. KG\tLeiterin Einkauf\t1200.00 EUR"
        ),
        "{text}"
    );

    let form = dir.path().join("anmeldungen.csv");
    std::fs::write(
        &form,
        "Zeitstempel;Name laut Reisepass;Firma;Funktion\n03.02.2027;Lena FISCHER;Pfalzwerke AG;Prokuristin\n",
    )
    .unwrap();
    let imported = partnerdesk(&db, &["import", form.to_str().unwrap(), "--trip", &id, "--registrations"]);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let list = json(&partnerdesk(&db, &["list", "registrations", "--trip", &id, "--json"]));
    assert!(list.as_array().unwrap().iter().any(|r| r["name_latin"] == "Lena FISCHER" && r["status"] == "registered"));

    let out = dir.path().join("teilnehmende.xlsx");
    let exported =
        partnerdesk(&db, &["export", "trip", &id, "--format", "registrations", "--out", out.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let mut workbook = calamine::open_workbook_auto(&out).unwrap();
    use calamine::Reader;
    let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
    let names: Vec<String> = sheet.rows().skip(3).map(|row| row[1].to_string()).collect();
    assert_eq!(names.len(), 4, "confirmed and registered, not the invited university: {names:?}");
    assert!(names.contains(&"Dr. Katrin HAUCK".to_string()) && names.contains(&"Lena FISCHER".to_string()));
}

#[test]
fn an_import_with_a_text_over_its_limit_names_line_and_column_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let id = jinhua_trip_id(&db);
    let members =
        |db: &Path| json(&partnerdesk(db, &["list", "members", "--trip", &id, "--json"])).as_array().unwrap().len();
    let before = members(&db);
    let list = dir.path().join("delegation.csv");
    let party = "Partei für Arbeit, Rechtsstaat, Tierschutz, Elitenförderung und basisdemokratische Initiative";
    std::fs::write(&list, format!("Name;Partei\nAnna Schmidt;SPD\nBernd Braun;{party}\n")).unwrap();
    let refused = partnerdesk(&db, &["import", list.to_str().unwrap(), "--trip", &id]);
    assert!(!refused.status.success());
    let reason = String::from_utf8_lossy(&refused.stderr);
    assert!(reason.contains("line 3") && reason.contains("party") && reason.contains("60 characters"), "{reason}");
    assert_eq!(members(&db), before, "nothing imported");
    let skipped = partnerdesk(&db, &["import", list.to_str().unwrap(), "--trip", &id, "--skip-bad-rows"]);
    assert!(skipped.status.success(), "{}", String::from_utf8_lossy(&skipped.stderr));
    assert_eq!(members(&db), before + 1);
}

#[test]
fn the_annual_report_is_written_as_archival_pdf_and_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let pdf = dir.path().join("bericht.pdf");
    let written = partnerdesk(&db, &["report", "--year", "2026", "--out", pdf.to_str().unwrap()]);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let xlsx = dir.path().join("bericht.xlsx");
    let args = ["report", "--year", "2026", "--format", "xlsx", "--lang", "en", "--out", xlsx.to_str().unwrap()];
    assert!(partnerdesk(&db, &args).status.success());
    use calamine::Reader;
    let workbook = calamine::open_workbook_auto(&xlsx).unwrap();
    assert_eq!(workbook.sheet_names()[0], "Overview");
    let refused = partnerdesk(&db, &["report", "--year", "1700", "--out", pdf.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("between 1900 and 2999"));
}

fn jinhua_trip_id(db: &Path) -> String {
    let trips = json(&partnerdesk(db, &["list", "trips", "--json"]));
    let trip = trips
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"].as_str().unwrap().contains("Städteregion Jinhua"))
        .unwrap();
    trip["id"].as_str().unwrap().to_string()
}

#[test]
fn a_trip_is_exported_as_a_calendar_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let id = &jinhua_trip_id(&db);
    let out = dir.path().join("programm.ics");
    let written = partnerdesk(&db, &["export", "trip", id, "--format", "ics", "--out", out.to_str().unwrap()]);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 19);
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai") && text.contains("TZID:Europe/Berlin"));

    let members = json(&partnerdesk(&db, &["list", "members", "--trip", id, "--json"]));
    let landrat = members[0]["id"].as_str().unwrap();
    let own = dir.path().join("landrat.ics");
    let args = ["export", "trip", id, "--format", "ics", "--member", landrat, "--out", own.to_str().unwrap()];
    assert!(partnerdesk(&db, &args).status.success());
    assert!(std::fs::read_to_string(&own).unwrap().matches("BEGIN:VEVENT").count() <= 19);

    let nowhere = dir.path().join("missing/programm.ics");
    let failed = partnerdesk(&db, &["export", "trip", id, "--format", "ics", "--out", nowhere.to_str().unwrap()]);
    assert_ne!(failed.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&failed.stderr).lines().count(), 1);
    let unknown =
        partnerdesk(&db, &["export", "trip", "no-such-trip", "--format", "ics", "--out", out.to_str().unwrap()]);
    assert_ne!(unknown.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text, "a failed export leaves the file as it was");
}

#[test]
fn a_calendar_file_is_previewed_then_imported_into_a_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let id = jinhua_trip_id(&db);
    let file = dir.path().join("buchung.ics");
    std::fs::write(
        &file,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:rail-1\r\nSUMMARY:Zug nach Yiwu\r\n\
         DTSTART;TZID=China Standard Time:20261024T081500\r\nDTEND;TZID=China Standard Time:20261024T083500\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let count =
        |db: &Path| json(&partnerdesk(db, &["list", "items", "--trip", &id, "--json"])).as_array().unwrap().len();
    let before = count(&db);

    let dry = partnerdesk(&db, &["import", file, "--trip", &id, "--dry-run"]);
    assert!(dry.status.success(), "{}", String::from_utf8_lossy(&dry.stderr));
    let preview = String::from_utf8_lossy(&dry.stdout);
    assert!(preview.contains("1 to add") && preview.contains("+ item Zug nach Yiwu"), "{preview}");
    assert_eq!(count(&db), before, "a dry run changes nothing");

    let done = partnerdesk(&db, &["import", file, "--trip", &id]);
    assert!(String::from_utf8_lossy(&done.stdout).contains("1 added"));
    assert_eq!(count(&db), before + 1);
    let again = partnerdesk(&db, &["import", file, "--trip", &id]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 added, 0 updated, 1 unchanged"));

    let without_trip = partnerdesk(&db, &["import", file]);
    assert_ne!(without_trip.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&without_trip.stderr).lines().count(), 1);
    let picture = dir.path().join("foto.ics");
    std::fs::write(&picture, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let refused = partnerdesk(&db, &["import", picture.to_str().unwrap(), "--trip", &id]);
    assert_ne!(refused.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("cannot read this file"));
    assert_eq!(count(&db), before + 1);
}

#[test]
fn a_trip_bundle_moves_a_trip_to_another_office_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office.sqlite");
    let colleague = dir.path().join("colleague.sqlite");
    assert!(partnerdesk(&office, &["demo"]).status.success());
    let id = jinhua_trip_id(&office);
    let first = dir.path().join("reise.json");
    let second = dir.path().join("reise-zurueck.json");
    let export = |db: &Path, out: &Path| {
        let written = partnerdesk(db, &["export", "trip", &id, "--format", "bundle", "--out", out.to_str().unwrap()]);
        assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    };
    export(&office, &first);
    let imported = partnerdesk(&colleague, &["import", first.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    export(&colleague, &second);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), std::fs::read_to_string(&second).unwrap());
    let again = partnerdesk(&colleague, &["import", first.to_str().unwrap(), "--dry-run"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains(" 0 to add, 0 to update"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}

#[test]
fn the_database_path_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.sqlite");
    let output = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .args(["list", "trips", "--json"])
        .env("PARTNERDESK_DB", &db)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "[]");
    assert!(db.exists());
}

#[test]
fn failures_exit_non_zero_with_a_one_line_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let unknown = partnerdesk(&db, &["list", "items", "--trip", "no-such-trip", "--json"]);
    assert!(!unknown.status.success());
    let reason = String::from_utf8_lossy(&unknown.stderr);
    assert_eq!(reason.trim(), "partnerdesk: trip no-such-trip not found");

    let future = dir.path().join("future.sqlite");
    rusqlite::Connection::open(&future).unwrap().execute_batch("PRAGMA user_version = 42;").unwrap();
    let refused = partnerdesk(&future, &["list", "trips"]);
    assert!(!refused.status.success());
    let reason = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(reason.lines().count(), 1);
    assert!(reason.contains("newer Partnerdesk (schema version 42"), "{reason}");
}

#[test]
fn usage_errors_are_one_line_too() {
    let dir = tempfile::tempdir().unwrap();
    let output = partnerdesk(&dir.path().join("office.sqlite"), &["list", "items", "--json"]);
    assert_eq!(output.status.code(), Some(2));
    let reason = String::from_utf8_lossy(&output.stderr);
    assert_eq!(reason.lines().count(), 1, "{reason}");
    assert!(reason.contains("--trip"), "{reason}");
}

#[test]
fn backup_then_restore_into_another_office_keeping_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office.sqlite");
    assert!(partnerdesk(&office, &["demo"]).status.success());
    let saved = dir.path().join("saved.sqlite");
    let written = partnerdesk(&office, &["backup", "--out", saved.to_str().unwrap()]);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));

    let other = dir.path().join("other/office.sqlite");
    assert_eq!(json(&partnerdesk(&other, &["list", "trips", "--json"])).as_array().unwrap().len(), 0);
    let preview = partnerdesk(&other, &["restore", saved.to_str().unwrap(), "--dry-run"]);
    let printed = String::from_utf8_lossy(&preview.stdout);
    assert!(printed.starts_with("saved.sqlite (") && printed.contains(": 5 trips,"), "{printed}");
    assert!(printed.contains("Dry run: nothing changed."), "{printed}");
    assert_eq!(json(&partnerdesk(&other, &["list", "trips", "--json"])).as_array().unwrap().len(), 0);

    let restored = partnerdesk(&other, &["restore", saved.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", String::from_utf8_lossy(&restored.stderr));
    assert!(String::from_utf8_lossy(&restored.stdout).contains("partnerdesk-before-restore-"));
    assert_eq!(json(&partnerdesk(&other, &["list", "trips", "--json"])).as_array().unwrap().len(), 5);
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("other/backups")).unwrap().collect();
    assert_eq!(kept.len(), 1, "the empty database it replaced is kept");

    let notes = dir.path().join("notes.sqlite");
    std::fs::write(&notes, "Gastgeschenke Jinhua\n".repeat(100)).unwrap();
    let refused = partnerdesk(&other, &["restore", notes.to_str().unwrap()]);
    assert!(!refused.status.success());
    let reason = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(reason.lines().count(), 1, "{reason}");
    assert!(reason.contains("is not a Partnerdesk database"), "{reason}");
    assert_eq!(json(&partnerdesk(&other, &["list", "trips", "--json"])).as_array().unwrap().len(), 5);
}

#[test]
fn privacy_erase_due_lists_first_and_erases_travel_documents_of_old_trips() {
    use partnerdesk_core::delegation::{get_member, update_member, MemberInput};
    use partnerdesk_core::settings::{get_settings, update_settings, Settings};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"]));
    let jinhua = trips.as_array().unwrap().iter().find(|t| t["end_date"] == "2026-10-27").unwrap()["id"].clone();
    let jinhua = jinhua.as_str().unwrap();
    let members = json(&partnerdesk(&db, &["list", "members", "--trip", jinhua, "--json"]));
    let head = members[0]["id"].as_str().unwrap().to_string();
    let keep_for_days = |days: Option<i64>| {
        let conn = partnerdesk_core::store::open(&db).unwrap();
        let settings = get_settings(&conn).unwrap();
        update_settings(&conn, &Settings { erase_travel_documents_after_days: days, ..settings }).unwrap();
    };
    {
        let conn = partnerdesk_core::store::open(&db).unwrap();
        let member = get_member(&conn, &head).unwrap().member;
        let with_passport = MemberInput {
            name_latin: member.name_latin,
            passport_number: "C01X00T47".into(),
            ..MemberInput::default()
        };
        update_member(&conn, &head, &with_passport).unwrap();
    }
    keep_for_days(None);
    let kept = partnerdesk(&db, &["privacy", "erase-due"]);
    assert_eq!(String::from_utf8_lossy(&kept.stdout), "Erased the travel documents of 0 members.\n");

    keep_for_days(Some(30));
    let dry = partnerdesk(&db, &["privacy", "erase-due", "--dry-run"]);
    let printed = String::from_utf8_lossy(&dry.stdout);
    let line = printed.lines().find(|line| line.starts_with(jinhua)).unwrap_or_else(|| panic!("{printed}"));
    assert!(line.contains("\t2026-10-27\t2 members\tDelegationsreise"), "passport and dietary note: {line}");
    assert!(printed.ends_with("Dry run: nothing erased.\n"), "{printed}");
    let read_passport = || get_member(&partnerdesk_core::store::open(&db).unwrap(), &head).unwrap().passport_number;
    assert_eq!(read_passport(), "C01X00T47");

    let erased = partnerdesk(&db, &["privacy", "erase-due"]);
    assert!(erased.status.success(), "{}", String::from_utf8_lossy(&erased.stderr));
    assert!(String::from_utf8_lossy(&erased.stdout).contains("Erased the travel documents of "));
    assert_eq!(read_passport(), "");
    let members = json(&partnerdesk(&db, &["list", "members", "--trip", jinhua, "--json"]));
    assert_eq!(members.as_array().unwrap().len(), 8, "the delegation stays");
    assert!(members.as_array().unwrap().iter().all(|m| m["dietary"] == ""));
    let again = partnerdesk(&db, &["privacy", "erase-due", "--dry-run"]);
    assert!(!String::from_utf8_lossy(&again.stdout).contains(jinhua));
}

#[test]
fn an_encrypted_database_opens_with_the_passphrase_from_the_named_environment_variable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let passphrase = partnerdesk_core::store::encryption::Passphrase::new("Kreis Düren Jinhua");
    partnerdesk_core::store::encryption::rekey(&db, None, Some(&passphrase)).unwrap();
    let with_key = |variable: &str, value: &str, args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
            .arg("--db")
            .arg(&db)
            .args(["--passphrase-env", variable])
            .args(args)
            .env_remove("PARTNERDESK_DB")
            .env(variable, value)
            .output()
            .expect("the binary runs")
    };

    let trips = json(&with_key("PD_KEY", "Kreis Düren Jinhua", &["list", "trips", "--json"]));
    assert_eq!(trips.as_array().unwrap().len(), 5);

    let wrong = with_key("PD_KEY", "Kreis Düren Jinhub", &["list", "trips"]);
    let reason = String::from_utf8_lossy(&wrong.stderr);
    assert!(!wrong.status.success());
    assert_eq!(reason, "partnerdesk: passphrase: the passphrase does not open this database\n");

    let without = partnerdesk(&db, &["list", "trips"]);
    assert!(!without.status.success());
    assert!(String::from_utf8_lossy(&without.stderr).contains("this database is encrypted"));

    let saved = dir.path().join("saved.sqlite");
    assert!(with_key("PD_KEY", "Kreis Düren Jinhua", &["backup", "--out", saved.to_str().unwrap()]).status.success());
    let summary = with_key("PD_KEY", "Kreis Düren Jinhua", &["restore", saved.to_str().unwrap(), "--dry-run"]);
    assert!(
        String::from_utf8_lossy(&summary.stdout).contains("Dry run"),
        "{}",
        String::from_utf8_lossy(&summary.stderr)
    );
    assert!(!partnerdesk(&saved, &["list", "trips"]).status.success(), "the backup is encrypted too");
}

fn partnerdesk_with_key(db: &Path, key: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARTNERDESK_DB")
        .env("OFFICE_KEY", key)
        .output()
        .expect("the binary runs")
}

#[test]
fn two_laptops_share_through_a_folder_and_a_wrong_key_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Nextcloud");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.to_str().unwrap();
    let (a, b, c) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"), dir.path().join("c.sqlite"));
    let key = "Partnerschaft Jinhua 2026";
    assert!(partnerdesk(&a, &["demo"]).status.success());

    let sent = json(&partnerdesk_with_key(
        &a,
        key,
        &["sync", "--folder", folder, "--key-env", "OFFICE_KEY", "--name", "A", "--json"],
    ));
    assert!(sent["sent"].as_u64().unwrap() > 100, "{sent}");
    assert_eq!((sent["applied"].as_u64(), sent["conflicts"].as_u64()), (Some(0), Some(0)));

    let joined = json(&partnerdesk_with_key(
        &b,
        key,
        &["sync", "join", "--folder", folder, "--key-env", "OFFICE_KEY", "--json"],
    ));
    assert_eq!(joined["applied"], sent["sent"]);
    assert_eq!(
        json(&partnerdesk(&b, &["list", "trips", "--json"])),
        json(&partnerdesk(&a, &["list", "trips", "--json"]))
    );
    assert_eq!(json(&partnerdesk(&b, &["list", "conflicts", "--json"])), serde_json::json!([]));

    let refused = partnerdesk_with_key(
        &c,
        "nicht der Büroschlüssel",
        &["sync", "join", "--folder", folder, "--key-env", "OFFICE_KEY"],
    );
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("not the office key"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(json(&partnerdesk(&c, &["list", "trips", "--json"])), serde_json::json!([]));

    let again = json(&partnerdesk(&a, &["sync", "--json"]));
    assert_eq!((again["sent"].as_u64(), again["applied"].as_u64()), (Some(0), Some(0)), "nothing new either way");

    let tidied = json(&partnerdesk(&a, &["sync", "compact", "--json"]));
    assert_eq!(tidied["snapshot_written"], true, "{tidied}");
    assert_eq!((tidied["removed"].as_u64(), tidied["kept"].as_u64()), (Some(1), Some(0)), "B has A's file: {tidied}");
    let d = dir.path().join("d.sqlite");
    let joined = json(&partnerdesk_with_key(
        &d,
        key,
        &["sync", "join", "--folder", folder, "--key-env", "OFFICE_KEY", "--json"],
    ));
    assert_eq!(joined["applied"], sent["sent"], "D starts from the snapshot");
    assert_eq!(
        json(&partnerdesk(&d, &["list", "trips", "--json"])),
        json(&partnerdesk(&a, &["list", "trips", "--json"]))
    );
}

#[test]
fn a_partner_office_gets_the_trip_shared_with_it_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let between = dir.path().join("Stadt und Kreis");
    std::fs::create_dir(&between).unwrap();
    let between = between.to_str().unwrap();
    let (stadt, kreis) = (dir.path().join("stadt.sqlite"), dir.path().join("kreis.sqlite"));
    let key = "Stadt und Kreis Düren";
    assert!(partnerdesk(&stadt, &["demo"]).status.success());
    let trips = json(&partnerdesk(&stadt, &["list", "trips", "--json"]));
    let trip = trips.as_array().unwrap()[0].clone();
    let link = |db: &Path, name: &str, ours: &str| {
        json(&partnerdesk_with_key(
            db,
            key,
            &[
                "partner-office",
                "link",
                "--name",
                name,
                "--folder",
                between,
                "--key-env",
                "OFFICE_KEY",
                "--as",
                ours,
                "--json",
            ],
        ))
    };
    let kreis_office = link(&stadt, "Kreis Düren", "Stadt Düren");
    link(&kreis, "Stadt Düren", "Kreis Düren");
    let shared = partnerdesk(
        &stadt,
        &["partner-office", "share", kreis_office["id"].as_str().unwrap(), "--trip", trip["id"].as_str().unwrap()],
    );
    assert!(shared.status.success(), "{}", String::from_utf8_lossy(&shared.stderr));
    let listed = json(&partnerdesk(&stadt, &["partner-office", "list", "--json"]));
    assert_eq!(listed[0]["trips"], 1);

    let sent = json(&partnerdesk(&stadt, &["sync", "--json"]));
    assert!(sent["sent"].as_u64().unwrap() > 0, "{sent}");
    json(&partnerdesk(&kreis, &["sync", "--json"]));
    let received = json(&partnerdesk(&kreis, &["list", "trips", "--json"]));
    assert_eq!(received.as_array().unwrap().len(), 1, "{received}");
    assert_eq!(received[0]["title"], trip["title"]);

    let neither = partnerdesk(&stadt, &["partner-office", "share", kreis_office["id"].as_str().unwrap()]);
    assert!(!neither.status.success(), "a trip or a partnership must be named");
}

#[test]
fn an_office_of_some_years_is_written_from_a_seed_into_an_empty_database_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let office = json(&partnerdesk(&db, &["demo", "--office-years", "1", "--seed", "42", "--json"]));
    assert_eq!(office["trips"], 100, "{office}");
    assert_eq!(office["items"], 2000, "{office}");
    assert_eq!(json(&partnerdesk(&db, &["list", "trips", "--json"])).as_array().unwrap().len(), 100);
    let again = partnerdesk(&db, &["demo", "--office-years", "1"]);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("holds records already"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn search_finds_in_any_script_and_prints_the_hits_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let by_characters = json(&partnerdesk(&db, &["search", "金华", "--kind", "organisation", "--json"]));
    let by_pinyin = json(&partnerdesk(&db, &["search", "jinhua", "--kind", "organisation", "--json"]));
    assert!(!by_characters.as_array().unwrap().is_empty(), "{by_characters}");
    let found =
        |hits: &serde_json::Value, id: &serde_json::Value| hits.as_array().unwrap().iter().any(|hit| hit["id"] == *id);
    assert!(found(&by_pinyin, &by_characters[0]["id"]), "the same organisation by pinyin");
    for field in ["kind", "id", "title", "context", "matched"] {
        assert!(by_characters[0][field].is_string(), "{field} in {}", by_characters[0]);
    }
    let umlauts = json(&partnerdesk(&db, &["search", "Dueren", "--kind", "trip", "--json"]));
    assert!(
        umlauts.as_array().unwrap().iter().any(|hit| hit["title"].as_str().unwrap().contains("Düren")),
        "{umlauts}"
    );
    let wrong = partnerdesk(&db, &["search", "x", "--kind", "planet"]);
    assert!(!wrong.status.success());
}

#[test]
fn an_export_names_each_text_without_its_translation_on_stderr_and_is_written_all_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"]).status.success());
    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"]));
    let yangzhou =
        trips.as_array().unwrap().iter().find(|t| t["title"].as_str().unwrap().contains("Yangzhou")).unwrap();
    let id = yangzhou["id"].as_str().unwrap();
    let out = dir.path().join("programm.pdf");
    let args = ["export", "trip", id, "--format", "pdf", "--lang", "zh", "--out", out.to_str().unwrap()];
    let written = partnerdesk(&db, &args);
    assert!(written.status.success(), "{}", String::from_utf8_lossy(&written.stderr));
    let named: Vec<String> = String::from_utf8_lossy(&written.stderr).lines().map(String::from).collect();
    assert_eq!(
        named,
        [
            "no translation: the trip Delegation aus Yangzhou in der Wirtschaftsregion Kaiserslautern (title, purpose)",
            "no translation: 2026-07-08 10:00 Begrüßung und Unterzeichnung des Memorandums (title, place, address)",
            "no translation: 2026-07-08 14:00 Besuch von Start-ups und Forschungseinrichtungen (title, place)",
        ]
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let jinhua = &jinhua_trip_id(&db);
    let args = ["export", "trip", jinhua, "--format", "html", "--lang", "de+zh", "--out", out.to_str().unwrap()];
    let translated = partnerdesk(&db, &args);
    assert!(
        translated.status.success() && translated.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&translated.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("参观浙江师范大学") && html.contains("Besuch der Zhejiang Normal University"));

    let args = ["export", "trip", jinhua, "--format", "pdf", "--lang", "de+xx", "--out", out.to_str().unwrap()];
    let refused = partnerdesk(&db, &args);
    assert_ne!(refused.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("\"xx\" is no second language"));
}
