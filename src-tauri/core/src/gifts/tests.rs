use super::*;
use crate::contacts::find_or_create::{ensure_person, NewPerson};
use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::contacts::trash::delete_person;
use crate::store::open_in_memory;
use crate::store::paging::PageRequest;
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, trash::delete_trip, TripInput};
use crate::vocabulary::Side;

fn person(conn: &Connection, name: &str, side: Side) -> RegisterRef {
    let id = ensure_person(conn, &NewPerson::named(name.into(), String::new(), String::new(), side)).unwrap();
    RegisterRef { kind: RegisterKind::Person, id }
}

fn organisation(conn: &Connection, name: &str) -> RegisterRef {
    let input = OrganisationInput { name: name.into(), ..OrganisationInput::default() };
    RegisterRef { kind: RegisterKind::Organisation, id: create_organisation(conn, &input).unwrap().id }
}

pub(crate) fn gift(description: &str, given_on: &str, value: &str, currency: &str) -> GiftInput {
    GiftInput {
        direction: GiftDirection::Given,
        description: description.into(),
        giver: None,
        recipient: None,
        occasion: "Empfang".into(),
        given_on: given_on.into(),
        value: value.into(),
        currency: currency.into(),
        kept_at: String::new(),
        notes: String::new(),
        partnership_id: None,
        decision: None,
        decided_by: String::new(),
        decided_on: String::new(),
        published: false,
    }
}

fn trip(conn: &Connection, title: &str, start: &str, end: &str) -> String {
    let input = TripInput { start_date: start.into(), end_date: end.into(), ..trip_input(title) };
    create_trip(conn, &input).unwrap().id
}

fn descriptions(page: &GiftPage) -> Vec<&str> {
    page.page.items.iter().map(|g| g.description.as_str()).collect()
}

fn all(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM gifts", [], |row| row.get(0)).unwrap()
}

#[test]
fn values_are_read_as_offices_type_them() {
    let cases = [
        ("150", Some(15_000)),
        ("150,00", Some(15_000)),
        ("150.50", Some(15_050)),
        ("12.5", Some(1_250)),
        ("12,5", Some(1_250)),
        ("1.234,50", Some(123_450)),
        ("1,234.50", Some(123_450)),
        ("1.234", Some(123_400)),
        ("1 234,5", Some(123_450)),
        ("1.234.567", Some(123_456_700)),
        ("0", Some(0)),
        ("  ", None),
    ];
    for (typed, expected) in cases {
        assert_eq!(parse_value(typed), Ok(expected), "{typed:?}");
    }
    assert_eq!(parse_value("12,3456").unwrap_err().code, "too_many_decimals");
    for typed in ["1,2,3", "1.234.56", "12.", ",5", "1.234,5,6", "zwölf", "12 €", "1,234,56.7"] {
        assert_eq!(parse_value(typed).unwrap_err().code, "not_a_number", "{typed:?}");
    }
    assert_eq!(parse_value("-150").unwrap_err().code, "negative");
    assert_eq!(parse_value("−1.234,50").unwrap_err().code, "negative");
    assert_eq!(parse_value("99999999999999999999").unwrap_err().code, "too_large");
}

