use super::templates::{get_template, save_template, TemplateInput};
use super::*;
use crate::duplicate::{duplicate_trip, DuplicateOptions};
use crate::error::Error;
use crate::tasks::tests::{day, task};
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, get_trip, TripInput};
use crate::vocabulary::Direction;

fn texts(checklist: &Checklist) -> Vec<&str> {
    checklist.steps.iter().map(|step| step.text.as_str()).collect()
}

fn incoming(title: &str) -> TripInput {
    TripInput { direction: Direction::Incoming, ..trip_input(title) }
}

#[test]
fn a_new_trip_gets_the_template_of_its_direction() {
    let conn = crate::store::open_in_memory().unwrap();
    let outgoing = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let hosted = create_trip(&conn, &incoming("Gäste aus Jinhua")).unwrap();
    let outgoing_list = checklist_of(&conn, &ChecklistOwner::trip(&outgoing.id)).unwrap();
    let hosted_list = checklist_of(&conn, &ChecklistOwner::trip(&hosted.id)).unwrap();
    assert_eq!(texts(&outgoing_list), get_template(&conn, Direction::Outgoing).unwrap().steps);
    assert_eq!(texts(&hosted_list), get_template(&conn, Direction::Incoming).unwrap().steps);
    assert!(texts(&outgoing_list).contains(&"Visa beantragt"));
    assert!(texts(&hosted_list).contains(&"Transfers und Fahrdienst organisiert"));
    assert_eq!(outgoing_list.template_version, Some(1));
    let trip = get_trip(&conn, &outgoing.id).unwrap();
    assert_eq!((trip.checklist_done, trip.checklist_total), (0, outgoing_list.steps.len() as i64));
}

#[test]
fn editing_a_template_never_changes_past_trips() {
    let conn = crate::store::open_in_memory().unwrap();
    let past = create_trip(&conn, &trip_input("Jinhua 2025")).unwrap();
    let before = checklist_of(&conn, &ChecklistOwner::trip(&past.id)).unwrap();

    let steps = vec!["Einladung erhalten".to_string(), "  Visa beantragt ".to_string()];
    let saved = save_template(&conn, Direction::Outgoing, &TemplateInput { steps }).unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(saved.steps, ["Einladung erhalten", "Visa beantragt"]);
    let unchanged = save_template(&conn, Direction::Outgoing, &TemplateInput { steps: saved.steps.clone() }).unwrap();
    assert_eq!(unchanged.version, 2, "saving the same steps is not a new version");

    assert_eq!(checklist_of(&conn, &ChecklistOwner::trip(&past.id)).unwrap(), before);
    let next = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let next_list = checklist_of(&conn, &ChecklistOwner::trip(&next.id)).unwrap();
    assert_eq!(texts(&next_list), ["Einladung erhalten", "Visa beantragt"]);
    assert_eq!(next_list.template_version, Some(2));
    assert_eq!(get_template(&conn, Direction::Incoming).unwrap().version, 1);
}

#[test]
fn a_template_with_a_blank_step_is_refused_and_kept() {
    let conn = crate::store::open_in_memory().unwrap();
    let before = get_template(&conn, Direction::Incoming).unwrap();
    let steps = vec!["Hotel gebucht".to_string(), "   ".to_string()];
    let error = save_template(&conn, Direction::Incoming, &TemplateInput { steps }).unwrap_err();
    assert!(error.to_string().contains("step 2"), "{error}");
    assert_eq!(get_template(&conn, Direction::Incoming).unwrap(), before);
}

#[test]
fn a_duplicated_trip_starts_preparation_afresh() {
    let conn = crate::store::open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let first = checklist_of(&conn, &ChecklistOwner::trip(&trip.id)).unwrap().steps[0].id.clone();
    tick_step(&conn, &first, true).unwrap();
    let options = DuplicateOptions { start_date: "2027-10-20".into(), include_delegation: false };
    let copy = duplicate_trip(&conn, &trip.id, &options).unwrap();
    let copied = checklist_of(&conn, &ChecklistOwner::trip(&copy.id)).unwrap();
    assert_eq!(copied.done, 0);
    assert_eq!(copied.steps.len(), get_template(&conn, Direction::Outgoing).unwrap().steps.len());
}

