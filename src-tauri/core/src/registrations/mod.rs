//! Participants of an outgoing trip beyond the office's own delegation: the trip opened to
//! companies, associations and schools (deadline, the data asked for, the usual cost share),
//! and its invitation list, from "invited" through "registered" to "confirmed" (a delegation
//! member, made in the same step), "declined" or "withdrawn". Dietary needs follow the
//! members' privacy rules. Deleting moves a registration to the trash.

use chrono::NaiveDate;
use rusqlite::{named_params, params, Connection, ErrorCode, OptionalExtension, Row, ToSql};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::delegation::{add_member, remove_member, MemberInput};
use crate::error::{Error, FieldError, Problems, Result};
use crate::money;
use crate::settings::office_today;
use crate::store::trash::TrashedEntry;
use crate::store::{atomically, new_id, now};
use crate::vocabulary::{looks_like_email, name_key, Direction, MemberRole, RecordLink};
use crate::zoned;

crate::text_enum! {
    pub enum RegistrationStatus {
        Invited => "invited",
        Registered => "registered",
        Confirmed => "confirmed",
        Declined => "declined",
        Withdrawn => "withdrawn",
    }
}

crate::text_enum! {
    /// What a registration asks for: the name as spelled in the passport, the organisation,
    /// the function, e-mail and phone, dietary needs.
    pub enum AskedData {
        PassportName => "passport_name",
        Organisation => "organisation",
        Function => "function",
        Contact => "contact",
        Dietary => "dietary",
    }
}

/// A trip opened to participants.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Invitation {
    pub trip_id: String,
    pub deadline: Option<NaiveDate>,
    pub asks: Vec<AskedData>,
    /// What each participant pays, in euro cents, unless a registration says otherwise.
    pub cost_share_cents: Option<i64>,
    pub notes: String,
    /// The deadline has passed (on the office's today).
    pub closed: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct InvitationInput {
    /// `YYYY-MM-DD` or empty.
    pub deadline: String,
    pub asks: Vec<AskedData>,
    /// Euros as typed; empty for none.
    pub cost_share: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Registration {
    pub id: String,
    pub trip_id: String,
    pub status: RegistrationStatus,
    /// The name as spelled in the passport; empty for a company invited before anyone registered.
    pub name_latin: String,
    pub name_original: String,
    pub organisation: String,
    pub function_title: String,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    /// The share of the costs agreed with this participant, in euro cents; None: the trip's.
    pub cost_share_cents: Option<i64>,
    pub person_id: Option<String>,
    pub organisation_id: Option<String>,
    /// The delegation member a confirmed registration became.
    pub member: Option<RecordLink>,
    pub status_on: NaiveDate,
    /// For the office only.
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

/// What the registration form sends. A new registration without status is "registered".
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct RegistrationInput {
    #[serde(default)]
    pub status: Option<RegistrationStatus>,
    pub name_latin: String,
    pub name_original: String,
    pub organisation: String,
    pub function_title: String,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    /// Euros as typed; empty: the trip's cost share.
    pub cost_share: String,
    /// The person picked from the register.
    #[serde(default)]
    pub person_id: Option<String>,
    #[serde(default)]
    pub organisation_id: Option<String>,
    pub notes: String,
}

/// How many registrations have a status.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatusCount {
    pub status: RegistrationStatus,
    pub count: i64,
}

/// A trip's invitation list as its tab shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TripRegistrations {
    /// None until the trip is opened to participants.
    pub invitation: Option<Invitation>,
    pub registrations: Vec<Registration>,
    pub counts: Vec<StatusCount>,
    /// What the registered and confirmed participants pay together, in euro cents.
    pub cost_shares_cents: i64,
}

const SELECT_REGISTRATION: &str = "SELECT r.id, r.trip_id, r.status, r.name_latin, r.name_original, r.organisation,
        r.function_title, r.email, r.phone, r.dietary, r.cost_share_cents, r.person_id, r.organisation_id,
        m.id, m.name_latin, r.status_on, r.notes, r.created_at, r.updated_at
     FROM registrations r
     LEFT JOIN members m ON m.id = r.member_id AND m.deleted_at IS NULL";

