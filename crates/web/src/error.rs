//! What can go wrong serving a request or starting the server, with the
//! HTTP status each request error gets.

use axum::http::StatusCode;
use referat_archive::ArchiveError;

/// A failure of the web server or of one request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The archive could not answer (no index, a bad filter value, …).
    #[error("{0}")]
    Archive(#[from] ArchiveError),
    /// The request asks for something malformed or too large; the text is
    /// Danish, for the page.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing has this id or name.
    #[error("{0}")]
    NotFound(String),
    /// A template could not be rendered (a bug, not the user's fault).
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    /// The listening socket could not be opened or the runtime not started.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A blocking task was cancelled or panicked.
    #[error("internal error: {0}")]
    Internal(String),
}

impl WebError {
    /// The HTTP status of a request that failed so.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Archive(ArchiveError::NoSuchValue { .. })
            | WebError::Archive(ArchiveError::InvalidQuery(_))
            | WebError::Archive(ArchiveError::AmbiguousId { .. })
            | WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Archive(ArchiveError::Changed { .. }) => StatusCode::GONE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}
