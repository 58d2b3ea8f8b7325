//! Sharing between the office's laptops through a folder they already sync (Nextcloud,
//! an SMB share, Syncthing). Nothing here runs unless the officer turns sharing on.
//!
//! Each sync first sends: the shared tables as they may leave the laptop (`tables`, with the
//! fields `audience` keeps here blanked) are compared with the state of the last sync (the
//! base, a database file beside this one) by SQLite's session extension, and the change set
//! goes, encrypted, into a new file of this laptop's own (`files`). Then it applies the other
//! laptops' files it has not seen, each in one transaction (`merge`), and takes the result
//! as the new base. A file once written is never changed. Now and then a laptop writes a
//! snapshot of the whole shared state; a laptop joins from the newest snapshot and the files
//! after it, and each laptop takes its own change files out of the folder once a snapshot
//! covers them and every colleague has applied them (`compact`).

pub mod files;
mod merge;
pub mod partner_offices;
pub mod tables;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetIter, Session};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audience::{carries, Outgoing, Sensitive, Ticked};
use crate::documents::DocumentKind;
use crate::error::{Error, FieldError, Result};
use crate::limits;
use crate::settings;
use crate::store::document_files::{self, DocumentFiles};
use crate::store::paging::{read_page, Page, PageRequest, PageSql};
use crate::store::{new_id, now, RECORD_TABLES};
use files::OfficeKey;
use tables::Table;

const FOLDER_SETTING: &str = "sharing.folder";
const KEY_SETTING: &str = "sharing.key";
const DEVICE_SETTING: &str = "sharing.device";
const NAME_SETTING: &str = "sharing.device_name";
const LAST_SYNC_SETTING: &str = "sharing.last_sync";
const SEQUENCE_SETTING: &str = "sharing.sequence";
const SNAPSHOT_SETTING: &str = "sharing.snapshot_number";
/// A sync writes a snapshot when this many change files in the folder are not in one.
const SNAPSHOT_EVERY: usize = 200;

/// How this laptop shares through one folder: the office's own, or one with a partner office.
struct Setup {
    folder: PathBuf,
    key: OfficeKey,
    device: String,
    device_name: String,
    /// '' for the office's own folder, else the partner office's ID.
    channel: String,
}

/// The key of one of the office folder's settings, or of the same for the folder of `channel`.
fn channel_setting(channel: &str, office_key: &str) -> String {
    if channel.is_empty() {
        office_key.to_string()
    } else {
        office_key.replacen("sharing.", &format!("sharing.partner.{channel}."), 1)
    }
}

impl Setup {
    fn setting(&self, office_key: &str) -> String {
        channel_setting(&self.channel, office_key)
    }

    /// Who reads what goes through this folder.
    fn audience(&self) -> Outgoing {
        if self.channel.is_empty() {
            Outgoing::OfficeSharing
        } else {
            Outgoing::OtherOffice
        }
    }
}

fn setup(conn: &Connection) -> Result<Option<Setup>> {
    let (Some(folder), Some(key), Some(device)) = (
        settings::read(conn, FOLDER_SETTING)?,
        settings::read(conn, KEY_SETTING)?,
        settings::read(conn, DEVICE_SETTING)?,
    ) else {
        return Ok(None);
    };
    let key = OfficeKey::from_hex(&key).ok_or_else(|| Error::Sharing("the office key kept here is damaged".into()))?;
    let device_name = settings::read(conn, NAME_SETTING)?.unwrap_or_default();
    Ok(Some(Setup { folder: PathBuf::from(folder), key, device, device_name, channel: String::new() }))
}

/// Sharing as the settings and the sidebar show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SharingStatus {
    pub enabled: bool,
    pub folder: Option<String>,
    pub device_name: String,
    pub last_sync: Option<String>,
    /// Other laptops' change files in the folder not applied here yet.
    pub waiting: u32,
    /// Conflicts not looked at yet.
    pub conflicts: u32,
    /// The laptops sharing the folder, this one included.
    pub laptops: u32,
    /// The partner offices this laptop shares with through folders of their own.
    pub partner_offices: u32,
}

/// What one sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SyncSummary {
    /// Changes of this laptop written to the folder.
    pub sent: u32,
    /// Changes of other laptops applied here.
    pub applied: u32,
    /// Values set aside by the merge rules in this sync.
    pub conflicts: u32,
}

impl SyncSummary {
    fn add(&mut self, other: SyncSummary) {
        self.sent += other.sent;
        self.applied += other.applied;
        self.conflicts += other.conflicts;
    }
}

/// What tidying the folder did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Compaction {
    /// Whether this laptop wrote a new snapshot.
    pub snapshot_written: bool,
    /// This laptop's change files and snapshots taken out of the folder.
    pub removed: u32,
    /// This laptop's change files still in the folder.
    pub kept: u32,
}

/// What the officer enters to turn sharing on.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct SharingInput {
    pub folder: String,
    pub passphrase: String,
    pub device_name: String,
}

