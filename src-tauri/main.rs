//! The `partnerdesk` binary: the window, or with a subcommand the command line.

use std::process::ExitCode;

use clap::Parser;
use partnerdesk_lib::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let db = cli.database_path();
    match &cli.command {
        Some(command) => match cli::run(&db, command) {
            Ok(output) => {
                print!("{output}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("partnerdesk: {error}");
                ExitCode::FAILURE
            }
        },
        None => match partnerdesk_lib::run_app(db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("partnerdesk: {error}");
                ExitCode::FAILURE
            }
        },
    }
}
