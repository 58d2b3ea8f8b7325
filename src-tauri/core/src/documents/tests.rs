use std::fs;

use chrono::NaiveDate;

use super::*;
use crate::delegation::{add_member, MemberInput};
use crate::privacy::{due_erasures, erase_due};
use crate::settings::{get_settings, update_settings, Settings};
use crate::store::backup::{backup_to, inspect_backup, restore_from};
use crate::trips::{create_trip, tests::trip_input, TripInput};

struct Office {
    dir: tempfile::TempDir,
    conn: Connection,
}

impl Office {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::store::open(&dir.path().join("partnerdesk.sqlite")).unwrap();
        Office { dir, conn }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("partnerdesk.sqlite")
    }

    fn trip(&self, end: &str) -> DocumentOwner {
        let input = TripInput { start_date: "2026-03-01".into(), end_date: end.into(), ..trip_input("Jinhua") };
        DocumentOwner { kind: DocumentOwnerKind::Trip, id: create_trip(&self.conn, &input).unwrap().id }
    }

    fn member(&self, trip: &DocumentOwner) -> DocumentOwner {
        let input = MemberInput { name_latin: "Wolfgang Spelthahn".into(), ..Default::default() };
        DocumentOwner {
            kind: DocumentOwnerKind::Member,
            id: add_member(&self.conn, &trip.id, &input).unwrap().member.id,
        }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let outside = self.dir.path().join("outside");
        fs::create_dir_all(&outside).unwrap();
        let path = outside.join(name);
        fs::write(&path, bytes).unwrap();
        path
    }
}

#[test]
fn a_file_is_copied_in_listed_with_its_record_and_changed() {
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    let source = office.file("Einladung Jinhua.pdf", b"%PDF-1.7 Einladung");
    let document = attach_file(&office.conn, &trip, &source).unwrap();
    fs::remove_file(&source).unwrap();
    assert_eq!(
        (document.name.as_str(), document.kind, document.size_bytes),
        ("Einladung Jinhua.pdf", DocumentKind::Invitation, 18)
    );
    assert!(!document.file_missing);
    assert_eq!(content(&office.conn, &document.id).unwrap().1, b"%PDF-1.7 Einladung", "the copy outlives the original");

    let again = attach_bytes(&office.conn, &trip, "Kopie.pdf", b"%PDF-1.7 Einladung").unwrap();
    let files = fs::read_dir(crate::store::documents_dir(&office.db())).unwrap().count();
    assert_eq!(files, 1, "the same content is kept once");
    assert_eq!(list_documents(&office.conn, &trip).unwrap().len(), 2);

    let input = DocumentInput {
        name: "Einladung/OB.pdf".into(),
        kind: DocumentKind::Letter,
        document_date: NaiveDate::from_ymd_opt(2026, 1, 12),
    };
    let changed = update_document(&office.conn, &again.id, &input).unwrap();
    assert_eq!((changed.name.as_str(), changed.kind), ("OB.pdf", DocumentKind::Letter));
    assert_eq!(list_documents(&office.conn, &trip).unwrap()[1].id, again.id, "newest date first: the letter is older");
    let Err(Error::Validation(fields)) =
        update_document(&office.conn, &again.id, &DocumentInput { name: " ".into(), ..input })
    else {
        panic!("a name is required")
    };
    assert_eq!(fields[0].code, "required");
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    for source in [office.dir.path().join("missing.pdf"), office.dir.path().to_path_buf()] {
        let Err(Error::Validation(fields)) = attach_file(&office.conn, &trip, &source) else { panic!("{source:?}") };
        assert_eq!(fields[0].code, "unreadable");
    }
    let stranger = DocumentOwner { kind: DocumentOwnerKind::Agreement, id: "no-such-agreement".into() };
    assert!(matches!(attach_bytes(&office.conn, &stranger, "a.pdf", b"x"), Err(Error::NotFound(_))));
    assert!(list_documents(&office.conn, &trip).unwrap().is_empty());
    assert!(!crate::store::documents_dir(&office.db()).exists(), "no file was kept for a refused document");

    let program = attach_bytes(&office.conn, &trip, "setup.exe", b"MZ").unwrap();
    let viewer = office.dir.path().join("opened");
    let Err(Error::Validation(fields)) = copy_for_viewer(&office.conn, &program.id, &viewer) else {
        panic!("a program")
    };
    assert_eq!(fields[0].code, "not_openable");
    let pdf = attach_bytes(&office.conn, &trip, "Programm.pdf", b"%PDF").unwrap();
    let opened = copy_for_viewer(&office.conn, &pdf.id, &viewer).unwrap();
    assert_eq!(
        (opened.file_name().unwrap().to_str().unwrap(), fs::read(&opened).unwrap()),
        ("Programm.pdf", b"%PDF".to_vec())
    );
    assert!(fs::metadata(&opened).unwrap().permissions().readonly());
    copy_for_viewer(&office.conn, &pdf.id, &viewer).unwrap();
    crate::store::remove_viewer_copies(&office.db()).unwrap();
    assert!(!opened.exists());
}

