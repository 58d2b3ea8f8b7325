use chrono::NaiveDate;

use super::links::links_of;
use super::merge::{merge_organisations, merge_people};
use super::organisations::{create_organisation, organisation_record, OrganisationInput, OrganisationKind};
use super::people::{
    create_person, get_person, list_people, person_record, update_person, ItemPart, PersonInput, RegisterQuery,
};
use super::trash::{delete_person, restore_person, trashed_people};
use super::*;
use crate::delegation::{add_member, MemberInput};
use crate::error::Error;
use crate::names::hosts::{host_parts, HostPart};
use crate::names::transliteration::{folded, organisation_pinyin, person_pinyin};
use crate::partnerships::agreements::{add_agreement, AgreementInput};
use crate::partnerships::create_partnership;
use crate::partnerships::tests::{agreement, partnership_input};
use crate::programme::{add_item, set_guests, ItemInput, ItemKind};
use crate::trips::create_trip;
use crate::trips::tests::trip_input;

fn today() -> NaiveDate {
    "2026-11-21".parse().unwrap()
}

pub(crate) fn person_input(name: &str, original: &str) -> PersonInput {
    PersonInput { name_latin: name.into(), name_original: original.into(), ..PersonInput::default() }
}

fn search(conn: &Connection, text: &str) -> Vec<String> {
    let query = RegisterQuery { search: text.into(), ..RegisterQuery::default() };
    list_people(conn, &query).unwrap().items.into_iter().map(|p| p.name_latin).collect()
}

#[test]
fn pinyin_of_names_is_written_as_offices_write_it() {
    assert_eq!(person_pinyin("王伟", "").as_deref(), Some("Wang Wei"));
    assert_eq!(person_pinyin("欧阳明", "").as_deref(), Some("Ouyang Ming"), "two-character surname");
    assert_eq!(person_pinyin("曾国藩", "").as_deref(), Some("Zeng Guofan"), "surname read as a surname");
    assert_eq!(person_pinyin("吕建", "").map(|p| folded(&p)).as_deref(), Some("lujian"));
    assert_eq!(person_pinyin("朱重烈", "").as_deref(), Some("Zhu Zhonglie"), "重 is most often zhong");
    assert_eq!(person_pinyin("朱重烈", "Zhu Chonglie").as_deref(), Some("Zhu Chonglie"), "the Latin name decides");
    assert_eq!(person_pinyin("朱重烈", "Frank").as_deref(), Some("Zhu Zhonglie"));
    assert_eq!(person_pinyin("Anja Dorn", "Anja Dorn"), None);
    assert_eq!(organisation_pinyin("金华市").as_deref(), Some("Jin Hua Shi"));
    assert_eq!(organisation_pinyin("浙江 IT 公司").as_deref(), Some("Zhe Jiang IT Gong Si"));
    assert_eq!(folded("Zhū Chónglìe"), "zhuchonglie");
    assert_eq!(folded("Leßmeister"), "lessmeister");
}

#[test]
fn a_person_gets_pinyin_unless_the_officer_wrote_their_own() {
    let conn = crate::store::open_in_memory().unwrap();
    let auto = create_person(&conn, &person_input("Zhu Chonglie", "朱重烈")).unwrap();
    assert_eq!(auto.transliteration, "Zhu Chonglie");
    let own = PersonInput { transliteration: "Chu Chung-lieh".into(), ..person_input("Zhu Chonglie", "朱重烈") };
    assert_eq!(update_person(&conn, &auto.id, &own).unwrap().transliteration, "Chu Chung-lieh");
}

#[test]
fn lists_find_people_by_any_name_in_any_script_and_by_toneless_pinyin() {
    let conn = crate::store::open_in_memory().unwrap();
    create_person(&conn, &person_input("Zhu Chonglie", "朱重烈")).unwrap();
    create_person(&conn, &person_input("Wang Wei", "王伟")).unwrap();
    create_person(&conn, &PersonInput { transliteration: "Chén Jìng".into(), ..person_input("Jing Chen", "陈静") })
        .unwrap();
    create_person(&conn, &person_input("Ralf Leßmeister", "")).unwrap();

    assert_eq!(search(&conn, "zhu"), ["Zhu Chonglie"]);
    assert_eq!(search(&conn, "朱"), ["Zhu Chonglie"]);
    assert_eq!(search(&conn, "王伟"), ["Wang Wei"], "a two-character name");
    assert_eq!(search(&conn, "wangwei"), ["Wang Wei"]);
    assert_eq!(search(&conn, "chen jing"), ["Jing Chen"], "pinyin without tone marks finds the toned form");
    assert_eq!(search(&conn, "lessm"), ["Ralf Leßmeister"]);
    assert_eq!(search(&conn, "100%"), Vec::<String>::new());
    assert_eq!(search(&conn, "").len(), 4);
}

