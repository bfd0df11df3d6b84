//! Data derived from the files beside the index, kept in memory between
//! calls on one open [`crate::Archive`] (a web server answers many requests
//! with one): rebuilt when the key of what it was made from changes, so it
//! is never staler than the files.

pub(crate) use referat_indexer::Memo;

/// What identifies a file's version cheaply: its length and modification
/// time (`None` when it is missing).
pub(crate) fn file_stamp(path: &std::path::Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
