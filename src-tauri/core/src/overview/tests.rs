use chrono::TimeZone;

use super::*;
use crate::partnerships::agreements::add_agreement;
use crate::partnerships::create_partnership;
use crate::partnerships::tests::{agreement, partnership_input};
use crate::programme::{add_item, ItemInput, ItemKind};
use crate::store::open_in_memory;
use crate::tasks::{create_task, TaskInput};
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, update_trip, TripInput, TripStatus};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn trip(conn: &Connection, title: &str, dates: (&str, &str), status: TripStatus) -> Trip {
    let input = TripInput { start_date: dates.0.into(), end_date: dates.1.into(), status, ..trip_input(title) };
    create_trip(conn, &input).unwrap()
}

fn item(conn: &Connection, trip: &Trip, title: &str, start: &str, end: &str) {
    let input = ItemInput::new(ItemKind::Meeting, title, (start, "Asia/Shanghai"), (end, "Asia/Shanghai"));
    add_item(conn, &trip.id, &input).unwrap();
}

fn task(conn: &Connection, title: &str, due: &str, today: NaiveDate) {
    create_task(conn, &TaskInput { title: title.into(), due_date: due.into(), ..TaskInput::default() }, today).unwrap();
}

#[test]
fn a_trip_under_way_shows_today_and_tomorrow_where_the_trip_is() {
    let conn = open_in_memory().unwrap();
    let jinhua = trip(&conn, "Reise nach Jinhua", ("2030-05-10", "2030-05-14"), TripStatus::Confirmed);
    item(&conn, &jinhua, "Ankunft und Empfang", "2030-05-10T18:00", "2030-05-10T20:00");
    item(&conn, &jinhua, "Besuch der Berufsschule", "2030-05-11T09:00", "2030-05-11T11:00");
    item(&conn, &jinhua, "Unterzeichnung", "2030-05-12T10:00", "2030-05-12T11:00");
    item(&conn, &jinhua, "Rückflug", "2030-05-14T10:00", "2030-05-14T21:00");
    // 16:30 UTC: still the 10th in Düren, already 00:30 on the 11th in Jinhua.
    let now = Utc.with_ymd_and_hms(2030, 5, 10, 16, 30, 0).unwrap();
    let seen = overview(&conn, now).unwrap();
    assert_eq!(seen.today, date("2030-05-10"));
    assert_eq!(seen.under_way.len(), 1);
    let under_way = &seen.under_way[0];
    assert_eq!(under_way.day_number, 2);
    let days: Vec<NaiveDate> = under_way.days.iter().map(|day| day.date).collect();
    assert_eq!(days, [date("2030-05-11"), date("2030-05-12")]);
    assert_eq!(under_way.days[0].items[0].item.title, "Besuch der Berufsschule");
    assert_eq!(under_way.days[0].items[0].item.start.local, "2030-05-11T09:00");
    let home = under_way.days[0].items[0].home_start.as_ref().expect("home time beside it");
    assert_eq!(home.local, "2030-05-11T03:00");
    assert!(seen.next_trips.is_empty(), "a trip under way is not one of the next");

    let last_day = overview(&conn, Utc.with_ymd_and_hms(2030, 5, 14, 1, 0, 0).unwrap()).unwrap();
    assert_eq!(last_day.under_way[0].days.len(), 1, "no tomorrow after the last day");
    let home_again = overview(&conn, Utc.with_ymd_and_hms(2030, 5, 14, 17, 0, 0).unwrap()).unwrap();
    assert!(home_again.under_way.is_empty(), "the 15th in Jinhua: the trip is over");
}

#[test]
fn the_next_trips_count_the_days_and_leave_out_what_is_done_or_cancelled() {
    let conn = open_in_memory().unwrap();
    let today = date("2030-05-10");
    trip(&conn, "Gegenbesuch aus Jinhua", ("2030-06-01", "2030-06-05"), TripStatus::Planning);
    trip(&conn, "Abgesagte Reise", ("2030-05-20", "2030-05-22"), TripStatus::Cancelled);
    trip(&conn, "Fachreise Berufsbildung", ("2030-05-12", "2030-05-16"), TripStatus::Confirmed);
    trip(&conn, "Letztes Jahr", ("2029-05-12", "2029-05-16"), TripStatus::Done);
    for n in 0..NEXT_TRIPS {
        trip(&conn, &format!("Später {n}"), ("2031-01-01", "2031-01-02"), TripStatus::Idea);
    }
    let now = Utc.with_ymd_and_hms(2030, 5, 10, 8, 0, 0).unwrap();
    let next = overview(&conn, now).unwrap().next_trips;
    let seen: Vec<(&str, i64)> = next.iter().map(|next| (next.trip.title.as_str(), next.days_to_go)).collect();
    assert_eq!(seen[..2], [("Fachreise Berufsbildung", 2), ("Gegenbesuch aus Jinhua", 22)]);
    assert_eq!(next.len(), NEXT_TRIPS);
    assert_eq!(today, overview(&conn, now).unwrap().today);
}

