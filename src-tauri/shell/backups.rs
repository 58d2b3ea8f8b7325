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
        let state = app.state::<AppState>();
        let now = chrono::Local::now().naive_local();
        // While an encrypted database waits for its passphrase, the next hour's check takes it.
        match state.with_key(|conn, key| automatic_backup_if_due(conn, &state.db_path, now, key)) {
            Ok(_) | Err(Error::PassphraseRequired) => {}
            Err(error) => eprintln!("partnerdesk: the daily backup failed: {error}"),
        }
        std::thread::sleep(EVERY);
    });
}
