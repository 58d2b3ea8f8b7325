//! "Kalender veröffentlichen": a trip's programme, or one member's, published to a CalDAV
//! calendar (Nextcloud, Open-Xchange, Radicale). Each event is a resource of its own, named by
//! its UID and written again with every publication, so a changed item arrives with a raised
//! SEQUENCE and a removed one as cancelled, as in the calendar file (`export::calendar`), and
//! internal notes stay out as there. The only requests go to the address the officer gives.

use std::time::Duration;

use base64::Engine;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use ureq::tls::{RootCerts, TlsConfig, TlsProvider};

use crate::error::{Error, Result};
use crate::export::DocumentLanguage;
use crate::settings;

const URL_SETTING: &str = "publishing.url";
const USER_SETTING: &str = "publishing.user";

/// The calendar to publish to: its address and the user name; the password is given apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CalendarAccount {
    /// The calendar collection, e.g. `https://cloud.example.de/remote.php/dav/calendars/anna/jinhua/`.
    pub url: String,
    pub user: String,
}

/// What one publication wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Published {
    pub events: u32,
    /// Of them, removed items published as cancelled.
    pub cancelled: u32,
}

/// The calendar last published to, to offer it again.
pub fn last_account(conn: &Connection) -> Result<CalendarAccount> {
    Ok(CalendarAccount {
        url: settings::read(conn, URL_SETTING)?.unwrap_or_default(),
        user: settings::read(conn, USER_SETTING)?.unwrap_or_default(),
    })
}

fn validate(account: &CalendarAccount) -> Result<()> {
    let url = account.url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() < 10 {
        return Err(Error::field("url", "calendar_url", "give the calendar's address, starting with https://"));
    }
    if account.user.trim().is_empty() {
        return Err(Error::field("user", "required", "give the user name of the calendar server"));
    }
    Ok(())
}

/// The calendar file cut into one calendar object per event, as CalDAV stores them: each with
/// the calendar's properties (no METHOD, which stored objects must not carry) and time zones.
fn calendar_objects(calendar: &str) -> Vec<(String, String)> {
    let Some(first) = calendar.find("BEGIN:VEVENT\r\n") else { return Vec::new() };
    let head: String = calendar[..first].split_inclusive("\r\n").filter(|line| !line.starts_with("METHOD:")).collect();
    calendar[first..]
        .split_inclusive("END:VEVENT\r\n")
        .filter(|event| event.starts_with("BEGIN:VEVENT\r\n"))
        .filter_map(|event| {
            let uid = event.split("\r\n").find_map(|line| line.strip_prefix("UID:"))?;
            Some((uid.to_string(), format!("{head}{event}END:VCALENDAR\r\n")))
        })
        .collect()
}

/// Letters, digits and `-._~` as they are; anything else percent-encoded, for a resource name.
fn resource_name(uid: &str) -> String {
    uid.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (byte as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// Publishes the programme of `trip_id` (with `member_id`, that member's) to `account`.
pub fn publish_calendar(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    account: &CalendarAccount,
    password: &str,
) -> Result<Published> {
    validate(account)?;
    let language = DocumentLanguage::of_app(settings::get_settings(conn)?.language);
    let objects = calendar_objects(&crate::export::calendar::trip_calendar(conn, trip_id, member_id, language)?);
    let tls = TlsConfig::builder().provider(TlsProvider::NativeTls).root_certs(RootCerts::PlatformVerifier).build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .tls_config(tls)
        .build()
        .into();
    let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{}:{password}", account.user.trim()));
    let collection = account.url.trim().trim_end_matches('/');
    let mut published = Published::default();
    for (uid, object) in &objects {
        let address = format!("{collection}/{}.ics", resource_name(uid));
        let response = agent
            .put(&address)
            .header("Authorization", &format!("Basic {credentials}"))
            .header("Content-Type", "text/calendar; charset=utf-8")
            .send(object.as_bytes())
            .map_err(|error| {
                Error::Publishing(format!("the calendar server at {collection} cannot be reached: {error}"))
            })?;
        match response.status().as_u16() {
            200..=299 => {}
            401 | 403 => {
                return Err(Error::field(
                    "password",
                    "calendar_refused",
                    "the calendar server refused this user name and password",
                ))
            }
            404 | 405 | 409 => {
                return Err(Error::field("url", "calendar_not_found", format!("there is no calendar at {collection}")))
            }
            status => return Err(Error::Publishing(format!("the calendar server answered {status} for {address}"))),
        }
        published.events += 1;
        if object.contains("\r\nSTATUS:CANCELLED\r\n") {
            published.cancelled += 1;
        }
    }
    crate::store::atomically(conn, |conn| {
        settings::write(conn, URL_SETTING, account.url.trim())?;
        settings::write(conn, USER_SETTING, account.user.trim())
    })?;
    Ok(published)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_is_cut_into_one_object_per_event_without_method() {
        let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nEND:VTIMEZONE\r\n\
                        BEGIN:VEVENT\r\nUID:a@partnerdesk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b c@partnerdesk\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let objects = calendar_objects(calendar);
        assert_eq!(objects.len(), 2);
        assert_eq!(objects[0].0, "a@partnerdesk");
        assert_eq!(
            objects[0].1,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:a@partnerdesk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        assert_eq!(resource_name(&objects[1].0), "b%20c%40partnerdesk");
    }

    #[test]
    fn an_address_and_a_user_are_needed() {
        let conn = crate::store::open_in_memory().unwrap();
        let account = CalendarAccount { url: "cloud.example.de/kalender".into(), user: "anna".into() };
        let error = publish_calendar(&conn, "no-trip", None, &account, "x").unwrap_err();
        assert!(matches!(&error, Error::Validation(fields) if fields[0].field == "url"), "{error}");
        let account = CalendarAccount { url: "https://cloud.example.de/kalender/".into(), user: " ".into() };
        let error = publish_calendar(&conn, "no-trip", None, &account, "x").unwrap_err();
        assert!(matches!(&error, Error::Validation(fields) if fields[0].field == "user"), "{error}");
    }
}
