//! The native shell around the web UI: the window's menu.

pub mod menu;
