//! The command line by meeting (issue 17): search gives one hit per meeting
//! unless `--per-document`, `show` takes a meeting id, `stats` counts
//! meetings, documents, renditions and files, ingest explains its grouping.

mod common;

use std::collections::HashSet;

use common::{corpus, referat, run, stderr, stdout};
use serde_json::Value;

#[test]
fn corpus_by_meeting_on_the_command_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let index = tmp.path();
    let o = run(referat(index)
        .args(["ingest", "--explain-grouping"])
        .arg(corpus()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("5 meetings"), "{err}");
    assert!(err.contains("rendition"), "{err}");
    // One decision line per file.
    assert_eq!(
        err.lines().filter(|l| l.contains("  meeting ")).count(),
        15,
        "{err}"
    );

    let o = run(referat(index).args(["stats", "--json"]));
    let stats: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let total = &stats["meetings"]["total"];
    assert_eq!(
        (
            &total["meetings"],
            &total["documents"],
            &total["renditions"],
            &total["files"]
        ),
        (
            &Value::from(5),
            &Value::from(5),
            &Value::from(15),
            &Value::from(15)
        )
    );
    // The record counts stay as they were.
    assert_eq!(stats["documents"], 15);

    for topic in ["boliger", "møde", "Udsatterådet"] {
        let o = run(referat(index).args(["search", topic, "--jsonl", "--limit", "100"]));
        let hits: Vec<Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
            // The last line is the summary with the total, not a hit.
            .filter(|v| v.get("summary").is_none())
            .collect();
        let meetings: HashSet<String> = hits
            .iter()
            .map(|h| h["meeting_id"].as_str().expect("meeting_id").to_string())
            .collect();
        assert_eq!(meetings.len(), hits.len(), "{topic}: a meeting twice");
        assert!(!hits.is_empty() && hits.len() <= 5, "{topic}");
        let o = run(referat(index).args([
            "search",
            topic,
            "--jsonl",
            "--per-document",
            "--limit",
            "100",
        ]));
        assert!(
            stdout(&o).lines().count() > hits.len(),
            "{topic}: --per-document"
        );
    }

    let o = run(referat(index).args(["search", "boliger", "--jsonl", "--limit", "1"]));
    let hit: Value = serde_json::from_str(stdout(&o).lines().next().expect("a hit")).expect("JSON");
    let id = hit["meeting_id"].as_str().expect("meeting id").to_string();
    let o = run(referat(index).args(["show", &id]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains(&format!("meeting:       {id}")), "{text}");
    assert_eq!(text.matches("    pdf ").count(), 1, "{text}");
    assert_eq!(text.matches("    html ").count(), 1, "{text}");
    let o = run(referat(index).args(["show", &id, "--json"]));
    let shown: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(
        shown["meeting"]["documents"][0]["renditions"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    assert_eq!(shown["record"]["meeting_id"].as_str(), Some(id.as_str()));

    // Every export row and record names its meeting.
    let o = run(referat(index).args(["export", "--by", "file", "--format", "csv"]));
    let csv = stdout(&o);
    let mut lines = csv.lines();
    assert!(lines.next().is_some_and(|h| h.ends_with(",meeting_id")));
    let o = run(referat(index).args(["export", "--by", "file", "--format", "jsonl"]));
    let ids: HashSet<String> = stdout(&o)
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).expect("JSON line");
            r["meeting_id"].as_str().expect("meeting_id").to_string()
        })
        .collect();
    assert_eq!(ids.len(), 5);
}
