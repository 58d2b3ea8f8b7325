//! Crash safety: the app is killed with SIGKILL at random moments during large imports, during
//! rapid editing, while a sync applies the office's changes, while a backup is written and
//! while one is restored; afterwards the database must pass `PRAGMA integrity_check`, every
//! save the app reported must be there, an import, a restore and a backup must have landed
//! whole or not at all, and the next sync must complete.
//! `PARTNERDESK_CRASH_SEED` replays a run (each test prints the seed it used);
//! `PARTNERDESK_CRASH_SCALE` multiplies the kills (1 in CI: 240; 5 in `scripts/release-check.sh`:
//! 1,200).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use partnerdesk_core::delegation::{self, MemberInput};
use partnerdesk_core::programme::{self, ItemInput, ItemKind};
use partnerdesk_core::store;
use partnerdesk_core::trips::{self, TripInput, TripStatus};
use partnerdesk_core::vocabulary::Direction;
use rusqlite::Connection;

mod common;
use common::{large_office, partnerdesk};

const EDIT_KILLS: u32 = 100;
const MAX_EDIT_DELAY: Duration = Duration::from_millis(300);
const IMPORT_KILLS: u32 = 60;
const PEOPLE_ROWS: usize = 1_500;
const CALENDAR_EVENTS: usize = 1_000;
/// Set in the editor child process: `{round} {trip id} {item id} {database path}`.
const EDITOR_VAR: &str = "PARTNERDESK_CRASH_EDITOR";

/// `kills` times the scale the run asks for.
fn scaled(kills: u32) -> u32 {
    kills * std::env::var("PARTNERDESK_CRASH_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1)
}

/// SplitMix64: enough randomness for kill delays, and replayable from its seed.
struct Rng(u64);

impl Rng {
    fn seeded(test: &str) -> Rng {
        let seed = std::env::var("PARTNERDESK_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
        });
        eprintln!("{test}: PARTNERDESK_CRASH_SEED={seed}");
        Rng(seed)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % bound.max(1)
    }

    fn delay_up_to(&mut self, limit: Duration) -> Duration {
        Duration::from_micros(self.below(limit.as_micros() as u64))
    }
}

fn assert_intact(conn: &Connection, after: &str) {
    let mut statement = conn.prepare("PRAGMA integrity_check").unwrap();
    let problems: Vec<String> = statement.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(problems, ["ok"], "integrity check after {after}");
}

/// Kills `child` with SIGKILL; says whether it had already exited by itself.
fn kill(child: &mut Child) -> bool {
    let exited = child.try_wait().unwrap().is_some();
    child.kill().unwrap();
    child.wait().unwrap();
    exited
}

/// Whether another process holds the database's write lock, i.e. is inside a write transaction.
fn writer_busy(db: &Path) -> bool {
    let conn = Connection::open(db).unwrap();
    conn.busy_timeout(Duration::ZERO).unwrap();
    match conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK") {
        Ok(()) => false,
        Err(error) if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => true,
        Err(error) => panic!("probing the write lock: {error}"),
    }
}

/// A database with one trip to Jinhua and one programme item in it.
fn database_with_a_trip(path: &Path) -> (String, String) {
    let conn = store::open(path).unwrap();
    let trip = trips::create_trip(&conn, &trip_input("")).unwrap();
    let item = programme::add_item(&conn, &trip.id, &item_input("Empfang im Rathaus", 0)).unwrap();
    (trip.id, item.id)
}

fn trip_input(notes: &str) -> TripInput {
    TripInput {
        title: "Delegationsreise nach Jinhua".into(),
        direction: Direction::Outgoing,
        partner_place: "Jinhua".into(),
        partner_country: "China".into(),
        time_zone: "Asia/Shanghai".into(),
        start_date: "2026-10-21".into(),
        end_date: "2026-10-30".into(),
        purpose: "Städtepartnerschaft".into(),
        second_language: None,
        title_translation: String::new(),
        purpose_translation: String::new(),
        status: TripStatus::Planning,
        notes: notes.into(),
        partnership_id: None,
        theme_ids: Vec::new(),
        further_partnership_ids: Vec::new(),
    }
}

