use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::contacts::people::{create_person, get_person, PersonInput};
use crate::delegation::{add_member, list_members, MemberInput};
use crate::error::Error;
use crate::gifts::{create_gift, get_gift, GiftDirection, GiftInput};
use crate::outcomes::{add_outcome, OutcomeInput};
use crate::partnerships::agreements::{add_agreement, AgreementInput, AgreementKind};
use crate::partnerships::{create_partnership, tests::partnership_input};
use crate::programme::{add_item, get_item, list_items, ItemInput, ItemKind};
use crate::settings::{office_date, update_settings, Settings};
use crate::store::open_in_memory;
use crate::tasks::{create_task, get_task, TaskInput};
use crate::trips::{create_trip, get_trip, tests::trip_input, TripInput};
use crate::vocabulary::{MemberRole, RegisterKind, RegisterRef};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn trip(conn: &Connection, title: &str, start: &str, end: &str) -> String {
    let input = TripInput { start_date: start.into(), end_date: end.into(), ..trip_input(title) };
    create_trip(conn, &input).unwrap().id
}

fn member(conn: &Connection, trip_id: &str, input: MemberInput) -> String {
    add_member(conn, trip_id, &input).unwrap().member.id
}

fn with_passport(name: &str, passport: &str) -> MemberInput {
    MemberInput {
        name_latin: name.into(),
        passport_number: passport.into(),
        date_of_birth: "1965-03-02".into(),
        visa_status: "erteilt".into(),
        ..Default::default()
    }
}

fn named(name: &str) -> MemberInput {
    MemberInput { name_latin: name.into(), ..Default::default() }
}

fn erase_after(conn: &Connection, days: Option<i64>) {
    let settings = Settings { erase_travel_documents_after_days: days, ..crate::settings::get_settings(conn).unwrap() };
    update_settings(conn, &settings).unwrap();
}

#[test]
fn due_erasures_follow_the_office_date_and_the_setting() {
    let conn = open_in_memory().unwrap();
    let winter = trip(&conn, "Winterreise", "2026-01-05", "2026-01-10");
    member(&conn, &winter, with_passport("Zhu Chonglie", "E12345678"));
    member(&conn, &winter, MemberInput { accessibility: "Rollstuhl".into(), ..named("Wang Wei") });
    member(&conn, &winter, named("Klaus Breuer"));
    let spring = trip(&conn, "Frühjahrsreise", "2026-02-25", "2026-03-01");
    member(&conn, &spring, MemberInput { dietary: "vegetarisch".into(), ..named("Sabine Krings") });
    let clean = trip(&conn, "Reise ohne Unterlagen", "2026-01-01", "2026-01-03");
    member(&conn, &clean, named("Rolf Hamacher"));

    assert!(due_erasures(&conn, day("2026-04-10")).unwrap().is_empty(), "90 days after the trip, not more");
    let due = due_erasures(&conn, day("2026-04-11")).unwrap();
    assert_eq!(
        due,
        vec![DueErasure {
            trip_id: winter.clone(),
            title: "Winterreise".into(),
            end_date: day("2026-01-10"),
            members: 2
        }]
    );

    let late_evening_utc = Utc.with_ymd_and_hms(2026, 4, 10, 22, 30, 0).unwrap();
    let office_day = office_date(late_evening_utc, chrono_tz::Europe::Berlin);
    assert_eq!(due_erasures(&conn, office_day).unwrap().len(), 1, "in Düren it is already the 11th");

    erase_after(&conn, Some(30));
    let titles: Vec<String> = due_erasures(&conn, day("2026-04-11")).unwrap().into_iter().map(|d| d.title).collect();
    assert_eq!(titles, ["Winterreise", "Frühjahrsreise"]);
    erase_after(&conn, None);
    assert!(due_erasures(&conn, day("2030-01-01")).unwrap().is_empty(), "never means never");
    assert_eq!(erase_due(&conn, day("2030-01-01")).unwrap(), 0);
    assert_eq!(get_member(&conn, &member_id_of(&conn, &winter, "Zhu Chonglie")).unwrap().passport_number, "E12345678");
}

