//! `referat serve`: the local web page (all of it lives in `referat_web`).

use std::path::Path;

use crate::args::ServeArgs;
use crate::error::CliError;
use crate::output;

/// Serve the index on the address until interrupted; says where on stderr.
pub fn run(index_dir: &Path, args: &ServeArgs) -> Result<i32, CliError> {
    referat_web::run(
        index_dir,
        args.addr,
        referat_web::Limits::default(),
        |addr| {
            output::error(format!(
                "serving {} on http://{addr}/ (Ctrl-C stops)",
                index_dir.display()
            ));
        },
    )?;
    Ok(output::exit::OK)
}
