//! "Kalender veröffentlichen" against a real CalDAV server: Radicale on this machine (Debian's
//! `radicale`), with a user and password; what was published is read back with a CalDAV client
//! library (Python's `caldav` and `icalendar`, Debian's `python3-caldav`).

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use partnerdesk_core::programme;

const USER: &str = "krings";
const PASSWORD: &str = "Jinhua-2026!";
const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

/// Reads a calendar and prints its events as JSON: uid, summary, sequence, status, start zone.
const READ_BACK: &str = r#"
import caldav, icalendar, json, sys
url, user, password, action = sys.argv[1:5]
if action == "create":
    root = url.split("/" + user + "/")[0] + "/"
    caldav.DAVClient(url=root, username=user, password=password).principal().make_calendar(name="Jinhua 2026", cal_id="jinhua")
    sys.exit(0)
client = caldav.DAVClient(url=url, username=user, password=password)
calendar = caldav.Calendar(client=client, url=url)
events = []
for resource in calendar.events():
    for event in icalendar.Calendar.from_ical(resource.data).walk("VEVENT"):
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "zone": str(event["DTSTART"].params.get("TZID", "")),
        })
print(json.dumps(sorted(events, key=lambda e: e["uid"])))
"#;

struct Radicale(Child);

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn radicale(dir: &Path) -> (Radicale, String) {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    std::fs::write(dir.join("users"), format!("{USER}:{PASSWORD}\n")).unwrap();
    let config = format!(
        "[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\n\
         [rights]\ntype = owner_only\n[storage]\nfilesystem_folder = {collections}\n[web]\ntype = none\n[logging]\nlevel = warning\n",
        users = dir.join("users").display(),
        collections = dir.join("collections").display(),
    );
    std::fs::write(dir.join("config"), config).unwrap();
    let child = Command::new("radicale")
        .arg("--config")
        .arg(dir.join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("radicale runs (scripts/setup.sh --for-tests installs it)");
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(15), "Radicale did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (Radicale(child), format!("http://127.0.0.1:{port}/{USER}/jinhua/"))
}

fn python(url: &str, password: &str, action: &str) -> Output {
    Command::new("/usr/bin/python3").args(["-c", READ_BACK, url, USER, password, action]).output().unwrap()
}

fn events(url: &str) -> Vec<serde_json::Value> {
    let output = python(url, PASSWORD, "read");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap().as_array().unwrap().clone()
}

fn partnerdesk(db: &Path, args: &[&str], password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARTNERDESK_DB")
        .env("CALENDAR_PASSWORD", password)
        .output()
        .unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_programme_is_published_updated_and_cancelled_on_a_caldav_server() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, url) = radicale(dir.path());
    let created = python(&url, PASSWORD, "create");
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let db = dir.path().join("office.sqlite");
    assert!(partnerdesk(&db, &["demo"], "").status.success());
    let trips = json(&partnerdesk(&db, &["list", "trips", "--json"], ""));
    let trip =
        trips.as_array().unwrap().iter().find(|t| t["title"] == TO_JINHUA).unwrap()["id"].as_str().unwrap().to_string();
    let items = json(&partnerdesk(&db, &["list", "items", "--trip", &trip, "--json"], ""));
    let items = items.as_array().unwrap();
    let publish = [
        "publish",
        "calendar",
        "--trip",
        &trip,
        "--url",
        &url,
        "--user",
        USER,
        "--password-env",
        "CALENDAR_PASSWORD",
        "--json",
    ];

    let refused = partnerdesk(&db, &publish, "falsch");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("refused this user name and password"));
    assert!(events(&url).is_empty(), "nothing published with a wrong password");

    let first = json(&partnerdesk(&db, &publish, PASSWORD));
    assert_eq!(first["events"].as_u64().unwrap() as usize, items.len());
    let published = events(&url);
    assert_eq!(published.len(), items.len());
    let flight = items.iter().find(|item| item["kind"] == "flight").unwrap();
    let uid = format!("{}@partnerdesk", flight["id"].as_str().unwrap());
    let before = published.iter().find(|event| event["uid"] == uid.as_str()).unwrap();
    assert_eq!(before["zone"], "Europe/Berlin");

    // An item changes, another is removed: published again, the change has a higher SEQUENCE
    // and the removed item is cancelled.
    let conn = partnerdesk_core::store::open(&db).unwrap();
    let item = partnerdesk_core::programme::get_item(&conn, flight["id"].as_str().unwrap()).unwrap();
    let mut input = programme::ItemInput::new(
        item.kind,
        "Flug nach Shanghai (neue Zeit)",
        (&item.start.local, &item.start.zone),
        (&item.end.local, &item.end.zone),
    );
    input.place = item.place.clone();
    programme::update_item(&conn, &item.id, &input).unwrap();
    let removed = items.iter().find(|item| item["kind"] == "reception").unwrap()["id"].as_str().unwrap().to_string();
    programme::trash::remove_item(&conn, &removed).unwrap();
    drop(conn);
    let second = json(&partnerdesk(&db, &publish, PASSWORD));
    assert_eq!(second["cancelled"], 1);
    let after = events(&url);
    assert_eq!(after.len(), items.len(), "the removed item stays, cancelled");
    let changed = after.iter().find(|event| event["uid"] == uid.as_str()).unwrap();
    assert_eq!(changed["summary"], "Flug nach Shanghai (neue Zeit)");
    assert!(changed["sequence"].as_i64() > before["sequence"].as_i64(), "{changed} after {before}");
    let cancelled = after.iter().find(|event| event["uid"] == format!("{removed}@partnerdesk").as_str()).unwrap();
    assert_eq!(cancelled["status"], "CANCELLED");

    let nowhere = partnerdesk(
        &db,
        &[
            "publish",
            "calendar",
            "--trip",
            &trip,
            "--url",
            &url.replace("jinhua", "luzhou"),
            "--user",
            USER,
            "--password-env",
            "CALENDAR_PASSWORD",
        ],
        PASSWORD,
    );
    assert!(!nowhere.status.success());
    assert!(
        String::from_utf8_lossy(&nowhere.stderr).contains("no calendar at"),
        "{}",
        String::from_utf8_lossy(&nowhere.stderr)
    );
}
