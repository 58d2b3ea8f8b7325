//! Delegation members and register people from tables as offices keep them: CSV (UTF-8 with
//! or without byte-order mark, or Windows-1252 as German Excel saves it; `,`, `;` or tab) and
//! spreadsheets (.xlsx, .ods: the first sheet). Columns are recognised by their German or
//! English headers. Also the one path by which any imported person (a table row or a vCard)
//! becomes a member of a trip's delegation, a registration on its invitation list (the
//! spreadsheet a registration form produces) or a person in the register.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::LazyLock;

use calamine::{open_workbook_auto_from_rs, Cell, Data, DataRef, Range, Reader, Sheets, Xlsx};
use encoding_rs::WINDOWS_1252;
use rusqlite::Connection;

use super::{ImportOptions, ImportReport, PreviewAction, RecordKind, TableLayout};
use crate::contacts::find_or_create::{ensure_organisation, find_person};
use crate::contacts::people::{create_person, PersonInput};
use crate::delegation::{add_member, MemberInput};
use crate::error::{Error, FieldError, Result};
use crate::names::transliteration::{folded, has_han, person_pinyin};
use crate::registrations::{create_registration, RegistrationInput};
use crate::vocabulary::{looks_like_email, MemberRole, Side};

crate::text_enum! {
    /// The field a table column fills. Party, role, dietary needs and accessibility belong to
    /// a delegation member; notes to a person in the register.
    pub enum PersonField {
        NameLatin => "name_latin",
        FirstName => "first_name",
        LastName => "last_name",
        NameOriginal => "name_original",
        FunctionTitle => "function_title",
        Organisation => "organisation",
        Party => "party",
        Role => "role",
        Email => "email",
        Phone => "phone",
        Dietary => "dietary",
        Accessibility => "accessibility",
        Notes => "notes",
    }
}

impl PersonField {
    /// Column headers that mean this field, compared folded (case, accents, spaces and
    /// punctuation ignored).
    fn headers(self) -> &'static [&'static str] {
        use PersonField::*;
        match self {
            NameLatin => &[
                "Name",
                "Vollständiger Name",
                "Name (lateinisch)",
                "Name (Lateinschrift)",
                "Name in Lateinschrift",
                "Anzeigename",
                "Teilnehmer",
                "Teilnehmerin",
                "Teilnehmende",
                "Full name",
                "Name (Latin script)",
                "Display name",
                "Participant",
                "Name laut Reisepass",
                "Name wie im Reisepass",
                "Name (Reisepass)",
                "Name in Passschreibweise",
                "Name as in passport",
                "Passport name",
            ],
            FirstName => &["Vorname", "Vornamen", "Rufname", "First name", "Given name", "Forename"],
            LastName => &["Nachname", "Familienname", "Zuname", "Last name", "Surname", "Family name"],
            NameOriginal => &[
                "Name (Originalschrift)",
                "Name in Originalschrift",
                "Originalschrift",
                "Originalname",
                "Chinesischer Name",
                "Name (chinesisch)",
                "Name (Schriftzeichen)",
                "Name (original script)",
                "Name in original script",
                "Original name",
                "Chinese name",
                "Name (Chinese)",
                "中文名",
                "姓名",
            ],
            FunctionTitle => &[
                "Funktion",
                "Titel",
                "Funktion/Titel",
                "Titel/Funktion",
                "Amt",
                "Position",
                "Dienstbezeichnung",
                "Stellung",
                "Function",
                "Title",
                "Job title",
                "职务",
            ],
            Organisation => &[
                "Organisation",
                "Institution",
                "Behörde",
                "Dienststelle",
                "Einrichtung",
                "Firma",
                "Unternehmen",
                "Verwaltung",
                "Organization",
                "Company",
                "Authority",
                "Agency",
                "单位",
            ],
            Party => &["Partei", "Parteizugehörigkeit", "Fraktion", "Party", "Political party"],
            Role => &["Rolle", "Rolle in der Delegation", "Delegationsrolle", "Role", "Role in the delegation"],
            Email => &["E-Mail", "E-Mail-Adresse", "Mail", "E-mail address", "邮箱"],
            Phone => &[
                "Telefon",
                "Telefonnummer",
                "Tel.",
                "Mobil",
                "Mobiltelefon",
                "Mobilnummer",
                "Handy",
                "Phone",
                "Telephone",
                "Mobile",
                "Mobile phone",
                "Phone number",
                "电话",
                "手机",
            ],
            Dietary => &[
                "Ernährung",
                "Essen",
                "Essenswünsche",
                "Verpflegung",
                "Unverträglichkeiten",
                "Dietary needs",
                "Dietary requirements",
                "Diet",
                "Food",
            ],
            Accessibility => {
                &["Barrierefreiheit", "Mobilität", "Mobilitätseinschränkung", "Accessibility", "Access needs"]
            }
            Notes => &[
                "Notizen",
                "Notiz",
                "Bemerkungen",
                "Bemerkung",
                "Anmerkungen",
                "Hinweise",
                "Kommentar",
                "Notes",
                "Note",
                "Remarks",
                "Comments",
            ],
        }
    }

    /// A column of this field is enough to name the people of a table.
    fn names_people(self) -> bool {
        matches!(self, PersonField::NameLatin | PersonField::LastName | PersonField::NameOriginal)
    }
}

