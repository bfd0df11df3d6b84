//! Turns the minutes of Danish municipal councils — PDF, DOCX and HTML, each
//! municipality with its own layout — into the common schema of
//! [`referat_schema`].
//!
//! Data flows one way: bytes → format reader ([`pdf`], [`docx`], [`html`]) →
//! [`BlockDocument`] → [`structure`] extractor → [`Record`].
//!
//! ```no_run
//! let record = referat_parser::parse_file("corpus/albertslund/udsatteraadet-2019-04-01.docx")?;
//! println!("{} {:?} {} items", record.id, record.date, record.items.len());
//! # Ok::<(), referat_parser::ParseError>(())
//! ```

pub mod blocks;
pub mod danish;
pub mod docx;
mod error;
pub mod format;
pub mod html;
pub mod pdf;
pub mod quality;
pub mod structure;
pub mod text;

use std::path::Path;

pub use blocks::{Block, BlockDocument, BlockKind};
pub use error::{ParseError, ReadError};
pub use format::detect_format;
pub use referat_schema::{Format, Record};

/// Limits that keep hostile input from exhausting memory or time.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
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
    parse_bytes(path, &bytes)
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
    let (format, blocks) = read_blocks(path, bytes)?;
    let source = structure::source_for(path, format, bytes, &blocks);
    Ok(structure::extract(&blocks, source))
}

/// Run only the format reader: detect the format and return its blocks.
pub fn read_blocks(path: &Path, bytes: &[u8]) -> Result<(Format, BlockDocument), ParseError> {
    let format = detect_format(bytes).map_err(|detail| ParseError::UnknownFormat {
        path: path.to_path_buf(),
        detail,
    })?;
    let result = match format {
        Format::Pdf => pdf::read(bytes),
        Format::Docx => docx::read(bytes),
        Format::Html => html::read(bytes),
    };
    let blocks = result.map_err(|e| match e {
        ReadError::Encrypted => ParseError::Encrypted {
            path: path.to_path_buf(),
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
            format: match format {
                Format::Pdf => "PDF",
                Format::Docx => "DOCX",
                Format::Html => "HTML",
            },
            reason,
        },
    })?;
    Ok((format, blocks))
}
