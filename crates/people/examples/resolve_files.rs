//! Resolve the people of the files or folders given, print JSON:
//! `cargo run -p referat-people --example resolve_files -- corpus`.

use std::path::{Path, PathBuf};

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("pdf" | "docx" | "html")
    ) {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        files(Path::new(&arg), &mut paths);
    }
    let records: Vec<_> = paths
        .iter()
        .filter_map(|p| referat_parser::parse_file(p).ok())
        .collect();
    let resolution = referat_people::resolve(&records, &referat_people::Aliases::none());
    println!(
        "{}",
        serde_json::to_string_pretty(&resolution).unwrap_or_default()
    );
}
