//! The files of attached documents, in `documents/` beside the database. Each is kept under
//! the SHA-256 of its content, so a file attached twice is stored once and a stored file never
//! changes. While the database is encrypted the files are too (XChaCha20-Poly1305 with a key
//! kept inside the encrypted database), under names keyed with that key, so that neither the
//! content nor the hash of a known file shows. A file no record names any more moves to
//! `documents/.released/` and is deleted once no kept automatic backup can name it.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Larger files are refused: a scanned treaty or a photo list is a few megabytes.
pub const MAX_DOCUMENT_BYTES: u64 = 100 * 1024 * 1024;
const SEALED: &[u8; 8] = b"PDDOC\x01\0\0";
const NONCE_BYTES: usize = 24;
const RELEASED: &str = ".released";

/// The key the files are encrypted with while the database is.
struct FileKey([u8; 32]);

/// The SHA-256 of `bytes` as 64 lower-case hex digits: the name a document's content goes by.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Whether `text` is a content hash as `content_hash` writes it, so that a name from a file or
/// another laptop can never point outside the documents folder.
pub fn is_content_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The documents folder of the database `conn` has open.
pub fn documents_dir(conn: &Connection) -> Result<PathBuf> {
    let db = conn
        .path()
        .filter(|path| !path.is_empty())
        .ok_or_else(|| Error::DatabaseUnavailable("documents need a database file".into()))?;
    Ok(super::documents_dir(Path::new(db)))
}

fn file_key(conn: &Connection) -> Result<Option<FileKey>> {
    let key: Option<Vec<u8>> = conn
        .prepare_cached("SELECT file_key FROM document_protection WHERE id = 1")?
        .query_row([], |row| row.get(0))
        .optional()?;
    Ok(key.and_then(|bytes| bytes.try_into().ok()).map(FileKey))
}

/// The file name of the content `hash`: the hash itself, or keyed with the file key.
fn stored_name(key: Option<&FileKey>, hash: &str) -> String {
    match key {
        None => hash.to_string(),
        Some(FileKey(key)) => {
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any length");
            mac.update(hash.as_bytes());
            hex(&mac.finalize().into_bytes())
        }
    }
}

fn seal(key: &FileKey, hash: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE_BYTES];
    getrandom::fill(&mut nonce).map_err(|error| Error::DatabaseUnavailable(format!("no randomness: {error}")))?;
    let cipher = XChaCha20Poly1305::new(Key::from_slice(&key.0));
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: bytes, aad: hash.as_bytes() })
        .map_err(|_| Error::DatabaseUnavailable("a document could not be encrypted".into()))?;
    Ok([SEALED.as_slice(), &nonce, &sealed].concat())
}

fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(SEALED)
}

/// The content of a sealed file, or None when the key does not open it or it was altered.
fn unseal(key: &FileKey, hash: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    let rest = bytes.strip_prefix(SEALED.as_slice())?;
    if rest.len() < NONCE_BYTES {
        return None;
    }
    let (nonce, sealed) = rest.split_at(NONCE_BYTES);
    XChaCha20Poly1305::new(Key::from_slice(&key.0))
        .decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: hash.as_bytes() })
        .ok()
}

/// Writes `bytes` as `dir/name` under a temporary name first, so the file is whole or absent.
fn write_whole(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    fs::create_dir_all(dir)?;
    let partial = dir.join(format!(".{name}.partial"));
    fs::write(&partial, bytes)?;
    fs::rename(&partial, dir.join(name))?;
    Ok(())
}

/// Keeps `bytes` in the documents folder (encrypted while the database is) and returns their
/// content hash. Content already kept is not written again.
pub fn keep(conn: &Connection, bytes: &[u8]) -> Result<String> {
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(too_large());
    }
    let dir = documents_dir(conn)?;
    let hash = content_hash(bytes);
    let key = file_key(conn)?;
    let name = stored_name(key.as_ref(), &hash);
    if dir.join(&name).is_file() {
        return Ok(hash);
    }
    let released = dir.join(RELEASED).join(&name);
    if released.is_file() {
        fs::rename(released, dir.join(&name))?;
        return Ok(hash);
    }
    match &key {
        Some(key) => write_whole(&dir, &name, &seal(key, &hash, bytes)?)?,
        None => write_whole(&dir, &name, bytes)?,
    }
    Ok(hash)
}

pub fn too_large() -> Error {
    Error::field("document", "too_large", "the file is larger than 100 MB; Partnerdesk keeps documents up to 100 MB")
}

/// The documents folder of one database and the key its files are sealed with, read once for
/// work over many documents.
pub struct DocumentFiles {
    dir: PathBuf,
    key: Option<FileKey>,
}

