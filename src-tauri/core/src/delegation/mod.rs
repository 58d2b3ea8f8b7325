//! The delegation of a trip: its members in order of precedence, their travel needs and,
//! kept apart from every list, their sensitive travel documents.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, Row, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::contacts::find_or_create::{ensure_person, side_of_delegation, NewPerson};
use crate::contacts::people::person_exists;
use crate::error::{Error, FieldError, Problems, Result};
use crate::store::trash::TrashedEntry;
use crate::store::{atomically, new_id, now};
use crate::vocabulary::{looks_like_email, name_key, MemberRole};
use crate::zoned;

/// A delegation member as lists show it: never with passport, birth date or visa.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Member {
    pub id: String,
    pub trip_id: String,
    /// The person in the register; name, function and organisation are kept as they were on this trip.
    pub person_id: Option<String>,
    pub name_latin: String,
    /// The name in its original script, e.g. Chinese characters.
    pub name_original: String,
    pub function_title: String,
    pub organisation: String,
    pub party: String,
    pub role: MemberRole,
    /// 1 is the head of the delegation's place in protocol order.
    pub precedence: i64,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    pub accessibility: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The sensitive fields, shown only on the member's own detail view.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MemberDetail {
    pub member: Member,
    pub passport_number: String,
    pub date_of_birth: Option<NaiveDate>,
    pub visa_status: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct MemberInput {
    /// The person picked from the register; None: found by name or created on the spot.
    pub person_id: Option<String>,
    pub name_latin: String,
    pub name_original: String,
    pub function_title: String,
    pub organisation: String,
    pub party: String,
    pub role: Option<MemberRole>,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    pub accessibility: String,
    pub passport_number: String,
    /// `YYYY-MM-DD` or empty.
    pub date_of_birth: String,
    pub visa_status: String,
}

impl MemberInput {
    /// The input with every text trimmed, as it is stored.
    fn trimmed(&self) -> MemberInput {
        let trim = |text: &String| text.trim().to_string();
        MemberInput {
            person_id: self.person_id.clone(),
            name_latin: trim(&self.name_latin),
            name_original: trim(&self.name_original),
            function_title: trim(&self.function_title),
            organisation: trim(&self.organisation),
            party: trim(&self.party),
            role: self.role,
            email: trim(&self.email),
            phone: trim(&self.phone),
            dietary: trim(&self.dietary),
            accessibility: trim(&self.accessibility),
            passport_number: trim(&self.passport_number),
            date_of_birth: trim(&self.date_of_birth),
            visa_status: trim(&self.visa_status),
        }
    }
}

const SELECT_MEMBER: &str =
    "SELECT id, trip_id, person_id, name_latin, name_original, function_title, organisation, party,
        role, precedence, email, phone, dietary, accessibility, created_at, updated_at FROM members";

fn from_row(row: &Row) -> rusqlite::Result<Member> {
    Ok(Member {
        id: row.get(0)?,
        trip_id: row.get(1)?,
        person_id: row.get(2)?,
        name_latin: row.get(3)?,
        name_original: row.get(4)?,
        function_title: row.get(5)?,
        organisation: row.get(6)?,
        party: row.get(7)?,
        role: row.get(8)?,
        precedence: row.get(9)?,
        email: row.get(10)?,
        phone: row.get(11)?,
        dietary: row.get(12)?,
        accessibility: row.get(13)?,
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
    })
}

/// The member `id`, also from the trash, if there is one.
pub(crate) fn find_member(conn: &Connection, id: &str) -> Result<Option<Member>> {
    Ok(conn.prepare_cached(&format!("{SELECT_MEMBER} WHERE id = ?1"))?.query_row([id], from_row).optional()?)
}

fn validate(conn: &Connection, input: &MemberInput) -> Result<Option<NaiveDate>> {
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "members",
        &[
            ("name_latin", &input.name_latin),
            ("name_original", &input.name_original),
            ("function_title", &input.function_title),
            ("organisation", &input.organisation),
            ("party", &input.party),
            ("email", &input.email),
            ("phone", &input.phone),
            ("dietary", &input.dietary),
            ("accessibility", &input.accessibility),
            ("passport_number", &input.passport_number),
            ("visa_status", &input.visa_status),
        ],
    );
    if let Some(person_id) = &input.person_id {
        if !person_exists(conn, person_id)? {
            problems.push("person_id", "unknown_person", format!("{person_id} is not a person in the register"));
        }
    }
    if input.name_latin.trim().is_empty() {
        problems.push("name_latin", "required", "a name in Latin script is required");
    }
    let email = input.email.trim();
    if !email.is_empty() && !looks_like_email(email) {
        problems.push("email", "email_invalid", format!("{email:?} is not an e-mail address"));
    }
    let birth = if input.date_of_birth.trim().is_empty() {
        None
    } else {
        zoned::parse_date("date_of_birth", &input.date_of_birth).map_err(|e| problems.add(e)).ok()
    };
    problems.into_result()?;
    Ok(birth)
}

