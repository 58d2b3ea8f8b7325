//! Measures the queries behind every screen on an office with twenty years of history, as
//! `demo --office-years 20` writes it: 2,000 trips, 20,000 delegation members, 40,000 programme
//! items, 18,000 people and 1,780 organisations in the register, 50,000 follow-up tasks, in a
//! real database file.
//! Then it shares the office through a folder and times a sync beside the peer an office would
//! otherwise use: the database file itself copied into the synced folder.
//! Run with `cargo bench --bench scale`; it prints the median of repeated runs.

use std::time::{Duration, Instant};

use partnerdesk_core::contacts::people::{list_people, person_record, RegisterQuery};
use partnerdesk_core::contacts::search_register;
use partnerdesk_core::demo::office_years::write_office;
use partnerdesk_core::export::calendar::trip_calendar;
use partnerdesk_core::export::pdf::programme_pdf;
use partnerdesk_core::export::DocumentLanguage;
use partnerdesk_core::overview::{overview, trip_year};
use partnerdesk_core::programme::{add_item, programme_view, ItemInput, ItemKind};
use partnerdesk_core::report::{annual_report, ReportChoices};
use partnerdesk_core::search::search;
use partnerdesk_core::sharing::{self, SharingInput};
use partnerdesk_core::store::paging::PageRequest;
use partnerdesk_core::store::{now, open};
use partnerdesk_core::tasks::list::{list_tasks, overdue_count, TaskQuery, TaskView};
use partnerdesk_core::trips::{get_trip, list_trips, TripQuery};
use partnerdesk_core::vocabulary::RegisterKind;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn measure(name: &str, mut work: impl FnMut()) {
    let runs: Vec<Duration> = (0..25)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    println!("{name:<48} {:>9.2} ms", median(runs).as_secs_f64() * 1000.0);
}

/// `count` queries as officers type them, half in Chinese characters and half in Latin
/// letters, 1 to 20 characters long: the start of a name or title from the register and the
/// programme, cut at a random length (a fixed seed, so every run types the same).
fn mixed_queries(conn: &rusqlite::Connection, count: usize) -> Vec<String> {
    let texts = |sql: &str| -> Vec<String> {
        let mut statement = conn.prepare(sql).expect("texts");
        statement.query_map([], |row| row.get(0)).expect("texts").collect::<rusqlite::Result<_>>().expect("texts")
    };
    let chinese = texts("SELECT name_original FROM people WHERE name_original <> '' UNION ALL SELECT name_original FROM organisations WHERE name_original <> ''");
    let latin = texts(
        "SELECT name_latin FROM people UNION ALL SELECT title FROM programme_items UNION ALL SELECT title FROM tasks",
    );
    let mut seed: u64 = 2002;
    let mut next = move |below: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % below
    };
    (0..count)
        .map(|n| {
            let pool = if n % 2 == 0 { &chinese } else { &latin };
            let text: Vec<char> = pool[next(pool.len())].chars().collect();
            let length = 1 + next(20.min(text.len()));
            text[..length].iter().collect::<String>()
        })
        .collect()
}

