//! The annual report as DOCX, read back three ways: its XML (Word's heading styles, tables, the
//! four charts as pictures), LibreOffice's reading of it (headings it takes for headings, tables
//! and images in the flat OpenDocument it writes), and the PDF LibreOffice prints from it.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

fn partnerdesk(db: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PARTNERDESK_DB")
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

fn part_of(docx: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the DOCX")).read_to_string(&mut text).unwrap();
    text
}

/// `docx` converted by LibreOffice headless to `filter`; the path of the file it wrote.
fn converted(dir: &Path, docx: &Path, filter: &str, extension: &str) -> PathBuf {
    let profile = dir.join("profile");
    let output = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("LibreOffice runs (scripts/setup.sh --for-tests installs libreoffice-writer-nogui)");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let path = docx.with_extension(extension);
    assert!(path.exists(), "LibreOffice wrote no {extension}: {}", String::from_utf8_lossy(&output.stdout));
    path
}

#[test]
fn the_report_as_docx_has_real_headings_tables_and_charts_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    partnerdesk(&db, &["demo"]);
    let docx = dir.path().join("bericht.docx");
    partnerdesk(
        &db,
        &[
            "report",
            "--year",
            "2026",
            "--format",
            "docx",
            "--lang",
            "de",
            "--foreword",
            "Sehr geehrte Damen und Herren des Kreistags,",
            "--out",
            docx.to_str().unwrap(),
        ],
    );

    let document = part_of(&docx, "word/document.xml");
    let styles = part_of(&docx, "word/styles.xml");
    assert!(styles.contains(r#"<w:name w:val="heading 1" />"#) || styles.contains(r#"<w:name w:val="heading 1"/>"#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading1""#), "headings are styled as Word's heading 1");
    assert!(document.contains(r#"<w:pStyle w:val="Heading2""#));
    assert!(document.contains("<w:tbl>"), "tables are tables");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let pictures = (0..archive.len())
        .filter(|index| {
            let entry = archive.by_index(*index).unwrap();
            entry.name().unwrap().starts_with("word/media/") && entry.size() > 10_000
        })
        .count();
    assert_eq!(pictures, 4, "the four charts as pictures");

    let flat = std::fs::read_to_string(converted(dir.path(), &docx, "fodt", "fodt")).unwrap();
    for heading in ["Das Jahr im Überblick", "Kreis Düren – Jinhua (Städteregion)"] {
        let found = flat.match_indices("<text:h ").any(|(at, _)| {
            let end = flat[at..].find("</text:h>").map(|end| at + end).unwrap_or(flat.len());
            flat[at..end].contains(r#"text:outline-level="1""#) && flat[at..end].contains(heading)
        });
        assert!(found, "LibreOffice reads {heading:?} as a heading of level 1");
    }
    assert!(flat.contains("<table:table "), "LibreOffice reads tables");
    assert_eq!(flat.matches("<draw:image").count(), 4, "LibreOffice reads the four charts");

    let pdf = converted(dir.path(), &docx, "pdf", "pdf");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Partnerschaftsbericht 2026",
        "Sehr geehrte Damen und Herren des Kreistags,",
        "Die letzten zehn Jahre",
        "1 × Landrat (CDU)",
        "Wirtschaftsregion Kaiserslautern (WFK) – Yangzhou",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in LibreOffice's PDF:\n{text}");
    }
}
