use super::*;

fn database() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::open(&dir.path().join("partnerdesk.sqlite")).unwrap();
    (dir, conn)
}

fn stored_files(conn: &Connection) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(documents_dir(conn).unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), fs::read(path).unwrap()))
        .collect();
    files.sort();
    files
}

fn name_document(conn: &Connection, hash: &str) {
    conn.execute(
        "INSERT INTO documents (id, name, kind, content_hash, size_bytes, created_at, updated_at)
         VALUES (?1, 'scan.pdf', 'other', ?2, 0, '', '')",
        [crate::store::new_id(), hash.to_string()],
    )
    .unwrap();
}

#[test]
fn content_is_kept_once_under_its_hash_and_read_back_checked() {
    let (_dir, conn) = database();
    let hash = keep(&conn, b"%PDF-1.4 Einladung").unwrap();
    assert_eq!(hash, content_hash(b"%PDF-1.4 Einladung"));
    assert!(is_content_hash(&hash));
    assert_eq!(keep(&conn, b"%PDF-1.4 Einladung").unwrap(), hash);
    assert_eq!(stored_files(&conn), vec![(hash.clone(), b"%PDF-1.4 Einladung".to_vec())]);
    assert_eq!(read(&conn, &hash).unwrap(), b"%PDF-1.4 Einladung");

    fs::write(documents_dir(&conn).unwrap().join(&hash), b"altered").unwrap();
    assert!(matches!(read(&conn, &hash), Err(Error::DatabaseUnavailable(_))), "an altered file is refused");
    assert!(matches!(read(&conn, "../../etc/passwd"), Err(Error::NotFound(_))));
    assert!(matches!(read(&conn, &content_hash(b"never kept")), Err(Error::NotFound(_))));
}

#[test]
fn encryption_on_leaves_nothing_plain_and_off_brings_every_file_back() {
    let (_dir, conn) = database();
    let invitation = keep(&conn, b"Einladung des Oberbuergermeisters").unwrap();
    name_document(&conn, &invitation);
    let legacy = documents_dir(&conn).unwrap().join("0190a1b2-0000-7000-8000-000000000001.pdf");
    fs::write(&legacy, b"Memorandum, unterzeichnet").unwrap();
    name_document(&conn, &content_hash(b"Memorandum, unterzeichnet"));

    protect(&conn).unwrap();
    let files = stored_files(&conn);
    assert_eq!(files.len(), 2, "{:?}", files.iter().map(|(name, _)| name).collect::<Vec<_>>());
    for (name, bytes) in &files {
        assert!(is_sealed(bytes), "{name} is encrypted");
        assert_ne!(name, &invitation, "the name does not give away the content's hash");
        assert!(!bytes.windows(9).any(|window| window == b"Einladung"));
    }
    assert_eq!(read(&conn, &invitation).unwrap(), b"Einladung des Oberbuergermeisters");
    let later = keep(&conn, b"Hotelbestaetigung").unwrap();
    assert!(!documents_dir(&conn).unwrap().join(&later).exists());
    assert_eq!(read(&conn, &later).unwrap(), b"Hotelbestaetigung");
    name_document(&conn, &later);

    unprotect(&conn).unwrap();
    let names: Vec<String> = stored_files(&conn).into_iter().map(|(name, _)| name).collect();
    let mut expected = vec![invitation.clone(), content_hash(b"Memorandum, unterzeichnet"), later.clone()];
    expected.sort();
    assert_eq!(names, expected);
    assert_eq!(read(&conn, &later).unwrap(), b"Hotelbestaetigung");
    assert_eq!(conn.query_row("SELECT count(*) FROM document_protection", [], |row| row.get::<_, i64>(0)).unwrap(), 0);
}

#[test]
fn an_unnamed_file_is_released_found_again_and_swept_after_the_backups() {
    let (dir, conn) = database();
    let kept = keep(&conn, b"Flugticket").unwrap();
    let gone = keep(&conn, b"Altes Programm").unwrap();
    name_document(&conn, &kept);
    assert_eq!(release_unnamed(&conn).unwrap(), 1);
    assert_eq!(stored_files(&conn).len(), 1);
    assert_eq!(read(&conn, &gone).unwrap(), b"Altes Programm", "a restore still finds it");

    let db = dir.path().join("partnerdesk.sqlite");
    let before_release = SystemTime::now() - std::time::Duration::from_secs(3600);
    assert_eq!(sweep_released(&db, before_release).unwrap(), 0, "a backup older than the release may name it");
    assert_eq!(sweep_released(&db, SystemTime::now() + std::time::Duration::from_secs(60)).unwrap(), 1);
    assert!(read(&conn, &gone).is_err());

    assert_eq!(keep(&conn, b"Flugticket").unwrap(), kept);
    erase_unnamed(&conn, &kept).unwrap();
    assert!(read(&conn, &kept).is_ok(), "a named file is never erased");
    conn.execute("DELETE FROM documents", []).unwrap();
    erase_unnamed(&conn, &kept).unwrap();
    assert!(stored_files(&conn).is_empty());
}

#[test]
fn a_file_over_the_limit_or_without_a_database_file_is_refused() {
    let (_dir, conn) = database();
    let big = vec![0u8; MAX_DOCUMENT_BYTES as usize + 1];
    let Err(Error::Validation(fields)) = keep(&conn, &big) else { panic!("too large") };
    assert_eq!(fields[0].code, "too_large");
    let memory = crate::store::open_in_memory().unwrap();
    assert!(matches!(keep(&memory, b"x"), Err(Error::DatabaseUnavailable(_))));
    settle(&memory).unwrap();
}

#[test]
fn plain_content_that_begins_like_a_sealed_file_is_kept_and_read_as_it_is() {
    let (_dir, conn) = database();
    let tricky = [SEALED.as_slice(), b"not really sealed"].concat();
    let hash = keep(&conn, &tricky).unwrap();
    name_document(&conn, &hash);
    assert_eq!(read(&conn, &hash).unwrap(), tricky);
    protect(&conn).unwrap();
    assert!(!documents_dir(&conn).unwrap().join(&hash).exists(), "encrypted like any other file");
    assert_eq!(read(&conn, &hash).unwrap(), tricky);
    unprotect(&conn).unwrap();
    assert_eq!(read(&conn, &hash).unwrap(), tricky);
}
