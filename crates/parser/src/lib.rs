//! Turns the minutes of Danish municipal councils — PDF, DOCX, Word 97–2003
//! .doc and HTML, each municipality with its own layout — into the common
//! schema of [`referat_schema`].
//!
//! Data flows one way: bytes → format reader ([`pdf`], [`docx`], [`doc`],
//! [`html`]; scanned PDF pages through [`ocr`]) → [`BlockDocument`] →
//! [`structure`] extractor → [`Record`].
//!
//! ```no_run
//! let record = referat_parser::parse_file("corpus/albertslund/udsatteraadet-2019-04-01.docx")?;
//! println!("{} {:?} {} items", record.id, record.date, record.items.len());
//! # Ok::<(), referat_parser::ParseError>(())
//! ```

pub mod blocks;
mod bold_headings;
pub mod budget;
pub mod danish;
pub mod doc;
pub mod docx;
mod error;
pub mod format;
pub mod html;
pub mod links;
pub mod ocr;
pub mod pdf;
pub mod quality;
pub mod structure;
pub mod text;

use std::path::Path;

pub use blocks::{Block, BlockDocument, BlockKind};
pub use error::{ParseError, ReadError};
pub use format::detect_format;
pub use ocr::{OcrMode, OcrOptions};
pub use referat_schema::{Format, Record};

/// Limits that keep hostile input from exhausting memory or time. Each one
/// ends in an error naming the file, except `max_pages` and `max_depth` for
/// HTML, which keep what was read (a best-effort record with a warning).
///
/// ```
/// use std::time::Duration;
/// use referat_parser::Limits;
/// let strict = Limits {
///     time_budget: Some(Duration::from_secs(5)),
///     max_pages: 500,
///     ..Limits::default()
/// };
/// assert_eq!(strict.max_file_bytes, Limits::default().max_file_bytes);
/// ```
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file accepted, in bytes (checked before reading it).
    pub max_file_bytes: u64,
    /// Most bytes a DOCX package may inflate to in all (zip bombs), and
    /// the largest decoded PDF content stream.
    pub max_decompressed_bytes: u64,
    /// Most PDF pages read; later pages are skipped with a warning.
    pub max_pages: usize,
    /// Deepest element nesting: a DOCX part nested deeper is refused, an
    /// HTML page has the deeper tags removed (its text is kept).
    pub max_depth: usize,
    /// Longest time one file may take to read and structure; `None` for no
    /// limit. Real minutes take milliseconds (the 28-page Aarhus PDF about
    /// 50 ms), so the default is only ever reached by hostile input.
    pub time_budget: Option<std::time::Duration>,
    /// When scanned PDF pages are OCR'd, and where the results are cached.
    /// OCR counts against `time_budget`: pages it cannot reach in time are
    /// left without text, with a warning (a re-run continues from the cache).
    pub ocr: OcrOptions,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
            max_decompressed_bytes: docx::MAX_TOTAL_BYTES,
            max_pages: pdf::MAX_PAGES,
            max_depth: html::MAX_HTML_DEPTH,
            time_budget: Some(std::time::Duration::from_secs(60)),
            ocr: OcrOptions::default(),
        }
    }
}

/// Read and parse one file into a record, with default limits.
pub fn parse_file(path: impl AsRef<Path>) -> Result<Record, ParseError> {
    parse_file_with(path.as_ref(), &Limits::default())
}

/// Read and parse one file into a record.
pub fn parse_file_with(path: &Path, limits: &Limits) -> Result<Record, ParseError> {
    let bytes = read_file(path, limits)?;
    parse_bytes_with(path, &bytes, limits)
}

/// Read a file's bytes, refusing one over the size limit before reading it.
pub fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>, ParseError> {
    let io = |source| ParseError::Io {
        path: path.to_path_buf(),
        source,
    };
    let len = std::fs::metadata(path).map_err(io)?.len();
    if len > limits.max_file_bytes {
        return Err(ParseError::TooLarge {
            path: path.to_path_buf(),
            what: "file",
            actual: len,
            limit: limits.max_file_bytes,
        });
    }
    std::fs::read(path).map_err(io)
}