fn from_row(row: &Row) -> rusqlite::Result<Registration> {
    let member = match row.get::<_, Option<String>>(13)? {
        Some(id) => Some(RecordLink { id, label: row.get(14)? }),
        None => None,
    };
    Ok(Registration {
        id: row.get(0)?,
        trip_id: row.get(1)?,
        status: row.get(2)?,
        name_latin: row.get(3)?,
        name_original: row.get(4)?,
        organisation: row.get(5)?,
        function_title: row.get(6)?,
        email: row.get(7)?,
        phone: row.get(8)?,
        dietary: row.get(9)?,
        cost_share_cents: row.get(10)?,
        person_id: row.get(11)?,
        organisation_id: row.get(12)?,
        member,
        status_on: row.get(15)?,
        notes: row.get(16)?,
        created_at: row.get(17)?,
        updated_at: row.get(18)?,
    })
}

/// The trip, which must be outgoing: only our own travellers register.
fn outgoing_trip(conn: &Connection, trip_id: &str) -> Result<()> {
    let direction: Direction = conn
        .prepare_cached("SELECT direction FROM trips WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([trip_id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("trip {trip_id}")))?;
    if direction != Direction::Outgoing {
        return Err(Error::field(
            "trip_id",
            "trip_not_outgoing",
            "only an outgoing trip takes registrations: a hosted delegation is listed by its own office",
        ));
    }
    Ok(())
}

pub fn get_invitation(conn: &Connection, trip_id: &str) -> Result<Option<Invitation>> {
    let today = office_today(conn)?;
    let found = conn
        .prepare_cached(
            "SELECT trip_id, deadline, asks, cost_share_cents, notes FROM trip_invitations WHERE trip_id = ?1",
        )?
        .query_row([trip_id], |row| {
            let deadline: Option<NaiveDate> = row.get(1)?;
            let asks: String = row.get(2)?;
            Ok(Invitation {
                trip_id: row.get(0)?,
                deadline,
                asks: asks.split(',').filter_map(AskedData::parse).collect(),
                cost_share_cents: row.get(3)?,
                notes: row.get(4)?,
                closed: deadline.is_some_and(|deadline| deadline < today),
            })
        })
        .optional()?;
    Ok(found)
}

/// Opens an outgoing trip to participants, or changes what it asks for.
pub fn open_registration(conn: &Connection, trip_id: &str, input: &InvitationInput) -> Result<Invitation> {
    outgoing_trip(conn, trip_id)?;
    let mut problems = Problems::default();
    crate::limits::check_record(&mut problems, "trip_invitations", &[("notes", &input.notes)]);
    let deadline = match input.deadline.trim() {
        "" => None,
        text => zoned::parse_date("deadline", text).map_err(|e| problems.add(e)).ok(),
    };
    let cost_share = money::parse_amount("cost_share", &input.cost_share, money::CurrencyCode::EURO)
        .map_err(|e| problems.add(e))
        .ok()
        .flatten();
    problems.into_result()?;
    let asks: Vec<&str> =
        AskedData::ALL.iter().filter(|asked| input.asks.contains(asked)).map(|asked| asked.as_str()).collect();
    let stamp = now();
    conn.execute(
        "INSERT INTO trip_invitations (trip_id, deadline, asks, cost_share_cents, notes, created_at, updated_at)
         VALUES (:trip, :deadline, :asks, :share, :notes, :stamp, :stamp)
         ON CONFLICT (trip_id) DO UPDATE SET deadline = :deadline, asks = :asks, cost_share_cents = :share,
            notes = :notes, updated_at = :stamp",
        named_params! {
            ":trip": trip_id,
            ":deadline": deadline,
            ":asks": asks.join(","),
            ":share": cost_share,
            ":notes": input.notes.trim(),
            ":stamp": stamp,
        },
    )?;
    get_invitation(conn, trip_id)?.ok_or_else(|| Error::NotFound(format!("invitation of trip {trip_id}")))
}

pub fn trip_registrations(conn: &Connection, trip_id: &str) -> Result<TripRegistrations> {
    crate::trips::get_trip(conn, trip_id)?;
    let registrations = conn
        .prepare_cached(&format!(
            "{SELECT_REGISTRATION} WHERE r.trip_id = ?1 AND r.deleted_at IS NULL
             ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'registered' THEN 1 WHEN 'invited' THEN 2 ELSE 3 END,
                r.organisation COLLATE NOCASE, r.name_latin COLLATE NOCASE, r.id"
        ))?
        .query_map([trip_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let invitation = get_invitation(conn, trip_id)?;
    let counts = RegistrationStatus::ALL
        .iter()
        .map(|status| StatusCount {
            status: *status,
            count: registrations.iter().filter(|r| r.status == *status).count() as i64,
        })
        .collect();
    let trip_share = invitation.as_ref().and_then(|invitation| invitation.cost_share_cents).unwrap_or(0);
    let cost_shares_cents = registrations
        .iter()
        .filter(|r| matches!(r.status, RegistrationStatus::Registered | RegistrationStatus::Confirmed))
        .map(|r| r.cost_share_cents.unwrap_or(trip_share))
        .sum();
    Ok(TripRegistrations { invitation, registrations, counts, cost_shares_cents })
}

pub fn get_registration(conn: &Connection, id: &str) -> Result<Registration> {
    conn.prepare_cached(&format!("{SELECT_REGISTRATION} WHERE r.id = ?1 AND r.deleted_at IS NULL"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("registration {id}")))
}

/// A registration as it is written, after every check.
struct ValidRegistration {
    input: RegistrationInput,
    cost_share_cents: Option<i64>,
    name_key: String,
    stamp: String,
}

impl ValidRegistration {
    /// The fields the INSERT and the UPDATE both write, bound by name.
    fn params(&self) -> Vec<(&'static str, &dyn ToSql)> {
        let input = &self.input;
        vec![
            (":name", &input.name_latin),
            (":key", &self.name_key),
            (":original", &input.name_original),
            (":organisation", &input.organisation),
            (":function", &input.function_title),
            (":email", &input.email),
            (":phone", &input.phone),
            (":dietary", &input.dietary),
            (":share", &self.cost_share_cents),
            (":person", &input.person_id),
            (":organisation_id", &input.organisation_id),
            (":notes", &input.notes),
            (":stamp", &self.stamp),
        ]
    }
}

fn validate(conn: &Connection, input: &RegistrationInput) -> Result<ValidRegistration> {
    let trim = |text: &String| text.trim().to_string();
    let input = RegistrationInput {
        status: input.status,
        name_latin: trim(&input.name_latin),
        name_original: trim(&input.name_original),
        organisation: trim(&input.organisation),
        function_title: trim(&input.function_title),
        email: trim(&input.email),
        phone: trim(&input.phone),
        dietary: trim(&input.dietary),
        cost_share: input.cost_share.clone(),
        person_id: input.person_id.clone(),
        organisation_id: input.organisation_id.clone(),
        notes: trim(&input.notes),
    };
    let mut problems = Problems::default();
    crate::limits::check_record(
        &mut problems,
        "registrations",
        &[
            ("name_latin", &input.name_latin),
            ("name_original", &input.name_original),
            ("organisation", &input.organisation),
            ("function_title", &input.function_title),
            ("email", &input.email),
            ("phone", &input.phone),
            ("dietary", &input.dietary),
            ("notes", &input.notes),
        ],
    );
    if input.name_latin.is_empty() && input.organisation.is_empty() {
        problems.push("name_latin", "required", "a name (as in the passport) or an organisation is required");
    }
    if input.status == Some(RegistrationStatus::Confirmed) {
        problems.push(
            "status",
            "confirm_separately",
            "a registration is confirmed by \"confirm\", which adds the member",
        );
    }
    if !input.email.is_empty() && !looks_like_email(&input.email) {
        problems.push("email", "email_invalid", format!("{:?} is not an e-mail address", input.email));
    }
    if let Some(person_id) = &input.person_id {
        if !crate::contacts::people::person_exists(conn, person_id)? {
            problems.push("person_id", "unknown_person", format!("{person_id} is not a person in the register"));
        }
    }
    if let Some(organisation_id) = &input.organisation_id {
        if !crate::store::trash::exists_outside_trash(conn, "organisations", organisation_id)? {
            let message = format!("{organisation_id} is not an organisation in the register");
            problems.push("organisation_id", "unknown_organisation", message);
        }
    }
    let cost_share_cents = money::parse_amount("cost_share", &input.cost_share, money::CurrencyCode::EURO)
        .map_err(|e| problems.add(e))
        .ok()
        .flatten();
    problems.into_result()?;
    Ok(ValidRegistration { name_key: registration_key(&input.name_latin), stamp: now(), input, cost_share_cents })
}

fn duplicate(name: &str) -> Error {
    Error::Validation(vec![FieldError::new(
        "name_latin",
        "duplicate_registration",
        format!("{name} is already on this trip's invitation list"),
    )])
}

fn map_unique(error: rusqlite::Error, name: &str) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => duplicate(name),
        _ => error.into(),
    }
}

pub fn create_registration(conn: &Connection, trip_id: &str, input: &RegistrationInput) -> Result<Registration> {
    outgoing_trip(conn, trip_id)?;
    let valid = validate(conn, input)?;
    let id = new_id();
    let status = valid.input.status.unwrap_or(RegistrationStatus::Registered);
    let today = office_today(conn)?;
    let mut params = valid.params();
    params.extend([(":id", &id as &dyn ToSql), (":trip", &trip_id), (":status", &status), (":status_on", &today)]);
    conn.execute(
        "INSERT INTO registrations (id, trip_id, status, name_latin, name_key, name_original, organisation,
            function_title, email, phone, dietary, cost_share_cents, person_id, organisation_id, status_on, notes,
            created_at, updated_at)
         VALUES (:id, :trip, :status, :name, :key, :original, :organisation, :function, :email, :phone, :dietary,
            :share, :person, :organisation_id, :status_on, :notes, :stamp, :stamp)",
        params.as_slice(),
    )
    .map_err(|e| map_unique(e, &valid.input.name_latin))?;
    get_registration(conn, &id)
}