pub fn status(conn: &Connection) -> Result<SharingStatus> {
    let conflicts: u32 =
        conn.query_row("SELECT count(*) FROM sharing_conflicts WHERE resolved_at IS NULL", [], |row| row.get(0))?;
    let partner_offices: u32 = conn.query_row("SELECT count(*) FROM partner_offices", [], |row| row.get(0))?;
    let Some(setup) = setup(conn)? else {
        return Ok(SharingStatus {
            enabled: false,
            folder: None,
            device_name: String::new(),
            last_sync: None,
            waiting: 0,
            conflicts,
            laptops: 0,
            partner_offices,
        });
    };
    let waiting = unseen(conn, &setup, false)?.len() as u32;
    let laptops = files::sharing_devices(&setup.folder)?.into_iter().filter(|device| *device != setup.device).count();
    Ok(SharingStatus {
        enabled: true,
        folder: Some(setup.folder.display().to_string()),
        device_name: setup.device_name,
        last_sync: settings::read(conn, LAST_SYNC_SETTING)?,
        waiting,
        conflicts,
        laptops: laptops as u32 + 1,
        partner_offices,
    })
}

/// Turns sharing on with `input.folder`: checks the office key against the folder's key
/// file (or starts the folder's key file), and keeps the key, never the passphrase.
pub fn turn_on(conn: &Connection, input: &SharingInput) -> Result<SharingStatus> {
    let device_name = input.device_name.trim();
    if device_name.is_empty() {
        return Err(Error::field(
            "device_name",
            "required",
            "name this laptop, so that colleagues see whose changes they get",
        ));
    }
    base_path(conn, "")?;
    let folder = PathBuf::from(input.folder.trim());
    let key = files::office_key(&folder, &input.passphrase)?;
    crate::store::atomically(conn, |conn| {
        if settings::read(conn, DEVICE_SETTING)?.is_none() {
            settings::write(conn, DEVICE_SETTING, &new_id())?;
        }
        settings::write(conn, FOLDER_SETTING, &folder.display().to_string())?;
        settings::write(conn, KEY_SETTING, &key.to_hex())?;
        settings::write(conn, NAME_SETTING, device_name)
    })?;
    status(conn)
}

/// Turns sharing off: the folder, the key and the base go; the data stays as it is. The
/// folder gets the mark that this laptop left, so that the others stop waiting for it before
/// they tidy up; turned on again, it shares as a new laptop.
pub fn turn_off(conn: &Connection) -> Result<()> {
    if let Some(setup) = setup(conn)? {
        if setup.folder.is_dir() {
            files::mark_left(&setup.folder, &setup.device)?;
        }
    }
    crate::store::atomically(conn, |conn| {
        conn.execute(
            "DELETE FROM settings WHERE key IN (?1, ?2, ?3, ?4, ?5, ?6)",
            params![FOLDER_SETTING, KEY_SETTING, LAST_SYNC_SETTING, SEQUENCE_SETTING, DEVICE_SETTING, SNAPSHOT_SETTING],
        )?;
        conn.execute("DELETE FROM sharing_applied WHERE channel = ''", [])?;
        Ok(())
    })?;
    let base = base_path(conn, "")?;
    match std::fs::remove_file(&base) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error.into()),
        _ => Ok(()),
    }
}

/// Starts this (empty) database from the folder: every laptop's changes applied in order.
pub fn join(conn: &Connection, input: &SharingInput) -> Result<SyncSummary> {
    let records: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM trips) + (SELECT count(*) FROM people) + (SELECT count(*) FROM organisations)
              + (SELECT count(*) FROM partnerships) + (SELECT count(*) FROM tasks)",
        [],
        |row| row.get(0),
    )?;
    if records > 0 {
        return Err(Error::Sharing(
            "joining starts an empty database, and this one holds records; turn sharing on in its settings instead"
                .into(),
        ));
    }
    if !files::sync_dir(Path::new(input.folder.trim())).join("office-key.json").exists() {
        return Err(Error::field("folder", "not_shared", "no laptop of the office shares this folder yet"));
    }
    turn_on(conn, input)?;
    let (summary, _) = sync_with(conn, false)?;
    settings::mark_welcome_answered(conn)?;
    Ok(summary)
}

/// Sends this laptop's changes and applies the others', through the office folder and the
/// partner offices' folders; writes a snapshot when many change files are not in one yet, and
/// takes this laptop's files out that no one needs any more. A partner office's folder out of
/// reach does not stop the office's sync; it is said when the office folder is not shared.
pub fn sync(conn: &Connection) -> Result<SyncSummary> {
    let office = setup(conn)?;
    let partners: u32 = conn.query_row("SELECT count(*) FROM partner_offices", [], |row| row.get(0))?;
    if office.is_none() && partners == 0 {
        return Err(Error::Sharing("sharing is not turned on".into()));
    }
    let mut summary = SyncSummary::default();
    let from_partners = partner_offices::sync_all(conn);
    if let Some(office) = office {
        summary.add(sync_folder(conn, &office, true, false)?.0);
        summary.add(from_partners.unwrap_or_default());
        return Ok(summary);
    }
    summary.add(from_partners?);
    Ok(summary)
}

