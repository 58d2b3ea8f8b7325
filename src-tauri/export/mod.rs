//! Exports of a trip for people who do not use Partnerdesk. Files are written whole or not at
//! all: into a temporary file beside the target, then renamed over it.

use std::io::Write;
use std::path::Path;

use crate::error::Result;

pub mod calendar;
pub mod vtimezone;

/// Writes `bytes` to `path` so that a reader sees the old file or the complete new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let temporary = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    Ok(written?)
}

#[cfg(test)]
mod tests;
