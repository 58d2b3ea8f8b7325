//! The files in the office folder: `partnerdesk-sync/office-key.json`, which lets every laptop
//! check the office key, and each laptop's change files `partnerdesk-sync/<device>/<sequence>.pdsync`,
//! written once and never changed. A change file is a readable header (format, version,
//! schema version, laptop, sequence, time) and the change set, encrypted with the office key
//! (XChaCha20-Poly1305, the header as associated data, so it cannot be altered either).
//! Signed agreement documents travel beside them, encrypted the same way, in
//! `partnerdesk-sync/documents/<stored name>.pddoc`, each written once. A snapshot
//! `partnerdesk-sync/snapshots/<device>-<number>.pdsnap` holds the whole shared state as one
//! laptop had it, with the files of each laptop it covers; new laptops start from it, and
//! the change files it covers can go.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use argon2::Argon2;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The folder Partnerdesk keeps inside the office's shared folder.
pub const FOLDER: &str = "partnerdesk-sync";
const KEY_FILE: &str = "office-key.json";
const KEY_FORMAT: &str = "partnerdesk-office-key";
const FORMAT: &str = "partnerdesk-changes";
const SNAPSHOT_FORMAT: &str = "partnerdesk-snapshot";
/// The version of the change file format this build writes and reads (2: headers say what
/// their laptop had applied).
pub const VERSION: u32 = 2;
const MAGIC: &[u8; 8] = b"PDSYNC\0\x01";
const EXTENSION: &str = "pdsync";
const SNAPSHOTS: &str = "snapshots";
const SNAPSHOT_EXTENSION: &str = "pdsnap";
/// The mark a laptop leaves in its folder when sharing is turned off on it.
const LEFT_FILE: &str = "left.json";
/// What the key file's check value decrypts to with the right key.
const CHECK_TEXT: &[u8] = b"partnerdesk office key";
/// Larger headers are not read: no laptop writes one.
const MAX_HEADER: usize = 64 * 1024;
/// Larger change files are not read: a whole office's first file stays far below.
pub const MAX_FILE: u64 = 1024 * 1024 * 1024;
pub const MIN_PASSPHRASE: usize = 10;

/// The office key: derived from the passphrase with Argon2id and the folder's salt.
#[derive(Clone, PartialEq, Eq)]
pub struct OfficeKey([u8; 32]);

impl fmt::Debug for OfficeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OfficeKey(…)")
    }
}

impl OfficeKey {
    fn derive(passphrase: &str, salt: &[u8]) -> Result<Self> {
        let mut key = [0u8; 32];
        Argon2::default()
            .hash_password_into(passphrase.as_bytes(), salt, &mut key)
            .map_err(|error| Error::Sharing(format!("the office key could not be derived: {error}")))?;
        Ok(OfficeKey(key))
    }

    /// The key as this laptop keeps it in its settings.
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = unhex(text)?;
        Some(OfficeKey(bytes.try_into().ok()?))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(&self.0))
    }

    fn seal(&self, message: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|error| Error::Sharing(format!("no random numbers: {error}")))?;
        let sealed = self
            .cipher()
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: message, aad })
            .map_err(|_| Error::Sharing("a change file could not be encrypted".into()))?;
        Ok([nonce.as_slice(), &sealed].concat())
    }

    fn open(&self, sealed: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < 24 {
            return None;
        }
        let (nonce, message) = sealed.split_at(24);
        self.cipher().decrypt(XNonce::from_slice(nonce), Payload { msg: message, aad }).ok()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|at| u8::from_str_radix(text.get(at..at + 2)?, 16).ok()).collect()
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: String,
    version: u32,
    salt: String,
    check: String,
}

pub fn sync_dir(folder: &Path) -> PathBuf {
    folder.join(FOLDER)
}

fn wrong_key() -> Error {
    Error::OfficeKey("this is not the office key of the shared folder; nothing was changed".into())
}

