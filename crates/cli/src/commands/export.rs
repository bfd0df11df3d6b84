//! `referat export`: every matching record, streamed as JSON Lines, one JSON
//! array, or CSV with one row per agenda item.

use std::path::Path;

use referat_archive::{csv_rows, Archive, CSV_COLUMNS};

use crate::args::{ExportArgs, ExportFormat};
use crate::commands::search::query_from;
use crate::error::CliError;
use crate::output::{self, exit};

/// Stream the records matching the query and filters to stdout, one at a
/// time. Exit code 1 (said on stderr) when none matches.
pub fn run(index_dir: &Path, args: &ExportArgs) -> Result<i32, CliError> {
    let query = query_from(&args.query, &args.filters)?;
    // --person means the resolved person: the documents of all its spellings.
    let records = Archive::open(index_dir)?.export(&query)?;
    let mut written = 0usize;
    output::with_stdout(|out| {
        match args.format {
            ExportFormat::Jsonl => {
                for record in records {
                    serde_json::to_writer(&mut *out, &record.map_err(std::io::Error::other)?)?;
                    writeln!(out)?;
                    written += 1;
                }
            }
            ExportFormat::Json => {
                write!(out, "[")?;
                for record in records {
                    if written > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    serde_json::to_writer(&mut *out, &record.map_err(std::io::Error::other)?)?;
                    written += 1;
                }
                writeln!(out, "\n]")?;
            }
            ExportFormat::Csv => {
                let mut csv = csv::Writer::from_writer(&mut *out);
                csv.write_record(CSV_COLUMNS)?;
                for record in records {
                    for row in csv_rows(&record.map_err(std::io::Error::other)?) {
                        csv.write_record(&row)?;
                    }
                    written += 1;
                }
                csv.flush()?;
            }
        }
        Ok(())
    })?;
    if written == 0 {
        output::error("no records match");
        return Ok(exit::PARTIAL);
    }
    Ok(exit::OK)
}
