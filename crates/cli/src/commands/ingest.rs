//! `referat ingest`: parse files in parallel and add them to the index.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use referat_indexer::{Index, Upsert};
use referat_parser::{Limits, ParseError, Record};
use serde::Serialize;

use crate::args::IngestArgs;
use crate::error::CliError;
use crate::output::{self, exit};
use crate::{index_location, walk};

/// Files parsed in parallel between two trips to the single index writer;
/// bounds memory whatever the size of the archive.
pub(crate) const BATCH: usize = 64;
/// Files between two commits: a crash loses at most this much work.
pub(crate) const COMMIT_EVERY: usize = 512;
/// Indexing memory for the tantivy writer.
pub(crate) const WRITER_HEAP: usize = 128 * 1024 * 1024;

/// A file that could not be indexed.
#[derive(Debug, Serialize)]
pub struct Failure {
    /// The file.
    pub path: String,
    /// Why, in words.
    pub error: String,
}

/// What an ingest run did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// New files indexed.
    pub added: usize,
    /// Changed files re-indexed.
    pub replaced: usize,
    /// Files already indexed with the same content.
    pub unchanged: usize,
    /// Documents removed because their files are gone (`--prune`).
    pub pruned: usize,
    /// Files that failed.
    pub failed: Vec<Failure>,
}

/// Ingest the paths on the command line into the index, then print a summary
/// on stderr. Exit code 1 when any file failed.
pub fn run(index_dir: &Path, args: &IngestArgs) -> Result<i32, CliError> {
    crate::threads::configure(args.threads);
    let index = Index::open_or_create(index_dir)?;
    let summary = ingest(&index, &args.paths, args.prune, &args.limits.limits())?;
    eprintln!(
        "referat: indexed {} new, {} changed, {} unchanged, {} failed{}",
        summary.added,
        summary.replaced,
        summary.unchanged,
        summary.failed.len(),
        if args.prune {
            format!(", {} pruned", summary.pruned)
        } else {
            String::new()
        }
    );
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

/// Parse and index every file under `paths`: unchanged files (same path,
/// same SHA-256) are skipped before parsing, a changed file replaces its old
/// version, a failing file is reported and skipped. Commits every
/// [`COMMIT_EVERY`] files and at the end, so an interrupted run keeps what
/// it committed and a re-run finishes the rest.
pub fn ingest(
    index: &Index,
    paths: &[PathBuf],
    prune: bool,
    limits: &Limits,
) -> Result<Summary, CliError> {
    let (files, walk_errors) = walk::files(paths);
    let mut summary = Summary::default();
    for e in walk_errors {
        report(&mut summary, &e.path, e.reason);
    }
    let progress = progress_bar(files.len());
    let mut writer = index.writer(WRITER_HEAP)?;
    let mut since_commit = 0;
    for batch in files.chunks(BATCH) {
        let parsed: Vec<(PathBuf, Result<Option<Record>, ParseError>)> = batch
            .par_iter()
            .map(|path| {
                let stored = stored_path(path);
                (
                    stored.clone(),
                    parse_if_changed(index, path, &stored, limits),
                )
            })
            .collect();
        for (path, result) in parsed {
            progress.inc(1);
            match result {
                Ok(None) => summary.unchanged += 1,
                Ok(Some(record)) => match writer.upsert(&record)? {
                    Upsert::Added => summary.added += 1,
                    Upsert::Replaced => summary.replaced += 1,
                    Upsert::Unchanged => summary.unchanged += 1,
                },
                Err(e) => {
                    progress.suspend(|| output::error(&e));
                    report(&mut summary, &path, e.to_string());
                }
            }
            since_commit += 1;
        }
        if since_commit >= COMMIT_EVERY {
            writer.commit()?;
            since_commit = 0;
        }
    }
    if prune {
        summary.pruned = writer.prune(|p| Path::new(p).exists())?;
    }
    writer.commit()?;
    progress.finish_and_clear();
    Ok(summary)
}

/// Ingest the bundled corpus into a new default index, saying so on stderr.
pub fn ingest_bundled_corpus(index_dir: &Path) -> Result<(), CliError> {
    let Some(corpus) = index_location::bundled_corpus() else {
        return Ok(());
    };
    eprintln!(
        "referat: no index at {} yet; indexing the bundled corpus {} first",
        index_dir.display(),
        corpus.display()
    );
    let index = Index::open_or_create(index_dir)?;
    let summary = ingest(&index, &[corpus], false, &Limits::default())?;
    eprintln!(
        "referat: indexed {} files ({} failed)",
        summary.added,
        summary.failed.len()
    );
    Ok(())
}

/// Paths are stored absolute, so that re-runs from another directory and
/// `--prune` recognise them.
fn stored_path(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn parse_if_changed(
    index: &Index,
    path: &Path,
    stored: &Path,
    limits: &Limits,
) -> Result<Option<Record>, ParseError> {
    let bytes = referat_parser::read_file(path, limits)?;
    let key = stored.to_string_lossy();
    if let Ok(Some(sha)) = index.indexed_sha256(&key) {
        if sha == referat_parser::content_hash(&bytes) {
            return Ok(None);
        }
    }
    referat_parser::parse_bytes_with(stored, &bytes, limits).map(Some)
}

fn report(summary: &mut Summary, path: &Path, error: String) {
    summary.failed.push(Failure {
        path: path.display().to_string(),
        error,
    });
}

/// A progress bar on a terminal, nothing in a pipe or a log.
fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {pos}/{len} files [{elapsed_precise}] {wide_bar} {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}
