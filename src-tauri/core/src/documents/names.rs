//! Document names as files arrive with them: made safe to keep and to write out again on any
//! system, guessed into a kind, and checked before the system viewer gets one.

use unicode_normalization::UnicodeNormalization;

use super::{DocumentKind, DocumentOwnerKind};

const MAX_NAME_CHARS: usize = 120;
const FALLBACK_NAME: &str = "Dokument";

/// Names Windows keeps for devices; a file cannot be called that, with any extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2",
    "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Kinds of file a viewer shows without running anything: office documents, images, text.
const VIEWABLE: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "heic", "bmp", "txt", "csv", "rtf", "odt", "ods", "odp",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "eml", "msg", "ics", "vcf", "zip",
];

/// The last part of `raw` (a path or a name typed), without control characters, path
/// separators and the characters Windows forbids, without leading dots and trailing dots or
/// spaces, not a device name, in Unicode NFC, at most 120 characters with the extension kept.
pub fn sanitized(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .nfc()
        .map(|c| if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let loose = |c: char| c == '.' || c.is_whitespace();
    let mut name = shortened(cleaned.trim_start_matches(loose).trim_end_matches(loose));
    // Shortening can leave a reserved name ("nul      ….txt" becomes "nul.txt"); the mark
    // then counts against the length.
    let stem = name.split('.').next().unwrap_or_default().trim().to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        name = shortened(&format!("_{name}"));
    }
    if name.trim_matches(['_', ' ']).is_empty() {
        return FALLBACK_NAME.to_string();
    }
    name
}

/// `name` cut to `MAX_NAME_CHARS`, keeping a short extension.
fn shortened(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_string();
    }
    let loose = |c: char| c == '.' || c.is_whitespace();
    let extension = extension(name).filter(|ext| ext.chars().count() <= 10).map(|ext| format!(".{ext}"));
    let extension = extension.unwrap_or_default();
    let keep = MAX_NAME_CHARS - extension.chars().count();
    name.chars().take(keep).collect::<String>().trim_end_matches(loose).to_string() + &extension
}

fn extension(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.')?;
    (!stem.is_empty()).then(|| extension.to_lowercase())
}

/// Whether the system viewer may be handed a file of this name: only kinds of document that
/// open in a viewer, never a program or a script.
pub fn opens_in_a_viewer(name: &str) -> bool {
    extension(name).is_some_and(|extension| VIEWABLE.contains(&extension.as_str()))
}

/// The kind a file of this name most likely is, attached to a record of `owner`.
pub fn likely_kind(name: &str, owner: DocumentOwnerKind) -> DocumentKind {
    let lower = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| lower.contains(word));
    if has(&["reisepass", "passport", "passkopie", "护照"]) {
        DocumentKind::PassportCopy
    } else if has(&["visum", "visa", "签证"]) {
        DocumentKind::Visa
    } else if has(&["ticket", "boarding", "flug", "flight", "bahn", "机票"]) {
        DocumentKind::Ticket
    } else if has(&["hotel", "buchung", "booking", "reservation", "unterkunft", "酒店"]) {
        DocumentKind::Accommodation
    } else if has(&["einladung", "invitation", "邀请"]) {
        DocumentKind::Invitation
    } else if has(&["protokoll", "minutes", "niederschrift"]) {
        DocumentKind::Protocol
    } else if has(&["foto", "photo", "bild", "照片"]) {
        DocumentKind::Photos
    } else if has(&["präsentation", "praesentation", "presentation", "folien", "slides"]) {
        DocumentKind::Presentation
    } else if has(&["presse", "press", "zeitung", "artikel"]) {
        DocumentKind::Press
    } else if owner == DocumentOwnerKind::Agreement
        || has(&["vertrag", "vereinbarung", "memorandum", "absichtserklärung"])
    {
        DocumentKind::SignedAgreement
    } else if has(&["brief", "schreiben", "letter"]) {
        DocumentKind::Letter
    } else {
        DocumentKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_safe_to_keep_and_to_write_out() {
        assert_eq!(sanitized("C:\\Users\\amt\\Einladung OB.pdf"), "Einladung OB.pdf");
        assert_eq!(sanitized("../../etc/passwd"), "passwd");
        assert_eq!(sanitized(".bashrc"), "bashrc");
        assert_eq!(sanitized("Programm: Tag 1?.pdf"), "Programm_ Tag 1_.pdf");
        assert_eq!(sanitized("CON.txt"), "_CON.txt");
        assert_eq!(sanitized("bericht. . "), "bericht");
        assert_eq!(sanitized(" .  __x"), "__x", "dots and spaces in any order");
        assert_eq!(sanitized("a\u{0}b\nc.pdf"), "a_b_c.pdf");
        assert_eq!(sanitized("..."), FALLBACK_NAME);
        assert_eq!(sanitized(""), FALLBACK_NAME);
        assert_eq!(sanitized("金华市邀请函.pdf"), "金华市邀请函.pdf");
        assert_eq!(sanitized("Ü.pdf"), "Ü.pdf", "composed to NFC");
        let long = format!("{}.pdf", "Protokoll ".repeat(30));
        let kept = sanitized(&long);
        assert_eq!(kept.chars().count(), MAX_NAME_CHARS);
        assert!(kept.ends_with("Protok.pdf"), "{kept}");
    }

    /// Found by fuzzing (`attach_document`): a long name starting with a device name was cut to
    /// the limit and then marked, one character over it, and read differently a second time.
    #[test]
    fn a_long_or_shortened_device_name_is_marked_within_the_limit_once() {
        let long_device = format!("CON.txt{}", "Ñ".repeat(200));
        let shortened_to_device = format!("nul{}x.txt", " ".repeat(200));
        for raw in [long_device, shortened_to_device] {
            let safe = sanitized(&raw);
            assert!(safe.starts_with('_') && safe.chars().count() <= MAX_NAME_CHARS, "{safe}");
            assert_eq!(sanitized(&safe), safe, "a safe name stays as it is");
        }
    }

    #[test]
    fn only_documents_go_to_the_viewer() {
        assert!(opens_in_a_viewer("Memorandum.PDF"));
        assert!(opens_in_a_viewer("Fotos.jpeg"));
        for program in ["setup.exe", "start.sh", "app.desktop", "run.bat", "a.jar", "doc.pdf.exe", "pdf", "macro.js"] {
            assert!(!opens_in_a_viewer(program), "{program}");
        }
    }

    #[test]
    fn the_kind_is_guessed_from_the_name_and_the_record() {
        assert_eq!(likely_kind("Reisepass Müller.pdf", DocumentOwnerKind::Member), DocumentKind::PassportCopy);
        assert_eq!(likely_kind("Visum_CN.pdf", DocumentOwnerKind::Member), DocumentKind::Visa);
        assert_eq!(likely_kind("Boarding pass.pdf", DocumentOwnerKind::Member), DocumentKind::Ticket);
        assert_eq!(likely_kind("Hotelbestätigung Jinhua.pdf", DocumentOwnerKind::Trip), DocumentKind::Accommodation);
        assert_eq!(likely_kind("Einladungsschreiben.docx", DocumentOwnerKind::Trip), DocumentKind::Invitation);
        assert_eq!(likely_kind("scan_0042.pdf", DocumentOwnerKind::Agreement), DocumentKind::SignedAgreement);
        assert_eq!(likely_kind("scan_0042.pdf", DocumentOwnerKind::Trip), DocumentKind::Other);
    }
}