fn duplicate_error(input: &MemberInput) -> Error {
    Error::Validation(vec![FieldError::new(
        "name_latin",
        "duplicate_member",
        format!("{} is already in this delegation", input.name_latin.trim()),
    )])
}

fn map_unique(error: rusqlite::Error, input: &MemberInput) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => duplicate_error(input),
        _ => error.into(),
    }
}

pub fn list_members(conn: &Connection, trip_id: &str) -> Result<Vec<Member>> {
    crate::trips::get_trip(conn, trip_id)?;
    let members = conn
        .prepare_cached(&format!("{SELECT_MEMBER} WHERE trip_id = ?1 AND deleted_at IS NULL ORDER BY precedence, id"))?
        .query_map([trip_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(members)
}

pub fn get_member(conn: &Connection, id: &str) -> Result<MemberDetail> {
    let member = conn
        .prepare_cached(&format!("{SELECT_MEMBER} WHERE id = ?1 AND deleted_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("member {id}")))?;
    let (passport_number, date_of_birth, visa_status) = conn
        .prepare_cached("SELECT passport_number, date_of_birth, visa_status FROM members WHERE id = ?1")?
        .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
    Ok(MemberDetail { member, passport_number, date_of_birth, visa_status })
}

pub fn add_member(conn: &Connection, trip_id: &str, input: &MemberInput) -> Result<MemberDetail> {
    let birth = validate(conn, input)?;
    // The members are counted through the index on (trip_id, precedence): a thousand at most.
    let (direction, partnership_id, held): (crate::vocabulary::Direction, Option<String>, i64) = conn
        .prepare_cached(
            "SELECT direction, partnership_id,
                (SELECT count(*) FROM members WHERE trip_id = ?1 AND deleted_at IS NULL)
             FROM trips WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([trip_id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("trip {trip_id}")))?;
    crate::limits::check_count("trip_id", "too_many_members", held, crate::limits::MEMBERS_PER_TRIP, "members")?;
    let id = new_id();
    atomically(conn, |tx| {
        let person_id = match &input.person_id {
            Some(person_id) => person_id.clone(),
            None => ensure_person(tx, &person_of_member(input, direction, partnership_id))?,
        };
        insert_member(tx, &id, trip_id, &person_id, input, birth)
    })?;
    get_member(conn, &id)
}

/// The register record a member typed on the spot becomes.
fn person_of_member(
    input: &MemberInput,
    direction: crate::vocabulary::Direction,
    partnership_id: Option<String>,
) -> NewPerson {
    let input = input.trimmed();
    NewPerson {
        name_latin: input.name_latin,
        name_original: input.name_original,
        function_title: input.function_title,
        organisation: input.organisation,
        email: input.email,
        phone: input.phone,
        side: side_of_delegation(direction),
        partnership_id,
    }
}

/// A member's fields as they are stored: the form's texts trimmed, the name key, the role and
/// the date of birth, bound by name (`:name_latin`, …) in both the INSERT and the UPDATE.
struct StoredMember {
    input: MemberInput,
    name_key: String,
    role: MemberRole,
    birth: Option<NaiveDate>,
}

impl StoredMember {
    fn of(input: &MemberInput, birth: Option<NaiveDate>) -> Self {
        let input = input.trimmed();
        StoredMember {
            name_key: name_key(&input.name_latin),
            role: input.role.unwrap_or(MemberRole::Member),
            input,
            birth,
        }
    }

    fn params(&self) -> Vec<(&'static str, &dyn ToSql)> {
        let input = &self.input;
        vec![
            (":name_latin", &input.name_latin),
            (":name_key", &self.name_key),
            (":name_original", &input.name_original),
            (":function_title", &input.function_title),
            (":organisation", &input.organisation),
            (":party", &input.party),
            (":role", &self.role),
            (":email", &input.email),
            (":phone", &input.phone),
            (":dietary", &input.dietary),
            (":accessibility", &input.accessibility),
            (":passport_number", &input.passport_number),
            (":date_of_birth", &self.birth),
            (":visa_status", &input.visa_status),
        ]
    }
}

fn insert_member(
    conn: &Connection,
    id: &str,
    trip_id: &str,
    person_id: &str,
    input: &MemberInput,
    birth: Option<NaiveDate>,
) -> Result<()> {
    let stored = StoredMember::of(input, birth);
    let stamp = now();
    let mut params = stored.params();
    params.extend([(":id", &id as &dyn ToSql), (":trip", &trip_id), (":person", &person_id), (":stamp", &stamp)]);
    conn.execute(
        "INSERT INTO members (id, trip_id, person_id, name_latin, name_key, name_original, function_title, organisation, party,
            role, precedence, email, phone, dietary, accessibility, passport_number, date_of_birth, visa_status,
            created_at, updated_at)
         VALUES (:id, :trip, :person, :name_latin, :name_key, :name_original, :function_title, :organisation, :party,
            :role, (SELECT coalesce(max(precedence), 0) + 1 FROM members WHERE trip_id = :trip),
            :email, :phone, :dietary, :accessibility, :passport_number, :date_of_birth, :visa_status, :stamp, :stamp)",
        params.as_slice(),
    )
    .map_err(|e| map_unique(e, input))?;
    Ok(())
}

pub fn update_member(conn: &Connection, id: &str, input: &MemberInput) -> Result<MemberDetail> {
    let birth = validate(conn, input)?;
    let stored = StoredMember::of(input, birth);
    let stamp = now();
    let mut params = stored.params();
    params.extend([(":id", &id as &dyn ToSql), (":person", &input.person_id), (":stamp", &stamp)]);
    let changed = conn
        .execute(
            "UPDATE members SET name_latin = :name_latin, name_key = :name_key, name_original = :name_original,
                function_title = :function_title, organisation = :organisation, party = :party, role = :role,
                email = :email, phone = :phone, dietary = :dietary, accessibility = :accessibility,
                passport_number = :passport_number, date_of_birth = :date_of_birth, visa_status = :visa_status,
                updated_at = :stamp, person_id = coalesce(:person, person_id)
             WHERE id = :id AND deleted_at IS NULL",
            params.as_slice(),
        )
        .map_err(|e| map_unique(e, input))?;
    if changed == 0 {
        return Err(Error::NotFound(format!("member {id}")));
    }
    get_member(conn, id)
}

/// Moves a member to the trash. Its name key is set aside while it is there, so that the
/// same name can join the delegation again.
pub fn remove_member(conn: &Connection, id: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE members SET deleted_at = ?2, updated_at = ?2, name_key = 'trash:' || id
         WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("member {id}")));
    }
    Ok(())
}

/// Members in the trash, newest deletion first, each with its trip.
pub fn trashed_members(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT m.id, m.name_latin, t.title, NULL, m.deleted_at FROM members m JOIN trips t ON t.id = m.trip_id
         WHERE m.deleted_at IS NOT NULL ORDER BY m.deleted_at DESC",
    )
}