#[test]
fn a_line_of_hosts_splits_into_people_and_organisations_without_losing_a_word() {
    let line = "Parteisekretär Zhu Chonglie (朱重烈), Stadtregierung Jinhua, Geschäftsführung Hydrogenway Technology";
    let parts = host_parts(line);
    assert_eq!(
        parts[0],
        HostPart::Person {
            function_title: "Parteisekretär".into(),
            name_latin: "Zhu Chonglie".into(),
            name_original: "朱重烈".into()
        }
    );
    assert!(matches!(&parts[1], HostPart::Organisation { name } if name == "Stadtregierung Jinhua"));
    assert!(matches!(&parts[2], HostPart::Organisation { .. }));
    assert_eq!(parts.iter().map(HostPart::label).collect::<Vec<_>>().join(", "), line);
    assert!(matches!(&host_parts("Landrat von Düren")[0], HostPart::Organisation { .. }));
}

struct Linked {
    conn: Connection,
    keep: String,
    duplicate: String,
    trip: String,
    agreement: String,
}

/// One person entered twice: once as a delegation member, once as host and signatory.
fn linked_twice() -> Linked {
    let conn = crate::store::open_in_memory().unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    let trip = create_trip(&conn, &trip_input("Reise nach Jinhua")).unwrap();
    let member = MemberInput { name_latin: "Frank Peter Ullrich".into(), ..MemberInput::default() };
    let keep = add_member(&conn, &trip.id, &member).unwrap().member.person_id.unwrap();
    let duplicate = create_person(
        &conn,
        &PersonInput {
            function_title: "Bürgermeister".into(),
            email: "buergermeister@dueren.de".into(),
            ..person_input("F. P. Ullrich", "")
        },
    )
    .unwrap()
    .id;
    let host = RegisterRef { kind: RegisterKind::Person, id: duplicate.clone() };
    let item = ItemInput {
        hosts: vec![host.clone()],
        ..ItemInput::new(
            ItemKind::Reception,
            "Empfang",
            ("2026-10-22T18:00", "Asia/Shanghai"),
            ("2026-10-22T20:00", "Asia/Shanghai"),
        )
    };
    add_item(&conn, &trip.id, &item).unwrap();
    let signed = AgreementInput { signatories: vec![host], ..agreement("Memorandum", "2026-06-16", "") };
    let agreement = add_agreement(&conn, &partnership.id, &signed, today()).unwrap().id;
    Linked { conn, keep, duplicate, trip: trip.id, agreement }
}

#[test]
fn merging_two_records_of_one_person_keeps_every_link() {
    let Linked { conn, keep, duplicate, trip, agreement } = linked_twice();
    let merged = merge_people(&conn, &keep, &duplicate).unwrap();
    assert_eq!(merged.name_latin, "Frank Peter Ullrich", "the kept record's name wins");
    assert_eq!(merged.function_title, "Bürgermeister", "empty fields are filled from the duplicate");
    assert_eq!(merged.email, "buergermeister@dueren.de");
    assert!(matches!(get_person(&conn, &duplicate), Err(Error::NotFound(_))));

    let record = person_record(&conn, &keep).unwrap();
    assert_eq!(record.trips.iter().map(|t| t.trip_id.as_str()).collect::<Vec<_>>(), [trip.as_str()]);
    assert_eq!(record.items.len(), 1, "the reception, taken part in and hosted, is listed once");
    assert_eq!(record.items[0].part, ItemPart::Hosted);
    assert_eq!(record.agreements.iter().map(|a| a.agreement_id.as_str()).collect::<Vec<_>>(), [agreement.as_str()]);
    assert_eq!(search(&conn, "ullrich"), ["Frank Peter Ullrich"]);

    let Err(Error::Validation(fields)) = merge_people(&conn, &keep, &keep) else { panic!("merged with itself") };
    assert_eq!(fields[0].code, "merge_same");
}

