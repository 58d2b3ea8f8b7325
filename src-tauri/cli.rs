//! The command line of the `partnerdesk` binary. With a subcommand it works on the database
//! without opening a window, through the same domain functions as the window's commands.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use partnerdesk_core::audience::{Recipient, Ticked};
use partnerdesk_core::contacts::organisations;
use partnerdesk_core::contacts::people::{self, RegisterQuery};
use partnerdesk_core::error::{Error, Result};
use partnerdesk_core::export::{DocumentLanguage, ExportFormat, ExportOptions};
use partnerdesk_core::import::{ImportOptions, ImportPreview, PreviewAction};
use partnerdesk_core::partnerships::{self, agreements};
use partnerdesk_core::projects::{self, ProjectQuery};
use partnerdesk_core::search::{self, SearchKind};
use partnerdesk_core::sharing::partner_offices::{self, PartnerOfficeInput, ShareInput};
use partnerdesk_core::sharing::{self, SharingInput};
use partnerdesk_core::store::backup::{self, BackupSummary};
use partnerdesk_core::store::encryption::Passphrase;
use partnerdesk_core::store::paging::PageRequest;
use partnerdesk_core::tasks::list::{list_tasks, TaskQuery, TaskView};
use partnerdesk_core::vocabulary::Language;
use partnerdesk_core::{
    costs, delegation, demo, export, gifts, import, money, privacy, programme, publishing, registrations, report,
    settings, store, trips,
};

