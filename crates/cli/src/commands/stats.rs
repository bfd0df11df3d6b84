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
    let archive = Archive::open(index_dir)?;
    let stats = archive.stats(&query)?;
    let meetings = archive.meeting_stats()?;
    output::with_stdout(|out| {
        if args.json {
            #[derive(serde::Serialize)]
            struct WithMeetings<'a> {
                #[serde(flatten)]
                stats: &'a referat_archive::Stats,
                meetings: &'a referat_archive::MeetingStats,
            }
            let both = WithMeetings {
                stats: &stats,
                meetings: &meetings,
            };
            serde_json::to_writer_pretty(&mut *out, &both)?;
            return writeln!(out);
        }
        let t = &meetings.total;
        writeln!(
            out,
            "meetings:   {}\ndocuments:  {} ({} without a meeting)\nrenditions: {}\nfiles:      {}\n",
            t.meetings, t.documents, t.loose_documents, t.renditions, t.files
        )?;
        writeln!(
            out,
            "by municipality and body: meetings documents renditions files"
        )?;
        for c in &meetings.by_municipality_body {
            writeln!(
                out,
                "  {:>7} {:>7} {:>7} {:>7}  {} / {}",
                c.meetings, c.documents, c.renditions, c.files, c.municipality, c.body
            )?;
        }
        writeln!(out)?;
        writeln!(out, "items:      {}", stats.items)?;
        writeln!(out, "\nfiles ({}) by …", stats.documents)?;
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
        let ocr = &stats.ocr;
        if ocr.documents > 0 {
            writeln!(
                out,
                "\nOCR: {} document(s), {} page(s) read from scans, mean word confidence {}",
                ocr.documents,
                ocr.pages,
                ocr.mean_confidence
                    .map_or_else(|| "–".to_string(), |c| format!("{c:.1}"))
            )?;
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
