//! The format-independent structure extractor: blocks to a schema record.
//! Rules here are rules about Danish minutes, never about one file.

use std::path::Path;

use referat_schema::{Format, Record, Source};
use sha2::{Digest, Sha256};

use crate::BlockDocument;

/// Describe the source file of a record.
pub fn source_for(path: &Path, format: Format, bytes: &[u8], doc: &BlockDocument) -> Source {
    let digest = Sha256::digest(bytes);
    let sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
    Source {
        path: path.to_string_lossy().into_owned(),
        format,
        sha256,
        bytes: bytes.len() as u64,
        pages: doc.pages,
        producer: doc.producer.clone(),
    }
}

/// Turn a reader's blocks into a record.
pub fn extract(doc: &BlockDocument, source: Source) -> Record {
    let mut record = Record::empty(source);
    record.text = doc.content_text();
    record.warnings = doc.warnings.clone();
    record
}
