//! `referat`: parse, index and search the minutes of Danish municipal
//! councils. `main` only dispatches; each command is one short function in
//! `commands/` over the `referat_archive` library.

mod args;
mod commands;
mod error;
mod output;
mod plot;
mod progress;

use clap::Parser;

use args::{Cli, Command};
use output::exit;
use referat_archive::location;

/// Subcommands whose positional words are a query.
const QUERY_COMMANDS: [&str; 4] = ["search", "export", "stats", "timeline"];

/// Rewrites each `-word` after a query command into the hidden `--not
/// word`, so that the README's `referat search hjemløse OR husløse -corona
/// --from …` works: to clap a leading hyphen is a flag. `-h`, `-V` and
/// anything after `--` stay as they are.
fn excluded_words(args: impl Iterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut out = Vec::new();
    let mut in_query_command = false;
    let mut after_double_dash = false;
    for arg in args {
        let text = arg.to_str().unwrap_or_default();
        if in_query_command && !after_double_dash {
            if text == "--" {
                after_double_dash = true;
            } else if let Some(word) = text.strip_prefix('-') {
                let starts_word =
                    word.chars().next().is_some_and(char::is_alphabetic) || word.starts_with('"');
                if starts_word && word.chars().count() > 1 {
                    out.push("--not".into());
                    out.push(word.into());
                    continue;
                }
            }
        } else if QUERY_COMMANDS.contains(&text) {
            in_query_command = true;
        }
        out.push(arg);
    }
    out
}

fn main() {
    let cli = match Cli::try_parse_from(excluded_words(std::env::args_os())) {
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
        Command::Timeline(a) => commands::timeline::run(&index, a),
        Command::Attendance(a) => commands::attendance::run(&index, a),
        Command::Persons(a) => commands::persons::run(&index, a),
        Command::Serve(a) => commands::serve::run(&index, a),
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
