//! Measures the queries behind every screen on an office with decades of history:
//! 2,000 trips, 20,000 delegation members (each a person in the register), 40,000 programme
//! items, 50,000 follow-up tasks and 20,000 preparation checklist steps, in a real database file.
//! Then it shares the office through a folder and times a sync beside the peer an office would
//! otherwise use: the database file itself copied into the synced folder.
//! Run with `cargo bench --bench scale`; it prints the median of repeated runs.

use std::time::{Duration, Instant};

use partnerdesk_core::contacts::people::{list_people, person_record, RegisterQuery};
use partnerdesk_core::contacts::search_register;
use partnerdesk_core::delegation::{add_member, MemberInput};
use partnerdesk_core::programme::{add_item, programme_view, ItemInput, ItemKind};
use partnerdesk_core::sharing::{self, SharingInput};
use partnerdesk_core::store::paging::PageRequest;
use partnerdesk_core::store::{atomically, now, open};
use partnerdesk_core::tasks::list::{list_tasks, overdue_count, TaskQuery, TaskView};
use partnerdesk_core::tasks::{create_task, TaskInput, TaskStatus};
use partnerdesk_core::trips::{create_trip, list_trips, TripInput, TripQuery, TripStatus};
use partnerdesk_core::vocabulary::{Direction, RegisterKind};

const TRIPS: usize = 2_000;
const MEMBERS_PER_TRIP: usize = 10;
const ITEMS_PER_TRIP: usize = 20;
const TASKS_PER_TRIP: usize = 25;

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

fn main() {
    let dir = std::env::temp_dir().join(format!("partnerdesk-scale-{}", std::process::id()));
    let conn = open(&dir.join("office.sqlite")).expect("database");
    let filled = Instant::now();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    let mut sample_trip = String::new();
    atomically(&conn, |conn| {
        for n in 0..TRIPS {
            let year = 1990 + n / 60;
            let month = 1 + (n % 12);
            let trip = create_trip(
                conn,
                &TripInput {
                    title: format!("Delegationsreise {n} nach Jinhua"),
                    direction: if n % 2 == 0 { Direction::Outgoing } else { Direction::Incoming },
                    partner_place: ["Jinhua", "Yangzhou", "Luzhou"][n % 3].into(),
                    partner_country: "China".into(),
                    time_zone: "Asia/Shanghai".into(),
                    start_date: format!("{year}-{month:02}-10"),
                    end_date: format!("{year}-{month:02}-16"),
                    purpose: String::new(),
                    status: TripStatus::Done,
                    notes: String::new(),
                    partnership_id: None,
                    theme_ids: Vec::new(),
                },
            )?;
            for m in 0..MEMBERS_PER_TRIP {
                let input = MemberInput { name_latin: format!("Mitglied {m} der Reise {n}"), ..Default::default() };
                add_member(conn, &trip.id, &input)?;
            }
            for i in 0..ITEMS_PER_TRIP {
                let day = 10 + i / 4;
                let hour = 8 + (i % 4) * 3;
                let at = |h: usize| format!("{year}-{month:02}-{day:02}T{h:02}:00");
                let zone = "Asia/Shanghai";
                let visit = ItemInput {
                    place: format!("Ort {i}"),
                    ..ItemInput::new(ItemKind::Visit, &format!("Termin {i}"), (&at(hour), zone), (&at(hour + 2), zone))
                };
                add_item(conn, &trip.id, &visit)?;
            }
            for k in 0..TASKS_PER_TRIP {
                let task = TaskInput {
                    title: format!("Folgeaufgabe {k} der Reise {n}"),
                    due_date: format!("{year}-{month:02}-{:02}", 1 + k),
                    status: Some(if k % 5 == 0 { TaskStatus::Open } else { TaskStatus::Done }),
                    trip_id: Some(trip.id.clone()),
                    ..TaskInput::default()
                };
                create_task(conn, &task, today)?;
            }
            sample_trip = trip.id;
        }
        Ok(())
    })
    .expect("filled");
    println!(
        "filled {TRIPS} trips, {} members, {} items, {} tasks in {:.1} s",
        TRIPS * MEMBERS_PER_TRIP,
        TRIPS * ITEMS_PER_TRIP,
        TRIPS * TASKS_PER_TRIP,
        filled.elapsed().as_secs_f64()
    );

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
    let people = |search: &str| RegisterQuery {
        search: search.into(),
        page: PageRequest { limit: Some(50), ..Default::default() },
        ..Default::default()
    };
    measure("people list, first page of 50", || {
        list_people(&conn, &people("")).unwrap();
    });
    measure("people list, search \"reise 1999\"", || {
        list_people(&conn, &people("reise 1999")).unwrap();
    });
    measure("register picker, search \"mitglied 7\"", || {
        search_register(&conn, "mitglied 7", &[RegisterKind::Person, RegisterKind::Organisation]).unwrap();
    });
    let someone = list_people(&conn, &people("Mitglied 3 der Reise 1999")).unwrap().items.remove(0).id;
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
    measure("tasks, all, search \"reise 1999\"", || {
        list_tasks(&conn, &TaskQuery { search: "reise 1999".into(), ..tasks(TaskView::All) }, today).unwrap();
    });
    measure("tasks of one trip", || {
        list_tasks(&conn, &TaskQuery { trip_id: Some(sample_trip.clone()), ..tasks(TaskView::All) }, today).unwrap();
    });
    measure("sidebar: count of overdue tasks", || {
        overdue_count(&conn, today).unwrap();
    });

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
