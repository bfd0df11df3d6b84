//! `referat export`: every matching meeting, document, item or file,
//! streamed as JSON Lines, one JSON array, or CSV.

use std::path::Path;

use referat_archive::{csv_header, Archive, Granularity};

use crate::args::{ExportArgs, ExportFormat};
use crate::commands::search::query_from;
use crate::error::CliError;
use crate::output::{self, exit};

/// Stream what the query and filters select to stdout, one unit at a time,
/// at the granularity `--by` asks for. Exit code 1 (said on stderr) when
/// nothing matches.
pub fn run(index_dir: &Path, args: &ExportArgs) -> Result<i32, CliError> {
    let query = query_from(&args.query, &args.filters)?;
    let by: Granularity = args.by.into();
    let archive = Archive::open(index_dir)?;
    // --person means the resolved person: the documents of all its spellings.
    let mut units = archive.export_by(&query, by)?;
    let mut written = 0usize;
    output::with_stdout(|out| {
        match args.format {
            ExportFormat::Jsonl => {
                for unit in units.by_ref() {
                    serde_json::to_writer(&mut *out, &unit.map_err(std::io::Error::other)?)?;
                    writeln!(out)?;
                    written += 1;
                }
            }
            ExportFormat::Json => {
                write!(out, "[")?;
                for unit in units.by_ref() {
                    if written > 0 {
                        write!(out, ",")?;
                    }
                    writeln!(out)?;
                    serde_json::to_writer(&mut *out, &unit.map_err(std::io::Error::other)?)?;
                    written += 1;
                }
                writeln!(out, "\n]")?;
            }
            ExportFormat::Csv => {
                let mut csv = csv::Writer::from_writer(&mut *out);
                csv.write_record(csv_header(by))?;
                for unit in units.by_ref() {
                    for row in unit.map_err(std::io::Error::other)?.csv_rows() {
                        csv.write_record(&row)?;
                    }
                    written += 1;
                }
                csv.flush()?;
            }
        }
        Ok(())
    })?;
    let loose = units.loose_left_out();
    if loose > 0 {
        output::error(format!(
            "{loose} matching document(s) belong to no meeting and are not in a meeting export; `--by document` lists them"
        ));
    }
    if written == 0 {
        output::error("no records match");
        return Ok(exit::PARTIAL);
    }
    Ok(exit::OK)
}
