use chrono::NaiveDate;

use super::agreements::{
    add_agreement, expires_soon, list_agreements, remove_agreement, restore_agreement, trashed_agreements,
    update_agreement, AgreementInput, AgreementKind,
};
use super::themes::{add_theme, list_themes, rename_theme};
use super::*;
use crate::documents::{attach_bytes, list_documents, DocumentOwner, DocumentOwnerKind};
use crate::store::open_in_memory;
use crate::trips::{create_trip, list_trips, tests::trip_input, TripInput, TripQuery};

pub(crate) fn partnership_input(place: &str) -> PartnershipInput {
    PartnershipInput {
        our_side: "Stadt Düren".into(),
        our_side_kind: OurSideKind::City,
        partner_place: place.into(),
        partner_province: "Zhejiang".into(),
        partner_country: "China".into(),
        partner_zone: "Asia/Shanghai".into(),
        kind: PartnershipKind::TownTwinning,
        since: "2002-01-01".into(),
        status: PartnershipStatus::Active,
        description: String::new(),
        our_body_ids: Vec::new(),
    }
}

pub(crate) fn agreement(title: &str, signed: &str, until: &str) -> AgreementInput {
    AgreementInput {
        title: title.into(),
        kind: AgreementKind::Memorandum,
        signed_on: signed.into(),
        signed_at: "Düren".into(),
        valid_from: signed.into(),
        valid_until: until.into(),
        notes: String::new(),
        theme_ids: Vec::new(),
        signatories: Vec::new(),
        signed_trip_id: None,
        signed_item_id: None,
    }
}

fn today() -> NaiveDate {
    date("2026-11-21")
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

#[test]
fn partnerships_are_created_listed_and_found() {
    let conn = open_in_memory().unwrap();
    let jinhua = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    assert_eq!((jinhua.since, jinhua.agreement_count), (Some(date("2002-01-01")), 0));
    create_partnership(
        &conn,
        &PartnershipInput { our_side: "Stadt Herne".into(), ..partnership_input("Luzhou") },
        today(),
    )
    .unwrap();
    let all = list_partnerships(&conn, &PartnershipQuery::default(), today()).unwrap();
    assert_eq!(all.items.iter().map(|p| p.partner_place.as_str()).collect::<Vec<_>>(), ["Jinhua", "Luzhou"]);
    let found =
        list_partnerships(&conn, &PartnershipQuery { search: "herne".into(), ..Default::default() }, today()).unwrap();
    assert_eq!(found.total, 1);
    let edited = update_partnership(
        &conn,
        &jinhua.id,
        &PartnershipInput { status: PartnershipStatus::Dormant, ..partnership_input("Jinhua") },
        today(),
    )
    .unwrap();
    assert_eq!(edited.status, PartnershipStatus::Dormant);
}

#[test]
fn a_partnership_needs_a_partner_place_and_a_known_zone() {
    let conn = open_in_memory().unwrap();
    let bad = PartnershipInput { partner_zone: "Asia/Jinhua".into(), since: "2002".into(), ..partnership_input("  ") };
    let Err(Error::Validation(fields)) = create_partnership(&conn, &bad, today()) else { panic!() };
    let codes: Vec<(&str, &str)> = fields.iter().map(|f| (f.field.as_str(), f.code.as_str())).collect();
    assert_eq!(codes, [("partner_place", "required"), ("partner_zone", "zone_unknown"), ("since", "date_invalid")]);
    assert_eq!(list_partnerships(&conn, &PartnershipQuery::default(), today()).unwrap().total, 0);
}

#[test]
fn agreements_keep_their_themes_and_refuse_ending_before_signature() {
    let conn = open_in_memory().unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    let themes = list_themes(&conn).unwrap();
    assert_eq!(themes[0].name, "Klimaschutz und Wasserstoff");
    let today = today();
    let input = AgreementInput {
        theme_ids: vec![themes[2].id.clone(), themes[0].id.clone()],
        ..agreement("Memorandum", "2026-06-16", "2028-06-15")
    };
    let stored = add_agreement(&conn, &partnership.id, &input, today).unwrap();
    assert_eq!(
        stored.themes.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["Klimaschutz und Wasserstoff", "Wirtschaft und Handel"]
    );
    assert!(!stored.expires_soon);

    let backwards = agreement("Memorandum", "2026-06-16", "2026-01-01");
    let Err(Error::Validation(fields)) = update_agreement(&conn, &stored.id, &backwards, today) else { panic!() };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("valid_until", "until_before_signed"));
    assert_eq!(list_agreements(&conn, Some(&partnership.id), today).unwrap()[0].valid_until, Some(date("2028-06-15")));
    let stranger = AgreementInput { theme_ids: vec!["no-such-theme".into()], ..agreement("X", "", "") };
    assert!(add_agreement(&conn, &partnership.id, &stranger, today).is_err());
    let counted = get_partnership(&conn, &partnership.id, today).unwrap();
    assert_eq!((counted.agreement_count, counted.expiring_agreements), (1, 0));
    let ending = agreement("Absichtserklärung", "2026-01-01", "2027-01-31");
    add_agreement(&conn, &partnership.id, &ending, today).unwrap();
    let counted = get_partnership(&conn, &partnership.id, today).unwrap();
    assert_eq!((counted.agreement_count, counted.expiring_agreements), (2, 1));
    assert_eq!(list_partnerships(&conn, &PartnershipQuery::default(), today).unwrap().items[0].expiring_agreements, 1);
}

