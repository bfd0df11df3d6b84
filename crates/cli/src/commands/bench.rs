//! `referat bench`: parse (and index) files and report speed per format.

use crate::args::BenchArgs;
use crate::error::CliError;

/// Measure the files and print the figures.
pub fn run(_args: &BenchArgs) -> Result<i32, CliError> {
    Err(CliError::Usage("referat bench is being built".into()))
}