/// Syncs, then writes a snapshot of the shared state now and takes out of the folder every
/// file of this laptop that the snapshot covers and every colleague has applied: what was
/// erased here leaves the folder with them.
pub fn compact(conn: &Connection) -> Result<(SyncSummary, Compaction)> {
    sync_with_compaction(conn, true, true)
}

fn sync_with(conn: &Connection, send_changes: bool) -> Result<(SyncSummary, Compaction)> {
    sync_with_compaction(conn, send_changes, false)
}

fn sync_with_compaction(
    conn: &Connection,
    send_changes: bool,
    snapshot_now: bool,
) -> Result<(SyncSummary, Compaction)> {
    let setup = setup(conn)?.ok_or_else(|| Error::Sharing("sharing is not turned on".into()))?;
    sync_folder(conn, &setup, send_changes, snapshot_now)
}

/// Sends and applies through one folder, then tidies it up.
fn sync_folder(
    conn: &Connection,
    setup: &Setup,
    send_changes: bool,
    snapshot_now: bool,
) -> Result<(SyncSummary, Compaction)> {
    if !setup.folder.is_dir() {
        return Err(Error::field(
            "folder",
            "folder_unreachable",
            format!("the shared folder {} cannot be reached", setup.folder.display()),
        ));
    }
    files::check_folder_key(&setup.folder, &setup.key)?;
    let tables = Arc::new(tables::shared_tables(conn, setup.audience())?);
    let base = base_path(conn, &setup.channel)?;
    // Without the state of the last sync (a backup was restored) every record is offered again,
    // and every file taken in again, this laptop's own too: the merge keeps what is newest.
    let start_over = !base.exists() && written_to_folder(setup)? > 0;
    if start_over {
        conn.execute("DELETE FROM sharing_applied WHERE channel = ?1", [&setup.channel])?;
    }
    let _attached = Attached::new(conn, &base)?;
    prepare_copies(conn, &tables)?;
    let mut summary = SyncSummary::default();
    if send_changes {
        summary.sent = send(conn, &tables, setup)?;
    }
    let received = receive(conn, &tables, setup, start_over, &mut summary);
    transaction(conn, |conn| {
        // What the other laptops' changes did here is the base from now on, not a change of ours.
        if summary.applied > 0 {
            fill_outgoing(conn, &tables, setup)?;
            take_as_base(conn, &tables)?;
        }
        settings::write(conn, &setup.setting(LAST_SYNC_SETTING), &now())
    })?;
    received?;
    if summary.applied > 0 {
        write_change_file(conn, setup, &[])?;
    }
    let compaction = tidy_folder(conn, &tables, setup, snapshot_now)?;
    receive_documents(conn, setup)?;
    Ok((summary, compaction))
}

/// Where the state of the last sync through a folder is kept: beside the database file.
fn base_path(conn: &Connection, channel: &str) -> Result<PathBuf> {
    match conn.path().filter(|path| !path.is_empty()) {
        Some(path) => Ok(crate::store::sharing_base_path(Path::new(path), channel)),
        None => Err(Error::Sharing("sharing needs a database file".into())),
    }
}

/// The base and a scratch copy of what leaves the laptop, attached while a sync runs.
struct Attached<'a>(&'a Connection);

impl<'a> Attached<'a> {
    fn new(conn: &'a Connection, base: &Path) -> Result<Self> {
        // The base takes the database's own key when it is encrypted; the scratch copy is in memory.
        conn.execute("ATTACH DATABASE ?1 AS sharing_base", [base.display().to_string()])?;
        let attached = Attached(conn);
        conn.execute_batch("ATTACH DATABASE ':memory:' AS sharing_out KEY ''")?;
        Ok(attached)
    }
}

impl Drop for Attached<'_> {
    fn drop(&mut self) {
        for schema in ["sharing_out", "sharing_base"] {
            let _ = self.0.execute_batch(&format!("DETACH DATABASE {schema}"));
        }
    }
}

fn transaction<T>(conn: &Connection, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match work(conn) {
        Ok(value) => {
            conn.execute_batch("COMMIT")?;
            Ok(value)
        }
        Err(error) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(error)
        }
    }
}

fn create_copy(conn: &Connection, schema: &str, table: &Table) -> Result<()> {
    let columns = table.columns.join(", ");
    let key = table.key_columns().join(", ");
    conn.execute_batch(&format!("CREATE TABLE {schema}.{} ({columns}, PRIMARY KEY ({key}))", table.name))?;
    Ok(())
}

/// The copies' tables; a base table of an older schema starts again empty, so that its
/// records are sent once more and merge as equal.
fn prepare_copies(conn: &Connection, tables: &HashMap<&'static str, Table>) -> Result<()> {
    for name in RECORD_TABLES {
        let table = &tables[name];
        let base_columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{name}', 'sharing_base') ORDER BY cid"))?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if base_columns != table.columns {
            if !base_columns.is_empty() {
                conn.execute_batch(&format!("DROP TABLE sharing_base.{name}"))?;
            }
            create_copy(conn, "sharing_base", table)?;
        }
        create_copy(conn, "sharing_out", table)?;
    }
    Ok(())
}

