//! `referat parse --explain`: every meeting field with its value, the rule
//! that chose it and the block it was read from, for PDF, DOCX and HTML.

mod common;

use std::path::Path;

use common::{corpus, referat, run, stderr, stdout};
use serde_json::Value;

fn explained(file: &Path) -> Value {
    let o = run(referat(Path::new("/nonexistent"))
        .arg("parse")
        .arg("--explain")
        .arg(file));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(stdout(&o).trim()).expect("one JSON object")
}

#[test]
fn each_format_names_the_block_of_each_field() {
    for ext in ["pdf", "docx", "html"] {
        let file = corpus().join(format!("albertslund/udsatteraadet-2021-10-14.{ext}"));
        let r = explained(&file);
        let explain = &r["explain"];
        for field in ["date", "body", "municipality", "doc_type"] {
            let e = &explain[field];
            assert!(e.is_object(), "{ext}: no evidence for {field}: {explain:#}");
            assert!(
                e["rule"].as_str().is_some_and(|s| !s.is_empty()),
                "{ext} {field}"
            );
        }
        // The value explained is the record's value.
        assert_eq!(explain["date"]["value"], r["date"], "{ext}");
        assert_eq!(explain["body"]["value"], r["body"], "{ext}");
        assert_eq!(r["date"], "2021-10-14", "{ext}");
        // The date was read from a block that holds it.
        let from = &explain["date"]["from"];
        let text = from["text"].as_str().unwrap_or_default();
        assert!(text.contains("2021"), "{ext}: date read from {from:#}");
        assert!(from["kind"].as_str().is_some(), "{ext}: {from:#}");
        assert!(from["block"].as_u64().is_some(), "{ext}: {from:#}");
        if ext == "pdf" {
            assert!(from["page"].as_u64().is_some_and(|p| p >= 1), "{from:#}");
            assert!(from["line"].as_u64().is_some_and(|l| l >= 1), "{from:#}");
        }
    }
}

#[test]
fn evidence_only_under_explain() {
    let o = run(referat(Path::new("/nonexistent"))
        .arg("parse")
        .arg(corpus().join("aalborg/notat-2021-02-26.docx")));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: Value = serde_json::from_str(stdout(&o).trim()).expect("JSON");
    assert!(r.get("explain").is_none());
}

#[test]
fn a_field_from_the_path_says_so() {
    let r = explained(&corpus().join("aalborg/udsatteraadet-2024-05-27.html"));
    let m = &r["explain"]["municipality"];
    assert_eq!(m["value"], r["municipality"]);
    assert!(m["rule"].is_string(), "{m:#}");
}
