//! An empty Tauri 2 window: the peer `scripts/bench.sh` times Partnerdesk's start and memory
//! against. Same Tauri, same WebKitGTK, same window size, and a page of one line served by the
//! app itself, so that the difference is what Partnerdesk adds.

use tauri::http::Response;
use tauri::{WebviewUrl, WebviewWindowBuilder};

const PAGE: &str = "<!doctype html><html lang=\"de\"><title>Leer</title><p id=\"ready\">Bereit</p></html>";

fn main() {
    let mut context = tauri::generate_context!("tauri.conf.json");
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .register_uri_scheme_protocol("empty", |_, _| {
            Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .expect("a response")
        })
        .setup(|app| {
            let url = WebviewUrl::CustomProtocol("empty://localhost/".parse()?);
            WebviewWindowBuilder::new(app, "main", url).title("Leer").inner_size(1280.0, 820.0).build()?;
            Ok(())
        })
        .run(context)
        .expect("the empty window");
}
