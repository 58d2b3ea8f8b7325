use super::*;
use chrono::Datelike;
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

/// The zones of the offices and their partners: Germany, China, and the zones with the
/// transitions that are hardest to get right (the southern hemisphere, half hours, a zone that
/// dropped its daylight saving time, one that changed its standard offset).
const OFFICE_ZONES: [&str; 9] = [
    "Europe/Berlin",
    "Asia/Shanghai",
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Europe/Moscow",
];

/// Every change of offset in `zone` between 1990 and 2040: the instant before and after it.
fn transitions(zone: Tz) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let start = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).unwrap();
    let offset = |at: DateTime<Utc>| at.with_timezone(&zone).format("%:z").to_string();
    let mut found = Vec::new();
    let mut at = start;
    let mut before = offset(at);
    while at.year() < 2040 {
        let next = at + Duration::minutes(30);
        let after = offset(next);
        if after != before {
            found.push((at, next));
            before = after;
        }
        at = next;
    }
    found
}

/// Around every transition of every office zone, each local minute resolves back to the
/// instant it was read from (the fold says which of a repeated hour), a skipped minute is
/// refused as nonexistent, and a repeated one is refused until the fold is given.
#[test]
fn every_local_time_round_trips_to_its_instant_across_every_transition() {
    for name in OFFICE_ZONES {
        let zone: Tz = name.parse().unwrap();
        let found = transitions(zone);
        assert!(!found.is_empty() || name == "Asia/Kolkata", "{name} has transitions since 1990");
        for (before, after) in found {
            let mut instant = before - Duration::hours(3);
            while instant <= after + Duration::hours(3) {
                let seen = instant.with_timezone(&zone);
                let local = seen.naive_local();
                let fold = match zone.from_local_datetime(&local) {
                    LocalResult::Ambiguous(earlier, _) if earlier == seen => Some(Fold::Earlier),
                    LocalResult::Ambiguous(..) => Some(Fold::Later),
                    _ => None,
                };
                let resolved = resolve("t", local, zone, fold).unwrap();
                assert_eq!(resolved, seen, "{name} {local}");
                if fold.is_some() {
                    let error = resolve("t", local, zone, None).unwrap_err();
                    assert_eq!((error.code.as_str(), error.options.len()), ("time_ambiguous", 2), "{name} {local}");
                }
                instant += Duration::minutes(15);
            }
        }
    }
}

#[test]
fn a_skipped_local_time_is_refused_and_the_lenient_reading_moves_it_forward() {
    for name in OFFICE_ZONES {
        let zone: Tz = name.parse().unwrap();
        for (before, after) in transitions(zone) {
            let (old, new) = (before.with_timezone(&zone), after.with_timezone(&zone));
            if new.naive_local() - old.naive_local() <= after - before {
                continue;
            }
            let skipped = old.naive_local() + (after - before);
            assert_eq!(resolve("t", skipped, zone, None).unwrap_err().code, "time_nonexistent", "{name} {skipped}");
            assert!(resolve_leniently(skipped, zone) >= new, "{name} {skipped} moves forward");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2_000, ..Default::default() })]

    /// Any instant between 1970 and 2100, described in any office zone, reads back as itself:
    /// from its local time and zone, or from the stored text of its instant.
    #[test]
    fn any_instant_read_in_an_office_zone_resolves_back_to_itself(
        seconds in 0_i64..4_102_444_800,
        zone_index in 0..OFFICE_ZONES.len(),
    ) {
        let zone: Tz = OFFICE_ZONES[zone_index].parse().unwrap();
        let instant = Utc.timestamp_opt(seconds - seconds % 60, 0).unwrap();
        let shown = in_zone(instant, zone);
        let local = parse_local("t", &shown.local).unwrap();
        let seen = instant.with_timezone(&zone);
        let fold = match zone.from_local_datetime(&local) {
            LocalResult::Ambiguous(earlier, _) if earlier == seen => Some(Fold::Earlier),
            LocalResult::Ambiguous(..) => Some(Fold::Later),
            _ => None,
        };
        proptest::prop_assert_eq!(resolve("t", local, zone, fold).unwrap().with_timezone(&Utc), instant);
        proptest::prop_assert_eq!(parse_utc(&shown.utc), Some(instant));
        let stored = stored_time(shown.local.clone(), shown.zone.clone(), shown.utc.clone()).unwrap();
        proptest::prop_assert_eq!(stored, shown);
    }
}

/// Found by fuzzing (`zoned_time`): a negative year resolved, and its instant had no RFC 3339
/// text to be stored and read back.
#[test]
fn years_outside_1800_to_2999_are_refused_so_every_instant_has_a_text() {
    for text in ["-2026-04-04T01:45", "10000-01-01T00:00", "1799-12-31T23:59", "3000-01-01T00:00"] {
        assert_eq!(parse_local("start", text).unwrap_err().code, "time_invalid", "{text}");
    }
    assert_eq!(parse_date("date_of_birth", "0099-05-01").unwrap_err().code, "date_invalid");
    for (local, zone) in [("1800-01-01T00:00", "Pacific/Kiritimati"), ("2999-12-31T23:59", "Pacific/Pago_Pago")] {
        let time = preview(local, zone, None).unwrap();
        let instant = parse_utc(&time.utc).expect("an instant with a text");
        assert_eq!(in_zone(instant, zone.parse().unwrap()), time, "{local} {zone}");
    }
}

/// Found by fuzzing (`zoned_time`): seconds in a local time (a leap second too) went into the
/// instant but not into the stored local time, so in a repeated half hour the record read back
/// as the other one.
#[test]
fn seconds_are_dropped_so_the_stored_time_reads_back_as_itself() {
    for (local, utc) in
        [("2025-04-05T01:45:45", "2025-04-04T14:45:00Z"), ("2026-10-05T01:30:60", "2026-10-04T14:30:00Z")]
    {
        let time = preview(local, "Australia/Lord_Howe", Some(Fold::Later)).unwrap();
        assert_eq!((&time.local[..16], time.utc.as_str()), (&local[..16], utc));
        assert_eq!(stored_time(time.local.clone(), time.zone.clone(), time.utc.clone()).unwrap(), time);
    }
}
