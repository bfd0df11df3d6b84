//! The bundled corpus for the reader tests: every file of one format with
//! the minutes text that `corpus/make.py` put into it.
#![allow(dead_code)] // each test file uses its own subset

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

/// Every corpus file of this format: the reader's content text must have an
/// order-aware token similarity of at least 0.97 with the expected text; a
/// failure lists the words missing and extra.
pub fn assert_content_matches(
    extension: &str,
    read: impl Fn(&Path) -> referat_parser::BlockDocument,
) {
    use referat_parser::quality::{sequence_similarity, token_diff};
    let files = corpus_files(extension);
    assert!(
        !files.is_empty(),
        "no corpus {extension} files with expected text"
    );
    let mut failures = Vec::new();
    for (path, expected) in &files {
        let got = read(path).content_text();
        let sim = sequence_similarity(&got, expected);
        println!(
            "{:<45} similarity {sim:.4}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        if sim < 0.97 {
            let (missing, extra) = token_diff(&got, expected);
            failures.push(format!(
                "{}: {sim:.4}; missing {missing:?}; extra {extra:?}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