/// The SHA-256 of a file's bytes as lower-case hex: the record's
/// `source.sha256`, from which its id is derived.
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Parse a file's bytes; `path` names the file in errors and in the record's
/// source, and can tell the municipality when the text does not.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Record, ParseError> {
    parse_bytes_with(path, bytes, &Limits::default())
}

/// [`parse_bytes`] with explicit limits; the time budget starts now.
pub fn parse_bytes_with(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Record, ParseError> {
    let deadline = budget::Deadline::after(limits.time_budget);
    let (format, blocks) = read_blocks_until(path, bytes, limits, &deadline)?;
    deadline.check().map_err(|e| path_error(path, format, e))?;
    let source = structure::source_for(path, format, bytes, &blocks);
    Ok(structure::extract(&blocks, source))
}

/// Parse a file's bytes and explain its meeting fields (`referat parse
/// --explain`): the record, and a JSON object giving for each meeting field
/// its value, the rule that chose it and the block it was read from (page
/// and line for PDF, the element kind for HTML and DOCX).
pub fn parse_bytes_explained(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(Record, serde_json::Value), ParseError> {
    let deadline = budget::Deadline::after(limits.time_budget);
    let (format, blocks) = read_blocks_until(path, bytes, limits, &deadline)?;
    deadline.check().map_err(|e| path_error(path, format, e))?;
    let source = structure::source_for(path, format, bytes, &blocks);
    let (record, evidence) = structure::extract_explained(&blocks, source);
    let explained = structure::explain::explain(&blocks, &evidence);
    Ok((record, explained))
}

/// Run only the format reader: detect the format and return its blocks.
pub fn read_blocks(path: &Path, bytes: &[u8]) -> Result<(Format, BlockDocument), ParseError> {
    read_blocks_with(path, bytes, &Limits::default())
}

/// [`read_blocks`] with explicit limits; the time budget starts now.
pub fn read_blocks_with(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(Format, BlockDocument), ParseError> {
    read_blocks_until(
        path,
        bytes,
        limits,
        &budget::Deadline::after(limits.time_budget),
    )
}

fn read_blocks_until(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
    deadline: &budget::Deadline,
) -> Result<(Format, BlockDocument), ParseError> {
    let format = detect_format(bytes).map_err(|detail| ParseError::UnknownFormat {
        path: path.to_path_buf(),
        detail,
    })?;
    let result = match format {
        Format::Pdf => pdf::read_with(bytes, limits, deadline),
        Format::Docx => docx::read_with(bytes, limits, deadline),
        Format::Doc => doc::read_with(bytes, limits, deadline),
        Format::Html => html::read_with(bytes, limits, deadline),
    };
    let blocks = result.map_err(|e| path_error(path, format, e))?;
    Ok((format, blocks))
}

/// A reader's error with the file's path.
fn path_error(path: &Path, format: Format, e: ReadError) -> ParseError {
    match e {
        ReadError::Encrypted => ParseError::Encrypted {
            path: path.to_path_buf(),
            format: format_name(format),
        },
        ReadError::TooLarge {
            what,
            actual,
            limit,
        } => ParseError::TooLarge {
            path: path.to_path_buf(),
            what,
            actual,
            limit,
        },
        ReadError::Malformed(reason) => ParseError::Malformed {
            path: path.to_path_buf(),
            format: format_name(format),
            reason,
        },
        ReadError::TimedOut { limit } => ParseError::TimedOut {
            path: path.to_path_buf(),
            limit,
        },
    }
}

/// A format's name in error messages.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF",
        Format::Docx => "DOCX",
        Format::Doc => "DOC",
        Format::Html => "HTML",
    }
}
