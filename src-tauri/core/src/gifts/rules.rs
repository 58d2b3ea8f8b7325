//! The office's gift rules: the value in euros above which a gift its staff receive needs a
//! recorded decision, and who decides it. One record for the office, shared by its laptops.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::money;
use crate::store::now;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct GiftRules {
    /// Received gifts worth more than this (in euro cents) need a decision.
    pub limit_cents: i64,
    /// Who decides above the limit ("Landrat", "Hauptausschuss").
    pub decided_by: String,
}

/// What the settings send: the limit in euros as typed.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct GiftRulesInput {
    pub limit: String,
    pub decided_by: String,
}

pub fn gift_rules(conn: &Connection) -> Result<GiftRules> {
    Ok(conn
        .prepare_cached("SELECT limit_cents, decided_by FROM gift_rules WHERE id = 'office'")?
        .query_row([], |row| Ok(GiftRules { limit_cents: row.get(0)?, decided_by: row.get(1)? }))?)
}

pub fn update_gift_rules(conn: &Connection, input: &GiftRulesInput) -> Result<GiftRules> {
    let limit = money::required_euros("limit", &input.limit, "enter the value limit in euros")
        .map_err(|error| Error::Validation(vec![error]))?;
    conn.execute(
        "INSERT INTO gift_rules (id, limit_cents, decided_by, updated_at) VALUES ('office', ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET limit_cents = excluded.limit_cents, decided_by = excluded.decided_by,
            updated_at = excluded.updated_at",
        params![limit, input.decided_by.trim(), now()],
    )?;
    gift_rules(conn)
}