/// The office key for `passphrase`: checked against the folder's key file, or, in a folder
/// no laptop has used yet, the start of one.
pub fn office_key(folder: &Path, passphrase: &str) -> Result<OfficeKey> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Error::field(
            "passphrase",
            "too_short",
            format!("the office key needs at least {MIN_PASSPHRASE} characters"),
        ));
    }
    if !folder.is_dir() {
        return Err(Error::field("folder", "not_found", format!("{} is not a folder", folder.display())));
    }
    let path = sync_dir(folder).join(KEY_FILE);
    if let Some(file) = read_key_file(&path)? {
        let salt = unhex(&file.salt).ok_or_else(|| damaged(&path))?;
        let key = OfficeKey::derive(passphrase, &salt)?;
        check_key(&file, &key, &path)?;
        return Ok(key);
    }
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|error| Error::Sharing(format!("no random numbers: {error}")))?;
    let key = OfficeKey::derive(passphrase, &salt)?;
    let file = KeyFile {
        format: KEY_FORMAT.into(),
        version: VERSION,
        salt: hex(&salt),
        check: hex(&key.seal(CHECK_TEXT, KEY_FORMAT.as_bytes())?),
    };
    std::fs::create_dir_all(sync_dir(folder))?;
    write_once(&path, &serde_json::to_vec_pretty(&file)?)?;
    Ok(key)
}

/// Fails unless `key` opens the folder's key file.
pub fn check_folder_key(folder: &Path, key: &OfficeKey) -> Result<()> {
    let path = sync_dir(folder).join(KEY_FILE);
    match read_key_file(&path)? {
        Some(file) => check_key(&file, key, &path),
        None => Err(Error::field(
            "folder",
            "no_office_key",
            format!("{} holds no office key file; is the shared folder reachable?", sync_dir(folder).display()),
        )),
    }
}

fn read_key_file(path: &Path) -> Result<Option<KeyFile>> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let file: KeyFile = serde_json::from_slice(&bytes).map_err(|_| damaged(path))?;
            if file.format != KEY_FORMAT {
                return Err(damaged(path));
            }
            Ok(Some(file))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error.into()),
    }
}

fn check_key(file: &KeyFile, key: &OfficeKey, path: &Path) -> Result<()> {
    let check = unhex(&file.check).ok_or_else(|| damaged(path))?;
    match key.open(&check, KEY_FORMAT.as_bytes()) {
        Some(text) if text == CHECK_TEXT => Ok(()),
        _ => Err(wrong_key()),
    }
}

fn damaged(path: &Path) -> Error {
    Error::field("folder", "damaged_file", format!("{} is damaged or not a Partnerdesk file", path.display()))
}

/// A file in the folder that is not what Partnerdesk wrote there.
pub fn not_ours(name: &str) -> Error {
    Error::field("folder", "damaged_file", format!("{name} is not a Partnerdesk change file"))
}

/// The readable part of a change file or snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub schema_version: usize,
    pub device: String,
    /// The change file's number; a snapshot's own number.
    pub sequence: u64,
    pub created_at: String,
    /// The last file of each laptop the writer had taken in: for a change file, what the
    /// others may now drop; for a snapshot, what it covers (its own laptop's files too).
    #[serde(default)]
    pub applied: BTreeMap<String, u64>,
}

impl Header {
    pub fn is_snapshot(&self) -> bool {
        self.format == SNAPSHOT_FORMAT
    }
}

/// The encrypted part of a change file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    device_name: String,
}

/// A change file as read back.
#[derive(Debug)]
pub struct ChangeFile {
    pub header: Header,
    pub device_name: String,
    pub changeset: Vec<u8>,
}

pub fn change_path(folder: &Path, device: &str, sequence: u64) -> PathBuf {
    sync_dir(folder).join(device).join(format!("{sequence:08}.{EXTENSION}"))
}

