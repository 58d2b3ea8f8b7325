//! Partnerdesk beside what an office would otherwise run, each pair in one run, the two sides
//! taking turns: the PDF of a 14-day programme in German and Chinese as a whole
//! `partnerdesk export` process against headless Chromium printing Partnerdesk's own HTML export
//! of the same trip, and 10,000 delegation rows from a CSV file against `sqlite3 .import` of the
//! same file. Prints one Markdown table row per pair (median of the runs); `scripts/bench.sh`
//! builds the release binary first and collects the rows into docs/benchmarks.md.
//! Run with `cargo bench --bench peers` (PARTNERDESK_BIN names the binary, RUNS the runs).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use partnerdesk_core::delegation::{add_member, MemberInput};
use partnerdesk_core::export::{trip_file, DocumentLanguage, ExportFormat, ExportOptions};
use partnerdesk_core::programme::{add_item, ItemInput, ItemKind};
use partnerdesk_core::store::open;
use partnerdesk_core::trips::{create_trip, TripInput, TripStatus};
use partnerdesk_core::vocabulary::{Direction, SecondLanguage};

const MEMBERS: usize = 12;
const IMPORTED_ROWS: usize = 10_000;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn millis(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

/// Runs `command` to its end and returns how long it took; a failure ends the bench.
fn timed(command: &mut Command) -> Duration {
    let start = Instant::now();
    let output = command.output().unwrap_or_else(|error| panic!("{command:?}: {error}"));
    let took = start.elapsed();
    assert!(output.status.success(), "{command:?}: {}", String::from_utf8_lossy(&output.stderr));
    took
}

/// One table row: what, ours, the other, how many times faster ours is (or slower), the goal.
fn row(what: &str, ours: Duration, other: Duration, other_name: &str, goal: &str, runs: usize) {
    let ratio = other.as_secs_f64() / ours.as_secs_f64();
    let compared = if ratio >= 1.0 { format!("{ratio:.1}× faster") } else { format!("{:.1}× slower", 1.0 / ratio) };
    println!("| {what} | {} | {other_name}: {} | {compared} | {goal} | {runs} |", millis(ours), millis(other));
}

/// A trip of 14 days to Jinhua with three items a day in German and Chinese and a delegation.
fn fourteen_days(db: &Path) -> String {
    let conn = open(db).expect("the bench database");
    let start = NaiveDate::from_ymd_opt(2027, 4, 12).expect("a date");
    let end = start + Days::new(13);
    let trip = create_trip(
        &conn,
        &TripInput {
            title: "Delegationsreise des Kreises Düren nach Jinhua und Yiwu".into(),
            direction: Direction::Outgoing,
            partner_place: "Jinhua".into(),
            partner_country: "China".into(),
            time_zone: "Asia/Shanghai".into(),
            start_date: start.to_string(),
            end_date: end.to_string(),
            purpose: "Wirtschaft, Berufsbildung und Kultur".into(),
            second_language: Some(SecondLanguage::Zh),
            title_translation: "迪伦县代表团访问金华和义乌".into(),
            purpose_translation: "经济、职业教育与文化".into(),
            status: TripStatus::Confirmed,
            notes: String::new(),
            partnership_id: None,
            theme_ids: Vec::new(),
            further_partnership_ids: Vec::new(),
        },
    )
    .expect("the trip");
    let day_items = [
        ("09:00", "10:30", "Fachgespräch Berufsbildung", "职业教育专题会谈"),
        ("14:00", "16:00", "Besichtigung der Produktion", "参观生产线"),
        ("18:30", "21:00", "Abendessen auf Einladung der Stadtregierung", "市政府欢迎晚宴"),
    ];
    for day in start.iter_days().take(14) {
        for (from, to, title, chinese) in day_items {
            let (begin, finish) = (format!("{day}T{from}"), format!("{day}T{to}"));
            let mut input =
                ItemInput::new(ItemKind::Meeting, title, (&begin, "Asia/Shanghai"), (&finish, "Asia/Shanghai"));
            input.title_translation = chinese.into();
            input.place = "Stadtregierung Jinhua, Bezirk Wucheng".into();
            input.place_translation = "金华市人民政府，金华市婺城区".into();
            add_item(&conn, &trip.id, &input).expect("an item");
        }
    }
    for n in 0..MEMBERS {
        let member = MemberInput {
            name_latin: format!("Mitglied {n}"),
            function_title: "Mitglied des Kreistags".into(),
            organisation: "Kreis Düren".into(),
            ..MemberInput::default()
        };
        add_member(&conn, &trip.id, &member).expect("a member");
    }
    trip.id
}

fn main() {
    let binary = std::env::var_os("PARTNERDESK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/partnerdesk"));
    let runs: usize = std::env::var("RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(7);
    let dir = std::env::temp_dir().join(format!("partnerdesk-peers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a working folder");
    let db = dir.join("office.sqlite");
    let trip = fourteen_days(&db);

    let html = dir.join("programme.html");
    let options = ExportOptions { language: Some(DocumentLanguage::DE_ZH), ..ExportOptions::default() };
    let conn = open(&db).expect("the bench database");
    std::fs::write(&html, trip_file(&conn, &trip, ExportFormat::Html, &options).expect("the HTML export"))
        .expect("the HTML file");
    drop(conn);
    let chromium_profile = dir.join("chromium-profile");
    let (mut ours, mut chromium) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        ours.push(timed(Command::new(&binary).arg("--db").arg(&db).args(["export", "trip", &trip]).args([
            "--format",
            "pdf",
            "--lang",
            "de+zh",
            "--out",
            &dir.join("ours.pdf").display().to_string(),
        ])));
        chromium.push(timed(
            Command::new("chromium")
                .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
                .arg(format!("--user-data-dir={}", chromium_profile.display()))
                .arg(format!("--print-to-pdf={}", dir.join("chromium.pdf").display()))
                .arg(format!("file://{}", html.display())),
        ));
    }
    row(
        "PDF of a 14-day programme, de+zh, whole process",
        median(ours),
        median(chromium),
        "Chromium",
        "≥ 10× faster",
        runs,
    );

    let csv = dir.join("delegation.csv");
    let mut rows = String::from("Nachname;Vorname;Funktion;Organisation;E-Mail\r\n");
    for n in 0..IMPORTED_ROWS {
        rows.push_str(&format!(
            "Mustermann-{n};Erika;Mitglied des Kreistags;Kreis Düren;erika.mustermann{n}@kreis-dueren.de\r\n"
        ));
    }
    std::fs::write(&csv, rows).expect("the CSV file");
    let empty = dir.join("empty.sqlite");
    let target_trip = fourteen_days(&empty);
    let (mut ours, mut sqlite) = (Vec::new(), Vec::new());
    for run in 0..runs {
        let fresh = dir.join(format!("import-{run}.sqlite"));
        std::fs::copy(&empty, &fresh).expect("a fresh database");
        ours.push(timed(
            Command::new(&binary).arg("--db").arg(&fresh).arg("import").arg(&csv).args(["--trip", &target_trip]),
        ));
        let plain = dir.join(format!("plain-{run}.sqlite"));
        sqlite.push(timed(
            Command::new("sqlite3")
                .args(["-csv", "-separator", ";"])
                .arg(&plain)
                .arg(format!(".import {} delegation", csv.display())),
        ));
    }
    row(
        &format!("{IMPORTED_ROWS} delegation rows from CSV, whole process"),
        median(ours),
        median(sqlite),
        "sqlite3 .import",
        "≤ 2× slower",
        runs,
    );
    std::fs::remove_dir_all(&dir).ok();
}