#[test]
fn a_document_goes_through_the_trash_and_its_file_with_the_last_name() {
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    let hotel = attach_bytes(&office.conn, &trip, "Hotel.pdf", b"Hotelbestaetigung").unwrap();
    delete_document(&office.conn, &hotel.id).unwrap();
    assert!(list_documents(&office.conn, &trip).unwrap().is_empty());
    let trashed = trashed_documents(&office.conn).unwrap();
    assert_eq!((trashed[0].label.as_str(), trashed[0].context.as_str()), ("Hotel.pdf", "Jinhua"));
    restore_document(&office.conn, &hotel.id).unwrap();
    delete_document(&office.conn, &hotel.id).unwrap();
    assert_eq!(crate::trash::empty_trash(&office.conn).unwrap(), 1);
    let kept: Vec<_> = fs::read_dir(crate::store::documents_dir(&office.db()))
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().path().is_file())
        .collect();
    assert!(kept.is_empty(), "the file is released with its last document");
}

#[test]
fn passport_copies_are_erased_with_the_passport_number_and_other_papers_stay() {
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    let member = office.member(&trip);
    let passport = attach_bytes(&office.conn, &member, "Reisepass Spelthahn.pdf", b"Passkopie").unwrap();
    assert_eq!(passport.kind, DocumentKind::PassportCopy);
    let ticket = attach_bytes(&office.conn, &member, "Flugticket.pdf", b"Ticket").unwrap();
    let settings = Settings { erase_travel_documents_after_days: Some(30), ..get_settings(&office.conn).unwrap() };
    update_settings(&office.conn, &settings).unwrap();
    let today: NaiveDate = "2026-05-01".parse().unwrap();
    assert_eq!(due_erasures(&office.conn, today).unwrap()[0].members, 1, "a passport copy alone makes a member due");
    assert_eq!(erase_due(&office.conn, today).unwrap(), 1);
    let left: Vec<String> = list_documents(&office.conn, &member).unwrap().into_iter().map(|d| d.id).collect();
    assert_eq!(left, vec![ticket.id]);
    assert!(matches!(content(&office.conn, &passport.id), Err(Error::NotFound(_))));
    assert!(
        crate::store::document_files::read(&office.conn, &crate::store::document_files::content_hash(b"Passkopie"))
            .is_err(),
        "the file is gone, not released"
    );
    assert!(due_erasures(&office.conn, today).unwrap().is_empty());
}

