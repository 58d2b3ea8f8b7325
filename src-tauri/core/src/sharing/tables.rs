//! What the office's laptops share (`store::RECORD_TABLES`, parents first) and what each
//! shared table's columns are: the primary key, the `updated_at` that decides a conflict, the
//! columns `audience` keeps on this laptop, and the one column that gives way when a unique
//! name is used twice.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::audience::{self, Outgoing, Ticked};
use crate::error::Result;
use crate::store::RECORD_TABLES;

/// Tables that stay on this laptop: its settings (the folder, the office key, the window's
/// choices), the reminders it has shown, what sharing itself keeps, and the search index
/// (each laptop's triggers keep its own).
pub const LOCAL: &[&str] = &[
    "settings",
    "document_protection",
    "task_reminders",
    "sharing_applied",
    "sharing_conflicts",
    "sharing_peers",
    "partner_offices",
    "partner_office_shares",
    "search_records",
    "search_index",
    "search_index_data",
    "search_index_idx",
    "search_index_content",
    "search_index_docsize",
    "search_index_config",
];

/// A unique key that two laptops can both use for different records: the rule keeps the
/// value for the record with the smaller ID and marks the other one's `column`.
pub struct UniqueKey {
    /// The columns of the unique index, `column` among them.
    pub columns: &'static [&'static str],
    pub column: &'static str,
}

fn unique_key(table: &str) -> Option<UniqueKey> {
    match table {
        "theme_areas" => Some(UniqueKey { columns: &["name"], column: "name" }),
        "members" => Some(UniqueKey { columns: &["trip_id", "name_key"], column: "name_key" }),
        "registrations" => Some(UniqueKey { columns: &["trip_id", "name_key"], column: "name_key" }),
        "programme_items" => Some(UniqueKey { columns: &["trip_id", "import_uid"], column: "import_uid" }),
        _ => None,
    }
}

/// One shared table as the merge sees it.
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<String>,
    /// Whether each column is part of the primary key.
    pub primary_key: Vec<bool>,
    /// Columns that never leave this laptop, with the value they have in shared files.
    pub private: Vec<Option<String>>,
    pub updated_at: Option<usize>,
    pub unique: Option<UniqueKey>,
}

impl Table {
    pub fn index(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|name| name == column)
    }

    /// The primary key's columns in order.
    pub fn key_columns(&self) -> Vec<&str> {
        self.columns.iter().zip(&self.primary_key).filter(|(_, key)| **key).map(|(name, _)| name.as_str()).collect()
    }

    /// The columns as the shared files carry them: private ones blanked.
    pub fn shared_select(&self) -> String {
        self.columns
            .iter()
            .zip(&self.private)
            .map(|(name, blank)| match blank {
                Some(blank) => format!("{blank} AS {name}"),
                None => name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The shared tables of this schema, by name, with the columns kept from `audience` blanked.
pub fn shared_tables(conn: &Connection, audience: Outgoing) -> Result<HashMap<&'static str, Table>> {
    let private: Vec<(&str, &str)> = audience::withheld(audience, &Ticked::default())
        .into_iter()
        .flat_map(|field| audience::columns(field).iter().copied())
        .collect();
    let mut tables = HashMap::new();
    for name in RECORD_TABLES {
        let mut statement = conn.prepare_cached(
            "SELECT name, pk > 0, \"notnull\", coalesce(dflt_value, 'NULL') FROM pragma_table_info(?1) ORDER BY cid",
        )?;
        let rows: Vec<(String, bool, bool, String)> = statement
            .query_map([name], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let table = Table {
            name,
            updated_at: rows.iter().position(|(column, ..)| column == "updated_at"),
            primary_key: rows.iter().map(|(_, key, ..)| *key).collect(),
            private: rows
                .iter()
                .map(|(column, _, not_null, default)| {
                    private.contains(&(*name, column.as_str())).then(|| {
                        if *not_null {
                            default.clone()
                        } else {
                            "NULL".to_string()
                        }
                    })
                })
                .collect(),
            columns: rows.into_iter().map(|(column, ..)| column).collect(),
            unique: unique_key(name),
        };
        tables.insert(*name, table);
    }
    Ok(tables)
}
