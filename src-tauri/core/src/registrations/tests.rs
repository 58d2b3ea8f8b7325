use super::*;
use crate::delegation::{get_member, list_members};
use crate::store::open_in_memory;
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, TripInput};

fn trip(conn: &Connection) -> String {
    create_trip(conn, &trip_input("Wirtschaftsreise nach Yangzhou")).unwrap().id
}

fn registration(name: &str, organisation: &str) -> RegistrationInput {
    RegistrationInput {
        name_latin: name.into(),
        organisation: organisation.into(),
        function_title: "Geschäftsführerin".into(),
        email: "anmeldung@example.de".into(),
        dietary: "vegetarisch".into(),
        ..RegistrationInput::default()
    }
}

fn codes(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Validation(fields) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other}"),
    }
}

#[test]
fn confirming_a_registration_makes_the_member_in_one_step() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let registered =
        create_registration(&conn, &trip_id, &registration("Dr. Anna MÜLLER", "Pfaff Industrietechnik GmbH")).unwrap();
    assert_eq!((registered.status, registered.member.clone()), (RegistrationStatus::Registered, None));
    assert!(list_members(&conn, &trip_id).unwrap().is_empty());

    let confirmed = set_status(&conn, &registered.id, RegistrationStatus::Confirmed).unwrap();
    assert_eq!(confirmed.status, RegistrationStatus::Confirmed);
    let member = get_member(&conn, &confirmed.member.as_ref().expect("a member").id).unwrap();
    assert_eq!(
        (
            member.member.name_latin.as_str(),
            member.member.organisation.as_str(),
            member.member.function_title.as_str(),
            member.member.dietary.as_str(),
            member.member.role
        ),
        ("Dr. Anna MÜLLER", "Pfaff Industrietechnik GmbH", "Geschäftsführerin", "vegetarisch", MemberRole::Member)
    );
    assert_eq!(confirmed.person_id, member.member.person_id, "the register person is linked to the registration");
    assert!(confirmed.person_id.is_some());

    let withdrawn = set_status(&conn, &registered.id, RegistrationStatus::Withdrawn).unwrap();
    assert_eq!((withdrawn.status, withdrawn.member), (RegistrationStatus::Withdrawn, None));
    assert!(list_members(&conn, &trip_id).unwrap().is_empty(), "the member went to the trash");
}

#[test]
fn confirming_links_a_member_already_in_the_delegation() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let typed =
        add_member(&conn, &trip_id, &MemberInput { name_latin: "Jonas Weber".into(), ..MemberInput::default() })
            .unwrap();
    let registered = create_registration(&conn, &trip_id, &registration("Jonas Weber", "IHK Pfalz")).unwrap();
    let confirmed = set_status(&conn, &registered.id, RegistrationStatus::Confirmed).unwrap();
    assert_eq!(confirmed.member.unwrap().id, typed.member.id);
    assert_eq!(list_members(&conn, &trip_id).unwrap().len(), 1);
}

#[test]
fn a_company_is_invited_by_name_and_confirmed_only_with_a_person() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let invited = create_registration(
        &conn,
        &trip_id,
        &RegistrationInput {
            status: Some(RegistrationStatus::Invited),
            organisation: "Hochschule Kaiserslautern".into(),
            ..RegistrationInput::default()
        },
    )
    .unwrap();
    assert_eq!(invited.status, RegistrationStatus::Invited);
    let refused = set_status(&conn, &invited.id, RegistrationStatus::Confirmed).unwrap_err();
    assert_eq!(codes(refused), [("name_latin".to_string(), "name_required_to_confirm".to_string())]);
    assert_eq!(get_registration(&conn, &invited.id).unwrap().status, RegistrationStatus::Invited, "nothing changed");
    assert!(list_members(&conn, &trip_id).unwrap().is_empty());
    let second = create_registration(
        &conn,
        &trip_id,
        &RegistrationInput {
            status: Some(RegistrationStatus::Invited),
            organisation: "Stadtwerke".into(),
            ..RegistrationInput::default()
        },
    );
    assert!(second.is_ok(), "two companies invited without names are not duplicates");
}

#[test]
fn bad_input_is_refused_at_its_field_and_nothing_is_saved() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let mut input = registration("", "");
    input.email = "keine-adresse".into();
    input.cost_share = "1.200,555".into();
    let refused = create_registration(&conn, &trip_id, &input).unwrap_err();
    let mut found = codes(refused);
    found.sort();
    assert_eq!(
        found,
        [
            ("cost_share".to_string(), "too_many_decimals".to_string()),
            ("email".to_string(), "email_invalid".to_string()),
            ("name_latin".to_string(), "required".to_string()),
        ]
    );
    create_registration(&conn, &trip_id, &registration("Anna Müller", "Pfaff")).unwrap();
    let twice = create_registration(&conn, &trip_id, &registration("anna  müller", "Pfaff")).unwrap_err();
    assert_eq!(codes(twice), [("name_latin".to_string(), "duplicate_registration".to_string())]);
    assert_eq!(trip_registrations(&conn, &trip_id).unwrap().registrations.len(), 1);
}

