//! A trip copied to new dates ("the same programme next year"): the trip with its theme
//! areas, a fresh preparation checklist, its programme moved by the same number of days and,
//! if asked, its delegation. It spans the trip, delegation, programme and checklist
//! aggregates, so it stands above them.

use chrono::Duration;
use rusqlite::{params, Connection};
use serde::Deserialize;
use ts_rs::TS;

use crate::checklists::templates::give_checklist;
use crate::error::{Error, Result};
use crate::store::{atomically, new_id, now};
use crate::trips::{get_trip, Trip, TripStatus};
use crate::zoned;

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DuplicateOptions {
    /// The copy's first day; every date and programme item moves by the same number of days.
    pub start_date: String,
    pub include_delegation: bool,
}

/// Copies a trip with its programme (and, if asked, its delegation) to new dates.
pub fn duplicate_trip(conn: &Connection, id: &str, options: &DuplicateOptions) -> Result<Trip> {
    let original = get_trip(conn, id)?;
    let new_start = zoned::parse_date("start_date", &options.start_date).map_err(|e| Error::Validation(vec![e]))?;
    let shift = new_start - original.start_date;
    let copy_id = new_id();
    let stamp = now();
    atomically(conn, |tx| {
        tx.execute(
            "INSERT INTO trips (id, title, direction, partner_place, partner_country, time_zone, start_date, end_date,
            purpose, status, notes, partnership_id, created_at, updated_at, second_language, title_translation,
            purpose_translation)
         SELECT ?2, title, direction, partner_place, partner_country, time_zone, ?3, ?4, purpose, ?5, notes,
            partnership_id, ?6, ?6, second_language, title_translation, purpose_translation
         FROM trips WHERE id = ?1",
            params![id, copy_id, new_start, original.end_date + shift, TripStatus::Planning, stamp],
        )?;
        tx.execute(
            "INSERT INTO trip_themes (trip_id, theme_id) SELECT ?2, theme_id FROM trip_themes WHERE trip_id = ?1",
            params![id, copy_id],
        )?;
        tx.execute(
            "INSERT INTO trip_partnerships (trip_id, partnership_id, position)
             SELECT ?2, partnership_id, position FROM trip_partnerships WHERE trip_id = ?1",
            params![id, copy_id],
        )?;
        give_checklist(tx, &copy_id, original.direction)?;
        let member_ids = if options.include_delegation {
            crate::delegation::copy_members(tx, id, &copy_id)?
        } else {
            Default::default()
        };
        crate::programme::copy_items(tx, id, &copy_id, Duration::days(shift.num_days()), &member_ids)
    })?;
    get_trip(conn, &copy_id)
}
