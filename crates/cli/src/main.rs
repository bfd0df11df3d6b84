//! `referat`: parse, index and search the minutes of Danish municipal
//! councils. `main` only dispatches; each command is one function in
//! `commands/`.

mod args;
mod commands;
mod error;
mod output;
mod threads;
mod walk;

use clap::Parser;

use args::{Cli, Command};
use output::exit;

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors.
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let result = match &cli.command {
        Command::Parse(a) => commands::parse::run(a),
        Command::Completions(a) => commands::completions::run(a),
        _ => Err(error::CliError::Usage("not available yet".into())),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            output::error(e);
            std::process::exit(exit::ERROR);
        }
    }
}
