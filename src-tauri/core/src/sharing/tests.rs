use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::*;
use crate::store;

const KEY: &str = "Partnerschaft Jinhua 2026";
const PASSPORT: &str = "C4X9TRV21";
const HEALTH: &str = "Erdnussallergie";
const INTERNAL: &str = "Intern: Sitzordnung klären";
const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

struct Office {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    root: PathBuf,
}

impl Office {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Nextcloud/Partnerschaften");
        std::fs::create_dir_all(&folder).unwrap();
        Office { root: dir.path().to_path_buf(), folder, _dir: dir }
    }

    fn input(&self, name: &str) -> SharingInput {
        SharingInput { folder: self.folder.display().to_string(), passphrase: KEY.into(), device_name: name.into() }
    }

    fn laptop(&self, name: &str) -> Connection {
        store::open(&self.root.join(format!("{name}.sqlite"))).unwrap()
    }

    /// The first laptop, with the demo office, sharing; then the others joined from the folder.
    fn three_laptops(&self) -> [Connection; 3] {
        let a = self.laptop("a");
        crate::demo::load_demo(&a).unwrap();
        turn_on(&a, &self.input("Laptop A")).unwrap();
        sync(&a).unwrap();
        let b = self.laptop("b");
        join(&b, &self.input("Laptop B")).unwrap();
        let c = self.laptop("c");
        join(&c, &self.input("Laptop C")).unwrap();
        [a, b, c]
    }
}

fn one(conn: &Connection, sql: &str) -> String {
    use rusqlite::types::Value;
    match conn.query_row(sql, [], |row| row.get::<_, Value>(0)).unwrap() {
        Value::Text(text) => text,
        Value::Integer(number) => number.to_string(),
        Value::Null => String::new(),
        other => format!("{other:?}"),
    }
}

fn later() {
    std::thread::sleep(std::time::Duration::from_millis(3));
}

/// Every shared table, sorted, as the office's laptops must agree on it: private columns left out.
fn shared_dump(conn: &Connection) -> Vec<String> {
    let tables = tables::shared_tables(conn, crate::audience::Outgoing::OfficeSharing).unwrap();
    let mut lines = Vec::new();
    for name in RECORD_TABLES {
        let table = &tables[name];
        let columns: Vec<&String> = table
            .columns
            .iter()
            .zip(&table.private)
            .filter(|(_, private)| private.is_none())
            .map(|(column, _)| column)
            .collect();
        let select = columns.iter().map(|column| format!("quote({column})")).collect::<Vec<_>>().join(" || '|' || ");
        let mut rows: Vec<String> = conn
            .prepare(&format!("SELECT {select} FROM {name}"))
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows.sort();
        lines.extend(rows.into_iter().map(|row| format!("{name}: {row}")));
    }
    lines
}

fn lost_values(conns: &[&Connection]) -> Vec<String> {
    let mut values: Vec<String> = conns
        .iter()
        .flat_map(|conn| {
            conn.prepare("SELECT lost_value FROM sharing_conflicts")
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .map(|value| value.unwrap())
                .collect::<Vec<String>>()
        })
        .collect();
    values.sort();
    values
}

