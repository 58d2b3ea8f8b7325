//! Trip bundles coming in from a colleague's Partnerdesk: the file checked through before
//! anything is written, then merged record by record, matched by ID.

use rusqlite::Connection;

use crate::error::Result;
use crate::import::{ImportOptions, ImportReport};

pub(crate) mod check;
mod merge;

/// Takes in a bundle: register records first, then the trip and what hangs on it. Records
/// are matched by ID; one that is here already is overwritten only when the bundle's copy was
/// changed later. A file that is not a readable bundle is refused before anything is written.
pub fn import_bundle(
    conn: &Connection,
    bytes: &[u8],
    _options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let bundle = check::read(bytes)?;
    merge::merge(conn, bundle, report)
}
