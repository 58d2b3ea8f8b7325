//! Wall-clock times in an IANA zone. A programme item happens at a local time somewhere;
//! this module turns such a time into an instant (refusing times the zone skips and asking
//! which one is meant where the zone repeats an hour) and describes instants in any zone.

use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::error::FieldError;

pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

crate::text_enum! {
    /// Which of the two instants is meant when a local time occurs twice (clocks go back).
    pub enum Fold { Earlier => "earlier", Later => "later" }
}

/// A moment as the people there read it, with its instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ZonedTime {
    /// Local wall time, `YYYY-MM-DDTHH:MM`.
    pub local: String,
    pub zone: String,
    /// The instant, RFC 3339 in UTC; sorts as text.
    pub utc: String,
    /// UTC offset in force, e.g. `+02:00`.
    pub offset: String,
    /// Zone abbreviation in force, e.g. `CEST`.
    pub abbreviation: String,
}

pub fn parse_zone(field: &str, name: &str) -> Result<Tz, FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new(field, "zone_required", "a time zone is required"));
    }
    name.parse::<Tz>()
        .map_err(|_| FieldError::new(field, "zone_unknown", format!("{name:?} is not a known IANA time zone")))
}

/// The years a date may fall in: wide enough for any record of an office, narrow enough that
/// every instant has a four-digit year in every zone (and so an RFC 3339 text).
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2999;

pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "date_required", "a date is required"));
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok().filter(|date| YEARS.contains(&date.year())).ok_or_else(
        || FieldError::new(field, "date_invalid", format!("{text:?} is not a date (YYYY-MM-DD) from 1800 to 2999")),
    )
}

pub fn parse_local(field: &str, text: &str) -> Result<NaiveDateTime, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::new(field, "time_required", "a date and time are required"));
    }
    NaiveDateTime::parse_from_str(text.trim(), LOCAL_FORMAT)
        .or_else(|_| NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%dT%H:%M:%S"))
        .ok()
        .filter(|time| YEARS.contains(&time.year()))
        // A programme runs by the minute; seconds would give the instant a precision the
        // local time, as it is stored and shown, does not have.
        .and_then(|time| time.with_second(0)?.with_nanosecond(0))
        .ok_or_else(|| {
            FieldError::new(
                field,
                "time_invalid",
                format!("{text:?} is not a date and time (YYYY-MM-DDTHH:MM) from 1800 to 2999"),
            )
        })
}

/// The instant at which `local` happens in `zone`; `fold` picks one of two repeated times.
pub fn resolve(field: &str, local: NaiveDateTime, zone: Tz, fold: Option<Fold>) -> Result<DateTime<Tz>, FieldError> {
    let shown = local.format("%d.%m.%Y %H:%M");
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) => Ok(instant),
        LocalResult::Ambiguous(earlier, later) => match fold {
            Some(Fold::Earlier) => Ok(earlier),
            Some(Fold::Later) => Ok(later),
            None => Err(FieldError::new(
                field,
                "time_ambiguous",
                format!("{shown} occurs twice in {zone} (the clocks go back); choose which one is meant"),
            )
            .with_options(vec![offset_label(&earlier), offset_label(&later)])),
        },
        LocalResult::None => Err(FieldError::new(
            field,
            "time_nonexistent",
            format!("{shown} does not exist in {zone} (the clocks go forward)"),
        )),
    }
}

/// Like [`resolve`] but never fails: a skipped time moves forward by the gap, a repeated
/// time takes the earlier instant. Used when shifting existing programmes by whole days.
pub fn resolve_leniently(local: NaiveDateTime, zone: Tz) -> DateTime<Tz> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(instant) | LocalResult::Ambiguous(instant, _) => instant,
        LocalResult::None => resolve_leniently(local + Duration::hours(1), zone),
    }
}

fn offset_label(instant: &DateTime<Tz>) -> String {
    format!("UTC{} ({})", instant.format("%:z"), instant.format("%Z"))
}

pub fn describe(instant: DateTime<Tz>) -> ZonedTime {
    ZonedTime {
        local: instant.naive_local().format(LOCAL_FORMAT).to_string(),
        zone: instant.timezone().name().to_string(),
        utc: utc_text(instant.with_timezone(&Utc)),
        offset: instant.format("%:z").to_string(),
        abbreviation: instant.format("%Z").to_string(),
    }
}

/// The same instant as read in another zone.
pub fn in_zone(utc: DateTime<Utc>, zone: Tz) -> ZonedTime {
    describe(utc.with_timezone(&zone))
}

pub fn utc_text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

/// What a local time in a zone stands for, so that a form can show it while the user types.
pub fn preview(local: &str, zone: &str, fold: Option<Fold>) -> Result<ZonedTime, crate::error::Error> {
    let checked = parse_zone("zone", zone).and_then(|tz| Ok((parse_local("local", local)?, tz)));
    let (local, tz) = checked.map_err(|e| crate::error::Error::Validation(vec![e]))?;
    resolve("local", local, tz, fold).map(describe).map_err(|e| crate::error::Error::Validation(vec![e]))
}

/// Local wall time and zone are the record; the stored instant only picks between the two
/// readings of a repeated hour (and stands in should the zone's rules ever drop the time).
pub fn stored_time(local: String, zone: String, utc: String) -> rusqlite::Result<ZonedTime> {
    let invalid = |what: String| rusqlite::Error::InvalidColumnType(0, what, rusqlite::types::Type::Text);
    let tz: Tz = zone.parse().map_err(|_| invalid(format!("zone {zone:?}")))?;
    let instant = parse_utc(&utc).ok_or_else(|| invalid(format!("instant {utc:?}")))?;
    let wall = parse_local("local", &local).map_err(|_| invalid(format!("local time {local:?}")))?;
    let resolved = match tz.from_local_datetime(&wall) {
        LocalResult::Single(time) => time,
        LocalResult::Ambiguous(earlier, later) => {
            if later.with_timezone(&Utc) == instant {
                later
            } else {
                earlier
            }
        }
        LocalResult::None => instant.with_timezone(&tz),
    };
    Ok(describe(resolved))
}

/// Every IANA zone name, for pickers.
pub fn zone_names() -> Vec<&'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect()
}

#[cfg(test)]
mod tests;