/// The bytes of a change file.
pub fn seal_change(key: &OfficeKey, header: &Header, device_name: &str, changeset: &[u8]) -> Result<Vec<u8>> {
    let header_bytes = serde_json::to_vec(header)?;
    let aad = [MAGIC.as_slice(), &header_bytes].concat();
    let meta = serde_json::to_vec(&Meta { device_name: device_name.to_string() })?;
    let mut payload = Vec::with_capacity(4 + meta.len() + changeset.len());
    payload.extend_from_slice(&(meta.len() as u32).to_le_bytes());
    payload.extend_from_slice(&meta);
    payload.extend_from_slice(changeset);
    let sealed = key.seal(&payload, &aad)?;
    let mut bytes = Vec::with_capacity(12 + header_bytes.len() + sealed.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&(header_bytes.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&header_bytes);
    bytes.extend_from_slice(&sealed);
    Ok(bytes)
}

/// The header's length as the first twelve bytes give it, if they are a Partnerdesk file's.
fn header_length(start: &[u8]) -> Option<usize> {
    if start.len() < 12 || &start[..8] != MAGIC {
        return None;
    }
    let length = u32::from_le_bytes(start[8..12].try_into().ok()?) as usize;
    (length <= MAX_HEADER).then_some(length)
}

/// The readable header of a change file or snapshot, without reading the rest.
pub fn read_header(path: &Path) -> Result<Header> {
    let refuse = || not_ours(&path.display().to_string());
    let mut file = std::fs::File::open(path)?;
    let mut start = [0u8; 12];
    file.read_exact(&mut start).map_err(|_| refuse())?;
    let length = header_length(&start).ok_or_else(refuse)?;
    let mut header = vec![0u8; length];
    file.read_exact(&mut header).map_err(|_| refuse())?;
    serde_json::from_slice(&header).map_err(|_| refuse())
}

/// Reads a change file's bytes: its header, then, with the office key, its change set. A
/// file of another format, a newer version or a newer schema is refused with the reason.
pub fn open_change(bytes: &[u8], key: &OfficeKey, schema_version: usize, name: &str) -> Result<ChangeFile> {
    open_sealed(bytes, key, schema_version, name, FORMAT)
}

/// Reads a snapshot's bytes as `open_change` reads a change file's.
pub fn open_snapshot(bytes: &[u8], key: &OfficeKey, schema_version: usize, name: &str) -> Result<ChangeFile> {
    open_sealed(bytes, key, schema_version, name, SNAPSHOT_FORMAT)
}

fn open_sealed(bytes: &[u8], key: &OfficeKey, schema_version: usize, name: &str, format: &str) -> Result<ChangeFile> {
    let refuse = || not_ours(name);
    let length = header_length(bytes).ok_or_else(refuse)?;
    if bytes.len() < 12 + length {
        return Err(refuse());
    }
    let header_bytes = &bytes[12..12 + length];
    let header: Header = serde_json::from_slice(header_bytes).map_err(|_| refuse())?;
    if header.format != format {
        return Err(refuse());
    }
    if header.version > VERSION || header.schema_version > schema_version {
        return Err(Error::field(
            "folder",
            "newer_partnerdesk",
            format!(
                "{name} was written by a newer Partnerdesk (change files version {}, schema {}; this one reads up to \
                 {VERSION} and {schema_version}). Please update Partnerdesk on this laptop",
                header.version, header.schema_version
            ),
        ));
    }
    let aad = [MAGIC.as_slice(), header_bytes].concat();
    let payload = key.open(&bytes[12 + length..], &aad).ok_or_else(|| {
        Error::OfficeKey(format!("{name} does not open with this laptop's office key, or it was altered"))
    })?;
    let meta_length = payload.get(..4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let meta_length = meta_length.filter(|length| payload.len() >= 4 + length).ok_or_else(refuse)?;
    let meta: Meta = serde_json::from_slice(&payload[4..4 + meta_length]).map_err(|_| refuse())?;
    Ok(ChangeFile { header, device_name: meta.device_name, changeset: payload[4 + meta_length..].to_vec() })
}

pub fn new_header(device: &str, sequence: u64, schema_version: usize, applied: BTreeMap<String, u64>) -> Header {
    Header {
        format: FORMAT.into(),
        version: VERSION,
        schema_version,
        device: device.to_string(),
        sequence,
        created_at: crate::store::now(),
        applied,
    }
}

pub fn snapshot_header(device: &str, number: u64, schema_version: usize, covers: BTreeMap<String, u64>) -> Header {
    Header { format: SNAPSHOT_FORMAT.into(), ..new_header(device, number, schema_version, covers) }
}

pub fn snapshot_path(folder: &Path, device: &str, number: u64) -> PathBuf {
    sync_dir(folder).join(SNAPSHOTS).join(format!("{device}-{number:08}.{SNAPSHOT_EXTENSION}"))
}

/// The snapshots in the folder with their headers, oldest first; anything else is left alone.
pub fn list_snapshots(folder: &Path) -> Result<Vec<(Header, PathBuf)>> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(sync_dir(folder).join(SNAPSHOTS)) else { return Ok(found) };
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|extension| extension == SNAPSHOT_EXTENSION) {
            match read_header(&path) {
                Ok(header) if header.is_snapshot() => found.push((header, path)),
                _ => {}
            }
        }
    }
    found.sort_by(|(a, _), (b, _)| (&a.created_at, &a.device, a.sequence).cmp(&(&b.created_at, &b.device, b.sequence)));
    Ok(found)
}

