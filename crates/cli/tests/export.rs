//! `referat export --by meeting|document|item` (issue 17): row counts per
//! granularity on the corpus against the corpus generator's description
//! (`corpus/expected/*.json`), every row's `meeting_id` as `show` gives it,
//! meeting records valid against `crates/schema/meeting.schema.json`, and
//! the CSV read back by Python (pandas when installed) without options.

mod common;

use std::collections::BTreeMap;
use std::process::Command;

use common::{referat, repo, run, stderr, stdout};
use serde_json::Value;

fn index() -> &'static std::path::Path {
    common::corpus_index()
}

/// Items per meeting date, as the corpus generator wrote them.
fn expected_items() -> BTreeMap<String, usize> {
    std::fs::read_dir(repo().join("corpus/expected"))
        .expect("corpus/expected")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            (
                v["date"].as_str().unwrap().to_string(),
                v["items"].as_array().unwrap().len(),
            )
        })
        .collect()
}

fn csv_rows(by: &str) -> (csv::StringRecord, Vec<csv::StringRecord>, String) {
    let o = run(referat(index()).args(["export", "--by", by, "--format", "csv"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    let rows = reader.records().map(|r| r.expect("row")).collect();
    (header, rows, text)
}

fn column(header: &csv::StringRecord, name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The meeting `show` prints for an id.
fn shown_meeting(id: &str) -> Value {
    let o = run(referat(index()).args(["show", id, "--json"]));
    assert_eq!(o.status.code(), Some(0), "show {id}: {}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    v["meeting"].clone()
}

#[test]
fn rows_per_granularity_and_their_meetings() {
    let expected = expected_items();

    let (header, meetings, _) = csv_rows("meeting");
    assert_eq!(meetings.len(), expected.len());
    let (id, date, items) = (
        column(&header, "meeting_id"),
        column(&header, "date"),
        column(&header, "items"),
    );
    for row in &meetings {
        let shown = shown_meeting(&row[id]);
        assert_eq!(shown["meeting_id"], row[id].to_string());
        assert_eq!(shown["date"], row[date].to_string());
        assert_eq!(
            row[items].parse::<usize>().ok(),
            expected.get(&row[date]).copied()
        );
        assert_eq!(&row[column(&header, "renditions")], "3");
    }

    let (header, documents, _) = csv_rows("document");
    assert_eq!(documents.len(), expected.len());
    for row in &documents {
        let shown = shown_meeting(&row[column(&header, "meeting_id")]);
        assert_eq!(shown["date"], row[column(&header, "date")].to_string());
        assert_eq!(shown["documents"][0]["document_id"], row[0].to_string());
    }

    let (header, items, _) = csv_rows("item");
    assert_eq!(items.len(), expected.values().sum::<usize>());
    let (id, date) = (column(&header, "meeting_id"), column(&header, "date"));
    let mut per_meeting: BTreeMap<String, usize> = BTreeMap::new();
    for row in &items {
        *per_meeting.entry(row[id].to_string()).or_default() += 1;
        assert!(row[column(&header, "item_number")].parse::<u32>().is_ok());
        assert!(!row[date].is_empty());
    }
    for (meeting, n) in per_meeting {
        let shown = shown_meeting(&meeting);
        assert_eq!(shown["items"].as_array().map(Vec::len), Some(n));
    }
}

#[test]
fn meeting_records_follow_the_meeting_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("crates/schema/meeting.schema.json"))
            .expect("meeting.schema.json"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let o = run(referat(index()).args(["export", "--format", "jsonl"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), expected_items().len());
    for meeting in &lines {
        let errors: Vec<String> = validator
            .iter_errors(meeting)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(meeting["documents"][0]["renditions"][0]["paths"][0].is_string());
    }
    // And a broken one is refused: the schema says something.
    let mut bad = lines[0].clone();
    bad["documents"][0]["kind"] = Value::from("minutes-ish");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn python_reads_the_csv_without_options() {
    let dir = tempfile::tempdir().expect("tmp");
    let expected = expected_items();
    for (by, rows) in [
        ("meeting", expected.len()),
        ("document", expected.len()),
        ("item", expected.values().sum()),
    ] {
        let (_, _, text) = csv_rows(by);
        let path = dir.path().join(format!("{by}.csv"));
        std::fs::write(&path, text).expect("write");
        // The csv module: the row count, every row as wide as the header.
        let script = "import csv, sys\n\
                      rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\n\
                      assert all(len(r) == len(rows[0]) for r in rows), 'ragged rows'\n\
                      print(len(rows) - 1)\n";
        let Ok(o) = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&path)
            .output()
        else {
            eprintln!("python3 not found: CSV read-back skipped");
            return;
        };
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o).trim(), rows.to_string(), "{by}");
        // pandas, when installed: counts read as integers, dates as ISO.
        let script = "import sys\n\
                      try:\n    import pandas as pd\nexcept ImportError:\n    print('no pandas'); sys.exit(0)\n\
                      df = pd.read_csv(sys.argv[1])\n\
                      ints = [c for c in ('documents', 'renditions', 'files', 'items', 'decisions', 'item_number', 'ocr_pages') if c in df]\n\
                      assert ints, list(df.columns)\n\
                      for c in ints:\n    assert str(df[c].dtype) == 'int64', (c, df[c].dtype)\n\
                      pd.to_datetime(df['date'], format='%Y-%m-%d')\n\
                      print(len(df))\n";
        let o = Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&path)
            .output()
            .expect("python3");
        assert!(o.status.success(), "{by}: {}", stderr(&o));
        let out = stdout(&o);
        if out.trim() == "no pandas" {
            eprintln!("pandas not installed: dtype check skipped");
        } else {
            assert_eq!(out.trim(), rows.to_string(), "{by}");
        }
    }
}
