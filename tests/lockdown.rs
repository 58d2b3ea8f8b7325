//! The window's lock-down as configured: the content security policy in `tauri.conf.json`
//! and the capabilities in `src-tauri/capabilities/`, read from the files the build reads.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> Value {
    serde_json::from_str(&fs::read_to_string(root().join("tauri.conf.json")).unwrap()).unwrap()
}

/// Directive name → its sources, as the webview reads the policy.
fn policy() -> BTreeMap<String, Vec<String>> {
    let csp = config()["app"]["security"]["csp"].as_str().expect("a content security policy is set").to_owned();
    let mut directives = BTreeMap::new();
    for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_whitespace().map(str::to_owned);
        let name = words.next().unwrap();
        assert!(directives.insert(name.clone(), words.collect()).is_none(), "{name} given twice");
    }
    directives
}

fn sources(policy: &BTreeMap<String, Vec<String>>, directive: &str) -> Vec<String> {
    policy.get(directive).unwrap_or_else(|| panic!("{directive} is missing")).clone()
}

#[test]
fn the_policy_allows_no_remote_origin_and_no_eval() {
    let policy = policy();
    for (directive, sources) in &policy {
        for source in sources {
            let lower = source.to_lowercase();
            assert!(
                !(lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("ws"))
                    || lower == "http://ipc.localhost",
                "{directive} allows the remote origin {source}"
            );
            assert!(!source.contains('*'), "{directive} allows the wildcard {source}");
            assert!(
                !["'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", "blob:", "filesystem:"]
                    .contains(&lower.as_str()),
                "{directive} allows {source}"
            );
        }
    }
}

#[test]
fn the_policy_denies_by_default_and_allows_only_the_apps_own_files_and_ipc() {
    let policy = policy();
    assert_eq!(sources(&policy, "default-src"), ["'none'"]);
    assert_eq!(sources(&policy, "script-src"), ["'self'"]);
    assert_eq!(sources(&policy, "style-src"), ["'self'"]);
    // Vite inlines small font files and the select arrow as data: URLs.
    assert_eq!(sources(&policy, "img-src"), ["'self'", "data:"]);
    assert_eq!(sources(&policy, "font-src"), ["'self'", "data:"]);
    // Tauri's IPC: ipc: on Linux and macOS, http://ipc.localhost on Windows.
    assert_eq!(sources(&policy, "connect-src"), ["ipc:", "http://ipc.localhost"]);
    for directive in ["object-src", "base-uri", "form-action", "frame-ancestors"] {
        assert_eq!(sources(&policy, directive), ["'none'"], "{directive}");
    }
}

#[test]
fn tauri_neither_loosens_the_policy_nor_exposes_more_than_the_ipc() {
    let config = config();
    let security = &config["app"]["security"];
    assert!(security.get("dangerousDisableAssetCspModification").is_none());
    assert!(security.get("devCsp").is_none(), "the development policy is the same one");
    assert!(security.get("capabilities").is_none(), "capabilities come only from src-tauri/capabilities");
    assert!(security["assetProtocol"]["enable"].as_bool() != Some(true), "the asset protocol stays off");
    assert!(config["app"]["withGlobalTauri"].as_bool() != Some(true), "no window.__TAURI__");
}

#[test]
fn the_window_is_granted_only_what_the_ui_calls() {
    let mut granted = BTreeSet::new();
    for entry in fs::read_dir(root().join("src-tauri/capabilities")).unwrap() {
        let path = entry.unwrap().path();
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => {}
            Some("json5" | "toml") => {
                panic!("{}: keep capabilities in JSON, where this test reads them", path.display())
            }
            _ => continue,
        }
        let capability: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(capability["windows"], serde_json::json!(["main"]), "{}", path.display());
        assert!(capability.get("remote").is_none(), "{}: no remote origin may call in", path.display());
        assert!(capability.get("webviews").is_none(), "{}", path.display());
        for permission in capability["permissions"].as_array().unwrap() {
            granted.insert(permission.as_str().expect("permissions are named, without scopes").to_owned());
        }
    }
    let expected: BTreeSet<String> =
        ["core:event:allow-listen", "core:event:allow-unlisten", "core:window:allow-set-title"]
            .map(String::from)
            .into();
    assert_eq!(granted, expected, "update src-tauri/capabilities/README.md along with this test");
}

#[test]
fn only_the_api_layer_uses_the_tauri_javascript_api_and_only_what_is_granted() {
    let mut imports = BTreeSet::new();
    let mut pending = vec![root().join("ui/src")];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let text = fs::read_to_string(&path).unwrap_or_default();
            for line in text.lines().filter(|l| l.contains("@tauri-apps/")) {
                let file = path.strip_prefix(root()).unwrap().display().to_string();
                assert!(
                    ["ui/src/lib/api/call.ts", "ui/src/lib/api/window.ts"].contains(&file.as_str()),
                    "{file} uses the Tauri API: {line}"
                );
                imports.insert(line.trim().to_owned());
            }
        }
    }
    let expected: BTreeSet<String> = [
        r#"import { invoke } from "@tauri-apps/api/core";"#,
        r#"import { listen, type UnlistenFn } from "@tauri-apps/api/event";"#,
        r#"import { getCurrentWebview } from "@tauri-apps/api/webview";"#,
        r#"import { getCurrentWindow } from "@tauri-apps/api/window";"#,
    ]
    .map(String::from)
    .into();
    assert_eq!(imports, expected, "a new Tauri API call may need a grant in src-tauri/capabilities");
}

/// npm's advisory service cannot be reached from CI, so what is checked offline is where the
/// packages come from: every one from the registry, pinned by a sha512 hash `npm ci` verifies.
#[test]
fn npm_packages_come_from_the_registry_pinned_by_hash() {
    for lock in ["ui/package-lock.json", "tests/e2e/package-lock.json"] {
        let lock_file: Value = serde_json::from_str(&fs::read_to_string(root().join(lock)).unwrap()).unwrap();
        let packages = lock_file["packages"].as_object().unwrap();
        assert!(packages.len() > 1, "{lock} lists its packages");
        for (path, package) in packages.iter().filter(|(path, _)| !path.is_empty()) {
            let integrity = package["integrity"].as_str().unwrap_or_default();
            assert!(integrity.starts_with("sha512-"), "{lock}: {path} is not pinned by a sha512 hash");
            let version = package["version"].as_str().unwrap_or_default();
            assert!(version.chars().next().is_some_and(|c| c.is_ascii_digit()), "{lock}: {path} comes from {version}");
            if let Some(resolved) = package.get("resolved").and_then(Value::as_str) {
                assert!(resolved.starts_with("https://"), "{lock}: {path} comes from {resolved}");
            }
        }
    }
}
