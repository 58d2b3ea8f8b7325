use crate::store::paging::PageRequest;
use chrono::{DateTime, NaiveDate, Utc};

use super::due::{week_of, DueState};
use super::list::{list_tasks, overdue_count, TaskQuery, TaskSort, TaskView};
use super::reminders::{notifications, take_due_reminders, Reminder};
use super::trash::{delete_task, restore_task, trashed_tasks};
use super::*;
use crate::checklists::{add_step, checklist_of, tick_step, ChecklistOwner};
use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::contacts::people::create_person;
use crate::contacts::tests::person_input;
use crate::partnerships::create_partnership;
use crate::partnerships::tests::partnership_input;
use crate::settings::office_date;
use crate::trips::create_trip;
use crate::trips::tests::trip_input;
use crate::vocabulary::Language;

pub(crate) fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub(crate) fn task(title: &str, due: &str) -> TaskInput {
    TaskInput { title: title.into(), due_date: due.into(), ..TaskInput::default() }
}

fn person(conn: &Connection, name: &str) -> RegisterRef {
    let id = create_person(conn, &person_input(name, "")).unwrap().id;
    RegisterRef { kind: RegisterKind::Person, id }
}

fn titles(conn: &Connection, query: TaskQuery, today: NaiveDate) -> Vec<String> {
    list_tasks(conn, &query, today).unwrap().items.into_iter().map(|t| t.title).collect()
}

fn count(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM tasks", [], |row| row.get(0)).unwrap()
}

#[test]
fn the_due_date_is_a_day_in_the_offices_zone_wherever_the_laptop_is() {
    let berlin = chrono_tz::Europe::Berlin;
    // 00:30 on 12 May in Düren; still 11 May in New York, already 06:30 on 12 May in Jinhua.
    let instant: DateTime<Utc> = "2026-05-11T22:30:00Z".parse().unwrap();
    let today = office_date(instant, berlin);
    assert_eq!(today, day("2026-05-12"));
    assert_eq!(instant.with_timezone(&chrono_tz::America::New_York).date_naive(), day("2026-05-11"));
    assert_eq!(DueState::of(Some(day("2026-05-12")), TaskStatus::Open, today), DueState::Today);
    // 01:30 on 13 May in Düren: the task due on 12 May is overdue, whatever the laptop's clock says.
    let later: DateTime<Utc> = "2026-05-12T23:30:00Z".parse().unwrap();
    assert_eq!(DueState::of(Some(day("2026-05-12")), TaskStatus::Open, office_date(later, berlin)), DueState::Overdue);
    // Across the change to summer time the office's day still turns at its own midnight.
    let march: DateTime<Utc> = "2026-03-28T23:30:00Z".parse().unwrap();
    assert_eq!(office_date(march, berlin), day("2026-03-29"));
}

#[test]
fn due_states_follow_the_calendar_week_and_closed_tasks_are_never_due() {
    let thursday = day("2026-11-19");
    assert_eq!(week_of(thursday), (day("2026-11-16"), day("2026-11-22")));
    let state = |due: &str, status| DueState::of(Some(day(due)), status, thursday);
    assert_eq!(state("2026-11-18", TaskStatus::Open), DueState::Overdue);
    assert_eq!(state("2026-11-19", TaskStatus::Waiting), DueState::Today);
    assert_eq!(state("2026-11-22", TaskStatus::InProgress), DueState::ThisWeek);
    assert_eq!(state("2026-11-23", TaskStatus::Open), DueState::Later);
    assert_eq!(state("2026-11-01", TaskStatus::Done), DueState::Closed);
    assert_eq!(DueState::of(None, TaskStatus::Open, thursday), DueState::Undated);
}

