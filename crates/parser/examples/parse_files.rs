//! Parse every file given, in one thread, for instruction-count comparisons
//! of the parser between builds (issue 18):
//!
//! ```text
//! cargo build --release -p referat-parser --example parse_files
//! valgrind --tool=callgrind target/release/examples/parse_files FILES...
//! target/release/examples/parse_files --json FILES... > records.jsonl
//! ```
//!
//! All files are read before the first is parsed, so the parse is one
//! stretch of the profile. No time budget and no OCR, so the work does not
//! depend on the machine's load or on tesseract. `--json` prints each record
//! as one line of JSON (to compare the output of two builds); without it only
//! a count per file goes to stdout. Files that fail are reported on stderr.
use std::path::PathBuf;

fn main() {
    let mut json = false;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--json" {
            json = true;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let files: Vec<(PathBuf, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| match std::fs::read(&p) {
            Ok(bytes) => Some((p, bytes)),
            Err(e) => {
                eprintln!("{}: {e}", p.display());
                None
            }
        })
        .collect();
    let limits = referat_parser::Limits {
        time_budget: None,
        ocr: referat_parser::OcrOptions {
            mode: referat_parser::OcrMode::Never,
            ..referat_parser::OcrOptions::default()
        },
        ..referat_parser::Limits::default()
    };
    let (mut ok, mut failed, mut text_bytes) = (0usize, 0usize, 0usize);
    for (path, bytes) in &files {
        match referat_parser::parse_bytes_with(path, bytes, &limits) {
            Ok(record) => {
                ok += 1;
                text_bytes += record.text.len();
                if json {
                    match serde_json::to_string(&record) {
                        Ok(line) => println!("{line}"),
                        Err(e) => eprintln!("{}: {e}", path.display()),
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", path.display());
            }
        }
    }
    eprintln!("parsed {ok}, failed {failed}, text bytes {text_bytes}");
}
