//! The DOCX package: a ZIP archive read with size limits, so that a zip bomb
//! ends in an error instead of exhausting memory.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use crate::ReadError;

/// Largest decompressed `word/document.xml` accepted.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;
/// Largest decompressed size of any other part (styles, headers, footnotes…).
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// Largest decompressed size of all parts read from one package together.
/// Default of [`crate::Limits::max_decompressed_bytes`].
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// An opened DOCX package that counts what it decompresses.
pub struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    read_total: u64,
    max_total: u64,
}

impl<'a> Package<'a> {
    /// Open the archive; a truncated or non-ZIP file is `Malformed`. All
    /// entries read together may inflate to `max_total` bytes.
    pub fn open(bytes: &'a [u8], max_total: u64) -> Result<Self, ReadError> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ReadError::Malformed(format!("not a readable ZIP archive: {e}")))?;
        let names = archive
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect();
        Ok(Package {
            archive,
            names,
            read_total: 0,
            max_total,
        })
    }

    /// The names of all entries.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether an entry exists.
    pub fn contains(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Read one entry, or `None` when it does not exist. Both the declared
    /// size and the bytes actually inflated are checked against `cap` and
    /// against the package's total budget; reading stops at the cap.
    pub fn read(&mut self, name: &str, cap: u64) -> Result<Option<Vec<u8>>, ReadError> {
        if !self.contains(name) {
            return Ok(None);
        }
        let remaining = self.max_total.saturating_sub(self.read_total);
        let (limit, what) = if cap <= remaining {
            (cap, "decompressed document part")
        } else {
            (remaining, "decompressed package")
        };
        let mut file = self
            .archive
            .by_name(name)
            .map_err(|e| ReadError::Malformed(format!("cannot open {name}: {e}")))?;
        let declared = file.size();
        if declared > limit {
            return Err(ReadError::TooLarge {
                what,
                actual: declared,
                limit,
            });
        }
        // The declared size may lie: read at most one byte past the limit.
        let mut out = Vec::with_capacity(declared.min(limit) as usize);
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| ReadError::Malformed(format!("cannot inflate {name}: {e}")))?;
        let actual = out.len() as u64;
        if actual > limit {
            return Err(ReadError::TooLarge {
                what,
                actual,
                limit,
            });
        }
        self.read_total += actual;
        Ok(Some(out))
    }
}
