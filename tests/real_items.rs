//! Agenda items and decisions of the real documents in `../shared/real`,
//! against `tests/real_expected/items.json`, written by reading each
//! document (see its `how_read`). Prints a table per file, then asserts.

use std::path::Path;

use referat_schema::{Record, SectionKind};
use serde_json::Value;

/// Titles compare without case, whitespace or the kind of apostrophe: a
/// PDF's line break inside "2030-fremskrivning" is not a different title.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '’' | '‘' | '´' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

fn decision(r: &Record, number: u32) -> String {
    r.items
        .iter()
        .filter(|i| i.number == number)
        .flat_map(|i| &i.sections)
        .filter(|s| s.kind == SectionKind::Beslutning)
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn decisions(r: &Record) -> usize {
    r.items
        .iter()
        .filter(|i| {
            i.sections
                .iter()
                .any(|s| s.kind == SectionKind::Beslutning && !s.text.trim().is_empty())
        })
        .count()
}

/// What is wrong with one file's record, in words.
fn check(want: &Value, r: &Record) -> Vec<String> {
    let mut wrong = Vec::new();
    let want_items: Vec<(u64, String)> = want["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| {
                    (
                        i[0].as_u64().unwrap_or(0),
                        i[1].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let got_items: Vec<(u64, String)> = r
        .items
        .iter()
        .map(|i| (u64::from(i.number), i.title.clone().unwrap_or_default()))
        .collect();
    if want_items.len() != got_items.len() {
        wrong.push(format!(
            "{} items, want {}: {:?}",
            got_items.len(),
            want_items.len(),
            got_items
                .iter()
                .map(|(n, t)| format!("{n} {t}"))
                .collect::<Vec<_>>()
        ));
    }
    for ((wn, wt), (gn, gt)) in want_items.iter().zip(&got_items) {
        if wn != gn || norm(wt) != norm(gt) {
            wrong.push(format!("item {gn} {gt:?}, want {wn} {wt:?}"));
        }
    }
    let want_decisions = want["decisions"].as_u64().unwrap_or(0) as usize;
    if decisions(r) != want_decisions {
        wrong.push(format!("{} decisions, want {want_decisions}", decisions(r)));
    }
    if let Some(texts) = want["decision_texts"].as_object() {
        for (n, t) in texts {
            let got = decision(r, n.parse().unwrap_or(0));
            let (starts, ends) = (
                t["starts"].as_str().unwrap_or(""),
                t["ends"].as_str().unwrap_or(""),
            );
            let flat = got.split_whitespace().collect::<Vec<_>>().join(" ");
            if !flat.starts_with(starts) || !flat.ends_with(ends) {
                wrong.push(format!("decision {n} {flat:?}, want {starts:?} … {ends:?}"));
            }
        }
    }
    if let Some(single) = want["single_item"].as_object() {
        if let Some(item) = r.items.first() {
            let case = single["case_number"].as_str();
            if item.case_number.as_deref() != case {
                wrong.push(format!("case number {:?}, want {case:?}", item.case_number));
            }
            let headings: Vec<String> = item
                .sections
                .iter()
                .filter_map(|s| s.heading.as_deref())
                .map(|h| h.trim_end_matches(':').to_string())
                .collect();
            let want_headings: Vec<String> = single["sections"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if headings != want_headings {
                wrong.push(format!("sections {headings:?}, want {want_headings:?}"));
            }
        }
    }
    if let Some(meeting) = want["meeting"].as_object() {
        let got = [
            ("body", r.body.clone()),
            ("date", r.date.clone()),
            ("doc_type", Some(r.doc_type.as_str().to_string())),
        ];
        for (field, value) in got {
            let w = meeting[field].as_str().map(str::to_string);
            if value != w {
                wrong.push(format!("{field} {value:?}, want {w:?}"));
            }
        }
        if r.title.is_some() {
            wrong.push(format!(
                "title {:?}: an exported item is not a meeting with a title",
                r.title
            ));
        }
    }
    wrong
}

#[test]
fn items_and_decisions_of_real_documents() {
    let dir = referat_suite::real();
    if !dir.is_dir() {
        eprintln!(
            "skipped: {} is absent (the real documents are not in the repository)",
            dir.display()
        );
        return;
    }
    let path = referat_suite::root().join("tests/real_expected/items.json");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("items.json"))
            .expect("items.json is JSON");
    let files = expected["files"].as_array().expect("files");
    let mut failures = Vec::new();
    let mut right = 0usize;
    println!("{:<66} {:>9} {:>9}  result", "file", "items", "decisions");
    for want in files {
        let name = want["file"].as_str().expect("file name");
        let file = dir.join(name);
        if !file.exists() {
            failures.push(format!("{name}: missing from {}", dir.display()));
            continue;
        }
        // A file the parser rejects (legacy .doc) has no items: that is what
        // is expected of every file that is not minutes.
        let record = referat_parser::parse_file(Path::new(&file));
        let wrong = match &record {
            Ok(r) => check(want, r),
            Err(e) if want["items"].as_array().is_some_and(Vec::is_empty) => {
                println!("{name:<66} (not parsed: {e})");
                Vec::new()
            }
            Err(e) => vec![format!("not parsed: {e}")],
        };
        if let Ok(r) = &record {
            println!(
                "{:<66} {:>4}/{:<4} {:>4}/{:<4}  {}",
                name,
                r.items.len(),
                want["items"].as_array().map_or(0, Vec::len),
                decisions(r),
                want["decisions"],
                if wrong.is_empty() {
                    "ok".to_string()
                } else {
                    format!("{} wrong", wrong.len())
                }
            );
        }
        if wrong.is_empty() {
            right += 1;
        }
        failures.extend(wrong.into_iter().map(|w| format!("{name}: {w}")));
    }
    println!("{right} of {} files right", files.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
