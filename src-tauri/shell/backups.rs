//! Automatic backups while the app runs: at start when the newest is a day old or there is
//! none, then checked every hour, so that one is taken each day.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::shell::state::AppState;
use partnerdesk_core::error::Error;
use partnerdesk_core::store::backup::automatic_backup_if_due;

const EVERY: Duration = Duration::from_secs(60 * 60);

pub fn start(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || loop {
        take_if_due(&app);
        std::thread::sleep(EVERY);
    });
}

fn take_if_due(app: &AppHandle) {
    let state = app.state::<AppState>();
    let now = chrono::Local::now().naive_local();
    // On a connection of its own, so that the window's commands do not wait for the copy. While
    // an encrypted database waits for its passphrase, the next hour's check takes it.
    let taken = state
        .second_connection()
        .and_then(|conn| automatic_backup_if_due(&conn, &state.db_path, now, state.key().as_ref()));
    match taken {
        Ok(_) | Err(Error::PassphraseRequired) => {}
        Err(error) => eprintln!("partnerdesk: the daily backup failed: {error}"),
    }
}
