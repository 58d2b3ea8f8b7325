//! The shared vocabulary of the domain: the few words every aggregate speaks (a trip's
//! direction, a side, a register reference, a member's role, the app's language, a trip's second
//! language) and the checks of plain text every form uses. It imports nothing of the domain.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::text_enum! {
    /// Outgoing: we travel to the partner. Incoming: we host the partner's delegation.
    pub enum Direction { Outgoing => "outgoing", Incoming => "incoming" }
}

crate::text_enum! {
    /// Whose side someone is on: ours (our city, district, agency) or the partner's.
    pub enum Side {
        Ours => "ours",
        Partner => "partner",
    }
}

crate::text_enum! {
    pub enum RegisterKind {
        Person => "person",
        Organisation => "organisation",
    }
}

/// A person or an organisation, as a link names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterRef {
    pub kind: RegisterKind,
    pub id: String,
}

/// A linked record as lists show it: its ID and how it reads ("Kreis Düren – Jinhua").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordLink {
    pub id: String,
    pub label: String,
}

impl RecordLink {
    /// The links in column `index`, written by SQLite as
    /// `json_group_array(json_object('id', …, 'label', …))`: a list read with its row.
    pub fn list_in_column(row: &rusqlite::Row, index: usize) -> rusqlite::Result<Vec<RecordLink>> {
        let text: String = row.get(index)?;
        serde_json::from_str(&text).map_err(|error| {
            rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, error.into())
        })
    }
}

crate::text_enum! {
    pub enum MemberRole {
        Head => "head",
        Member => "member",
        Interpreter => "interpreter",
        Protocol => "protocol",
        Press => "press",
        Organiser => "organiser",
        Driver => "driver",
        Other => "other",
    }
}

crate::text_enum! {
    pub enum Language { De => "de", En => "en" }
}

crate::text_enum! {
    /// A trip's second language, the partner's: its texts get a version in it beside the
    /// office's own. The languages whose script the programme's fonts carry (Latin, Chinese).
    pub enum SecondLanguage {
        Zh => "zh",
        En => "en",
        De => "de",
        Fr => "fr",
        Es => "es",
        It => "it",
        Pt => "pt",
        Nl => "nl",
        Pl => "pl",
        Cs => "cs",
        Tr => "tr",
    }
}

crate::text_enum! {
    /// A text of a trip or a programme item that has a version in the trip's second language.
    pub enum TranslatedField {
        Title => "title",
        Purpose => "purpose",
        Place => "place",
        Address => "address",
        Notes => "notes",
    }
}

/// The fields among `(field, text, translation)` that have a text but no translation.
pub fn untranslated<'t>(texts: impl IntoIterator<Item = (TranslatedField, &'t str, &'t str)>) -> Vec<TranslatedField> {
    texts
        .into_iter()
        .filter(|(_, text, translation)| !text.trim().is_empty() && translation.trim().is_empty())
        .map(|(field, _, _)| field)
        .collect()
}

/// Two entries are the same person when their Latin names match ignoring case and spacing.
pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether `text` has the shape of an e-mail address (something@somewhere).
pub fn looks_like_email(text: &str) -> bool {
    matches!(text.split_once('@'), Some((local, domain)) if !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
}
