use super::*;
use crate::delegation::{add_member, list_members, MemberInput};
use crate::duplicate::{duplicate_trip, DuplicateOptions};
use crate::programme::{add_item, list_items, ItemInput, ItemKind};
use crate::store::open_in_memory;
use crate::store::paging::PageRequest;

pub(crate) fn trip_input(title: &str) -> TripInput {
    TripInput {
        title: title.into(),
        direction: Direction::Outgoing,
        partner_place: "Jinhua".into(),
        partner_country: "China".into(),
        time_zone: "Asia/Shanghai".into(),
        start_date: "2026-10-21".into(),
        end_date: "2026-10-27".into(),
        purpose: "Partnerschaft".into(),
        second_language: None,
        title_translation: String::new(),
        purpose_translation: String::new(),
        status: TripStatus::Planning,
        notes: String::new(),
        partnership_id: None,
        theme_ids: Vec::new(),
        further_partnership_ids: Vec::new(),
    }
}

fn item(title: &str, start: &str, end: &str) -> ItemInput {
    ItemInput::new(ItemKind::Meeting, title, (start, "Asia/Shanghai"), (end, "Asia/Shanghai"))
}

#[test]
fn create_edit_and_read_back() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("  Reise nach Jinhua ")).unwrap();
    assert_eq!(trip.title, "Reise nach Jinhua");
    assert_eq!(trip.start_date.to_string(), "2026-10-21");
    let edited =
        update_trip(&conn, &trip.id, &TripInput { status: TripStatus::Confirmed, ..trip_input("Reise") }).unwrap();
    assert_eq!((edited.title.as_str(), edited.status), ("Reise", TripStatus::Confirmed));
    assert_eq!(get_trip(&conn, &trip.id).unwrap(), edited);
}

#[test]
fn bad_input_names_every_field_and_saves_nothing() {
    let conn = open_in_memory().unwrap();
    let bad = TripInput {
        title: "  ".into(),
        time_zone: "China/Jinhua".into(),
        start_date: "2026-10-27".into(),
        end_date: "2026-10-21".into(),
        ..trip_input("x")
    };
    let Err(Error::Validation(fields)) = create_trip(&conn, &bad) else { panic!("expected validation") };
    let codes: Vec<(&str, &str)> = fields.iter().map(|f| (f.field.as_str(), f.code.as_str())).collect();
    assert_eq!(codes, [("title", "required"), ("time_zone", "zone_unknown"), ("end_date", "end_before_start")]);
    assert_eq!(list_trips(&conn, &TripQuery::default()).unwrap().total, 0);
}

