//! How much text Partnerdesk takes in each kind of field, defined here once. Every path that
//! writes a record (the window's forms, the command line, imports, trip bundles) goes through
//! its module's validation, which checks these; a text over its limit is refused at its field,
//! and an import names the row and column. A trip's programme items and delegation members are
//! counted against their limits as well. The window reads the same figures from the generated
//! `textLimits.ts` and shows them as the officer types. `docs/security.md` lists them with reasons.

use std::collections::BTreeMap;

use crate::error::{FieldError, Problems};

/// The most programme items one trip holds: ten full days of fifty items each, four times over.
pub const ITEMS_PER_TRIP: usize = 2_000;
/// The most members one delegation has: a large trade mission, ten times over.
pub const MEMBERS_PER_TRIP: usize = 2_000;

/// Refuses one more record when `held` have reached `limit`; the error names the limit.
pub fn check_count(field: &str, code: &str, held: i64, limit: usize, what: &str) -> crate::error::Result<()> {
    if held < limit as i64 {
        return Ok(());
    }
    Err(crate::error::Error::Validation(vec![FieldError::new(
        field,
        code,
        format!("a trip holds at most {limit} {what}"),
    )
    .with_values([("limit", limit.to_string())])]))
}

/// The kinds of text a record holds, each with its longest length in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TextKind {
    /// A person's or an organisation's name, in any script.
    Name,
    /// The title of a trip, programme item, task, agreement or project; what a gift is.
    Title,
    /// One line of text: a place, country, function, organisation as typed, an occasion.
    Line,
    /// A postal address.
    Address,
    /// An e-mail address (RFC 5321 allows 254 characters).
    Email,
    Phone,
    /// A short code or word: a party, a passport number, a budget line's number, languages.
    Code,
    /// Notes, purposes, descriptions, goals, outcomes, dietary and accessibility notes.
    Notes,
}

impl TextKind {
    pub const ALL: [TextKind; 8] = [
        TextKind::Name,
        TextKind::Title,
        TextKind::Line,
        TextKind::Address,
        TextKind::Email,
        TextKind::Phone,
        TextKind::Code,
        TextKind::Notes,
    ];

    pub const fn max_chars(self) -> usize {
        match self {
            TextKind::Name => 200,
            TextKind::Title => 300,
            TextKind::Line => 200,
            TextKind::Address => 500,
            TextKind::Email => 254,
            TextKind::Phone => 50,
            TextKind::Code => 60,
            TextKind::Notes => 20_000,
        }
    }

    /// The name the window's `limits.ts` gives it.
    pub const fn key(self) -> &'static str {
        match self {
            TextKind::Name => "name",
            TextKind::Title => "title",
            TextKind::Line => "line",
            TextKind::Address => "address",
            TextKind::Email => "email",
            TextKind::Phone => "phone",
            TextKind::Code => "code",
            TextKind::Notes => "notes",
        }
    }
}

/// Refuses `text` in `field` when it is longer than its kind allows; the error names the
/// limit (`values.limit`) for the window to say it in the officer's language. Counting stops
/// past the limit, so a hostile megabyte costs no more than a long note.
fn check(problems: &mut Problems, field: &str, text: &str, kind: TextKind) {
    let limit = kind.max_chars();
    if text.chars().nth(limit).is_some() {
        problems.add(
            FieldError::new(field, "too_long", format!("{field} is longer than {limit} characters"))
                .with_values([("limit", limit.to_string())]),
        );
    }
}

/// Checks each `(field, text)` of a record of `table` against the limit of its kind
/// ([`kind_of`]); what each module's validation calls.
pub fn check_record(problems: &mut Problems, table: &str, fields: &[(&str, &str)]) {
    for (field, text) in fields {
        check(problems, field, text, kind_of(table, field));
    }
}

/// The kind of text `column` of `table` holds: the one place where each field's limit is
/// defined. Forms (through their module's validation), imports, trip bundles, change files
/// and restored backups all ask here. Names, titles, e-mail, phone, address and one-line
/// fields are known by their names, apart from the few tables where a name means something
/// else; any other text is held to the limit of notes.
pub fn kind_of(table: &str, column: &str) -> TextKind {
    match (table, column) {
        // What a gift is and what a cost was for: a line in a list, not a note.
        ("gifts" | "cost_lines", "description") => TextKind::Title,
        (_, "name" | "name_latin" | "name_original" | "transliteration" | "our_side") => TextKind::Name,
        (_, "title" | "title_translation") => TextKind::Title,
        (_, "email") => TextKind::Email,
        (_, "phone") => TextKind::Phone,
        (_, "address" | "address_translation") => TextKind::Address,
        (
            _,
            "place" | "place_translation" | "partner_place" | "partner_province" | "partner_country" | "function_title"
            | "organisation" | "occasion" | "kept_at" | "signed_at" | "languages" | "decided_by" | "payer",
        ) => TextKind::Line,
        (_, "party" | "passport_number" | "visa_status" | "code") => TextKind::Code,
        _ => TextKind::Notes,
    }
}

/// Stored columns that hold a list of record IDs as JSON: as long as the list, which the
/// counts bound, not a text anyone types.
const ID_LISTS: &[&str] = &["member_ids", "left_out", "left_out_items"];

/// The longest text a stored column takes, for records that arrive as rows (change files from
/// sharing, a restored backup); `None` for lists of IDs.
pub fn column_limit(table: &str, column: &str) -> Option<usize> {
    (!ID_LISTS.contains(&column)).then(|| kind_of(table, column).max_chars())
}

/// Each kind's limit by its key, for the window.
pub fn text_limits() -> BTreeMap<&'static str, usize> {
    TextKind::ALL.iter().map(|kind| (kind.key(), kind.max_chars())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_over_its_limit_is_refused_at_its_field_and_one_at_the_limit_is_not() {
        let mut problems = Problems::default();
        let at_limit = "ä".repeat(TextKind::Name.max_chars());
        let over = "王".repeat(TextKind::Title.max_chars() + 1);
        check_record(&mut problems, "members", &[("name_latin", &at_limit), ("title", &over), ("notes", "")]);
        let Err(crate::error::Error::Validation(fields)) = problems.into_result() else { panic!("refused") };
        assert_eq!(fields.len(), 1, "characters count, not bytes: {fields:?}");
        assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("title", "too_long"));
        assert_eq!(fields[0].values["limit"], "300");
    }

    #[test]
    fn a_description_is_a_title_for_gifts_and_costs_and_a_note_elsewhere() {
        assert_eq!(kind_of("gifts", "description"), TextKind::Title);
        assert_eq!(kind_of("cost_lines", "description"), TextKind::Title);
        assert_eq!(kind_of("tasks", "description"), TextKind::Notes);
        assert_eq!(column_limit("removed_items", "member_ids"), None);
        assert_eq!(column_limit("budget_lines", "name"), Some(200));
    }

    /// Writes `textLimits.ts` beside the generated bindings, so the window's limits cannot drift.
    #[test]
    fn export_text_limits() {
        let limits: Vec<String> = text_limits().iter().map(|(key, limit)| format!("  {key}: {limit},")).collect();
        let text = format!(
            "// Generated by partnerdesk-core's tests from limits.rs. Do not edit this file manually.\n\
             /** The longest text each kind of field takes, in characters. */\n\
             export const textLimits = {{\n{}\n}} as const;\n",
            limits.join("\n")
        );
        let dir = std::env::var("TS_RS_EXPORT_DIR").expect("TS_RS_EXPORT_DIR is set by .cargo/config.toml");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join("textLimits.ts"), text).unwrap();
    }
}
