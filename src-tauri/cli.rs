//! The command line of the `partnerdesk` binary. With a subcommand it works on the database
//! without opening a window, through the same domain functions as the window's commands.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::error::Result;
use crate::partnerships::{self, agreements};
use crate::{delegation, demo, programme, settings, store, trips};

#[derive(Debug, Parser)]
#[command(name = "partnerdesk", version, about = "Partnerdesk: delegation trips, programmes and partnerships")]
pub struct Cli {
    /// The database file to use instead of the one in the user's data directory.
    #[arg(long, env = "PARTNERDESK_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Without a command, the app opens its window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the example data from the seed articles (Düren–Jinhua and others).
    Demo,
    /// Print what is stored.
    List {
        #[command(subcommand)]
        what: ListCommand,
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
    /// Every agreement of every partnership, with its theme areas.
    Agreements {
        #[arg(long)]
        json: bool,
    },
}

impl Cli {
    pub fn database_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(store::default_path)
    }
}

/// Runs one command and returns what it prints.
pub fn run(db: &Path, command: &Command) -> Result<String> {
    let conn = store::open(db)?;
    match command {
        Command::Demo => {
            let summary = demo::load_demo(&conn)?;
            Ok(format!(
                "Loaded the example data: {} trips, {} delegation members, {} programme items.\n",
                summary.trips, summary.members, summary.items
            ))
        }
        Command::List { what: ListCommand::Trips { json } } => {
            let mut all = Vec::new();
            loop {
                let query = trips::TripQuery { offset: all.len() as i64, ..Default::default() };
                let page = trips::list_trips(&conn, &query)?;
                let done = page.trips.is_empty() || all.len() + page.trips.len() >= page.total as usize;
                all.extend(page.trips);
                if done {
                    break;
                }
            }
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
            let mut all = Vec::new();
            loop {
                let query = partnerships::PartnershipQuery { offset: all.len() as i64, ..Default::default() };
                let page = partnerships::list_partnerships(&conn, &query, settings::office_today(&conn)?)?;
                let done = page.partnerships.is_empty() || all.len() + page.partnerships.len() >= page.total as usize;
                all.extend(page.partnerships);
                if done {
                    break;
                }
            }
            render(*json, &all, |p| format!("{}\t{}\t{} – {}", p.id, p.status, p.our_side, p.partner_place))
        }
        Command::List { what: ListCommand::Agreements { json } } => {
            let all = agreements::list_agreements(&conn, None, settings::office_today(&conn)?)?;
            render(*json, &all, |a| {
                let until = a.valid_until.map(|d| d.to_string()).unwrap_or_else(|| "open-ended".into());
                format!("{}\t{}\t{}\t{}", a.id, a.kind, until, a.title)
            })
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
