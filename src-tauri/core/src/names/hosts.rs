//! Names as people type them in a line of hosts: "Parteisekretär Zhu Chonglie (朱重烈),
//! Stadtregierung Jinhua" read as people (a known function, then a name, perhaps the original
//! script in brackets) and organisations.

use super::transliteration::has_han;

/// "Zhu Chonglie (朱重烈)" → ("Zhu Chonglie", "朱重烈"); text without a bracket at the end is
/// all Latin.
pub fn split_original(text: &str) -> (String, String) {
    match text.trim().strip_suffix(')').and_then(|rest| rest.rsplit_once(" (")) {
        Some((latin, original)) => (latin.trim().to_string(), original.trim().to_string()),
        None => (text.trim().to_string(), String::new()),
    }
}

/// Words that, leading a host's name, are a function rather than part of the name.
const FUNCTION_WORDS: &[&str] = &[
    "Bürgermeister",
    "Bürgermeisterin",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Vizebürgermeister",
    "Vizebürgermeisterin",
    "Landrat",
    "Landrätin",
    "Parteisekretär",
    "Parteisekretärin",
    "Direktor",
    "Direktorin",
    "Museumsdirektor",
    "Museumsdirektorin",
    "Präsident",
    "Präsidentin",
    "Vizepräsident",
    "Vizepräsidentin",
    "Geschäftsführer",
    "Geschäftsführerin",
    "Rektor",
    "Rektorin",
    "Schulleiter",
    "Schulleiterin",
    "Generalkonsul",
    "Generalkonsulin",
    "Botschafter",
    "Botschafterin",
    "Minister",
    "Ministerin",
    "Gouverneur",
    "Gouverneurin",
    "Dekan",
    "Dekanin",
    "Beigeordneter",
    "Beigeordnete",
    "Dezernent",
    "Dezernentin",
    "Prof.",
    "Dr.",
];

/// One host as a line of hosts names it.
#[derive(Debug, Clone, PartialEq)]
pub enum HostPart {
    Person { function_title: String, name_latin: String, name_original: String },
    Organisation { name: String },
}

impl HostPart {
    /// How the register will name it in the programme; equal to the typed text for every part
    /// `host_parts` returns, so nothing typed is lost.
    pub fn label(&self) -> String {
        match self {
            HostPart::Person { function_title, name_latin, name_original } => {
                let original = if name_original.is_empty() { String::new() } else { format!(" ({name_original})") };
                format!("{function_title} {name_latin}{original}").trim().to_string()
            }
            HostPart::Organisation { name } => name.clone(),
        }
    }
}

/// Splits a line of hosts ("Parteisekretär Zhu Chonglie (朱重烈), Stadtregierung Jinhua") into
/// people (a known function, then a name) and organisations (everything else).
pub fn host_parts(text: &str) -> Vec<HostPart> {
    text.split(", ").map(str::trim).filter(|part| !part.is_empty()).map(host_part).collect()
}

fn host_part(part: &str) -> HostPart {
    let (latin, original) = split_original(part);
    let original = if has_han(&original) { original } else { String::new() };
    let latin = if original.is_empty() { part.to_string() } else { latin };
    let words: Vec<&str> = latin.split(' ').collect();
    let function_len = words.iter().take_while(|w| FUNCTION_WORDS.contains(w)).count();
    let name = &words[function_len..];
    let looks_like_name = (2..=4).contains(&name.len())
        && name.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains(['(', ')']));
    let person = HostPart::Person {
        function_title: words[..function_len].join(" "),
        name_latin: name.join(" "),
        name_original: original,
    };
    if function_len > 0 && looks_like_name && person.label() == part {
        person
    } else {
        HostPart::Organisation { name: part.to_string() }
    }
}
