//! `text_enum!` declares a closed set of values that is stored as text in SQLite, travels
//! as a snake_case string over IPC and gets a TypeScript union type.

#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        /// Parses the text form, naming the allowed values when it is none of them (as the
        /// command line shows it).
        impl std::str::FromStr for $name {
            type Err = $crate::error::UnknownValue;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::parse(text).ok_or_else(|| $crate::error::UnknownValue {
                    text: text.to_string(),
                    known: Self::ALL.iter().map(|value| value.as_str()).collect(),
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                Self::parse(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(format!("unknown {} {text:?}", stringify!($name)).into())
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::fmt::Write;

    /// `(type name, its values)` of every `text_enum!`, in the order the window lists them.
    macro_rules! every_text_enum {
        ($($path:path => $name:ident),+ $(,)?) => {
            vec![$((stringify!($name), { use $path as $name; $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>() })),+]
        };
    }

    fn every_text_enum() -> Vec<(&'static str, Vec<&'static str>)> {
        every_text_enum![
            crate::audience::Sensitive => Sensitive,
            crate::audience::Outgoing => Outgoing,
            crate::audience::Recipient => Recipient,
            crate::checklists::ChecklistOwnerKind => ChecklistOwnerKind,
            crate::documents::DocumentKind => DocumentKind,
            crate::documents::DocumentOwnerKind => DocumentOwnerKind,
            crate::export::ExportFormat => ExportFormat,
            crate::export::MainLanguage => MainLanguage,
            crate::gifts::GiftDirection => GiftDirection,
            crate::import::ImportKind => ImportKind,
            crate::import::PreviewAction => PreviewAction,
            crate::import::RecordKind => RecordKind,
            crate::import::table::PersonField => PersonField,
            crate::search::SearchKind => SearchKind,
            crate::partnerships::agreements::AgreementKind => AgreementKind,
            crate::partnerships::OurSideKind => OurSideKind,
            crate::partnerships::PartnershipKind => PartnershipKind,
            crate::partnerships::PartnershipStatus => PartnershipStatus,
            crate::programme::conflicts::WarningKind => WarningKind,
            crate::programme::ItemKind => ItemKind,
            crate::projects::ProjectLinkKind => ProjectLinkKind,
            crate::projects::ProjectRole => ProjectRole,
            crate::projects::ProjectStatus => ProjectStatus,
            crate::contacts::organisations::OrganisationKind => OrganisationKind,
            crate::costs::CostCategory => CostCategory,
            crate::gifts::GiftDecision => GiftDecision,
            crate::contacts::links::ItemRegisterLink => ItemRegisterLink,
            crate::contacts::people::ItemPart => ItemPart,
            crate::registrations::RegistrationStatus => RegistrationStatus,
            crate::registrations::AskedData => AskedData,
            crate::report::ReportFormat => ReportFormat,
            crate::export::gifts::PublicListFormat => PublicListFormat,
            crate::costs::Bearer => Bearer,
            crate::costs::rates::RateSource => RateSource,
            crate::tasks::due::DueState => DueState,
            crate::tasks::list::TaskView => TaskView,
            crate::tasks::list::TaskSort => TaskSort,
            crate::tasks::TaskStatus => TaskStatus,
            crate::tasks::TaskPriority => TaskPriority,
            crate::trips::TripStatus => TripStatus,
            crate::vocabulary::Direction => Direction,
            crate::vocabulary::Side => Side,
            crate::vocabulary::RegisterKind => RegisterKind,
            crate::vocabulary::MemberRole => MemberRole,
            crate::vocabulary::Language => Language,
            crate::vocabulary::SecondLanguage => SecondLanguage,
            crate::vocabulary::TranslatedField => TranslatedField,
            crate::zoned::Fold => Fold,
        ]
    }

    /// Writes `enumValues.ts` beside the ts-rs bindings: each enum's values as a constant, so
    /// that the window lists choices from the Rust enum instead of typing them again.
    #[test]
    fn export_enum_values() {
        let mut text = String::from(
            "// Generated by partnerdesk-core's tests from the Rust enums (text_enum!). Do not edit this file manually.\n",
        );
        let mut enums = every_text_enum();
        enums.sort();
        for (name, _) in &enums {
            writeln!(text, "import type {{ {name} }} from \"./{name}\";").unwrap();
        }
        for (name, values) in &enums {
            let constant = format!("{}{}Values", name[..1].to_lowercase(), &name[1..]);
            let values: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
            writeln!(text, "\nexport const {constant}: readonly {name}[] = [{}];", values.join(", ")).unwrap();
        }
        let dir = std::env::var("TS_RS_EXPORT_DIR").expect("TS_RS_EXPORT_DIR is set by .cargo/config.toml");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join("enumValues.ts"), text).unwrap();
    }

    /// Every `text_enum!` in the core is in the list above.
    #[test]
    fn every_text_enum_is_exported() {
        fn sources(dir: &std::path::Path, found: &mut BTreeSet<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, found);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in text.match_indices("text_enum! {").filter(|_| !path.ends_with("text_enum.rs")) {
                        let rest = &text[at..];
                        let name = rest[rest.find("pub enum ").unwrap() + 9..].split_whitespace().next().unwrap();
                        found.insert(name.to_string());
                    }
                }
            }
        }
        let mut declared = BTreeSet::new();
        sources(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(), &mut declared);
        let listed: BTreeSet<String> = every_text_enum().into_iter().map(|(name, _)| name.to_string()).collect();
        assert_eq!(declared, listed, "add every text_enum! to every_text_enum() in store/text_enum.rs");
    }
}
