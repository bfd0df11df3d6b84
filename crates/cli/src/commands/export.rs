//! `referat export`: every matching record, streamed as JSON Lines, one JSON
//! array, or CSV with one row per agenda item.

use std::path::Path;

use referat_archive::{csv_rows, Archive, CSV_COLUMNS};

use crate::args::{ExportArgs, ExportFormat};
use crate::commands::search::query_from;
use crate::error::CliError;
use crate::output::{self, exit};

/// Stream the records matching the filters to stdout, one at a time.
pub fn run(index_dir: &Path, args: &ExportArgs) -> Result<i32, CliError> {
    let query = query_from(&args.filters)?;
    // --person means the resolved person: the documents of all its spellings.
    let records = Archive::open_or_create(index_dir)?.export(&query)?;
    output::with_stdout(|out| {
        match args.format {
            ExportFormat::Jsonl => {
                for record in records {
                    serde_json::to_writer(&mut *out, &record.map_err(std::io::Error::other)?)?;
                    writeln!(out)?;
                }
            }
            ExportFormat::Json => {
                write!(out, "[")?;
                for (i, record) in records.enumerate() {
                    if i > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    serde_json::to_writer(&mut *out, &record.map_err(std::io::Error::other)?)?;
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
                }
                csv.flush()?;
            }
        }
        Ok(())
    })?;
    Ok(exit::OK)
}
