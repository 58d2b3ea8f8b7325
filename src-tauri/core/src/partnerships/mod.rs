//! The partnership register: the partnerships an office keeps, with the partner's place
//! and zone, and what links to them (agreements, trips).

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Problems, Result};
use crate::store::paging::{read_page, Page, PageRequest, PageSql};
use crate::store::trash::exists_outside_trash;
use crate::store::{atomically, new_id, now};
use crate::vocabulary::RecordLink;
use crate::zoned;

pub mod agreements;
pub mod themes;
pub mod trash;

crate::text_enum! {
    /// Who we are in the partnership.
    pub enum OurSideKind { City => "city", District => "district", Region => "region", Agency => "agency" }
}

crate::text_enum! {
    pub enum PartnershipKind {
        TownTwinning => "town_twinning",
        Friendship => "friendship",
        RegionalCooperation => "regional_cooperation",
        ProjectPartnership => "project_partnership",
    }
}

crate::text_enum! {
    pub enum PartnershipStatus { Prospect => "prospect", Active => "active", Dormant => "dormant", Ended => "ended" }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Partnership {
    pub id: String,
    /// Our side, e.g. "Stadt Düren".
    pub our_side: String,
    pub our_side_kind: OurSideKind,
    /// The register's organisations that carry the partnership on our side, when it is held by
    /// several bodies together (Stadt and Landkreis Kaiserslautern).
    pub our_bodies: Vec<RecordLink>,
    pub partner_place: String,
    pub partner_province: String,
    pub partner_country: String,
    /// IANA zone of the partner place.
    pub partner_zone: String,
    pub kind: PartnershipKind,
    pub since: Option<NaiveDate>,
    pub status: PartnershipStatus,
    pub description: String,
    pub agreement_count: i64,
    /// Agreements ending within the next 90 days.
    pub expiring_agreements: i64,
    pub trip_count: i64,
    /// Set while the partnership is in the trash.
    pub deleted_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct PartnershipInput {
    pub our_side: String,
    pub our_side_kind: OurSideKind,
    pub partner_place: String,
    pub partner_province: String,
    pub partner_country: String,
    pub partner_zone: String,
    pub kind: PartnershipKind,
    /// `YYYY-MM-DD` or empty.
    pub since: String,
    pub status: PartnershipStatus,
    pub description: String,
    /// The organisations that carry the partnership on our side, in the order shown.
    #[serde(default)]
    pub our_body_ids: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PartnershipQuery {
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub status: Option<PartnershipStatus>,
    /// Which page of the list.
    #[serde(flatten)]
    #[ts(flatten)]
    pub page: PageRequest,
}

pub(crate) const SELECT_PARTNERSHIP: &str =
    "SELECT p.id, p.our_side, p.our_side_kind, p.partner_place, p.partner_province,
        p.partner_country, p.partner_zone, p.kind, p.since, p.status, p.description,
        (SELECT count(*) FROM agreements a WHERE a.partnership_id = p.id AND a.deleted_at IS NULL),
        (SELECT count(*) FROM agreements a WHERE a.partnership_id = p.id AND a.deleted_at IS NULL
            AND a.valid_until BETWEEN :today AND :warn_until),
        (SELECT count(*) FROM trips t WHERE t.deleted_at IS NULL AND (t.partnership_id = p.id
            OR t.id IN (SELECT trip_id FROM trip_partnerships WHERE partnership_id = p.id))),
        p.deleted_at, p.created_at, p.updated_at,
        (SELECT json_group_array(json_object('id', id, 'label', name)) FROM (SELECT o.id, o.name
            FROM partnership_bodies b JOIN organisations o ON o.id = b.organisation_id AND o.deleted_at IS NULL
            WHERE b.partnership_id = p.id ORDER BY b.position))
    FROM partnerships p";

pub(crate) fn from_row(row: &Row) -> rusqlite::Result<Partnership> {
    Ok(Partnership {
        id: row.get(0)?,
        our_side: row.get(1)?,
        our_side_kind: row.get(2)?,
        our_bodies: RecordLink::list_in_column(row, 17)?,
        partner_place: row.get(3)?,
        partner_province: row.get(4)?,
        partner_country: row.get(5)?,
        partner_zone: row.get(6)?,
        kind: row.get(7)?,
        since: row.get(8)?,
        status: row.get(9)?,
        description: row.get(10)?,
        agreement_count: row.get(11)?,
        expiring_agreements: row.get(12)?,
        trip_count: row.get(13)?,
        deleted_at: row.get(14)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
    })
}

fn validate(conn: &Connection, input: &PartnershipInput) -> Result<Option<NaiveDate>> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "partnerships",
        &[
            ("our_side", &input.our_side),
            ("partner_place", &input.partner_place),
            ("partner_province", &input.partner_province),
            ("partner_country", &input.partner_country),
            ("description", &input.description),
        ],
    );
    for (position, body) in input.our_body_ids.iter().enumerate() {
        if input.our_body_ids[..position].contains(body) {
            problems.push("our_body_ids", "twice", format!("{body} is named twice"));
        } else if !exists_outside_trash(conn, "organisations", body)? {
            problems.push("our_body_ids", "unknown_organisation", format!("{body} is not in the register"));
        }
    }
    if input.our_side.trim().is_empty() {
        problems.push("our_side", "required", "our side of the partnership is required");
    }
    if input.partner_place.trim().is_empty() {
        problems.push("partner_place", "required", "a partnership needs the partner's place");
    }
    if let Err(error) = zoned::parse_zone("partner_zone", &input.partner_zone) {
        problems.add(error);
    }
    let since = if input.since.trim().is_empty() {
        None
    } else {
        zoned::parse_date("since", &input.since).map_err(|e| problems.add(e)).ok()
    };
    problems.into_result()?;
    Ok(since)
}

pub fn create_partnership(conn: &Connection, input: &PartnershipInput, today: NaiveDate) -> Result<Partnership> {
    let since = validate(conn, input)?;
    let id = new_id();
    atomically(conn, |conn| {
        conn.execute(
            "INSERT INTO partnerships (id, our_side, our_side_kind, partner_place, partner_province, partner_country,
                partner_zone, kind, since, status, description, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            partnership_params(&id, input, since, &now()),
        )?;
        set_our_bodies(conn, &id, &input.our_body_ids)
    })?;
    get_partnership(conn, &id, today)
}

pub fn update_partnership(
    conn: &Connection,
    id: &str,
    input: &PartnershipInput,
    today: NaiveDate,
) -> Result<Partnership> {
    let since = validate(conn, input)?;
    let changed = atomically(conn, |conn| {
        let changed = conn.execute(
            "UPDATE partnerships SET our_side = ?2, our_side_kind = ?3, partner_place = ?4, partner_province = ?5,
                partner_country = ?6, partner_zone = ?7, kind = ?8, since = ?9, status = ?10, description = ?11,
                updated_at = ?12
             WHERE id = ?1 AND deleted_at IS NULL",
            partnership_params(id, input, since, &now()),
        )?;
        if changed > 0 {
            set_our_bodies(conn, id, &input.our_body_ids)?;
        }
        Ok(changed)
    })?;
    if changed == 0 {
        return Err(Error::NotFound(format!("partnership {id}")));
    }
    get_partnership(conn, id, today)
}

pub(crate) fn set_our_bodies(conn: &Connection, partnership_id: &str, organisation_ids: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM partnership_bodies WHERE partnership_id = ?1")?.execute([partnership_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO partnership_bodies (partnership_id, organisation_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, organisation_id) in organisation_ids.iter().enumerate() {
        insert.execute(params![partnership_id, organisation_id, position as i64])?;
    }
    Ok(())
}

