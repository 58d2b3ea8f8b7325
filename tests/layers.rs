//! One name per feature through every layer: each file `src-tauri/commands/<feature>.rs` has its
//! counterpart `ui/src/lib/api/<feature>.ts`, whose functions call exactly that file's commands,
//! each function named as the command it calls, in camelCase (`programme_view` → `programmeView`);
//! every command is called from the UI; and `invoke` appears only in `ui/src/lib/api/call.ts`.
//!
//! Both sides are read as text, the way a reader finds their way from one to the other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const COMMANDS: &str = "src-tauri/commands";
const API: &str = "ui/src/lib/api";
const CALL_TS: &str = "ui/src/lib/api/call.ts";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The files directly in `dir` (relative to the repository) whose names end in `.<extension>`,
/// sorted, each with its name without the extension.
fn files(dir: &str, extension: &str) -> Vec<(String, PathBuf)> {
    let path = root().join(dir);
    let entries = fs::read_dir(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if !path.is_file() || path.extension().and_then(|e| e.to_str()) != Some(extension) {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("file names are UTF-8").to_owned();
        found.push((stem, path));
    }
    found.sort();
    found
}

/// `list_time_zones` → `listTimeZones`.
fn camel_case(snake: &str) -> String {
    let mut camel = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            camel.extend(c.to_uppercase());
            upper = false;
        } else {
            camel.push(c);
        }
    }
    camel
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// The identifier `text` starts with, if any.
fn identifier_at(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !is_identifier_char(c)).unwrap_or(text.len());
    let identifier = &text[..end];
    (!identifier.is_empty() && !identifier.starts_with(|c: char| c.is_ascii_digit())).then_some(identifier)
}

/// Whether `word` occurs in `text` as a whole identifier (not as part of a longer one).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_identifier_char) && !after.is_some_and(is_identifier_char)
    })
}

/// The commands a Rust file defines: the name of the `fn` after each `#[tauri::command]`
/// attribute, which may carry arguments and be followed by other attributes, `pub`, `async`.
fn commands_in(source: &str) -> Result<Vec<String>, String> {
    // Line comments out of the way, so that neither a commented-out attribute nor a comment
    // between the attribute and its function counts.
    let code: Vec<&str> = source.lines().map(|line| line.split("//").next().unwrap_or("")).collect();
    let code = code.join("\n");
    let mut names = Vec::new();
    for (at, _) in code.match_indices("#[tauri::command") {
        let mut words = code[at..].split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty());
        let line = code[..at].matches('\n').count() + 1;
        match (words.find(|w| *w == "fn"), words.next()) {
            (Some(_), Some(name)) => names.push(name.to_owned()),
            _ => return Err(format!("line {line}: no `fn` after `#[tauri::command]`")),
        }
    }
    Ok(names)
}

/// A command called from an api file: `call<…>("command", …)` or `call("command", …)`.
struct Call {
    /// The function or property the call is made in.
    function: Option<String>,
    command: String,
    line: usize,
}

/// The name a line of TypeScript defines a function under: `function NAME`, a property
/// `NAME: (…) =>` / `NAME: async …` / `NAME: function …`, or `const NAME = (…) =>`.
fn definition_on(line: &str) -> Option<&str> {
    for (at, _) in line.match_indices("function") {
        let before = line[..at].chars().next_back();
        let rest = &line[at + "function".len()..];
        if before.is_some_and(is_identifier_char) || !rest.starts_with(char::is_whitespace) {
            continue;
        }
        if let Some(name) = identifier_at(rest.trim_start()) {
            return Some(name);
        }
    }
    let trimmed = line.trim_start();
    let trimmed = trimmed.strip_prefix("export ").unwrap_or(trimmed).trim_start();
    let (name, value) = if let Some(declared) = trimmed.strip_prefix("const ").or_else(|| trimmed.strip_prefix("let "))
    {
        let declared = declared.trim_start();
        let name = identifier_at(declared)?;
        (name, declared[name.len()..].trim_start().strip_prefix('=')?)
    } else {
        let name = identifier_at(trimmed)?;
        (name, trimmed[name.len()..].trim_start().strip_prefix(':')?)
    };
    let value = value.trim_start();
    (value.starts_with('(') || value.starts_with("async") || value.starts_with("function")).then_some(name)
}