impl DocumentFiles {
    pub fn of(conn: &Connection) -> Result<Self> {
        Ok(DocumentFiles { dir: documents_dir(conn)?, key: file_key(conn)? })
    }

    /// Whether the content `hash` is kept here.
    pub fn is_kept(&self, hash: &str) -> bool {
        is_content_hash(hash) && self.dir.join(stored_name(self.key.as_ref(), hash)).is_file()
    }

    /// The content kept under `hash`, checked against it.
    pub fn read(&self, hash: &str) -> Result<Vec<u8>> {
        let missing = || Error::NotFound("the file of this document is missing on this laptop".into());
        if !is_content_hash(hash) {
            return Err(missing());
        }
        let found = [stored_name(self.key.as_ref(), hash), hash.to_string()]
            .into_iter()
            .flat_map(|name| [self.dir.join(&name), self.dir.join(RELEASED).join(name)])
            .find(|path| path.is_file())
            .ok_or_else(missing)?;
        let bytes = fs::read(&found)?;
        // Plain content may begin like a sealed file: the hash decides what was read.
        let content = match self.key.as_ref().filter(|_| is_sealed(&bytes)).and_then(|key| unseal(key, hash, &bytes)) {
            Some(content) => content,
            None => bytes,
        };
        if content_hash(&content) != hash {
            return Err(damaged(&found));
        }
        Ok(content)
    }
}

/// Whether the content `hash` is kept here.
pub fn is_kept(conn: &Connection, hash: &str) -> Result<bool> {
    Ok(DocumentFiles::of(conn)?.is_kept(hash))
}

/// The content kept under `hash`, checked against it.
pub fn read(conn: &Connection, hash: &str) -> Result<Vec<u8>> {
    DocumentFiles::of(conn)?.read(hash)
}

fn damaged(path: &Path) -> Error {
    Error::DatabaseUnavailable(format!("the document file {} is damaged", path.display()))
}

/// The content hashes the database names (trashed documents included).
fn named_hashes(conn: &Connection) -> Result<HashSet<String>> {
    let hashes = conn
        .prepare_cached("SELECT DISTINCT content_hash FROM documents WHERE content_hash <> ''")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(hashes)
}

/// Brings the files in line with the database after it was opened: encrypted with a file key
/// while the database is encrypted, plain while it is not. Finishes a change of encryption
/// that was cut short.
pub fn settle(conn: &Connection) -> Result<()> {
    let Some(db) = conn.path().filter(|path| !path.is_empty()) else { return Ok(()) };
    if super::encryption::is_encrypted(Path::new(db))? {
        protect(conn)
    } else {
        unprotect(conn)
    }
}

/// Encrypts every document file, with a new file key kept in the (encrypted) database.
pub fn protect(conn: &Connection) -> Result<()> {
    if file_key(conn)?.is_none() {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|error| Error::DatabaseUnavailable(format!("no randomness: {error}")))?;
        conn.execute("INSERT INTO document_protection (id, file_key) VALUES (1, ?1)", [key.as_slice()])?;
    }
    let key = file_key(conn)?;
    convert_files(conn, key.as_ref())
}

/// Decrypts every document file and forgets the file key: done before the database itself is
/// decrypted.
pub fn unprotect(conn: &Connection) -> Result<()> {
    convert_files(conn, None)?;
    conn.execute("DELETE FROM document_protection", [])?;
    Ok(())
}

/// Rewrites every file in the documents folder and its released files so that each is stored
/// as `key` asks. A file of an older version under another name is encrypted into the folder
/// and removed, so that nothing plain stays behind; while the files stay plain it is left for
/// the backups of that version that name it.
fn convert_files(conn: &Connection, key: Option<&FileKey>) -> Result<()> {
    let old_key = file_key(conn)?;
    if key.is_none() && old_key.is_none() {
        return Ok(());
    }
    let dir = documents_dir(conn)?;
    let mut right_names = HashSet::new();
    let mut sealed_names = std::collections::HashMap::new();
    for hash in named_hashes(conn)? {
        right_names.insert(stored_name(key, &hash));
        for k in [old_key.as_ref(), key].into_iter().flatten() {
            sealed_names.insert(stored_name(Some(k), &hash), hash.clone());
        }
    }
    for folder in [dir.clone(), dir.join(RELEASED)] {
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries {
            let path = entry?.path();
            let Some(name) = path.file_name().and_then(|name| name.to_str()).map(str::to_string) else { continue };
            let stays = right_names.contains(&name) || (key.is_none() && !is_content_hash(&name));
            if stays || !path.is_file() || name.starts_with('.') {
                continue;
            }
            let bytes = fs::read(&path)?;
            let opened = sealed_names
                .get(&name)
                .filter(|_| is_sealed(&bytes))
                .and_then(|hash| [old_key.as_ref(), key].into_iter().flatten().find_map(|k| unseal(k, hash, &bytes)));
            let content = match opened {
                Some(content) => content,
                // Sealed with a key this database no longer holds: left as it is.
                None if is_sealed(&bytes) && is_content_hash(&name) && content_hash(&bytes) != name => continue,
                None => bytes,
            };
            let hash = content_hash(&content);
            let target = stored_name(key, &hash);
            if target != name {
                match key {
                    Some(key) => write_whole(&folder, &target, &seal(key, &hash, &content)?)?,
                    None => write_whole(&folder, &target, &content)?,
                }
                fs::remove_file(&path)?;
            }
        }
    }
    Ok(())
}