/// Brings a member back into its delegation, at its old place in the order of precedence
/// and on the programme items it took part in.
pub fn restore_member(conn: &Connection, id: &str) -> Result<MemberDetail> {
    let name: String = conn
        .prepare_cached("SELECT name_latin FROM members WHERE id = ?1 AND deleted_at IS NOT NULL")?
        .query_row([id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("member {id} in the trash")))?;
    conn.execute(
        "UPDATE members SET deleted_at = NULL, updated_at = ?2, name_key = ?3 WHERE id = ?1",
        params![id, now(), name_key(&name)],
    )
    .map_err(|error| match error.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => Error::Validation(vec![FieldError::new(
            "name_latin",
            "duplicate_member",
            format!("{} is in this delegation again", name.trim()),
        )]),
        _ => error.into(),
    })?;
    get_member(conn, id)
}

/// Sets the order of precedence: `ordered_ids` must name every member of the trip once.
pub fn set_member_order(conn: &Connection, trip_id: &str, ordered_ids: &[String]) -> Result<Vec<Member>> {
    let mut current: Vec<String> = list_members(conn, trip_id)?.into_iter().map(|m| m.id).collect();
    let mut proposed = ordered_ids.to_vec();
    current.sort();
    proposed.sort();
    if current != proposed {
        return Err(Error::field(
            "order",
            "order_mismatch",
            "the new order must list every member of the delegation exactly once",
        ));
    }
    atomically(conn, |tx| {
        let mut update = tx.prepare_cached("UPDATE members SET precedence = ?2, updated_at = ?3 WHERE id = ?1")?;
        let stamp = now();
        for (index, id) in ordered_ids.iter().enumerate() {
            update.execute(params![id, index as i64 + 1, stamp])?;
        }
        Ok(())
    })?;
    list_members(conn, trip_id)
}

/// Copies every member of one trip to another; returns old ID → new ID.
pub(crate) fn copy_members(tx: &Connection, from_trip: &str, to_trip: &str) -> Result<HashMap<String, String>> {
    let old_ids: Vec<String> = tx
        .prepare("SELECT id FROM members WHERE trip_id = ?1 AND deleted_at IS NULL")?
        .query_map([from_trip], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let stamp = now();
    let mut copy = tx.prepare(
        "INSERT INTO members (id, trip_id, person_id, name_latin, name_key, name_original, function_title, organisation,
            party, role, precedence, email, phone, dietary, accessibility, passport_number, date_of_birth, visa_status,
            created_at, updated_at)
         SELECT ?2, ?3, person_id, name_latin, name_key, name_original, function_title, organisation, party, role, precedence,
            email, phone, dietary, accessibility, passport_number, date_of_birth, visa_status, ?4, ?4
         FROM members WHERE id = ?1",
    )?;
    let mut mapping = HashMap::new();
    for old_id in old_ids {
        let new_id = new_id();
        copy.execute(params![old_id, new_id, to_trip, stamp])?;
        mapping.insert(old_id, new_id);
    }
    Ok(mapping)
}

#[cfg(test)]
mod tests;