/// Fills the scratch copy with what leaves the laptop through the folder: for a partner
/// office, only what is shared with it.
fn fill_outgoing(conn: &Connection, tables: &HashMap<&'static str, Table>, setup: &Setup) -> Result<()> {
    for name in RECORD_TABLES {
        let table = &tables[name];
        conn.execute_batch(&format!(
            "DELETE FROM sharing_out.{name}; INSERT INTO sharing_out.{name} SELECT {} FROM main.{name};",
            table.shared_select()
        ))?;
    }
    if !carries(Sensitive::TravelDocuments, setup.audience(), &Ticked::default()) {
        conn.execute_batch(&format!(
            "DELETE FROM sharing_out.documents WHERE kind IN ({})",
            DocumentKind::travel_document_list()
        ))?;
    }
    if !setup.channel.is_empty() {
        partner_offices::keep_only_shared(conn, &setup.channel)?;
    }
    Ok(())
}

/// Makes the base what the scratch copy holds, writing only the records that differ.
fn take_as_base(conn: &Connection, tables: &HashMap<&'static str, Table>) -> Result<()> {
    for (name, table) in tables {
        let key = format!("({})", table.key_columns().join(", "));
        conn.execute_batch(&format!(
            "DELETE FROM sharing_base.{name} WHERE {key} NOT IN (SELECT {key_columns} FROM sharing_out.{name});
             INSERT OR REPLACE INTO sharing_base.{name}
               SELECT * FROM (SELECT * FROM sharing_out.{name} EXCEPT SELECT * FROM sharing_base.{name});",
            key_columns = table.key_columns().join(", "),
        ))?;
    }
    Ok(())
}

/// How many changes a change set holds.
fn count_changes(changeset: &[u8]) -> Result<u32> {
    let mut reader: &[u8] = changeset;
    let input: &mut dyn Read = &mut reader;
    let mut changes = ChangesetIter::start_strm(&input)?;
    let mut count = 0;
    while changes.next()?.is_some() {
        count += 1;
    }
    Ok(count)
}

/// Refuses a change set of the laptop named `from` that holds a text over its column's limit
/// (`limits::column_limit`), naming the record and the column, before any of it is applied.
fn check_text_limits(tables: &HashMap<&'static str, Table>, changeset: &[u8], from: &str) -> Result<()> {
    let mut reader: &[u8] = changeset;
    let input: &mut dyn Read = &mut reader;
    let mut changes = ChangesetIter::start_strm(&input)?;
    while let Some(item) = changes.next()? {
        let op = item.op()?;
        if !matches!(op.code(), Action::SQLITE_INSERT | Action::SQLITE_UPDATE) {
            continue;
        }
        let Some(table) = tables.get(op.table_name()) else { continue };
        for (at, column) in table.columns.iter().enumerate() {
            let (Ok(ValueRef::Text(text)), Some(limit)) =
                (item.new_value(at), limits::column_limit(table.name, column))
            else {
                continue;
            };
            if String::from_utf8_lossy(text).chars().nth(limit).is_none() {
                continue;
            }
            let record = table
                .primary_key
                .iter()
                .position(|key| *key)
                .and_then(|at| merge::owned(item.new_value(at)).or_else(|| merge::owned(item.old_value(at))))
                .map(|key| merge::to_json(&key).to_string())
                .unwrap_or_default();
            let field = format!("{}.{column}", table.name);
            return Err(Error::Validation(vec![FieldError::new(
                "file",
                "change_text_too_long",
                format!("a change file from {from} was not applied: {field} of record {record} is longer than {limit} characters"),
            )
            .with_values([("device", from.to_string()), ("field", field), ("limit", limit.to_string())])]));
        }
    }
    Ok(())
}

/// Writes this laptop's changes since the last sync into a new file of its own.
fn send(conn: &Connection, tables: &HashMap<&'static str, Table>, setup: &Setup) -> Result<u32> {
    transaction(conn, |conn| {
        fill_outgoing(conn, tables, setup)?;
        let mut changeset = Vec::new();
        {
            let mut session = Session::new_with_name(conn, "sharing_out")?;
            for name in RECORD_TABLES {
                session.attach(Some(*name))?;
                session.diff::<&str, &str>("sharing_base", name)?;
            }
            session.changeset_strm(&mut changeset)?;
        }
        send_documents(conn, setup)?;
        if changeset.is_empty() {
            return Ok(0);
        }
        let sent = count_changes(&changeset)?;
        write_change_file(conn, setup, &changeset)?;
        take_as_base(conn, tables)?;
        Ok(sent)
    })
}