/// Moves the files no document names any more to the released folder (stamped with now), where
/// a restore of an automatic backup still finds them; returns how many moved.
pub fn release_unnamed(conn: &Connection) -> Result<usize> {
    let dir = documents_dir(conn)?;
    let key = file_key(conn)?;
    let named: HashSet<String> = named_hashes(conn)?.iter().map(|hash| stored_name(key.as_ref(), hash)).collect();
    let Ok(entries) = fs::read_dir(&dir) else { return Ok(0) };
    let released = dir.join(RELEASED);
    let mut moved = 0;
    for entry in entries {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else { continue };
        if !path.is_file() || !is_content_hash(name) || named.contains(name) {
            continue;
        }
        fs::create_dir_all(&released)?;
        let target = released.join(name);
        fs::rename(&path, &target)?;
        fs::File::options().write(true).open(&target)?.set_modified(SystemTime::now())?;
        moved += 1;
    }
    Ok(moved)
}

/// Deletes the file of `hash` outright when no document names it any more: for erased
/// personal data, which must not wait in the released folder.
pub fn erase_unnamed(conn: &Connection, hash: &str) -> Result<()> {
    if !is_content_hash(hash) || named_hashes(conn)?.contains(hash) {
        return Ok(());
    }
    let dir = documents_dir(conn)?;
    let key = file_key(conn)?;
    for name in [stored_name(key.as_ref(), hash), hash.to_string()] {
        for path in [dir.join(&name), dir.join(RELEASED).join(&name)] {
            if path.is_file() {
                fs::remove_file(path)?;
            }
        }
    }
    Ok(())
}

/// The file key as stored, to carry it across a restore: the files on this laptop stay
/// encrypted with it, whatever key the restored backup held.
pub fn key_bytes(conn: &Connection) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT file_key FROM document_protection WHERE id = 1")?
        .query_row([], |row| row.get(0))
        .optional()?)
}

pub fn set_key_bytes(conn: &Connection, key: Option<&[u8]>) -> Result<()> {
    conn.execute("DELETE FROM document_protection", [])?;
    if let Some(key) = key {
        conn.execute("INSERT INTO document_protection (id, file_key) VALUES (1, ?1)", [key])?;
    }
    Ok(())
}

/// After a restore: takes the released files the restored documents name back into the
/// folder, and releases the files they no longer name.
pub fn settle_after_restore(conn: &Connection) -> Result<()> {
    let dir = documents_dir(conn)?;
    let key = file_key(conn)?;
    for hash in named_hashes(conn)? {
        let name = stored_name(key.as_ref(), &hash);
        let released = dir.join(RELEASED).join(&name);
        if !dir.join(&name).is_file() && released.is_file() {
            fs::rename(released, dir.join(&name))?;
        }
    }
    release_unnamed(conn)?;
    Ok(())
}

/// The content hashes the database names whose files are kept here, for a backup to carry.
pub fn kept_hashes(conn: &Connection) -> Result<Vec<String>> {
    let named = named_hashes(conn)?;
    if named.is_empty() {
        return Ok(Vec::new());
    }
    let files = DocumentFiles::of(conn)?;
    let mut kept: Vec<String> = named.into_iter().filter(|hash| files.is_kept(hash)).collect();
    kept.sort();
    Ok(kept)
}

/// Deletes the released files moved there before `oldest_backup` was taken: no kept automatic
/// backup names them.
pub fn sweep_released(db_path: &Path, oldest_backup: SystemTime) -> Result<usize> {
    let released = super::documents_dir(db_path).join(RELEASED);
    let Ok(entries) = fs::read_dir(&released) else { return Ok(0) };
    let mut deleted = 0;
    for entry in entries {
        let entry = entry?;
        if entry.metadata()?.modified()? < oldest_backup {
            fs::remove_file(entry.path())?;
            deleted += 1;
        }
    }
    Ok(deleted)
}

#[cfg(test)]
#[path = "document_files_tests.rs"]
mod tests;
