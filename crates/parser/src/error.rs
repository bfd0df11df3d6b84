use std::path::PathBuf;

/// Why a file could not be parsed.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The content is none of the supported formats.
    #[error("{path}: not a PDF, DOCX, DOC or HTML document ({detail})")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// What the content looked like.
        detail: String,
    },
    /// The file is a supported format but broken or unreadable.
    #[error("{path}: {format} could not be read: {reason}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// "PDF", "DOCX", "DOC" or "HTML".
        format: &'static str,
        /// Why.
        reason: String,
    },
    /// The file is encrypted and no empty password opens it.
    #[error("{path}: {format} is encrypted and needs a password")]
    Encrypted {
        /// The file.
        path: PathBuf,
        /// "PDF" or "DOC".
        format: &'static str,
    },
    /// The file is larger than a configured limit.
    #[error("{path}: {what} is {actual} bytes, over the limit of {limit}")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// What was too large ("file", "decompressed document").
        what: &'static str,
        /// Its size.
        actual: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading the file took longer than its time budget.
    #[error("{path}: gave up after {}s (the time budget per file)", limit.as_secs_f64())]
    TimedOut {
        /// The file.
        path: PathBuf,
        /// The budget.
        limit: std::time::Duration,
    },
}

/// An error from a format reader, before it knows the file's path.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Broken or unreadable content.
    #[error("{0}")]
    Malformed(String),
    /// Encrypted with a password we do not have.
    #[error("encrypted")]
    Encrypted,
    /// Over a size limit.
    #[error("{what} is {actual} bytes, over the limit of {limit}")]
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// Its size.
        actual: u64,
        /// The limit.
        limit: u64,
    },
    /// Over the time budget.
    #[error("time budget of {}s exhausted", limit.as_secs_f64())]
    TimedOut {
        /// The budget.
        limit: std::time::Duration,
    },
}