#[test]
fn a_gift_is_recorded_with_register_entries_and_read_back() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn, "Delegationsreise nach Jinhua", "2026-10-21", "2026-10-27");
    let landrat = person(&conn, "Wolfgang Spelthahn", Side::Ours);
    let jinhua = organisation(&conn, "Stadtregierung Jinhua");
    let input = GiftInput {
        giver: Some(landrat.clone()),
        recipient: Some(jinhua.clone()),
        kept_at: " Kreishaus Düren ".into(),
        ..gift("  Porzellanteller  ", "2026-10-23", "1.234,50", " eur ")
    };
    let saved = create_gift(&conn, &trip_id, &input).unwrap();
    assert_eq!(saved.description, "Porzellanteller");
    assert_eq!(saved.trip_title.as_deref(), Some("Delegationsreise nach Jinhua"));
    assert_eq!((saved.value_minor, saved.currency.as_str()), (Some(123_450), "EUR"));
    assert_eq!(saved.kept_at, "Kreishaus Düren");
    let giver = saved.giver.as_ref().unwrap();
    assert_eq!(
        (giver.kind, giver.id.as_str(), giver.label.as_str()),
        (RegisterKind::Person, landrat.id.as_str(), "Wolfgang Spelthahn")
    );
    let recipient = saved.recipient.as_ref().unwrap();
    assert_eq!((recipient.kind, recipient.label.as_str()), (RegisterKind::Organisation, "Stadtregierung Jinhua"));
    assert_eq!(get_gift(&conn, &saved.id).unwrap(), saved);

    let edited = GiftInput {
        direction: GiftDirection::Received,
        giver: Some(jinhua),
        recipient: Some(landrat),
        value: String::new(),
        ..input
    };
    let updated = update_gift(&conn, &saved.id, &edited).unwrap();
    assert_eq!((updated.direction, updated.value_minor), (GiftDirection::Received, None));
    assert_eq!(updated.giver.unwrap().kind, RegisterKind::Organisation);
    assert_eq!(updated.trip_id, Some(trip_id));
}

#[test]
fn bad_input_names_every_field_and_saves_nothing() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn, "Reise", "2026-10-21", "2026-10-27");
    let unknown = RegisterRef { kind: RegisterKind::Person, id: "nobody".into() };
    let bad = GiftInput { giver: Some(unknown), ..gift("  ", "23.10.2026", "-150", "Euro") };
    let Err(Error::Validation(fields)) = create_gift(&conn, &trip_id, &bad) else { panic!("expected validation") };
    let codes: Vec<(&str, &str)> = fields.iter().map(|f| (f.field.as_str(), f.code.as_str())).collect();
    assert_eq!(
        codes,
        [
            ("description", "required"),
            ("given_on", "date_invalid"),
            ("value", "negative"),
            ("currency", "currency_invalid"),
            ("giver", "unknown_entry")
        ]
    );
    let missing_date = gift("Teller", "", "zwölf", "EUR");
    let Err(Error::Validation(fields)) = create_gift(&conn, &trip_id, &missing_date) else { panic!() };
    let codes: Vec<&str> = fields.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["date_required", "not_a_number"]);
    let someone = person(&conn, "Zhu Chonglie", Side::Partner);
    let to_oneself =
        GiftInput { giver: Some(someone.clone()), recipient: Some(someone), ..gift("Teller", "2026-10-23", "", "EUR") };
    let Err(Error::Validation(fields)) = create_gift(&conn, &trip_id, &to_oneself) else { panic!() };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("recipient", "same_as_giver"));
    assert_eq!(all(&conn), 0, "nothing saved");

    let saved = create_gift(&conn, &trip_id, &gift("Teller", "2026-10-23", "150", "EUR")).unwrap();
    assert!(update_gift(&conn, &saved.id, &gift("Teller", "2026-10-23", "-1", "EUR")).is_err());
    assert_eq!(get_gift(&conn, &saved.id).unwrap().value_minor, Some(15_000), "the stored gift is unchanged");
    assert!(matches!(create_gift(&conn, "no-trip", &gift("Teller", "2026-10-23", "", "EUR")), Err(Error::NotFound(_))));
}

#[test]
fn a_giver_gone_to_the_trash_stays_named_and_the_gift_stays_editable() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn, "Reise", "2026-10-21", "2026-10-27");
    let zhu = person(&conn, "Zhu Chonglie", Side::Partner);
    let input = GiftInput { giver: Some(zhu.clone()), ..gift("Teeservice", "2026-10-23", "1200", "CNY") };
    let saved = create_gift(&conn, &trip_id, &input).unwrap();
    delete_person(&conn, &zhu.id).unwrap();
    assert_eq!(get_gift(&conn, &saved.id).unwrap().giver.unwrap().label, "Zhu Chonglie");
    update_gift(&conn, &saved.id, &GiftInput { kept_at: "Vitrine".into(), ..input.clone() }).unwrap();
    let Err(Error::Validation(fields)) = create_gift(&conn, &trip_id, &input) else {
        panic!("a new gift needs a giver in the register")
    };
    assert_eq!(fields[0].code, "unknown_entry");
}