#[test]
fn opening_a_trip_refuses_a_bad_deadline_and_cost_share_and_keeps_what_was_there() {
    let conn = open_in_memory().unwrap();
    let trip = trip(&conn);
    let input = InvitationInput {
        deadline: "2027-06-30".into(),
        asks: vec![AskedData::Dietary, AskedData::Contact],
        cost_share: "1.250,50".into(),
        notes: "Bitte bis Ende Juni anmelden.".into(),
    };
    let opened = open_registration(&conn, &trip, &input).unwrap();
    assert_eq!(opened.deadline, NaiveDate::from_ymd_opt(2027, 6, 30));
    assert_eq!(opened.cost_share_cents, Some(125_050));
    assert_eq!(opened.asks, [AskedData::Contact, AskedData::Dietary], "in the form's order");

    let bad = InvitationInput { deadline: "31.02.2027".into(), cost_share: "12,3456".into(), ..input.clone() };
    let refused = codes(open_registration(&conn, &trip, &bad).unwrap_err());
    let fields: Vec<&str> = refused.iter().map(|(field, _)| field.as_str()).collect();
    assert_eq!(fields, ["deadline", "cost_share"], "both named at once: {refused:?}");
    assert_eq!(get_invitation(&conn, &trip).unwrap(), Some(opened), "nothing changed");

    let changed = open_registration(&conn, &trip, &InvitationInput { deadline: String::new(), ..input }).unwrap();
    assert_eq!((changed.deadline, changed.closed), (None, false), "no deadline: open until closed by hand");
}

#[test]
fn a_hosted_delegation_takes_no_registrations() {
    let conn = open_in_memory().unwrap();
    let hosted =
        create_trip(&conn, &TripInput { direction: Direction::Incoming, ..trip_input("Besuch aus Jinhua") }).unwrap();
    let refused = create_registration(&conn, &hosted.id, &registration("Anna Müller", "Pfaff")).unwrap_err();
    assert_eq!(codes(refused), [("trip_id".to_string(), "trip_not_outgoing".to_string())]);
    let refused = open_registration(&conn, &hosted.id, &InvitationInput::default()).unwrap_err();
    assert_eq!(codes(refused), [("trip_id".to_string(), "trip_not_outgoing".to_string())]);
}

#[test]
fn the_list_sums_the_cost_shares_of_who_takes_part() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let invitation = open_registration(
        &conn,
        &trip_id,
        &InvitationInput {
            deadline: "2026-08-31".into(),
            asks: vec![AskedData::Dietary, AskedData::PassportName],
            cost_share: "1.850".into(),
            notes: String::new(),
        },
    )
    .unwrap();
    assert_eq!(invitation.asks, [AskedData::PassportName, AskedData::Dietary], "in the form's order");
    assert_eq!(invitation.cost_share_cents, Some(185_000));
    create_registration(&conn, &trip_id, &registration("Anna Müller", "Pfaff")).unwrap();
    let agreed = RegistrationInput { cost_share: "900".into(), ..registration("Jonas Weber", "IHK Pfalz") };
    create_registration(&conn, &trip_id, &agreed).unwrap();
    let declined = create_registration(&conn, &trip_id, &registration("Eva Klein", "Opel")).unwrap();
    set_status(&conn, &declined.id, RegistrationStatus::Declined).unwrap();
    let list = trip_registrations(&conn, &trip_id).unwrap();
    assert_eq!(list.cost_shares_cents, 185_000 + 90_000, "the declined one pays nothing");
    let count = |status| list.counts.iter().find(|c| c.status == status).unwrap().count;
    assert_eq!((count(RegistrationStatus::Registered), count(RegistrationStatus::Declined)), (2, 1));
}

#[test]
fn a_deleted_registration_comes_back_from_the_trash() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let registered = create_registration(&conn, &trip_id, &registration("Anna Müller", "Pfaff")).unwrap();
    delete_registration(&conn, &registered.id).unwrap();
    assert!(trip_registrations(&conn, &trip_id).unwrap().registrations.is_empty());
    assert_eq!(trashed_registrations(&conn).unwrap()[0].label, "Anna Müller");
    create_registration(&conn, &trip_id, &registration("Anna Müller", "Pfaff")).unwrap();
    let refused = restore_registration(&conn, &registered.id).unwrap_err();
    assert_eq!(codes(refused), [("name_latin".to_string(), "duplicate_registration".to_string())]);
}
