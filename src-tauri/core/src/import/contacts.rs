//! Contacts from vCard files (.vcf, versions 3.0 and 4.0, one card or many): each card becomes
//! a person in the register, or a member of the chosen trip's delegation, the same way a row
//! of a table does.

use ical::parser::vcard::component::VcardContact;
use ical::VcardParser;
use rusqlite::Connection;

use super::table::{decoded_text, import_people, PersonField, PersonRow};
use super::{ImportOptions, ImportReport};
use crate::error::{Error, Result};
use crate::names::transliteration::has_han;

pub fn import_contacts(
    conn: &Connection,
    bytes: &[u8],
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let text = decoded_text(bytes)?;
    let card_lines: Vec<u32> = text
        .lines()
        .zip(1..)
        .filter(|(line, _)| line.trim().eq_ignore_ascii_case("BEGIN:VCARD"))
        .map(|(_, number)| number)
        .collect();
    let unfolded = unfolded(&text);
    let mut people = Vec::with_capacity(card_lines.len());
    for (index, card) in VcardParser::new(unfolded.as_bytes()).enumerate() {
        let line = card_lines.get(index).copied();
        let card = card.map_err(|_| {
            let card = line.map(|line| format!("the card that starts on line {line}")).unwrap_or("a card".into());
            Error::field(
                "file",
                "contacts_unreadable",
                format!("The contacts file cannot be read: {card} is not a valid vCard."),
            )
        })?;
        people.push(person_of(&card, line.unwrap_or(0)));
    }
    import_people(conn, people, options, report)
}

/// The content lines with folding undone (RFC 6350 §3.2: a line break followed by a space or
/// tab continues the line). Done here because the parser drops a space before a fold.
fn unfolded(text: &str) -> String {
    text.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
}

fn person_of(card: &VcardContact, line: u32) -> PersonRow {
    let mut person = PersonRow::at(line);
    for property in &card.properties {
        let Some(value) = property.value.as_deref() else { continue };
        let name_without_group = property.name.rsplit('.').next().unwrap_or_default();
        match name_without_group.to_ascii_uppercase().as_str() {
            "FN" => {
                let name = text_value(value);
                let only_chinese = has_han(&name) && !name.chars().any(|c| c.is_ascii_alphabetic());
                let field = if only_chinese { PersonField::NameOriginal } else { PersonField::NameLatin };
                if person.value(field).is_empty() {
                    person.add(field, &name);
                }
            }
            "N" => {
                let parts = components(value);
                let part = |index: usize| parts.get(index).map(String::as_str).unwrap_or("");
                person.add(PersonField::LastName, part(0));
                person.add(PersonField::FirstName, &format!("{} {}", part(1), part(2)));
            }
            "ORG" => person.add(PersonField::Organisation, &components(value).join(", ")),
            "TITLE" => person.add(PersonField::FunctionTitle, &text_value(value)),
            "EMAIL" if person.value(PersonField::Email).is_empty() => {
                person.add(PersonField::Email, &text_value(value))
            }
            "TEL" => {
                let number = text_value(value);
                person.add(PersonField::Phone, number.strip_prefix("tel:").unwrap_or(&number));
            }
            "NOTE" => person.add(PersonField::Notes, &text_value(value)),
            _ => {}
        }
    }
    person
}

/// The parts of a structured value (N, ORG), split at the semicolons that are not escaped,
/// each with its escapes (`\,` `\;` `\\` `\n`) undone.
fn components(value: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let part = parts.last_mut().expect("parts start with one");
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => part.push('\n'),
                Some(escaped) => part.push(escaped),
                None => {}
            },
            ';' => parts.push(String::new()),
            c => part.push(c),
        }
    }
    parts
}

/// A text value with its escapes undone; a semicolon in it is part of the text.
fn text_value(value: &str) -> String {
    components(value).join(";")
}

#[cfg(test)]
#[path = "contacts_tests.rs"]
mod tests;
