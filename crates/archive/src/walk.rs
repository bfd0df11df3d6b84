//! Turning the paths given to `ingest`, `parse` or `bench` into the files to read.

use std::path::{Path, PathBuf};

/// File name endings a folder walk picks up. A file named on the command
/// line is read whatever its name: the format comes from its content.
const EXTENSIONS: &[&str] = &["pdf", "docx", "doc", "html", "htm", "xhtml"];

/// A path that could not be walked, with why.
#[derive(Debug)]
pub struct WalkError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// The files under `paths`, in sorted order per folder, hidden entries and
/// symbolic links to folders skipped (so a walk cannot loop).
pub fn files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &mut out, &mut errors),
            Ok(_) => out.push(path.clone()),
            Err(e) => errors.push(WalkError {
                path: path.clone(),
                reason: e.to_string(),
            }),
        }
    }
    (out, errors)
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<WalkError>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                errors.push(WalkError {
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
            } else if has_document_extension(&child) {
                out.push(child);
            }
        }
        // Depth first, in sorted order.
        stack.extend(subdirs.into_iter().rev());
    }
}

fn has_document_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
