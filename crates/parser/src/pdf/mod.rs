//! The PDF format reader: bytes to blocks.

use crate::{BlockDocument, ReadError};

/// Read a PDF file's bytes into blocks in reading order.
pub fn read(_bytes: &[u8]) -> Result<BlockDocument, ReadError> {
    Err(ReadError::Malformed(
        "the PDF reader is not built yet".into(),
    ))
}
