//! Measuring parse (and index) speed per format on one's own files (what
//! `referat bench` prints).
//!
//! Each file is timed stage by stage (read, format reader, structure, and
//! with an index the index writer) with the same library calls parsing and
//! [`Archive::ingest`](crate::Archive::ingest) make, so the figures are what
//! a real run costs. Stage times are
//! summed over the worker threads (busy time); the overall rate is files over
//! wall-clock time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use referat_indexer::Index;
use referat_parser::{Format, Limits, Record};
use serde::Serialize;

use crate::ArchiveError;

// The same batch size, commit interval and writer memory as ingest, so that
// the figures measure what an ingest does.
use crate::ingest::{BATCH, COMMIT_EVERY, WRITER_HEAP};

/// Seconds spent in each stage, summed over files (and threads).
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Stages {
    /// Reading the file's bytes.
    pub read: f64,
    /// The format reader (PDF, DOCX or HTML to blocks).
    pub reader: f64,
    /// Structure extraction (blocks to a record).
    pub structure: f64,
    /// Adding the record to the index (0 without `--with-index`).
    pub index: f64,
}

impl Stages {
    fn total(&self) -> f64 {
        self.read + self.reader + self.structure + self.index
    }

    fn add(&mut self, other: &Stages) {
        self.read += other.read;
        self.reader += other.reader;
        self.structure += other.structure;
        self.index += other.index;
    }
}

/// The figures for one format.
#[derive(Debug, Default, Serialize)]
pub struct FormatFigures {
    /// Files measured (parsed or failed).
    pub files: usize,
    /// Files that failed.
    pub failed: usize,
    /// Their size in bytes.
    pub bytes: u64,
    /// Their size in MB (10^6 bytes).
    pub mb: f64,
    /// Busy seconds per stage, summed over files.
    pub seconds: Stages,
    /// Files per busy second: the rate of one core.
    pub docs_per_second_per_core: f64,
    /// MB per busy second: the rate of one core.
    pub mb_per_second_per_core: f64,
}

/// One file's time.
#[derive(Debug, Serialize)]
pub struct FileTime {
    /// The file.
    pub path: String,
    /// Its format, if known.
    pub format: Option<Format>,
    /// Its size in bytes.
    pub bytes: u64,
    /// Seconds in all stages.
    pub seconds: f64,
}

/// The index built with `--with-index`.
#[derive(Debug, Serialize)]
pub struct IndexFigures {
    /// Seconds spent in commits (not in any one format).
    pub commit_seconds: f64,
    /// The index's size on disk after the last commit, in bytes.
    pub size_bytes: u64,
    /// The records' plain text (`text` field), in UTF-8 bytes.
    pub text_bytes: u64,
    /// `size_bytes / text_bytes`.
    pub size_per_text_byte: f64,
}

/// Everything `referat bench` measured.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Worker threads used for parsing.
    pub threads: usize,
    /// Files measured.
    pub files: usize,
    /// Files that failed.
    pub failed: usize,
    /// Bytes measured.
    pub bytes: u64,
    /// Wall-clock seconds for the whole run (walk excluded).
    pub wall_seconds: f64,
    /// Files per wall-clock second.
    pub docs_per_second: f64,
    /// MB per wall-clock second.
    pub mb_per_second: f64,
    /// Peak resident memory of the process in bytes (VmHWM), if known.
    pub peak_memory_bytes: Option<u64>,
    /// Per format: "pdf", "docx", "html".
    pub formats: BTreeMap<String, FormatFigures>,
    /// The index stage, with `--with-index`.
    pub index: Option<IndexFigures>,
    /// The slowest files, slowest first.
    pub slowest: Vec<FileTime>,
}

/// One file after parsing: its timing and, on success, its record.
struct Parsed {
    path: PathBuf,
    format: Option<Format>,
    bytes: u64,
    stages: Stages,
    record: Option<Record>,
}

