use super::budget::{self, BudgetLineInput};
use super::rates::{self, RateInput};
use super::*;
use crate::delegation::{add_member, MemberInput};
use crate::store::open_in_memory;
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, trash::delete_trip};

fn line(category: CostCategory, currency: &str, planned: &str, actual: &str) -> CostLineInput {
    CostLineInput::office(category, "", currency, planned, actual)
}

fn trip(conn: &Connection) -> String {
    create_trip(conn, &trip_input("Delegationsreise nach Jinhua")).unwrap().id
}

fn rate(conn: &Connection, currency: &str, day: &str, per_euro: &str) {
    rates::set_rate(conn, &RateInput { currency: currency.into(), rate_on: day.into(), per_euro: per_euro.into() })
        .unwrap();
}

fn field_codes(error: Error) -> Vec<(String, String)> {
    match error {
        Error::Validation(fields) => fields.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other}"),
    }
}

#[test]
fn a_yuan_line_sums_exactly_at_its_stored_rate() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    rate(&conn, "CNY", "2026-10-20", "7,8543");
    let hotel = create_cost_line(&conn, &trip_id, &line(CostCategory::Hotel, "CNY", "4.200,00", "")).unwrap();
    assert_eq!((hotel.planned_minor, hotel.per_euro.as_deref()), (Some(420_000), Some("7.8543")));
    assert_eq!(hotel.rate_on.unwrap().to_string(), "2026-10-20", "the newest rate on or before the trip's first day");
    assert_eq!(hotel.planned_cents, Some(53_474), "4,200 CNY / 7.8543 = 534.74 €");
    let flights =
        create_cost_line(&conn, &trip_id, &line(CostCategory::Flights, "EUR", "1.850,50", "1.799,90")).unwrap();
    assert_eq!((flights.planned_cents, flights.actual_cents, flights.per_euro), (Some(185_050), Some(179_990), None));

    let budget = budget::trip_budget(&conn, &trip_id).unwrap();
    assert_eq!(budget.total.planned_cents, 53_474 + 185_050);
    assert_eq!(budget.total.actual_cents, 179_990);
    assert_eq!(budget.total.open_cents, 53_474, "the hotel is not paid yet");
    let categories: Vec<&str> = budget.by_category.iter().map(|sum| sum.key.as_str()).collect();
    assert_eq!(categories, ["flights", "hotel"], "in the order of the categories");
}

#[test]
fn new_rates_never_touch_old_lines() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    rate(&conn, "CNY", "2026-10-21", "7.8");
    let mut input = line(CostCategory::Interpreter, "CNY", "780", "");
    let first = create_cost_line(&conn, &trip_id, &input).unwrap();
    assert_eq!(first.planned_cents, Some(10_000));

    rate(&conn, "CNY", "2026-10-21", "8");
    rates::import_ecb_rates(&conn, b"Date,CNY,\n2026-10-21,7.5,\n").unwrap();
    input.per_euro = first.per_euro.clone().unwrap();
    input.actual = "780".into();
    let edited = update_cost_line(&conn, &first.id, &input).unwrap();
    assert_eq!(
        (edited.per_euro.as_deref(), edited.planned_cents, edited.actual_cents),
        (Some("7.8"), Some(10_000), Some(10_000))
    );

    input.per_euro = String::new();
    let retaken = update_cost_line(&conn, &first.id, &input).unwrap();
    assert_eq!(retaken.per_euro.as_deref(), Some("7.5"), "an emptied rate takes today's rate for the day");
}

#[test]
fn bad_amounts_rates_and_currencies_are_refused_and_nothing_is_saved() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let cases = [
        (line(CostCategory::Hotel, "EUR", "1.234,567", ""), ("planned", "too_many_decimals")),
        (line(CostCategory::Hotel, "XYZ", "100", ""), ("currency", "currency_unknown")),
        (
            CostLineInput { per_euro: "0".into(), ..line(CostCategory::Visa, "CNY", "100", "") },
            ("per_euro", "rate_not_positive"),
        ),
        (line(CostCategory::Visa, "CNY", "100", ""), ("per_euro", "rate_missing")),
        (line(CostCategory::Other, "EUR", "", ""), ("planned", "amount_required")),
        (CostLineInput { actual: "-3".into(), ..line(CostCategory::Other, "EUR", "5", "") }, ("actual", "negative")),
        (
            CostLineInput { spent_on: "31.02.2026".into(), ..line(CostCategory::Rail, "EUR", "5", "") },
            ("spent_on", "date_invalid"),
        ),
        (
            CostLineInput {
                bearer: Bearer::Sponsor,
                budget_line_id: Some("x".into()),
                ..line(CostCategory::Rail, "EUR", "5", "")
            },
            ("budget_line_id", "not_office"),
        ),
        (
            CostLineInput { member_id: Some("nobody".into()), ..line(CostCategory::Rail, "EUR", "5", "") },
            ("member_id", "unknown_member"),
        ),
        (
            CostLineInput { item_id: Some("nowhere".into()), ..line(CostCategory::Venue, "EUR", "5", "") },
            ("item_id", "unknown_item"),
        ),
    ];
    for (input, (field, code)) in cases {
        let codes = field_codes(create_cost_line(&conn, &trip_id, &input).unwrap_err());
        assert!(codes.contains(&(field.to_string(), code.to_string())), "{field} {code}: {codes:?}");
    }
    assert!(list_cost_lines(&conn, &trip_id).unwrap().is_empty());
}