#[test]
fn a_task_keeps_its_links_checklist_and_status_history() {
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-21");
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap();
    let trip = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let owner = person(&conn, "Anna Schmitz");
    let partner = person(&conn, "Zhu Chonglie");
    let input = TaskInput {
        description: "Austausch für 2027 vereinbaren".into(),
        owner: Some(owner.clone()),
        priority: Some(TaskPriority::High),
        trip_id: Some(trip.id.clone()),
        partnership_id: Some(partnership.id.clone()),
        theme_id: Some("0192b3c4-d5e6-7000-8000-000000000001".into()),
        people: vec![partner.clone(), partner.clone()],
        ..task("  Schüleraustausch vorbereiten ", "2026-12-15")
    };
    let created = create_task(&conn, &input, today).unwrap();
    assert_eq!(created.title, "Schüleraustausch vorbereiten");
    assert_eq!(created.owner.as_ref().map(|o| o.label.as_str()), Some("Anna Schmitz"));
    assert_eq!(created.trip.as_ref().map(|t| t.label.as_str()), Some("Jinhua 2026"));
    assert_eq!(created.partnership.as_ref().map(|p| p.id.as_str()), Some(partnership.id.as_str()));
    assert_eq!(created.theme.as_ref().map(|t| t.label.as_str()), Some("Bildung und Wissenschaft"));
    assert_eq!(created.people.len(), 1, "a person is linked once");
    assert_eq!((created.status, created.due_state), (TaskStatus::Open, DueState::Later));

    let owner_of_task = ChecklistOwner::task(&created.id);
    let step = add_step(&conn, &owner_of_task, "Schulen anschreiben").unwrap().steps[0].id.clone();
    add_step(&conn, &owner_of_task, "Termine abstimmen").unwrap();
    tick_step(&conn, &step, true).unwrap();
    let reread = get_task(&conn, &created.id, today).unwrap();
    assert_eq!((reread.checklist_done, reread.checklist_total), (1, 2));

    let done =
        update_task(&conn, &created.id, &TaskInput { status: Some(TaskStatus::Done), ..input.clone() }, today).unwrap();
    assert!(done.closed_at.is_some());
    assert_eq!(done.due_state, DueState::Closed);
    let reopened = update_task(&conn, &created.id, &input, today).unwrap();
    assert!(reopened.closed_at.is_none());
    assert_eq!(checklist_of(&conn, &owner_of_task).unwrap().done, 1);
}

#[test]
fn bad_input_gets_field_messages_and_saves_nothing() {
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-21");
    let city_hall = create_organisation(
        &conn,
        &OrganisationInput { name: "Stadtregierung Jinhua".into(), ..OrganisationInput::default() },
    )
    .unwrap();
    let input = TaskInput {
        owner: Some(RegisterRef { kind: RegisterKind::Organisation, id: city_hall.id }),
        trip_id: Some("no-such-trip".into()),
        ..task("  ", "31.02.2026")
    };
    let Err(Error::Validation(problems)) = create_task(&conn, &input, today) else { panic!("accepted bad input") };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["title", "due_date", "owner", "trip_id"]);
    assert!(matches!(create_task(&conn, &task("Bericht", "nächste Woche"), today), Err(Error::Validation(_))));
    assert_eq!(count(&conn), 0);
}