fn item_input(title: &str, save: u64) -> ItemInput {
    let start = format!("2026-10-{:02}T{:02}:{:02}", 21 + save % 9, 8 + save % 10, save % 60);
    let end = format!("2026-10-{:02}T{:02}:{:02}", 21 + save % 9, 9 + save % 10, save % 60);
    ItemInput::new(ItemKind::Meeting, title, (&start, "Asia/Shanghai"), (&end, "Asia/Shanghai"))
}

#[test]
fn saves_wait_for_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("office.sqlite")).unwrap();
    let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |row| row.get(0)).unwrap();
    let journal_mode: String = conn.pragma_query_value(None, "journal_mode", |row| row.get(0)).unwrap();
    assert_eq!((synchronous, journal_mode.as_str()), (2, "wal"), "synchronous=FULL (2) in WAL mode");
}

/// The editor's saves in order: save `n` of round `round` is always the same edit.
#[derive(Debug, Clone, PartialEq)]
enum Edit {
    AddItem(String),
    AddMember(String),
    TripNotes(String),
    ItemTitle(String),
}

impl Edit {
    fn nth(round: u32, n: u64) -> Edit {
        match n % 4 {
            0 => Edit::AddItem(format!("Termin {round}.{n}")),
            1 => Edit::AddMember(format!("Mitglied {round}.{n}")),
            2 => Edit::TripNotes(format!("Stand {round}.{n}")),
            _ => Edit::ItemTitle(format!("Empfang im Rathaus {round}.{n}")),
        }
    }
}

/// The child process of `rapid_editing_survives_kills`: saves through the domain functions as
/// fast as it can and prints `saved {n} {record id}` once each save has returned.
#[test]
#[ignore = "the child process of rapid_editing_survives_kills"]
fn editor_process() {
    let Ok(job) = std::env::var(EDITOR_VAR) else { return };
    let [round, trip_id, item_id, db]: [&str; 4] = job.splitn(4, ' ').collect::<Vec<_>>().try_into().unwrap();
    let round: u32 = round.parse().unwrap();
    let conn = store::open(Path::new(db)).unwrap();
    for n in 0.. {
        let saved = match Edit::nth(round, n) {
            Edit::AddItem(title) => programme::add_item(&conn, trip_id, &item_input(&title, n)).unwrap().id,
            Edit::AddMember(name) => {
                let input = MemberInput {
                    name_latin: name,
                    passport_number: format!("C{n:08}"),
                    date_of_birth: "1970-05-01".into(),
                    ..MemberInput::default()
                };
                delegation::add_member(&conn, trip_id, &input).unwrap().member.id
            }
            Edit::TripNotes(notes) => trips::update_trip(&conn, trip_id, &trip_input(&notes)).unwrap().id,
            Edit::ItemTitle(title) => programme::update_item(&conn, item_id, &item_input(&title, 0)).unwrap().id,
        };
        println!("saved {n} {saved}");
    }
}

/// What the database must hold: every record reported (or found) so far with its last value.
#[derive(Default)]
struct Saved {
    items: HashMap<String, String>,
    members: HashMap<String, String>,
    trip_notes: String,
}

/// The lines the child wrote completely before it was killed.
fn reported_lines(child: &mut Child) -> thread::JoinHandle<Vec<String>> {
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    thread::spawn(move || {
        let mut lines = Vec::new();
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap() > 0 {
            if line.ends_with('\n') && line.starts_with("saved ") {
                lines.push(line.trim_end().to_string());
            }
            line.clear();
        }
        lines
    })
}

fn table_of(conn: &Connection, sql: &str, trip_id: &str) -> HashMap<String, String> {
    let mut statement = conn.prepare(sql).unwrap();
    statement.query_map([trip_id], |row| Ok((row.get(0)?, row.get(1)?))).unwrap().map(Result::unwrap).collect()
}

/// Checks one table against what was saved: every known record with its last value, or the
/// value `changed_to` of the one save that may have committed unreported; besides them at most
/// the record that save may have `added`.
fn check_records(
    known: &mut HashMap<String, String>,
    found: HashMap<String, String>,
    (changed_to, added): (Option<&str>, Option<&str>),
    what: &str,
) {
    for (id, value) in known.iter() {
        let stored = found.get(id).unwrap_or_else(|| panic!("{what} {id} ({value}) was reported saved and is gone"));
        assert!(stored == value || Some(stored.as_str()) == changed_to, "{what} {id}: {stored:?}, saved {value:?}");
    }
    let unreported: Vec<_> = found.iter().filter(|(id, _)| !known.contains_key(*id)).collect();
    assert!(
        unreported.is_empty() || (unreported.len() == 1 && Some(unreported[0].1.as_str()) == added),
        "{what}: records nobody saved {unreported:?}"
    );
    known.extend(found);
}