/// Leaves the mark that this laptop no longer shares, so that the others stop waiting for it.
pub fn mark_left(folder: &Path, device: &str) -> Result<()> {
    let path = sync_dir(folder).join(device).join(LEFT_FILE);
    if path.exists() {
        return Ok(());
    }
    write_once(&path, format!("{{\"left_at\": \"{}\"}}\n", crate::store::now()).as_bytes())
}

/// The laptops that write into the folder and have not left it.
pub fn sharing_devices(folder: &Path) -> Result<Vec<String>> {
    let mut devices = Vec::new();
    let Ok(entries) = std::fs::read_dir(sync_dir(folder)) else { return Ok(devices) };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type()?.is_dir()
            && name != SNAPSHOTS
            && name != DOCUMENTS
            && !entry.path().join(LEFT_FILE).exists()
        {
            devices.push(name);
        }
    }
    devices.sort();
    Ok(devices)
}

const DOCUMENTS: &str = "documents";
const DOCUMENT_EXTENSION: &str = "pddoc";

pub fn document_path(folder: &Path, name: &str) -> PathBuf {
    sync_dir(folder).join(DOCUMENTS).join(format!("{name}.{DOCUMENT_EXTENSION}"))
}

/// The bytes of an encrypted document; its name is the associated data.
pub fn seal_document(key: &OfficeKey, name: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    key.seal(bytes, name.as_bytes())
}

/// A document read back; refused when the key does not open it or it was altered or renamed.
pub fn open_document(key: &OfficeKey, name: &str, sealed: &[u8]) -> Result<Vec<u8>> {
    key.open(sealed, name.as_bytes())
        .ok_or_else(|| Error::OfficeKey(format!("the document {name} does not open with this laptop's office key")))
}

/// Writes a file that must not exist yet: to a temporary name, synced, then renamed, so
/// that the folder's client never sees half a file.
pub fn write_once(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.exists() {
        return Err(Error::Sharing(format!(
            "{} exists already; files in the shared folder are never replaced",
            path.display()
        )));
    }
    let dir = path.parent().ok_or_else(|| Error::Sharing("a change file needs a folder".into()))?;
    std::fs::create_dir_all(dir)?;
    let temporary = dir.join(format!(".{}.partial", path.file_name().unwrap_or_default().to_string_lossy()));
    let mut file = std::fs::File::create(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)?;
    Ok(())
}

/// Every laptop's change files in the folder, by laptop and sequence; anything else (a
/// client's conflict copy, a half-written file) is left alone.
pub fn list_changes(folder: &Path) -> Result<Vec<(String, u64, PathBuf)>> {
    let mut found = Vec::new();
    let dir = sync_dir(folder);
    let Ok(devices) = std::fs::read_dir(&dir) else { return Ok(found) };
    for device in devices {
        let device = device?;
        if !device.file_type()?.is_dir() {
            continue;
        }
        let device_id = device.file_name().to_string_lossy().to_string();
        if device_id == SNAPSHOTS || device_id == DOCUMENTS {
            continue;
        }
        for file in std::fs::read_dir(device.path())? {
            let path = file?.path();
            let sequence = path
                .file_name()
                .and_then(|name| name.to_str())
                .and_then(|name| name.strip_suffix(&format!(".{EXTENSION}")))
                .filter(|stem| stem.len() == 8 && stem.bytes().all(|byte| byte.is_ascii_digit()))
                .and_then(|stem| stem.parse().ok());
            if let Some(sequence) = sequence {
                found.push((device_id.clone(), sequence, path));
            }
        }
    }
    found.sort();
    Ok(found)
}