#[test]
fn work_is_seen_by_view_filter_and_sort_and_paged() {
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-19");
    let trip = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let me = person(&conn, "Anna Schmitz");
    let partner = person(&conn, "Zhu Chonglie");
    let add = |input: TaskInput| create_task(&conn, &input, today).unwrap();
    add(TaskInput { owner: Some(me.clone()), ..task("Bericht an den Kreistag", "2026-11-10") });
    add(TaskInput { priority: Some(TaskPriority::High), ..task("Fotoausstellung planen", "2026-11-21") });
    add(TaskInput {
        trip_id: Some(trip.id.clone()),
        people: vec![partner.clone()],
        ..task("Dank an Jinhua", "2026-11-19")
    });
    add(TaskInput { status: Some(TaskStatus::Done), ..task("Pressemitteilung", "2026-11-01") });
    add(task("Stadtnachrichten übersetzen", ""));
    add(task("Wasserstoff-Workshop", "2027-02-01"));

    let view = |view| TaskQuery { view: Some(view), ..TaskQuery::default() };
    assert_eq!(
        titles(&conn, view(TaskView::Open), today),
        [
            "Bericht an den Kreistag",
            "Dank an Jinhua",
            "Fotoausstellung planen",
            "Wasserstoff-Workshop",
            "Stadtnachrichten übersetzen"
        ]
    );
    assert_eq!(titles(&conn, view(TaskView::Overdue), today), ["Bericht an den Kreistag"]);
    assert_eq!(titles(&conn, view(TaskView::ThisWeek), today), ["Dank an Jinhua", "Fotoausstellung planen"]);
    assert_eq!(titles(&conn, view(TaskView::Closed), today), ["Pressemitteilung"]);
    assert_eq!(list_tasks(&conn, &view(TaskView::All), today).unwrap().total, 6);
    assert_eq!(overdue_count(&conn, today).unwrap(), 1);

    let mine = TaskQuery { owner_id: Some(me.id.clone()), ..TaskQuery::default() };
    assert_eq!(titles(&conn, mine, today), ["Bericht an den Kreistag"]);
    let linked = TaskQuery { person_id: Some(partner.id.clone()), ..TaskQuery::default() };
    assert_eq!(titles(&conn, linked, today), ["Dank an Jinhua"]);
    let of_trip = TaskQuery { trip_id: Some(trip.id.clone()), ..TaskQuery::default() };
    assert_eq!(titles(&conn, of_trip, today), ["Dank an Jinhua"]);
    let search = TaskQuery { search: "wasser".into(), ..TaskQuery::default() };
    assert_eq!(titles(&conn, search, today), ["Wasserstoff-Workshop"]);
    let only_signs = TaskQuery { search: " – ".into(), ..TaskQuery::default() };
    assert!(titles(&conn, only_signs, today).is_empty(), "signs alone find nothing");
    let by_priority = TaskQuery {
        sort: Some(TaskSort::Priority),
        page: PageRequest { limit: Some(2), ..Default::default() },
        ..TaskQuery::default()
    };
    assert_eq!(titles(&conn, by_priority, today), ["Fotoausstellung planen", "Bericht an den Kreistag"]);
    let second_page = TaskQuery {
        sort: Some(TaskSort::Title),
        page: PageRequest { offset: 4, limit: Some(2) },
        ..TaskQuery::default()
    };
    let page = list_tasks(&conn, &second_page, today).unwrap();
    assert_eq!((page.total, page.items.len()), (5, 1));
    assert_eq!(page.items[0].title, "Wasserstoff-Workshop");
}

#[test]
fn the_status_of_several_tasks_changes_at_once_or_not_at_all() {
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-21");
    let a = create_task(&conn, &task("A", ""), today).unwrap().id;
    let b = create_task(&conn, &task("B", ""), today).unwrap().id;
    let error = set_status_of_tasks(&conn, &[a.clone(), "no-such-task".into()], TaskStatus::Done).unwrap_err();
    assert!(matches!(error, Error::NotFound(_)));
    assert_eq!(get_task(&conn, &a, today).unwrap().status, TaskStatus::Open, "nothing changed half");
    assert_eq!(set_status_of_tasks(&conn, &[a.clone(), b.clone()], TaskStatus::Waiting).unwrap(), 2);
    assert_eq!(get_task(&conn, &b, today).unwrap().status, TaskStatus::Waiting);
}

#[test]
fn a_task_is_reminded_of_once_per_office_day_and_never_when_closed() {
    let conn = crate::store::open_in_memory().unwrap();
    let monday = day("2026-05-11");
    let tuesday = day("2026-05-12");
    let due = create_task(&conn, &task("Dank an Jinhua", "2026-05-12"), monday).unwrap();
    create_task(&conn, &task("Erledigt", "2026-05-12"), monday)
        .map(|done| set_status_of_tasks(&conn, &[done.id], TaskStatus::Done).unwrap())
        .unwrap();
    create_task(&conn, &task("Später", "2026-06-01"), monday).unwrap();

    assert!(take_due_reminders(&conn, monday).unwrap().is_empty(), "not due yet");
    let first = take_due_reminders(&conn, tuesday).unwrap();
    assert_eq!(first, [Reminder { task_id: due.id.clone(), title: "Dank an Jinhua".into(), due_date: tuesday }]);
    assert!(take_due_reminders(&conn, tuesday).unwrap().is_empty(), "once per day, also after a restart");
    assert_eq!(get_task(&conn, &due.id, tuesday).unwrap().reminded_on, Some(tuesday));
    let wednesday = day("2026-05-13");
    assert_eq!(take_due_reminders(&conn, wednesday).unwrap().len(), 1, "overdue: once the next day");
    set_status_of_tasks(&conn, &[due.id], TaskStatus::Done).unwrap();
    assert!(take_due_reminders(&conn, day("2026-05-14")).unwrap().is_empty());
}