#[test]
fn rapid_editing_survives_kills() {
    let mut rng = Rng::seeded("rapid_editing_survives_kills");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    let (mut trip_id, mut item_id) = database_with_a_trip(&db);
    let mut saved = Saved::default();
    saved.items.insert(item_id.clone(), "Empfang im Rathaus".into());
    let (mut kills_after_saves, mut saves) = (0, 0);
    let started = Instant::now();
    let kills = scaled(EDIT_KILLS);

    for round in 0..kills {
        // A trip takes at most 2,000 items and members (`limits`): long runs go on in a new trip.
        if saved.items.len().max(saved.members.len()) > 1_000 {
            (trip_id, item_id) = database_with_a_trip(&db);
            saved = Saved::default();
            saved.items.insert(item_id.clone(), "Empfang im Rathaus".into());
        }
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["editor_process", "--exact", "--ignored", "--nocapture", "--quiet", "--test-threads=1"])
            .env(EDITOR_VAR, format!("{round} {trip_id} {item_id} {}", db.display()))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = reported_lines(&mut child);
        thread::sleep(rng.delay_up_to(MAX_EDIT_DELAY));
        assert!(!kill(&mut child), "the editor stopped by itself");
        let lines = lines.join().unwrap();

        let mut next_save = 0;
        for line in &lines {
            let [_, n, id]: [&str; 3] = line.split(' ').collect::<Vec<_>>().try_into().unwrap();
            let n: u64 = n.parse().unwrap();
            match Edit::nth(round, n) {
                Edit::AddItem(title) | Edit::ItemTitle(title) => {
                    saved.items.insert(id.into(), title);
                }
                Edit::AddMember(name) => {
                    saved.members.insert(id.into(), name);
                }
                Edit::TripNotes(notes) => saved.trip_notes = notes,
            }
            next_save = n + 1;
        }
        kills_after_saves += u32::from(!lines.is_empty());
        saves += lines.len();

        let conn = Connection::open(&db).unwrap();
        assert_intact(&conn, &format!("kill {round} after {} saves", lines.len()));
        let in_flight = Edit::nth(round, next_save);
        let (item_change, member_change) = match &in_flight {
            Edit::AddItem(title) => ((None, Some(title.as_str())), (None, None)),
            Edit::ItemTitle(title) => ((Some(title.as_str()), None), (None, None)),
            Edit::AddMember(name) => ((None, None), (None, Some(name.as_str()))),
            Edit::TripNotes(_) => ((None, None), (None, None)),
        };
        let items = table_of(&conn, "SELECT id, title FROM programme_items WHERE trip_id = ?1", &trip_id);
        check_records(&mut saved.items, items, item_change, "programme item");
        let members = table_of(&conn, "SELECT id, name_latin FROM members WHERE trip_id = ?1", &trip_id);
        check_records(&mut saved.members, members, member_change, "member");
        let notes: String = conn.query_row("SELECT notes FROM trips WHERE id = ?1", [&trip_id], |r| r.get(0)).unwrap();
        assert!(
            notes == saved.trip_notes || Edit::TripNotes(notes.clone()) == in_flight,
            "trip notes {notes:?}, saved {:?}",
            saved.trip_notes
        );
        saved.trip_notes = notes;
    }

    let conn = store::open(&db).unwrap();
    assert_eq!(programme::list_items(&conn, &trip_id).unwrap().len(), saved.items.len());
    assert_eq!(delegation::list_members(&conn, &trip_id).unwrap().len(), saved.members.len());
    eprintln!(
        "rapid editing: {kills} kills, {kills_after_saves} after at least one save, {saves} saves reported, {:?}",
        started.elapsed()
    );
    assert!(kills_after_saves >= kills * 3 / 5, "only {kills_after_saves} kills came after a save");
    assert!(saves >= 5 * kills as usize, "only {saves} saves were reported");
}

/// An import file and the rows that importing it whole adds to each counted table.
struct ImportCase {
    file: PathBuf,
    full: Counts,
    took: Duration,
}