#[derive(Debug, Parser)]
#[command(name = "partnerdesk", version, about = "Partnerdesk: delegation trips, programmes and partnerships")]
pub struct Cli {
    /// The database file to use instead of the one in the user's data directory.
    #[arg(long, env = "PARTNERDESK_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Read the passphrase of an encrypted database from this environment variable (never
    /// from the command line, where other users could see it).
    #[arg(long, global = true, value_name = "VAR")]
    pub passphrase_env: Option<String>,
    /// Without a command, the app opens its window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the example data from the seed articles (Düren–Jinhua and others), or with
    /// --office-years an office of that many years of history, to measure and try at scale.
    Demo {
        /// Write an office of this many years (a hundred trips a year) into an empty database.
        #[arg(long, value_name = "YEARS")]
        office_years: Option<usize>,
        /// The seed the office is written from: the same seed, the same office.
        #[arg(long, default_value_t = 2002, requires = "office_years")]
        seed: u64,
        /// Print what was written as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print what is stored.
    List {
        #[command(subcommand)]
        what: ListCommand,
    },
    /// Write a file for people who do not use Partnerdesk.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Read a file from outside: a trip bundle, a calendar (.ics), a table of people (.csv,
    /// .xlsx) or contacts (.vcf); the kind is recognised by the content.
    Import {
        file: PathBuf,
        /// The trip that calendar events or delegation members go into.
        #[arg(long, value_name = "ID")]
        trip: Option<String>,
        /// Print what would be added, updated and left alone, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows of a file with problems and leave the bad ones out.
        #[arg(long)]
        skip_bad_rows: bool,
        /// People from a table or vCard go onto the trip's invitation list as registered
        /// (the spreadsheet a registration form produces), not into its delegation.
        #[arg(long, requires = "trip")]
        registrations: bool,
    },
    /// The annual partnership report for the council: one year, all partnerships or one.
    Report {
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// Only this partnership (see `list partnerships`).
        #[arg(long, value_name = "ID")]
        partnership: Option<String>,
        /// pdf: PDF/A-2b with charts, for the council's archive; docx: for the council's template;
        /// xlsx: the workbook with every figure.
        #[arg(long, default_value = "pdf")]
        format: report::ReportFormat,
        /// de or en; the office's language when not given.
        #[arg(long, value_name = "LANG")]
        lang: Option<Language>,
        /// A foreword printed before the figures.
        #[arg(long, default_value = "")]
        foreword: String,
        /// A partnership to leave out (repeatable).
        #[arg(long, value_name = "ID")]
        leave_out_partnership: Vec<String>,
        /// A trip or gift to leave out (repeatable); a trip takes its gifts with it.
        #[arg(long, value_name = "ID")]
        leave_out: Vec<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Save a checked copy of the database (SQLite's online backup, safe while the app runs).
    Backup {
        /// The file to write; it is replaced whole or not at all.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the database with a backup. The database it replaces is kept in `backups/`
    /// beside it; a backup from an older version is migrated.
    Restore {
        file: PathBuf,
        /// Print what the backup holds and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Personal data as the GDPR requires.
    Privacy {
        #[command(subcommand)]
        what: PrivacyCommand,
    },
    /// Share chosen trips and partnerships with a partner office through a folder of its own.
    PartnerOffice {
        #[command(subcommand)]
        what: PartnerOfficeCommand,
    },
    /// Find anything in the office: trips, programme items, people, organisations,
    /// partnerships, agreements, tasks, outcomes and gifts, in any script.
    Search {
        #[arg(value_name = "QUERY")]
        query: String,
        /// Only records of this kind.
        #[arg(long, value_name = "KIND", value_parser = parse_search_kind)]
        kind: Option<SearchKind>,
        /// Print the hits as JSON: kind, id, title, context, matched, internal, parent_id.
        #[arg(long)]
        json: bool,
    },
    /// Publish to a calendar server.
    Publish {
        #[command(subcommand)]
        what: PublishCommand,
    },
    /// Share with the office's other laptops through a folder they sync: send this laptop's
    /// changes and apply the others'. The first time (or with another folder) give the
    /// office key through --key-env; this laptop keeps it.
    #[command(args_conflicts_with_subcommands = true)]
    Sync {
        #[command(subcommand)]
        what: Option<SyncCommand>,
        #[command(flatten)]
        folder: SyncFolder,
        /// Print {"sent": N, "applied": N, "conflicts": N}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PartnerOfficeCommand {
    /// Start sharing with a partner office through DIR, with the key the two offices agreed on.
    Link {
        /// The partner office's name, as trips and partnerships show it.
        #[arg(long, value_name = "NAME")]
        name: String,
        #[arg(long, value_name = "DIR")]
        folder: PathBuf,
        /// Read the agreed key (at least 10 characters) from this environment variable.
        #[arg(long, value_name = "VAR")]
        key_env: String,
        /// How this office is named in the partner office's conflict list.
        #[arg(long = "as", value_name = "NAME")]
        our_name: String,
        /// Print the partner office as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The partner offices, what is shared with each and when it last synced.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Share a trip (with its programme and delegation) or a partnership (with its agreements).
    Share {
        #[arg(value_name = "OFFICE")]
        office: String,
        #[command(flatten)]
        record: SharedRecord,
    },
    /// Stop sharing a trip or partnership; the partner office keeps what it has.
    Unshare {
        #[arg(value_name = "OFFICE")]
        office: String,
        #[command(flatten)]
        record: SharedRecord,
    },
    /// Stop sharing with a partner office; all records stay.
    Unlink {
        #[arg(value_name = "OFFICE")]
        office: String,
    },
}

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct SharedRecord {
    #[arg(long, value_name = "ID")]
    trip: Option<String>,
    #[arg(long, value_name = "ID")]
    partnership: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PublishCommand {
    /// A trip's programme (or one member's) on a CalDAV calendar: changed items with a raised
    /// SEQUENCE, removed ones cancelled.
    Calendar {
        #[arg(long, value_name = "ID")]
        trip: String,
        /// Only the items this delegation member takes part in.
        #[arg(long, value_name = "ID")]
        member: Option<String>,
        /// The calendar's address (its collection URL).
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(long, value_name = "NAME")]
        user: String,
        /// Read the password from this environment variable.
        #[arg(long, value_name = "VAR")]
        password_env: String,
        /// Print {"events": N, "cancelled": N}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct SyncFolder {
    /// The office's shared folder (Nextcloud, an SMB share, Syncthing).
    #[arg(long, value_name = "DIR")]
    pub folder: Option<PathBuf>,
    /// Read the office key (at least 10 characters) from this environment variable.
    #[arg(long, value_name = "VAR")]
    pub key_env: Option<String>,
    /// This laptop's name as colleagues see it in their conflict list.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Start this empty database from the shared folder: everything the office shares.
    Join {
        #[command(flatten)]
        folder: SyncFolder,
        #[arg(long)]
        json: bool,
    },
    /// Sync, then write a snapshot of everything shared and take this laptop's change files
    /// out of the folder that the snapshot covers and every colleague has applied.
    Compact {
        /// Print {"sent": N, "applied": N, "conflicts": N, "snapshot_written": B, "removed": N, "kept": N}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PrivacyCommand {
    /// Erase the travel documents and needs of members whose trip ended longer ago than the
    /// settings keep them.
    EraseDue {
        /// Print which trips are due and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A trip: its programme, its delegation list, or the whole trip as a bundle.
    Trip {
        /// The trip's ID (see `list trips`).
        id: String,
        /// pdf or html: the programme to read; ics: the programme as a calendar file (RFC 5545);
        /// xlsx or csv: the delegation list; bundle: the whole trip for another Partnerdesk;
        /// travel_copy: a reduced database of the trip to take on the journey; costs: the
        /// trip's costs as a workbook for the office; costs_pdf: the cost overview on paper for
        /// the office; registrations: the participants list for the travel agency and the
        /// partner's foreign-affairs office; briefing, briefing_html: the briefing folder for the
        /// head of the delegation (with --member, for that member).
        #[arg(long)]
        format: ExportFormat,
        /// Only the items this delegation member takes part in (pdf, html, ics); for a briefing,
        /// the member it is for.
        #[arg(long, value_name = "ID")]
        member: Option<String>,
        /// The language of a pdf, html or ics programme: de, en or zh (the trip's Chinese texts,
        /// for the partner's side), or de or en with the trip's second language beside it: de+zh,
        /// en+zh, de+fr, … Texts without their translation are named on stderr, one line each.
        #[arg(long)]
        lang: Option<DocumentLanguage>,
        /// travel_copy: take passport numbers, dates of birth and visa status along.
        #[arg(long)]
        with_travel_documents: bool,
        /// travel_copy, xlsx, csv, and a bundle for the own office: take dietary and
        /// accessibility notes along.
        #[arg(long)]
        with_health_notes: bool,
        /// travel_copy: take the office's internal notes along.
        #[arg(long)]
        with_internal_notes: bool,
        /// bundle: own_office (a colleague, internal notes included) or other_office (the
        /// partner office of a Stadt or Kreis, no internal notes and no health notes).
        #[arg(long = "for", value_name = "RECIPIENT", default_value = "own_office")]
        recipient: Recipient,
        /// bundle: leave the documents of the trip, its items and members out.
        #[arg(long)]
        without_documents: bool,
        /// The file to write; it is replaced whole or not at all.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The public list of the gifts received in a year that the office publishes.
    Gifts {
        #[arg(long, value_name = "YYYY")]
        year: i32,
        /// The file to write, .xlsx or .pdf; it is replaced whole or not at all.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// All trips (not those in the trash), newest first.
    Trips {
        #[arg(long)]
        json: bool,
    },
    /// The programme items of a trip, in order.
    Items {
        #[arg(long, value_name = "ID")]
        trip: String,
        #[arg(long)]
        json: bool,
    },
    /// The delegation of a trip, in order of precedence.
    Members {
        #[arg(long, value_name = "ID")]
        trip: String,
        #[arg(long)]
        json: bool,
    },
    /// The partnerships in the register.
    Partnerships {
        #[arg(long)]
        json: bool,
    },
    /// Every agreement of every partnership, with its theme areas and signatories.
    Agreements {
        #[arg(long)]
        json: bool,
    },
    /// The people in the register, both sides.
    People {
        #[arg(long)]
        json: bool,
    },
    /// The organisations in the register, both sides.
    Organisations {
        #[arg(long)]
        json: bool,
    },
    /// The projects, running ones first, each with its partnerships, the people and
    /// organisations involved and the trips, items, agreements and outcomes that serve it.
    Projects {
        #[arg(long)]
        json: bool,
    },
    /// Follow-up tasks with their links (trip, programme item, partnership, project, theme area,
    /// people), by due date.
    Tasks {
        /// Only the tasks of this trip.
        #[arg(long, value_name = "ID")]
        trip: Option<String>,
        /// Which tasks: open, overdue, this_week, closed or all.
        #[arg(long, default_value = "all")]
        view: TaskView,
        #[arg(long)]
        json: bool,
    },
    /// Values that lost when two laptops changed the same field, and changes the sharing
    /// rules set aside, newest first.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// A trip's cost lines by category, each with its amounts in its currency and in euros
    /// and the rate it was converted at.
    Costs {
        #[arg(long, value_name = "ID")]
        trip: String,
        #[arg(long)]
        json: bool,
    },
    /// The invitation list of an outgoing trip: who is invited, registered, confirmed,
    /// declined or withdrawn, with organisation and cost share.
    Registrations {
        #[arg(long, value_name = "ID")]
        trip: String,
        #[arg(long)]
        json: bool,
    },
    /// The gifts register: gifts given and received on trips, newest first.
    Gifts {
        /// Only the gifts of this trip.
        #[arg(long, value_name = "ID")]
        trip: Option<String>,
        /// Only the gifts of this calendar year.
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    pub fn database_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(store::default_path)
    }

    /// The passphrase from the variable `--passphrase-env` names, if it names one.
    pub fn passphrase(&self) -> Result<Option<Passphrase>> {
        let Some(variable) = &self.passphrase_env else {
            return Ok(None);
        };
        match std::env::var(variable) {
            Ok(text) if !text.is_empty() => Ok(Some(Passphrase::new(text))),
            _ => Err(Error::field(
                "passphrase",
                "passphrase_missing",
                format!("the environment variable {variable} holds no passphrase"),
            )),
        }
    }
}

/// Runs one command and returns what it prints.
pub fn run(db: &Path, key: Option<&Passphrase>, command: &Command) -> Result<String> {
    let conn = store::open_with_key(db, key)?;
    match command {
        Command::Demo { office_years: Some(years), seed, json } => {
            let office = demo::office_years::write_office(&conn, *years, *seed)?;
            if *json {
                return Ok(format!("{}\n", serde_json::to_string(&office)?));
            }
            Ok(format!(
                "Wrote {} years of an office: {} trips, {} delegation members, {} programme items, {} people, \
                 {} organisations, {} tasks, {} agreements.\n",
                office.years,
                office.trips,
                office.members,
                office.items,
                office.people,
                office.organisations,
                office.tasks,
                office.agreements
            ))
        }
        Command::Demo { office_years: None, .. } => {
            let summary = demo::load_demo(&conn)?;
            Ok(format!(
                "Loaded the example data: {} trips, {} delegation members, {} programme items.\n",
                summary.trips, summary.members, summary.items
            ))
        }
        Command::Export {
            what:
                ExportCommand::Trip {
                    id,
                    format,
                    member,
                    lang,
                    with_travel_documents,
                    with_health_notes,
                    with_internal_notes,
                    recipient,
                    without_documents,
                    out,
                },
        } => {
            let ticked = Ticked {
                travel_documents: *with_travel_documents,
                health_notes: *with_health_notes,
                internal_notes: *with_internal_notes,
            };
            let options = ExportOptions {
                member_id: member.clone(),
                language: *lang,
                ticked,
                recipient: *recipient,
                leave_out_documents: *without_documents,
            };
            for missing in export::missing_translations(&conn, id, *format, &options)? {
                let fields: Vec<&str> = missing.fields.iter().map(|field| field.as_str()).collect();
                let what = match missing.item_id {
                    Some(_) => format!("{} {}", missing.start_local.replace('T', " "), missing.title),
                    None => format!("the trip {}", missing.title),
                };
                eprintln!("no translation: {what} ({})", fields.join(", "));
            }
            let bytes = export::trip_file(&conn, id, *format, &options)?;
            export::write_atomically(out, &bytes)?;
            Ok(format!("Wrote {}.\n", out.display()))
        }
        Command::Export { what: ExportCommand::Gifts { year, out } } => {
            let extension = out.extension().map(|extension| extension.to_string_lossy().to_lowercase());
            let format = extension
                .as_deref()
                .and_then(export::gifts::PublicListFormat::parse)
                .ok_or_else(|| Error::field("out", "format", "the public gifts list is written as .xlsx or .pdf"))?;
            let bytes = export::gifts::public_gifts(&conn, *year, format)?;
            export::write_atomically(out, &bytes)?;
            Ok(format!("Wrote {}.\n", out.display()))
        }
        Command::Report { year, partnership, format, lang, foreword, leave_out_partnership, leave_out, out } => {
            let choices = report::ReportChoices {
                year: *year,
                partnership_id: partnership.clone(),
                foreword: foreword.clone(),
                left_out: leave_out_partnership.clone(),
                left_out_items: leave_out.clone(),
            };
            let language = match lang {
                Some(language) => *language,
                None => settings::get_settings(&conn)?.language,
            };
            let bytes = report::render_report(&conn, &choices, *format, language)?;
            export::write_atomically(out, &bytes)?;
            report::record_report(&conn, &choices, *format, language)?;
            Ok(format!("Wrote {}.\n", out.display()))
        }
        Command::Backup { out } => {
            backup::backup_to(&conn, out, key)?;
            Ok(format!("Wrote {}.\n", out.display()))
        }
        Command::Restore { file, dry_run } => {
            let summary = backup::inspect_backup(file, key)?;
            if *dry_run {
                return Ok(backup_summary_text(&summary) + "Dry run: nothing changed.\n");
            }
            drop(conn);
            let restored = backup::restore_from(db, file, key)?;
            let kept = format!("Restored. The data it replaced is kept in {}.\n", restored.kept_as);
            Ok(backup_summary_text(&summary) + &kept)
        }
        Command::PartnerOffice { what } => partner_office(&conn, what),
        Command::Search { query, kind, json } => render(*json, &search::search(&conn, query, *kind)?, |hit| {
            format!(
                "{}\t{}\t{}\t{}{}",
                hit.kind.as_str(),
                hit.id,
                hit.title,
                hit.context,
                if hit.internal { "\t(internal notes)" } else { "" }
            )
        }),
        Command::Privacy { what: PrivacyCommand::EraseDue { dry_run } } => {
            let today = settings::office_today(&conn)?;
            let due = privacy::due_erasures(&conn, today)?;
            let mut text: String = due
                .iter()
                .map(|d| format!("{}\t{}\t{} members\t{}\n", d.trip_id, d.end_date, d.members, d.title))
                .collect();
            if *dry_run {
                text += "Dry run: nothing erased.\n";
            } else {
                text += &format!("Erased the travel documents of {} members.\n", privacy::erase_due(&conn, today)?);
            }
            Ok(text)
        }
        Command::Import { file, trip, dry_run, skip_bad_rows, registrations } => {
            let bytes = import::read_import_file(file)?;
            let options = ImportOptions {
                trip_id: trip.clone(),
                registrations: *registrations,
                skip_bad_rows: *skip_bad_rows,
                columns: None,
            };
            if *dry_run {
                Ok(import_preview_text(&import::preview(&conn, &bytes, &options)?))
            } else {
                let done = import::apply(&conn, &bytes, &options)?;
                Ok(format!(
                    "Imported {}: {} added, {} updated, {} unchanged, {} skipped.\n",
                    done.kind, done.added, done.updated, done.unchanged, done.skipped
                ))
            }
        }
        Command::List { what: ListCommand::Trips { json } } => {
            let all = all_pages(|offset| {
                let page = trips::list_trips(
                    &conn,
                    &trips::TripQuery { page: PageRequest { offset, ..Default::default() }, ..Default::default() },
                )?;
                Ok((page.items, page.total))
            })?;
            render(*json, &all, |t| {
                format!("{}\t{} – {}\t{}\t{}", t.id, t.start_date, t.end_date, t.direction, t.title)
            })
        }
        Command::List { what: ListCommand::Items { trip, json } } => {
            let items = programme::list_items(&conn, trip)?;
            render(*json, &items, |i| {
                format!("{}\t{} {}\t{} {}\t{}", i.id, i.start.local, i.start.zone, i.end.local, i.end.zone, i.title)
            })
        }
        Command::List { what: ListCommand::Members { trip, json } } => {
            let members = delegation::list_members(&conn, trip)?;
            render(*json, &members, |m| format!("{}\t{}\t{}\t{}", m.id, m.precedence, m.role, m.name_latin))
        }
        Command::List { what: ListCommand::Partnerships { json } } => {
            let today = settings::office_today(&conn)?;
            let all = all_pages(|offset| {
                let query = partnerships::PartnershipQuery {
                    page: PageRequest { offset, ..Default::default() },
                    ..Default::default()
                };
                let page = partnerships::list_partnerships(&conn, &query, today)?;
                Ok((page.items, page.total))
            })?;
            render(*json, &all, |p| format!("{}\t{}\t{} – {}", p.id, p.status, p.our_side, p.partner_place))
        }
        Command::List { what: ListCommand::Agreements { json } } => {
            let all = agreements::list_agreements(&conn, None, settings::office_today(&conn)?)?;
            render(*json, &all, |a| {
                let until = a.valid_until.map(|d| d.to_string()).unwrap_or_else(|| "open-ended".into());
                format!("{}\t{}\t{}\t{}", a.id, a.kind, until, a.title)
            })
        }
        Command::List { what: ListCommand::People { json } } => {
            let all = all_pages(|offset| {
                let page = people::list_people(
                    &conn,
                    &RegisterQuery { page: PageRequest { offset, ..Default::default() }, ..Default::default() },
                )?;
                Ok((page.items, page.total))
            })?;
            render(*json, &all, |p| format!("{}\t{}\t{}\t{}", p.id, p.side, p.name_latin, p.function_title))
        }
        Command::List { what: ListCommand::Organisations { json } } => {
            let all = all_pages(|offset| {
                let query = RegisterQuery { page: PageRequest { offset, ..Default::default() }, ..Default::default() };
                let page = organisations::list_organisations(&conn, &query)?;
                Ok((page.items, page.total))
            })?;
            render(*json, &all, |o| format!("{}\t{}\t{}\t{}", o.id, o.side, o.kind, o.name))
        }
        Command::List { what: ListCommand::Projects { json } } => {
            let all = all_pages(|offset| {
                let query = ProjectQuery { page: PageRequest { offset, ..Default::default() }, ..Default::default() };
                let page = projects::list_projects(&conn, &query)?;
                Ok((page.items, page.total))
            })?;
            let pages =
                all.iter().map(|summary| projects::get_project(&conn, &summary.id)).collect::<Result<Vec<_>>>()?;
            render(*json, &pages, |p| format!("{}\t{}\t{}", p.id, p.status, p.title))
        }
        Command::List { what: ListCommand::Tasks { trip, view, json } } => {
            let today = settings::office_today(&conn)?;
            let all = all_pages(|offset| {
                let query = TaskQuery {
                    view: Some(*view),
                    trip_id: trip.clone(),
                    page: PageRequest { offset, ..Default::default() },
                    ..Default::default()
                };
                let page = list_tasks(&conn, &query, today)?;
                Ok((page.items, page.total))
            })?;
            render(*json, &all, |t| {
                let due = t.due_date.map(|d| d.to_string()).unwrap_or_else(|| "no due date".into());
                format!("{}	{}	{}	{}", t.id, due, t.status, t.title)
            })
        }
        Command::Publish { what: PublishCommand::Calendar { trip, member, url, user, password_env, json } } => {
            let password = std::env::var(password_env).unwrap_or_default();
            let account = publishing::CalendarAccount { url: url.clone(), user: user.clone() };
            let published = publishing::publish_calendar(&conn, trip, member.as_deref(), &account, &password)?;
            if *json {
                return Ok(format!("{}\n", serde_json::to_string(&published)?));
            }
            Ok(format!("Published {} events ({} cancelled).\n", published.events, published.cancelled))
        }
        Command::Sync { what: None, folder, json } => {
            if let Some(input) = sharing_input(&conn, folder, false)? {
                sharing::turn_on(&conn, &input)?;
            }
            sync_text(*json, &sharing::sync(&conn)?)
        }
        Command::Sync { what: Some(SyncCommand::Join { folder, json }), .. } => {
            let input = sharing_input(&conn, folder, true)?
                .ok_or_else(|| Error::field("key_env", "required", "give the office key"))?;
            sync_text(*json, &sharing::join(&conn, &input)?)
        }
        Command::Sync { what: Some(SyncCommand::Compact { json }), .. } => {
            let (summary, compaction) = sharing::compact(&conn)?;
            if *json {
                let mut both = serde_json::to_value(summary)?;
                if let (Some(both), serde_json::Value::Object(tidied)) =
                    (both.as_object_mut(), serde_json::to_value(compaction)?)
                {
                    both.extend(tidied);
                }
                return Ok(format!("{both}\n"));
            }
            Ok(format!(
                "{}{}Took {} of this laptop's files out of the folder; {} stay until every colleague has them.\n",
                sync_text(false, &summary)?,
                if compaction.snapshot_written { "Wrote a snapshot of everything shared.\n" } else { "" },
                compaction.removed,
                compaction.kept
            ))
        }
        Command::List { what: ListCommand::Conflicts { json } } => {
            let all = all_pages(|offset| {
                let page = sharing::list_conflicts(&conn, PageRequest { offset, ..Default::default() })?;
                Ok((page.items, page.total))
            })?;
            render(*json, &all, |c| {
                format!(
                    "{}\t{}\t{}.{}\t{}\tkept {}\tlost {} ({})",
                    c.id, c.kind, c.table_name, c.column_name, c.record_label, c.kept_value, c.lost_value, c.lost_by
                )
            })
        }
        Command::List { what: ListCommand::Costs { trip, json } } => {
            let lines = costs::list_cost_lines(&conn, trip)?;
            render(*json, &lines, |line| {
                let amount =
                    |minor: Option<i64>| minor.map(|m| money::plain(m, line.places)).unwrap_or_else(|| "–".into());
                let euros = |cents: Option<i64>| cents.map(|c| money::plain(c, 2)).unwrap_or_else(|| "–".into());
                format!(
                    "{}\t{}\t{}\tplanned {} {} ({} EUR)\tactual {} {} ({} EUR)\trate {}\t{}",
                    line.id,
                    line.category,
                    line.bearer,
                    amount(line.planned_minor),
                    line.currency,
                    euros(line.planned_cents),
                    amount(line.actual_minor),
                    line.currency,
                    euros(line.actual_cents),
                    line.per_euro.as_deref().unwrap_or("1"),
                    line.description
                )
            })
        }
        Command::List { what: ListCommand::Registrations { trip, json } } => {
            let list = registrations::trip_registrations(&conn, trip)?;
            let trip_share = list.invitation.as_ref().and_then(|invitation| invitation.cost_share_cents);
            render(*json, &list.registrations, |r| {
                let share = r.cost_share_cents.or(trip_share).map(|c| format!("{} EUR", money::plain(c, 2)));
                format!(
                    "{}	{}	{}	{}	{}	{}",
                    r.id,
                    r.status,
                    r.name_latin,
                    r.organisation,
                    r.function_title,
                    share.unwrap_or_else(|| "–".into())
                )
            })
        }
        Command::List { what: ListCommand::Gifts { trip, year, json } } => {
            let all = all_pages(|offset| {
                let query = gifts::GiftQuery {
                    trip_id: trip.clone(),
                    year: *year,
                    page: PageRequest { offset, ..Default::default() },
                    ..Default::default()
                };
                let page = gifts::list_gifts(&conn, &query)?;
                Ok((page.page.items, page.page.total))
            })?;
            render(*json, &all, |g| {
                let value =
                    g.value_minor.map(|v| format!("{}.{:02} {}", v / 100, v % 100, g.currency)).unwrap_or_default();
                format!("{}\t{}\t{}\t{}\t{}", g.id, g.given_on, g.direction, value, g.description)
            })
        }
    }
}

fn parse_search_kind(text: &str) -> std::result::Result<SearchKind, String> {
    SearchKind::parse(text).ok_or_else(|| {
        "one of trip, item, person, organisation, partnership, agreement, task, outcome, gift".to_string()
    })
}

fn partner_office(conn: &rusqlite::Connection, what: &PartnerOfficeCommand) -> Result<String> {
    match what {
        PartnerOfficeCommand::Link { name, folder, key_env, our_name, json } => {
            let input = PartnerOfficeInput {
                name: name.clone(),
                folder: folder.display().to_string(),
                passphrase: std::env::var(key_env).unwrap_or_default(),
                our_name: our_name.clone(),
            };
            let office = partner_offices::link(conn, &input)?;
            if *json {
                return Ok(format!("{}\n", serde_json::to_string(&office)?));
            }
            Ok(format!("{}\tConnected with {}.\n", office.id, office.name))
        }
        PartnerOfficeCommand::List { json } => render(*json, &partner_offices::list(conn)?, |office| {
            format!(
                "{}\t{}\t{}\t{} trips, {} partnerships\t{}{}",
                office.id,
                office.name,
                office.folder,
                office.trips,
                office.partnerships,
                office.last_sync.as_deref().unwrap_or("never synced"),
                office.problem.as_deref().map(|problem| format!("\t{problem}")).unwrap_or_default()
            )
        }),
        PartnerOfficeCommand::Share { office, record } | PartnerOfficeCommand::Unshare { office, record } => {
            let shared = matches!(what, PartnerOfficeCommand::Share { .. });
            let input = ShareInput {
                office_id: office.clone(),
                trip_id: record.trip.clone(),
                partnership_id: record.partnership.clone(),
                shared,
            };
            partner_offices::set_shared(conn, &input)?;
            Ok(if shared { "Shared.\n" } else { "No longer shared; the partner office keeps what it has.\n" }.into())
        }
        PartnerOfficeCommand::Unlink { office } => {
            partner_offices::unlink(conn, office)?;
            Ok("Disconnected; all records stay.\n".into())
        }
    }
}

/// What `sync` and `sync join` are given, as the window's form would give it.
fn sharing_input(conn: &rusqlite::Connection, folder: &SyncFolder, required: bool) -> Result<Option<SharingInput>> {
    let status = sharing::status(conn)?;
    let Some(variable) = &folder.key_env else {
        if required {
            return Err(Error::field("key_env", "required", "give the office key with --key-env VAR"));
        }
        let configured = status.folder.as_deref().map(PathBuf::from);
        return match (&folder.folder, configured) {
            (None, None) if status.partner_offices > 0 => Ok(None),
            (_, None) => {
                Err(Error::field("key_env", "required", "sharing is off here: give the office key with --key-env VAR"))
            }
            (Some(given), Some(configured)) if *given != configured => Err(Error::field(
                "folder",
                "other_folder",
                format!(
                    "this laptop shares through {}; give the office key with --key-env VAR to change",
                    configured.display()
                ),
            )),
            _ => Ok(None),
        };
    };
    let passphrase = std::env::var(variable).unwrap_or_default();
    let dir = folder.folder.clone().or(status.folder.map(PathBuf::from));
    let dir = dir.ok_or_else(|| Error::field("folder", "required", "give the shared folder with --folder DIR"))?;
    let device_name = folder
        .name
        .clone()
        .or((!status.device_name.is_empty()).then_some(status.device_name))
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "Laptop".into());
    Ok(Some(SharingInput { folder: dir.display().to_string(), passphrase, device_name }))
}

fn sync_text(json: bool, summary: &sharing::SyncSummary) -> Result<String> {
    if json {
        return Ok(format!("{}\n", serde_json::to_string(summary)?));
    }
    Ok(format!(
        "Sent {} changes, applied {} from other laptops, {} conflicts set aside.\n",
        summary.sent, summary.applied, summary.conflicts
    ))
}

fn backup_summary_text(summary: &BackupSummary) -> String {
    let counts = &summary.counts;
    format!(
        "{} ({}, schema version {}): {} trips, {} programme items, {} partnerships, {} people, {} organisations, \
         {} tasks, {} gifts.\n",
        summary.file_name,
        summary.taken_at.format("%Y-%m-%d %H:%M"),
        summary.schema_version,
        counts.trips,
        counts.items,
        counts.partnerships,
        counts.people,
        counts.organisations,
        counts.tasks,
        counts.gifts
    )
}

/// The preview as lines: `+` added, `~` updated, `x` removed, `=` unchanged (`>` the copy here
/// is newer), `-` skipped, then the problems.
fn import_preview_text(preview: &ImportPreview) -> String {
    let mut text = format!(
        "{}: {} to add, {} to update, {} unchanged, {} problems (dry run: nothing changed)\n",
        preview.kind,
        preview.added,
        preview.updated,
        preview.unchanged,
        preview.problems.len()
    );
    for row in &preview.rows {
        let sign = match row.action {
            PreviewAction::Add => '+',
            PreviewAction::Update => '~',
            PreviewAction::Remove => 'x',
            PreviewAction::Unchanged => '=',
            PreviewAction::KeptNewer => '>',
            PreviewAction::Skip => '-',
        };
        text += &format!("{sign} {} {}: {}\n", row.record, row.label, row.detail);
    }
    for problem in &preview.problems {
        let at = problem.line.map(|line| format!("line {line}, ")).unwrap_or_default();
        text += &format!("! {at}{}: {}\n", problem.field, problem.message);
    }
    text
}

/// Every record of a paged list: `page(offset)` answers one page and the total.
fn all_pages<T>(mut page: impl FnMut(i64) -> Result<(Vec<T>, i64)>) -> Result<Vec<T>> {
    let mut all = Vec::new();
    loop {
        let (records, total) = page(all.len() as i64)?;
        let done = records.is_empty() || all.len() + records.len() >= total as usize;
        all.extend(records);
        if done {
            return Ok(all);
        }
    }
}

fn render<T: Serialize>(json: bool, records: &[T], line: impl Fn(&T) -> String) -> Result<String> {
    if json {
        Ok(serde_json::to_string_pretty(records)? + "\n")
    } else {
        Ok(records.iter().map(|r| line(r) + "\n").collect())
    }
}
