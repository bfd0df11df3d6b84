//! `referat`: parse, index and search the minutes of Danish municipal
//! councils. `main` only dispatches; each command is one short function in
//! `commands/` over the `referat_archive` library.

mod args;
mod commands;
mod error;
mod output;
mod progress;

use clap::Parser;

use args::{Cli, Command};
use output::exit;
use referat_archive::location;

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
    let index = location::resolve(cli.index.as_deref());
    let result = match &cli.command {
        Command::Parse(a) => commands::parse::run(a),
        Command::Ingest(a) => commands::ingest::run(&index, a),
        Command::Search(a) => commands::ingest::bundled_corpus_first(&cli, &index)
            .and_then(|()| commands::search::run(&index, a)),
        Command::Show(a) => commands::show::run(&index, a),
        Command::Export(a) => commands::export::run(&index, a),
        Command::Stats(a) => commands::stats::run(&index, a),
        Command::Persons(a) => commands::persons::run(&index, a),
        Command::Bench(a) => commands::bench::run(a),
        Command::Completions(a) => commands::completions::run(a),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            output::error(e);
            std::process::exit(exit::ERROR);
        }
    }
}