#[test]
fn a_text_over_its_limit_is_refused_at_its_field_on_every_form_of_a_trip_and_nothing_is_saved() {
    let conn = open_in_memory().unwrap();
    let over = |kind: crate::limits::TextKind| "ß".repeat(kind.max_chars() + 1);
    let codes = |result: Result<String>| match result {
        Err(Error::Validation(fields)) => fields.into_iter().map(|f| (f.field, f.code)).collect::<Vec<_>>(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let too_long = |field: &str| vec![(field.to_string(), "too_long".to_string())];
    use crate::limits::TextKind::*;
    let trip = TripInput { notes: over(Notes), ..trip_input("Reise") };
    assert_eq!(codes(create_trip(&conn, &trip).map(|t| t.id)), too_long("notes"));
    assert_eq!(list_trips(&conn, &TripQuery::default()).unwrap().total, 0);

    let id = create_trip(&conn, &trip_input("Reise")).unwrap().id;
    let retitled = TripInput { title: over(Title), ..trip_input("Reise") };
    assert_eq!(codes(update_trip(&conn, &id, &retitled).map(|t| t.id)), too_long("title"));
    assert_eq!(get_trip(&conn, &id).unwrap().title, "Reise", "the stored trip is unchanged");

    let item = ItemInput { address: over(Address), ..item("Empfang", "2026-10-22T10:00", "2026-10-22T11:00") };
    assert_eq!(codes(add_item(&conn, &id, &item).map(|i| i.id)), too_long("address"));
    let member = MemberInput { name_latin: "Anna Schmidt".into(), passport_number: over(Code), ..Default::default() };
    assert_eq!(codes(add_member(&conn, &id, &member).map(|m| m.member.id)), too_long("passport_number"));
    assert!(list_items(&conn, &id).unwrap().is_empty() && list_members(&conn, &id).unwrap().is_empty());
}

/// Fills `table` up to `count` rows of the trip by copying its row `id` under new IDs (and
/// new values of the `unique` columns).
fn copies(conn: &Connection, table: &str, id: &str, count: usize, unique: &[&str]) {
    conn.execute(&format!("CREATE TEMP TABLE copy AS SELECT * FROM {table} WHERE id = ?1"), [id]).unwrap();
    let fresh: String = unique.iter().map(|column| format!(", {column} = ?1")).collect();
    for n in 1..count {
        conn.execute(&format!("UPDATE copy SET id = ?1{fresh}"), [format!("{id}-{n}")]).unwrap();
        conn.execute(&format!("INSERT INTO {table} SELECT * FROM copy"), []).unwrap();
    }
    conn.execute("DROP TABLE copy", []).unwrap();
}

#[test]
fn a_trip_takes_no_more_programme_items_or_members_than_its_limits() {
    let conn = open_in_memory().unwrap();
    let id = create_trip(&conn, &trip_input("Reise")).unwrap().id;
    let reception = item("Empfang", "2026-10-22T10:00", "2026-10-22T11:00");
    let first = add_item(&conn, &id, &reception).unwrap();
    copies(&conn, "programme_items", &first.id, crate::limits::ITEMS_PER_TRIP, &[]);
    let Err(Error::Validation(fields)) = add_item(&conn, &id, &reception) else { panic!("one item too many") };
    assert_eq!((fields[0].code.as_str(), fields[0].values["limit"].as_str()), ("too_many_items", "2000"));
    assert_eq!(list_items(&conn, &id).unwrap().len(), crate::limits::ITEMS_PER_TRIP);

    let member = |name: &str| MemberInput { name_latin: name.into(), ..Default::default() };
    let first = add_member(&conn, &id, &member("Anna Schmidt")).unwrap();
    copies(&conn, "members", &first.member.id, crate::limits::MEMBERS_PER_TRIP, &["name_key"]);
    let Err(Error::Validation(fields)) = add_member(&conn, &id, &member("Bernd Braun")) else { panic!("one too many") };
    assert_eq!(fields[0].code, "too_many_members");
}

#[test]
fn list_filters_and_pages() {
    let conn = open_in_memory().unwrap();
    for n in 0..5 {
        create_trip(
            &conn,
            &TripInput {
                start_date: format!("2026-0{}-01", n + 1),
                end_date: format!("2026-0{}-03", n + 1),
                ..trip_input(&format!("Reise {n}"))
            },
        )
        .unwrap();
    }
    create_trip(
        &conn,
        &TripInput { direction: Direction::Incoming, partner_place: "Yangzhou".into(), ..trip_input("Besuch") },
    )
    .unwrap();
    let page = list_trips(&conn, &TripQuery { page: PageRequest { offset: 1, limit: Some(2) }, ..Default::default() })
        .unwrap();
    assert_eq!(page.total, 6);
    assert_eq!(page.items.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["Reise 4", "Reise 3"]);
    let found = list_trips(&conn, &TripQuery { search: "yangz".into(), ..Default::default() }).unwrap();
    assert_eq!(found.items.len(), 1);
    let incoming =
        list_trips(&conn, &TripQuery { direction: Some(Direction::Incoming), ..Default::default() }).unwrap();
    assert_eq!(incoming.total, 1);
    let literal = list_trips(&conn, &TripQuery { search: "100%".into(), ..Default::default() }).unwrap();
    assert_eq!(literal.total, 0);
}

#[test]
fn duplicate_shifts_dates_and_programme_by_the_offset() {
    let conn = open_in_memory().unwrap();
    let chinese = TripInput {
        second_language: Some(SecondLanguage::Zh),
        title_translation: "金华 2026".into(),
        ..trip_input("Jinhua 2026")
    };
    let trip = create_trip(&conn, &chinese).unwrap();
    let head =
        add_member(&conn, &trip.id, &MemberInput { name_latin: "Wolfgang Spelthahn".into(), ..Default::default() })
            .unwrap();
    add_member(&conn, &trip.id, &MemberInput { name_latin: "Rolf Hamacher".into(), ..Default::default() }).unwrap();
    let only_head = ItemInput {
        everyone: false,
        participant_ids: vec![head.member.id.clone()],
        title_translation: "会谈".into(),
        ..item("Gespräch", "2026-10-23T09:00", "2026-10-23T10:00")
    };
    add_item(&conn, &trip.id, &only_head).unwrap();
    let flight =
        ItemInput { end_zone: "Europe/Berlin".into(), ..item("Rückflug", "2026-10-27T12:30", "2026-10-27T18:30") };
    add_item(&conn, &trip.id, &flight).unwrap();

    let copy = duplicate_trip(
        &conn,
        &trip.id,
        &DuplicateOptions { start_date: "2027-10-20".into(), include_delegation: true },
    )
    .unwrap();
    assert_eq!((copy.start_date.to_string(), copy.end_date.to_string()), ("2027-10-20".into(), "2027-10-26".into()));
    assert_eq!(copy.status, TripStatus::Planning);
    assert_eq!((copy.second_language, copy.title_translation.as_str()), (Some(SecondLanguage::Zh), "金华 2026"));
    let members = list_members(&conn, &copy.id).unwrap();
    assert_eq!(
        members.iter().map(|m| m.name_latin.as_str()).collect::<Vec<_>>(),
        ["Wolfgang Spelthahn", "Rolf Hamacher"]
    );
    let items = list_items(&conn, &copy.id).unwrap();
    assert_eq!(items[0].start.local, "2027-10-22T09:00");
    assert_eq!(items[0].participant_ids, vec![members[0].id.clone()]);
    assert_eq!(items[0].title_translation, "会谈");
    // 2026-10-27 was after the German clock change, 2027-10-26 is before it: same wall time, new instant.
    assert_eq!((items[1].end.local.as_str(), items[1].end.offset.as_str()), ("2027-10-26T18:30", "+02:00"));
    assert_eq!(list_items(&conn, &trip.id).unwrap().len(), 2, "the original keeps its programme");

    let without = duplicate_trip(
        &conn,
        &trip.id,
        &DuplicateOptions { start_date: "2028-01-01".into(), include_delegation: false },
    )
    .unwrap();
    assert_eq!(without.member_count, 0);
    assert!(list_items(&conn, &without.id).unwrap().iter().all(|i| i.everyone && i.participant_ids.is_empty()));
}

#[test]
fn trash_hides_restores_and_empties() {
    let conn = open_in_memory().unwrap();
    let keep = create_trip(&conn, &trip_input("Bleibt")).unwrap();
    let gone = create_trip(&conn, &trip_input("Weg")).unwrap();
    add_item(&conn, &gone.id, &item("Termin", "2026-10-22T10:00", "2026-10-22T11:00")).unwrap();
    trash::delete_trip(&conn, &gone.id).unwrap();
    assert_eq!(list_trips(&conn, &TripQuery::default()).unwrap().total, 1);
    assert!(matches!(get_trip(&conn, &gone.id), Err(Error::NotFound(_))));
    let trashed = trash::trashed_trips(&conn).unwrap();
    assert_eq!(trashed.len(), 1);
    assert!(trashed[0].deleted_at.is_some());

    let restored = trash::restore_trip(&conn, &gone.id).unwrap();
    assert_eq!((restored.item_count, restored.deleted_at.clone()), (1, None));
    trash::delete_trip(&conn, &gone.id).unwrap();
    assert_eq!(crate::trash::empty_trash(&conn).unwrap(), 1);
    assert!(trash::trashed_trips(&conn).unwrap().is_empty());
    let leftover: i64 = conn.query_row("SELECT count(*) FROM programme_items", [], |r| r.get(0)).unwrap();
    assert_eq!(leftover, 0);
    assert_eq!(get_trip(&conn, &keep.id).unwrap().title, "Bleibt");
    assert!(matches!(trash::restore_trip(&conn, &gone.id), Err(Error::NotFound(_))));
}
