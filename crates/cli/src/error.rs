//! What can make a command fail as a whole (a single bad input file is not
//! such a failure: it is reported and the run goes on).

/// A fatal error of a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Writing output or reading a named file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The archive could not be opened, read or written.
    #[error("{0}")]
    Archive(#[from] referat_archive::ArchiveError),
    /// The web server could not start or stopped.
    #[error("{0}")]
    Web(#[from] referat_web::WebError),
    /// The arguments make no sense together.
    #[error("{0}")]
    Usage(String),
}