#[test]
fn many_reminders_at_once_become_one_notification() {
    let today = day("2026-05-12");
    let reminder =
        |n: usize, due: &str| Reminder { task_id: n.to_string(), title: format!("Aufgabe {n}"), due_date: day(due) };
    let few = [reminder(1, "2026-05-12"), reminder(2, "2026-05-10")];
    let shown = notifications(&few, today, Language::De);
    assert_eq!(shown.len(), 2);
    assert_eq!((shown[0].title.as_str(), shown[0].body.as_str()), ("Heute fällig", "Aufgabe 1"));
    assert_eq!(shown[1].title, "Überfällig seit 10.05.2026");
    let many: Vec<Reminder> = (0..12).map(|n| reminder(n, if n < 5 { "2026-05-01" } else { "2026-05-12" })).collect();
    let summary = notifications(&many, today, Language::En);
    assert_eq!(summary.len(), 1);
    assert_eq!(summary[0].title, "12 tasks are due");
    assert!(summary[0].body.contains("5 of them overdue"));
}

#[test]
fn a_deleted_task_waits_in_the_trash_with_its_checklist() {
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-21");
    let created = create_task(&conn, &task("Fotoausstellung", "2026-12-01"), today).unwrap();
    add_step(&conn, &ChecklistOwner::task(&created.id), "Bilder auswählen").unwrap();
    delete_task(&conn, &created.id).unwrap();
    assert!(matches!(get_task(&conn, &created.id, today), Err(Error::NotFound(_))));
    assert_eq!(list_tasks(&conn, &TaskQuery::default(), today).unwrap().total, 0);
    assert_eq!(trashed_tasks(&conn, today).unwrap()[0].id, created.id);
    let restored = restore_task(&conn, &created.id, today).unwrap();
    assert_eq!(restored.checklist_total, 1);
    assert!(trashed_tasks(&conn, today).unwrap().is_empty());
}

#[test]
fn merging_two_records_of_a_person_keeps_their_tasks() {
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-21");
    let keep = person(&conn, "Thomas Becker");
    let duplicate = person(&conn, "Becker, Thomas");
    let owned =
        create_task(&conn, &TaskInput { owner: Some(duplicate.clone()), ..task("Bericht", "") }, today).unwrap();
    let linked = create_task(&conn, &TaskInput { people: vec![duplicate.clone()], ..task("Dank", "") }, today).unwrap();
    let settings = crate::settings::get_settings(&conn).unwrap();
    crate::settings::update_settings(&conn, &crate::settings::Settings { me: Some(duplicate.id.clone()), ..settings })
        .unwrap();

    crate::contacts::merge::merge_people(&conn, &keep.id, &duplicate.id).unwrap();
    assert_eq!(get_task(&conn, &owned.id, today).unwrap().owner.map(|o| o.id), Some(keep.id.clone()));
    assert_eq!(get_task(&conn, &linked.id, today).unwrap().people[0].id, keep.id);
    assert_eq!(crate::settings::get_settings(&conn).unwrap().me, Some(keep.id));
}

#[test]
fn a_task_serves_an_agreement_until_the_agreement_goes() {
    use crate::partnerships::agreements::{add_agreement, remove_agreement};
    let conn = crate::store::open_in_memory().unwrap();
    let today = day("2026-11-21");
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap();
    let memorandum = add_agreement(
        &conn,
        &partnership.id,
        &crate::partnerships::tests::agreement("Memorandum", "2026-06-16", ""),
        today,
    )
    .unwrap();
    let input = TaskInput {
        partnership_id: Some(partnership.id.clone()),
        agreement_id: Some(memorandum.id.clone()),
        ..task("Stadt-Informationen veröffentlichen", "2026-11-27")
    };
    let created = create_task(&conn, &input, today).unwrap();
    assert_eq!(created.agreement.as_ref().map(|a| a.label.as_str()), Some("Memorandum"));

    let stranger = TaskInput { agreement_id: Some("no-such-agreement".into()), ..input.clone() };
    let Err(Error::Validation(fields)) = update_task(&conn, &created.id, &stranger, today) else { panic!("unknown") };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("agreement_id", "unknown_link"));

    remove_agreement(&conn, &memorandum.id).unwrap();
    assert_eq!(get_task(&conn, &created.id, today).unwrap().agreement, None, "an agreement in the trash is not named");
}