fn main() {
    let dir = std::env::temp_dir().join(format!("partnerdesk-scale-{}", std::process::id()));
    let conn = open(&dir.join("office.sqlite")).expect("database");
    let filled = Instant::now();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    let office = write_office(&conn, 20, 2002).expect("the office");
    println!(
        "wrote {} trips, {} members, {} items, {} people, {} organisations, {} tasks in {:.1} s",
        office.trips,
        office.members,
        office.items,
        office.people,
        office.organisations,
        office.tasks,
        filled.elapsed().as_secs_f64()
    );
    let sample_trip: String = conn
        .query_row("SELECT id FROM trips ORDER BY start_date DESC LIMIT 1 OFFSET 20", [], |row| row.get(0))
        .expect("a trip");

    measure("trip list, first page of 50", || {
        list_trips(
            &conn,
            &TripQuery { page: PageRequest { limit: Some(50), ..Default::default() }, ..Default::default() },
        )
        .unwrap();
    });
    measure("trip list, page 30 of 50", || {
        list_trips(&conn, &TripQuery { page: PageRequest { offset: 1450, limit: Some(50) }, ..Default::default() })
            .unwrap();
    });
    measure("trip list, search \"yangzhou\"", || {
        list_trips(
            &conn,
            &TripQuery {
                search: "yangzhou".into(),
                page: PageRequest { limit: Some(50), ..Default::default() },
                ..Default::default()
            },
        )
        .unwrap();
    });
    measure("programme view of one trip (20 items, warnings)", || {
        programme_view(&conn, &sample_trip).unwrap();
    });
    let trip = get_trip(&conn, &sample_trip).expect("the sample trip");
    let first_day = trip.start_date.to_string();
    measure("saving a programme item", || {
        let start = format!("{first_day}T10:00");
        let end = format!("{first_day}T11:00");
        let input =
            ItemInput::new(ItemKind::Meeting, "Arbeitsgespräch", (&start, &trip.time_zone), (&end, &trip.time_zone));
        add_item(&conn, &sample_trip, &input).unwrap();
    });
    measure("PDF of the programme, again in a running app (de+zh)", || {
        programme_pdf(&conn, &sample_trip, None, DocumentLanguage::DE_ZH).unwrap();
    });
    measure("calendar file of the programme (.ics)", || {
        trip_calendar(&conn, &sample_trip, None, DocumentLanguage::DE_ZH).unwrap();
    });
    let people = |search: &str| RegisterQuery {
        search: search.into(),
        page: PageRequest { limit: Some(50), ..Default::default() },
        ..Default::default()
    };
    measure("people list, first page of 50", || {
        list_people(&conn, &people("")).unwrap();
    });
    measure("people list, search \"huang lei\"", || {
        list_people(&conn, &people("huang lei")).unwrap();
    });
    measure("register picker, search \"jinhua\"", || {
        search_register(&conn, "jinhua", &[RegisterKind::Person, RegisterKind::Organisation]).unwrap();
    });
    let someone: String = conn
        .query_row(
            "SELECT person_id FROM members WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |row| row.get(0),
        )
        .expect("a traveller");
    measure("person page (trips and items taken part in)", || {
        person_record(&conn, &someone).unwrap();
    });
    let tasks = |view| TaskQuery {
        view: Some(view),
        page: PageRequest { limit: Some(50), ..Default::default() },
        ..Default::default()
    };
    measure("tasks, open, first page of 50", || {
        list_tasks(&conn, &tasks(TaskView::Open), today).unwrap();
    });
    measure("tasks, overdue, first page of 50", || {
        list_tasks(&conn, &tasks(TaskView::Overdue), today).unwrap();
    });
    measure("tasks, due this week", || {
        list_tasks(&conn, &tasks(TaskView::ThisWeek), today).unwrap();
    });
    measure("tasks, all, search \"dankschreiben\"", || {
        list_tasks(&conn, &TaskQuery { search: "dankschreiben".into(), ..tasks(TaskView::All) }, today).unwrap();
    });
    measure("tasks of one trip", || {
        list_tasks(&conn, &TaskQuery { trip_id: Some(sample_trip.clone()), ..tasks(TaskView::All) }, today).unwrap();
    });
    measure("sidebar: count of overdue tasks", || {
        overdue_count(&conn, today).unwrap();
    });
    for typed in ["王", "黄磊", "金华", "huang lei", "huanglei", "Dueren", "dankschreiben", "Empfang durch", "s"] {
        measure(&format!("office search \"{typed}\""), || {
            search(&conn, typed, None).unwrap();
        });
    }
    let at_noon = "2026-11-21T11:00:00Z".parse().expect("an instant");
    measure("overview (first screen)", || {
        overview(&conn, at_noon).unwrap();
    });
    measure("year view of 2019", || {
        trip_year(&conn, Some(2019), at_noon).unwrap();
    });
    measure("annual report of 2019, all partnerships (figures)", || {
        annual_report(&conn, &ReportChoices { year: 2019, ..ReportChoices::default() }).unwrap();
    });
    let mixed = mixed_queries(&conn, 200);
    let mut runs: Vec<Duration> = mixed
        .iter()
        .map(|typed| {
            let start = Instant::now();
            search(&conn, typed, None).unwrap();
            start.elapsed()
        })
        .collect();
    runs.sort();
    let at = |share: f64| runs[((runs.len() as f64 * share).ceil() as usize).saturating_sub(1)].as_secs_f64() * 1000.0;
    println!(
        "{:<48} {:>9.2} ms p50, {:.2} ms p95, {:.2} ms max",
        format!("office search, {} mixed queries", mixed.len()),
        at(0.5),
        at(0.95),
        at(1.0)
    );

    let folder = dir.join("office-folder");
    std::fs::create_dir_all(&folder).expect("the office folder");
    let input = SharingInput {
        folder: folder.display().to_string(),
        passphrase: "Partnerschaft Jinhua seit 2007".into(),
        device_name: "Bench".into(),
    };
    sharing::turn_on(&conn, &input).expect("sharing on");
    let first = Instant::now();
    let sent = sharing::sync(&conn).expect("first sync").sent;
    println!(
        "{:<48} {:>9.2} ms ({sent} records)",
        "sync, the first (every record sent)",
        first.elapsed().as_secs_f64() * 1000.0
    );
    measure("sync, nothing changed", || {
        sharing::sync(&conn).unwrap();
    });
    measure("sync, one trip renamed", || {
        conn.execute("UPDATE trips SET title = title || '.', updated_at = ?2 WHERE id = ?1", [&sample_trip, &now()])
            .unwrap();
        sharing::sync(&conn).unwrap();
    });
    let db = dir.join("office.sqlite");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    measure("peer: the database file copied into the folder", || {
        std::fs::copy(&db, folder.join("office-copy.sqlite")).unwrap();
    });
    let last_change = sharing::files::list_changes(&folder).unwrap().pop().expect("a change file").2;
    println!(
        "bytes into the folder for one renamed trip: {} (the database file: {})",
        std::fs::metadata(last_change).unwrap().len(),
        std::fs::metadata(&db).unwrap().len()
    );
    drop(conn);
    let _ = std::fs::remove_dir_all(dir);
}
