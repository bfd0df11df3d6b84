//! Turning the paths given to `ingest`, `parse` or `bench` into the files to
//! read. A file is recognised by its content, never by its name: a folder's
//! `.aspx` page or extension-less download is read when it is HTML, and a
//! file that is no document is skipped, named, with the reason.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes read from a file in a folder to tell whether it is a document
/// (the parser's format detection looks no further).
const SNIFF_BYTES: u64 = 4096;

/// File name endings that claim a document: such a file in a folder is
/// always read, so a broken one fails with the parser's reason instead of
/// being skipped. Any other file is read when its content is a document.
const DOCUMENT_EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "html", "htm", "xhtml"];

/// How an HTML page starts (after a byte-order mark, white space, an XML
/// declaration and comments). Files with other names must start so to be
/// read as HTML: markup inside other text (a README, an ODF file's
/// `<meta:…>`) does not make a web page.
const HTML_STARTS: &[&str] = &["<!doctype html", "<html"];

/// A path that could not be walked, with why.
#[derive(Debug)]
pub struct WalkError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// A file in a folder that is not a document the parser reads, with why
/// (the parser's own words: "no PDF header, ZIP signature or HTML markup
/// found", "a legacy OLE2 file (Word 97-2003 .doc?), not DOCX", …).
#[derive(Debug, Clone)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The files to read: every file named, and the documents in folders.
    pub files: Vec<PathBuf>,
    /// Files in folders that are not documents.
    pub skipped: Vec<Skipped>,
    /// Paths that could not be read at all (missing, no permission).
    pub errors: Vec<WalkError>,
}

/// The files under `paths`, in sorted order per folder, hidden entries and
/// symbolic links to folders skipped (so a walk cannot loop). A file named
/// in `paths` is always read (and fails with the parser's reason if it is
/// no document); a file found in a folder is read when its first bytes are
/// a document's.
pub fn walk(paths: &[PathBuf]) -> Walk {
    let mut out = Walk::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &mut out),
            Ok(_) => out.files.push(path.clone()),
            Err(e) => out.errors.push(WalkError {
                path: path.clone(),
                reason: e.to_string(),
            }),
        }
    }
    out
}

/// [`walk`]'s files and errors, for callers that do not report skipped files.
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let w = walk(paths);
    (w.files, w.errors)
}

fn walk_dir(dir: &Path, out: &mut Walk) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                out.errors.push(WalkError {
                    path: dir,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        let mut subdirs = Vec::new();
        for child in children {
            let hidden = child
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            let Ok(meta) = std::fs::symlink_metadata(&child) else {
                continue;
            };
            if hidden || meta.file_type().is_symlink() && child.is_dir() {
                continue;
            }
            if meta.is_dir() {
                subdirs.push(child);
            } else {
                match sniff(&child) {
                    Ok(()) => out.files.push(child),
                    Err(reason) => out.skipped.push(Skipped {
                        path: child,
                        reason,
                    }),
                }
            }
        }
        // Depth first, in sorted order.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// Whether a file found in a folder is to be read: its name claims a
/// document, or its first bytes are a document's; why not otherwise.
fn sniff(path: &Path) -> Result<(), String> {
    let claimed = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        DOCUMENT_EXTENSIONS
            .iter()
            .any(|x| x.eq_ignore_ascii_case(e))
    });
    if claimed {
        return Ok(());
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(SNIFF_BYTES).read_to_end(&mut head))
        .map_err(|e| format!("cannot read: {e}"))?;
    match referat_parser::detect_format(&head)? {
        referat_parser::Format::Html if !starts_like_html(&head) => {
            Err("not a document (markup, but not an HTML page)".into())
        }
        _ => Ok(()),
    }
}

/// Whether `head` starts as an HTML page does (see [`HTML_STARTS`]).
fn starts_like_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>").map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    let lower = rest.get(..20).unwrap_or(rest).to_ascii_lowercase();
    HTML_STARTS.iter().any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_start_as_pages() {
        assert!(starts_like_html(b"\xef\xbb\xbf <!DOCTYPE html><html>"));
        assert!(starts_like_html(
            b"<?xml version=\"1.0\"?>\n<!-- x --><html>"
        ));
        assert!(!starts_like_html(b"# referat\n<p>markdown</p>"));
        assert!(!starts_like_html(
            b"<?xml version=\"1.0\"?><office:document><meta:x/>"
        ));
    }
}
