//! The files in the office folder: `partnerdesk-sync/office-key.json`, which lets every laptop
//! check the office key, and each laptop's change files `partnerdesk-sync/<device>/<sequence>.pdsync`,
//! written once and never changed. A change file is a readable header (format, version,
//! schema version, laptop, sequence, time) and the change set, encrypted with the office key
//! (XChaCha20-Poly1305, the header as associated data, so it cannot be altered either).
//! Signed agreement documents travel beside them, encrypted the same way, in
//! `partnerdesk-sync/documents/<stored name>.pddoc`, each written once.

use std::fmt;
use std::io::Write;
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
/// The version of the change file format this build writes and reads.
pub const VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"PDSYNC\0\x01";
const EXTENSION: &str = "pdsync";
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
        None => Err(Error::Sharing(format!(
            "{} holds no office key file; is the shared folder reachable?",
            sync_dir(folder).display()
        ))),
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
    Error::Sharing(format!("{} is damaged or not a Partnerdesk file", path.display()))
}

/// The readable part of a change file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub schema_version: usize,
    pub device: String,
    pub sequence: u64,
    pub created_at: String,
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

/// Reads a change file's bytes: its header, then, with the office key, its change set. A
/// file of another format, a newer version or a newer schema is refused with the reason.
pub fn open_change(bytes: &[u8], key: &OfficeKey, schema_version: usize, name: &str) -> Result<ChangeFile> {
    let not_ours = || Error::Sharing(format!("{name} is not a Partnerdesk change file"));
    if bytes.len() < 12 || &bytes[..8] != MAGIC {
        return Err(not_ours());
    }
    let length = u32::from_le_bytes(bytes[8..12].try_into().map_err(|_| not_ours())?) as usize;
    if length > MAX_HEADER || bytes.len() < 12 + length {
        return Err(not_ours());
    }
    let header_bytes = &bytes[12..12 + length];
    let header: Header = serde_json::from_slice(header_bytes).map_err(|_| not_ours())?;
    if header.format != FORMAT {
        return Err(not_ours());
    }
    if header.version > VERSION || header.schema_version > schema_version {
        return Err(Error::Sharing(format!(
            "{name} was written by a newer Partnerdesk (change files version {}, schema {}; this one reads up to \
             {VERSION} and {schema_version}). Please update Partnerdesk on this laptop",
            header.version, header.schema_version
        )));
    }
    let aad = [MAGIC.as_slice(), header_bytes].concat();
    let payload = key.open(&bytes[12 + length..], &aad).ok_or_else(|| {
        Error::OfficeKey(format!("{name} does not open with this laptop's office key, or it was altered"))
    })?;
    let meta_length = payload.get(..4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let meta_length = meta_length.filter(|length| payload.len() >= 4 + length).ok_or_else(not_ours)?;
    let meta: Meta = serde_json::from_slice(&payload[4..4 + meta_length]).map_err(|_| not_ours())?;
    Ok(ChangeFile { header, device_name: meta.device_name, changeset: payload[4 + meta_length..].to_vec() })
}

pub fn new_header(device: &str, sequence: u64, schema_version: usize) -> Header {
    Header {
        format: FORMAT.into(),
        version: VERSION,
        schema_version,
        device: device.to_string(),
        sequence,
        created_at: crate::store::now(),
    }
}

const DOCUMENTS: &str = "documents";
const DOCUMENT_EXTENSION: &str = "pddoc";

/// Whether `name` is a document name as Partnerdesk stores them (an ID and an extension), so
/// that a name from another laptop can never point outside the documents folder.
pub fn is_document_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 80
        && !name.starts_with('.')
        && !name.contains("..")
        && name.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'.')
}

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