/// The commands an api file calls, each with the function it is called in.
fn calls_in(source: &str) -> Vec<Call> {
    // Comment lines blanked (keeping the line count), so that a call quoted in a doc comment
    // does not count.
    let code: Vec<&str> = source
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") || trimmed.starts_with("/*") || trimmed.starts_with('*') {
                ""
            } else {
                line
            }
        })
        .collect();
    let code = code.join("\n");

    let mut definitions = Vec::new();
    let mut offset = 0;
    for line in code.split('\n') {
        if let Some(name) = definition_on(line) {
            definitions.push((offset, name.to_owned()));
        }
        offset += line.len() + 1;
    }

    let mut calls = Vec::new();
    for (at, _) in code.match_indices("call") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_identifier_char(c) || c == '.') {
            continue;
        }
        let Some(command) = command_called(&code[at + "call".len()..]) else { continue };
        let function = definitions.iter().rev().find(|(start, _)| *start <= at).map(|(_, name)| name.clone());
        calls.push(Call { function, command, line: code[..at].matches('\n').count() + 1 });
    }
    calls
}

/// What follows `call` in `call<…>("command"`: the command, or `None` if it is no such call.
fn command_called(rest: &str) -> Option<String> {
    let mut rest = rest.trim_start();
    if rest.starts_with('<') {
        // The type argument, which may nest (`Promise<T>`) and hold arrows (`() => void`).
        let mut depth = 0usize;
        let mut previous = ' ';
        let mut end = None;
        for (at, c) in rest.char_indices() {
            match c {
                '<' => depth += 1,
                '>' if previous != '=' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(at);
                        break;
                    }
                }
                _ => {}
            }
            previous = c;
        }
        rest = rest[end? + 1..].trim_start();
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    let end = rest.find(quote)?;
    Some(rest[..end].to_owned())
}

/// Feature → the commands its Rust file defines.
fn commands() -> BTreeMap<String, BTreeSet<String>> {
    let mut commands = BTreeMap::new();
    for (feature, path) in files(COMMANDS, "rs") {
        if feature == "mod" {
            continue;
        }
        let names = commands_in(&read(&path)).unwrap_or_else(|problem| panic!("{COMMANDS}/{feature}.rs: {problem}"));
        commands.insert(feature, names.into_iter().collect());
    }
    assert!(
        commands.values().map(BTreeSet::len).sum::<usize>() > 0,
        "no #[tauri::command] found in {COMMANDS}/*.rs: has the folder moved?"
    );
    commands
}

/// Feature (the api file's name) → the commands it calls.
fn api_calls() -> BTreeMap<String, Vec<Call>> {
    let calls: BTreeMap<String, Vec<Call>> =
        files(API, "ts").into_iter().map(|(feature, path)| (feature, calls_in(&read(&path)))).collect();
    assert!(
        calls.values().map(Vec::len).sum::<usize>() > 0,
        "no call(\"…\") found in {API}/*.ts: has the folder moved?"
    );
    calls
}

fn defined_in<'a>(commands: &'a BTreeMap<String, BTreeSet<String>>, command: &str) -> Vec<&'a str> {
    commands.iter().filter(|(_, names)| names.contains(command)).map(|(feature, _)| feature.as_str()).collect()
}

#[track_caller]
fn report(problems: &[String], what: &str) {
    assert!(problems.is_empty(), "{} {what}:\n  {}\n", problems.len(), problems.join("\n  "));
}

#[test]
fn every_api_function_is_named_as_the_command_it_calls_and_sits_in_the_file_of_its_feature() {
    let commands = commands();
    let mut problems = Vec::new();
    for (feature, calls) in api_calls() {
        for Call { function, command, line } in calls {
            let place = format!("{API}/{feature}.ts:{line}");
            let expected = camel_case(&command);
            match function {
                Some(function) if function == expected => {}
                Some(function) => problems.push(format!(
                    "{place}: `{function}` calls the command `{command}`: name it `{expected}`, the command in \
                     camelCase"
                )),
                None => problems.push(format!(
                    "{place}: the command `{command}` is called outside a function; call it from `function {expected}`"
                )),
            }
            if commands.get(&feature).is_some_and(|names| names.contains(&command)) {
                continue;
            }
            let owners = defined_in(&commands, &command);
            problems.push(match owners.as_slice() {
                [] => {
                    format!("{place}: `{command}` is not a command: no `#[tauri::command] fn {command}` in {COMMANDS}/")
                }
                [owner, ..] => format!(
                    "{place}: `{command}` is a command of {COMMANDS}/{owner}.rs, not of {COMMANDS}/{feature}.rs: \
                     call it from {API}/{owner}.ts"
                ),
            });
        }
    }
    report(&problems, "api function(s) not named or placed as their command");
}

#[test]
fn every_command_is_called_from_the_ui() {
    let called: BTreeSet<String> = api_calls().into_values().flatten().map(|call| call.command).collect();
    let mut problems = Vec::new();
    for (feature, names) in commands() {
        for command in names.iter().filter(|command| !called.contains(*command)) {
            problems.push(format!(
                "{COMMANDS}/{feature}.rs: the command `{command}` is called from no file in {API}/: \
                 add `{}` to {API}/{feature}.ts, or remove the command",
                camel_case(command)
            ));
        }
    }
    report(&problems, "command(s) the UI never calls");
}

#[test]
fn only_call_ts_uses_invoke() {
    assert!(root().join(CALL_TS).is_file(), "{CALL_TS} is missing: it is the one place that calls `invoke`");
    let mut problems = Vec::new();
    let mut pending = vec![root().join("ui/src")];
    while let Some(dir) = pending.pop() {
        let mut entries: Vec<PathBuf> = fs::read_dir(&dir).unwrap().map(|entry| entry.unwrap().path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let file = path.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            if file == CALL_TS {
                continue;
            }
            // Images and fonts are not text and hold no code.
            let Ok(text) = fs::read_to_string(&path) else { continue };
            for (index, line) in text.lines().enumerate().filter(|(_, line)| contains_word(line, "invoke")) {
                problems.push(format!("{file}:{}: {}", index + 1, line.trim()));
            }
        }
    }
    report(&problems, &format!("use(s) of `invoke` outside {CALL_TS}, which alone calls the Rust side"));
}

#[test]
fn the_readers_follow_the_syntax_they_meet() {
    assert_eq!(camel_case("list_time_zones"), "listTimeZones");
    assert_eq!(camel_case("transliterate"), "transliterate");

    let rust = concat!(
        "/// Doc.\n",
        "#[tauri::command]\n",
        "pub fn plain() {}\n",
        "\n",
        "#[tauri::command(rename_all = \"snake_case\")]\n",
        "#[allow(clippy::fn_params_excessive_bools)]\n",
        "pub async fn with_arguments(\n",
        ") {}\n",
        "// #[tauri::command]\n",
        "// fn commented_out() {}\n",
        "fn helper() {}\n",
    );
    assert_eq!(commands_in(rust).unwrap(), ["plain", "with_arguments"]);
    assert!(commands_in("#[tauri::command]\n").is_err());

    let ts = concat!(
        "import { call } from \"./call\";\n",
        "/** Calls `call(\"in_a_comment\")`. */\n",
        "export function listTrips(query: TripQuery) {\n",
        "  return call<TripPage>(\"list_trips\", { query });\n",
        "}\n",
        "export function exportTrip(\n",
        "  trip_id: string,\n",
        "  title: string,\n",
        ") {\n",
        "  return call<string | null>(\n",
        "    \"export_trip\", { trip_id, title });\n",
        "}\n",
        "export const api = {\n",
        "  appInfo: () => call<AppInfo>('app_info'),\n",
        "  nested: async () => call<Map<string, () => void>>(\"nested\"),\n",
        "};\n",
        "async function call<T>(command: string) { return invoke<T>(command); }\n",
    );
    let calls: Vec<(Option<String>, String, usize)> =
        calls_in(ts).into_iter().map(|call| (call.function, call.command, call.line)).collect();
    let some = |name: &str| Some(name.to_owned());
    assert_eq!(
        calls,
        [
            (some("listTrips"), "list_trips".to_owned(), 4),
            (some("exportTrip"), "export_trip".to_owned(), 10),
            (some("appInfo"), "app_info".to_owned(), 14),
            (some("nested"), "nested".to_owned(), 15),
        ]
    );

    assert!(contains_word("import { invoke } from", "invoke"));
    assert!(!contains_word("the command is invoked", "invoke"));
}