/// Rows in the tables an import writes to: members, people, organisations, programme items.
type Counts = [i64; 4];

fn counts(conn: &Connection) -> Counts {
    ["members", "people", "organisations", "programme_items"]
        .map(|table| conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0)).unwrap())
}

fn people_table(path: &Path) {
    let mut text = String::from("Name;Funktion;Organisation;E-Mail;Passnummer\r\n");
    for n in 0..PEOPLE_ROWS {
        text += &format!("Person {n};Referentin;Organisation {};p{n}@example.de;C{n:08}\r\n", n % 50);
    }
    std::fs::write(path, text).unwrap();
}

fn calendar(path: &Path) {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partnerdesk tests//crash//DE\r\n");
    for n in 0..CALENDAR_EVENTS {
        let (day, hour, minute) = (21 + n % 9, 8 + n % 10, n % 60);
        text += &format!(
            "BEGIN:VEVENT\r\nUID:crash-{n}@partnerdesk.test\r\nSUMMARY:Termin {n}\r\n\
             DTSTART;TZID=Asia/Shanghai:202610{day:02}T{hour:02}{minute:02}00\r\n\
             DTEND;TZID=Asia/Shanghai:202610{day:02}T{:02}{minute:02}00\r\nLOCATION:Raum {n}\r\nEND:VEVENT\r\n",
            hour + 1
        );
    }
    std::fs::write(path, text + "END:VCALENDAR\r\n").unwrap();
}

