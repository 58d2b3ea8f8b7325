use super::*;
use crate::store::open_in_memory;
use crate::trips::{create_trip, tests::trip_input};

fn named(name: &str) -> MemberInput {
    MemberInput { name_latin: name.into(), ..Default::default() }
}

#[test]
fn members_keep_order_and_lists_hide_sensitive_fields() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Reise")).unwrap();
    let zhu = MemberInput {
        name_original: "朱重烈".into(),
        role: Some(MemberRole::Head),
        passport_number: "E12345678".into(),
        date_of_birth: "1965-03-02".into(),
        visa_status: "erteilt".into(),
        ..named("Zhu Chonglie")
    };
    let added = add_member(&conn, &trip.id, &zhu).unwrap();
    assert_eq!(added.passport_number, "E12345678");
    assert_eq!(added.date_of_birth.unwrap().to_string(), "1965-03-02");
    add_member(&conn, &trip.id, &named("Wang Wei")).unwrap();
    let listed = serde_json::to_string(&list_members(&conn, &trip.id).unwrap()).unwrap();
    assert!(listed.contains("朱重烈") && !listed.contains("E12345678") && !listed.contains("1965"));
}

#[test]
fn a_removed_member_waits_in_the_trash_and_returns_to_its_place() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Reise")).unwrap();
    let ids: Vec<String> =
        ["Anna", "Bernd", "Clara"].iter().map(|n| add_member(&conn, &trip.id, &named(n)).unwrap().member.id).collect();
    let talks = crate::programme::ItemInput {
        everyone: false,
        participant_ids: vec![ids[1].clone()],
        ..crate::programme::ItemInput::new(
            crate::programme::ItemKind::Meeting,
            "Gespräch",
            ("2026-10-22T10:00", "Asia/Shanghai"),
            ("2026-10-22T11:00", "Asia/Shanghai"),
        )
    };
    let item = crate::programme::add_item(&conn, &trip.id, &talks).unwrap();
    let names = |conn: &Connection| -> Vec<String> {
        list_members(conn, &trip.id).unwrap().into_iter().map(|m| m.name_latin).collect()
    };

    remove_member(&conn, &ids[1]).unwrap();
    assert_eq!(names(&conn), ["Anna", "Clara"]);
    assert!(matches!(get_member(&conn, &ids[1]), Err(Error::NotFound(_))));
    assert!(crate::programme::get_item(&conn, &item.id).unwrap().participant_ids.is_empty());
    assert_eq!(crate::trips::get_trip(&conn, &trip.id).unwrap().member_count, 2);
    let trashed = trashed_members(&conn).unwrap();
    assert_eq!((trashed[0].label.as_str(), trashed[0].context.as_str()), ("Bernd", "Reise"));

    // The name is free again while the first entry waits in the trash; both cannot come back.
    let namesake = add_member(&conn, &trip.id, &named("bernd")).unwrap().member;
    let Err(Error::Validation(fields)) = restore_member(&conn, &ids[1]) else { panic!("restored beside its namesake") };
    assert_eq!(fields[0].code, "duplicate_member");
    assert_eq!(trashed_members(&conn).unwrap().len(), 1, "a refused restore changes nothing");

    remove_member(&conn, &namesake.id).unwrap();
    assert_eq!(restore_member(&conn, &ids[1]).unwrap().member.name_latin, "Bernd");
    assert_eq!(names(&conn), ["Anna", "Bernd", "Clara"]);
    assert_eq!(crate::programme::get_item(&conn, &item.id).unwrap().participant_ids, vec![ids[1].clone()]);
}

#[test]
fn the_same_person_twice_is_refused_with_a_field_message() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Reise")).unwrap();
    add_member(&conn, &trip.id, &named("Klaus Breuer")).unwrap();
    let Err(Error::Validation(fields)) = add_member(&conn, &trip.id, &named("  klaus   BREUER ")) else { panic!() };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("name_latin", "duplicate_member"));
    let other = add_member(&conn, &trip.id, &named("Ralf Dick")).unwrap();
    let Err(Error::Validation(_)) = update_member(&conn, &other.member.id, &named("Klaus Breuer")) else { panic!() };
    assert_eq!(get_member(&conn, &other.member.id).unwrap().member.name_latin, "Ralf Dick");
    assert_eq!(list_members(&conn, &trip.id).unwrap().len(), 2);
}

#[test]
fn bad_fields_are_named() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Reise")).unwrap();
    let bad = MemberInput { email: "kein-at".into(), date_of_birth: "2.3.1965".into(), ..named(" ") };
    let Err(Error::Validation(fields)) = add_member(&conn, &trip.id, &bad) else { panic!() };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["name_latin", "email", "date_of_birth"]);
}

#[test]
fn reorder_needs_every_member_once() {
    let conn = open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Reise")).unwrap();
    let ids: Vec<String> =
        ["A", "B", "C"].iter().map(|n| add_member(&conn, &trip.id, &named(n)).unwrap().member.id).collect();
    let reordered = set_member_order(&conn, &trip.id, &[ids[2].clone(), ids[0].clone(), ids[1].clone()]).unwrap();
    assert_eq!(
        reordered.iter().map(|m| (m.name_latin.as_str(), m.precedence)).collect::<Vec<_>>(),
        [("C", 1), ("A", 2), ("B", 3)]
    );
    assert!(set_member_order(&conn, &trip.id, &[ids[0].clone(), ids[1].clone()]).is_err());
    assert!(set_member_order(&conn, &trip.id, &[ids[0].clone(), ids[0].clone(), ids[1].clone()]).is_err());
    assert_eq!(list_members(&conn, &trip.id).unwrap()[0].name_latin, "C");
}
