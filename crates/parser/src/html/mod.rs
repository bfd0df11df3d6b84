//! The HTML format reader: bytes to blocks.

use crate::{BlockDocument, ReadError};

/// Read a HTML file's bytes into blocks in reading order.
pub fn read(_bytes: &[u8]) -> Result<BlockDocument, ReadError> {
    Err(ReadError::Malformed(
        "the HTML reader is not built yet".into(),
    ))
}