/// Writes this laptop's next change file; without changes it only tells the others which of
/// their files this laptop has applied.
fn write_change_file(conn: &Connection, setup: &Setup, changeset: &[u8]) -> Result<()> {
    let sequence = own_sequence(conn, setup)? + 1;
    let header =
        files::new_header(&setup.device, sequence, crate::store::schema_version(), applied(conn, &setup.channel)?);
    let bytes = files::seal_change(&setup.key, &header, &setup.device_name, changeset)?;
    files::write_once(&files::change_path(&setup.folder, &setup.device, sequence), &bytes)?;
    settings::write(conn, &setup.setting(SEQUENCE_SETTING), &sequence.to_string())
}

/// The number of this laptop's last change file.
fn own_sequence(conn: &Connection, setup: &Setup) -> Result<u64> {
    let kept: u64 =
        settings::read(conn, &setup.setting(SEQUENCE_SETTING))?.and_then(|text| text.parse().ok()).unwrap_or(0);
    Ok(written_to_folder(setup)?.max(kept))
}

/// The number of the last change file this laptop wrote as the folder shows it: its files
/// there, or the snapshots that cover those taken out.
fn written_to_folder(setup: &Setup) -> Result<u64> {
    let in_files = files::list_changes(&setup.folder)?
        .into_iter()
        .filter(|(device, ..)| *device == setup.device)
        .map(|(_, sequence, _)| sequence)
        .max();
    let in_snapshots = files::list_snapshots(&setup.folder)?
        .into_iter()
        .filter_map(|(header, _)| header.applied.get(&setup.device).copied())
        .max();
    Ok(in_files.max(in_snapshots).unwrap_or(0))
}

