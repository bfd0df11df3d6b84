//! `referat stats`: what the index holds.

use std::collections::BTreeMap;
use std::path::Path;

use referat_archive::Archive;

use crate::args::StatsArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// Print counts by municipality, body, year, document type and format.
pub fn run(index_dir: &Path, args: &StatsArgs) -> Result<i32, CliError> {
    let stats = Archive::open_or_create(index_dir)?.stats()?;
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &stats)?;
            return writeln!(out);
        }
        writeln!(
            out,
            "documents: {}\nitems:     {}",
            stats.documents, stats.items
        )?;
        let groups: [(&str, &BTreeMap<String, u64>); 5] = [
            ("municipality", &stats.by_municipality),
            ("body", &stats.by_body),
            ("year", &stats.by_year),
            ("doc_type", &stats.by_doc_type),
            ("format", &stats.by_format),
        ];
        for (name, counts) in groups {
            writeln!(out, "\nby {name}:")?;
            for (value, n) in counts {
                writeln!(out, "  {n:>7}  {value}")?;
            }
        }
        Ok(())
    })?;
    Ok(exit::OK)
}
