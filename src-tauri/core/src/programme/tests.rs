use super::*;
use crate::delegation::{add_member, MemberInput};
use crate::error::Error;
use crate::programme::conflicts::WarningKind;
use crate::programme::trash::{remove_item, restore_item};
use crate::store::open_in_memory;
use crate::trips::{create_trip, tests::trip_input, TripInput};

fn item(title: &str, start: &str, end: &str, place: &str) -> ItemInput {
    let shanghai = "Asia/Shanghai";
    ItemInput { place: place.into(), ..ItemInput::new(ItemKind::Visit, title, (start, shanghai), (end, shanghai)) }
}

fn setup() -> (Connection, Trip) {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Jinhua")).unwrap();
    (conn, trip)
}

#[test]
fn a_flight_keeps_its_two_zones_and_sorts_by_instant() {
    let (conn, trip) = setup();
    let flight =
        ItemInput { start_zone: "Europe/Berlin".into(), ..item("Flug", "2026-10-21T21:30", "2026-10-22T15:00", "FRA") };
    let stored = add_item(&conn, &trip.id, &flight).unwrap();
    assert_eq!((stored.start.utc.as_str(), stored.end.utc.as_str()), ("2026-10-21T19:30:00Z", "2026-10-22T07:00:00Z"));
    assert_eq!((stored.start.abbreviation.as_str(), stored.end.abbreviation.as_str()), ("CEST", "CST"));
    add_item(&conn, &trip.id, &item("Früh", "2026-10-21T08:00", "2026-10-21T09:00", "")).unwrap();
    let titles: Vec<String> = list_items(&conn, &trip.id).unwrap().into_iter().map(|i| i.title).collect();
    assert_eq!(titles, ["Früh", "Flug"]);
}

#[test]
fn home_time_is_shown_where_it_differs_and_follows_the_german_clock_change() {
    let (conn, trip) = setup();
    add_item(&conn, &trip.id, &item("Vorher", "2026-10-24T18:00", "2026-10-24T19:00", "")).unwrap();
    add_item(&conn, &trip.id, &item("Nachher", "2026-10-26T18:00", "2026-10-26T19:00", "")).unwrap();
    let view = programme_view(&conn, &trip.id).unwrap();
    assert_eq!(view.days.len(), 7);
    assert_eq!(view.days[0].date.to_string(), "2026-10-21");
    let before = &view.days[3].items[0];
    let after = &view.days[5].items[0];
    assert_eq!(before.home_start.as_ref().unwrap().local, "2026-10-24T12:00");
    assert_eq!(after.home_start.as_ref().unwrap().local, "2026-10-26T11:00");
    assert_eq!(after.home_start.as_ref().unwrap().abbreviation, "CET");

    let home_trip =
        create_trip(&conn, &TripInput { time_zone: "Europe/Berlin".into(), ..trip_input("Düren") }).unwrap();
    let at_home = ItemInput {
        start_zone: "Europe/Berlin".into(),
        end_zone: "Europe/Berlin".into(),
        ..item("Rathaus", "2026-10-22T10:00", "2026-10-22T11:00", "")
    };
    add_item(&conn, &home_trip.id, &at_home).unwrap();
    let view = programme_view(&conn, &home_trip.id).unwrap();
    assert!(view.days[1].items[0].home_start.is_none());
}

#[test]
fn items_outside_the_trip_are_flagged_and_kept_apart() {
    let (conn, trip) = setup();
    add_item(&conn, &trip.id, &item("Zu früh", "2026-10-20T10:00", "2026-10-20T11:00", "")).unwrap();
    let view = programme_view(&conn, &trip.id).unwrap();
    assert_eq!(view.outside.len(), 1);
    assert!(view.outside[0].outside_trip);
    assert_eq!(view.warnings[0].kind, WarningKind::OutsideTrip);
}

#[test]
fn skipped_and_repeated_local_times() {
    let (conn, trip) = setup();
    let berlin = |start: &str, end: &str| ItemInput {
        start_zone: "Europe/Berlin".into(),
        end_zone: "Europe/Berlin".into(),
        ..item("Nacht", start, end, "")
    };
    let Err(Error::Validation(fields)) = add_item(&conn, &trip.id, &berlin("2026-03-29T02:30", "2026-03-29T04:00"))
    else {
        panic!()
    };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("start_local", "time_nonexistent"));
    let Err(Error::Validation(fields)) = add_item(&conn, &trip.id, &berlin("2026-10-25T02:30", "2026-10-25T04:00"))
    else {
        panic!()
    };
    assert_eq!((fields[0].code.as_str(), fields[0].options.len()), ("time_ambiguous", 2));
    assert!(list_items(&conn, &trip.id).unwrap().is_empty(), "nothing is saved half");

    let later = ItemInput { start_fold: Some(Fold::Later), ..berlin("2026-10-25T02:30", "2026-10-25T04:00") };
    let stored = add_item(&conn, &trip.id, &later).unwrap();
    assert_eq!((stored.start.local.as_str(), stored.start.offset.as_str()), ("2026-10-25T02:30", "+01:00"));
    let reread = get_item(&conn, &stored.id).unwrap();
    assert_eq!(reread.start, stored.start, "the chosen reading survives a round trip");
}

