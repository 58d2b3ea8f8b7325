//! The native shell around the web UI: the window's menu, the system's file dialogs, the task
//! reminders shown as system notifications, and the daily automatic backups.

pub mod backups;
pub mod dialogs;
pub mod menu;
pub mod reminders;
