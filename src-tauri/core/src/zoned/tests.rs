use super::*;
use chrono_tz::{Asia::Shanghai, Europe::Berlin};

fn local(text: &str) -> NaiveDateTime {
    parse_local("t", text).unwrap()
}

#[test]
fn berlin_summer_and_winter_offsets() {
    let summer = describe(resolve("t", local("2026-07-01T12:00"), Berlin, None).unwrap());
    let winter = describe(resolve("t", local("2026-12-01T12:00"), Berlin, None).unwrap());
    assert_eq!((summer.offset.as_str(), summer.utc.as_str()), ("+02:00", "2026-07-01T10:00:00Z"));
    assert_eq!((winter.offset.as_str(), winter.utc.as_str()), ("+01:00", "2026-12-01T11:00:00Z"));
    assert_eq!(summer.abbreviation, "CEST");
    assert_eq!(winter.abbreviation, "CET");
}

#[test]
fn a_time_skipped_by_spring_forward_is_refused() {
    let error = resolve("start", local("2026-03-29T02:30"), Berlin, None).unwrap_err();
    assert_eq!((error.field.as_str(), error.code.as_str()), ("start", "time_nonexistent"));
    assert!(error.message.contains("29.03.2026 02:30"), "{}", error.message);
}

#[test]
fn a_time_repeated_by_fall_back_asks_and_honours_the_choice() {
    let night = local("2026-10-25T02:30");
    let error = resolve("start", night, Berlin, None).unwrap_err();
    assert_eq!(error.code, "time_ambiguous");
    assert_eq!(error.options, vec!["UTC+02:00 (CEST)".to_string(), "UTC+01:00 (CET)".to_string()]);
    let earlier = resolve("start", night, Berlin, Some(Fold::Earlier)).unwrap();
    let later = resolve("start", night, Berlin, Some(Fold::Later)).unwrap();
    assert_eq!(utc_text(earlier.with_timezone(&Utc)), "2026-10-25T00:30:00Z");
    assert_eq!(utc_text(later.with_timezone(&Utc)), "2026-10-25T01:30:00Z");
}

#[test]
fn shanghai_has_no_daylight_saving_so_the_gap_to_berlin_changes() {
    let before = resolve("t", local("2026-10-24T18:00"), Shanghai, None).unwrap();
    let after = resolve("t", local("2026-10-26T18:00"), Shanghai, None).unwrap();
    assert_eq!(in_zone(before.with_timezone(&Utc), Berlin).local, "2026-10-24T12:00");
    assert_eq!(in_zone(after.with_timezone(&Utc), Berlin).local, "2026-10-26T11:00");
}

#[test]
fn lenient_resolution_moves_through_the_gap_and_takes_the_earlier_repeat() {
    assert_eq!(describe(resolve_leniently(local("2026-03-29T02:30"), Berlin)).local, "2026-03-29T03:30");
    assert_eq!(describe(resolve_leniently(local("2026-10-25T02:30"), Berlin)).offset, "+02:00");
}

#[test]
fn unknown_and_empty_zones_and_bad_times_are_named() {
    assert_eq!(parse_zone("zone", "Europe/Düren").unwrap_err().code, "zone_unknown");
    assert_eq!(parse_zone("zone", " ").unwrap_err().code, "zone_required");
    assert_eq!(parse_local("start", "2026-13-01T10:00").unwrap_err().code, "time_invalid");
    assert_eq!(parse_date("end", "31.12.2026").unwrap_err().code, "date_invalid");
    assert!(zone_names().contains(&"Asia/Shanghai"));
}

#[test]
fn preview_reports_the_instant_or_the_problem() {
    assert_eq!(preview("2026-10-22T09:00", "Asia/Shanghai", None).unwrap().utc, "2026-10-22T01:00:00Z");
    let crate::error::Error::Validation(fields) = preview("2026-03-29T02:15", "Europe/Berlin", None).unwrap_err()
    else {
        panic!()
    };
    assert_eq!(fields[0].code, "time_nonexistent");
}
