//! `referat persons` and the resolved person behind `search --person` and
//! `export --person`, through the real binary on the bundled corpus.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{referat, run, stderr, stdout};
use serde_json::Value;

fn shared_index() -> &'static Path {
    common::corpus_index()
}

/// A copy of the shared index, for tests that put an aliases file beside it.
fn index_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(shared_index())
        .expect("index dir")
        .flatten()
    {
        let path = entry.path();
        if path.is_file() && !path.to_string_lossy().contains("persons-cache") {
            std::fs::copy(&path, dir.path().join(entry.file_name())).expect("copy");
        }
    }
    dir
}

fn persons_json(index: &Path, extra: &[&str]) -> Vec<Value> {
    let o = run(referat(index).arg("persons").arg("--json").args(extra));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON array");
    v.as_array().expect("an array").clone()
}

/// The hits of `search --json` (one object: total, offset, returned, hits).
fn hits_of(o: &std::process::Output) -> Vec<Value> {
    let page: Value = serde_json::from_str(&stdout(o)).expect("a JSON object");
    serde_json::from_value(page["hits"].clone()).expect("JSON hits")
}

fn validator() -> jsonschema::Validator {
    let text = include_str!("../../people/persons.schema.json");
    let schema: Value = serde_json::from_str(text).expect("schema JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// The persons called `name` (any spelling) in the JSON output.
fn called<'a>(people: &'a [Value], name: &str) -> Vec<&'a Value> {
    people
        .iter()
        .filter(|p| {
            p["variants"]
                .as_array()
                .is_some_and(|vs| vs.iter().any(|v| v["name"] == name))
        })
        .collect()
}

#[test]
fn persons_json_is_valid_and_resolved() {
    let people = persons_json(shared_index(), &[]);
    let errors: Vec<String> = validator()
        .iter_errors(&Value::Array(people.clone()))
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "persons --json fails its schema: {errors:?}"
    );
    let rene = called(&people, "Rene");
    assert_eq!(rene.len(), 1);
    assert_eq!(rene[0]["name"], "René Meyrowitsch");
    assert_eq!(rene[0]["municipality"], "Albertslund");
    assert_eq!(rene[0]["attended"].as_array().map(Vec::len), Some(2));
    let ids: BTreeSet<&str> = people.iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids.len(), people.len(), "ids are unique");
    // Every person's id is stable from run to run.
    let again = persons_json(shared_index(), &[]);
    let ids_again: BTreeSet<&str> = again.iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, ids_again);
}

#[test]
fn persons_filters_and_exit_codes() {
    let gladsaxe = persons_json(shared_index(), &["--municipality", "gladsaxe"]);
    assert!(!gladsaxe.is_empty());
    assert!(gladsaxe.iter().all(|p| p["municipality"] == "Gladsaxe"));
    assert_eq!(called(&gladsaxe, "Mette Andersen").len(), 1);
    assert_eq!(called(&gladsaxe, "Mette Jensen").len(), 1);
    assert_ne!(
        called(&gladsaxe, "Mette Andersen")[0]["id"],
        called(&gladsaxe, "Mette Jensen")[0]["id"]
    );
    let o = run(referat(shared_index())
        .arg("persons")
        .args(["--body", "Ingen Sådan Komité"]));
    assert_eq!(o.status.code(), Some(1));
}