#[test]
fn a_saved_backup_carries_the_files_and_a_restore_brings_them_back() {
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    let invitation = attach_bytes(&office.conn, &trip, "Einladung.pdf", b"Einladung").unwrap();
    let saved = office.dir.path().join("Sicherung.sqlite");
    backup_to(&office.conn, &saved, None).unwrap();
    assert_eq!(inspect_backup(&saved, None).unwrap().counts.documents, 1);

    delete_document(&office.conn, &invitation.id).unwrap();
    crate::trash::empty_trash(&office.conn).unwrap();
    let released = crate::store::documents_dir(&office.db()).join(".released");
    fs::remove_dir_all(released).unwrap();
    let later = attach_bytes(&office.conn, &trip, "Programm.pdf", b"Programm").unwrap();
    let Office { dir, conn } = office;
    drop(conn);
    let db = dir.path().join("partnerdesk.sqlite");

    restore_from(&db, &saved, None).unwrap();
    let conn = crate::store::open(&db).unwrap();
    assert_eq!(content(&conn, &invitation.id).unwrap().1, b"Einladung");
    assert!(get_document(&conn, &later.id).is_err(), "the restored database does not know it");
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'backup_documents'", [], |row| row.get(0))
        .unwrap();
    assert_eq!(tables, 0, "the carried files do not stay in the database");
}

#[test]
fn files_are_encrypted_with_the_database_and_decrypted_with_it() {
    use crate::store::encryption::{rekey, Passphrase};
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    let document = attach_bytes(&office.conn, &trip, "Protokoll.pdf", b"Protokoll der Sitzung").unwrap();
    let Office { dir, conn } = office;
    drop(conn);
    let db = dir.path().join("partnerdesk.sqlite");
    let passphrase = Passphrase::new("Kreis Düren 2026");
    let plain_files = || -> Vec<Vec<u8>> {
        fs::read_dir(crate::store::documents_dir(&db))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .map(|path| fs::read(path).unwrap())
            .collect()
    };

    rekey(&db, None, Some(&passphrase)).unwrap();
    let conn = crate::store::open_with_key(&db, Some(&passphrase)).unwrap();
    assert!(plain_files().iter().all(|bytes| !bytes.windows(9).any(|w| w == b"Protokoll")), "no file stays plain");
    assert_eq!(content(&conn, &document.id).unwrap().1, b"Protokoll der Sitzung");
    drop(conn);

    rekey(&db, Some(&passphrase), None).unwrap();
    let conn = crate::store::open(&db).unwrap();
    assert_eq!(plain_files(), vec![b"Protokoll der Sitzung".to_vec()]);
    assert_eq!(content(&conn, &document.id).unwrap().1, b"Protokoll der Sitzung");
}

#[test]
fn a_receipt_belongs_to_its_cost_line_and_goes_when_the_line_is_deleted_for_good() {
    use crate::costs::{create_cost_line, delete_cost_line, CostCategory, CostLineInput};
    let office = Office::new();
    let trip = office.trip("2026-03-08");
    let input = CostLineInput::office(CostCategory::Rail, "Bahnfahrt zum Flughafen", "EUR", "412,80", "398,40");
    let line = create_cost_line(&office.conn, &trip.id, &input).unwrap();
    let owner = DocumentOwner { kind: DocumentOwnerKind::CostLine, id: line.id.clone() };
    let receipt = attach_bytes(&office.conn, &owner, "Fahrkarte.pdf", b"%PDF Fahrkarte").unwrap();
    assert_eq!(list_documents(&office.conn, &owner).unwrap()[0].id, receipt.id);
    assert!(list_documents(&office.conn, &trip).unwrap().is_empty(), "the receipt is the line's, not the trip's");

    delete_cost_line(&office.conn, &line.id).unwrap();
    assert!(
        matches!(attach_bytes(&office.conn, &owner, "b.pdf", b"x"), Err(Error::NotFound(_))),
        "a line in the trash takes none"
    );
    crate::trash::empty_trash(&office.conn).unwrap();
    let left: i64 = office.conn.query_row("SELECT count(*) FROM documents", [], |row| row.get(0)).unwrap();
    assert_eq!(left, 0);
}
