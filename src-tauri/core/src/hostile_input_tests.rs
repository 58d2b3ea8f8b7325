//! The hostile-input suite of the forms (the window's and the command line's, which call the
//! same functions): for each kind of record, a text over its field's limit is refused at that
//! field with the limit, and nothing is stored; every kind of text is among them. A trip, its
//! items and members are in `trips::tests`; imports, bundles, change files and restored
//! backups in their own modules' tests.

use std::fmt::Debug;

use chrono::Utc;
use rusqlite::Connection;

use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::contacts::people::{create_person, PersonInput};
use crate::costs::budget::{create_budget_line, BudgetLineInput};
use crate::costs::{create_cost_line, CostCategory, CostLineInput};
use crate::error::{Error, Result};
use crate::gifts::tests::gift;
use crate::gifts::{create_gift_without_trip, GiftInput};
use crate::limits::TextKind::{self, *};
use crate::outcomes::{add_outcome, OutcomeInput};
use crate::partnerships::agreements::add_agreement;
use crate::partnerships::create_partnership;
use crate::partnerships::tests::{agreement, partnership_input};
use crate::programme::{add_item, ItemInput, ItemKind};
use crate::projects::create_project;
use crate::projects::tests::project_input;
use crate::registrations::{create_registration, open_registration, InvitationInput, RegistrationInput};
use crate::store::open_in_memory;
use crate::tasks::create_task;
use crate::tasks::tests::{day, task};
use crate::trips::create_trip;
use crate::trips::tests::trip_input;

fn over(kind: TextKind) -> String {
    "漢".repeat(kind.max_chars() + 1)
}

fn rows(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0)).unwrap()
}

/// Expects `result` refused with `too_long` at `field`, naming the limit of `kind`, and
/// `table` as it was.
fn refused_at<T: Debug>(conn: &Connection, table: &str, before: i64, result: Result<T>, field: &str, kind: TextKind) {
    match result {
        Err(Error::Validation(fields)) => assert!(
            fields
                .iter()
                .any(|f| f.field == field && f.code == "too_long" && f.values["limit"] == kind.max_chars().to_string()),
            "{table}.{field}: {fields:?}"
        ),
        other => panic!("{table}.{field}: expected a refusal, got {other:?}"),
    }
    assert_eq!(rows(conn, table), before, "{table}: nothing stored");
}

#[test]
fn a_text_over_its_limit_is_refused_at_its_field_on_every_form_and_nothing_is_stored() {
    let conn = open_in_memory().unwrap();
    let today = day("2026-12-07");

    let person = PersonInput { address: over(Address), ..crate::contacts::tests::person_input("Anna Schmidt", "") };
    refused_at(&conn, "people", 0, create_person(&conn, &person), "address", Address);
    let person = PersonInput { email: format!("{}@dueren.de", "a".repeat(250)), ..person };
    let person = PersonInput { address: String::new(), ..person };
    refused_at(&conn, "people", 0, create_person(&conn, &person), "email", Email);
    let organisation = OrganisationInput { name: "Stadt Jinhua".into(), phone: over(Phone), ..Default::default() };
    refused_at(&conn, "organisations", 0, create_organisation(&conn, &organisation), "phone", Phone);

    let partnership = crate::partnerships::PartnershipInput { our_side: over(Name), ..partnership_input("Jinhua") };
    refused_at(&conn, "partnerships", 0, create_partnership(&conn, &partnership, today), "our_side", Name);
    let partnership = create_partnership(&conn, &partnership_input("Jinhua"), today).unwrap().id;
    let signed = agreement(&over(Title), "2026-05-01", "");
    refused_at(&conn, "agreements", 0, add_agreement(&conn, &partnership, &signed, today), "title", Title);
    let project = crate::projects::ProjectInput { goal: over(Notes), ..project_input("Wasserstoff", &[]) };
    refused_at(&conn, "projects", 0, create_project(&conn, &project), "goal", Notes);

    let follow_up = crate::tasks::TaskInput { description: over(Notes), ..task("Dankschreiben", "2026-12-20") };
    refused_at(&conn, "tasks", 0, create_task(&conn, &follow_up, today), "description", Notes);

    // What a gift is and what a cost was for are titles, though named "description".
    let gift = GiftInput { description: over(Title), ..gift("Porzellanvase", "2026-10-25", "80", "EUR") };
    refused_at(&conn, "gifts", 0, create_gift_without_trip(&conn, &gift), "description", Title);
    let trip = create_trip(&conn, &trip_input("Delegationsreise nach Jinhua")).unwrap().id;
    let cost = CostLineInput::office(CostCategory::Rail, &over(Title), "EUR", "120", "");
    refused_at(&conn, "cost_lines", 0, create_cost_line(&conn, &trip, &cost), "description", Title);
    let cost =
        CostLineInput { payer: over(Line), ..CostLineInput::office(CostCategory::Rail, "Bahn", "EUR", "120", "") };
    refused_at(&conn, "cost_lines", 0, create_cost_line(&conn, &trip, &cost), "payer", Line);
    let budget =
        BudgetLineInput { year: 2026, code: over(Code), name: "Repräsentation".into(), amount: "5000".into() };
    refused_at(&conn, "budget_lines", 0, create_budget_line(&conn, &budget), "code", Code);

    let invitation = InvitationInput { notes: over(Notes), ..Default::default() };
    refused_at(&conn, "trip_invitations", 0, open_registration(&conn, &trip, &invitation), "notes", Notes);
    open_registration(&conn, &trip, &InvitationInput::default()).unwrap();
    let registration = RegistrationInput { name_latin: over(Name), ..Default::default() };
    refused_at(&conn, "registrations", 0, create_registration(&conn, &trip, &registration), "name_latin", Name);

    let item = ItemInput::new(
        ItemKind::Meeting,
        "Gespräch im Rathaus",
        ("2026-10-22T10:00", "Asia/Shanghai"),
        ("2026-10-22T11:00", "Asia/Shanghai"),
    );
    let item = add_item(&conn, &trip, &item).unwrap().id;
    let outcome = OutcomeInput { text: over(Notes), people: Vec::new(), project_id: None };
    refused_at(&conn, "outcomes", 0, add_outcome(&conn, &item, &outcome, Utc::now()), "text", Notes);
}