/// More rows than any delegation or register an office imports at once.
const MAX_ROWS: usize = 100_000;
/// The largest used range of a spreadsheet that is read: calamine allocates every cell between
/// the first and the last one, so a cell in A1 and one in XFD1048576 would ask for 17 billion.
const MAX_CELLS: u64 = 4_000_000;
/// How many rows the mapping step shows.
const SAMPLE_ROWS: usize = 5;
/// How far down a title or a blank line above the headers may push them.
const HEADER_SEARCH_ROWS: usize = 10;
/// A header that starts with a known header this long or longer ("Telefon dienstlich",
/// "E-Mail privat") is taken for that field; shorter ones ("Name", "Tel") must match whole.
const MIN_HEADER_PREFIX: usize = 5;

/// A non-empty row of a table, its cells trimmed.
struct SourceRow {
    /// The line of the CSV file the row starts on, or the spreadsheet's row number.
    line: u32,
    cells: Vec<String>,
}

/// One person as a file gives them: a table row or a vCard.
pub(crate) struct PersonRow {
    /// The line (or spreadsheet row) the person starts on.
    line: u32,
    values: HashMap<PersonField, String>,
}

impl PersonRow {
    pub fn at(line: u32) -> Self {
        PersonRow { line, values: HashMap::new() }
    }

    /// Sets a field; a second value for the same field is added after a comma.
    pub fn add(&mut self, field: PersonField, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let current = self.values.entry(field).or_default();
        if !current.is_empty() {
            current.push_str(", ");
        }
        current.push_str(value);
    }

    pub fn value(&self, field: PersonField) -> &str {
        self.values.get(&field).map(String::as_str).unwrap_or("")
    }

    fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The name in Latin script and in original script. A name written only in Chinese
    /// characters is the original, and its pinyin the Latin name.
    fn names(&self) -> (String, String) {
        let mut latin = match self.value(PersonField::NameLatin) {
            "" => format!("{} {}", self.value(PersonField::FirstName), self.value(PersonField::LastName))
                .trim()
                .to_string(),
            name => name.to_string(),
        };
        let mut original = self.value(PersonField::NameOriginal).to_string();
        if has_han(&latin) && !latin.chars().any(|c| c.is_ascii_alphabetic()) {
            if original.is_empty() {
                original = latin;
            }
            latin = String::new();
        }
        if latin.is_empty() {
            latin = person_pinyin(&original, "").unwrap_or_default();
        }
        (latin, original)
    }
}

/// Whether `bytes` are text a table could be in.
pub fn looks_like_csv(bytes: &[u8]) -> bool {
    decoded_text(bytes).is_ok()
}