#[test]
fn gifts_are_listed_per_trip_per_person_and_per_year_with_totals() {
    let conn = open_in_memory().unwrap();
    let jinhua = trip(&conn, "Jinhua 2026", "2026-10-21", "2026-10-27");
    let dueren = trip(&conn, "Besuch in Düren 2025", "2025-06-15", "2025-06-17");
    let landrat = person(&conn, "Wolfgang Spelthahn", Side::Ours);
    let zhu = person(&conn, "Zhu Chonglie", Side::Partner);
    let plate = GiftInput {
        giver: Some(landrat.clone()),
        recipient: Some(zhu.clone()),
        ..gift("Porzellanteller", "2026-10-23", "180", "EUR")
    };
    create_gift(&conn, &jinhua, &plate).unwrap();
    let tea = GiftInput {
        direction: GiftDirection::Received,
        giver: Some(zhu.clone()),
        recipient: Some(landrat.clone()),
        ..gift("Teeservice", "2026-10-24", "1.200,00", "CNY")
    };
    create_gift(&conn, &jinhua, &tea).unwrap();
    create_gift(&conn, &jinhua, &gift("Bildband", "2026-10-22", "", "EUR")).unwrap();
    let scroll = GiftInput {
        direction: GiftDirection::Received,
        giver: Some(zhu.clone()),
        ..gift("Rollbild", "2025-06-16", "65,50", "EUR")
    };
    create_gift(&conn, &dueren, &scroll).unwrap();

    let everything = list_gifts(&conn, &GiftQuery::default()).unwrap();
    assert_eq!(descriptions(&everything), ["Teeservice", "Porzellanteller", "Bildband", "Rollbild"], "newest first");
    assert_eq!(everything.page.total, 4);
    assert_eq!(
        everything.totals,
        [
            CurrencyTotal { currency: "CNY".into(), value_minor: 120_000 },
            CurrencyTotal { currency: "EUR".into(), value_minor: 24_550 }
        ]
    );

    let of_trip = list_gifts(&conn, &GiftQuery { trip_id: Some(dueren.clone()), ..Default::default() }).unwrap();
    assert_eq!(descriptions(&of_trip), ["Rollbild"]);
    let of_landrat =
        list_gifts(&conn, &GiftQuery { person_id: Some(landrat.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(descriptions(&of_landrat), ["Teeservice", "Porzellanteller"], "given and received");
    let of_zhu_2025 =
        list_gifts(&conn, &GiftQuery { person_id: Some(zhu.id.clone()), year: Some(2025), ..Default::default() })
            .unwrap();
    assert_eq!(descriptions(&of_zhu_2025), ["Rollbild"]);
    assert_eq!(of_zhu_2025.totals, [CurrencyTotal { currency: "EUR".into(), value_minor: 6_550 }]);
    let in_2026 = list_gifts(&conn, &GiftQuery { year: Some(2026), ..Default::default() }).unwrap();
    assert_eq!(in_2026.page.total, 3);
    let found = list_gifts(&conn, &GiftQuery { search: "düren".into(), ..Default::default() }).unwrap();
    assert_eq!(descriptions(&found), ["Rollbild"], "the trip's title is searched too");
    let paged = list_gifts(&conn, &GiftQuery { page: PageRequest { offset: 1, limit: Some(2) }, ..Default::default() })
        .unwrap();
    assert_eq!((descriptions(&paged), paged.page.total), (vec!["Porzellanteller", "Bildband"], 4));
    assert_eq!(paged.totals, everything.totals, "totals cover every match, not the page");
    assert_eq!(gift_years(&conn).unwrap(), [2026, 2025]);
}

#[test]
fn gifts_go_to_the_trash_and_come_back_and_follow_their_trip() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn, "Reise", "2026-10-21", "2026-10-27");
    let plate = create_gift(&conn, &trip_id, &gift("Porzellanteller", "2026-10-23", "180", "EUR")).unwrap();
    create_gift(&conn, &trip_id, &gift("Bildband", "2026-10-22", "40", "EUR")).unwrap();

    delete_gift(&conn, &plate.id).unwrap();
    assert!(matches!(get_gift(&conn, &plate.id), Err(Error::NotFound(_))));
    assert!(matches!(delete_gift(&conn, &plate.id), Err(Error::NotFound(_))));
    let listed = list_gifts(&conn, &GiftQuery::default()).unwrap();
    assert_eq!((descriptions(&listed), listed.totals[0].value_minor), (vec!["Bildband"], 4_000));
    let trashed = trashed_gifts(&conn).unwrap();
    assert_eq!((trashed.len(), trashed[0].deleted_at.is_some()), (1, true));
    assert!(crate::trash::list_trash(&conn, "2026-11-21".parse().unwrap()).unwrap().gifts.len() == 1);

    let restored = restore_gift(&conn, &plate.id).unwrap();
    assert_eq!(restored.deleted_at, None);
    assert!(matches!(restore_gift(&conn, &plate.id), Err(Error::NotFound(_))));
    assert_eq!(list_gifts(&conn, &GiftQuery::default()).unwrap().page.total, 2);

    delete_trip(&conn, &trip_id).unwrap();
    let listed = list_gifts(&conn, &GiftQuery::default()).unwrap();
    assert_eq!((listed.page.total, listed.totals.len()), (0, 0), "gifts of a trip in the trash are not listed");
    assert!(gift_years(&conn).unwrap().is_empty());
    assert!(matches!(create_gift(&conn, &trip_id, &gift("Teller", "2026-10-23", "", "EUR")), Err(Error::NotFound(_))));

    delete_gift(&conn, &plate.id).unwrap_err();
    crate::trips::trash::restore_trip(&conn, &trip_id).unwrap();
    delete_gift(&conn, &plate.id).unwrap();
    assert_eq!(crate::trash::empty_trash(&conn).unwrap(), 1);
    assert_eq!(all(&conn), 1, "the trashed gift is gone for good, the other stays");
}

#[test]
fn each_filter_reads_through_its_index() {
    let conn = open_in_memory().unwrap();
    let plan = |query: &GiftQuery| -> String {
        let filter = Filter::of(query);
        let sql = format!(
            "EXPLAIN QUERY PLAN {} WHERE {} ORDER BY g.given_on DESC, g.id DESC LIMIT 50",
            select_gift(),
            filter.sql
        );
        let mut statement = conn.prepare(&sql).unwrap();
        let rows = statement.query_map(&*filter.params(&[]), |row| row.get::<_, String>(3)).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    };
    let of_trip = plan(&GiftQuery { trip_id: Some("t".into()), ..Default::default() });
    assert!(of_trip.contains("gifts_by_trip"), "{of_trip}");
    let of_person = plan(&GiftQuery { person_id: Some("p".into()), ..Default::default() });
    assert!(of_person.contains("gifts_by_giver") && of_person.contains("gifts_by_recipient"), "{of_person}");
    let of_year = plan(&GiftQuery { year: Some(2026), ..Default::default() });
    assert!(of_year.contains("gifts_by_date"), "{of_year}");
    let everything = plan(&GiftQuery::default());
    assert!(everything.contains("gifts_by_date") && !everything.contains("TEMP B-TREE"), "{everything}");
}

#[test]
fn a_received_gift_above_the_limit_needs_a_decision_and_may_be_published() {
    use super::rules::{gift_rules, update_gift_rules, GiftRulesInput};
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn, "Jinhua", "2026-10-21", "2026-10-27");
    assert_eq!(gift_rules(&conn).unwrap().limit_cents, 2500, "25 euros unless the office says otherwise");
    let rules =
        update_gift_rules(&conn, &GiftRulesInput { limit: "40".into(), decided_by: " Landrat ".into() }).unwrap();
    assert_eq!((rules.limit_cents, rules.decided_by.as_str()), (4000, "Landrat"));
    assert!(matches!(
        update_gift_rules(&conn, &GiftRulesInput { limit: "0,125".into(), decided_by: String::new() }),
        Err(Error::Validation(_))
    ));

    let received = |value: &str, currency: &str| GiftInput {
        direction: GiftDirection::Received,
        ..gift("Vase", "2026-10-23", value, currency)
    };
    let small = create_gift(&conn, &trip_id, &received("39,99", "EUR")).unwrap();
    assert_eq!((small.value_cents, small.needs_decision), (Some(3999), false));
    let vase = create_gift(&conn, &trip_id, &received("80", "EUR")).unwrap();
    assert!(vase.needs_decision);
    let tea = create_gift(&conn, &trip_id, &received("1.200", "CNY")).unwrap();
    assert_eq!((tea.value_cents, tea.needs_decision), (None, true), "no rate yet: its euro value is unknown");
    crate::costs::rates::import_ecb_rates(&conn, b"Date,CNY,\n2026-10-22,7.5,\n").unwrap();
    let tea = update_gift(&conn, &tea.id, &received("1.200", "CNY")).unwrap();
    assert_eq!((tea.value_cents, tea.per_euro.as_deref(), tea.needs_decision), (Some(16_000), Some("7.5"), true));
    let undecided = GiftQuery { undecided: true, ..Default::default() };
    assert_eq!(list_gifts(&conn, &undecided).unwrap().page.total, 2);

    let decided = GiftInput {
        decision: Some(GiftDecision::Museum),
        decided_by: "Landrat".into(),
        decided_on: "2026-11-02".into(),
        published: true,
        ..received("80", "EUR")
    };
    let vase = update_gift(&conn, &vase.id, &decided).unwrap();
    assert_eq!(
        (vase.needs_decision, vase.decision, vase.decided_on.map(|d| d.to_string())),
        (false, Some(GiftDecision::Museum), Some("2026-11-02".into()))
    );
    let page = list_gifts(&conn, &undecided).unwrap();
    assert_eq!((page.page.total, page.undecided), (1, 1));
    assert_eq!(
        published_gifts(&conn, 2026).unwrap().iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
        [vase.id.as_str()]
    );
    assert!(published_gifts(&conn, 2025).unwrap().is_empty());

    let given = GiftInput { decision: Some(GiftDecision::Returned), ..gift("Teller", "2026-10-23", "90", "EUR") };
    assert!(
        matches!(create_gift(&conn, &trip_id, &given), Err(Error::Validation(_))),
        "only received gifts are decided on"
    );
}