/// The key that keeps a name once on a trip's list; none for a company invited without a name.
fn registration_key(name: &str) -> String {
    if name.trim().is_empty() {
        String::new()
    } else {
        name_key(name)
    }
}

/// Changes what a registration says. Its status changes only here between invited, registered,
/// declined and withdrawn while it is not confirmed; `set_status` does the rest.
pub fn update_registration(conn: &Connection, id: &str, input: &RegistrationInput) -> Result<Registration> {
    let current = get_registration(conn, id)?;
    let valid = validate(conn, input)?;
    if current.status == RegistrationStatus::Confirmed && valid.input.name_latin.is_empty() {
        return Err(Error::field("name_latin", "required", "a confirmed participant needs a name"));
    }
    let status = match valid.input.status {
        Some(status) if current.status != RegistrationStatus::Confirmed => status,
        _ => current.status,
    };
    let status_on = if status == current.status { current.status_on } else { office_today(conn)? };
    let mut params = valid.params();
    params.extend([(":id", &id as &dyn ToSql), (":status", &status), (":status_on", &status_on)]);
    conn.execute(
        "UPDATE registrations SET status = :status, name_latin = :name, name_key = :key, name_original = :original,
            organisation = :organisation, function_title = :function, email = :email, phone = :phone,
            dietary = :dietary, cost_share_cents = :share, person_id = coalesce(:person, person_id),
            organisation_id = :organisation_id, status_on = :status_on, notes = :notes, updated_at = :stamp
         WHERE id = :id AND deleted_at IS NULL",
        params.as_slice(),
    )
    .map_err(|e| map_unique(e, &valid.input.name_latin))?;
    get_registration(conn, id)
}

