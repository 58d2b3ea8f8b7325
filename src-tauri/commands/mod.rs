//! The IPC layer: the commands the window calls, one file per feature (named as the feature's
//! module, `ui/src/lib/api/<feature>.ts` and `ui/src/features/<feature>/`), each command a few
//! lines: lock, call, `?`.

pub mod app;
pub mod backup;
pub mod checklists;
pub mod contacts;
pub mod costs;
pub mod delegation;
pub mod documents;
pub mod encryption;
pub mod export;
pub mod gifts;
pub mod import;
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
pub mod sharing;
pub mod tasks;
pub mod trash;
pub mod trips;
