use chrono::{DateTime, Utc};

use super::*;
use crate::contacts::people::create_person;
use crate::contacts::tests::person_input;
use crate::partnerships::create_partnership;
use crate::partnerships::tests::partnership_input;
use crate::programme::{add_item, ItemInput, ItemKind};
use crate::tasks::tests::day;
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, TripInput};

struct Visit {
    conn: Connection,
    item_id: String,
    trip_id: String,
    partnership_id: String,
}

fn visit() -> Visit {
    let conn = crate::store::open_in_memory().unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), day("2026-11-21")).unwrap();
    let trip =
        create_trip(&conn, &TripInput { partnership_id: Some(partnership.id.clone()), ..trip_input("Jinhua 2026") })
            .unwrap();
    let zone = "Asia/Shanghai";
    let input = ItemInput::new(
        ItemKind::Meeting,
        "Gespräch mit Parteisekretär Zhu",
        ("2026-10-22T10:00", zone),
        ("2026-10-22T11:30", zone),
    );
    let item = add_item(&conn, &trip.id, &input).unwrap();
    Visit { conn, item_id: item.id, trip_id: trip.id, partnership_id: partnership.id }
}

fn after_the_visit() -> DateTime<Utc> {
    "2026-10-23T08:00:00Z".parse().unwrap()
}

fn person(conn: &Connection, name: &str) -> RegisterRef {
    RegisterRef { kind: RegisterKind::Person, id: create_person(conn, &person_input(name, "")).unwrap().id }
}

#[test]
fn a_point_agreed_becomes_a_task_that_keeps_every_link() {
    let Visit { conn, item_id, trip_id, partnership_id } = visit();
    let zhu = person(&conn, "Zhu Chonglie");
    let text = "Schüleraustausch zwischen den Berufskollegs ab Herbst 2027\nAnsprechpartner: Bildungsamt Jinhua";
    let input = OutcomeInput { text: text.into(), people: vec![zhu.clone()], project_id: None };
    let outcome = add_outcome(&conn, &item_id, &input, after_the_visit()).unwrap();
    assert_eq!(outcome.people[0].id, zhu.id);

    let task = task_from_outcome(&conn, &outcome.id, day("2026-11-21")).unwrap();
    assert_eq!(task.title, "Schüleraustausch zwischen den Berufskollegs ab Herbst 2027");
    assert_eq!(task.description, text);
    assert_eq!(task.trip.map(|t| t.id), Some(trip_id));
    assert_eq!(task.item.map(|i| i.label), Some("Gespräch mit Parteisekretär Zhu".to_string()));
    assert_eq!(task.partnership.map(|p| p.id), Some(partnership_id));
    assert_eq!(task.people.iter().map(|p| p.id.clone()).collect::<Vec<_>>(), [zhu.id]);
    assert_eq!(task.outcome_id.as_deref(), Some(outcome.id.as_str()));
    let reread = outcomes_of_item(&conn, &item_id).unwrap();
    assert_eq!(reread[0].tasks, [OutcomeTask { id: task.id, status: TaskStatus::Open }]);
}

#[test]
fn a_long_point_gets_a_short_title() {
    let Visit { conn, item_id, .. } = visit();
    let text = "Wasserstoff ".repeat(20);
    let outcome = add_outcome(
        &conn,
        &item_id,
        &OutcomeInput { text: text.clone(), people: vec![], project_id: None },
        after_the_visit(),
    )
    .unwrap();
    let task = task_from_outcome(&conn, &outcome.id, day("2026-11-21")).unwrap();
    assert!(task.title.chars().count() <= TITLE_LENGTH && task.title.ends_with('…'), "{}", task.title);
    assert_eq!(task.description, text.trim());
}

#[test]
fn outcomes_wait_until_the_item_has_taken_place_and_need_a_text() {
    let Visit { conn, item_id, .. } = visit();
    let before: DateTime<Utc> = "2026-10-22T01:00:00Z".parse().unwrap();
    let input = OutcomeInput { text: "Fotoausstellung in Jinhua".into(), people: vec![], project_id: None };
    let error = add_outcome(&conn, &item_id, &input, before).unwrap_err();
    assert!(matches!(&error, Error::Validation(f) if f[0].code == "not_yet_taken_place"), "{error}");
    let blank = OutcomeInput { text: "  ".into(), people: vec![], project_id: None };
    assert!(matches!(add_outcome(&conn, &item_id, &blank, after_the_visit()), Err(Error::Validation(_))));
    assert!(matches!(add_outcome(&conn, "no-such-item", &input, after_the_visit()), Err(Error::NotFound(_))));
    assert!(outcomes_of_item(&conn, &item_id).unwrap().is_empty());
}

#[test]
fn outcomes_are_edited_and_moved_to_the_trash_and_their_tasks_stay() {
    let Visit { conn, item_id, .. } = visit();
    let input = OutcomeInput {
        text: "Stadtnachrichten auf der Plattform des Partners".into(),
        people: vec![],
        project_id: None,
    };
    let outcome = add_outcome(&conn, &item_id, &input, after_the_visit()).unwrap();
    let edited = update_outcome(
        &conn,
        &outcome.id,
        &OutcomeInput { text: "Stadtnachrichten monatlich".into(), people: vec![], project_id: None },
    )
    .unwrap();
    assert_eq!(edited.text, "Stadtnachrichten monatlich");
    let task = task_from_outcome(&conn, &outcome.id, day("2026-11-21")).unwrap();
    remove_outcome(&conn, &outcome.id).unwrap();
    assert!(outcomes_of_item(&conn, &item_id).unwrap().is_empty());
    assert!(matches!(update_outcome(&conn, &outcome.id, &input), Err(Error::NotFound(_))));
    let kept = crate::tasks::get_task(&conn, &task.id, day("2026-11-21")).unwrap();
    assert_eq!(kept.outcome_id, None, "a task does not link to a point in the trash");
    assert_eq!(kept.item.map(|i| i.id), Some(item_id.clone()));
    let trashed = trashed_outcomes(&conn).unwrap();
    assert_eq!(
        (trashed[0].label.as_str(), trashed[0].context.as_str()),
        ("Stadtnachrichten monatlich", "Gespräch mit Parteisekretär Zhu")
    );

    assert_eq!(restore_outcome(&conn, &outcome.id).unwrap().text, "Stadtnachrichten monatlich");
    assert_eq!(outcomes_of_item(&conn, &item_id).unwrap().len(), 1);
    let linked = crate::tasks::get_task(&conn, &task.id, day("2026-11-21")).unwrap();
    assert_eq!(linked.outcome_id, Some(outcome.id.clone()));
    assert!(trashed_outcomes(&conn).unwrap().is_empty());
    assert!(
        matches!(restore_outcome(&conn, &outcome.id), Err(Error::NotFound(_))),
        "only what is in the trash is restored"
    );
}