/// Sets a registration's status. Confirming makes the participant a member of the delegation
/// in the same step (or links the member already there under the same name); declining,
/// withdrawing or going back to registered from confirmed moves that member to the trash.
pub fn set_status(conn: &Connection, id: &str, status: RegistrationStatus) -> Result<Registration> {
    let current = get_registration(conn, id)?;
    if current.status == status {
        return Ok(current);
    }
    let today = office_today(conn)?;
    atomically(conn, |tx| {
        let member_id = match status {
            RegistrationStatus::Confirmed => Some(member_of(tx, &current)?),
            _ => {
                if let Some(member) = &current.member {
                    remove_member(tx, &member.id)?;
                }
                None
            }
        };
        tx.execute(
            "UPDATE registrations SET status = ?2, status_on = ?3, member_id = ?4, updated_at = ?5,
                person_id = coalesce((SELECT person_id FROM members WHERE id = ?4), person_id)
             WHERE id = ?1",
            params![id, status, today, member_id, now()],
        )?;
        Ok(())
    })?;
    get_registration(conn, id)
}

/// The delegation member a registration becomes: the one already there under its name, or a
/// new one with the name as in the passport, the organisation, function, contact and needs.
fn member_of(conn: &Connection, registration: &Registration) -> Result<String> {
    if registration.name_latin.is_empty() {
        return Err(Error::field(
            "name_latin",
            "name_required_to_confirm",
            "enter the participant's name as in the passport before confirming",
        ));
    }
    let existing: Option<String> = conn
        .prepare_cached("SELECT id FROM members WHERE trip_id = ?1 AND name_key = ?2 AND deleted_at IS NULL")?
        .query_row(params![registration.trip_id, name_key(&registration.name_latin)], |row| row.get(0))
        .optional()?;
    if let Some(existing) = existing {
        return Ok(existing);
    }
    let member = add_member(
        conn,
        &registration.trip_id,
        &MemberInput {
            person_id: registration.person_id.clone(),
            name_latin: registration.name_latin.clone(),
            name_original: registration.name_original.clone(),
            function_title: registration.function_title.clone(),
            organisation: registration.organisation.clone(),
            role: Some(MemberRole::Member),
            email: registration.email.clone(),
            phone: registration.phone.clone(),
            dietary: registration.dietary.clone(),
            ..MemberInput::default()
        },
    )?;
    Ok(member.member.id)
}

