//! Direct access to the lines of [`MEETINGS_FILE`]: beside it,
//! [`MEETING_KEYS_FILE`] lists for each line where it starts, how long it
//! is, and the ids it answers to (a meeting's id and its renditions'
//! record ids; a meeting-less document's record ids). A search then reads
//! the few lines of its hits instead of scanning the whole file, which at
//! 100,000 documents is some 45 MB and took most of a CLI search's time.
//!
//! The keys file names the length of the meetings file it was written
//! for; when they disagree (an archive written by an older version, or a
//! reader between the two renames of a re-grouping), callers fall back to
//! scanning the file.

use std::collections::HashSet;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::meetings::{io, write_atomically, Line, MEETINGS_FILE};
use crate::memo::file_stamp;
use crate::{Archive, ArchiveError};

/// Where each line of [`MEETINGS_FILE`] is, by the ids it answers to.
pub const MEETING_KEYS_FILE: &str = "meetings-keys.tsv";

/// The first line of the keys file, naming the meetings file's length.
const HEADER: &str = "# meetings.jsonl bytes:";

/// The ids a line answers to.
fn keys(line: &Line) -> Vec<&str> {
    match line {
        Line::Meeting(m) => std::iter::once(m.meeting_id.as_str())
            .chain(
                m.documents
                    .iter()
                    .flat_map(|d| &d.renditions)
                    .map(|r| r.doc_id.as_str()),
            )
            .collect(),
        Line::Loose(d) => d.renditions.iter().map(|r| r.doc_id.as_str()).collect(),
    }
}

/// Writes [`MEETINGS_FILE`] and then [`MEETING_KEYS_FILE`], each atomically.
pub(crate) fn write(dir: &Path, lines: &[Line]) -> Result<(), ArchiveError> {
    let mut text = Vec::new();
    let mut table = String::new();
    for line in lines {
        let start = text.len();
        serde_json::to_writer(&mut text, line)
            .map_err(|e| io(&dir.join(MEETINGS_FILE))(std::io::Error::other(e)))?;
        let len = text.len() - start;
        text.push(b'\n');
        for key in keys(line) {
            // Ids hold no tab or newline; one that did would only be unfindable.
            if !key.contains(['\t', '\n']) {
                table.push_str(&format!("{key}\t{start}\t{len}\n"));
            }
        }
    }
    let header = format!("{HEADER}{}\n", text.len());
    write_atomically(&dir.join(MEETINGS_FILE), |out| out.write_all(&text))?;
    write_atomically(&dir.join(MEETING_KEYS_FILE), |out| {
        out.write_all(header.as_bytes())?;
        out.write_all(table.as_bytes())
    })
}

/// The keys file, read (its text: scanning it for a page's ids is cheaper
/// than building a map of all of them, which a one-search CLI run would
/// pay for in full).
pub(crate) struct KeyTable {
    text: String,
    /// The length of the meetings file it was written for.
    file_len: u64,
}

impl KeyTable {
    /// The byte ranges of the lines answering to `ids`, sorted, each once;
    /// `None` when a line for one of them is damaged (then scan).
    fn ranges(&self, ids: &HashSet<&str>) -> Option<Vec<(u64, usize)>> {
        let mut out = Vec::new();
        for line in self.text.lines().skip(1) {
            let Some((key, range)) = line.split_once('\t') else {
                continue;
            };
            if !ids.contains(key) {
                continue;
            }
            let (start, len) = range.split_once('\t')?;
            let (start, len): (u64, usize) = (start.parse().ok()?, len.parse().ok()?);
            // A damaged keys file must not make a search allocate or seek
            // beyond the meetings file.
            let end = start.checked_add(u64::try_from(len).ok()?)?;
            if end > self.file_len {
                return None;
            }
            out.push((start, len));
        }
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}

/// Reads the keys file if it was written for the meetings file as it is.
fn read_table(dir: &Path) -> Option<KeyTable> {
    let text = std::fs::read_to_string(dir.join(MEETING_KEYS_FILE)).ok()?;
    let written_for: u64 = text.lines().next()?.strip_prefix(HEADER)?.parse().ok()?;
    if file_stamp(&dir.join(MEETINGS_FILE))?.0 != written_for {
        return None;
    }
    Some(KeyTable {
        text,
        file_len: written_for,
    })
}

impl Archive {
    /// The lines of [`MEETINGS_FILE`] that answer to any of `ids`, each
    /// once, read directly; `None` when the keys file is missing or not
    /// for this meetings file (then scan).
    pub(crate) fn meeting_lines(&self, ids: &[&str]) -> Option<Vec<Line>> {
        let stamps = (
            file_stamp(&self.dir.join(MEETING_KEYS_FILE)),
            file_stamp(&self.dir.join(MEETINGS_FILE)),
        );
        let table = self
            .meeting_keys
            .get_or_try(stamps, || read_table(&self.dir).ok_or(()))
            .ok()?;
        let ranges = table.ranges(&ids.iter().copied().collect())?;
        let mut file = std::fs::File::open(self.dir.join(MEETINGS_FILE)).ok()?;
        let mut out = Vec::with_capacity(ranges.len());
        let mut buf = Vec::new();
        for (start, len) in ranges {
            buf.resize(len, 0);
            file.seek(SeekFrom::Start(start)).ok()?;
            file.read_exact(&mut buf).ok()?;
            out.push(serde_json::from_slice(&buf).ok()?);
        }
        Some(out)
    }
}
