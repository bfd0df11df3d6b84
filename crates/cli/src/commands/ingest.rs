//! `referat ingest`: add files and folders to the index.

use std::path::Path;

use referat_archive::{location, Archive, IngestOptions, NoProgress};

use crate::args::{Cli, IngestArgs};
use crate::error::CliError;
use crate::output::{self, exit};
use crate::progress::Bar;

/// Ingest the paths, then print a summary on stderr. Exit code 1 when any
/// file failed.
pub fn run(index_dir: &Path, args: &IngestArgs) -> Result<i32, CliError> {
    referat_archive::set_threads(args.threads);
    let archive = Archive::open_or_create(index_dir)?;
    let options = IngestOptions {
        prune: args.prune,
        dry_run: args.dry_run,
        limits: args.limits.limits(),
    };
    let summary = archive.ingest(&args.paths, &options, &mut Bar::new())?;
    if args.dry_run {
        for path in &summary.pruned {
            println!("{path}");
        }
        eprintln!(
            "referat: --dry-run: {} would be pruned; nothing changed",
            summary.pruned.len()
        );
        return Ok(exit::OK);
    }
    for skipped in &summary.skipped {
        output::error(format!("skipped {}: {}", skipped.path, skipped.error));
    }
    for path in &summary.pruned {
        output::error(format!("pruned {path} (the file is gone)"));
    }
    let mut line = format!(
        "referat: indexed {} new, {} changed, {} unchanged, {} failed, {} skipped (not documents)",
        summary.added,
        summary.replaced,
        summary.unchanged,
        summary.failed.len(),
        summary.skipped.len(),
    );
    if !summary.warnings.is_empty() {
        line.push_str(&format!(", {} with warnings", summary.warnings.len()));
    }
    if args.prune {
        line.push_str(&format!(", {} pruned", summary.pruned.len()));
    }
    eprintln!("{line}");
    if summary.needs_ocr > 0 {
        let ocr = &options.limits.ocr;
        let why = match referat_parser::ocr::available(ocr) {
            Err(_) => referat_parser::ocr::INSTALL_HINT,
            Ok(()) if ocr.mode == referat_parser::OcrMode::Never => "OCR is off (--ocr never)",
            Ok(()) => {
                "OCR ran out of time: raise --time-limit and ingest again (OCR'd pages are cached)"
            }
        };
        eprintln!(
            "referat: {} files have scanned pages without text: {why}",
            summary.needs_ocr
        );
    }
    let g = &summary.grouping;
    let joined: Vec<String> = g
        .joined
        .iter()
        .map(|(why, n)| format!("{n} {why}"))
        .collect();
    eprintln!(
        "referat: {} meetings, {} documents without a meeting; files that joined a meeting with others: {}; kept apart: {}",
        g.meetings,
        g.loose_documents,
        if joined.is_empty() { "none".to_string() } else { joined.join(", ") },
        g.kept_apart
    );
    if args.explain_grouping {
        for d in &g.decisions {
            eprintln!(
                "  {}  meeting {}  document {}  {}{}",
                d.path,
                d.meeting_id.as_deref().unwrap_or("(none)"),
                d.document_id,
                d.reason.as_str(),
                if d.detail.is_empty() {
                    String::new()
                } else {
                    format!(": {}", d.detail)
                }
            );
        }
    }
    if let Some(report) = &args.report {
        let json = serde_json::to_string_pretty(&summary.failed)
            .map_err(|e| CliError::Usage(format!("cannot write the report: {e}")))?;
        std::fs::write(report, json + "\n")?;
    }
    Ok(if summary.failed.is_empty() {
        exit::OK
    } else {
        exit::PARTIAL
    })
}

/// The main job on a fresh clone: a search with no index yet at the default
/// location first indexes the bundled corpus, saying so on stderr.
pub fn bundled_corpus_first(cli: &Cli, index_dir: &Path) -> Result<(), CliError> {
    if cli.index.is_some() || location::exists(index_dir) {
        return Ok(());
    }
    let Some(corpus) = location::bundled_corpus() else {
        return Ok(());
    };
    eprintln!(
        "referat: no index at {} yet; indexing the bundled corpus {} first",
        index_dir.display(),
        corpus.display()
    );
    let archive = Archive::open_or_create(index_dir)?;
    let summary = archive.ingest(&[corpus], &IngestOptions::default(), &mut NoProgress)?;
    eprintln!(
        "referat: indexed {} files ({} failed)",
        summary.added,
        summary.failed.len()
    );
    Ok(())
}
