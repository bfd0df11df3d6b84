//! The indexer's error type.

use std::path::PathBuf;

/// Everything that can go wrong when opening, writing or searching the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// The index directory could not be created or read.
    #[error("index directory {path}: {source}")]
    Io {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The directory holds an index with another schema (an older referat).
    #[error(
        "the index at {0} was built by another version of referat; delete it and ingest again"
    )]
    SchemaMismatch(PathBuf),
    /// Another process holds the index writer lock.
    #[error("the index is locked by another writer (is another `referat ingest` running?)")]
    Locked,
    /// The query could not be understood.
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// A stored record could not be read back.
    #[error("stored record {id} is unreadable: {reason}")]
    CorruptRecord {
        /// The record id.
        id: String,
        /// What failed.
        reason: String,
    },
    /// An error inside tantivy.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
