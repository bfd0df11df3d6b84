//! Ingest: parse files in parallel and add them to the index.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use referat_indexer::{Index, Upsert};
use referat_parser::{Limits, ParseError, Record};
use serde::Serialize;

use crate::grouping::{self, FileSummary};
use crate::{walk, Archive, ArchiveError};

/// Files parsed in parallel between two trips to the single index writer;
/// bounds memory whatever the size of the archive.
pub const BATCH: usize = 64;
/// Files between two commits: a crash loses at most this much work.
pub const COMMIT_EVERY: usize = 512;
/// Indexing memory for the tantivy writer.
pub const WRITER_HEAP: usize = 128 * 1024 * 1024;

/// How to ingest.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// Also remove the documents whose files are gone from under the paths
    /// of this run (see [`Archive::prune`]).
    pub prune: bool,
    /// Change nothing: only say what pruning would remove.
    pub dry_run: bool,
    /// Per-file limits against hostile input.
    pub limits: Limits,
}

/// The warning for a PDF that yields no text: its pages are images.
pub const NO_TEXT_LAYER: &str = "no text layer: needs OCR";

/// A file that could not be indexed.
#[derive(Clone, Debug, Serialize)]
pub struct Failure {
    /// The file.
    pub path: String,
    /// Why, in words.
    pub error: String,
}

/// What an ingest run did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// New files indexed.
    pub added: usize,
    /// Changed files re-indexed.
    pub replaced: usize,
    /// Files already indexed with the same content.
    pub unchanged: usize,
    /// Source paths of the documents removed because their files are gone
    /// (with `prune`; with `dry_run`, those that would be removed).
    pub pruned: Vec<String>,
    /// Files that failed (each error names the file).
    pub failed: Vec<Failure>,
    /// Files indexed with scanned pages left unread (no OCR engine, OCR
    /// off, or out of time): their `source.ocr.missing` lists the pages.
    pub needs_ocr: usize,
    /// Files in the folders that are not documents, with why.
    pub skipped: Vec<Failure>,
    /// Files indexed with a warning a researcher must see (e.g. a scanned
    /// PDF: [`NO_TEXT_LAYER`]).
    pub warnings: Vec<Failure>,
    /// How the run's files were grouped into meetings.
    pub grouping: crate::GroupingReport,
}

/// Told how an ingest goes, file by file, on the calling thread. Every
/// method does nothing by default; [`NoProgress`] is the silent one. A
/// command line draws a progress bar; a library caller may ignore it.
pub trait Progress {
    /// The run starts with `files` files to look at.
    fn start(&mut self, files: usize) {
        let _ = files;
    }
    /// One more file was looked at (indexed, unchanged or failed).
    fn advance(&mut self, path: &Path) {
        let _ = path;
    }
    /// A file failed; it is also in the summary's `failed`.
    fn failed(&mut self, failure: &Failure) {
        let _ = failure;
    }
    /// A file was indexed with a warning; it is also in the summary's
    /// `warnings`.
    fn warned(&mut self, warning: &Failure) {
        let _ = warning;
    }
    /// The run is over (committed).
    fn finish(&mut self) {}
}

/// Progress that shows nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

