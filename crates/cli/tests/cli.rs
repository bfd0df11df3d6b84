//! The real `referat` binary, every subcommand, on the bundled corpus: JSON
//! read back and validated against the checked-in JSON Schema, CSV read
//! back, exit codes for bad input and bad flags.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use common::{corpus, referat, run, stderr, stdout};
use serde_json::Value;

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let text = include_str!("../../schema/record.schema.json");
        let schema: Value = serde_json::from_str(text).expect("schema JSON");
        jsonschema::validator_for(&schema).expect("schema compiles")
    })
}

fn assert_valid(record: &Value) {
    let errors: Vec<String> = validator()
        .iter_errors(record)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "record fails the schema: {errors:?}");
}

fn shared_index() -> &'static Path {
    common::corpus_index()
}

#[test]
fn parse_prints_valid_records() {
    let o = run(referat(Path::new("/nonexistent"))
        .arg("parse")
        .arg(corpus().join("albertslund/udsatteraadet-2021-10-14.pdf"))
        .arg(corpus().join("aalborg/notat-2021-02-26.docx")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    for r in &lines {
        assert_valid(r);
    }
    assert_eq!(lines[0]["date"], "2021-10-14");
    assert_eq!(lines[0]["source"]["format"], "pdf");
    assert_eq!(lines[1]["doc_type"], "notat");
}

#[test]
fn a_bad_file_is_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("download.pdf");
    std::fs::write(&bad, b"<html>404 Not Found</html>\x00\x01garbage").unwrap();
    let empty = dir.path().join("empty.docx");
    std::fs::write(&empty, b"").unwrap();
    let good = corpus().join("gladsaxe/udsatteraadet-2023-11-21.docx");
    let o = run(referat(dir.path())
        .arg("parse")
        .arg(&empty)
        .arg(&good)
        .arg(&bad));
    assert_eq!(o.status.code(), Some(1), "some inputs failed → exit 1");
    let err = stderr(&o);
    assert!(err.contains("empty.docx") && err.contains("empty"), "{err}");
    assert_eq!(
        stdout(&o).lines().count(),
        2,
        "the good file and the HTML error page"
    );
}

#[test]
fn a_bad_flag_is_a_usage_error() {
    let o = run(referat(Path::new("/tmp"))
        .arg("search")
        .arg("--no-such-flag"));
    assert_eq!(o.status.code(), Some(2));
    let o = run(referat(Path::new("/tmp")).args(["search", "x", "--from", "1. maj"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
}

#[test]
fn help_has_examples_for_every_subcommand() {
    for sub in [
        "parse",
        "ingest",
        "search",
        "show",
        "export",
        "stats",
        "completions",
        "bench",
    ] {
        let o = run(referat(Path::new("/tmp")).arg(sub).arg("--help"));
        assert_eq!(o.status.code(), Some(0));
        assert!(
            stdout(&o).contains("Examples:"),
            "{sub} --help has no examples"
        );
    }
}

#[test]
fn search_json_and_exit_codes() {
    let index = shared_index();
    let o = run(referat(index).args(["search", "frikort", "--json"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page: Value = serde_json::from_str(&stdout(&o)).expect("a JSON object");
    let hits: Vec<Value> = serde_json::from_value(page["hits"].clone()).expect("an array of hits");
    assert!(!hits.is_empty());
    for h in &hits {
        assert!(h["doc_id"].as_str().is_some_and(|s| s.len() == 16));
        assert!(h["source_path"]
            .as_str()
            .is_some_and(|p| p.contains("albertslund")));
        assert!(h["snippet"]["text"]
            .as_str()
            .is_some_and(|t| t.to_lowercase().contains("frikort")));
    }
    let o = run(referat(index).args(["search", "zyxwvutsrq", "--jsonl"]));
    assert_eq!(o.status.code(), Some(1), "nothing found → exit 1");
    assert!(stdout(&o).is_empty());
}

#[test]
fn search_table_marks_matches() {
    let o = run(referat(shared_index()).args(["search", "skæve", "--municipality", "Gladsaxe"]));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("Gladsaxe") && out.contains("[skæve]"), "{out}");
    assert!(!out.contains('\x1b'), "no colour without a terminal");
}

#[test]
fn show_prints_a_record_and_an_item() {
    let index = shared_index();
    let o = run(referat(index).args([
        "search",
        "--person",
        "Carina Kofoed",
        "--jsonl",
        "--limit",
        "1",
    ]));
    let hit: Value = serde_json::from_str(stdout(&o).lines().next().expect("a hit")).unwrap();
    let id = hit["doc_id"].as_str().unwrap();
    let o = run(referat(index).args(["show", id, "--json"]));
    assert_eq!(o.status.code(), Some(0));
    let record: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_valid(&record);
    assert_eq!(record["minute_taker"]["name"], "Carina Kofoed");
    let o = run(referat(index).args(["show", id, "--item", "2"]));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("2. "));
    let o = run(referat(index).args(["show", "0000000000000000"]));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn export_jsonl_json_and_csv() {
    let index = shared_index();
    let o = run(referat(index).args(["export", "--by", "file"]));
    let records: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 15);
    records.iter().for_each(assert_valid);

    let o = run(referat(index).args([
        "export",
        "--by",
        "file",
        "--format",
        "json",
        "--municipality",
        "aalborg",
    ]));
    let array: Vec<Value> = serde_json::from_str(&stdout(&o)).expect("one JSON array");
    assert_eq!(array.len(), 6);
    assert!(array.iter().all(|r| r["municipality"] == "Aalborg"));

    let o = run(referat(index).args([
        "export", "--by", "file", "--format", "csv", "--year", "2021",
    ]));
    let text = stdout(&o);
    let mut rows = text.lines();
    let header = rows.next().expect("a header row");
    assert!(header.starts_with("doc_id,date,municipality"));
    let items: usize = records
        .iter()
        .filter(|r| r["date"].as_str().is_some_and(|d| d.starts_with("2021")))
        .map(|r| r["items"].as_array().unwrap().len().max(1))
        .sum();
    // Rows may span lines (quoted newlines in decisions): count records with a parser-free check.
    let quoted_rows = count_csv_records(&text) - 1;
    assert_eq!(quoted_rows, items);
}

/// Records in CSV text, honouring quoted fields with line breaks.
fn count_csv_records(text: &str) -> usize {
    let mut in_quotes = false;
    let mut records = 0;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => records += 1,
            _ => {}
        }
    }
    records
}

#[test]
fn stats_counts_the_corpus() {
    let o = run(referat(shared_index()).args(["stats", "--json"]));
    let stats: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(stats["documents"], 15);
    assert_eq!(stats["by_format"]["pdf"], 5);
    assert_eq!(stats["by_municipality"]["Gladsaxe"], 3);
    assert_eq!(stats["by_year"]["2021"], 6);
}

#[test]
fn completions_for_bash() {
    let o = run(referat(Path::new("/tmp")).args(["completions", "bash"]));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("_referat"));
}

#[test]
fn ingest_is_idempotent_incremental_and_prunes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for f in [
        "aalborg/udsatteraadet-2024-05-27.html",
        "gladsaxe/udsatteraadet-2023-11-21.html",
    ] {
        std::fs::copy(
            corpus().join(f),
            docs.join(Path::new(f).file_name().unwrap()),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    let ingest = |extra: &[&str]| {
        let o = run(referat(&index).arg("ingest").args(extra).arg(&docs));
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    };
    assert!(ingest(&[]).contains("indexed 2 new, 0 changed, 0 unchanged, 0 failed"));
    assert!(ingest(&[]).contains("indexed 0 new, 0 changed, 2 unchanged, 0 failed"));
    let changed = docs.join("udsatteraadet-2024-05-27.html");
    let mut html = std::fs::read_to_string(&changed).unwrap();
    html.push_str("\n<!-- rettet -->\n");
    std::fs::write(&changed, html).unwrap();
    assert!(ingest(&[]).contains("indexed 0 new, 1 changed, 1 unchanged, 0 failed"));
    assert!(ingest(&[]).contains("indexed 0 new, 0 changed, 2 unchanged, 0 failed"));
    std::fs::remove_file(docs.join("udsatteraadet-2023-11-21.html")).unwrap();
    assert!(ingest(&["--prune"]).contains("1 pruned"));
    let o = run(referat(&index).args(["stats", "--json"]));
    let stats: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        stats["documents"], 1,
        "one version of the changed file, the removed one gone"
    );
}

#[test]
fn ingest_reports_failures_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("truncated.pdf"),
        b"%PDF-1.7\n1 0 obj\n<< /Type /Cat",
    )
    .unwrap();
    std::fs::copy(
        corpus().join("aalborg/notat-2021-02-26.pdf"),
        docs.join("ok.pdf"),
    )
    .unwrap();
    let report = dir.path().join("failures.json");
    let o = run(referat(&dir.path().join("index"))
        .arg("ingest")
        .arg("--report")
        .arg(&report)
        .arg(&docs));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("indexed 1 new"));
    let failures: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(failures.len(), 1);
    assert!(failures[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("truncated.pdf"));
}

#[test]
fn search_on_a_fresh_machine_indexes_the_bundled_corpus_first() {
    let home = tempfile::tempdir().unwrap();
    let o = run(Command::new(env!("CARGO_BIN_EXE_referat"))
        .env_remove("REFERAT_INDEX")
        .env("XDG_DATA_HOME", home.path())
        .args(["search", "hjemløsereform", "--jsonl"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("indexing the bundled corpus"));
    assert!(home.path().join("referat/index/meta.json").is_file());
    assert!(stdout(&o).contains("gladsaxe"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = referat(shared_index())
        .arg("export")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}
