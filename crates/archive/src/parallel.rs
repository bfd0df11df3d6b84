//! The worker pool that ingest, parse and bench share.

use std::path::{Path, PathBuf};

use crate::ingest::BATCH;

/// Sizes the worker pool: `threads` if given, else all cores. Call once,
/// before any parallel work; a later call changes nothing.
pub fn set_threads(threads: Option<usize>) {
    if let Some(n) = threads.filter(|n| *n > 0) {
        // Fails only if the pool was already built, which changes nothing.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

/// The worker threads in use.
pub fn threads() -> usize {
    rayon::current_num_threads()
}

/// Applies `work` to every file in parallel, a batch at a time, and hands
/// the results to `sink` in the order of `files`, so memory stays bounded
/// however many files there are. Stops at the first error `sink` returns.
pub fn map_files<T: Send, E>(
    files: &[PathBuf],
    work: impl Fn(&Path) -> T + Sync,
    mut sink: impl FnMut(&Path, T) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    for batch in files.chunks(BATCH) {
        let results: Vec<T> = batch.par_iter().map(|p| work(p)).collect();
        for (path, result) in batch.iter().zip(results) {
            sink(path, result)?;
        }
    }
    Ok(())
}
