//! The system's file dialogs. End-to-end tests cannot click a native dialog, so a test run
//! names the file to pick in `PARTNERDESK_TEST_PICK_FILE`, the folder in
//! `PARTNERDESK_TEST_PICK_FOLDER`, and the file to save to in `PARTNERDESK_TEST_SAVE_FILE`, instead.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Asks the user for one file; `None` when they cancel.
pub fn pick_file<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(injected) = std::env::var_os("PARTNERDESK_TEST_PICK_FILE") {
        return Some(PathBuf::from(injected));
    }
    app.dialog().file().set_title(title).blocking_pick_file()?.into_path().ok()
}

/// Asks the user for one or more files; empty when they cancel. A test names them in
/// `PARTNERDESK_TEST_PICK_FILE`, separated by the system's path separator.
pub fn pick_files<R: Runtime>(app: &AppHandle<R>, title: &str) -> Vec<PathBuf> {
    if let Some(injected) = std::env::var_os("PARTNERDESK_TEST_PICK_FILE") {
        return std::env::split_paths(&injected).collect();
    }
    let picked = app.dialog().file().set_title(title).blocking_pick_files().unwrap_or_default();
    picked.into_iter().filter_map(|file| file.into_path().ok()).collect()
}

/// Asks the user where to save a file, suggesting `file_name`; `None` when they cancel.
pub fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    file_name: &str,
    (filter_name, extension): (&str, &str),
) -> Option<PathBuf> {
    if let Some(injected) = std::env::var_os("PARTNERDESK_TEST_SAVE_FILE") {
        return Some(PathBuf::from(injected));
    }
    let dialog = app.dialog().file().set_title(title).set_file_name(file_name).add_filter(filter_name, &[extension]);
    dialog.blocking_save_file()?.into_path().ok()
}

/// Asks the user for a folder; `None` when they cancel.
pub fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(injected) = std::env::var_os("PARTNERDESK_TEST_PICK_FOLDER") {
        return Some(PathBuf::from(injected));
    }
    app.dialog().file().set_title(title).blocking_pick_folder()?.into_path().ok()
}
