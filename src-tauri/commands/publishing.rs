//! Publishing commands: a trip's programme on a CalDAV calendar, the password kept in the
//! system keychain when the officer asks.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::shell::keychain;
use crate::shell::state::AppState;
use partnerdesk_core::error::{Error, Result};
use partnerdesk_core::publishing::{self, CalendarAccount, Published};

/// The calendar last published to, and whether its password is in the keychain.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CalendarAccountState {
    pub account: CalendarAccount,
    pub password_remembered: bool,
}

#[tauri::command]
pub async fn last_calendar_account(state: State<'_, AppState>) -> Result<CalendarAccountState> {
    let account = state.with(publishing::last_account)?;
    let password_remembered =
        !account.url.is_empty() && keychain::calendar_password(&account.url, &account.user).is_some();
    Ok(CalendarAccountState { account, password_remembered })
}

/// Publishes; an empty `password` takes the one kept in the keychain.
#[tauri::command(rename_all = "snake_case")]
pub async fn publish_calendar(
    state: State<'_, AppState>,
    trip_id: String,
    member_id: Option<String>,
    account: CalendarAccount,
    password: String,
    remember: bool,
) -> Result<Published> {
    let url = account.url.trim().to_string();
    let user = account.user.trim().to_string();
    let password = match password.is_empty() {
        false => password,
        true => keychain::calendar_password(&url, &user)
            .ok_or_else(|| Error::field("password", "required", "give the calendar server's password"))?,
    };
    let published =
        state.with(|conn| publishing::publish_calendar(conn, &trip_id, member_id.as_deref(), &account, &password))?;
    if remember {
        keychain::remember_calendar_password(&url, &user, &password)?;
    } else {
        // A keychain out of reach keeps nothing that would need forgetting.
        keychain::forget_calendar_password(&url, &user).ok();
    }
    Ok(published)
}