#[test]
fn a_gift_stands_without_a_trip_for_a_partnership_or_an_occasion() {
    let conn = open_in_memory().unwrap();
    let partnership = crate::partnerships::create_partnership(
        &conn,
        &crate::partnerships::tests::partnership_input("Jinhua"),
        "2026-11-21".parse().unwrap(),
    )
    .unwrap();
    let pavilion = GiftInput {
        direction: GiftDirection::Received,
        partnership_id: Some(partnership.id.clone()),
        ..gift("Glückspavillon", "2012-10-12", "", "EUR")
    };
    let saved = create_gift_without_trip(&conn, &pavilion).unwrap();
    assert_eq!(
        (saved.trip_id.as_deref(), saved.partnership.map(|p| p.label)),
        (None, Some("Stadt Düren – Jinhua".into()))
    );
    assert_eq!(gift_years(&conn).unwrap(), [2012]);
    let found = crate::search::search(&conn, "Glückspavillon", None).unwrap();
    assert!(found[0].context.starts_with("Stadt Düren – Jinhua"), "{found:?}");

    let nowhere = GiftInput { occasion: String::new(), ..gift("Vase", "2026-01-01", "", "EUR") };
    let Err(Error::Validation(fields)) = create_gift_without_trip(&conn, &nowhere) else {
        panic!("no trip, partnership or occasion")
    };
    assert_eq!(fields[0].code, "partnership_or_occasion");
    let anniversary = create_gift_without_trip(&conn, &gift("Vase", "2026-01-01", "", "EUR")).unwrap();
    assert_eq!(anniversary.occasion, "Empfang", "an occasion alone is enough");

    delete_gift(&conn, &saved.id).unwrap();
    restore_gift(&conn, &saved.id).unwrap();
    assert_eq!(list_gifts(&conn, &GiftQuery::default()).unwrap().page.total, 2);
}
