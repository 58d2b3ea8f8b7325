//! Reads a local time, a zone, a fold and a stored instant (`local|zone|fold|utc`) as a form,
//! an import or a stored record gives them: nothing panics, and a time that resolves reads
//! back from its stored form as the same time.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerdesk_core::zoned::{self, Fold};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.splitn(4, '|');
    let (local, zone, fold, utc) =
        (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let fold = match fold {
        "e" => Some(Fold::Earlier),
        "l" => Some(Fold::Later),
        _ => None,
    };
    if let Ok(time) = zoned::preview(local, zone, fold) {
        let instant = zoned::parse_utc(&time.utc).expect("a resolved time has an instant");
        let stored = zoned::stored_time(time.local.clone(), time.zone.clone(), time.utc.clone())
            .expect("a resolved time can be read back");
        assert_eq!(stored, time, "stored and read back");
        let zone = zoned::parse_zone("zone", &time.zone).expect("its own zone");
        assert_eq!(zoned::in_zone(instant, zone), time, "the instant reads as the same local time");
    }
    let _ = zoned::stored_time(local.to_string(), zone.to_string(), utc.to_string());
    let _ = zoned::parse_date("date", local);
    if let (Ok(wall), Ok(tz)) = (zoned::parse_local("local", local), zoned::parse_zone("zone", zone)) {
        let _ = zoned::resolve_leniently(wall, tz);
    }
});
