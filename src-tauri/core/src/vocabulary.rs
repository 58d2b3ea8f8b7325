//! The shared vocabulary of the domain: the few words every aggregate speaks (a trip's
//! direction, a side, a register reference, a member's role, the app's language) and the
//! checks of plain text every form uses. It imports nothing of the domain.

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

/// Two entries are the same person when their Latin names match ignoring case and spacing.
pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether `text` has the shape of an e-mail address (something@somewhere).
pub fn looks_like_email(text: &str) -> bool {
    matches!(text.split_once('@'), Some((local, domain)) if !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
}
