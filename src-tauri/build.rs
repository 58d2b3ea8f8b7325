//! Runs tauri-build (configuration, capabilities, icons) when the window is built.

fn main() {
    #[cfg(feature = "window")]
    tauri_build::try_build(tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*"))
        .expect("tauri build step");
}
