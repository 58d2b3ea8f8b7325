//! The native shell around the web UI: the window's menu, the system's file dialogs and the
//! task reminders shown as system notifications.

pub mod dialogs;
pub mod menu;
pub mod reminders;