#[test]
fn merging_two_organisations_moves_their_people_items_bodies_and_documents() {
    let data = tempfile::tempdir().unwrap();
    let conn = crate::store::open(&data.path().join("partnerdesk.sqlite")).unwrap();
    let trip = create_trip(&conn, &trip_input("Reise")).unwrap();
    let organisation = |name: &str| {
        let input = OrganisationInput {
            name: name.into(),
            kind: Some(OrganisationKind::CityHall),
            ..OrganisationInput::default()
        };
        create_organisation(&conn, &input).unwrap().id
    };
    let (keep, duplicate) = (organisation("Stadtregierung Jinhua"), organisation("Stadt Jinhua"));
    create_person(&conn, &PersonInput { organisation_id: Some(duplicate.clone()), ..person_input("Li Mei", "") })
        .unwrap();
    let item = ItemInput {
        hosts: vec![RegisterRef { kind: RegisterKind::Organisation, id: duplicate.clone() }],
        ..ItemInput::new(
            ItemKind::Meeting,
            "Gespräch",
            ("2026-10-22T09:00", "Asia/Shanghai"),
            ("2026-10-22T10:00", "Asia/Shanghai"),
        )
    };
    add_item(&conn, &trip.id, &item).unwrap();
    let held =
        crate::partnerships::PartnershipInput { our_body_ids: vec![duplicate.clone()], ..partnership_input("Jinhua") };
    let partnership = create_partnership(&conn, &held, today()).unwrap();
    let owner = crate::documents::DocumentOwner {
        kind: crate::documents::DocumentOwnerKind::Organisation,
        id: duplicate.clone(),
    };
    crate::documents::attach_bytes(&conn, &owner, "Satzung.pdf", b"%PDF-1.4").unwrap();

    merge_organisations(&conn, &keep, &duplicate).unwrap();
    let record = organisation_record(&conn, &keep).unwrap();
    assert_eq!(record.people.iter().map(|p| p.name_latin.as_str()).collect::<Vec<_>>(), ["Li Mei"]);
    assert_eq!(record.items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Gespräch"]);
    assert_eq!(record.organisation.people_count, 1);
    let bodies = crate::partnerships::get_partnership(&conn, &partnership.id, today()).unwrap().our_bodies;
    assert_eq!(
        bodies.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        [keep.as_str()],
        "the partnership keeps its body"
    );
    let owner =
        crate::documents::DocumentOwner { kind: crate::documents::DocumentOwnerKind::Organisation, id: keep.clone() };
    assert_eq!(crate::documents::list_documents(&conn, &owner).unwrap().len(), 1, "the document moves along");
}

#[test]
fn a_linked_person_shows_their_links_and_comes_back_from_the_trash_with_them() {
    let Linked { conn, duplicate, trip, .. } = linked_twice();
    let reference = RegisterRef { kind: RegisterKind::Person, id: duplicate.clone() };
    let links = links_of(&conn, &reference).unwrap();
    assert_eq!(links.hosted_items, ["Empfang"]);
    assert_eq!(links.agreements, ["Memorandum"]);
    assert!(!links.is_empty());

    delete_person(&conn, &duplicate).unwrap();
    assert_eq!(trashed_people(&conn).unwrap().len(), 1);
    assert!(crate::programme::list_items(&conn, &trip).unwrap()[0].hosts.is_empty(), "hidden while in the trash");
    restore_person(&conn, &duplicate).unwrap();
    assert_eq!(crate::programme::list_items(&conn, &trip).unwrap()[0].hosts[0].id, duplicate);
    assert_eq!(links_of(&conn, &reference).unwrap(), links);
}

#[test]
fn only_a_person_can_sign_an_agreement() {
    let conn = crate::store::open_in_memory().unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap();
    let city = create_organisation(
        &conn,
        &OrganisationInput { name: "Stadtregierung Jinhua".into(), ..OrganisationInput::default() },
    )
    .unwrap();
    let signed = AgreementInput {
        signatories: vec![RegisterRef { kind: RegisterKind::Person, id: city.id.clone() }],
        ..agreement("Memorandum", "2026-06-16", "")
    };
    let Err(Error::Validation(fields)) = add_agreement(&conn, &partnership.id, &signed, today()) else {
        panic!("an organisation signed")
    };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("signatories", "signatory_not_a_person"));
    let count: i64 = conn.query_row("SELECT count(*) FROM agreements", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 0, "nothing saved half");
}