/// Control characters that text files never hold, and the five bytes Windows-1252 leaves
/// undefined.
fn is_binary_byte(byte: u8, windows_1252: bool) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r'))
        || byte == 0x7F
        || (windows_1252 && matches!(byte, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
}

/// The text of a file in UTF-8 (with or without byte-order mark) or, when it is not valid
/// UTF-8, in Windows-1252.
pub(crate) fn decoded_text(bytes: &[u8]) -> Result<String> {
    let without_bom = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(without_bom) {
        Ok(text) if !text.bytes().any(|byte| is_binary_byte(byte, false)) => Ok(text.to_string()),
        Err(_) if !bytes.iter().any(|byte| is_binary_byte(*byte, true)) => {
            Ok(WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned())
        }
        _ => Err(Error::field(
            "file",
            "encoding_unsupported",
            "This file is not text in UTF-8 or Windows-1252, so Partnerdesk cannot read it.",
        )),
    }
}

/// The separator of the first lines: whichever of `;`, `,` and tab occurs most outside quotes.
fn sniffed_delimiter(text: &str) -> u8 {
    const CANDIDATES: [char; 3] = [';', ',', '\t'];
    const LINES: usize = 5;
    let mut counts = [0usize; 3];
    let (mut quoted, mut lines) = (false, 0);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                lines += 1;
                if lines == LINES {
                    break;
                }
            }
            c if !quoted => {
                if let Some(index) = CANDIDATES.iter().position(|candidate| *candidate == c) {
                    counts[index] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best: Option<usize> = None;
    for (index, count) in counts.iter().enumerate() {
        if *count > 0 && best.is_none_or(|best| *count > counts[best]) {
            best = Some(index);
        }
    }
    best.map_or(b',', |index| CANDIDATES[index] as u8)
}

fn csv_rows(bytes: &[u8]) -> Result<Vec<SourceRow>> {
    let text = decoded_text(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniffed_delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let (mut line, mut counted_to) = (1, 0);
    for record in reader.records() {
        let record = record.map_err(|error| {
            Error::field("file", "table_unreadable", format!("The table cannot be read as CSV: {error}."))
        })?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        // csv reports where it began reading: before the `\n` of the previous line's CRLF and
        // before blank lines, and counts lines differently; the record's line is counted here.
        let began = record.position().map_or(0, |position| position.byte() as usize);
        let starts = began + text.as_bytes()[began..].iter().take_while(|byte| matches!(byte, b'\r' | b'\n')).count();
        line += text.as_bytes()[counted_to..starts].iter().filter(|byte| **byte == b'\n').count() as u32;
        counted_to = starts;
        rows.push(SourceRow { line, cells: record.iter().map(str::to_string).collect() });
    }
    Ok(rows)
}

fn spreadsheet_rows(bytes: &[u8]) -> Result<Vec<SourceRow>> {
    let unreadable = || {
        Error::field(
            "file",
            "spreadsheet_unreadable",
            "The spreadsheet cannot be read: the file is damaged or incomplete, or it is not an .xlsx or .ods file.",
        )
    };
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let sheet = match &mut workbook {
        Sheets::Xlsx(xlsx) => first_xlsx_sheet(xlsx)?.ok_or_else(unreadable)?,
        other => other.worksheet_range_at(0).ok_or_else(unreadable)?.map_err(|_| unreadable())?,
    };
    let first_row = sheet.start().map_or(0, |(row, _)| row);
    let cell_text = |cell: &Data| match cell {
        Data::Error(_) => String::new(),
        other => other.to_string().trim().to_string(),
    };
    Ok(sheet
        .rows()
        .enumerate()
        .map(|(index, cells)| SourceRow {
            line: first_row + index as u32 + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .filter(|row| row.cells.iter().any(|cell| !cell.is_empty()))
        .collect())
}

/// The first sheet of an .xlsx file, read cell by cell and refused once its used range grows
/// past `MAX_CELLS`; `None` when the file cannot be read.
fn first_xlsx_sheet(xlsx: &mut Xlsx<Cursor<&[u8]>>) -> Result<Option<Range<Data>>> {
    let Some(name) = xlsx.sheet_names().first().cloned() else { return Ok(None) };
    let Ok(mut reader) = xlsx.worksheet_cells_reader(&name) else { return Ok(None) };
    let mut cells = Vec::new();
    let (mut rows, mut columns) = ((u32::MAX, 0), (u32::MAX, 0));
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(_) => return Ok(None),
        };
        if *cell.get_value() == DataRef::Empty {
            continue;
        }
        let (row, column) = cell.get_position();
        rows = (rows.0.min(row), rows.1.max(row));
        columns = (columns.0.min(column), columns.1.max(column));
        let used = u64::from(rows.1 - rows.0 + 1) * u64::from(columns.1 - columns.0 + 1);
        if used > MAX_CELLS {
            return Err(Error::field(
                "file",
                "table_too_large",
                format!(
                    "The spreadsheet's cells span {} rows and {} columns; Partnerdesk imports up to {MAX_ROWS} people at a time. Please split the file.",
                    rows.1 - rows.0 + 1,
                    columns.1 - columns.0 + 1
                ),
            ));
        }
        cells.push(Cell::new((row, column), Data::from(cell.get_value().clone())));
    }
    Ok(Some(Range::from_sparse(cells)))
}

/// Lower case, without accents, spaces or punctuation: "E-Mail" and "e mail" read "email".
fn word_key(text: &str) -> String {
    folded(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

static KNOWN_HEADERS: LazyLock<Vec<(PersonField, String)>> = LazyLock::new(|| {
    PersonField::ALL.iter().flat_map(|field| field.headers().iter().map(|header| (*field, word_key(header)))).collect()
});

fn header_field(header: &str) -> Option<PersonField> {
    let key = word_key(header);
    let exact = KNOWN_HEADERS.iter().find(|(_, known)| *known == key);
    let start = || {
        KNOWN_HEADERS
            .iter()
            .filter(|(_, known)| known.chars().count() >= MIN_HEADER_PREFIX && key.starts_with(known.as_str()))
            .max_by_key(|(_, known)| known.len())
    };
    exact.or_else(start).map(|(field, _)| *field)
}

/// The field of each column as its header says; a field is taken from the first column only.
fn detected_columns(headers: &[String]) -> Vec<Option<PersonField>> {
    let mut columns: Vec<Option<PersonField>> = Vec::with_capacity(headers.len());
    for header in headers {
        let field = header_field(header).filter(|field| !columns.contains(&Some(*field)));
        columns.push(field);
    }
    columns
}

fn names_people(columns: &[Option<PersonField>]) -> bool {
    columns.iter().flatten().any(|field| field.names_people())
}

/// Reads a table and imports each row as a person: into the delegation of `options.trip_id`,
/// or into the register.
pub fn import_table(conn: &Connection, bytes: &[u8], options: &ImportOptions, report: &mut ImportReport) -> Result<()> {
    let rows = if bytes.starts_with(b"PK\x03\x04") { spreadsheet_rows(bytes)? } else { csv_rows(bytes)? };
    let header_at =
        rows.iter().take(HEADER_SEARCH_ROWS).position(|row| names_people(&detected_columns(&row.cells))).unwrap_or(0);
    let Some(headers) = rows.get(header_at).map(|row| &row.cells) else {
        return Err(Error::field("file", "table_empty", "The table is empty: Partnerdesk found no rows in it."));
    };
    let data = &rows[header_at + 1..];
    if data.len() > MAX_ROWS {
        return Err(Error::field(
            "file",
            "table_too_large",
            format!(
                "The table has {} rows; Partnerdesk imports up to {MAX_ROWS} people at a time. Please split the file.",
                data.len()
            ),
        ));
    }
    let columns = match &options.columns {
        Some(chosen) if chosen.len() != headers.len() => {
            return Err(Error::field(
                "columns",
                "column_mapping_mismatch",
                format!("The column mapping has {} columns, but the table has {}.", chosen.len(), headers.len()),
            ));
        }
        Some(chosen) => chosen.clone(),
        None => detected_columns(headers),
    };
    if !names_people(&columns) {
        let found = headers.iter().filter(|h| !h.is_empty()).map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(", ");
        return Err(Error::field(
            "file",
            "name_column_missing",
            format!(
                "Partnerdesk found the columns {found}, but none with names. The table needs a column \"Name\" \
                 (or \"Nachname\" and \"Vorname\")."
            ),
        ));
    }
    report.table = Some(TableLayout {
        headers: headers.clone(),
        columns: columns.clone(),
        sample: data.iter().take(SAMPLE_ROWS).map(|row| row.cells.clone()).collect(),
    });
    let people = data.iter().map(|row| {
        let mut person = PersonRow::at(row.line);
        for (cell, field) in row.cells.iter().zip(&columns) {
            if let Some(field) = field {
                person.add(*field, cell);
            }
        }
        person
    });
    import_people(conn, people.filter(|person| !person.is_empty()), options, report)
}

/// Words for each role in the delegation, as lists write them (German and English, as our
/// own export writes them, and the stored names).
const ROLE_WORDS: &[(MemberRole, &[&str])] = &[
    (
        MemberRole::Head,
        &[
            "Delegationsleitung",
            "Delegationsleiter",
            "Delegationsleiterin",
            "Leitung",
            "Leiter",
            "Leiterin",
            "Head of delegation",
            "Head",
            "Leader",
            "团长",
        ],
    ),
    (
        MemberRole::Member,
        &["Mitglied", "Delegationsmitglied", "Teilnehmer", "Teilnehmerin", "Member", "Delegate", "团员"],
    ),
    (
        MemberRole::Interpreter,
        &[
            "Dolmetschen",
            "Dolmetscher",
            "Dolmetscherin",
            "Übersetzer",
            "Übersetzerin",
            "Interpreter",
            "Translator",
            "翻译",
        ],
    ),
    (MemberRole::Protocol, &["Protokoll", "Protocol"]),
    (MemberRole::Press, &["Presse", "Pressereferent", "Pressereferentin", "Press"]),
    (MemberRole::Organiser, &["Organisation", "Organisator", "Organisatorin", "Organiser", "Organizer"]),
    (MemberRole::Driver, &["Fahrdienst", "Fahrer", "Fahrerin", "Driver"]),
    (MemberRole::Other, &["Sonstige", "Sonstiges", "Other"]),
];

static ROLES_BY_WORD: LazyLock<HashMap<String, MemberRole>> = LazyLock::new(|| {
    ROLE_WORDS
        .iter()
        .flat_map(|(role, words)| words.iter().copied().chain([role.as_str()]).map(|word| (word_key(word), *role)))
        .collect()
});

/// The role a text names; `Ok(None)` for no text (a member), `Err` for a text that is no role.
fn role_of(text: &str) -> std::result::Result<Option<MemberRole>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    ROLES_BY_WORD.get(&word_key(text)).map(|role| Some(*role)).ok_or_else(|| {
        format!(
            "\"{text}\" is not a role in the delegation; write one of Delegationsleitung, Mitglied, Dolmetschen, \
                 Protokoll, Presse, Organisation, Fahrdienst, Sonstige (or the English names)"
        )
    })
}

/// People imported without a trip are on the partner's side, as the register takes anyone
/// whose side is not given.
const REGISTER_SIDE: Side = Side::Partner;

/// Imports each person: into the delegation of `options.trip_id` (a name already there is left
/// alone), or into the register (a name already there is left alone). A person with a problem
/// is reported with their line and not imported.
pub(crate) fn import_people(
    conn: &Connection,
    people: impl IntoIterator<Item = PersonRow>,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<()> {
    let trip = options.trip_id.as_deref().map(|id| crate::trips::get_trip(conn, id)).transpose()?;
    for person in people {
        let line = Some(person.line);
        let problems_before = report.problems.len();
        let (name_latin, name_original) = person.names();
        if name_latin.is_empty() {
            report.problem(line, PersonField::NameLatin.as_str(), "name_required", "", "the name is missing");
        }
        let email = person.value(PersonField::Email);
        if !email.is_empty() && !looks_like_email(email) {
            let message = format!("{email:?} is not an e-mail address");
            report.problem(line, PersonField::Email.as_str(), "email_invalid", email, message);
        }
        let role = match trip {
            Some(_) if !options.registrations => role_of(person.value(PersonField::Role)).unwrap_or_else(|message| {
                report.problem(
                    line,
                    PersonField::Role.as_str(),
                    "role_unknown",
                    person.value(PersonField::Role),
                    message,
                );
                None
            }),
            _ => None,
        };
        if report.problems.len() > problems_before {
            continue;
        }
        let label =
            if name_original.is_empty() { name_latin.clone() } else { format!("{name_latin} ({name_original})") };
        let value = |field: PersonField| person.value(field).to_string();
        let detail = [person.value(PersonField::FunctionTitle), person.value(PersonField::Organisation)]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        match &trip {
            Some(trip) if options.registrations => {
                let registration = RegistrationInput {
                    name_latin,
                    name_original,
                    organisation: value(PersonField::Organisation),
                    function_title: value(PersonField::FunctionTitle),
                    email: value(PersonField::Email),
                    phone: value(PersonField::Phone),
                    dietary: value(PersonField::Dietary),
                    notes: value(PersonField::Notes),
                    ..RegistrationInput::default()
                };
                match create_registration(conn, &trip.id, &registration) {
                    Ok(_) => report.record(PreviewAction::Add, RecordKind::Registration, label, detail),
                    Err(Error::Validation(fields))
                        if fields.iter().any(|field| field.code == "duplicate_registration") =>
                    {
                        let already = "already on the invitation list";
                        report.record(PreviewAction::Unchanged, RecordKind::Registration, label, already)
                    }
                    Err(Error::Validation(fields)) => report.refused(line, "", fields),
                    Err(error) => return Err(error),
                }
            }
            Some(trip) => {
                let member = MemberInput {
                    name_latin,
                    name_original,
                    function_title: value(PersonField::FunctionTitle),
                    organisation: value(PersonField::Organisation),
                    party: value(PersonField::Party),
                    role,
                    email: value(PersonField::Email),
                    phone: value(PersonField::Phone),
                    dietary: value(PersonField::Dietary),
                    accessibility: value(PersonField::Accessibility),
                    ..MemberInput::default()
                };
                match add_member(conn, &trip.id, &member) {
                    Ok(_) => report.record(PreviewAction::Add, RecordKind::Member, label, detail),
                    Err(Error::Validation(fields)) if fields.iter().any(|field| field.code == "duplicate_member") => {
                        report.record(PreviewAction::Unchanged, RecordKind::Member, label, "already in this delegation")
                    }
                    Err(Error::Validation(fields)) => report.refused(line, "", fields),
                    Err(error) => return Err(error),
                }
            }
            None if find_person(conn, &name_latin, &name_original)?.is_some() => {
                report.record(PreviewAction::Unchanged, RecordKind::Person, label, "already in the register")
            }
            None => {
                let organisation = person.value(PersonField::Organisation);
                let organisation_id = if organisation.is_empty() {
                    None
                } else {
                    match ensure_organisation(conn, organisation, REGISTER_SIDE, None) {
                        Ok(id) => Some(id),
                        Err(Error::Validation(fields)) => {
                            let column = PersonField::Organisation.as_str();
                            report.refused(
                                line,
                                "",
                                fields.into_iter().map(|f| FieldError { field: column.into(), ..f }).collect(),
                            );
                            continue;
                        }
                        Err(error) => return Err(error),
                    }
                };
                let created = create_person(
                    conn,
                    &PersonInput {
                        name_latin,
                        name_original,
                        function_title: value(PersonField::FunctionTitle),
                        organisation_id,
                        side: Some(REGISTER_SIDE),
                        email: value(PersonField::Email),
                        phone: value(PersonField::Phone),
                        notes: value(PersonField::Notes),
                        ..PersonInput::default()
                    },
                );
                match created {
                    Ok(_) => report.record(PreviewAction::Add, RecordKind::Person, label, detail),
                    Err(Error::Validation(fields)) => report.refused(line, "", fields),
                    Err(error) => return Err(error),
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