/// Parses `files` (and with `with_index`, indexes them into a temporary
/// index, removed afterwards), timing every stage; lists the `slowest`
/// files.
pub fn measure(
    files: &[PathBuf],
    with_index: bool,
    slowest: usize,
    limits: &Limits,
) -> Result<Report, ArchiveError> {
    if !with_index {
        return measure_with(files, None, slowest, limits);
    }
    let dir = TempDir::new().map_err(|source| ArchiveError::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let index = Index::open_or_create(&dir.0)?;
    measure_with(files, Some((&index, &dir.0)), slowest, limits)
}

fn measure_with(
    files: &[PathBuf],
    index: Option<(&Index, &Path)>,
    slowest: usize,
    limits: &Limits,
) -> Result<Report, ArchiveError> {
    let mut writer = match index {
        Some((index, _)) => Some(index.writer(WRITER_HEAP)?),
        None => None,
    };
    let mut formats: BTreeMap<String, FormatFigures> = BTreeMap::new();
    let mut times: Vec<FileTime> = Vec::with_capacity(files.len());
    let mut text_bytes = 0u64;
    let mut commit = Duration::ZERO;
    let mut since_commit = 0;
    let started = Instant::now();
    for batch in files.chunks(BATCH) {
        let parsed: Vec<Parsed> = batch.par_iter().map(|p| parse_timed(p, limits)).collect();
        for mut file in parsed {
            if let (Some(writer), Some(record)) = (writer.as_mut(), &file.record) {
                let t = Instant::now();
                writer.upsert(record)?;
                file.stages.index = t.elapsed().as_secs_f64();
                text_bytes += record.text.len() as u64;
            }
            let key = file.format.map_or("unknown", format_name).to_string();
            let figures = formats.entry(key).or_default();
            figures.files += 1;
            figures.failed += usize::from(file.record.is_none());
            figures.bytes += file.bytes;
            figures.seconds.add(&file.stages);
            times.push(FileTime {
                path: file.path.display().to_string(),
                format: file.format,
                bytes: file.bytes,
                seconds: file.stages.total(),
            });
            since_commit += 1;
        }
        if let Some(writer) = writer.as_mut() {
            if since_commit >= COMMIT_EVERY {
                let t = Instant::now();
                writer.commit()?;
                commit += t.elapsed();
                since_commit = 0;
            }
        }
    }
    if let Some(writer) = writer.as_mut() {
        let t = Instant::now();
        writer.commit()?;
        commit += t.elapsed();
    }
    let wall = started.elapsed().as_secs_f64();
    for f in formats.values_mut() {
        f.mb = f.bytes as f64 / 1e6;
        let busy = f.seconds.total();
        f.docs_per_second_per_core = rate(f.files as f64, busy);
        f.mb_per_second_per_core = rate(f.mb, busy);
    }
    let bytes: u64 = formats.values().map(|f| f.bytes).sum();
    let failed: usize = formats.values().map(|f| f.failed).sum();
    times.sort_by(|a, b| b.seconds.total_cmp(&a.seconds));
    times.truncate(slowest);
    let index = match index {
        Some((_, dir)) => {
            let size = dir_size(dir);
            Some(IndexFigures {
                commit_seconds: commit.as_secs_f64(),
                size_bytes: size,
                text_bytes,
                size_per_text_byte: rate(size as f64, text_bytes as f64),
            })
        }
        None => None,
    };
    Ok(Report {
        threads: rayon::current_num_threads(),
        files: files.len(),
        failed,
        bytes,
        wall_seconds: wall,
        docs_per_second: rate(files.len() as f64, wall),
        mb_per_second: rate(bytes as f64 / 1e6, wall),
        peak_memory_bytes: peak_memory(),
        formats,
        index,
        slowest: times,
    })
}

/// Read and parse one file, timing each stage with the library's own calls
/// (those `parse_bytes` makes).
fn parse_timed(path: &Path, limits: &Limits) -> Parsed {
    let mut parsed = Parsed {
        path: path.to_path_buf(),
        format: None,
        bytes: 0,
        stages: Stages::default(),
        record: None,
    };
    let t = Instant::now();
    let bytes = referat_parser::read_file(path, limits);
    parsed.stages.read = t.elapsed().as_secs_f64();
    let Ok(bytes) = bytes else {
        return parsed;
    };
    parsed.bytes = bytes.len() as u64;
    parsed.format = referat_parser::detect_format(&bytes).ok();
    let t = Instant::now();
    let blocks = referat_parser::read_blocks_with(path, &bytes, limits);
    parsed.stages.reader = t.elapsed().as_secs_f64();
    let Ok((format, blocks)) = blocks else {
        return parsed;
    };
    let t = Instant::now();
    let source = referat_parser::structure::source_for(path, format, &bytes, &blocks);
    let record = referat_parser::structure::extract(&blocks, source);
    parsed.stages.structure = t.elapsed().as_secs_f64();
    parsed.record = Some(record);
    parsed
}

fn format_name(format: Format) -> &'static str {
    format.as_str()
}

fn rate(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        amount / seconds
    } else {
        0.0
    }
}

/// The process's peak resident memory (VmHWM) from /proc; None elsewhere.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Bytes of the regular files under `dir` (one level deep suffices for tantivy).
fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// A temporary index folder, removed when dropped (also after an error).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> std::io::Result<TempDir> {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "referat-bench-{}-{nanos:09}-{n}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_files() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        crate::walk::files(&[root]).0
    }

    #[test]
    fn counts_every_file_once_per_format_and_indexes_them() {
        let files = corpus_files();
        assert!(!files.is_empty(), "the bundled corpus is missing");
        let report = measure(&files, true, 3, &Limits::default()).unwrap();
        assert_eq!(report.files, files.len());
        let counted: usize = report.formats.values().map(|f| f.files).sum();
        assert_eq!(counted, files.len());
        let bytes: u64 = files
            .iter()
            .map(|f| std::fs::metadata(f).unwrap().len())
            .sum();
        assert_eq!(report.bytes, bytes);
        for name in ["pdf", "docx", "html"] {
            let f = &report.formats[name];
            assert!(f.files > 0 && f.failed == 0, "{name}: {f:?}");
        }
        assert_eq!(report.slowest.len(), 3);
        assert!(report.slowest[0].seconds >= report.slowest[2].seconds);
        let ix = report.index.unwrap();
        assert!(ix.size_bytes > 0 && ix.text_bytes > 0);
        assert!(report.peak_memory_bytes.is_some_and(|b| b > 0));
    }

    #[test]
    fn a_file_that_is_not_minutes_counts_as_failed() {
        let dir = TempDir::new().unwrap();
        let junk = dir.0.join("junk.pdf");
        std::fs::write(&junk, b"not a document at all").unwrap();
        let report = measure(&[junk], false, 5, &Limits::default()).unwrap();
        assert_eq!(report.failed, 1);
        assert!(report.index.is_none());
    }

    #[test]
    fn the_temporary_index_folder_is_removed() {
        let dir = TempDir::new().unwrap();
        let path = dir.0.clone();
        assert!(path.is_dir());
        drop(dir);
        assert!(!path.exists());
    }
}
