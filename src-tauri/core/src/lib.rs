//! Partnerdesk's core: everything an office keeps and does, without a window. It does not
//! depend on Tauri; the app (`src-tauri/`) puts the window, the IPC commands and the command
//! line on top of it.
//!
//! Floors, each importing only the floors below it (`docs/architecture.md`; `tests/floors.rs`
//! fails on a loop):
//! 1. `error`, `zoned`, `vocabulary`, `audience` (which field goes out where), `names`, and `store` (opening, keying, migrating and
//!    backing up the SQLite file; the trash mark; paging);
//! 2. one module per aggregate: `contacts` (people and organisations), `checklists`,
//!    `partnerships`, `settings`, `gifts`, `tasks`, `trips`, `outcomes`, `delegation`,
//!    `programme`;
//! 3. modules that span aggregates: `duplicate`, `privacy`, `trash`, `bundle`, `import`,
//!    `export`, `demo`, `sharing` (the office's laptops through a shared folder), `publishing`
//!    (a programme on a CalDAV calendar).

pub mod audience;
pub mod bundle;
pub mod checklists;
pub mod contacts;
pub mod costs;
pub mod delegation;
pub mod demo;
pub mod documents;
pub mod duplicate;
pub mod error;
pub mod export;
pub mod gifts;
pub mod import;
pub mod limits;
pub mod money;
pub mod names;
pub mod outcomes;
pub mod overview;
pub mod partnerships;
pub mod privacy;
pub mod programme;
pub mod projects;
pub mod publishing;
pub mod registrations;
pub mod report;
pub mod search;
pub mod settings;
pub mod sharing;
pub mod store;
pub mod tasks;
pub mod trash;
pub mod trips;
pub mod vocabulary;
pub mod zoned;

#[cfg(test)]
mod hostile_input_tests;