impl Archive {
    /// Parses and indexes every file under `paths`: unchanged files (same
    /// path, same SHA-256) are skipped before parsing, a changed file
    /// replaces its old version, a failing file is reported and skipped.
    /// Commits every [`COMMIT_EVERY`] files and at the end, so an
    /// interrupted run keeps what it committed and a re-run finishes the rest.
    ///
    /// ```
    /// use referat_archive::{Archive, IngestOptions, NoProgress};
    /// # fn main() -> Result<(), referat_archive::ArchiveError> {
    /// # let dir = tempfile::tempdir().unwrap();
    /// let archive = Archive::open_or_create(dir.path())?;
    /// let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/gladsaxe");
    /// let summary = archive.ingest(&[corpus], &IngestOptions::default(), &mut NoProgress)?;
    /// assert_eq!((summary.added, summary.failed.len()), (3, 0));
    /// # Ok(())
    /// # }
    /// ```
    pub fn ingest<P: AsRef<Path>>(
        &self,
        paths: &[P],
        options: &IngestOptions,
        progress: &mut dyn Progress,
    ) -> Result<Summary, ArchiveError> {
        let paths: Vec<PathBuf> = paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
        let mut summary = Summary::default();
        if options.dry_run {
            if options.prune {
                summary.pruned = self.prunable(&paths)?;
            }
            return Ok(summary);
        }
        let walk = walk::walk(&paths);
        let files = walk.files;
        progress.start(files.len());
        for e in walk.errors {
            let failure = report(&mut summary, &e.path, e.reason);
            progress.failed(&failure);
        }
        summary.skipped = walk
            .skipped
            .into_iter()
            .map(|s| Failure {
                path: s.path.display().to_string(),
                error: s.reason,
            })
            .collect();
        let index = &self.index;
        let limits = &options.limits;
        let mut writer = index.writer(WRITER_HEAP)?;
        let mut since_commit = 0;
        let mut summaries = Vec::new();
        for batch in files.chunks(BATCH) {
            let parsed: Vec<(PathBuf, Result<Option<Parsed>, ParseError>)> = batch
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
                progress.advance(&path);
                match result {
                    Ok(None) => summary.unchanged += 1,
                    Ok(Some((record, file))) => {
                        let unread = record.source.ocr.as_ref();
                        if unread.is_some_and(|o| !o.missing.is_empty()) {
                            summary.needs_ocr += 1;
                        }
                        match writer.upsert(&record)? {
                            Upsert::Added => summary.added += 1,
                            Upsert::Replaced => summary.replaced += 1,
                            Upsert::Unchanged => summary.unchanged += 1,
                        }
                        if record.source.format == referat_schema::Format::Pdf
                            && record.text.trim().is_empty()
                        {
                            let warning = Failure {
                                path: path.display().to_string(),
                                error: format!("{}: {NO_TEXT_LAYER}", path.display()),
                            };
                            progress.warned(&warning);
                            summary.warnings.push(warning);
                        }
                        summaries.push(file);
                    }
                    Err(e) => {
                        let failure = Failure {
                            path: path.display().to_string(),
                            error: e.to_string(),
                        };
                        summary.failed.push(failure.clone());
                        progress.failed(&failure);
                    }
                }
                since_commit += 1;
            }
            if since_commit >= COMMIT_EVERY {
                writer.commit()?;
                since_commit = 0;
            }
        }
        if options.prune {
            summary.pruned = self.prunable(&paths)?;
            for path in &summary.pruned {
                writer.remove(path);
            }
        }
        writer.commit()?;
        summary.grouping = self.regroup(&mut writer, summaries)?;
        progress.finish();
        Ok(summary)
    }

    /// Removes the documents whose files are gone from under `roots` (or,
    /// with `dry_run`, only lists them); returns their source paths. Only
    /// roots that exist count: a folder that is missing (an unmounted
    /// drive, a typo) prunes nothing, and documents from elsewhere stay.
    pub fn prune<P: AsRef<Path>>(
        &self,
        roots: &[P],
        dry_run: bool,
    ) -> Result<Vec<String>, ArchiveError> {
        let roots: Vec<PathBuf> = roots.iter().map(|p| p.as_ref().to_path_buf()).collect();
        let gone = self.prunable(&roots)?;
        if !dry_run && !gone.is_empty() {
            let mut writer = self.index.writer(WRITER_HEAP)?;
            for path in &gone {
                writer.remove(path);
            }
            writer.commit()?;
        }
        Ok(gone)
    }

    /// The indexed source paths under the existing `roots` whose files are
    /// gone, sorted.
    fn prunable(&self, roots: &[PathBuf]) -> Result<Vec<String>, ArchiveError> {
        let roots: Vec<PathBuf> = roots.iter().filter_map(|r| r.canonicalize().ok()).collect();
        let mut gone: Vec<String> = self
            .index
            .source_paths()?
            .into_iter()
            .filter(|p| {
                let path = Path::new(p);
                roots.iter().any(|r| path.starts_with(r)) && !path.exists()
            })
            .collect();
        gone.sort();
        Ok(gone)
    }
}

/// Paths are stored absolute, so that re-runs from another directory and
/// pruning recognise them.
fn stored_path(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// A parsed record and its digest for the grouping into meetings.
type Parsed = (Record, FileSummary);

fn parse_if_changed(
    index: &Index,
    path: &Path,
    stored: &Path,
    limits: &Limits,
) -> Result<Option<Parsed>, ParseError> {
    let bytes = referat_parser::read_file(path, limits)?;
    let key = stored.to_string_lossy();
    if let Ok(Some(sha)) = index.indexed_sha256(&key) {
        if sha == referat_parser::content_hash(&bytes) {
            return Ok(None);
        }
    }
    let mut record = referat_parser::parse_bytes_with(stored, &bytes, limits)?;
    // The meeting the record's own fields give; the grouping after the run
    // corrects the few that the whole archive decides otherwise.
    record.meeting_id = grouping::own_meeting_id(&record);
    let file = FileSummary::of(&record);
    Ok(Some((record, file)))
}

/// A path that could not be read at all, named in the error.
fn report(summary: &mut Summary, path: &Path, reason: String) -> Failure {
    let failure = Failure {
        path: path.display().to_string(),
        error: format!("{}: {reason}", path.display()),
    };
    summary.failed.push(failure.clone());
    failure
}
