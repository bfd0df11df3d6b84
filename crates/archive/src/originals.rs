//! The original file behind a record, for a front end that serves it: found
//! by the record's id only (never by a path a user gives), and only while
//! the file on disk is still the one that was indexed.

use std::path::PathBuf;

use referat_schema::Format;

use crate::{Archive, ArchiveError};

/// Files larger than this are not read into memory to be served.
pub const MAX_ORIGINAL_BYTES: u64 = 256 * 1024 * 1024;

/// An indexed document's original file, read and checked.
#[derive(Clone, Debug)]
pub struct Original {
    /// The file's bytes, as indexed (SHA-256 checked).
    pub bytes: Vec<u8>,
    /// Its format, detected from its content at ingest.
    pub format: Format,
    /// Its path on disk.
    pub path: PathBuf,
}

impl Original {
    /// The file's name, without folders.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("document.{}", self.format.as_str()))
    }

    /// The MIME type of the format.
    pub fn content_type(&self) -> &'static str {
        match self.format {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Doc => "application/msword",
            Format::Html => "text/html",
        }
    }
}

impl Archive {
    /// The original file of the record whose id is exactly `doc_id`.
    /// `Ok(None)` when no record has that id; [`ArchiveError::Changed`]
    /// when the file is gone, too large or no longer the indexed one.
    pub fn original(&self, doc_id: &str) -> Result<Option<Original>, ArchiveError> {
        let Some(record) = self.index.get(doc_id.trim())? else {
            return Ok(None);
        };
        let path = PathBuf::from(&record.source.path);
        let changed = |why: &str| ArchiveError::Changed {
            path: path.clone(),
            why: why.to_string(),
        };
        let size = std::fs::metadata(&path)
            .map_err(|_| changed("the file is gone"))?
            .len();
        if size > MAX_ORIGINAL_BYTES {
            return Err(changed("the file is too large to serve"));
        }
        let bytes = std::fs::read(&path).map_err(|_| changed("the file cannot be read"))?;
        if referat_parser::content_hash(&bytes) != record.source.sha256 {
            return Err(changed("the file has changed since it was indexed"));
        }
        Ok(Some(Original {
            bytes,
            format: record.source.format,
            path,
        }))
    }
}
