//! The parser against the hand-checked expectations in `corpus/expected/`:
//! every corpus file, in each of its three formats, must agree on the exact
//! fields and reach F1 ≥ 0.95 on its person lists and item titles.

use std::path::Path;

use referat_parser::quality::{f1, token_similarity};
use referat_schema::{Person, Record};
use serde_json::Value;

const BAR: f64 = 0.95;

struct Expected {
    stem: String,
    json: Value,
}

fn expectations() -> Vec<Expected> {
    let dir = referat_suite::corpus().join("expected");
    let mut out: Vec<Expected> = std::fs::read_dir(&dir)
        .expect("corpus/expected exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| Expected {
            stem: p.file_stem().unwrap().to_string_lossy().into_owned(),
            json: serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
        })
        .collect();
    out.sort_by(|a, b| a.stem.cmp(&b.stem));
    assert_eq!(out.len(), 5, "one expectation per seed");
    out
}

fn files(e: &Expected) -> Vec<String> {
    e.json["files"]
        .as_array()
        .expect("files list")
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect()
}

fn parse(rel: &str) -> Record {
    let path = Path::new("corpus").join(rel);
    let bytes = std::fs::read(referat_suite::root().join(&path)).expect("corpus file");
    referat_parser::parse_bytes(&path, &bytes).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn names(people: &[Person]) -> Vec<String> {
    people.iter().map(|p| p.name.clone()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Item titles with their numbers, so that a title in the wrong place counts.
fn expected_titles(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i["number"],
                i["title"].as_str().unwrap_or("<untitled>")
            )
        })
        .collect()
}

fn titles(r: &Record) -> Vec<String> {
    r.items
        .iter()
        .map(|i| {
            format!(
                "{} {}",
                i.number,
                i.title.as_deref().unwrap_or("<untitled>")
            )
        })
        .collect()
}

#[test]
fn every_corpus_file_matches_its_expectations() {
    let mut failures = Vec::new();
    println!(
        "{:<48} {:>5} {:>5} {:>5} {:>5} {:>5}  exact fields",
        "file", "att", "abs", "u/a", "items", "dec"
    );
    for e in expectations() {
        for rel in files(&e) {
            let r = parse(&rel);
            let j = &e.json;
            let mut wrong = Vec::new();
            let exact: [(&str, Option<String>, Option<String>); 11] = [
                ("title", r.title.clone(), opt(&j["title"])),
                ("case_number", r.case_number.clone(), opt(&j["case_number"])),
                (
                    "municipality",
                    r.municipality.clone(),
                    opt(&j["municipality"]),
                ),
                ("body", r.body.clone(), opt(&j["body"])),
                (
                    "doc_type",
                    Some(r.doc_type.as_str().into()),
                    opt(&j["doc_type"]),
                ),
                ("date", r.date.clone(), opt(&j["date"])),
                ("start_time", r.start_time.clone(), opt(&j["start_time"])),
                ("end_time", r.end_time.clone(), opt(&j["end_time"])),
                ("location", r.location.clone(), opt(&j["location"])),
                (
                    "minute_taker",
                    r.minute_taker.as_ref().map(|p| p.name.clone()),
                    opt(&j["minute_taker"]),
                ),
                (
                    "author",
                    r.author.as_ref().map(|p| p.name.clone()),
                    opt(&j["author"]),
                ),
            ];
            for (field, got, want) in exact {
                if got != want {
                    wrong.push(format!("{field}: got {got:?}, want {want:?}"));
                }
            }
            let scores = [
                (
                    "attendees",
                    f1(&names(&r.attendees), &strings(&j["attendees"])),
                ),
                ("absent", f1(&names(&r.absent), &strings(&j["absent"]))),
                (
                    "absent_without_notice",
                    f1(
                        &names(&r.absent_without_notice),
                        &strings(&j["absent_without_notice"]),
                    ),
                ),
                ("items", f1(&titles(&r), &expected_titles(&j["items"]))),
            ];
            for (what, score) in scores {
                if score < BAR {
                    wrong.push(format!("{what}: F1 {score:.2} < {BAR}"));
                }
            }
            let decisions = r
                .items
                .iter()
                .filter(|i| {
                    i.sections
                        .iter()
                        .any(|s| s.kind == referat_schema::SectionKind::Beslutning)
                })
                .count();
            if Some(decisions as u64) != j["decisions"].as_u64() {
                wrong.push(format!(
                    "decisions: got {decisions}, want {}",
                    j["decisions"]
                ));
            }
            println!(
                "{:<48} {:>5.2} {:>5.2} {:>5.2} {:>5.2} {:>5}  {}",
                rel,
                scores[0].1,
                scores[1].1,
                scores[2].1,
                scores[3].1,
                decisions,
                if wrong.is_empty() {
                    "ok".to_string()
                } else {
                    format!("{} wrong", wrong.len())
                }
            );
            failures.extend(wrong.into_iter().map(|w| format!("{rel}: {w}")));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_three_renditions_of_a_seed_agree() {
    let mut failures = Vec::new();
    for e in expectations() {
        let records: Vec<(String, Record)> = files(&e)
            .into_iter()
            .map(|f| (f.clone(), parse(&f)))
            .collect();
        let (first_name, first) = &records[0];
        for (name, r) in &records[1..] {
            let pairs = [
                ("date", format!("{:?}", first.date), format!("{:?}", r.date)),
                (
                    "attendees",
                    format!("{:?}", names(&first.attendees)),
                    format!("{:?}", names(&r.attendees)),
                ),
                (
                    "absent",
                    format!("{:?}", names(&first.absent)),
                    format!("{:?}", names(&r.absent)),
                ),
                (
                    "titles",
                    format!("{:?}", titles(first)),
                    format!("{:?}", titles(r)),
                ),
            ];
            for (what, a, b) in pairs {
                if a != b {
                    failures.push(format!(
                        "{name} vs {first_name}: {what} differ:\n  {b}\n  {a}"
                    ));
                }
            }
            let sim = token_similarity(&first.text, &r.text);
            println!("{name:<48} vs {first_name:<48} text similarity {sim:.3}");
            if sim < 0.97 {
                failures.push(format!(
                    "{name} vs {first_name}: text similarity {sim:.3} < 0.97"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