#[test]
fn steps_are_added_ticked_renamed_moved_and_removed() {
    let conn = crate::store::open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let owner = ChecklistOwner::trip(&trip.id);
    save_template(&conn, Direction::Outgoing, &TemplateInput { steps: vec![] }).unwrap();
    for step in checklist_of(&conn, &owner).unwrap().steps {
        remove_step(&conn, &step.id).unwrap();
    }
    for text in ["A", "B", "C", "D"] {
        add_step(&conn, &owner, text).unwrap();
    }
    let ids: Vec<String> = checklist_of(&conn, &owner).unwrap().steps.into_iter().map(|s| s.id).collect();

    assert_eq!(texts(&move_step(&conn, &ids[0], &ids[2]).unwrap()), ["B", "C", "A", "D"]);
    assert_eq!(texts(&move_step(&conn, &ids[3], &ids[1]).unwrap()), ["D", "B", "C", "A"]);

    let ticked = tick_step(&conn, &ids[1], true).unwrap();
    assert_eq!(ticked.done, 1);
    let stamp = ticked.steps.iter().find(|s| s.id == ids[1]).unwrap().done_at.clone();
    assert!(stamp.is_some());
    let again = tick_step(&conn, &ids[1], true).unwrap();
    assert_eq!(
        again.steps.iter().find(|s| s.id == ids[1]).unwrap().done_at,
        stamp,
        "ticking twice keeps the first time"
    );
    assert_eq!(tick_step(&conn, &ids[1], false).unwrap().done, 0);

    assert_eq!(texts(&rename_step(&conn, &ids[2], " C2 ").unwrap()), ["D", "B", "C2", "A"]);
    assert_eq!(texts(&remove_step(&conn, &ids[3]).unwrap()), ["B", "C2", "A"]);
}

#[test]
fn a_removed_step_waits_in_the_trash_and_returns_to_its_place() {
    let conn = crate::store::open_in_memory().unwrap();
    let task = crate::tasks::create_task(&conn, &task("Bericht schreiben", ""), day("2026-11-21")).unwrap();
    let owner = ChecklistOwner::task(&task.id);
    for text in ["A", "B", "C"] {
        add_step(&conn, &owner, text).unwrap();
    }
    let ids: Vec<String> = checklist_of(&conn, &owner).unwrap().steps.into_iter().map(|s| s.id).collect();
    assert_eq!(texts(&remove_step(&conn, &ids[1]).unwrap()), ["A", "C"]);
    assert!(matches!(tick_step(&conn, &ids[1], true), Err(Error::NotFound(_))));
    assert_eq!(crate::tasks::get_task(&conn, &task.id, day("2026-11-21")).unwrap().checklist_total, 2);
    let trashed = trashed_steps(&conn).unwrap();
    assert_eq!((trashed[0].label.as_str(), trashed[0].context.as_str()), ("B", "Bericht schreiben"));

    crate::tasks::trash::delete_task(&conn, &task.id).unwrap();
    assert!(matches!(restore_step(&conn, &ids[1]), Err(Error::NotFound(_))), "not into a task in the trash");
    assert_eq!(trashed_steps(&conn).unwrap().len(), 1);
    crate::tasks::trash::restore_task(&conn, &task.id, day("2026-11-21")).unwrap();
    assert_eq!(texts(&restore_step(&conn, &ids[1]).unwrap()), ["A", "B", "C"]);
    assert!(trashed_steps(&conn).unwrap().is_empty());
}

#[test]
fn bad_moves_and_texts_are_refused_without_change() {
    let conn = crate::store::open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Jinhua 2026")).unwrap();
    let other = create_trip(&conn, &trip_input("Yangzhou 2026")).unwrap();
    let owner = ChecklistOwner::trip(&trip.id);
    let before = checklist_of(&conn, &owner).unwrap();
    let first = &before.steps[0].id;

    let onto_itself = move_step(&conn, first, first).unwrap_err();
    assert!(matches!(&onto_itself, Error::Validation(f) if f[0].code == "onto_itself"), "{onto_itself}");
    let foreign = checklist_of(&conn, &ChecklistOwner::trip(&other.id)).unwrap().steps[0].id.clone();
    assert!(matches!(move_step(&conn, first, &foreign), Err(Error::Validation(_))));
    assert!(matches!(add_step(&conn, &owner, "  "), Err(Error::Validation(_))));
    assert!(matches!(rename_step(&conn, first, ""), Err(Error::Validation(_))));
    assert!(matches!(tick_step(&conn, "no-such-step", true), Err(Error::NotFound(_))));
    assert!(matches!(add_step(&conn, &ChecklistOwner::trip("no-such-trip"), "X"), Err(Error::NotFound(_))));
    assert_eq!(checklist_of(&conn, &owner).unwrap(), before);
}
