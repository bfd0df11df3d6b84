//! `referat export`: every matching record, streamed as JSON Lines, one JSON
//! array, or CSV with one row per agenda item.

use std::path::Path;

use referat_indexer::Index;
use referat_schema::{Record, SectionKind};

use crate::args::{ExportArgs, ExportFormat};
use crate::commands::search::query_from;
use crate::error::CliError;
use crate::output::{self, exit};

/// The CSV columns, one row per item (a document without items gets one
/// row with the item columns empty, so no document is lost).
pub const CSV_COLUMNS: [&str; 14] = [
    "doc_id",
    "date",
    "municipality",
    "body",
    "doc_type",
    "title",
    "item_number",
    "item_title",
    "item_status",
    "decision",
    "persons",
    "attendees",
    "absent",
    "source_path",
];

/// Stream the records matching the filters to stdout, one at a time.
pub fn run(index_dir: &Path, args: &ExportArgs) -> Result<i32, CliError> {
    let index = Index::open_or_create(index_dir)?;
    let mut query = query_from(&args.filters)?;
    // --person means the resolved person: the documents of all its spellings (issue 9).
    let only = crate::commands::persons::documents_of_person(&index, index_dir, &query)?;
    if only.is_some() {
        query.person = None;
    }
    let records = index.records(&query)?.filter(|r| match (&only, r) {
        (Some(ids), Ok(record)) => ids.contains(&record.id),
        _ => true,
    });
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

fn csv_rows(r: &Record) -> Vec<Vec<String>> {
    let join = |people: &[referat_schema::Person]| {
        people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let base = |item: Option<&referat_schema::Item>| -> Vec<String> {
        let decision = item
            .map(|i| {
                i.sections
                    .iter()
                    .filter(|s| s.kind == SectionKind::Beslutning)
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        vec![
            r.id.clone(),
            r.date.clone().unwrap_or_default(),
            r.municipality.clone().unwrap_or_default(),
            r.body.clone().unwrap_or_default(),
            r.doc_type.as_str().to_string(),
            r.title.clone().unwrap_or_default(),
            item.map(|i| i.number.to_string()).unwrap_or_default(),
            item.and_then(|i| i.title.clone()).unwrap_or_default(),
            item.and_then(|i| i.status)
                .map(|s| match s {
                    referat_schema::Status::Open => "åben".to_string(),
                    referat_schema::Status::Closed => "lukket".to_string(),
                })
                .unwrap_or_default(),
            decision,
            item.map(|i| i.persons.join("; ")).unwrap_or_default(),
            join(&r.attendees),
            join(&r.absent),
            r.source.path.clone(),
        ]
    };
    if r.items.is_empty() {
        vec![base(None)]
    } else {
        r.items.iter().map(|i| base(Some(i))).collect()
    }
}
