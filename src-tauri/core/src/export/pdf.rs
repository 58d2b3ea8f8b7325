//! PDFs set by Typst (embedded as a library): the programme from `programme.typ`, lists such as
//! the public gifts list from `listing.typ`, the annual report from `report.typ` (PDF/A-2b for
//! the council's archive), each with its document as JSON. Only the bundled
//! fonts are used, never the system's, so a PDF looks the same on every machine and Chinese
//! renders where no CJK font is installed.

use std::sync::OnceLock;

use rusqlite::Connection;
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::document::{programme_document, ProgrammeDocument};
use super::DocumentLanguage;
use crate::error::{Error, Result};

/// A Typst template and the name its diagnostics give it.
struct Template {
    name: &'static str,
    text: &'static str,
}

const PROGRAMME: Template = Template { name: "programme.typ", text: include_str!("programme.typ") };
const LISTING: Template = Template { name: "listing.typ", text: include_str!("listing.typ") };
const REPORT: Template = Template { name: "report.typ", text: include_str!("report.typ") };
/// The bundled fonts: every document and chart is set in them, none is looked up on the machine.
pub(crate) const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("fonts/NotoSans-Regular.ttf"),
    include_bytes!("fonts/NotoSans-Bold.ttf"),
    include_bytes!("fonts/NotoSans-Italic.ttf"),
    include_bytes!("fonts/NotoSansCJKsc-Regular.otf"),
];

/// The programme of a trip as PDF; with `member_id`, that member's personal programme.
pub fn programme_pdf(
    conn: &Connection,
    trip_id: &str,
    member_id: Option<&str>,
    language: DocumentLanguage,
) -> Result<Vec<u8>> {
    render(&programme_document(conn, trip_id, member_id, language)?)
}

/// Sets `document` with the programme template.
pub fn render(document: &ProgrammeDocument) -> Result<Vec<u8>> {
    set(&PROGRAMME, serde_json::to_vec(document)?)
}

/// A list on paper: a title, a line below it and one or more tables of text (the public gifts
/// list, the office's cost overview), set as `listing.typ` sets them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Listing {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<ListingSection>,
    pub footer: String,
}

/// One table of a listing, under its heading (none for a listing of one table).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ListingSection {
    pub heading: String,
    pub headers: Vec<String>,
    /// "left" or "right" for each column.
    pub align: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// Rows set in bold: sums.
    pub bold_rows: Vec<usize>,
    /// Said when there are no rows.
    pub empty: String,
}

pub fn listing_pdf(listing: &Listing) -> Result<Vec<u8>> {
    set(&LISTING, serde_json::to_vec(listing)?)
}

/// The annual report as PDF/A-2b, dated `made` (UTC), for the council's archive.
pub fn report_pdf(report: &impl serde::Serialize, made: chrono::DateTime<chrono::Utc>) -> Result<Vec<u8>> {
    use chrono::{Datelike, Timelike};
    let standards = typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b])
        .map_err(|error| Error::Pdf(format!("PDF/A-2b: {}", error.message())))?;
    let when = Datetime::from_ymd_hms(
        made.year(),
        made.month() as u8,
        made.day() as u8,
        made.hour() as u8,
        made.minute() as u8,
        made.second() as u8,
    );
    let options = PdfOptions { standards, timestamp: when.map(typst_pdf::Timestamp::new_utc), ..PdfOptions::default() };
    set_with(&REPORT, serde_json::to_vec(report)?, &options)
}

fn set(template: &'static Template, data: Vec<u8>) -> Result<Vec<u8>> {
    set_with(template, data, &PdfOptions::default())
}

fn set_with(template: &'static Template, data: Vec<u8>, options: &PdfOptions) -> Result<Vec<u8>> {
    let world = TemplateWorld::new(template, data);
    let paged: PagedDocument = typst::compile(&world).output.map_err(|errors| failure(&world, &errors))?;
    typst_pdf::pdf(&paged, options).map_err(|errors| failure(&world, &errors))
}

fn failure(world: &TemplateWorld, diagnostics: &[SourceDiagnostic]) -> Error {
    let messages: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let line = world
                .range(d.span)
                .and_then(|range| world.main.lines().byte_to_line(range.start))
                .map(|line| format!("{}:{}: ", world.template.name, line + 1))
                .unwrap_or_default();
            format!("{line}{}", d.message)
        })
        .collect();
    Error::Pdf(messages.join("; "))
}

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

fn project_file(path: &str) -> FileId {
    RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("a plain relative path")).intern()
}

/// The template as the main file and the document as `data.json`; nothing else is readable.
struct TemplateWorld {
    template: &'static Template,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl TemplateWorld {
    fn new(template: &'static Template, data: Vec<u8>) -> Self {
        TemplateWorld {
            template,
            main: Source::new(project_file(template.name), template.text.to_string()),
            data_id: project_file("data.json"),
            data: Bytes::new(data),
        }
    }
}

impl World for TemplateWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.template.text))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
