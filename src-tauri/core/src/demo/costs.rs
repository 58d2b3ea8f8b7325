//! What the Kreis Düren's trip to Jinhua cost and who paid: flights and insurance on the
//! district's budget line for partnerships, the hotel and transfers borne by the hosts, dinner
//! and interpreting paid in yuan at the ECB rate of the day before departure, a night extended
//! privately, and the guest gifts for the reception sponsored by the savings bank; approved by
//! the Landrat. The
//! reference rates of the seed visits come first, for the gifts received in yuan as well.

use rusqlite::Connection;

use crate::costs::budget::{approve, create_budget_line, BudgetLineInput};
use crate::costs::rates::import_ecb_rates;
use crate::costs::{create_cost_line, Bearer, CostCategory, CostLineInput};
use crate::error::Result;

/// The reference rates around the seed visits, as the ECB's history file writes them.
const ECB_RATES: &str = "Date,USD,JPY,CNY,
2026-10-21,1.0842,162.31,7.7215,
2026-10-20,1.0851,162.58,7.7304,
2026-07-07,1.0795,160.84,7.8012,
2026-06-15,1.0768,159.97,7.7936,
";

/// The ECB's rates of the days the seed trips spent in yuan, as an officer would read them in.
pub(super) fn reference_rates(conn: &Connection) -> Result<()> {
    import_ecb_rates(conn, ECB_RATES.as_bytes())?;
    Ok(())
}

pub(super) fn costs_of_the_seed_trips(conn: &Connection) -> Result<()> {
    let trip_id: String = conn.query_row(
        "SELECT id FROM trips WHERE title = 'Delegationsreise des Kreises Düren in die Städteregion Jinhua'",
        [],
        |row| row.get(0),
    )?;
    let member = |name: &str| -> Result<String> {
        Ok(conn.query_row(
            "SELECT id FROM members WHERE trip_id = ?1 AND name_latin = ?2",
            [&trip_id, name],
            |row| row.get(0),
        )?)
    };
    let budget_line = create_budget_line(
        conn,
        &BudgetLineInput {
            year: 2026,
            code: "1.11.01-54310".into(),
            name: "Städtepartnerschaften und internationale Beziehungen".into(),
            amount: "40.000".into(),
        },
    )?
    .line
    .id;
    let office = |category, description: &str, currency: &str, planned: &str, actual: &str| CostLineInput {
        budget_line_id: Some(budget_line.clone()),
        ..CostLineInput::office(category, description, currency, planned, actual)
    };
    let borne_by = |bearer, payer: &str, input: CostLineInput| CostLineInput {
        bearer,
        payer: payer.into(),
        budget_line_id: None,
        ..input
    };
    use CostCategory::*;
    let lines = [
        office(Flights, "Flüge Frankfurt – Shanghai und zurück, 8 Personen", "EUR", "9.600", "9.284,40"),
        office(Insurance, "Auslandsreisekrankenversicherung, 8 Personen", "EUR", "96", "96"),
        office(Visa, "Visagebühren und Servicezentrum, 8 Personen", "EUR", "1.008", "1.008"),
        office(Interpreter, "Zweite Dolmetscherin vor Ort, zwei Tage", "CNY", "4.000", "4.000"),
        office(Hospitality, "Gegeneinladung zum Abendessen", "CNY", "6.800", ""),
        borne_by(
            Bearer::Partner,
            "Stadtregierung Jinhua",
            office(Hotel, "Hotel in Jinhua, 8 Zimmer, 6 Nächte", "CNY", "33.600", "33.600"),
        ),
        borne_by(
            Bearer::Partner,
            "Stadtregierung Jinhua",
            office(Transfers, "Bus und Fahrer vor Ort", "CNY", "2.400", "2.400"),
        ),
        CostLineInput {
            item_id: Some(conn.query_row(
                "SELECT id FROM programme_items WHERE trip_id = ?1 AND title = 'Empfang und Konferenz zur Zusammenarbeit'",
                [&trip_id],
                |row| row.get(0),
            )?),
            ..borne_by(
                Bearer::Sponsor,
                "Sparkasse Düren",
                office(Gifts, "Bildbände und Porzellanteller als Gastgeschenke", "EUR", "480", "462,50"),
            )
        },
        CostLineInput {
            member_id: Some(member("Ralf Dick")?),
            ..borne_by(
                Bearer::Participant,
                "Ralf Dick (privat)",
                office(Hotel, "Zusätzliche Nacht in Shanghai", "CNY", "850", "850"),
            )
        },
    ];
    for line in &lines {
        create_cost_line(conn, &trip_id, line)?;
    }
    approve(conn, &trip_id, "Landrat Wolfgang Spelthahn")?;
    Ok(())
}
