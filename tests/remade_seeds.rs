//! The five seeds re-made by other producers (`tests/fixtures/remade/<town>/`,
//! see its README: pandoc DOCX with Word heading styles, reportlab PDF with
//! standard-14 fonts, windows-1252 HTML in another CMS's chrome, each in two
//! variants), scored field by field against the same
//! hand-checked expectations as the corpus (`corpus/expected/*.json`): the
//! content is the same minutes. Issue 14 asks that every such file gets at
//! least 0.90 of its ten fields right (see `referat_suite::fields` for when a
//! field is right).
//!
//! `cargo test --test remade_seeds -- --nocapture` prints the table: per
//! file the share of right fields, a +/- mark per field, and what was wrong.

use std::path::PathBuf;

use referat_suite::fields::{score, Score, FIELDS};
use serde_json::Value;

/// Issue 14's bar for every re-made file.
const BAR: f64 = 0.90;

/// Where the re-made files are: `tests/fixtures/remade`, or the folder in
/// `$REFERAT_REMADE` (laid out the same way: `<municipality>/NNN.<anything>`
/// with NNN a seed number), to score another set of re-made seeds.
fn remade() -> (PathBuf, bool) {
    match std::env::var_os("REFERAT_REMADE") {
        Some(dir) => (PathBuf::from(dir), true),
        None => (
            referat_suite::root()
                .join("tests")
                .join("fixtures")
                .join("remade"),
            false,
        ),
    }
}

/// The documents under `dir`, sorted: `<folder>/NNN.*.{docx,pdf,html}`.
fn documents(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in std::fs::read_dir(dir)
        .expect("the re-made folder")
        .flatten()
    {
        let Ok(files) = std::fs::read_dir(folder.path()) else {
            continue;
        };
        out.extend(files.flatten().map(|f| f.path()).filter(|p| {
            p.extension()
                .is_some_and(|e| ["docx", "pdf", "html"].iter().any(|x| e == *x))
        }));
    }
    out.sort();
    out
}

/// The expectation of each seed, by its number ("000" … "004").
fn expectations() -> Vec<(String, Value)> {
    let dir = referat_suite::corpus().join("expected");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("corpus/expected exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let json: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let seed = json["seed"].as_str().expect("seed")[..3].to_string();
            (seed, json)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(out.len(), 5, "one expectation per seed");
    out
}

/// Every re-made file with its score, in seed and variant order. The folder
/// is the municipality, as in `corpus/` (the parser falls back to it when
/// the document does not say); the last column reports what the parser
/// finds without that help, from the bare file name.
fn scores(dir: &std::path::Path) -> Vec<(String, Score, Option<String>)> {
    let expected = expectations();
    let mut out = Vec::new();
    for path in documents(dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let folder = path
            .parent()
            .and_then(|p| p.file_name())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let want = &expected
            .iter()
            .find(|(seed, _)| name.starts_with(&format!("{seed}.")))
            .unwrap_or_else(|| panic!("{folder}/{name}: no seed number NNN. at its start"))
            .1;
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let record = referat_parser::parse_bytes(&path, &bytes)
            .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        let bare = referat_parser::parse_bytes(std::path::Path::new(&name), &bytes)
            .unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
        out.push((
            format!("{folder}/{name}"),
            score(&record, want),
            bare.municipality,
        ));
    }
    // seed order first, then the name
    out.sort_by(|a, b| {
        let key = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
        key(&a.0).cmp(&key(&b.0))
    });
    out
}

fn table(scores: &[(String, Score, Option<String>)]) -> String {
    let mut s = format!(
        "{:<38} {:>5}  {:<10}  {:<13} wrong fields\n",
        "file", "share", "fields", "muni w/o dir"
    );
    s += &format!(
        "{:<38} {:>5}  {:<10}  (municipality body doc_type date start_time location attendees absent items decisions)\n",
        "", "", "mbdtslaAid"
    );
    for (name, sc, bare) in scores {
        let wrong: Vec<String> = sc
            .wrong()
            .map(|f| format!("{}: got {} want {}", f.name, f.got, f.want))
            .collect();
        s += &format!(
            "{name:<38} {:>5.2}  {}  {:<13} {}\n",
            sc.share(),
            sc.marks(),
            bare.as_deref().unwrap_or("-"),
            wrong.join("; ")
        );
    }
    let n = scores.len() as f64;
    let mean = scores.iter().map(|(_, s, _)| s.share()).sum::<f64>() / n;
    let at_bar = scores.iter().filter(|(_, s, _)| s.share() >= BAR).count();
    s += &format!(
        "{:<38} {mean:>5.2}  mean; {at_bar}/{} files at {BAR} or more\nright per field: ",
        "all",
        scores.len()
    );
    for (k, field) in FIELDS.iter().enumerate() {
        let right = scores.iter().filter(|(_, s, _)| s.fields[k].right).count();
        s += &format!("{field} {right}/{}, ", scores.len());
    }
    s
}

/// Issue 14's bar: every re-made file at least 0.90 of its fields right.
#[test]
fn every_remade_file_reaches_the_bar() {
    let (dir, other) = remade();
    let scores = scores(&dir);
    if !other {
        assert_eq!(scores.len(), 30, "five seeds by six variants");
    }
    assert_bar(&scores);
}

/// The same bar on harder layouts (`tests/fixtures/remade-stress/`, see the
/// README in `tests/fixtures/remade/`): agenda items as bold paragraphs,
/// section labels as headings, HTML without a charset declaration.
#[test]
fn harder_layouts_reach_the_bar() {
    let dir = referat_suite::root()
        .join("tests")
        .join("fixtures")
        .join("remade-stress");
    assert_bar(&scores(&dir));
}

fn assert_bar(scores: &[(String, Score, Option<String>)]) {
    println!("{}", table(scores));
    let below: Vec<String> = scores
        .iter()
        .filter(|(_, s, _)| s.share() < BAR)
        .map(|(name, s, _)| format!("{name}: {:.2} < {BAR}", s.share()))
        .collect();
    assert!(below.is_empty(), "\n{}", below.join("\n"));
}

/// The score itself: a right record scores 1.0, and each kind of mistake
/// (a wrong scalar, a person list losing names, an item renumbered, a
/// decision lost) turns exactly its field wrong.
#[test]
fn the_score_sees_each_kind_of_mistake() {
    let want = &expectations()[4].1;
    let path = remade().0.join("albertslund").join("004.pandoc.docx");
    let mut r = referat_parser::parse_file(&path).expect("004 parses");
    assert_eq!(score(&r, want).share(), 1.0, "{}", score(&r, want).marks());
    r.date = Some("2021-10-15".into());
    r.location = Some("Mødelokale 2 i forhallen.".into()); // punctuation does not count
    r.attendees.truncate(4); // F1 8/9 < 0.9
    r.items[0].number = 10;
    let sc = score(&r, want);
    assert_eq!(sc.marks(), "+++-++-+-+", "{sc:?}");
    r.items[0]
        .sections
        .retain(|s| s.kind != referat_schema::SectionKind::Beslutning);
    assert_eq!(score(&r, want).marks(), "+++-++-+--");
}