#[test]
fn update_replaces_participants_and_rejects_strangers() {
    let (conn, trip) = setup();
    let a = add_member(&conn, &trip.id, &MemberInput { name_latin: "A".into(), ..Default::default() }).unwrap().member;
    let stored = add_item(&conn, &trip.id, &item("Termin", "2026-10-22T10:00", "2026-10-22T11:00", "")).unwrap();
    let only_a = ItemInput {
        everyone: false,
        participant_ids: vec![a.id.clone()],
        ..item("Termin", "2026-10-22T10:00", "2026-10-22T11:00", "")
    };
    assert_eq!(update_item(&conn, &stored.id, &only_a).unwrap().participant_ids, vec![a.id.clone()]);
    let stranger = ItemInput { participant_ids: vec!["nobody".into()], ..only_a.clone() };
    let Err(Error::Validation(fields)) = update_item(&conn, &stored.id, &stranger) else { panic!() };
    assert_eq!(fields[0].code, "unknown_member");
    remove_item(&conn, &stored.id).unwrap();
    assert!(matches!(get_item(&conn, &stored.id), Err(Error::NotFound(_))));
}

#[test]
fn a_removed_item_waits_in_the_trash_and_comes_back_whole() {
    let (conn, trip) = setup();
    let a =
        add_member(&conn, &trip.id, &MemberInput { name_latin: "Anna".into(), ..Default::default() }).unwrap().member;
    let talks = ItemInput {
        everyone: false,
        participant_ids: vec![a.id.clone()],
        ..item("Gespräch", "2026-10-22T10:00", "2026-10-22T11:00", "Rathaus")
    };
    let stored = add_item(&conn, &trip.id, &talks).unwrap();
    let outcome =
        crate::outcomes::OutcomeInput { text: "Austausch vereinbart".into(), people: vec![], project_id: None };
    crate::outcomes::add_outcome(&conn, &stored.id, &outcome, "2026-10-23T00:00:00Z".parse().unwrap()).unwrap();

    remove_item(&conn, &stored.id).unwrap();
    assert!(list_items(&conn, &trip.id).unwrap().is_empty());
    assert_eq!(get_trip(&conn, &trip.id).unwrap().item_count, 0);
    assert!(matches!(update_item(&conn, &stored.id, &talks), Err(Error::NotFound(_))));
    assert!(matches!(remove_item(&conn, &stored.id), Err(Error::NotFound(_))), "removed once only");
    let trashed = trash::trashed_items(&conn).unwrap();
    assert_eq!(trashed.len(), 1);
    assert_eq!(trashed[0].label, "Gespräch");
    assert_eq!((trashed[0].context.as_str(), trashed[0].starts_local.as_deref()), ("Jinhua", Some("2026-10-22T10:00")));

    let back = restore_item(&conn, &stored.id).unwrap();
    assert_eq!(back.participant_ids, vec![a.id.clone()]);
    assert_eq!(back.outcome_count, 1);
    assert_eq!((back.title.as_str(), back.start.utc.as_str()), ("Gespräch", stored.start.utc.as_str()));
    assert!(trash::trashed_items(&conn).unwrap().is_empty());
    assert!(matches!(restore_item(&conn, &stored.id), Err(Error::NotFound(_))));
}

#[test]
fn conflicts_are_warnings_about_members_transfers_and_order() {
    let (conn, trip) = setup();
    let a =
        add_member(&conn, &trip.id, &MemberInput { name_latin: "Anna".into(), ..Default::default() }).unwrap().member;
    let b =
        add_member(&conn, &trip.id, &MemberInput { name_latin: "Bernd".into(), ..Default::default() }).unwrap().member;
    let only = |ids: &[&str], input: ItemInput| ItemInput {
        everyone: false,
        participant_ids: ids.iter().map(|s| s.to_string()).collect(),
        ..input
    };
    // Anna is in two overlapping items; Bernd is not.
    let first =
        add_item(&conn, &trip.id, &only(&[&a.id], item("Rathaus", "2026-10-22T09:00", "2026-10-22T10:30", "Rathaus")))
            .unwrap();
    let second = add_item(
        &conn,
        &trip.id,
        &only(&[&a.id, &b.id], item("Firma", "2026-10-22T10:00", "2026-10-22T11:00", "Rathaus")),
    )
    .unwrap();
    // Ten minutes from the Rathaus to the university.
    let third =
        add_item(&conn, &trip.id, &item("Universität", "2026-10-22T11:10", "2026-10-22T12:00", "Universität")).unwrap();
    // Ends before it starts.
    let fourth = add_item(&conn, &trip.id, &item("Verdreht", "2026-10-23T12:00", "2026-10-23T11:00", "")).unwrap();
    // A hotel stay overlapping everything is no clash.
    add_item(
        &conn,
        &trip.id,
        &ItemInput { kind: ItemKind::Hotel, ..item("Hotel", "2026-10-22T08:00", "2026-10-23T23:00", "") },
    )
    .unwrap();

    let view = programme_view(&conn, &trip.id).unwrap();
    let warning = |kind, items: &[&ProgrammeItem], names: &[&str], minutes| conflicts::Warning {
        kind,
        item_ids: items.iter().map(|i| i.id.clone()).collect(),
        member_names: names.iter().map(|n| n.to_string()).collect(),
        minutes,
    };
    assert_eq!(
        view.warnings,
        vec![
            warning(WarningKind::EndsBeforeStart, &[&fourth], &[], None),
            warning(WarningKind::MemberOverlap, &[&first, &second], &["Anna"], None),
            warning(WarningKind::ShortTransfer, &[&second, &third], &["Anna", "Bernd"], Some(10)),
        ]
    );
}
