//! The office's settings: language, home time zone, minimum transfer time, task reminders,
//! who "I" am in the register, when travel documents are erased after a trip, and whether the first-start question about example data has
//! been answered.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Problems, Result};
use crate::vocabulary::Language;
use crate::zoned;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    pub language: Language,
    /// The office's own zone: programme times elsewhere are shown with home time beside them.
    pub home_zone: String,
    /// Less time than this between items at different places is flagged.
    pub min_transfer_minutes: i64,
    /// Whether the app shows a system notification when a task falls due.
    pub reminders: bool,
    /// The register person who uses this app: "my tasks" are the tasks they own.
    pub me: Option<String>,
    /// Members' travel documents and needs are erased this many days after their trip ended
    /// (7 to 3650); None: never.
    pub erase_travel_documents_after_days: Option<i64>,
}

/// The range of days after a trip within which its members' travel documents may be kept.
pub const ERASE_AFTER_DAYS: std::ops::RangeInclusive<i64> = 7..=3650;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Language::De,
            home_zone: "Europe/Berlin".into(),
            min_transfer_minutes: 30,
            reminders: true,
            me: None,
            erase_travel_documents_after_days: Some(90),
        }
    }
}

const WELCOME_ANSWERED: &str = "welcome_answered";

/// Today's date in the office's zone, whatever zone the laptop is in while travelling.
pub fn office_today(conn: &Connection) -> Result<chrono::NaiveDate> {
    let zone: chrono_tz::Tz = get_settings(conn)?.home_zone.parse().unwrap_or(chrono_tz::Europe::Berlin);
    Ok(office_date(chrono::Utc::now(), zone))
}

/// The office's date at `instant`.
pub fn office_date(instant: chrono::DateTime<chrono::Utc>, home_zone: chrono_tz::Tz) -> chrono::NaiveDate {
    instant.with_timezone(&home_zone).date_naive()
}

pub(crate) fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |row| row.get(0))
        .optional()?)
}

pub(crate) fn write(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
    )?
    .execute(params![key, value])?;
    Ok(())
}

pub fn get_settings(conn: &Connection) -> Result<Settings> {
    let defaults = Settings::default();
    Ok(Settings {
        language: read(conn, "language")?.and_then(|v| Language::parse(&v)).unwrap_or(defaults.language),
        home_zone: read(conn, "home_zone")?.unwrap_or(defaults.home_zone),
        min_transfer_minutes: read(conn, "min_transfer_minutes")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(defaults.min_transfer_minutes),
        reminders: read(conn, "reminders")?.map_or(defaults.reminders, |v| v == "on"),
        me: match read(conn, "me")? {
            Some(id) if crate::contacts::people::person_exists(conn, &id)? => Some(id),
            _ => None,
        },
        erase_travel_documents_after_days: match read(conn, "erase_travel_documents_after_days")? {
            Some(never) if never == "never" => None,
            Some(days) => days.parse().ok().or(defaults.erase_travel_documents_after_days),
            None => defaults.erase_travel_documents_after_days,
        },
    })
}

pub fn update_settings(conn: &Connection, settings: &Settings) -> Result<Settings> {
    let mut problems = Problems::default();
    if let Err(error) = zoned::parse_zone("home_zone", &settings.home_zone) {
        problems.add(error);
    }
    if !(0..=24 * 60).contains(&settings.min_transfer_minutes) {
        problems.push(
            "min_transfer_minutes",
            "out_of_range",
            "the minimum transfer time must be between 0 and 1440 minutes",
        );
    }
    if let Some(me) = &settings.me {
        if !crate::contacts::people::person_exists(conn, me)? {
            problems.push("me", "unknown_person", format!("{me} is not a person in the register"));
        }
    }
    if settings.erase_travel_documents_after_days.is_some_and(|days| !ERASE_AFTER_DAYS.contains(&days)) {
        problems.push(
            "erase_travel_documents_after_days",
            "out_of_range",
            "travel documents are erased between 7 and 3650 days after a trip, or never",
        );
    }
    problems.into_result()?;
    write(conn, "language", settings.language.as_str())?;
    write(conn, "home_zone", settings.home_zone.trim())?;
    write(conn, "min_transfer_minutes", &settings.min_transfer_minutes.to_string())?;
    write(conn, "reminders", if settings.reminders { "on" } else { "off" })?;
    write(conn, "me", settings.me.as_deref().unwrap_or(""))?;
    let erase_after = settings.erase_travel_documents_after_days.map_or("never".into(), |days| days.to_string());
    write(conn, "erase_travel_documents_after_days", &erase_after)?;
    get_settings(conn)
}

/// True on the first start with an empty database: the app then offers the example data.
pub fn welcome_pending(conn: &Connection) -> Result<bool> {
    let trips: i64 = conn.query_row("SELECT count(*) FROM trips", [], |row| row.get(0))?;
    Ok(trips == 0 && read(conn, WELCOME_ANSWERED)?.is_none())
}

pub fn mark_welcome_answered(conn: &Connection) -> Result<()> {
    write(conn, WELCOME_ANSWERED, "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_round_trip_and_validation() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(get_settings(&conn).unwrap(), Settings::default());
        let changed = Settings {
            language: Language::En,
            home_zone: "Europe/Vienna".into(),
            min_transfer_minutes: 45,
            reminders: false,
            me: None,
            erase_travel_documents_after_days: None,
        };
        assert_eq!(update_settings(&conn, &changed).unwrap(), changed);
        let bad = Settings {
            home_zone: "Mars/Olympus".into(),
            min_transfer_minutes: -5,
            me: Some("nobody".into()),
            erase_travel_documents_after_days: Some(6),
            ..changed.clone()
        };
        let error = update_settings(&conn, &bad).unwrap_err().to_string();
        assert!(
            ["home_zone", "min_transfer_minutes", "me", "erase_travel_documents_after_days"]
                .iter()
                .all(|field| error.contains(field)),
            "{error}"
        );
        assert_eq!(get_settings(&conn).unwrap(), changed);
    }

    #[test]
    fn welcome_is_offered_once_on_an_empty_database() {
        let conn = crate::store::open_in_memory().unwrap();
        assert!(welcome_pending(&conn).unwrap());
        mark_welcome_answered(&conn).unwrap();
        assert!(!welcome_pending(&conn).unwrap());
    }
}