#[test]
fn tasks_agreements_and_changes_are_listed_with_their_totals() {
    let conn = open_in_memory().unwrap();
    let today = date("2030-05-10");
    for n in 0..TASKS_SHOWN + 2 {
        task(&conn, &format!("Überfällig {n}"), "2030-05-01", today);
    }
    task(&conn, "Dankschreiben senden", "2030-05-12", today);
    task(&conn, "Bericht nächste Woche", "2030-05-13", today);
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap();
    add_agreement(&conn, &partnership.id, &agreement("Memorandum Berufsbildung", "2028-09-01", "2030-09-01"), today)
        .unwrap();
    add_agreement(&conn, &partnership.id, &agreement("Vertrag bis 2031", "2028-09-01", "2031-06-01"), today).unwrap();
    add_agreement(&conn, &partnership.id, &agreement("Abgelaufen", "2020-01-01", "2030-05-01"), today).unwrap();
    let renamed = trip(&conn, "Reise", ("2030-06-01", "2030-06-05"), TripStatus::Planning);
    std::thread::sleep(std::time::Duration::from_millis(5));
    update_trip(&conn, &renamed.id, &TripInput { title: "Reise nach Jinhua".into(), ..trip_input("x") }).unwrap();

    let seen = overview(&conn, Utc.with_ymd_and_hms(2030, 5, 10, 8, 0, 0).unwrap()).unwrap();
    assert_eq!(seen.overdue.total, TASKS_SHOWN + 2);
    assert_eq!(seen.overdue.tasks.len() as i64, TASKS_SHOWN);
    let this_week: Vec<&str> = seen.due_this_week.tasks.iter().map(|task| task.title.as_str()).collect();
    assert_eq!(this_week, ["Dankschreiben senden"]);
    let expiring: Vec<(&str, i64)> =
        seen.expiring_agreements.iter().map(|found| (found.title.as_str(), found.days_left)).collect();
    assert_eq!(expiring, [("Memorandum Berufsbildung", 114)]);
    assert_eq!(seen.expiring_agreements[0].partnership_label, "Stadt Düren – Jinhua");
    let first = &seen.recent_changes[0];
    assert_eq!((first.kind, first.title.as_str()), (SearchKind::Trip, "Reise nach Jinhua"));
    assert_eq!(seen.recent_changes.len(), CHANGES_SHOWN);
    assert!(seen.due_erasures.is_empty());
}

#[test]
fn an_empty_office_has_nothing_to_show() {
    let conn = open_in_memory().unwrap();
    let seen = overview(&conn, Utc::now()).unwrap();
    assert!(seen.under_way.is_empty() && seen.next_trips.is_empty() && seen.recent_changes.is_empty());
    assert_eq!((seen.overdue.total, seen.due_this_week.total), (0, 0));
    let year = trip_year(&conn, None, Utc::now()).unwrap();
    assert!(year.trips.is_empty() && year.years.is_empty());
}

#[test]
fn a_year_holds_the_trips_that_fall_in_it_even_in_part() {
    let conn = open_in_memory().unwrap();
    trip(&conn, "Jahreswechsel in Jinhua", ("2029-12-28", "2030-01-03"), TripStatus::Done);
    trip(&conn, "Frühjahr", ("2030-04-01", "2030-04-05"), TripStatus::Done);
    let incoming = TripInput {
        direction: Direction::Incoming,
        start_date: "2030-09-01".into(),
        end_date: "2030-09-04".into(),
        ..trip_input("Gäste aus Jinhua")
    };
    create_trip(&conn, &incoming).unwrap();
    trip(&conn, "Nächstes Jahr", ("2031-02-01", "2031-02-03"), TripStatus::Planning);
    let year = trip_year(&conn, Some(2030), Utc::now()).unwrap();
    let titles: Vec<(&str, Direction)> = year.trips.iter().map(|trip| (trip.title.as_str(), trip.direction)).collect();
    assert_eq!(
        titles,
        [
            ("Jahreswechsel in Jinhua", Direction::Outgoing),
            ("Frühjahr", Direction::Outgoing),
            ("Gäste aus Jinhua", Direction::Incoming)
        ]
    );
    let years: Vec<(i32, i64)> = year.years.iter().map(|count| (count.year, count.trips)).collect();
    assert_eq!(years, [(2029, 1), (2030, 2), (2031, 1)]);
    let this_year = trip_year(&conn, None, Utc.with_ymd_and_hms(2031, 6, 1, 0, 0, 0).unwrap()).unwrap();
    assert_eq!((this_year.year, this_year.trips.len()), (2031, 1));
}
