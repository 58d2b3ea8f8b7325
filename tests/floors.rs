//! The floors hold: no top-level module of the core (`src-tauri/core/src`) or of the app
//! (`src-tauri`) reaches, through its `crate::` paths, a module that reaches it back, and the
//! core does not depend on Tauri. docs/architecture.md says which floor may import which.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The top-level modules below `source` (a file `x.rs` or a folder `x/`), leaving out `skip`.
fn module_names(source: &Path, skip: &[&str]) -> BTreeSet<String> {
    fs::read_dir(source)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_string();
            let module = match name.strip_suffix(".rs") {
                Some(stem) => stem.to_string(),
                None if path.is_dir() && !rust_files(&path).is_empty() => name,
                None => return None,
            };
            (!skip.contains(&module.as_str())).then_some(module)
        })
        .collect()
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

/// What a file says outside its tests: test files and `#[cfg(test)] mod tests { … }` blocks may
/// reach anywhere in their crate.
fn code_outside_tests(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if name.contains("test") {
        return None;
    }
    let text = fs::read_to_string(path).unwrap();
    let end = text.find("#[cfg(test)]\nmod tests {").unwrap_or(text.len());
    Some(text[..end].to_string())
}

/// The modules a piece of code names after `crate::`, grouped imports included.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for part in group.split(',') {
                named.insert(identifier(part.trim()));
            }
        } else {
            named.insert(identifier(rest));
        }
    }
    named
}

fn identifier(text: &str) -> String {
    text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
}

/// Which top-level module imports which.
fn arrows(source: &Path, skip: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let names = module_names(source, skip);
    let mut arrows: BTreeMap<String, BTreeSet<String>> = names.iter().map(|n| (n.clone(), BTreeSet::new())).collect();
    for module in &names {
        let file = source.join(format!("{module}.rs"));
        let files = if file.is_file() { vec![file] } else { rust_files(&source.join(module)) };
        for code in files.iter().filter_map(|path| code_outside_tests(path)) {
            for target in named_modules(&code) {
                if names.contains(&target) && &target != module {
                    arrows.get_mut(module).unwrap().insert(target);
                }
            }
        }
    }
    arrows
}

/// Every loop, as the modules in it: the strongly connected components of more than one module.
fn loops(arrows: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reaches = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(module) = todo.pop() {
            for next in &arrows[&module] {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> = arrows.keys().map(|m| (m, reaches(m))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for module in arrows.keys() {
        let members: Vec<String> = arrows
            .keys()
            .filter(|other| reach[module].contains(*other) && reach[other].contains(module))
            .cloned()
            .collect();
        if members.len() > 1 && !found.contains(&members) {
            found.push(members);
        }
    }
    found
}

fn assert_no_loops(source: &Path, skip: &[&str]) {
    let arrows = arrows(source, skip);
    assert!(arrows.len() > 3, "{} has too few modules to check: {:?}", source.display(), arrows.keys());
    let loops = loops(&arrows);
    let described: Vec<String> = loops
        .iter()
        .map(|members| {
            let inner: Vec<String> = members
                .iter()
                .flat_map(|a| arrows[a].iter().filter(|b| members.contains(b)).map(move |b| format!("{a} -> {b}")))
                .collect();
            format!("loop of {}: {}", members.len(), inner.join(", "))
        })
        .collect();
    assert!(loops.is_empty(), "{} has loops between its modules:\n{}", source.display(), described.join("\n"));
}

#[test]
fn the_core_has_floors_without_loops() {
    assert_no_loops(&repository().join("src-tauri/core/src"), &[]);
}

#[test]
fn the_app_has_floors_without_loops() {
    assert_no_loops(&repository().join("src-tauri"), &["core"]);
}

#[test]
fn the_loop_check_finds_a_loop() {
    let arrows: BTreeMap<String, BTreeSet<String>> =
        [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"]), ("d", vec!["a"])]
            .into_iter()
            .map(|(from, to)| (from.to_string(), to.into_iter().map(String::from).collect()))
            .collect();
    assert_eq!(loops(&arrows), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
    assert_eq!(
        named_modules("use crate::store::{self, now};\nuse crate::{trips, zoned::Fold};"),
        ["store", "trips", "zoned"].into_iter().map(String::from).collect()
    );
}

#[test]
fn the_core_does_not_depend_on_tauri() {
    let manifest = fs::read_to_string(repository().join("src-tauri/core/Cargo.toml")).unwrap();
    let tauri_lines: Vec<&str> = manifest.lines().filter(|line| line.trim_start().starts_with("tauri")).collect();
    assert!(tauri_lines.is_empty(), "partnerdesk-core names Tauri: {tauri_lines:?}");
    for path in rust_files(&repository().join("src-tauri/core/src")) {
        let text = fs::read_to_string(&path).unwrap();
        assert!(!text.contains("tauri::"), "{} uses tauri", path.display());
    }
}