#[test]
fn a_removed_agreement_waits_in_the_trash_with_its_document() {
    let data = tempfile::tempdir().unwrap();
    let conn = crate::store::open(&data.path().join("partnerdesk.sqlite")).unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    let ending =
        add_agreement(&conn, &partnership.id, &agreement("Absichtserklärung", "2026-01-01", "2027-01-31"), today())
            .unwrap();
    let owner = DocumentOwner { kind: DocumentOwnerKind::Agreement, id: ending.id.clone() };
    attach_bytes(&conn, &owner, "scan.pdf", b"%PDF-1.7 signed").unwrap();

    remove_agreement(&conn, &ending.id).unwrap();
    assert!(list_agreements(&conn, Some(&partnership.id), today()).unwrap().is_empty());
    let counted = get_partnership(&conn, &partnership.id, today()).unwrap();
    assert_eq!((counted.agreement_count, counted.expiring_agreements), (0, 0));
    let trashed = trashed_agreements(&conn).unwrap();
    assert_eq!((trashed[0].label.as_str(), trashed[0].context.as_str()), ("Absichtserklärung", "Stadt Düren – Jinhua"));

    let back = restore_agreement(&conn, &ending.id, today()).unwrap();
    assert_eq!(back.title, "Absichtserklärung");
    assert_eq!(list_documents(&conn, &owner).unwrap()[0].name, "scan.pdf");
    assert_eq!(get_partnership(&conn, &partnership.id, today()).unwrap().expiring_agreements, 1);

    remove_agreement(&conn, &ending.id).unwrap();
    let stored = || {
        std::fs::read_dir(data.path().join("documents"))
            .unwrap()
            .filter(|entry| entry.as_ref().unwrap().path().is_file())
            .count()
    };
    assert_eq!(stored(), 1, "the document stays while the agreement is in the trash");
    assert_eq!(crate::trash::empty_trash(&conn).unwrap(), 1);
    assert_eq!(stored(), 0, "emptying releases the document");
    assert!(matches!(restore_agreement(&conn, &ending.id, today()), Err(Error::NotFound(_))));
}

#[test]
fn agreements_ending_within_ninety_days_are_flagged() {
    let today = date("2026-11-21");
    assert!(expires_soon(Some(date("2026-11-21")), today));
    assert!(expires_soon(Some(date("2027-02-19")), today));
    assert!(!expires_soon(Some(date("2027-02-20")), today));
    assert!(!expires_soon(Some(date("2026-11-20")), today), "already ended is not 'ending soon'");
    assert!(!expires_soon(None, today), "open-ended agreements never expire");
}

#[test]
fn theme_areas_are_editable_and_unique() {
    let conn = open_in_memory().unwrap();
    let added = add_theme(&conn, "Sport").unwrap();
    assert!(matches!(add_theme(&conn, "sport"), Err(Error::Validation(_))));
    assert!(matches!(rename_theme(&conn, &added.id, "Tourismus"), Err(Error::Validation(_))));
    assert_eq!(rename_theme(&conn, &added.id, "Sport und Jugend").unwrap().name, "Sport und Jugend");
    assert_eq!(list_themes(&conn).unwrap().last().unwrap().name, "Sport und Jugend");
}

