//! The native shell around the web UI: the app's state while the window is open, the window's
//! menu, the system's file dialogs, the task reminders shown as system notifications, the
//! daily automatic backups, and the passphrase kept in the system keychain. The IPC commands
//! (`commands`) stand on it.

pub mod backups;
pub mod dialogs;
pub mod keychain;
pub mod menu;
pub mod reminders;
pub mod state;
