//! Task reminders while the app runs: once a minute, and right after a task was saved, the
//! tasks that fall due are taken (each once per office day) and shown as system notifications.
//! Showing one is a blocking call to the desktop's notification service; it runs here, on the
//! reminder thread, never on the async runtime that answers the window's commands (without a
//! notification service that call waits up to 25 s).

use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::shell::state::AppState;
use partnerdesk_core::settings::{get_settings, office_today};
use partnerdesk_core::tasks::reminders::{notifications, take_due_reminders, Notification};

const EVERY: Duration = Duration::from_secs(60);

/// Wakes the reminder thread.
pub struct Reminders(Mutex<Sender<()>>);

impl Reminders {
    pub fn check_now(&self) {
        // The thread only stops with the app; a send then has no one to reach.
        let _ = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).send(());
    }
}

/// Starts the reminder thread; the returned handle wakes it.
pub fn start(app: &AppHandle) -> Reminders {
    let (wake, woken) = channel();
    let app = app.clone();
    std::thread::spawn(move || loop {
        remind(&app);
        match woken.recv_timeout(EVERY) {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
    });
    Reminders(Mutex::new(wake))
}

fn remind(app: &AppHandle) {
    let due = app.state::<AppState>().with(|conn| {
        let settings = get_settings(conn)?;
        if !settings.reminders {
            return Ok(Vec::new());
        }
        let today = office_today(conn)?;
        Ok(notifications(&take_due_reminders(conn, today)?, today, settings.language))
    });
    match due {
        Ok(due) => due.into_iter().for_each(show),
        Err(partnerdesk_core::error::Error::PassphraseRequired) => {}
        Err(error) => eprintln!("partnerdesk: task reminders could not be read ({:?})", error.kind()),
    }
}

fn show(Notification { title, body }: Notification) {
    let shown = notify_rust::Notification::new().appname("Partnerdesk").summary(&title).body(&body).show();
    if let Err(error) = shown {
        eprintln!("partnerdesk: a task reminder could not be shown: {error}");
    }
}
