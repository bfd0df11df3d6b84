//! `referat stats`: what the index holds, and what its documents lack.

use std::collections::BTreeMap;
use std::path::Path;

use referat_archive::Archive;

use crate::args::StatsArgs;
use crate::commands::search::query_from;
use crate::error::CliError;
use crate::output::{self, exit};

/// Documents without a date, body or text listed in the table (all in JSON).
const INCOMPLETE_SHOWN: usize = 20;

/// Print counts by municipality, body, year, document type and format of
/// the documents the query and filters select, then a data-quality summary.
pub fn run(index_dir: &Path, args: &StatsArgs) -> Result<i32, CliError> {
    let query = query_from(&args.query, &args.filters)?;
    let stats = Archive::open(index_dir)?.stats(&query)?;
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
            let key = if name == "year" { "date" } else { name };
            if let Some(n) = stats.missing.get(key).filter(|n| **n > 0) {
                writeln!(out, "  {n:>7}  (none)")?;
            }
        }
        writeln!(out, "\ndata quality:")?;
        for (what, n) in &stats.missing {
            writeln!(out, "  {n:>7}  without {what}")?;
        }
        for doc in stats.incomplete.iter().take(INCOMPLETE_SHOWN) {
            writeln!(
                out,
                "  {}  no {}  {}",
                doc.doc_id,
                doc.missing.join(", no "),
                doc.source_path
            )?;
        }
        if stats.incomplete.len() > INCOMPLETE_SHOWN {
            writeln!(
                out,
                "  … {} more (stats --json lists them all)",
                stats.incomplete.len() - INCOMPLETE_SHOWN
            )?;
        }
        Ok(())
    })?;
    Ok(exit::OK)
}
