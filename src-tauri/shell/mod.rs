//! The native shell around the web UI: the window's menu and the system's file dialogs.

pub mod dialogs;
pub mod menu;