#[test]
fn members_in_the_trash_lose_their_travel_documents_on_time_too() {
    let conn = open_in_memory().unwrap();
    let winter = trip(&conn, "Winterreise", "2026-01-05", "2026-01-10");
    let removed = member(&conn, &winter, with_passport("Zhu Chonglie", "E12345678"));
    crate::delegation::remove_member(&conn, &removed).unwrap();
    assert_eq!(due_erasures(&conn, day("2026-04-11")).unwrap()[0].members, 1, "the notice counts them");
    assert_eq!(erase_due(&conn, day("2026-04-11")).unwrap(), 1);
    let passport: String =
        conn.query_row("SELECT passport_number FROM members WHERE id = ?1", [&removed], |row| row.get(0)).unwrap();
    assert_eq!(passport, "");
}

fn member_id_of(conn: &Connection, trip_id: &str, name: &str) -> String {
    list_members(conn, trip_id).unwrap().into_iter().find(|m| m.name_latin == name).unwrap().id
}

#[test]
fn erasing_due_fields_keeps_trips_programme_and_precedence() {
    let conn = open_in_memory().unwrap();
    let old = trip(&conn, "Winterreise", "2026-01-05", "2026-01-10");
    let head =
        member(&conn, &old, MemberInput { role: Some(MemberRole::Head), ..with_passport("Zhu Chonglie", "E12345678") });
    let second = member(&conn, &old, MemberInput { dietary: "halal".into(), ..named("Wang Wei") });
    let item = ItemInput::new(
        ItemKind::Meeting,
        "Gespräch",
        ("2026-01-06T10:00", "Asia/Shanghai"),
        ("2026-01-06T11:00", "Asia/Shanghai"),
    );
    add_item(&conn, &old, &item).unwrap();
    let recent = trip(&conn, "Herbstreise", "2026-10-21", "2026-10-27");
    let kept = member(&conn, &recent, with_passport("Zhu Chonglie", "E12345678"));

    assert_eq!(erase_due(&conn, day("2026-12-03")).unwrap(), 2);
    let erased = get_member(&conn, &head).unwrap();
    assert_eq!((erased.passport_number.as_str(), erased.date_of_birth, erased.visa_status.as_str()), ("", None, ""));
    assert_eq!(get_member(&conn, &second).unwrap().member.dietary, "");
    let members = list_members(&conn, &old).unwrap();
    let order: Vec<(&str, i64, MemberRole)> =
        members.iter().map(|m| (m.name_latin.as_str(), m.precedence, m.role)).collect();
    assert_eq!(order, [("Zhu Chonglie", 1, MemberRole::Head), ("Wang Wei", 2, MemberRole::Member)]);
    assert_eq!(get_trip(&conn, &old).unwrap().title, "Winterreise");
    assert_eq!(list_items(&conn, &old).unwrap().len(), 1);
    assert_eq!(get_member(&conn, &kept).unwrap().passport_number, "E12345678", "the recent trip keeps its documents");
    assert!(due_erasures(&conn, day("2026-12-03")).unwrap().is_empty());
    assert_eq!(erase_due(&conn, day("2026-12-03")).unwrap(), 0);
}

/// Zhu (of the city government) and Wang on one trip; Zhu hosts an item, owns a task Wang is
/// linked to, gives Wang a gift, signed an agreement and agreed an outcome with Wang.
struct Scene {
    conn: Connection,
    trip: String,
    zhu: String,
    wang: String,
    zhu_member: String,
    wang_member: String,
    city_government: String,
    item: String,
    task: String,
    gift: String,
}

