//! `referat completions`: shell completion scripts.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::error::CliError;
use crate::output::{self, exit};

/// Print the completion script for the chosen shell.
pub fn run(args: &CompletionsArgs) -> Result<i32, CliError> {
    output::with_stdout(|out| {
        clap_complete::generate(args.shell, &mut Cli::command(), "referat", out);
        Ok(())
    })?;
    Ok(exit::OK)
}