#[test]
fn trips_link_to_their_partnership() {
    let conn = open_in_memory().unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    let hydrogen = list_themes(&conn).unwrap()[0].clone();
    let linked = TripInput {
        partnership_id: Some(partnership.id.clone()),
        theme_ids: vec![hydrogen.id.clone()],
        further_partnership_ids: Vec::new(),
        ..trip_input("Reise nach Jinhua")
    };
    let trip = create_trip(&conn, &linked).unwrap();
    create_trip(&conn, &trip_input("Ohne Partnerschaft")).unwrap();
    assert_eq!(trip.partnership_label.as_deref(), Some("Stadt Düren – Jinhua"));
    assert_eq!(trip.themes, vec![hydrogen.clone()]);
    let options = crate::duplicate::DuplicateOptions { start_date: "2027-10-20".into(), include_delegation: false };
    let copy = crate::duplicate::duplicate_trip(&conn, &trip.id, &options).unwrap();
    assert_eq!((copy.themes, copy.partnership_id), (vec![hydrogen], Some(partnership.id.clone())));
    let of_partnership =
        list_trips(&conn, &TripQuery { partnership_id: Some(partnership.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(
        of_partnership.items.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        ["Reise nach Jinhua", "Reise nach Jinhua"]
    );
    assert_eq!(get_partnership(&conn, &partnership.id, today()).unwrap().trip_count, 2);
    let bad_theme = TripInput { theme_ids: vec!["nope".into()], ..trip_input("X") };
    let Err(Error::Validation(fields)) = create_trip(&conn, &bad_theme) else { panic!() };
    assert_eq!(fields[0].code, "unknown_theme");
    let unknown = TripInput { partnership_id: Some("gone".into()), ..trip_input("X") };
    let Err(Error::Validation(fields)) = create_trip(&conn, &unknown) else { panic!() };
    assert_eq!(fields[0].code, "unknown_partnership");
}

#[test]
fn an_agreement_names_the_visit_and_the_item_where_it_was_signed() {
    use crate::programme::{add_item, ItemInput, ItemKind};
    let conn = open_in_memory().unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    let visit = create_trip(
        &conn,
        &TripInput { partnership_id: Some(partnership.id.clone()), ..trip_input("Besuch aus Jinhua") },
    )
    .unwrap();
    let other = create_trip(&conn, &trip_input("Andere Reise")).unwrap();
    let times = |day: &str| {
        ((format!("{day}T16:00"), "Europe/Berlin".to_string()), (format!("{day}T17:00"), "Europe/Berlin".to_string()))
    };
    let ((start, zone), (end, _)) = times(&visit.start_date.to_string());
    let ceremony = add_item(
        &conn,
        &visit.id,
        &ItemInput::new(ItemKind::Ceremony, "Unterzeichnung des Memorandums", (&start, &zone), (&end, &zone)),
    )
    .unwrap();
    let ((start, zone), (end, _)) = times(&other.start_date.to_string());
    let elsewhere =
        add_item(&conn, &other.id, &ItemInput::new(ItemKind::Meeting, "Gespräch", (&start, &zone), (&end, &zone)))
            .unwrap();

    let signed = AgreementInput {
        signed_trip_id: Some(visit.id.clone()),
        signed_item_id: Some(ceremony.id.clone()),
        ..agreement("Memorandum", "2026-06-16", "")
    };
    let kept = add_agreement(&conn, &partnership.id, &signed, today()).unwrap();
    let during = kept.signed_during.unwrap();
    assert_eq!(
        (during.trip_title.as_str(), during.item_title.as_deref()),
        ("Besuch aus Jinhua", Some("Unterzeichnung des Memorandums"))
    );

    for (trip, item, field, code) in [
        (None, Some(ceremony.id.clone()), "signed_item_id", "item_without_trip"),
        (Some(visit.id.clone()), Some(elsewhere.id.clone()), "signed_item_id", "item_not_of_trip"),
        (Some("no-such-trip".to_string()), None, "signed_trip_id", "unknown_trip"),
    ] {
        let input = AgreementInput { signed_trip_id: trip, signed_item_id: item, ..signed.clone() };
        let Err(Error::Validation(fields)) = update_agreement(&conn, &kept.id, &input, today()) else {
            panic!("{code}")
        };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), (field, code));
    }

    crate::programme::trash::remove_item(&conn, &ceremony.id).unwrap();
    let during = super::agreements::get_agreement(&conn, &kept.id, today()).unwrap().signed_during.unwrap();
    assert_eq!(
        (during.trip_title.as_str(), during.item_id),
        ("Besuch aus Jinhua", None),
        "an item in the trash is not named"
    );
    crate::trips::trash::delete_trip(&conn, &visit.id).unwrap();
    assert_eq!(super::agreements::get_agreement(&conn, &kept.id, today()).unwrap().signed_during, None);
}

#[test]
fn a_trip_visits_several_partners_and_each_partnership_lists_it() {
    let conn = open_in_memory().unwrap();
    let yangzhou = create_partnership(&conn, &partnership_input("Yangzhou"), today()).unwrap();
    let nanjing = create_partnership(&conn, &partnership_input("Nanjing"), today()).unwrap();
    let suzhou = create_partnership(&conn, &partnership_input("Suzhou"), today()).unwrap();
    let delta = TripInput {
        partnership_id: Some(yangzhou.id.clone()),
        further_partnership_ids: vec![suzhou.id.clone(), nanjing.id.clone()],
        ..trip_input("Delegationsreise ins Yangtse River Delta")
    };
    let trip = create_trip(&conn, &delta).unwrap();
    let labels =
        |trip: &crate::trips::Trip| trip.further_partnerships.iter().map(|p| p.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(&trip), ["Stadt Düren – Suzhou", "Stadt Düren – Nanjing"]);
    for partnership in [&yangzhou, &nanjing, &suzhou] {
        let query = TripQuery { partnership_id: Some(partnership.id.clone()), ..Default::default() };
        assert_eq!(list_trips(&conn, &query).unwrap().items.len(), 1, "{}", partnership.partner_place);
        assert_eq!(get_partnership(&conn, &partnership.id, today()).unwrap().trip_count, 1);
    }
    let options = crate::duplicate::DuplicateOptions { start_date: "2027-09-01".into(), include_delegation: false };
    assert_eq!(labels(&crate::duplicate::duplicate_trip(&conn, &trip.id, &options).unwrap()), labels(&trip));

    let fewer = TripInput { further_partnership_ids: vec![nanjing.id.clone()], ..delta.clone() };
    assert_eq!(labels(&crate::trips::update_trip(&conn, &trip.id, &fewer).unwrap()), ["Stadt Düren – Nanjing"]);
    crate::partnerships::trash::delete_partnership(&conn, &nanjing.id).unwrap();
    assert!(
        crate::trips::get_trip(&conn, &trip.id).unwrap().further_partnerships.is_empty(),
        "a trashed partner is not shown"
    );

    for (further, code) in [(vec![yangzhou.id.clone()], "twice"), (vec!["gone".into()], "unknown_partnership")] {
        let bad = TripInput { further_partnership_ids: further, ..delta.clone() };
        let Err(Error::Validation(fields)) = crate::trips::update_trip(&conn, &trip.id, &bad) else { panic!("{code}") };
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("further_partnership_ids", code));
    }
    assert!(
        crate::trips::get_trip(&conn, &trip.id).unwrap().further_partnerships.is_empty(),
        "a refused save changes nothing"
    );
}

