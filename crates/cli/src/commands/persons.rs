//! `referat persons`: people resolved across documents.

use std::path::Path;

use crate::args::PersonsArgs;
use crate::error::CliError;

/// List each person with variants, roles, meetings, absences and mentions.
pub fn run(_index: &Path, _args: &PersonsArgs) -> Result<i32, CliError> {
    Err(CliError::Usage("referat persons is being built".into()))
}