fn every_file(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(every_file(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// Offline edits on three laptops that touch each rule, then syncs in `order`, twice round.
fn edit_offline_and_sync(order: [usize; 3]) {
    let office = Office::new();
    let laptops = office.three_laptops();
    let [a, b, c] = &laptops;
    let trip = one(a, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    let item = one(a, &format!("SELECT id FROM programme_items WHERE trip_id = '{trip}' ORDER BY start_utc LIMIT 1"));
    let person = one(a, "SELECT id FROM people WHERE name_latin = 'Rolf Hamacher'");
    let other_trip = one(a, &format!("SELECT id FROM trips WHERE title <> '{TO_JINHUA}' ORDER BY id LIMIT 1"));

    // A and B edit different fields of one trip: both edits stay.
    a.execute(
        "UPDATE trips SET purpose = 'Wasserstoff und Bildung', updated_at = ?2 WHERE id = ?1",
        [&trip, &store::now()],
    )
    .unwrap();
    later();
    b.execute(
        "UPDATE trips SET partner_place = 'Jinhua (Zhejiang)', updated_at = ?2 WHERE id = ?1",
        [&trip, &store::now()],
    )
    .unwrap();
    // A and B edit one field of one item: B's later title wins, A's is in a conflict list.
    later();
    a.execute(
        "UPDATE programme_items SET title = 'Titel von A', updated_at = ?2 WHERE id = ?1",
        [&item, &store::now()],
    )
    .unwrap();
    later();
    b.execute(
        "UPDATE programme_items SET title = 'Titel von B', updated_at = ?2 WHERE id = ?1",
        [&item, &store::now()],
    )
    .unwrap();
    // C deletes a person for good while A edits them: the deletion stands.
    later();
    c.execute("DELETE FROM people WHERE id = ?1", [&person]).unwrap();
    a.execute(
        "UPDATE people SET function_title = 'Fraktionsvorsitzender', updated_at = ?2 WHERE id = ?1",
        [&person, &store::now()],
    )
    .unwrap();
    // B and C both add the theme area "Kultur": one keeps the name, the other is marked.
    crate::partnerships::themes::add_theme(b, "Kultur").unwrap();
    later();
    crate::partnerships::themes::add_theme(c, "Kultur").unwrap();
    // C deletes a trip for good while A adds an outcome to one of its items: the outcome goes too.
    let other_item = one(a, &format!("SELECT id FROM programme_items WHERE trip_id = '{other_trip}' LIMIT 1"));
    c.execute("DELETE FROM trips WHERE id = ?1", [&other_trip]).unwrap();
    if !other_item.is_empty() {
        a.execute(
            "INSERT INTO outcomes (id, item_id, text, position, created_at, updated_at) VALUES (?1, ?2, 'Absichtserklärung', 99, ?3, ?3)",
            [&store::new_id(), &other_item, &store::now()],
        )
        .unwrap();
    }
    // A records what must never leave A.
    a.execute(
        "UPDATE members SET passport_number = ?2, dietary = ?3, updated_at = ?4 WHERE trip_id = ?1 AND precedence = 1",
        [&trip, PASSPORT, HEALTH, &store::now()],
    )
    .unwrap();
    a.execute("UPDATE programme_items SET notes_internal = ?2 WHERE id = ?1", [&item, INTERNAL]).unwrap();

    for _ in 0..2 {
        for at in order {
            sync(&laptops[at]).unwrap();
        }
    }

    let dumps: Vec<Vec<String>> = laptops.iter().map(shared_dump).collect();
    assert_eq!(dumps[0], dumps[1], "A and B agree");
    assert_eq!(dumps[1], dumps[2], "B and C agree");
    for laptop in &laptops {
        assert_eq!(one(laptop, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Wasserstoff und Bildung");
        assert_eq!(one(laptop, &format!("SELECT partner_place FROM trips WHERE id = '{trip}'")), "Jinhua (Zhejiang)");
        assert_eq!(one(laptop, &format!("SELECT title FROM programme_items WHERE id = '{item}'")), "Titel von B");
        assert_eq!(one(laptop, &format!("SELECT count(*) FROM people WHERE id = '{person}'")), "0");
        assert_eq!(one(laptop, &format!("SELECT count(*) FROM trips WHERE id = '{other_trip}'")), "0");
        assert_eq!(
            one(laptop, "SELECT count(*) FROM theme_areas WHERE name = 'Kultur' OR name LIKE 'Kultur (____)'"),
            "2"
        );
        assert_eq!(one(laptop, "SELECT count(*) FROM theme_areas WHERE name = 'Kultur'"), "1");
        assert_eq!(
            one(laptop, &format!("SELECT notes_internal FROM programme_items WHERE id = '{item}'")),
            INTERNAL,
            "internal notes travel in the office"
        );
    }
    assert_eq!(one(b, "SELECT count(*) FROM members WHERE passport_number <> '' OR dietary = 'Erdnussallergie'"), "0");
    assert_eq!(
        one(a, &format!("SELECT passport_number FROM members WHERE trip_id = '{trip}' AND precedence = 1")),
        PASSPORT,
        "A keeps its own"
    );
    let lost = lost_values(&[a, b, c]);
    assert!(lost.contains(&"\"Titel von A\"".to_string()), "{lost:?}");
    assert!(lost.contains(&"\"Fraktionsvorsitzender\"".to_string()), "{lost:?}");
    assert!(lost.contains(&"\"Kultur\"".to_string()), "{lost:?}");

    for path in every_file(&office.folder) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(name == "office-key.json" || name.ends_with(".pdsync") && !name.contains("conflict"), "{name}");
        let bytes = std::fs::read(&path).unwrap();
        for secret in [PASSPORT, HEALTH, INTERNAL, "Titel von A", "Rolf Hamacher"] {
            assert!(!String::from_utf8_lossy(&bytes).contains(secret), "{secret} readable in {name}");
        }
    }
}

#[test]
fn three_laptops_agree_after_syncing_a_b_c() {
    edit_offline_and_sync([0, 1, 2]);
}

#[test]
fn three_laptops_agree_after_syncing_c_b_a() {
    edit_offline_and_sync([2, 1, 0]);
}

#[test]
fn what_a_laptop_keeps_to_itself_is_not_in_its_change_files_even_decrypted() {
    let office = Office::new();
    let a = office.laptop("a");
    crate::demo::load_demo(&a).unwrap();
    a.execute("UPDATE members SET passport_number = ?1, dietary = ?2, accessibility = 'Rollstuhl', date_of_birth = '1970-01-02'", [PASSPORT, HEALTH]).unwrap();
    a.execute("UPDATE programme_items SET notes_internal = ?1", [INTERNAL]).unwrap();
    turn_on(&a, &office.input("Laptop A")).unwrap();
    assert!(sync(&a).unwrap().sent > 100);
    a.execute(
        "UPDATE members SET passport_number = 'X1234567', visa_status = 'erteilt', updated_at = ?1",
        [store::now()],
    )
    .unwrap();
    sync(&a).unwrap();

    let key = setup(&a).unwrap().unwrap().key;
    let mut decrypted = String::new();
    for (_, _, path) in files::list_changes(&office.folder).unwrap() {
        let change = files::open_change(&std::fs::read(&path).unwrap(), &key, store::schema_version(), "test").unwrap();
        decrypted += &String::from_utf8_lossy(&change.changeset);
    }
    assert!(decrypted.contains(INTERNAL), "the decrypted changes are readable, so the search below can fail");
    for secret in [PASSPORT, "X1234567", HEALTH, "Rollstuhl", "1970-01-02", "erteilt"] {
        assert!(!decrypted.contains(secret), "{secret} in a change file");
    }
}

#[test]
fn a_wrong_office_key_is_refused_and_changes_nothing() {
    let office = Office::new();
    let a = office.laptop("a");
    crate::demo::load_demo(&a).unwrap();
    turn_on(&a, &office.input("Laptop A")).unwrap();
    sync(&a).unwrap();

    let b = office.laptop("b");
    let wrong = SharingInput { passphrase: "Partnerschaft Luzhou 2026".into(), ..office.input("Laptop B") };
    assert!(matches!(join(&b, &wrong), Err(Error::OfficeKey(_))));
    assert!(!status(&b).unwrap().enabled);
    assert_eq!(one(&b, "SELECT count(*) FROM trips"), "0");
    let short = SharingInput { passphrase: "kurz".into(), ..office.input("Laptop B") };
    assert!(matches!(join(&b, &short), Err(Error::Validation(_))));

    // A file sealed with another key, as if from a laptop with an old key, is refused whole.
    let files_before = files::list_changes(&office.folder).unwrap().len();
    let other = Office::new();
    let stranger = files::office_key(&other.folder, "ein ganz anderer Schlüssel").unwrap();
    let header =
        files::new_header("0192b3c4-0000-7000-8000-00000000abcd", 1, store::schema_version(), Default::default());
    let bytes = files::seal_change(&stranger, &header, "Fremd", b"nonsense").unwrap();
    files::write_once(&files::change_path(&office.folder, &header.device, 1), &bytes).unwrap();
    let c = office.laptop("c");
    let before = shared_dump(&a);
    let error = sync(&a).unwrap_err();
    assert!(matches!(error, Error::OfficeKey(_)), "{error}");
    assert_eq!(shared_dump(&a), before);
    assert_eq!(files::list_changes(&office.folder).unwrap().len(), files_before + 1);
    drop(c);
}

#[test]
fn a_file_from_a_newer_partnerdesk_is_refused_with_the_reason() {
    let office = Office::new();
    let a = office.laptop("a");
    turn_on(&a, &office.input("Laptop A")).unwrap();
    let key = setup(&a).unwrap().unwrap().key;
    let header =
        files::new_header("0192b3c4-0000-7000-8000-00000000abcd", 1, store::schema_version() + 1, Default::default());
    let bytes = files::seal_change(&key, &header, "Neuer Laptop", b"").unwrap();
    files::write_once(&files::change_path(&office.folder, &header.device, 1), &bytes).unwrap();
    let error = sync(&a).unwrap_err().to_string();
    assert!(error.contains("newer Partnerdesk") && error.contains("update"), "{error}");
    for damaged in [&bytes[..20], b"PDSYNC\0\x01\xff\xff\xff\xff".as_slice(), b"not a change file".as_slice()] {
        let error = files::open_change(damaged, &key, store::schema_version(), "x.pdsync").unwrap_err();
        assert!(error.to_string().contains("not a Partnerdesk change file"), "{error}");
    }
}

#[test]
fn without_sharing_nothing_is_written_and_nothing_runs() {
    let office = Office::new();
    let a = office.laptop("a");
    crate::demo::load_demo(&a).unwrap();
    assert!(!status(&a).unwrap().enabled);
    assert!(matches!(sync(&a), Err(Error::Sharing(_))));
    assert!(!office.root.join("a.sqlite.sharing-base").exists());
    assert!(std::fs::read_dir(&office.folder).unwrap().next().is_none());
}

#[test]
fn deletions_travel_and_a_lost_value_can_be_taken_back() {
    let office = Office::new();
    let [a, b, _c] = office.three_laptops();
    let task = one(&a, "SELECT id FROM tasks ORDER BY id LIMIT 1");
    let gift = one(&a, "SELECT id FROM gifts ORDER BY id LIMIT 1");
    a.execute("DELETE FROM gifts WHERE id = ?1", [&gift]).unwrap();
    a.execute("UPDATE tasks SET title = 'Von A', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ?1", [&task])
        .unwrap();
    b.execute("UPDATE tasks SET title = 'Von B', updated_at = '2030-01-01T00:00:01.000Z' WHERE id = ?1", [&task])
        .unwrap();
    sync(&a).unwrap();
    let summary = sync(&b).unwrap();
    assert_eq!(summary.conflicts, 1, "{summary:?}");
    assert_eq!(one(&b, &format!("SELECT count(*) FROM gifts WHERE id = '{gift}'")), "0", "the deletion travelled");
    assert_eq!(one(&b, &format!("SELECT title FROM tasks WHERE id = '{task}'")), "Von B");

    let conflicts = list_conflicts(&b, PageRequest::default()).unwrap();
    assert_eq!(conflicts.total, 1);
    let conflict = &conflicts.items[0];
    assert_eq!(
        (conflict.kind.as_str(), conflict.lost_value.as_str(), conflict.lost_by.as_str()),
        ("concurrent_edit", "\"Von A\"", "Laptop A")
    );
    assert_eq!(conflict.record_label, "Von B");
    keep_lost_value(&b, &conflict.id).unwrap();
    assert_eq!(list_conflicts(&b, PageRequest::default()).unwrap().total, 0);
    assert_eq!(one(&b, &format!("SELECT title FROM tasks WHERE id = '{task}'")), "Von A");
    sync(&b).unwrap();
    sync(&a).unwrap();
    assert_eq!(one(&a, &format!("SELECT title FROM tasks WHERE id = '{task}'")), "Von A", "taken back everywhere");
    assert!(matches!(keep_lost_value(&b, &conflict.id), Err(Error::NotFound(_))));
}

#[test]
fn every_table_is_either_shared_or_kept_on_the_laptop() {
    let conn = store::open_in_memory().unwrap();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for name in names {
        assert!(
            RECORD_TABLES.contains(&name.as_str()) ^ tables::LOCAL.contains(&name.as_str()),
            "{name}: shared or local?"
        );
    }
}

#[test]
fn a_restored_backup_does_not_undo_what_the_office_did_since() {
    let office = Office::new();
    let [a, b, _c] = office.three_laptops();
    let backup = office.root.join("a-backup.sqlite");
    crate::store::backup::backup_to(&a, &backup, None).unwrap();
    let trip = one(&a, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    a.execute("UPDATE trips SET purpose = 'Nach der Sicherung', updated_at = ?2 WHERE id = ?1", [&trip, &store::now()])
        .unwrap();
    sync(&a).unwrap();
    later();
    b.execute(
        "UPDATE trips SET partner_place = 'Jinhua, Zhejiang', updated_at = ?2 WHERE id = ?1",
        [&trip, &store::now()],
    )
    .unwrap();
    sync(&b).unwrap();

    let path = office.root.join("a.sqlite");
    drop(a);
    crate::store::backup::restore_from(&path, &backup, None).unwrap();
    let a = store::open(&path).unwrap();
    assert_ne!(one(&a, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Nach der Sicherung", "restored");
    sync(&a).unwrap();
    sync(&b).unwrap();
    for laptop in [&a, &b] {
        assert_eq!(one(laptop, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Nach der Sicherung");
        assert_eq!(one(laptop, &format!("SELECT partner_place FROM trips WHERE id = '{trip}'")), "Jinhua, Zhejiang");
    }
    assert_eq!(shared_dump(&a), shared_dump(&b));
}

#[test]
fn a_folder_out_of_reach_is_said_as_such_and_changes_nothing() {
    let office = Office::new();
    let a = office.laptop("a");
    crate::demo::load_demo(&a).unwrap();
    turn_on(&a, &office.input("Laptop A")).unwrap();
    sync(&a).unwrap();
    a.execute("UPDATE trips SET purpose = 'unterwegs geändert', updated_at = ?1", [store::now()]).unwrap();
    let before = shared_dump(&a);
    std::fs::rename(&office.folder, office.root.join("unmounted")).unwrap();
    let error = sync(&a).unwrap_err();
    assert!(matches!(&error, Error::Validation(fields) if fields[0].code == "folder_unreachable"), "{error}");
    assert_eq!(shared_dump(&a), before);
    std::fs::rename(office.root.join("unmounted"), &office.folder).unwrap();
    assert_eq!(sync(&a).unwrap().sent, 5, "what changed offline goes once the folder is back");
}

#[test]
fn a_signed_agreement_travels_encrypted_and_a_passport_copy_stays_on_its_laptop() {
    use crate::documents::{attach_bytes, content, list_documents, DocumentOwner, DocumentOwnerKind};
    let office = Office::new();
    let a = office.laptop("a");
    crate::demo::load_demo(&a).unwrap();
    turn_on(&a, &office.input("Laptop A")).unwrap();
    let agreement = DocumentOwner {
        kind: DocumentOwnerKind::Agreement,
        id: one(&a, "SELECT id FROM agreements ORDER BY id LIMIT 1"),
    };
    let member =
        DocumentOwner { kind: DocumentOwnerKind::Member, id: one(&a, "SELECT id FROM members ORDER BY id LIMIT 1") };
    let signed = attach_bytes(&a, &agreement, "Memorandum Jinhua.pdf", b"%PDF-1.7 unterzeichnet in Jinhua").unwrap();
    attach_bytes(&a, &member, "Reisepass.pdf", b"%PDF-1.7 Passkopie").unwrap();
    sync(&a).unwrap();
    let hash = crate::store::document_files::content_hash(b"%PDF-1.7 unterzeichnet in Jinhua");
    let in_folder = std::fs::read(files::document_path(&office.folder, &hash)).unwrap();
    assert!(!String::from_utf8_lossy(&in_folder).contains("unterzeichnet"), "encrypted in the folder");
    let passport = crate::store::document_files::content_hash(b"%PDF-1.7 Passkopie");
    assert!(!files::document_path(&office.folder, &passport).exists(), "a passport copy never goes to the folder");

    let b_path = office.root.join("Laptop B").join("b.sqlite");
    let b = store::open(&b_path).unwrap();
    join(&b, &office.input("Laptop B")).unwrap();
    assert_eq!(
        content(&b, &signed.id).unwrap(),
        ("Memorandum Jinhua.pdf".to_string(), b"%PDF-1.7 unterzeichnet in Jinhua".to_vec())
    );
    assert!(list_documents(&b, &member).unwrap().is_empty(), "nor does its record");
    assert_ne!(crate::store::documents_dir(&office.root.join("a.sqlite")), crate::store::documents_dir(&b_path));
}

#[test]
fn the_state_of_the_last_sync_is_encrypted_when_the_database_is() {
    let office = Office::new();
    let path = office.root.join("encrypted.sqlite");
    let key = crate::store::encryption::Passphrase::new("Verschlüsselt seit 2026");
    let a = store::open_with_key(&path, Some(&key)).unwrap();
    crate::demo::load_demo(&a).unwrap();
    turn_on(&a, &office.input("Laptop A")).unwrap();
    sync(&a).unwrap();
    let base = std::fs::read(store::sharing_base_path(&path, "")).unwrap();
    assert!(base.len() > 4096, "the base holds the office's records");
    assert_ne!(&base[..16], b"SQLite format 3\0", "the base is not a plain SQLite file");
    assert!(!String::from_utf8_lossy(&base).contains("Jinhua"));
}

/// Whether any file in the folder, decrypted, holds `text`.
fn folder_holds(office: &Office, key: &OfficeKey, text: &str) -> bool {
    every_file(&files::sync_dir(&office.folder)).iter().any(|path| {
        let bytes = std::fs::read(path).unwrap();
        let name = path.display().to_string();
        let readable = match path.extension().and_then(|extension| extension.to_str()) {
            Some("pdsync") => files::open_change(&bytes, key, store::schema_version(), &name).unwrap().changeset,
            Some("pdsnap") => files::open_snapshot(&bytes, key, store::schema_version(), &name).unwrap().changeset,
            _ => bytes,
        };
        readable.windows(text.len()).any(|window| window == text.as_bytes())
    })
}

fn own_files(office: &Office, laptop: &Connection) -> usize {
    let device = setup(laptop).unwrap().unwrap().device;
    files::list_changes(&office.folder).unwrap().iter().filter(|(owner, ..)| *owner == device).count()
}

#[test]
fn a_laptop_takes_its_files_out_once_a_snapshot_covers_them_and_every_colleague_has_them() {
    let office = Office::new();
    let [a, b, c] = office.three_laptops();
    let trip = one(&a, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    a.execute("UPDATE trips SET purpose = 'Vor dem Aufräumen', updated_at = ?2 WHERE id = ?1", [&trip, &store::now()])
        .unwrap();

    let (_, first) = compact(&a).unwrap();
    assert!(first.snapshot_written);
    assert_eq!((first.removed, first.kept), (1, 1), "the file B and C have not applied yet stays");
    sync(&b).unwrap();
    sync(&c).unwrap();
    assert_eq!(own_files(&office, &a), 1);
    sync(&a).unwrap();
    assert_eq!(own_files(&office, &a), 0, "once B and C have it, any sync takes it out");
    let (_, second) = compact(&a).unwrap();
    assert!(second.snapshot_written);
    assert_eq!((second.removed, second.kept), (1, 0), "the older snapshot goes");
    assert_eq!(files::list_snapshots(&office.folder).unwrap().len(), 1);

    let d = office.laptop("d");
    let joined = join(&d, &office.input("Laptop D")).unwrap();
    assert!(joined.applied > 100, "D starts from the snapshot: {joined:?}");
    assert_eq!(shared_dump(&d), shared_dump(&a));
    assert_eq!(one(&d, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Vor dem Aufräumen");

    later();
    d.execute("UPDATE trips SET purpose = 'Von D', updated_at = ?2 WHERE id = ?1", [&trip, &store::now()]).unwrap();
    sync(&d).unwrap();
    for laptop in [&a, &b, &c] {
        sync(laptop).unwrap();
        assert_eq!(one(laptop, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Von D");
    }
}

#[test]
fn a_person_erased_for_good_leaves_the_folder_once_every_laptop_has_tidied_up() {
    let office = Office::new();
    let [a, b, c] = office.three_laptops();
    let key = setup(&a).unwrap().unwrap().key;
    let person = one(&a, "SELECT id FROM people WHERE name_latin = 'Rolf Hamacher'");
    b.execute("UPDATE people SET phone = '+49 2421 22-1234', updated_at = ?2 WHERE id = ?1", [&person, &store::now()])
        .unwrap();
    for laptop in [&b, &a, &c] {
        sync(laptop).unwrap();
    }
    assert!(folder_holds(&office, &key, "Rolf Hamacher") && folder_holds(&office, &key, "22-1234"));

    crate::privacy::erase_person(&a, &person).unwrap();
    for laptop in [&a, &b, &c, &a, &b, &c] {
        compact(laptop).unwrap();
    }
    for text in ["Rolf Hamacher", "22-1234"] {
        assert!(!folder_holds(&office, &key, text), "{text} is still in the folder");
    }
    assert_eq!(shared_dump(&a), shared_dump(&b));
    assert_eq!(shared_dump(&b), shared_dump(&c));
    assert_eq!(one(&c, &format!("SELECT count(*) FROM people WHERE id = '{person}'")), "0");
}

#[test]
fn a_laptop_that_stops_sharing_is_no_longer_waited_for() {
    let office = Office::new();
    let [a, b, c] = office.three_laptops();
    a.execute("UPDATE trips SET purpose = 'Ohne C', updated_at = ?1", [store::now()]).unwrap();
    sync(&a).unwrap();
    sync(&b).unwrap();
    assert!(compact(&a).unwrap().1.kept > 0, "C has not applied A's last file");
    turn_off(&c).unwrap();
    assert_eq!(compact(&a).unwrap().1.kept, 0);
    assert!(setup(&c).unwrap().is_none());
}

#[test]
fn a_backup_restored_after_tidying_up_takes_the_snapshot_and_numbers_on() {
    let office = Office::new();
    let [a, b, c] = office.three_laptops();
    let backup = office.root.join("a-backup.sqlite");
    crate::store::backup::backup_to(&a, &backup, None).unwrap();
    let trip = one(&a, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    a.execute("UPDATE trips SET purpose = 'Nach der Sicherung', updated_at = ?2 WHERE id = ?1", [&trip, &store::now()])
        .unwrap();
    for laptop in [&a, &b, &c, &a] {
        sync(laptop).unwrap();
    }
    assert_eq!(compact(&a).unwrap().1.kept, 0);

    let path = office.root.join("a.sqlite");
    drop(a);
    crate::store::backup::restore_from(&path, &backup, None).unwrap();
    let a = store::open(&path).unwrap();
    sync(&a).unwrap();
    assert_eq!(one(&a, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Nach der Sicherung");
    later();
    a.execute(
        "UPDATE trips SET purpose = 'Nach der Rücksicherung', updated_at = ?2 WHERE id = ?1",
        [&trip, &store::now()],
    )
    .unwrap();
    sync(&a).unwrap();
    sync(&b).unwrap();
    assert_eq!(one(&b, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Nach der Rücksicherung");
    assert_eq!(shared_dump(&a), shared_dump(&b));
}

const BETWEEN_OFFICES: &str = "Stadt und Kreis Düren teilen";

fn partner_input(folder: &Path, name: &str, our_name: &str) -> partner_offices::PartnerOfficeInput {
    partner_offices::PartnerOfficeInput {
        name: name.into(),
        folder: folder.display().to_string(),
        passphrase: BETWEEN_OFFICES.into(),
        our_name: our_name.into(),
    }
}

fn share(laptop: &Connection, office_id: &str, trip: &str, shared: bool) {
    let input = partner_offices::ShareInput {
        office_id: office_id.into(),
        trip_id: Some(trip.into()),
        partnership_id: None,
        shared,
    };
    partner_offices::set_shared(laptop, &input).unwrap();
}

/// Every decrypted change file in `folder`, as text.
fn decrypted(folder: &Path, key: &OfficeKey) -> String {
    files::list_changes(folder)
        .unwrap()
        .iter()
        .map(|(_, _, path)| {
            let change =
                files::open_change(&std::fs::read(path).unwrap(), key, store::schema_version(), "test").unwrap();
            String::from_utf8_lossy(&change.changeset).to_string()
        })
        .collect()
}

#[test]
fn a_partner_office_gets_only_the_trips_shared_with_it_and_nothing_internal() {
    let office = Office::new();
    let [a, b, _c] = office.three_laptops();
    let between = office.root.join("Nextcloud/Stadt und Kreis");
    std::fs::create_dir_all(&between).unwrap();
    let trip = one(&a, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    let other_trip = one(&a, &format!("SELECT title FROM trips WHERE id <> '{trip}' ORDER BY id LIMIT 1"));
    let task = one(&a, "SELECT title FROM tasks ORDER BY id LIMIT 1");
    a.execute("UPDATE trips SET notes = ?2, updated_at = ?3 WHERE id = ?1", [&trip, INTERNAL, &store::now()]).unwrap();
    a.execute("UPDATE members SET passport_number = ?2 WHERE trip_id = ?1", [&trip, PASSPORT]).unwrap();

    let kreis = partner_offices::link(&a, &partner_input(&between, "Kreis Düren", "Stadt Düren")).unwrap();
    let refused = partner_offices::link(&a, &partner_input(&office.folder, "Kreis Düren", "Stadt Düren"));
    assert!(matches!(refused, Err(Error::Validation(ref fields)) if fields[0].code == "folder_in_use"), "{refused:?}");
    let k = office.laptop("k");
    let stadt = partner_offices::link(&k, &partner_input(&between, "Stadt Düren", "Kreis Düren")).unwrap();
    let mut wrong = partner_input(&between, "Stadt Düren", "Kreis Düren");
    wrong.passphrase = "nicht der vereinbarte Schlüssel".into();
    assert!(matches!(partner_offices::link(&k, &wrong), Err(Error::Validation(_) | Error::OfficeKey(_))));

    share(&a, &kreis.id, &trip, true);
    sync(&a).unwrap();
    let received = sync(&k).unwrap();
    assert!(received.applied > 10, "{received:?}");
    assert_eq!(one(&k, "SELECT group_concat(title) FROM trips"), TO_JINHUA, "only the shared trip");
    let programme = format!("SELECT count(*) FROM programme_items WHERE trip_id = '{trip}'");
    assert_eq!(one(&k, &programme), one(&a, &programme));
    let delegation = format!("SELECT count(*) FROM members WHERE trip_id = '{trip}'");
    assert_eq!(one(&k, &delegation), one(&a, &delegation));
    assert_ne!(one(&k, "SELECT count(*) FROM people"), "0", "the register records the trip links to");
    assert_eq!(one(&k, "SELECT count(*) FROM tasks"), "0");
    assert_eq!(one(&k, &format!("SELECT notes FROM trips WHERE id = '{trip}'")), "");
    let key = partner_offices::setup(&a, &kreis.id).unwrap().key;
    let sent = decrypted(&between, &key);
    assert!(sent.contains(TO_JINHUA), "the decrypted changes are readable, so the search below can fail");
    for kept_here in [INTERNAL, PASSPORT, other_trip.as_str(), task.as_str()] {
        assert!(!sent.contains(kept_here), "{kept_here} went to the partner office");
    }

    // The Kreis shares the trip back and edits it: the Stadt's laptops get the edit.
    share(&k, &stadt.id, &trip, true);
    later();
    k.execute(
        "UPDATE trips SET purpose = 'Gemeinsam mit dem Kreis', updated_at = ?2 WHERE id = ?1",
        [&trip, &store::now()],
    )
    .unwrap();
    sync(&k).unwrap();
    sync(&a).unwrap();
    sync(&b).unwrap();
    for laptop in [&a, &b] {
        assert_eq!(one(laptop, &format!("SELECT purpose FROM trips WHERE id = '{trip}'")), "Gemeinsam mit dem Kreis");
        assert_eq!(one(laptop, &format!("SELECT notes FROM trips WHERE id = '{trip}'")), INTERNAL, "kept here");
    }

    // Stopping to share sends no deletion: the Kreis keeps its copy.
    share(&a, &kreis.id, &trip, false);
    assert_eq!(partner_offices::list(&a).unwrap()[0].trips, 0);
    sync(&a).unwrap();
    sync(&k).unwrap();
    assert_eq!(one(&k, "SELECT count(*) FROM trips"), "1");
    assert_eq!(one(&k, &programme), one(&a, &programme));

    partner_offices::unlink(&a, &kreis.id).unwrap();
    assert!(partner_offices::list(&a).unwrap().is_empty());
    assert_eq!(one(&a, &format!("SELECT count(*) FROM trips WHERE id = '{trip}'")), "1", "the records stay");
}

#[test]
fn the_search_finds_what_a_sync_brought_and_forgets_what_it_took_away() {
    use crate::search::{search, SearchKind};
    let office = Office::new();
    let [a, b, _c] = office.three_laptops();
    let found = |conn: &Connection, typed: &str| -> Vec<String> {
        search(conn, typed, Some(SearchKind::Task)).unwrap().into_iter().map(|hit| hit.title).collect()
    };
    assert!(!search(&b, "Städteregion Jinhua", Some(SearchKind::Trip)).unwrap().is_empty(), "joined from the folder");
    let task = one(&a, "SELECT id FROM tasks ORDER BY id LIMIT 1");
    a.execute(
        "UPDATE tasks SET title = 'Quastenflosser-Ausstellung abstimmen', updated_at = ?2 WHERE id = ?1",
        [&task, &store::now()],
    )
    .unwrap();
    sync(&a).unwrap();
    sync(&b).unwrap();
    assert_eq!(found(&b, "quastenflosser"), ["Quastenflosser-Ausstellung abstimmen"]);
    a.execute("DELETE FROM tasks WHERE id = ?1", [&task]).unwrap();
    sync(&a).unwrap();
    sync(&b).unwrap();
    assert!(found(&b, "quastenflosser").is_empty(), "the deletion left the index too");
}

#[test]
fn a_change_file_holding_a_text_over_its_limit_is_refused_whole_and_named() {
    let office = Office::new();
    let [a, b, _] = office.three_laptops();
    let trip = one(&a, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    // Another version of Partnerdesk, or a hand-made file, could carry what no form lets through.
    a.execute(
        "UPDATE trips SET purpose = 'Wasserstoff', title = ?2, updated_at = ?3 WHERE id = ?1",
        [&trip, &"题".repeat(crate::limits::TextKind::Title.max_chars() + 1), &store::now()],
    )
    .unwrap();
    sync(&a).unwrap();
    let device_a = one(&a, "SELECT value FROM settings WHERE key = 'sharing.device'");
    let applied_from_a = format!("SELECT max(sequence) FROM sharing_applied WHERE device = '{device_a}'");
    let before = (shared_dump(&b), one(&b, &applied_from_a));

    let Err(Error::Validation(fields)) = sync(&b) else { panic!("the file is refused") };
    assert_eq!((fields[0].field.as_str(), fields[0].code.as_str()), ("file", "change_text_too_long"));
    assert_eq!(fields[0].values["field"], "trips.title");
    assert_eq!(fields[0].values["limit"], "300");
    assert_eq!(fields[0].values["device"], "Laptop A");
    assert!(fields[0].message.contains(&trip), "{}", fields[0].message);
    let after = (shared_dump(&b), one(&b, &applied_from_a));
    assert!(before == after, "nothing of the file is applied, the purpose neither");
}

mod any_order {
    //! Laptops that edit the same records offline and then sync in any order end alike.

    use proptest::prelude::*;

    use super::*;
    use crate::delegation::{add_member, MemberInput};
    use crate::programme::{add_item, ItemInput, ItemKind};

    #[derive(Debug, Clone)]
    enum Edit {
        RetitleTrip(String),
        RetitleItem(usize, String),
        AddItem(String),
        DeleteItem(usize),
        AddTheme(&'static str),
        AddMember(&'static str),
    }

    fn edit() -> impl Strategy<Value = (usize, Edit)> {
        let title = || proptest::string::string_regex("[A-ZÄÖÜ王][a-zäöüß王李 ]{2,20}").unwrap();
        let names = || proptest::sample::select(&["Kultur", "Sport", "Wirtschaft"][..]);
        let people = || proptest::sample::select(&["Rolf Hamacher", "Li Wei", "Anna Schmitz"][..]);
        let edit = prop_oneof![
            title().prop_map(Edit::RetitleTrip),
            (0_usize..8, title()).prop_map(|(at, title)| Edit::RetitleItem(at, title)),
            title().prop_map(Edit::AddItem),
            (0_usize..8).prop_map(Edit::DeleteItem),
            names().prop_map(Edit::AddTheme),
            people().prop_map(Edit::AddMember),
        ];
        (0_usize..3, edit)
    }

    fn make(laptop: &Connection, trip: &str, edit: &Edit) {
        let nth_item = |at: usize| {
            one(
                laptop,
                &format!("SELECT id FROM programme_items WHERE trip_id = '{trip}' ORDER BY id LIMIT 1 OFFSET {at}"),
            )
        };
        match edit {
            Edit::RetitleTrip(title) => {
                laptop
                    .execute("UPDATE trips SET title = ?2, updated_at = ?3 WHERE id = ?1", [trip, title, &store::now()])
                    .unwrap();
            }
            Edit::RetitleItem(at, title) => {
                laptop
                    .execute(
                        "UPDATE programme_items SET title = ?2, updated_at = ?3 WHERE id = ?1",
                        [&nth_item(*at), title, &store::now()],
                    )
                    .unwrap();
            }
            Edit::AddItem(title) => {
                let input = ItemInput::new(
                    ItemKind::Meeting,
                    title,
                    ("2026-10-22T10:00", "Asia/Shanghai"),
                    ("2026-10-22T11:00", "Asia/Shanghai"),
                );
                add_item(laptop, trip, &input).unwrap();
            }
            Edit::DeleteItem(at) => {
                laptop.execute("DELETE FROM programme_items WHERE id = ?1", [&nth_item(*at)]).unwrap();
            }
            // Refused when this laptop has the name already; the other laptops may not.
            Edit::AddTheme(name) => {
                let _ = crate::partnerships::themes::add_theme(laptop, name);
            }
            Edit::AddMember(name) => {
                let _ =
                    add_member(laptop, trip, &MemberInput { name_latin: name.to_string(), ..MemberInput::default() });
            }
        }
        later();
    }

    fn order() -> impl Strategy<Value = Vec<usize>> {
        Just(vec![0, 1, 2]).prop_shuffle()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn laptops_syncing_in_any_order_end_alike(
            edits in proptest::collection::vec(edit(), 1..12),
            first in order(),
            second in order(),
        ) {
            let office = Office::new();
            let laptops = office.three_laptops();
            let trip = one(&laptops[0], &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
            for (at, edit) in &edits {
                make(&laptops[*at], &trip, edit);
            }
            for at in first.iter().chain(&second) {
                sync(&laptops[*at]).unwrap();
            }
            let dumps: Vec<Vec<String>> = laptops.iter().map(shared_dump).collect();
            prop_assert!(dumps[0] == dumps[1], "A and B differ after {:?} then {:?}", first, second);
            prop_assert!(dumps[1] == dumps[2], "B and C differ after {:?} then {:?}", first, second);
        }
    }
}
