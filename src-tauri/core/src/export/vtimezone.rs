//! VTIMEZONE blocks (RFC 5545, 3.6.5) generated from the zone database, since calendar files
//! must define every TZID they use: one STANDARD or DAYLIGHT part per change of offset in the
//! years an export covers, found by scanning the zone's offsets.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};

fn offset_seconds(tz: Tz, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
}

/// The first instant in `(from, to]` with the offset `to` has, found by halving.
fn change_between(tz: Tz, mut from: DateTime<Utc>, mut to: DateTime<Utc>) -> DateTime<Utc> {
    let before = offset_seconds(tz, from);
    while to - from > Duration::seconds(1) {
        let middle = from + (to - from) / 2;
        if offset_seconds(tz, middle) == before {
            from = middle;
        } else {
            to = middle;
        }
    }
    to
}

fn formatted_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

fn part(tz: Tz, at: DateTime<Utc>, offset_before: i32) -> String {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    let kind = if offset.dst_offset().is_zero() { "STANDARD" } else { "DAYLIGHT" };
    // DTSTART is the local time of the change as the clocks showed it before.
    let onset = at.naive_utc() + Duration::seconds(i64::from(offset_before));
    let name = tz.from_utc_datetime(&at.naive_utc()).format("%Z").to_string();
    format!(
        "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{name}\r\nEND:{kind}\r\n",
        onset.format("%Y%m%dT%H%M%S"),
        formatted_offset(offset_before),
        formatted_offset(offset.fix().local_minus_utc()),
    )
}

/// The VTIMEZONE of `tz` covering the years from `first` to `last`, with CRLF line ends.
pub fn vtimezone(tz: Tz, first: NaiveDate, last: NaiveDate) -> String {
    let midnight = |year, month, day| {
        let date = NaiveDate::from_ymd_opt(year, month, day).expect("a day every year has");
        Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN))
    };
    // A year either side, so that every event has a part in force before it.
    let (start, end) = (midnight(first.year() - 1, 1, 1), midnight(last.year() + 2, 1, 1));
    let mut text = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    text += &part(tz, start, offset_seconds(tz, start));
    let mut day = start;
    while day < end {
        let next = day + Duration::days(1);
        let before = offset_seconds(tz, day);
        if offset_seconds(tz, next) != before {
            text += &part(tz, change_between(tz, day, next), before);
        }
        day = next;
    }
    text + "END:VTIMEZONE\r\n"
}
