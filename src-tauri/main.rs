//! The `partnerdesk` binary: the window, or with a subcommand the command line.

use std::process::ExitCode;

use clap::Parser;
use partnerdesk_lib::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version go out as clap writes them; a usage error becomes one line.
        Err(error) if !error.use_stderr() => error.exit(),
        Err(error) => {
            let message = error.to_string();
            let reason: Vec<&str> = message
                .lines()
                .take_while(|line| !line.starts_with("Usage:"))
                .map(|line| line.trim().trim_start_matches("error: "))
                .filter(|line| !line.is_empty())
                .collect();
            eprintln!("partnerdesk: {} (see partnerdesk --help)", reason.join(" "));
            return ExitCode::from(2);
        }
    };
    let db = cli.database_path();
    match &cli.command {
        Some(command) => match cli.passphrase().and_then(|key| cli::run(&db, key.as_ref(), command)) {
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
