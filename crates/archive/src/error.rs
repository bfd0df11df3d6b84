//! What can make an archive operation fail as a whole. A single bad input
//! file is not such a failure: ingest reports it and goes on.

use std::path::PathBuf;

/// A failure of an archive operation.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// There is no index at the path (searching never creates one).
    #[error("no index at {}; run `referat ingest`", .0.display())]
    NoIndex(PathBuf),
    /// The index could not be opened, read or written.
    #[error("index: {0}")]
    Index(#[from] referat_indexer::IndexError),
    /// The aliases file beside the index is unreadable or malformed.
    #[error("{0}")]
    Aliases(#[from] referat_people::AliasError),
    /// A file or folder of the archive could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A filter means none of the values the archive holds.
    #[error("--{filter} {value:?} matches no {filter} in the index{}", suggest(.nearest))]
    NoSuchValue {
        /// The filter: "municipality" or "body".
        filter: &'static str,
        /// The value as given.
        value: String,
        /// The nearest values that exist.
        nearest: Vec<String>,
    },
    /// A document id prefix names more than one document.
    #[error("the id {prefix:?} is the start of {} documents' ids: {}", .ids.len(), .ids.join(", "))]
    AmbiguousId {
        /// The prefix as given.
        prefix: String,
        /// Some of the ids it starts.
        ids: Vec<String>,
    },
    /// An indexed document's original file is gone or is no longer the
    /// file that was indexed.
    #[error("{}: {why}", path.display())]
    Changed {
        /// The file's path.
        path: PathBuf,
        /// What is wrong with it, in words.
        why: String,
    },
    /// The query or the options make no sense (e.g. a date range that ends
    /// before it starts).
    #[error("{0}")]
    InvalidQuery(String),
}

fn suggest(nearest: &[String]) -> String {
    if nearest.is_empty() {
        String::new()
    } else {
        format!("; nearest: {}", nearest.join(", "))
    }
}
