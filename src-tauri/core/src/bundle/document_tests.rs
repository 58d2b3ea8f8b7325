//! Documents in trip bundles: carried with their content, never passport copies, taken in with
//! their files, checked against their hash.

use rusqlite::Connection;
use serde_json::{json, Value};

use super::*;
use crate::documents::{attach_bytes, content, list_documents, DocumentOwner};
use crate::error::Error;
use crate::import::{apply, preview, ImportOptions, PreviewAction, RecordKind};

const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

struct Laptop {
    _dir: tempfile::TempDir,
    conn: Connection,
}

fn laptop(demo: bool) -> Laptop {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::store::open(&dir.path().join("partnerdesk.sqlite")).unwrap();
    if demo {
        crate::demo::load_demo(&conn).unwrap();
    }
    Laptop { _dir: dir, conn }
}

fn one(conn: &Connection, sql: &str) -> String {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

/// The Jinhua trip with an invitation, a member's ticket and the member's passport copy.
fn office_with_papers() -> (Laptop, String, DocumentOwner) {
    let office = laptop(true);
    let trip = one(&office.conn, &format!("SELECT id FROM trips WHERE title = '{TO_JINHUA}'"));
    let member =
        one(&office.conn, &format!("SELECT id FROM members WHERE trip_id = '{trip}' ORDER BY precedence LIMIT 1"));
    let trip_owner = DocumentOwner { kind: DocumentOwnerKind::Trip, id: trip.clone() };
    let member_owner = DocumentOwner { kind: DocumentOwnerKind::Member, id: member };
    attach_bytes(&office.conn, &trip_owner, "Einladung Jinhua.pdf", b"%PDF-1.4 Einladung").unwrap();
    attach_bytes(&office.conn, &member_owner, "Flugticket CA936.pdf", b"%PDF-1.4 Ticket").unwrap();
    attach_bytes(&office.conn, &member_owner, "Reisepass.pdf", b"%PDF-1.4 Passkopie").unwrap();
    (office, trip, member_owner)
}

fn bundle(conn: &Connection, trip: &str, path: Outgoing, documents: Documents) -> Vec<u8> {
    export_bundle(conn, trip, path, &Ticked::default(), documents).unwrap()
}

fn names(bytes: &[u8]) -> Vec<String> {
    let value: Value = serde_json::from_slice(bytes).unwrap();
    value["documents"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_bundle_carries_the_papers_with_their_content_and_never_a_passport_copy() {
    let (office, trip, member) = office_with_papers();
    let bytes = bundle(&office.conn, &trip, Outgoing::BundleForOffice, Documents::Carried);
    let mut carried = names(&bytes);
    carried.sort();
    assert_eq!(carried, ["Einladung Jinhua.pdf", "Flugticket CA936.pdf"]);
    let shown = bundle_documents(&office.conn, &trip, Outgoing::BundleForOffice).unwrap();
    assert_eq!(shown, BundleDocuments { count: 2, size_bytes: 33, fit: true });
    assert_eq!(
        names(&bundle(&office.conn, &trip, Outgoing::OtherOffice, Documents::Carried)),
        ["Einladung Jinhua.pdf"]
    );
    assert!(names(&bundle(&office.conn, &trip, Outgoing::BundleForOffice, Documents::LeftOut)).is_empty());

    let colleague = laptop(false);
    let summary = apply(&colleague.conn, &bytes, &ImportOptions::default()).unwrap();
    assert!(summary.added > 0);
    let tickets = list_documents(&colleague.conn, &member).unwrap();
    assert_eq!(tickets.len(), 1, "the passport copy stayed in the office");
    assert_eq!(content(&colleague.conn, &tickets[0].id).unwrap().1, b"%PDF-1.4 Ticket");
    assert_eq!(
        bundle(&colleague.conn, &trip, Outgoing::BundleForOffice, Documents::Carried),
        bytes,
        "the same bundle back"
    );

    let again = preview(&colleague.conn, &bytes, &ImportOptions::default()).unwrap();
    let documents: Vec<_> = again.rows.iter().filter(|row| row.record == RecordKind::Document).collect();
    assert_eq!(documents.len(), 2);
    assert!(documents.iter().all(|row| row.action == PreviewAction::Unchanged));
}

#[test]
fn a_preview_keeps_no_file_and_a_damaged_document_refuses_the_bundle() {
    let (office, trip, _) = office_with_papers();
    let bytes = bundle(&office.conn, &trip, Outgoing::BundleForOffice, Documents::Carried);
    let colleague = laptop(false);
    let documents_dir = crate::store::documents_dir(std::path::Path::new(colleague.conn.path().unwrap()));
    let shown = preview(&colleague.conn, &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(shown.rows.iter().filter(|row| row.record == RecordKind::Document).count(), 2);
    assert!(!documents_dir.exists(), "a preview writes no file");

    let mut value: Value = serde_json::from_slice(&bytes).unwrap();
    value["documents"][0]["content"] = json!("JVBERi0xLjQgZ2Vmw6Rsc2NodA==");
    let Err(Error::Validation(fields)) =
        apply(&colleague.conn, &serde_json::to_vec(&value).unwrap(), &ImportOptions::default())
    else {
        panic!("a document that is not what its hash names")
    };
    assert!(fields[0].message.contains("is not the one its content_hash names"), "{}", fields[0].message);
    value["documents"][0]["content"] = json!("not base64 at all!");
    assert!(apply(&colleague.conn, &serde_json::to_vec(&value).unwrap(), &ImportOptions::default()).is_err());
    let trips: i64 = colleague.conn.query_row("SELECT count(*) FROM trips", [], |row| row.get(0)).unwrap();
    assert_eq!(trips, 0, "nothing was taken in");
    assert!(!documents_dir.exists());
}

#[test]
fn documents_larger_than_a_bundle_carries_are_refused_with_the_way_out() {
    let (office, trip, _) = office_with_papers();
    let owner = DocumentOwner { kind: DocumentOwnerKind::Trip, id: trip.clone() };
    let scan = vec![7u8; MAX_BUNDLE_DOCUMENT_BYTES as usize];
    attach_bytes(&office.conn, &owner, "Fotos.zip", &scan).unwrap();
    assert!(!bundle_documents(&office.conn, &trip, Outgoing::BundleForOffice).unwrap().fit);
    let Err(Error::Validation(fields)) =
        export_bundle(&office.conn, &trip, Outgoing::BundleForOffice, &Ticked::default(), Documents::Carried)
    else {
        panic!("too large")
    };
    assert_eq!(fields[0].code, "documents_too_large");
    assert!(
        export_bundle(&office.conn, &trip, Outgoing::BundleForOffice, &Ticked::default(), Documents::LeftOut).is_ok()
    );
}