fn scene() -> Scene {
    let conn = open_in_memory().unwrap();
    let city_government =
        create_organisation(&conn, &OrganisationInput { name: "Stadtregierung Jinhua".into(), ..Default::default() })
            .unwrap()
            .id;
    let zhu = create_person(
        &conn,
        &PersonInput {
            name_latin: "Zhu Chonglie".into(),
            name_original: "朱重烈".into(),
            function_title: "Parteisekretär".into(),
            organisation_id: Some(city_government.clone()),
            email: "zhu@jinhua.example".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let wang = create_person(&conn, &PersonInput { name_latin: "Wang Wei".into(), ..Default::default() }).unwrap().id;
    let trip = trip(&conn, "Besuch aus Jinhua", "2026-02-02", "2026-02-06");
    let zhu_member = member(
        &conn,
        &trip,
        MemberInput {
            person_id: Some(zhu.clone()),
            role: Some(MemberRole::Head),
            dietary: "keine Meeresfrüchte".into(),
            ..with_passport("Zhu Chonglie", "E12345678")
        },
    );
    let wang_member =
        member(&conn, &trip, MemberInput { person_id: Some(wang.clone()), ..with_passport("Wang Wei", "G87654321") });
    let person = |id: &str| RegisterRef { kind: RegisterKind::Person, id: id.into() };
    let item = add_item(
        &conn,
        &trip,
        &ItemInput {
            hosts: vec![person(&zhu)],
            ..ItemInput::new(
                ItemKind::Reception,
                "Empfang im Rathaus",
                ("2026-02-03T18:00", "Europe/Berlin"),
                ("2026-02-03T20:00", "Europe/Berlin"),
            )
        },
    )
    .unwrap()
    .id;
    let today = day("2026-02-10");
    let task = create_task(
        &conn,
        &TaskInput {
            title: "Besuch in Jinhua erwidern".into(),
            owner: Some(person(&zhu)),
            people: vec![person(&wang)],
            trip_id: Some(trip.clone()),
            ..Default::default()
        },
        today,
    )
    .unwrap()
    .id;
    let gift = create_gift(
        &conn,
        &trip,
        &GiftInput {
            direction: GiftDirection::Received,
            description: "Teeservice aus Jinhua".into(),
            giver: Some(person(&zhu)),
            recipient: Some(person(&wang)),
            occasion: "Empfang".into(),
            given_on: "2026-02-03".into(),
            value: "80".into(),
            currency: "EUR".into(),
            kept_at: String::new(),
            notes: String::new(),
            partnership_id: None,
            decision: None,
            decided_by: String::new(),
            decided_on: String::new(),
            published: false,
        },
    )
    .unwrap()
    .id;
    add_outcome(
        &conn,
        &item,
        &OutcomeInput {
            text: "Schüleraustausch ab Herbst".into(),
            people: vec![person(&zhu), person(&wang)],
            project_id: None,
        },
        Utc.with_ymd_and_hms(2026, 2, 3, 20, 0, 0).unwrap(),
    )
    .unwrap();
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap().id;
    add_agreement(
        &conn,
        &partnership,
        &AgreementInput {
            title: "Absichtserklärung Jinhua".into(),
            kind: AgreementKind::LetterOfIntent,
            signed_on: "2026-02-04".into(),
            signed_at: String::new(),
            valid_from: String::new(),
            valid_until: String::new(),
            notes: String::new(),
            theme_ids: Vec::new(),
            signatories: vec![person(&zhu)],
            signed_trip_id: None,
            signed_item_id: None,
        },
        today,
    )
    .unwrap();
    Scene { conn, trip, zhu, wang, zhu_member, wang_member, city_government, item, task, gift }
}

#[test]
fn person_data_holds_everything_about_them_and_nothing_of_others() {
    let s = scene();
    let data = person_data(&s.conn, &s.zhu).unwrap();
    assert_eq!(data.person.name_original, "朱重烈");
    assert_eq!(data.memberships.len(), 1);
    assert_eq!(data.memberships[0].member.passport_number, "E12345678");
    assert_eq!(data.memberships[0].member.member.dietary, "keine Meeresfrüchte");
    assert!(data
        .items
        .iter()
        .any(|i| i.title == "Empfang im Rathaus" && i.part == crate::contacts::people::ItemPart::Hosted));
    assert_eq!(data.agreements_signed[0].title, "Absichtserklärung Jinhua");
    assert!(data.tasks[0].owner && !data.tasks[0].linked && data.tasks[0].title == "Besuch in Jinhua erwidern");
    assert!(data.gifts[0].gave && !data.gifts[0].received && data.gifts[0].description == "Teeservice aus Jinhua");
    assert_eq!(data.outcomes[0].text, "Schüleraustausch ab Herbst");

    let json = serde_json::to_string(&data).unwrap();
    for other in ["Wang Wei", "G87654321", &s.wang, &s.wang_member] {
        assert!(!json.contains(other), "{other} is not Zhu's data: {json}");
    }
    let wang = serde_json::to_string(&person_data(&s.conn, &s.wang).unwrap()).unwrap();
    assert!(wang.contains("G87654321") && wang.contains("Besuch in Jinhua erwidern"));
    assert!(!wang.contains("E12345678") && !wang.contains("Zhu Chonglie") && !wang.contains("zhu@jinhua"), "{wang}");
    assert!(matches!(person_data(&s.conn, "nobody"), Err(Error::NotFound(_))));
}

#[test]
fn erasing_a_person_leaves_a_former_member_in_the_trip() {
    let s = scene();
    let conn = &s.conn;
    let items_before = list_items(conn, &s.trip).unwrap().len();
    erase_person(conn, &s.zhu).unwrap();

    assert!(matches!(get_person(conn, &s.zhu), Err(Error::NotFound(_))));
    let members = list_members(conn, &s.trip).unwrap();
    let former = &members[0];
    assert_eq!((former.id.as_str(), former.name_latin.as_str()), (s.zhu_member.as_str(), "ehemaliges Mitglied"));
    assert_eq!((former.precedence, former.role, former.person_id.as_deref()), (1, MemberRole::Head, None));
    assert_eq!(former.dietary, "");
    assert_eq!(get_member(conn, &s.zhu_member).unwrap().passport_number, "");
    assert_eq!((members[1].name_latin.as_str(), members[1].precedence), ("Wang Wei", 2));
    assert_eq!(get_member(conn, &s.wang_member).unwrap().passport_number, "G87654321");

    assert_eq!(list_items(conn, &s.trip).unwrap().len(), items_before);
    let hosts = get_item(conn, &s.item).unwrap().hosts;
    assert_eq!(hosts.len(), 1);
    assert_eq!((hosts[0].kind, hosts[0].id.as_str()), (RegisterKind::Organisation, s.city_government.as_str()));
    let task = get_task(conn, &s.task, day("2026-02-10")).unwrap();
    assert_eq!((task.owner, task.people.len()), (None, 1));
    let gift = get_gift(conn, &s.gift).unwrap();
    assert_eq!(gift.giver.map(|g| g.id), Some(s.city_government.clone()));
    assert_eq!(gift.recipient.map(|r| r.id), Some(s.wang.clone()));

    erase_person(conn, &s.wang).unwrap();
    let names: Vec<String> = list_members(conn, &s.trip).unwrap().into_iter().map(|m| m.name_latin).collect();
    assert_eq!(names, ["ehemaliges Mitglied", "ehemaliges Mitglied"], "two former members side by side");
    assert!(matches!(erase_person(conn, &s.wang), Err(Error::NotFound(_))));
}

fn file_holds(paths: &[std::path::PathBuf], needle: &str) -> bool {
    paths.iter().filter(|p| p.exists()).any(|path| {
        let bytes = std::fs::read(path).unwrap().to_ascii_lowercase();
        bytes.windows(needle.len()).any(|window| window == needle.to_ascii_lowercase().as_bytes())
    })
}

#[test]
fn erased_data_does_not_linger_in_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.sqlite");
    let files = [path.clone(), dir.path().join("office.sqlite-wal")];
    let conn = crate::store::open(&path).unwrap();
    let old = trip(&conn, "Winterreise", "2026-01-05", "2026-01-10");
    member(&conn, &old, with_passport("Wang Wei", "PX4471QZ09"));
    let quaas =
        create_person(&conn, &PersonInput { name_latin: "Quirin Quaastaler".into(), ..Default::default() }).unwrap().id;
    member(
        &conn,
        &old,
        MemberInput { person_id: Some(quaas.clone()), ..with_passport("Quirin Quaastaler", "QQ1234567") },
    );
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    assert!(file_holds(&files, "PX4471QZ09") && file_holds(&files, "Quaastaler"), "the test sees what is stored");
    assert!(file_holds(&files, "quaastaler"), "and the search index's lower-case words");

    assert_eq!(erase_due(&conn, day("2026-12-03")).unwrap(), 2);
    erase_person(&conn, &quaas).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    for gone in ["PX4471QZ09", "QQ1234567", "Quaastaler", "quaastaler"] {
        assert!(!file_holds(&files, gone), "{gone} is still in the file");
    }
    assert_eq!(list_members(&conn, &old).unwrap().len(), 2);
}