/// The columns both saving statements bind, in the order `?1`…`?12`.
fn partnership_params<'a>(
    id: &'a str,
    input: &'a PartnershipInput,
    since: Option<NaiveDate>,
    stamp: &'a str,
) -> impl rusqlite::Params + 'a {
    (
        id,
        input.our_side.trim(),
        input.our_side_kind,
        input.partner_place.trim(),
        input.partner_province.trim(),
        input.partner_country.trim(),
        input.partner_zone.trim(),
        input.kind,
        since,
        input.status,
        input.description.trim(),
        stamp,
    )
}

/// The window in which agreements count as ending soon, as the named SQL parameters bind it.
pub(crate) fn expiry_window(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    (today, today + chrono::Duration::days(agreements::EXPIRY_WARNING_DAYS))
}

pub fn get_partnership(conn: &Connection, id: &str, today: NaiveDate) -> Result<Partnership> {
    let (today, warn_until) = expiry_window(today);
    conn.prepare_cached(&format!("{SELECT_PARTNERSHIP} WHERE p.id = :id AND p.deleted_at IS NULL"))?
        .query_row(named_params! { ":id": id, ":today": today, ":warn_until": warn_until }, from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("partnership {id}")))
}

/// The partnership `id`, also from the trash, if there is one.
pub(crate) fn find_partnership(conn: &Connection, id: &str, today: NaiveDate) -> Result<Option<Partnership>> {
    let (today, warn_until) = expiry_window(today);
    Ok(conn
        .prepare_cached(&format!("{SELECT_PARTNERSHIP} WHERE p.id = :id"))?
        .query_row(named_params! { ":id": id, ":today": today, ":warn_until": warn_until }, from_row)
        .optional()?)
}

pub fn partnership_exists(conn: &Connection, id: &str) -> Result<bool> {
    exists_outside_trash(conn, "partnerships", id)
}

pub fn list_partnerships(conn: &Connection, query: &PartnershipQuery, today: NaiveDate) -> Result<Page<Partnership>> {
    let pattern = crate::store::like_pattern(&query.search);
    let sql = PageSql {
        select: SELECT_PARTNERSHIP,
        from: "partnerships p",
        filter: "(:pattern = '%%' OR p.our_side LIKE :pattern ESCAPE '\\' OR p.partner_place LIKE :pattern ESCAPE '\\'
                OR p.partner_country LIKE :pattern ESCAPE '\\' OR p.partner_province LIKE :pattern ESCAPE '\\')
            AND (:status IS NULL OR p.status = :status) AND p.deleted_at IS NULL",
        order: "p.partner_place, p.our_side, p.id",
    };
    let (today, warn_until) = expiry_window(today);
    let params = named_params! {
        ":pattern": pattern,
        ":status": query.status,
        ":today": today,
        ":warn_until": warn_until,
    };
    read_page(conn, &sql, params, query.page, from_row)
}

#[cfg(test)]
pub(crate) mod tests;