/// The last file of each other laptop applied here from the folder of `channel`.
fn applied(conn: &Connection, channel: &str) -> Result<BTreeMap<String, u64>> {
    Ok(conn
        .prepare_cached("SELECT device, max(sequence) FROM sharing_applied WHERE channel = ?1 GROUP BY device")?
        .query_map([channel], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Notes what another laptop had applied when it wrote a file, unless a later file said more.
fn heard_from(conn: &Connection, header: &files::Header, name: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO sharing_peers (device, name, seen_at, applied) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (device) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at, applied = excluded.applied
         WHERE excluded.seen_at >= sharing_peers.seen_at",
        params![header.device, name, header.created_at, serde_json::to_string(&header.applied)?],
    )?;
    Ok(())
}

/// Writes a snapshot when asked or when many change files are in none, then takes out of the
/// folder this laptop's change files the newest snapshot covers and every colleague has
/// applied, and its snapshots older than the newest.
fn tidy_folder(
    conn: &Connection,
    tables: &HashMap<&'static str, Table>,
    setup: &Setup,
    snapshot_now: bool,
) -> Result<Compaction> {
    let mut compaction = Compaction::default();
    let own = own_sequence(conn, setup)?;
    let mut covers = applied(conn, &setup.channel)?;
    covers.remove(&setup.device);
    if own > 0 {
        covers.insert(setup.device.clone(), own);
    }
    let mut snapshots = files::list_snapshots(&setup.folder)?;
    let changes = files::list_changes(&setup.folder)?;
    let newest_covers = snapshots.last().map(|(header, _)| header.applied.clone()).unwrap_or_default();
    let outside_snapshot = changes
        .iter()
        .filter(|(device, sequence, _)| newest_covers.get(device).is_none_or(|covered| sequence > covered))
        .count();
    if (snapshot_now || outside_snapshot >= SNAPSHOT_EVERY) && newest_covers != covers && !covers.is_empty() {
        snapshots.push(write_snapshot(conn, tables, setup, covers)?);
        compaction.snapshot_written = true;
    }
    let Some((newest, _)) = snapshots.last() else {
        compaction.kept = changes.iter().filter(|(device, ..)| *device == setup.device).count() as u32;
        return Ok(compaction);
    };
    let mut removable = newest.applied.get(&setup.device).copied().unwrap_or(0);
    let peers: HashMap<String, BTreeMap<String, u64>> = conn
        .prepare("SELECT device, applied FROM sharing_peers")?
        .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?
        .map(|row| {
            let (device, applied) = row?;
            Ok((device, serde_json::from_str(&applied).unwrap_or_default()))
        })
        .collect::<Result<_>>()?;
    for device in files::sharing_devices(&setup.folder)? {
        if device == setup.device {
            continue;
        }
        let from_files = peers.get(&device).and_then(|applied| applied.get(&setup.device)).copied();
        let from_snapshots = snapshots
            .iter()
            .filter(|(header, _)| header.device == device)
            .filter_map(|(header, _)| header.applied.get(&setup.device).copied())
            .max();
        removable = removable.min(from_files.max(from_snapshots).unwrap_or(0));
    }
    for (device, sequence, path) in &changes {
        if *device != setup.device {
            continue;
        }
        if *sequence <= removable {
            std::fs::remove_file(path)?;
            compaction.removed += 1;
        } else {
            compaction.kept += 1;
        }
    }
    let newest_path = snapshots.last().map(|(_, path)| path.clone());
    for (header, path) in &snapshots {
        if header.device == setup.device && Some(path) != newest_path.as_ref() {
            std::fs::remove_file(path)?;
            compaction.removed += 1;
        }
    }
    Ok(compaction)
}

/// Writes the state of the last sync (the base, attached while a sync runs) as a snapshot
/// covering `covers`.
fn write_snapshot(
    conn: &Connection,
    tables: &HashMap<&'static str, Table>,
    setup: &Setup,
    covers: BTreeMap<String, u64>,
) -> Result<(files::Header, PathBuf)> {
    conn.execute_batch("ATTACH DATABASE ':memory:' AS sharing_empty KEY ''")?;
    let changeset = (|| {
        let mut changeset = Vec::new();
        for name in RECORD_TABLES {
            create_copy(conn, "sharing_empty", &tables[name])?;
        }
        let mut session = Session::new_with_name(conn, "sharing_base")?;
        for name in RECORD_TABLES {
            session.attach(Some(*name))?;
            session.diff::<&str, &str>("sharing_empty", name)?;
        }
        session.changeset_strm(&mut changeset)?;
        Ok::<_, Error>(changeset)
    })();
    conn.execute_batch("DETACH DATABASE sharing_empty")?;
    let changeset = changeset?;
    let number: u64 =
        settings::read(conn, &setup.setting(SNAPSHOT_SETTING))?.and_then(|text| text.parse().ok()).unwrap_or(0) + 1;
    let header = files::snapshot_header(&setup.device, number, crate::store::schema_version(), covers);
    let bytes = files::seal_change(&setup.key, &header, &setup.device_name, &changeset)?;
    let path = files::snapshot_path(&setup.folder, &setup.device, number);
    files::write_once(&path, &bytes)?;
    settings::write(conn, &setup.setting(SNAPSHOT_SETTING), &number.to_string())?;
    Ok((header, path))
}

/// The content hashes of the documents in `schema` (`sharing_out`: those that leave).
fn document_hashes(conn: &Connection, schema: &str) -> Result<Vec<String>> {
    let hashes: Vec<String> = conn
        .prepare_cached(&format!("SELECT DISTINCT content_hash FROM {schema}.documents"))?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(hashes.into_iter().filter(|hash| document_files::is_content_hash(hash)).collect())
}

/// Puts the files of the documents that leave the laptop that the folder lacks into it, encrypted.
fn send_documents(conn: &Connection, setup: &Setup) -> Result<()> {
    let hashes = document_hashes(conn, "sharing_out")?;
    if hashes.is_empty() {
        return Ok(());
    }
    let kept = DocumentFiles::of(conn)?;
    for hash in hashes {
        let there = files::document_path(&setup.folder, &hash);
        if !there.exists() && kept.is_kept(&hash) {
            files::write_once(&there, &files::seal_document(&setup.key, &hash, &kept.read(&hash)?)?)?;
        }
    }
    Ok(())
}

/// Takes the document files this laptop lacks from the folder; one not there yet comes with a later sync.
fn receive_documents(conn: &Connection, setup: &Setup) -> Result<()> {
    let hashes = document_hashes(conn, "main")?;
    if hashes.is_empty() {
        return Ok(());
    }
    let kept = DocumentFiles::of(conn)?;
    for hash in hashes {
        let there = files::document_path(&setup.folder, &hash);
        if !there.is_file() || kept.is_kept(&hash) {
            continue;
        }
        if std::fs::metadata(&there)?.len() > document_files::MAX_DOCUMENT_BYTES + 64 {
            return Err(Error::field(
                "folder",
                "damaged_file",
                format!("{} is larger than any document Partnerdesk keeps", there.display()),
            ));
        }
        let bytes = files::open_document(&setup.key, &hash, &std::fs::read(&there)?)?;
        if document_files::content_hash(&bytes) != hash {
            return Err(Error::field(
                "folder",
                "damaged_file",
                format!("{} is not the document it names", there.display()),
            ));
        }
        document_files::keep(conn, &bytes)?;
    }
    Ok(())
}

/// The other laptops' files not applied here (with `own`, this laptop's too), each laptop's in
/// sequence up to its first gap.
fn unseen(conn: &Connection, setup: &Setup, own: bool) -> Result<Vec<(String, u64, PathBuf)>> {
    let applied: HashSet<(String, u64)> = conn
        .prepare_cached("SELECT device, sequence FROM sharing_applied WHERE channel = ?1")?
        .query_map([&setup.channel], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut next: HashMap<String, u64> = HashMap::new();
    for (device, sequence) in &applied {
        let entry = next.entry(device.clone()).or_insert(1);
        *entry = (*entry).max(sequence + 1);
    }
    let mut found = Vec::new();
    for (device, sequence, path) in files::list_changes(&setup.folder)? {
        if (device == setup.device && !own) || applied.contains(&(device.clone(), sequence)) {
            continue;
        }
        let expected = next.entry(device.clone()).or_insert(1);
        if sequence == *expected {
            *expected += 1;
            found.push((device, sequence, path));
        }
    }
    Ok(found)
}

/// Applies the unseen files, oldest first, each in one transaction.
fn receive(
    conn: &Connection,
    tables: &Arc<HashMap<&'static str, Table>>,
    setup: &Setup,
    own: bool,
    summary: &mut SyncSummary,
) -> Result<()> {
    let schema_version = crate::store::schema_version();
    catch_up_from_snapshot(conn, tables, setup, own, summary)?;
    let mut changes = Vec::new();
    for (_, _, path) in unseen(conn, setup, own)? {
        let metadata = std::fs::metadata(&path)?;
        if metadata.len() > files::MAX_FILE {
            return Err(files::not_ours(&path.display().to_string()));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(&path)?.read_to_end(&mut bytes)?;
        changes.push(files::open_change(&bytes, &setup.key, schema_version, &path.display().to_string())?);
    }
    // Per laptop in sequence; across laptops by the time each file was written.
    changes.sort_by(|a, b| {
        (&a.header.created_at, &a.header.device, a.header.sequence).cmp(&(
            &b.header.created_at,
            &b.header.device,
            b.header.sequence,
        ))
    });
    for change in changes {
        let (applied, conflicts) = transaction(conn, |conn| {
            let summary = take_in(conn, tables, &change.changeset, &change.device_name, &setup.device_name)?;
            mark_applied(conn, &setup.channel, &change.header.device, change.header.sequence)?;
            heard_from(conn, &change.header, &change.device_name)?;
            Ok(summary)
        })?;
        summary.applied += applied;
        summary.conflicts += conflicts;
    }
    Ok(())
}

/// Notes that the file `sequence` of `device` (and with a snapshot, every one before) is applied.
fn mark_applied(conn: &Connection, channel: &str, device: &str, sequence: u64) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO sharing_applied (device, sequence, applied_at, channel) VALUES (?1, ?2, ?3, ?4)",
        params![device, sequence as i64, now(), channel],
    )?;
    Ok(())
}

/// Takes in the newest snapshot when the files this laptop would need next are no longer in
/// the folder because the snapshot covers them: on joining, after a restored backup, or
/// after a long time away.
fn catch_up_from_snapshot(
    conn: &Connection,
    tables: &Arc<HashMap<&'static str, Table>>,
    setup: &Setup,
    own: bool,
    summary: &mut SyncSummary,
) -> Result<()> {
    let Some((header, path)) = files::list_snapshots(&setup.folder)?.pop() else { return Ok(()) };
    let applied = applied(conn, &setup.channel)?;
    let present: HashSet<(String, u64)> =
        files::list_changes(&setup.folder)?.into_iter().map(|(device, sequence, _)| (device, sequence)).collect();
    let behind = header.applied.iter().any(|(device, covered)| {
        let next = applied.get(device).copied().unwrap_or(0) + 1;
        (own || *device != setup.device) && next <= *covered && !present.contains(&(device.clone(), next))
    });
    if !behind {
        return Ok(());
    }
    if std::fs::metadata(&path)?.len() > files::MAX_FILE {
        return Err(files::not_ours(&path.display().to_string()));
    }
    let snapshot = files::open_snapshot(
        &std::fs::read(&path)?,
        &setup.key,
        crate::store::schema_version(),
        &path.display().to_string(),
    )?;
    let (changes, conflicts) = transaction(conn, |conn| {
        let taken = take_in(conn, tables, &snapshot.changeset, &snapshot.device_name, &setup.device_name)?;
        for (device, covered) in &snapshot.header.applied {
            if (own || *device != setup.device) && applied.get(device).is_none_or(|done| done < covered) {
                mark_applied(conn, &setup.channel, device, *covered)?;
            }
        }
        heard_from(conn, &snapshot.header, &snapshot.device_name)?;
        Ok(taken)
    })?;
    summary.applied += changes;
    summary.conflicts += conflicts;
    Ok(())
}

/// Applies one change set of the laptop named `from`, in the caller's transaction: how many
/// changes it held and how many values the rules set aside.
pub fn take_in(
    conn: &Connection,
    tables: &Arc<HashMap<&'static str, Table>>,
    changeset: &[u8],
    from: &str,
    here: &str,
) -> Result<(u32, u32)> {
    if changeset.is_empty() {
        return Ok((0, 0));
    }
    check_text_limits(tables, changeset, from)?;
    let changes = count_changes(changeset)?;
    let conflicts = merge::apply(conn, tables, changeset, merge::Sides { remote: from, here })?;
    Ok((changes, conflicts as u32))
}

/// A value a merge rule set aside, as the conflict list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Conflict {
    pub id: String,
    /// `concurrent_edit`, `edit_of_deleted`, `orphan` or `name_clash`.
    pub kind: String,
    pub table_name: String,
    /// The record's primary key, as JSON.
    pub row_key: String,
    pub column_name: String,
    /// The values as JSON.
    pub kept_value: String,
    pub lost_value: String,
    pub lost_by: String,
    pub lost_at: Option<String>,
    pub recorded_at: String,
    /// The record's title where it is still there, to recognise it by.
    pub record_label: String,
}

/// The conflicts not looked at yet, newest first.
pub fn list_conflicts(conn: &Connection, page: PageRequest) -> Result<Page<Conflict>> {
    let sql = PageSql {
        select:
            "SELECT id, kind, table_name, row_key, column_name, kept_value, lost_value, lost_by, lost_at, recorded_at
                 FROM sharing_conflicts",
        from: "sharing_conflicts",
        filter: "resolved_at IS NULL",
        order: "recorded_at DESC, id",
    };
    let mut found = read_page(conn, &sql, &[], page, |row| {
        Ok(Conflict {
            id: row.get(0)?,
            kind: row.get(1)?,
            table_name: row.get(2)?,
            row_key: row.get(3)?,
            column_name: row.get(4)?,
            kept_value: row.get(5)?,
            lost_value: row.get(6)?,
            lost_by: row.get(7)?,
            lost_at: row.get(8)?,
            recorded_at: row.get(9)?,
            record_label: String::new(),
        })
    })?;
    for conflict in &mut found.items {
        conflict.record_label = record_label(conn, &conflict.table_name, &conflict.row_key)?;
    }
    Ok(found)
}

/// The title, name or text of a record with a single `id` key.
fn record_label(conn: &Connection, table: &str, row_key: &str) -> Result<String> {
    let Some(table) = RECORD_TABLES.iter().find(|name| **name == table) else { return Ok(String::new()) };
    let key: Vec<serde_json::Value> = serde_json::from_str(row_key).unwrap_or_default();
    let [serde_json::Value::String(id)] = key.as_slice() else { return Ok(String::new()) };
    let column = match *table {
        "trips" | "programme_items" | "tasks" | "agreements" | "projects" => "title",
        "members" | "people" => "name_latin",
        "organisations" | "theme_areas" => "name",
        "outcomes" | "checklist_steps" => "text",
        "gifts" | "cost_lines" => "description",
        "partnerships" => "partner_place",
        _ => return Ok(String::new()),
    };
    Ok(conn
        .query_row(&format!("SELECT {column} FROM {table} WHERE id = ?1"), [id], |row| row.get(0))
        .optional()?
        .unwrap_or_default())
}

/// Takes the value that lost after all, as an edit made here (which the next sync sends).
pub fn keep_lost_value(conn: &Connection, id: &str) -> Result<()> {
    crate::store::atomically(conn, |conn| {
        let (kind, table, row_key, column, lost): (String, String, String, String, String) = conn
            .query_row(
                "SELECT kind, table_name, row_key, column_name, lost_value FROM sharing_conflicts
                 WHERE id = ?1 AND resolved_at IS NULL",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("conflict {id}")))?;
        if kind != "concurrent_edit" {
            return Err(Error::Sharing("only a value of a record both laptops kept can be taken back".into()));
        }
        let tables = tables::shared_tables(conn, Outgoing::OfficeSharing)?;
        let table = tables.get(table.as_str()).ok_or_else(|| Error::NotFound(format!("table {table}")))?;
        if table.index(&column).is_none() {
            return Err(Error::NotFound(format!("column {column}")));
        }
        let key: Vec<serde_json::Value> = serde_json::from_str(&row_key)?;
        let lost: serde_json::Value = serde_json::from_str(&lost)?;
        let mut assignments = format!("{column} = ?");
        if table.updated_at.is_some() {
            assignments += ", updated_at = ?";
        }
        let condition = table.key_columns().iter().map(|name| format!("{name} = ?")).collect::<Vec<_>>().join(" AND ");
        let mut values = vec![sql_value(&lost)];
        if table.updated_at.is_some() {
            values.push(rusqlite::types::Value::Text(now()));
        }
        values.extend(key.iter().map(sql_value));
        let changed = conn.execute(
            &format!("UPDATE {} SET {assignments} WHERE {condition}", table.name),
            rusqlite::params_from_iter(values),
        )?;
        if changed == 0 {
            return Err(Error::NotFound("the record of this conflict".into()));
        }
        conn.execute("UPDATE sharing_conflicts SET resolved_at = ?2 WHERE id = ?1", params![id, now()])?;
        Ok(())
    })
}

/// Marks a conflict as looked at, keeping the value that won.
pub fn dismiss_conflict(conn: &Connection, id: &str) -> Result<()> {
    let changed = conn.execute(
        "UPDATE sharing_conflicts SET resolved_at = ?2 WHERE id = ?1 AND resolved_at IS NULL",
        params![id, now()],
    )?;
    if changed == 0 {
        return Err(Error::NotFound(format!("conflict {id}")));
    }
    Ok(())
}

fn sql_value(value: &serde_json::Value) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match value {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(flag) => Value::Integer(i64::from(*flag)),
        serde_json::Value::Number(number) => {
            number.as_i64().map(Value::Integer).unwrap_or_else(|| Value::Real(number.as_f64().unwrap_or_default()))
        }
        serde_json::Value::String(text) => Value::Text(text.clone()),
        other => Value::Text(other.to_string()),
    }
}

#[cfg(test)]
mod tests;
