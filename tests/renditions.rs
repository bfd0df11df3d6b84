//! The three renditions (PDF, DOCX, HTML) of every corpus meeting must
//! agree field by field, item by item and section by section, decision
//! text included. Texts are compared by token similarity, not bytes: the
//! formats legitimately differ in whitespace and line breaks.

use std::path::Path;

use referat_parser::quality::token_similarity;
use referat_schema::{Person, Record};
use serde_json::Value;

/// Below this, two renditions of one section's text disagree.
const SECTION_BAR: f64 = 0.95;

fn parse(rel: &str) -> Record {
    let path = Path::new("corpus").join(rel);
    let bytes = std::fs::read(referat_suite::root().join(&path)).expect("corpus file");
    referat_parser::parse_bytes(&path, &bytes).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn names(people: &[Person]) -> Vec<&str> {
    people.iter().map(|p| p.name.as_str()).collect()
}

fn meetings() -> Vec<Vec<String>> {
    let dir = referat_suite::corpus().join("expected");
    let mut out: Vec<Vec<String>> = std::fs::read_dir(&dir)
        .expect("corpus/expected exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let json: Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("read")).expect("json");
            json["files"]
                .as_array()
                .expect("files")
                .iter()
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect()
        })
        .collect();
    out.sort();
    out
}

/// Every difference between two renditions, in words.
fn differences(a: &Record, b: &Record) -> Vec<String> {
    let mut out = Vec::new();
    let fields = [
        (
            "municipality",
            a.municipality.clone(),
            b.municipality.clone(),
        ),
        ("body", a.body.clone(), b.body.clone()),
        (
            "doc_type",
            Some(a.doc_type.as_str().into()),
            Some(b.doc_type.as_str().into()),
        ),
        ("title", a.title.clone(), b.title.clone()),
        ("date", a.date.clone(), b.date.clone()),
        ("start_time", a.start_time.clone(), b.start_time.clone()),
        ("end_time", a.end_time.clone(), b.end_time.clone()),
        ("location", a.location.clone(), b.location.clone()),
        ("case_number", a.case_number.clone(), b.case_number.clone()),
        (
            "minute_taker",
            a.minute_taker.as_ref().map(|p| p.name.clone()),
            b.minute_taker.as_ref().map(|p| p.name.clone()),
        ),
        (
            "author",
            a.author.as_ref().map(|p| p.name.clone()),
            b.author.as_ref().map(|p| p.name.clone()),
        ),
    ];
    for (field, x, y) in fields {
        if x != y {
            out.push(format!("{field}: {x:?} vs {y:?}"));
        }
    }
    let lists = [
        ("attendees", names(&a.attendees), names(&b.attendees)),
        ("absent", names(&a.absent), names(&b.absent)),
        (
            "absent_without_notice",
            names(&a.absent_without_notice),
            names(&b.absent_without_notice),
        ),
        ("guests", names(&a.guests), names(&b.guests)),
    ];
    for (field, x, y) in lists {
        if x != y {
            out.push(format!("{field}: {x:?} vs {y:?}"));
        }
    }
    if a.items.len() != b.items.len() {
        out.push(format!("{} items vs {}", a.items.len(), b.items.len()));
    }
    for (x, y) in a.items.iter().zip(&b.items) {
        let n = x.number;
        if (x.number, &x.title, x.status, &x.case_number)
            != (y.number, &y.title, y.status, &y.case_number)
        {
            out.push(format!(
                "item {n}: {:?} {:?} {:?} vs {:?} {:?} {:?}",
                x.number, x.title, x.status, y.number, y.title, y.status
            ));
        }
        let kinds = |i: &referat_schema::Item| -> Vec<String> {
            i.sections
                .iter()
                .map(|s| format!("{:?} {:?}", s.kind, s.heading))
                .collect()
        };
        if kinds(x) != kinds(y) {
            out.push(format!(
                "item {n} sections: {:?} vs {:?}",
                kinds(x),
                kinds(y)
            ));
            continue;
        }
        for (s, t) in x.sections.iter().zip(&y.sections) {
            let sim = if s.text.trim().is_empty() && t.text.trim().is_empty() {
                1.0
            } else {
                token_similarity(&s.text, &t.text)
            };
            if sim < SECTION_BAR {
                out.push(format!(
                    "item {n} {:?} text similarity {sim:.3} ({} vs {} chars)",
                    s.kind,
                    s.text.chars().count(),
                    t.text.chars().count()
                ));
            }
        }
    }
    out
}

#[test]
fn every_corpus_meeting_agrees_across_its_renditions() {
    let mut failures = Vec::new();
    for files in meetings() {
        let records: Vec<(String, Record)> = files.iter().map(|f| (f.clone(), parse(f))).collect();
        let (first_name, first) = &records[0];
        for (name, r) in &records[1..] {
            let diff = differences(first, r);
            println!(
                "{name:<48} vs {first_name:<48} {}",
                if diff.is_empty() {
                    "agree".to_string()
                } else {
                    format!("{} differences", diff.len())
                }
            );
            failures.extend(
                diff.into_iter()
                    .map(|d| format!("{name} vs {first_name}: {d}")),
            );
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The case issue 14 found: the PDF of the 2024 Aalborg minutes lost the
/// text of decisions after bold run-in lines ("Brug af fotos:").
#[test]
fn aalborg_2024_decisions_are_whole_in_every_rendition() {
    for ext in ["pdf", "docx", "html"] {
        let r = parse(&format!("aalborg/udsatteraadet-2024-05-27.{ext}"));
        let decision = |i: usize| -> String {
            r.items
                .get(i)
                .map(|it| {
                    it.sections
                        .iter()
                        .filter(|s| s.kind == referat_schema::SectionKind::Beslutning)
                        .map(|s| s.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default()
        };
        // Read in the document: item 2's decision runs from "TinaMaria er
        // forhindret" to Jimmi's answer about photos; item 6's from
        // "Mails og dagsordener" to the point on conflict management.
        let two = decision(1);
        assert!(two.starts_with("TinaMaria er forhindret"), "{ext}: {two:?}");
        assert!(two.contains("Brug af fotos:"), "{ext}: {two:?}");
        assert!(two.contains("lige adviseres inden"), "{ext}: {two:?}");
        let six = decision(5);
        assert!(six.starts_with("Mails og dagsordener"), "{ext}: {six:?}");
        assert!(six.contains("Konflikthåndtering"), "{ext}: {six:?}");
    }
}