#[test]
fn an_approved_plan_that_changes_is_flagged() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let hotel = create_cost_line(&conn, &trip_id, &line(CostCategory::Hotel, "EUR", "2000", "")).unwrap();
    create_cost_line(&conn, &trip_id, &line(CostCategory::Rail, "EUR", "300", "")).unwrap();
    let sent = budget::request_approval(&conn, &trip_id).unwrap();
    assert!(sent.approval.as_ref().unwrap().approved_at.is_none());
    assert!(matches!(budget::approve(&conn, &trip_id, " "), Err(Error::Validation(_))));
    let approved = budget::approve(&conn, &trip_id, "Landrat Spelthahn").unwrap();
    let approval = approved.approval.unwrap();
    assert_eq!((approval.approved_by.as_str(), approval.approved_plan_cents), ("Landrat Spelthahn", Some(230_000)));
    assert!(!approved.changed_since_approval);

    std::thread::sleep(std::time::Duration::from_millis(5));
    let mut input = line(CostCategory::Hotel, "EUR", "2000", "1950");
    update_cost_line(&conn, &hotel.id, &input).unwrap();
    assert!(!budget::trip_budget(&conn, &trip_id).unwrap().changed_since_approval, "paying is no change of plan");

    input.planned = "2400".into();
    let changed = update_cost_line(&conn, &hotel.id, &input).unwrap();
    assert!(changed.changed_after_approval);
    assert!(budget::trip_budget(&conn, &trip_id).unwrap().changed_since_approval);

    let again = budget::request_approval(&conn, &trip_id).unwrap();
    assert!(again.approval.unwrap().approved_at.is_none(), "sending again lets the approval lapse");
    assert!(budget::withdraw_approval(&conn, &trip_id).unwrap().approval.is_none());
}

#[test]
fn budget_lines_sum_what_the_trips_book_to_them() {
    let conn = open_in_memory().unwrap();
    let input = BudgetLineInput {
        year: 2026,
        code: "1.1.2.01-54310".into(),
        name: "Städtepartnerschaften".into(),
        amount: "25.000".into(),
    };
    let budget_line = budget::create_budget_line(&conn, &input).unwrap().line;
    assert!(matches!(budget::create_budget_line(&conn, &input), Err(Error::Validation(_))), "a code once a year");

    let trip_id = trip(&conn);
    let booked = |planned: &str, actual: &str| CostLineInput {
        budget_line_id: Some(budget_line.id.clone()),
        ..line(CostCategory::Flights, "EUR", planned, actual)
    };
    create_cost_line(&conn, &trip_id, &booked("6000", "5800")).unwrap();
    create_cost_line(&conn, &trip_id, &booked("1500", "")).unwrap();
    let sponsored = CostLineInput {
        bearer: Bearer::Sponsor,
        payer: "Sparkasse Düren".into(),
        ..line(CostCategory::Hospitality, "EUR", "900", "")
    };
    create_cost_line(&conn, &trip_id, &sponsored).unwrap();

    let year = budget::budget_year(&conn, 2026).unwrap();
    assert_eq!(year.len(), 1);
    let used = &year[0];
    assert_eq!(
        (used.actual_cents, used.open_cents, used.left_cents, used.trips),
        (580_000, 150_000, 2_500_000 - 730_000, 1)
    );
    let trip_budget = budget::trip_budget(&conn, &trip_id).unwrap();
    assert_eq!(trip_budget.budget_lines.len(), 1);
    let bearers: Vec<(&str, i64)> =
        trip_budget.by_bearer.iter().map(|sum| (sum.key.as_str(), sum.planned_cents)).collect();
    assert_eq!(bearers, [("office", 750_000), ("sponsor", 90_000)]);

    assert!(matches!(budget::delete_budget_line(&conn, &budget_line.id), Err(Error::Validation(_))), "in use");
    delete_trip(&conn, &trip_id).unwrap();
    assert_eq!(budget::budget_year(&conn, 2026).unwrap()[0].left_cents, 2_500_000, "a trip in the trash books nothing");
}

