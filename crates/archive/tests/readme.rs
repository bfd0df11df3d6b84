//! The README's "Use it as a library" example is the crate's doctest (which
//! `cargo test` runs): the two must not drift apart.

/// The visible lines of the doctest in `src/lib.rs`, as the README shows them.
fn doctest_lines() -> Vec<String> {
    let lib = include_str!("../src/lib.rs");
    let mut lines = Vec::new();
    let mut inside = false;
    for line in lib.lines() {
        let Some(doc) = line.strip_prefix("//!") else {
            continue;
        };
        let doc = doc.strip_prefix(' ').unwrap_or(doc);
        if doc.starts_with("```") {
            if inside {
                break;
            }
            inside = true;
            continue;
        }
        if inside && !doc.starts_with('#') {
            lines.push(doc.replace("index_dir", "\"my-index\""));
        }
    }
    lines
}

/// The Rust block of the README's "Use it as a library" section.
fn readme_lines() -> Vec<String> {
    let readme = include_str!("../../../README.md");
    let section = readme
        .split("## Use it as a library")
        .nth(1)
        .expect("a \"Use it as a library\" section");
    let block = section
        .split("```rust")
        .nth(1)
        // The README's copy is compiled, not run (`no_run`): the crate's
        // doctest runs the same lines on a temporary index.
        .and_then(|b| b.split_once('\n').map(|(_, rest)| rest))
        .and_then(|b| b.split("```").next())
        .expect("a Rust block in it");
    block
        .lines()
        .filter(|l| !l.starts_with("fn main") && *l != "}" && l.trim() != "Ok(())")
        .map(|l| l.strip_prefix("    ").unwrap_or(l).to_string())
        .collect()
}

#[test]
fn the_readme_example_is_the_doctest() {
    let doc: Vec<String> = doctest_lines()
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    let readme: Vec<String> = readme_lines()
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(readme, doc);
    assert!(doc.len() < 20, "the example is short: {} lines", doc.len());
}
