//! The bundled corpus for the reader tests: every file of one format with
//! the minutes text that `corpus/make.py` put into it.

use std::path::{Path, PathBuf};

/// `corpus/` at the repository root.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// All corpus files with this extension, sorted, each with its expected
/// content text from `corpus/expected/<stem>.content.txt`. Panics unless it
/// finds one file per seed, so that a missing corpus cannot pass as empty.
pub fn corpus_files(extension: &str) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let dirs = std::fs::read_dir(corpus_dir()).expect("corpus/ is readable");
    for dir in dirs.flatten() {
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for path in files.flatten().map(|f| f.path()) {
            if path.extension().and_then(|e| e.to_str()) != Some(extension) {
                continue;
            }
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let expected = corpus_dir()
                .join("expected")
                .join(format!("{stem}.content.txt"));
            if let Ok(text) = std::fs::read_to_string(expected) {
                out.push((path, text));
            }
        }
    }
    out.sort();
    assert_eq!(out.len(), 5, "one {extension} file per seed in corpus/");
    out
}