#[test]
fn a_member_typed_on_the_spot_joins_the_register_or_finds_themselves_there() {
    let conn = crate::store::open_in_memory().unwrap();
    let first = create_trip(&conn, &trip_input("2026")).unwrap();
    let second = create_trip(&conn, &trip_input("2027")).unwrap();
    let member = MemberInput {
        name_latin: "Anja Dorn".into(),
        organisation: "Leopold-Hoesch-Museum".into(),
        ..MemberInput::default()
    };
    let a = add_member(&conn, &first.id, &member).unwrap().member.person_id.unwrap();
    let typed_again = MemberInput { name_latin: "anja  dorn".into(), ..MemberInput::default() };
    let b = add_member(&conn, &second.id, &typed_again).unwrap().member.person_id.unwrap();
    assert_eq!(a, b);
    let person = get_person(&conn, &a).unwrap();
    assert_eq!((person.side, person.organisation_name.as_deref()), (Side::Ours, Some("Leopold-Hoesch-Museum")));
    assert_eq!(person_record(&conn, &a).unwrap().trips.len(), 2);
    let picker = search_register(&conn, "leopold", &[RegisterKind::Person, RegisterKind::Organisation]).unwrap();
    assert_eq!(picker.iter().map(|e| e.kind).collect::<Vec<_>>(), [RegisterKind::Organisation]);
}

#[test]
fn a_guest_of_a_symposium_sees_it_on_their_page_and_their_firm_on_its_own() {
    let conn = crate::store::open_in_memory().unwrap();
    let trip = create_trip(&conn, &trip_input("Wirtschaftsreise nach Jinhua 2018")).unwrap();
    let firm = create_organisation(
        &conn,
        &OrganisationInput { name: "Pfaff Industrietechnik".into(), ..OrganisationInput::default() },
    )
    .unwrap()
    .id;
    let guest =
        create_person(&conn, &PersonInput { organisation_id: Some(firm.clone()), ..person_input("Anna Müller", "") })
            .unwrap()
            .id;
    let symposium = add_item(
        &conn,
        &trip.id,
        &ItemInput::new(
            ItemKind::Meeting,
            "Wirtschaftssymposium",
            ("2026-10-23T09:00", "Asia/Shanghai"),
            ("2026-10-23T12:00", "Asia/Shanghai"),
        ),
    )
    .unwrap();
    let person = RegisterRef { kind: RegisterKind::Person, id: guest.clone() };
    let item = set_guests(&conn, &symposium.id, &[person.clone(), person]).unwrap();
    assert_eq!(
        item.guests.iter().map(|g| (g.label.as_str(), g.detail.as_str())).collect::<Vec<_>>(),
        [("Anna Müller", "Pfaff Industrietechnik")]
    );
    let record = person_record(&conn, &guest).unwrap();
    assert_eq!(
        record.items.iter().map(|i| (i.title.as_str(), i.part)).collect::<Vec<_>>(),
        [("Wirtschaftssymposium", ItemPart::Attended)]
    );
    assert!(record.trips.is_empty(), "a guest did not travel with the delegation");
    let firm_record = organisation_record(&conn, &firm).unwrap();
    assert_eq!(firm_record.items.iter().map(|i| i.part).collect::<Vec<_>>(), [ItemPart::Attended]);

    let stranger = RegisterRef { kind: RegisterKind::Person, id: "nobody".into() };
    let Err(Error::Validation(fields)) = set_guests(&conn, &symposium.id, &[stranger]) else { panic!("saved") };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("guests", "unknown_guest"));
    assert_eq!(crate::programme::get_item(&conn, &symposium.id).unwrap().guests.len(), 1, "nothing changed");
}