fn import(db: &Path, file: &Path, trip_id: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(file)
        .args(["--trip", trip_id])
        .env_remove("PARTNERDESK_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Copies the database without its WAL (it has none: the last connection closed cleanly).
fn fresh_copy(template: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(template, to).unwrap();
}

#[test]
fn large_imports_land_whole_or_not_at_all_when_killed() {
    let mut rng = Rng::seeded("large_imports_land_whole_or_not_at_all_when_killed");
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.sqlite");
    let (trip_id, _) = database_with_a_trip(&template);
    let before = counts(&Connection::open(&template).unwrap());
    let db = dir.path().join("office.sqlite");

    let cases: Vec<ImportCase> = [("people.csv", people_table as fn(&Path)), ("programme.ics", calendar)]
        .into_iter()
        .map(|(name, write)| {
            let file = dir.path().join(name);
            write(&file);
            fresh_copy(&template, &db);
            let started = Instant::now();
            assert!(import(&db, &file, &trip_id).wait().unwrap().success(), "importing {name}");
            let took = started.elapsed();
            let full = counts(&Connection::open(&db).unwrap());
            assert_ne!(full, before, "{name} added nothing");
            ImportCase { file, full, took }
        })
        .collect();

    let (mut interrupted, mut mid_transaction, mut committed, mut finished) = (0, 0, 0, 0);
    let started = Instant::now();
    let kills = scaled(IMPORT_KILLS);
    for round in 0..kills {
        let case = &cases[round as usize % cases.len()];
        fresh_copy(&template, &db);
        // Up to 1.4 times the time one whole import took: some runs finish even when the machine
        // is busier than when the import was timed.
        let delay = rng.delay_up_to(case.took.mul_f64(1.4));
        let mut child = import(&db, &case.file, &trip_id);
        thread::sleep(delay);
        let in_transaction = writer_busy(&db);
        let exited = kill(&mut child);

        let conn = Connection::open(&db).unwrap();
        assert_intact(&conn, &format!("import kill {round} after {delay:?}"));
        let found = counts(&conn);
        assert!(
            found == before || found == case.full,
            "kill {round} after {delay:?}: {found:?} is neither {before:?} nor {:?}",
            case.full
        );
        match (exited, found == case.full) {
            (true, _) => finished += 1,
            (false, true) => committed += 1,
            (false, false) => {
                interrupted += 1;
                mid_transaction += u32::from(in_transaction);
            }
        }
    }
    eprintln!(
        "imports: {kills} kills ({} and {} took {:?} and {:?} whole): {interrupted} before the commit \
         ({mid_transaction} of them inside its transaction), {committed} after the commit, \
         {finished} after the end, {:?}",
        PEOPLE_ROWS,
        CALENDAR_EVENTS,
        cases[0].took,
        cases[1].took,
        started.elapsed()
    );
    assert!(mid_transaction >= kills / 3, "only {mid_transaction} kills landed inside the transaction");
    assert!(interrupted > mid_transaction, "no import was killed before its transaction began");
    assert!(finished + committed >= 4, "only {} imports completed", finished + committed);
}

const SYNC_KILLS: u32 = 20;

fn trip_titles(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut statement = conn.prepare("SELECT id || ' ' || title FROM trips ORDER BY id").unwrap();
    statement.query_map([], |row| row.get(0)).unwrap().map(Result::unwrap).collect()
}

/// A laptop joining the office folder is killed while it applies the office's changes; the
/// database stays intact, and the next sync completes with everything applied exactly once.
#[test]
fn a_sync_killed_while_applying_leaves_the_database_intact_and_the_next_one_completes() {
    let mut rng = Rng::seeded("a_sync_killed_while_applying_leaves_the_database_intact_and_the_next_one_completes");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("office-folder");
    std::fs::create_dir(&folder).unwrap();
    let office = dir.path().join("a.sqlite");
    large_office(&office);
    let shared = ["--folder", folder.to_str().unwrap(), "--key-env", "OFFICE_KEY"];
    assert!(partnerdesk(&office, &[&["sync"][..], &shared].concat()).stdout(Stdio::null()).status().unwrap().success());
    let expected = trip_titles(&office);
    let office_device: String = Connection::open(&office)
        .unwrap()
        .query_row("SELECT value FROM settings WHERE key = 'sharing.device'", [], |row| row.get(0))
        .unwrap();
    let (mut killed_while_busy, started) = (0, Instant::now());
    // Kills fall anywhere within the time an uninterrupted join takes, and a little after.
    let reference = dir.path().join("reference.sqlite");
    let joined = Instant::now();
    assert!(partnerdesk(&reference, &[&["sync", "join"][..], &shared].concat())
        .stdout(Stdio::null())
        .status()
        .unwrap()
        .success());
    let (min_delay, max_delay) = (joined.elapsed() / 4, joined.elapsed() * 6 / 5);
    // At least SYNC_KILLS rounds, and more (up to three times as many) until one kill fell
    // while the changes were written.
    let kills = scaled(SYNC_KILLS);
    let mut rounds = 0;
    for round in 0..kills * 3 {
        if round >= kills && killed_while_busy > 0 {
            break;
        }
        rounds += 1;
        let laptop = dir.path().join(format!("b{round}.sqlite"));
        let mut child =
            partnerdesk(&laptop, &[&["sync", "join"][..], &shared].concat()).stdout(Stdio::null()).spawn().unwrap();
        thread::sleep(min_delay + rng.delay_up_to(max_delay - min_delay));
        let busy = laptop.exists() && writer_busy(&laptop);
        if !kill(&mut child) && busy {
            killed_while_busy += 1;
        }
        assert_intact(&Connection::open(&laptop).unwrap(), &format!("a kill in round {round}"));
        // Sharing was turned on before the kill, or it was not: the next sync picks up either way.
        let enabled: bool = store::open(&laptop)
            .unwrap()
            .query_row("SELECT count(*) FROM settings WHERE key = 'sharing.folder'", [], |row| row.get(0))
            .unwrap();
        let next: &[&str] = if enabled { &["sync", "--json"] } else { &["sync", "join", "--json"] };
        let output = partnerdesk(&laptop, &[next, &shared].concat()).output().unwrap();
        assert!(output.status.success(), "round {round}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(trip_titles(&laptop), expected, "round {round}");
        let conn = Connection::open(&laptop).unwrap();
        let applied: i64 = conn
            .query_row("SELECT count(*) FROM sharing_applied WHERE device = ?1", [&office_device], |row| row.get(0))
            .unwrap();
        assert_eq!(applied, 1, "round {round}: the office's one file applied once");
        let conflicts: i64 = conn.query_row("SELECT count(*) FROM sharing_conflicts", [], |row| row.get(0)).unwrap();
        assert_eq!(conflicts, 0, "round {round}: sending again what it had taken in is no conflict");
    }
    eprintln!(
        "syncs: {rounds} kills within {min_delay:?}–{max_delay:?}, {killed_while_busy} while writing, {:?}",
        started.elapsed()
    );
    assert!(killed_while_busy > 0, "no kill fell while the changes were applied");
}

const BACKUP_KILLS: u32 = 30;
const RESTORE_KILLS: u32 = 30;

/// The trips and the number of people, the first after checking the file is intact.
fn office_state(db: &Path, after: &str) -> (Vec<String>, i64) {
    let conn = Connection::open(db).unwrap();
    assert_intact(&conn, after);
    let people = conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0)).unwrap();
    (trip_titles(db), people)
}

/// Runs `args` to the end and says how long it took.
fn timed(db: &Path, args: &[&str]) -> Duration {
    let started = Instant::now();
    let output = partnerdesk(db, args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    started.elapsed()
}

/// A backup killed at any moment is complete under its name or not there at all, and the
/// database it was taken from is untouched.
#[test]
fn a_backup_killed_at_any_moment_is_whole_or_absent() {
    let mut rng = Rng::seeded("a_backup_killed_at_any_moment_is_whole_or_absent");
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office.sqlite");
    large_office(&office);
    let expected = office_state(&office, "filling the office");
    let target = dir.path().join("saved.sqlite");
    let target_arg = target.to_str().unwrap();
    let took = timed(&office, &["backup", "--out", target_arg]);
    let (mut absent, mut whole, mut while_writing) = (0, 0, 0);
    let kills = scaled(BACKUP_KILLS);
    for round in 0..kills {
        std::fs::remove_file(&target).unwrap_or_default();
        let mut child = partnerdesk(&office, &["backup", "--out", target_arg]).stdout(Stdio::null()).spawn().unwrap();
        thread::sleep(rng.delay_up_to(took.mul_f64(1.3)));
        let writing = dir.path().join("saved.sqlite.partial").exists();
        if !kill(&mut child) && writing {
            while_writing += 1;
        }
        assert_eq!(office_state(&office, &format!("backup kill {round}")), expected, "round {round}: the office");
        if target.exists() {
            assert_eq!(office_state(&target, &format!("backup kill {round}")), expected, "round {round}: the backup");
            whole += 1;
        } else {
            absent += 1;
        }
    }
    eprintln!(
        "backups: {kills} kills (one took {took:?}): {absent} absent, {whole} whole, {while_writing} while writing"
    );
    assert!(while_writing > 0 && absent > 0, "no kill fell while the backup was written");
}

/// A restore killed at any moment leaves the database as it was or as the backup is, never a
/// mix, and the same restore completes afterwards.
#[test]
fn a_restore_killed_at_any_moment_leaves_the_old_data_or_the_backup_whole() {
    let mut rng = Rng::seeded("a_restore_killed_at_any_moment_leaves_the_old_data_or_the_backup_whole");
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.sqlite");
    large_office(&source);
    let backup = dir.path().join("backup.sqlite");
    timed(&source, &["backup", "--out", backup.to_str().unwrap()]);
    let restored = office_state(&source, "filling the source");
    let template = dir.path().join("template.sqlite");
    let (trip_id, _) = database_with_a_trip(&template);
    let before = office_state(&template, "the template");
    let db = dir.path().join("office.sqlite");
    fresh_copy(&template, &db);
    let took = timed(&db, &["restore", backup.to_str().unwrap()]);
    let (mut old, mut new, mut while_busy) = (0, 0, 0);
    let kills = scaled(RESTORE_KILLS);
    for round in 0..kills {
        fresh_copy(&template, &db);
        let mut child = partnerdesk(&db, &["restore", backup.to_str().unwrap()]).stdout(Stdio::null()).spawn().unwrap();
        thread::sleep(rng.delay_up_to(took.mul_f64(1.3)));
        let busy = writer_busy(&db);
        if !kill(&mut child) && busy {
            while_busy += 1;
        }
        let found = office_state(&db, &format!("restore kill {round}"));
        if found == before {
            old += 1;
            assert!(trip_titles(&db).iter().any(|title| title.starts_with(&trip_id)));
        } else {
            assert_eq!(found, restored, "round {round}: neither the old data nor the backup");
            new += 1;
        }
        if round % 5 == 0 {
            timed(&db, &["restore", backup.to_str().unwrap()]);
            assert_eq!(office_state(&db, &format!("restoring again after kill {round}")), restored);
        }
    }
    eprintln!("restores: {kills} kills (one took {took:?}): {old} before, {new} after, {while_busy} while writing");
    assert!(old > 0 && new > 0, "kills fell both before and after the restore took effect");
}