/// Moves a registration to the trash; a member it became stays in the delegation.
pub fn delete_registration(conn: &Connection, id: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE registrations SET deleted_at = ?2, updated_at = ?2, name_key = 'trash:' || id
         WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("registration {id}")));
    }
    Ok(())
}

pub fn restore_registration(conn: &Connection, id: &str) -> Result<Registration> {
    let name: String = conn
        .prepare_cached("SELECT name_latin FROM registrations WHERE id = ?1 AND deleted_at IS NOT NULL")?
        .query_row([id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("registration {id} in the trash")))?;
    conn.execute(
        "UPDATE registrations SET deleted_at = NULL, updated_at = ?2, name_key = ?3 WHERE id = ?1",
        params![id, now(), registration_key(&name)],
    )
    .map_err(|e| map_unique(e, &name))?;
    get_registration(conn, id)
}

/// Registrations in the trash, newest deletion first, each with its trip.
pub fn trashed_registrations(conn: &Connection) -> Result<Vec<TrashedEntry>> {
    TrashedEntry::all(
        conn,
        "SELECT r.id, CASE WHEN r.name_latin = '' THEN r.organisation ELSE r.name_latin END, t.title, NULL,
            r.deleted_at
         FROM registrations r JOIN trips t ON t.id = r.trip_id
         WHERE r.deleted_at IS NOT NULL ORDER BY r.deleted_at DESC",
    )
}

#[cfg(test)]
mod tests;