#[test]
fn member_costs_are_summed_per_person() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let member =
        add_member(&conn, &trip_id, &MemberInput { name_latin: "Anna Schmitz".into(), ..Default::default() }).unwrap();
    let visa = CostLineInput {
        member_id: Some(member.member.id.clone()),
        bearer: Bearer::Participant,
        payer: "Schmitz GmbH".into(),
        ..line(CostCategory::Visa, "EUR", "126", "126")
    };
    let saved = create_cost_line(&conn, &trip_id, &visa).unwrap();
    assert_eq!(saved.member.unwrap().label, "Anna Schmitz");
    let budget = budget::trip_budget(&conn, &trip_id).unwrap();
    assert_eq!(budget.by_member.len(), 1);
    assert_eq!((budget.by_member[0].label.as_str(), budget.by_member[0].actual_cents), ("Anna Schmitz", 12_600));
}

#[test]
fn deleted_lines_go_to_the_trash_and_come_back() {
    let conn = open_in_memory().unwrap();
    let trip_id = trip(&conn);
    let cost = create_cost_line(&conn, &trip_id, &line(CostCategory::Venue, "EUR", "450", "")).unwrap();
    delete_cost_line(&conn, &cost.id).unwrap();
    assert!(list_cost_lines(&conn, &trip_id).unwrap().is_empty());
    assert_eq!(trashed_cost_lines(&conn).unwrap()[0].label, "venue");
    restore_cost_line(&conn, &cost.id).unwrap();
    assert_eq!(list_cost_lines(&conn, &trip_id).unwrap().len(), 1);
}

#[test]
fn the_ecb_files_are_read_whole_or_not_at_all() {
    let conn = open_in_memory().unwrap();
    let daily = "Date, USD, JPY, CNY, CYP, \n04 December 2026, 1.0555, 158.12, 7.6543, N/A, \n";
    let imported = rates::import_ecb_rates(&conn, daily.as_bytes()).unwrap();
    assert_eq!((imported.rates, imported.currencies.clone()), (3, vec!["CNY".to_string(), "JPY".into(), "USD".into()]));
    assert_eq!(imported.skipped_currencies, ["CYP"], "a currency that no longer exists is passed over");
    let found = rates::rate_for(&conn, "cny", "2026-12-06".parse().unwrap()).unwrap().unwrap();
    assert_eq!((found.per_euro.as_str(), found.source), ("7.6543", rates::RateSource::Ecb));

    let history = "Date,USD,CNY,\n2026-12-03,1.05,7.65,\n2026-12-02,1.04,seven,\n";
    let Err(Error::Validation(fields)) = rates::import_ecb_rates(&conn, history.as_bytes()) else { panic!("kept") };
    assert!(fields[0].message.contains("line 3, column CNY"), "{}", fields[0].message);
    let named: Vec<(&str, &str)> =
        fields[0].values.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
    assert_eq!(
        (fields[0].code.as_str(), named),
        ("rates_bad_rate", vec![("currency", "CNY"), ("line", "3"), ("value", "seven")])
    );
    assert!(rates::rate_for(&conn, "USD", "2026-12-03".parse().unwrap()).unwrap().is_none(), "nothing kept");
    for broken in ["Datum;USD\n2026-12-03;1.05\n", "Date,USD\n3.12.2026,1.05\n", "Date,USD\n2026-12-03,0\n", ""] {
        assert!(matches!(rates::import_ecb_rates(&conn, broken.as_bytes()), Err(Error::Validation(_))), "{broken:?}");
    }
}

#[test]
fn the_example_trip_to_jinhua_is_costed_in_two_currencies_and_approved() {
    let conn = open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    let trip_id: String = conn
        .query_row("SELECT id FROM trips WHERE title LIKE 'Delegationsreise des Kreises Düren%'", [], |row| row.get(0))
        .unwrap();
    let budget = budget::trip_budget(&conn, &trip_id).unwrap();
    let currencies: std::collections::BTreeSet<&str> = budget.lines.iter().map(|l| l.currency.as_str()).collect();
    assert_eq!(currencies.into_iter().collect::<Vec<_>>(), ["CNY", "EUR"]);
    assert!(budget.lines.iter().filter(|l| l.currency == "CNY").all(|l| l.per_euro.as_deref() == Some("7.7215")));
    let bearers: Vec<&str> = budget.by_bearer.iter().map(|sum| sum.key.as_str()).collect();
    assert_eq!(bearers, ["office", "participant", "partner", "sponsor"]);
    assert_eq!(budget.by_member.len(), 1);
    let gifts = budget.lines.iter().find(|l| l.category == CostCategory::Gifts).unwrap();
    assert_eq!(gifts.item.as_ref().unwrap().label, "Empfang und Konferenz zur Zusammenarbeit");
    assert!(budget.approval.unwrap().approved_at.is_some() && !budget.changed_since_approval);
    assert!(budget.total.open_cents > 0, "the dinner is not paid yet");
    let year = budget::budget_year(&conn, 2026).unwrap();
    assert!(year[0].left_cents > 0 && year[0].left_cents < 4_000_000);
}
