//! The numbered, append-only migrations that shape the database: one SQL file each, and for
//! the three that turned existing data into a new shape, the frozen code that did it.

use rusqlite::{Connection, Transaction};
use rusqlite_migration::{HookError, HookResult, Migrations, M};

use crate::error::{Error, Result};

mod documents_from_agreements;
mod preparation_checklists;
mod register_from_free_text;

pub(super) fn migration_list() -> Vec<M<'static>> {
    vec![
        M::up(include_str!("0001_trips_delegation_programme.sql")),
        M::up(include_str!("0002_partnerships_agreements.sql")),
        M::up_with_hook(include_str!("0003_people_organisations.sql"), |tx: &Transaction| {
            hook(register_from_free_text::run(tx))
        }),
        M::up_with_hook(include_str!("0004_followups.sql"), |tx: &Transaction| hook(preparation_checklists::run(tx))),
        M::up(include_str!("0005_calendar_export.sql")),
        M::up(include_str!("0006_calendar_import.sql")),
        M::up(include_str!("0007_trash_for_every_record.sql")),
        M::up(include_str!("0008_sharing.sql")),
        M::up(include_str!("0009_sharing_peers.sql")),
        M::up(include_str!("0010_partner_offices.sql")),
        M::up(include_str!("0011_search.sql")),
        M::up(include_str!("0012_search_order.sql")),
        M::up(include_str!("0013_overview.sql")),
        M::up(include_str!("0014_tasks_found_in_order.sql")),
        M::up(include_str!("0015_second_language.sql")),
        M::up_with_hook(include_str!("0016_documents.sql"), |tx: &Transaction| {
            hook(documents_from_agreements::run(tx))
        }),
        M::up(include_str!("0017_agreement_links.sql")),
        M::up(include_str!("0018_projects.sql")),
        M::up(include_str!("0019_register_gaps.sql")),
        M::up(include_str!("0020_costs.sql")),
        M::up(include_str!("0021_gift_rules.sql")),
        M::up(include_str!("0022_registrations.sql")),
        M::up(include_str!("0023_cost_items.sql")),
        M::up(include_str!("0024_reports.sql")),
        M::up(include_str!("0025_report_items.sql")),
    ]
}

/// A migration hook's outcome, as `rusqlite_migration` reports it.
fn hook(outcome: Result<()>) -> HookResult {
    outcome.map_err(|error| match error {
        Error::Database(error) => HookError::RusqliteError(error),
        other => HookError::Hook(other.to_string()),
    })
}

pub(super) fn migrations() -> Migrations<'static> {
    Migrations::new(migration_list())
}

/// The schema version this build writes.
pub fn schema_version() -> usize {
    migration_list().len()
}

/// Migrates a bare connection to the newest version.
pub(super) fn to_latest(conn: &mut Connection) -> Result<()> {
    migrations().to_latest(conn)?;
    Ok(())
}

/// Migrates a bare connection to `version` and no further: how the fixture databases of
/// released schema versions (`tests/fixtures/`) are made.
pub fn migrate_to_version(conn: &mut Connection, version: usize) -> Result<()> {
    super::register_search_functions(conn)?;
    migrations().to_version(conn, version)?;
    Ok(())
}