#[test]
fn our_side_can_be_several_bodies_of_the_register() {
    use crate::contacts::organisations::{create_organisation, OrganisationInput};
    let conn = open_in_memory().unwrap();
    let body = |name: &str| {
        create_organisation(&conn, &OrganisationInput { name: name.into(), ..Default::default() }).unwrap().id
    };
    let (city, district) = (body("Stadt Kaiserslautern"), body("Landkreis Kaiserslautern"));
    let input = PartnershipInput {
        our_side: "Wirtschaftsregion Kaiserslautern".into(),
        our_body_ids: vec![district.clone(), city.clone()],
        ..partnership_input("Yangzhou")
    };
    let partnership = create_partnership(&conn, &input, today()).unwrap();
    let names = |p: &Partnership| p.our_bodies.iter().map(|b| b.label.clone()).collect::<Vec<_>>();
    assert_eq!(names(&partnership), ["Landkreis Kaiserslautern", "Stadt Kaiserslautern"]);
    let listed = list_partnerships(&conn, &PartnershipQuery::default(), today()).unwrap();
    assert_eq!(names(&listed.items[0]), names(&partnership));

    let bad = PartnershipInput { our_body_ids: vec![city.clone(), "gone".into(), city.clone()], ..input.clone() };
    let Err(Error::Validation(fields)) = update_partnership(&conn, &partnership.id, &bad, today()) else { panic!() };
    let codes: Vec<_> = fields.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["unknown_organisation", "twice"]);
    assert_eq!(names(&get_partnership(&conn, &partnership.id, today()).unwrap()).len(), 2, "nothing half-saved");

    crate::contacts::trash::delete_organisation(&conn, &district).unwrap();
    assert_eq!(names(&get_partnership(&conn, &partnership.id, today()).unwrap()), ["Stadt Kaiserslautern"]);
    let alone = PartnershipInput { our_body_ids: Vec::new(), ..input };
    assert!(update_partnership(&conn, &partnership.id, &alone, today()).unwrap().our_bodies.is_empty());
}
