//! The costs workbook opened by a real office suite: LibreOffice (headless, told to recalculate
//! every formula on loading) writes each sheet as CSV, and its sums are Partnerdesk's to the
//! cent — per bearer, per category and in all.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn partnerdesk(db: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARTNERDESK_DB")
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    output
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

/// A LibreOffice profile that recalculates OOXML formulas on loading instead of trusting the
/// values stored with them.
const RECALCULATE_ON_LOAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

/// Every sheet of `workbook` as LibreOffice writes it to CSV (raw values, UTF-8), by sheet name.
fn sheets_by_libreoffice(dir: &Path, workbook: &Path) -> BTreeMap<String, Vec<Vec<String>>> {
    let profile = dir.join("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(profile.join("user/registrymodifications.xcu"), RECALCULATE_ON_LOAD).unwrap();
    let out = dir.join("csv");
    let converted = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(&out)
        .arg(workbook)
        .output()
        .expect("LibreOffice runs (scripts/setup.sh --for-tests installs libreoffice-calc-nogui)");
    assert!(converted.status.success(), "{}", String::from_utf8_lossy(&converted.stderr));
    let stem = workbook.file_stem().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().trim_start_matches(&format!("{stem}-")).to_string();
            let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(&path).unwrap();
            let rows = reader.records().map(|row| row.unwrap().iter().map(str::to_string).collect()).collect();
            (name, rows)
        })
        .collect()
}

fn cents(text: &str) -> i64 {
    let value: rust_decimal::Decimal = text.parse().unwrap_or_else(|_| panic!("{text:?} is no number"));
    (value * rust_decimal::Decimal::ONE_HUNDRED).try_into().unwrap()
}

#[test]
fn libreoffice_recalculates_the_costs_workbook_to_partnerdesks_sums() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    partnerdesk(&db, &["demo"]);
    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"]));
    let trip =
        trips.as_array().unwrap().iter().find(|t| t["title"].as_str().unwrap().contains("Kreises Düren")).unwrap();
    let id = trip["id"].as_str().unwrap();
    let workbook = dir.path().join("costs.xlsx");
    partnerdesk(&db, &["export", "trip", id, "--format", "costs", "--out", workbook.to_str().unwrap()]);

    let lines = json(&partnerdesk(&db, &["list", "costs", "--trip", id, "--json"]));
    let mut by_bearer: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for line in lines.as_array().unwrap() {
        let sums = by_bearer.entry(line["bearer"].as_str().unwrap().to_string()).or_default();
        sums.0 += line["planned_cents"].as_i64().unwrap_or(0);
        sums.1 += line["actual_cents"].as_i64().unwrap_or(0);
    }
    let total = by_bearer.values().fold((0, 0), |sum, each| (sum.0 + each.0, sum.1 + each.1));

    let sheets = sheets_by_libreoffice(dir.path(), &workbook);
    let names: Vec<&str> = sheets.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["Erstattungen", "Partnerseite", "Sponsoren", "Teilnehmende und Firmen", "Unser Haus", "Übersicht"]
    );
    let owed = &sheets["Erstattungen"];
    let payer_sum = owed.iter().find(|row| row[0] == "Summe Ralf Dick (privat)").unwrap();
    assert_eq!(
        (cents(&payer_sum[3]), cents(&payer_sum[4])),
        by_bearer["participant"],
        "what the participant pays back"
    );
    let overview = &sheets["Übersicht"];
    let row =
        |label: &str| overview.iter().find(|row| row[0] == label).unwrap_or_else(|| panic!("{label}: {overview:?}"));
    for (bearer, sheet) in [
        ("office", "Unser Haus"),
        ("participant", "Teilnehmende und Firmen"),
        ("partner", "Partnerseite"),
        ("sponsor", "Sponsoren"),
    ] {
        assert_eq!((cents(&row(sheet)[1]), cents(&row(sheet)[2])), by_bearer[bearer], "{sheet}");
        let lines = &sheets[sheet];
        let sum = lines.last().unwrap();
        assert_eq!(
            (sum[0].as_str(), cents(&sum[9]), cents(&sum[10])),
            ("Summe", by_bearer[bearer].0, by_bearer[bearer].1)
        );
    }
    let totals: Vec<&Vec<String>> = overview.iter().filter(|row| row[0] == "Summe").collect();
    assert_eq!(totals.len(), 2, "a total under the bearers and one under the categories");
    for sum in totals {
        assert_eq!((cents(&sum[1]), cents(&sum[2])), total);
    }
    let hotel = row("Hotel");
    assert_eq!(cents(&hotel[1]), 435_149 + 11_008, "the hotel in Jinhua and the night in Shanghai, from two sheets");
}
