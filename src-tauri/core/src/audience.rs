//! Who may read what: the one place that says which sensitive fields go out on which path.
//! Every outgoing path (sharing, bundles, the travel copy, the programme handed out, the
//! calendar, the delegation list) asks `carries` before it writes one of them, and
//! `docs/security.md` shows the same table (a test keeps the two equal).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::text_enum! {
    /// The kinds of field that never go out without a rule.
    pub enum Sensitive {
        TravelDocuments => "travel_documents",
        HealthNotes => "health_notes",
        InternalNotes => "internal_notes",
    }
}

crate::text_enum! {
    /// Where data leaves this laptop.
    pub enum Outgoing {
        OfficeSharing => "office_sharing",
        BundleForOffice => "bundle_for_office",
        OtherOffice => "other_office",
        TravelCopy => "travel_copy",
        Handout => "handout",
        Calendar => "calendar",
        DelegationList => "delegation_list",
    }
}

crate::text_enum! {
    /// Whom a trip bundle is for.
    pub enum Recipient {
        OwnOffice => "own_office",
        OtherOffice => "other_office",
    }
}

/// A bundle is for a colleague of the office unless the officer says otherwise.
impl Default for Recipient {
    fn default() -> Self {
        Recipient::OwnOffice
    }
}

impl Recipient {
    pub fn path(self) -> Outgoing {
        match self {
            Recipient::OwnOffice => Outgoing::BundleForOffice,
            Recipient::OtherOffice => Outgoing::OtherOffice,
        }
    }
}

/// Whether a kind of field goes out on a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Always,
    /// Only when the officer ticks it for this one file.
    WhenTicked,
    Never,
}

/// The rule for `field` on `path`.
pub fn rule(field: Sensitive, path: Outgoing) -> Rule {
    use Outgoing::*;
    use Rule::*;
    use Sensitive::*;
    match (field, path) {
        (TravelDocuments | HealthNotes, TravelCopy) => WhenTicked,
        (TravelDocuments, _) => Never,
        (HealthNotes, BundleForOffice | DelegationList) => WhenTicked,
        (HealthNotes, _) => Never,
        (InternalNotes, OfficeSharing | BundleForOffice) => Always,
        (InternalNotes, TravelCopy) => WhenTicked,
        (InternalNotes, _) => Never,
    }
}

/// What the officer ticked to go along in one file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Ticked {
    /// Passport numbers, dates of birth and visa status.
    #[serde(default)]
    pub travel_documents: bool,
    /// Dietary and accessibility notes.
    #[serde(default)]
    pub health_notes: bool,
    /// The office's internal notes on trips, items, people and organisations.
    #[serde(default)]
    pub internal_notes: bool,
}

impl Ticked {
    fn includes(&self, field: Sensitive) -> bool {
        match field {
            Sensitive::TravelDocuments => self.travel_documents,
            Sensitive::HealthNotes => self.health_notes,
            Sensitive::InternalNotes => self.internal_notes,
        }
    }
}

/// Whether `field` goes out on `path`, given what was ticked.
pub fn carries(field: Sensitive, path: Outgoing, ticked: &Ticked) -> bool {
    match rule(field, path) {
        Rule::Always => true,
        Rule::WhenTicked => ticked.includes(field),
        Rule::Never => false,
    }
}

/// The kinds of field `path` leaves out, given what was ticked.
pub fn withheld(path: Outgoing, ticked: &Ticked) -> Vec<Sensitive> {
    Sensitive::ALL.iter().copied().filter(|field| !carries(*field, path, ticked)).collect()
}

/// The stored columns `(table, column)` of each kind of field.
pub fn columns(field: Sensitive) -> &'static [(&'static str, &'static str)] {
    match field {
        Sensitive::TravelDocuments => {
            &[("members", "passport_number"), ("members", "date_of_birth"), ("members", "visa_status")]
        }
        Sensitive::HealthNotes => &[("members", "dietary"), ("members", "accessibility"), ("registrations", "dietary")],
        Sensitive::InternalNotes => &[
            ("trips", "notes"),
            ("programme_items", "notes_internal"),
            ("people", "notes"),
            ("organisations", "notes"),
            ("agreements", "notes"),
            ("gifts", "notes"),
            ("registrations", "notes"),
            ("trip_invitations", "notes"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(field: Sensitive, path: Outgoing) -> &'static str {
        match rule(field, path) {
            Rule::Always => "yes",
            Rule::WhenTicked => "when ticked",
            Rule::Never => "never",
        }
    }

    /// The table as `docs/security.md` shows it.
    fn table() -> String {
        let mut text = String::from("| field | ");
        text += &Outgoing::ALL.iter().map(|path| format!("`{path}`")).collect::<Vec<_>>().join(" | ");
        text += " |\n|---|";
        text += &"---|".repeat(Outgoing::ALL.len());
        text += "\n";
        for field in Sensitive::ALL {
            text += &format!("| `{field}` | ");
            text += &Outgoing::ALL.iter().map(|path| cell(*field, *path)).collect::<Vec<_>>().join(" | ");
            text += " |\n";
        }
        text
    }

    #[test]
    fn the_security_page_shows_the_rules_the_code_applies() {
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/security.md")).unwrap();
        assert!(page.contains(&table()), "docs/security.md must contain this table:\n{}", table());
    }

    #[test]
    fn personal_data_never_goes_to_the_office_laptops_or_another_office() {
        for field in [Sensitive::TravelDocuments, Sensitive::HealthNotes] {
            assert_eq!(rule(field, Outgoing::OfficeSharing), Rule::Never);
            assert_eq!(rule(field, Outgoing::OtherOffice), Rule::Never);
        }
        let all = Ticked { travel_documents: true, health_notes: true, internal_notes: true };
        assert_eq!(withheld(Outgoing::OfficeSharing, &all), [Sensitive::TravelDocuments, Sensitive::HealthNotes]);
        assert_eq!(withheld(Outgoing::OtherOffice, &all), Sensitive::ALL);
    }

    #[test]
    fn every_listed_column_is_in_the_schema() {
        let conn = crate::store::open_in_memory().unwrap();
        for field in Sensitive::ALL {
            for (table, column) in columns(*field) {
                let found: bool = conn
                    .query_row("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", [table, column], |row| {
                        row.get::<_, i64>(0).map(|n| n == 1)
                    })
                    .unwrap();
                assert!(found, "{table}.{column}");
            }
        }
    }

    #[test]
    fn internal_notes_stay_in_the_office() {
        let all = Ticked { travel_documents: true, health_notes: true, internal_notes: true };
        for path in [Outgoing::Handout, Outgoing::Calendar, Outgoing::DelegationList, Outgoing::OtherOffice] {
            assert!(!carries(Sensitive::InternalNotes, path, &all), "{path}");
        }
        assert!(carries(Sensitive::InternalNotes, Outgoing::BundleForOffice, &Ticked::default()));
        assert!(!carries(Sensitive::InternalNotes, Outgoing::TravelCopy, &Ticked::default()));
        assert!(carries(Sensitive::InternalNotes, Outgoing::TravelCopy, &all));
    }
}