/// Read off the two Albertslund minutes (2019-04-01, 2021-10-14): Carina
/// Kofoed is "Referent" in both; Jette Nyboe is under "Deltagere" in both
/// and never under "Afbud"; Diana Vang is under "Afbud" (2019) and
/// "U/afbud" (2021), never under "Deltagere".
#[test]
fn persons_by_role() {
    let albertslund = ["--municipality", "Albertslund"];
    let takers = persons_json(shared_index(), &["--role", "minute-taker"]);
    assert_eq!(called(&takers, "Carina Kofoed").len(), 1);
    assert!(called(&takers, "Jette Nyboe").is_empty());
    assert!(takers
        .iter()
        .all(|p| p["minutes_taken"].as_array().is_some_and(|m| !m.is_empty())));

    let absent = persons_json(
        shared_index(),
        &[&albertslund[..], &["--role", "absent"]].concat(),
    );
    assert_eq!(called(&absent, "Diana Vang").len(), 1);
    assert!(called(&absent, "Jette Nyboe").is_empty());

    let attended = persons_json(
        shared_index(),
        &[&albertslund[..], &["--role", "attended"]].concat(),
    );
    assert_eq!(called(&attended, "Jette Nyboe").len(), 1);
    assert!(called(&attended, "Diana Vang").is_empty());

    // Repeated: any of the roles.
    let either = persons_json(
        shared_index(),
        &[
            &albertslund[..],
            &["--role", "attended", "--role", "absent"],
        ]
        .concat(),
    );
    assert_eq!(called(&either, "Jette Nyboe").len(), 1);
    assert_eq!(called(&either, "Diana Vang").len(), 1);

    let o = run(referat(shared_index())
        .arg("persons")
        .args(["--role", "boss"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("minute-taker"), "{}", stderr(&o));
}

#[test]
fn persons_table_says_where_merges_come_from() {
    let o = run(referat(shared_index())
        .arg("persons")
        .args(["--municipality", "Albertslund"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let line = text
        .lines()
        .find(|l| l.starts_with("Nina Gustavsen"))
        .expect("a line for Nina Gustavsen");
    assert!(line.contains("Nina Gustavussen"), "{line}");
    assert!(text.contains("← Nina Gustavussen  [rule: "), "{text}");
}

#[test]
fn search_for_the_full_name_finds_the_minutes_that_say_rene() {
    let o = run(referat(shared_index()).arg("search").args([
        "--person",
        "René Meyrowitsch",
        "--json",
        "--limit",
        "100",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: Vec<Value> = hits_of(&o);
    let dates: BTreeSet<&str> = hits.iter().filter_map(|h| h["date"].as_str()).collect();
    assert!(dates.contains("2021-10-14"), "{dates:?}");
    assert!(dates.contains("2019-04-01"), "{dates:?}");
    assert!(hits.iter().all(|h| h["municipality"] == "Albertslund"));
    // Paging works on the merged hits.
    let o = run(referat(shared_index()).arg("search").args([
        "--person",
        "René Meyrowitsch",
        "--json",
        "--limit",
        "2",
    ]));
    let page: Vec<Value> = hits_of(&o);
    assert_eq!(page.len(), 2.min(hits.len()));
}

#[test]
fn export_uses_the_resolved_person() {
    let o = run(referat(shared_index())
        .arg("export")
        .args(["--person", "Nina Gustavsen"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dates: BTreeSet<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a record per line"))
        .filter_map(|r| r["date"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        dates,
        BTreeSet::from(["2019-04-01".to_string(), "2021-10-14".to_string()])
    );
}

#[test]
fn an_aliases_file_pins_and_splits() {
    let index = index_copy();
    std::fs::write(
        index.path().join("aliases.toml"),
        r#"
[[different]]
names = ["Nina Gustavsen", "Nina Gustavussen"]

[[same]]
names = ["Kirsten", "Kristina Koch Sloth"]
municipality = "Albertslund"
"#,
    )
    .expect("write aliases");
    let people = persons_json(index.path(), &["--municipality", "Albertslund"]);
    assert_eq!(called(&people, "Nina Gustavsen").len(), 1);
    assert_eq!(called(&people, "Nina Gustavussen").len(), 1);
    assert_ne!(
        called(&people, "Nina Gustavsen")[0]["id"],
        called(&people, "Nina Gustavussen")[0]["id"]
    );
    let kirsten = called(&people, "Kirsten");
    assert_eq!(kirsten.len(), 1);
    assert_eq!(kirsten[0]["name"], "Kristina Koch Sloth");
    let sources: Vec<&str> = kirsten[0]["merges"]
        .as_array()
        .expect("merges")
        .iter()
        .filter_map(|m| m["source"].as_str())
        .collect();
    assert_eq!(sources, ["aliases.toml"]);
    let table = stdout(&run(referat(index.path()).arg("persons")));
    assert!(table.contains("Kirsten  [aliases.toml"), "{table}");

    // A broken file is an error that names it.
    std::fs::write(index.path().join("aliases.toml"), "[[same]]\nnames = 3\n").expect("write");
    let o = run(referat(index.path()).arg("persons"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("aliases.toml"), "{}", stderr(&o));
}

#[test]
fn person_search_pages_and_totals_agree_and_survive_the_cache() {
    let index = index_copy();
    let search = |extra: &[&str]| {
        run(referat(index.path())
            .arg("search")
            .args(["--person", "René Meyrowitsch"])
            .args(extra))
    };
    let o = search(&["--json", "--limit", "100"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let all: Vec<Value> = hits_of(&o);
    assert!(all.len() >= 2, "{all:?}");
    assert!(
        index.path().join("persons-cache-names.jsonl").is_file(),
        "the names cache is written"
    );
    // The table's total is the number of hits in all pages.
    let o = search(&["--limit", "1"]);
    let table = stdout(&o);
    assert!(
        table.contains(&format!("(1 of {} hits", all.len())),
        "{table}"
    );
    // Page two starts where page one ended; the cached run agrees.
    let o = search(&["--json", "--limit", "1", "--offset", "1"]);
    let page: Vec<Value> = hits_of(&o);
    assert_eq!(page.first(), all.get(1));
    let o = search(&["--json", "--limit", "100"]);
    let again: Vec<Value> = hits_of(&o);
    assert_eq!(again, all);
}
