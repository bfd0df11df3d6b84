//! Issue 15, "no silent zeros, no silent losses": one test per point, each
//! through the real binary on the bundled corpus.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use common::{corpus, referat, repo, run, stderr, stdout};
use serde_json::Value;

fn shared_index() -> &'static Path {
    common::corpus_index()
}

fn search(args: &[&str]) -> Output {
    run(referat(shared_index()).arg("search").args(args))
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn export(args: &[&str]) -> Vec<Value> {
    let o = run(referat(shared_index())
        .args(["export", "--by", "file"])
        .args(args));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    jsonl(&o)
}

/// Point 1: a missing index is an error, never created; filters match
/// names as people write them, or say what exists; --from after --to is
/// an error.
#[test]
fn mistakes_are_errors_not_silent_zeros() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("indx");
    for cmd in [
        &["search", "bolig"][..],
        &["export"],
        &["stats"],
        &["show", "ab"],
    ] {
        let o = run(referat(&typo).args(cmd));
        assert_eq!(o.status.code(), Some(2), "{cmd:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("no index at {}", typo.display()))
                && stderr(&o).contains("referat ingest"),
            "{}",
            stderr(&o)
        );
        assert!(!typo.exists(), "{cmd:?} created an index");
    }
    let count = |filters: &[&str]| {
        let o = run(referat(shared_index())
            .args(["stats", "--json"])
            .args(filters));
        assert_eq!(o.status.code(), Some(0), "{filters:?}: {}", stderr(&o));
        let stats: Value = serde_json::from_str(&stdout(&o)).unwrap();
        stats["documents"].as_u64().unwrap()
    };
    for written in [
        "Gladsaxe",
        "gladsaxe",
        "Gladsaxe Kommune",
        "GLADSAXE KOMMUNE",
    ] {
        assert_eq!(count(&["--municipality", written]), 3, "{written}");
    }
    // "Ålborg" is how "Aalborg" is written with the letter å.
    assert_eq!(count(&["--municipality", "Ålborg"]), 6);
    let o = run(referat(shared_index()).args(["stats", "--json"]));
    let stats: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let udsatteraadet = stats["by_body"]["Udsatterådet"].as_u64().unwrap();
    assert!(udsatteraadet > 0);
    assert_eq!(count(&["--body", "udsatteråd"]), udsatteraadet);
    assert_eq!(count(&["--body", "UDSATTERAADET"]), udsatteraadet);
    let o = search(&["bolig", "--municipality", "Gladsax"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("matches no municipality") && stderr(&o).contains("nearest: Gladsaxe"),
        "{}",
        stderr(&o)
    );
    let o = search(&["bolig", "--from", "2024-01-01", "--to", "2019-01-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--from 2024-01-01 is after --to 2019-01-01"));
}

/// Point 2: machine output carries the total, stderr says when hits were
/// left out, --all and --limit 0 give every hit, export takes the query.
#[test]
fn output_is_never_cut_off_without_notice() {
    let o = search(&["bolig", "--json", "--limit", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let total = page["total"].as_u64().unwrap();
    assert!(total > 2, "{total}");
    assert_eq!(page["hits"].as_array().unwrap().len(), 2);
    assert!(
        stderr(&o).contains(&format!("2 of {total} hits shown")),
        "{}",
        stderr(&o)
    );
    let o = search(&["bolig", "--jsonl", "--limit", "2"]);
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["summary"]["total"].as_u64(), Some(total));
    assert!(stderr(&o).contains("--all"));
    for every in [&["--all"][..], &["--limit", "0"]] {
        let o = search(&[&["bolig", "--jsonl"][..], every].concat());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(jsonl(&o).len() as u64, total + 1, "{every:?}");
        assert!(!stderr(&o).contains("shown"), "{}", stderr(&o));
    }
    // export takes the same query: only the records a search finds.
    let records = export(&["hjemløsereform"]);
    assert!(
        !records.is_empty() && records.len() < 15,
        "{}",
        records.len()
    );
    assert!(records
        .iter()
        .all(|r| r["text"].as_str().unwrap().contains("hjemløsereform")));
}

/// The items of the exported records that have a decision section.
fn items_with_decisions(records: &[Value]) -> usize {
    records
        .iter()
        .flat_map(|r| r["items"].as_array().unwrap())
        .filter(|i| {
            i["sections"].as_array().unwrap().iter().any(|s| {
                s["kind"] == "beslutning" && !s["text"].as_str().unwrap().trim().is_empty()
            })
        })
        .count()
}

/// Point 3: a section filter applies alone and on export.
#[test]
fn a_section_filter_always_applies() {
    let all = export(&[]);
    let decided = items_with_decisions(&all);
    assert!(decided > 0);
    // One hit per item, not per meeting (the default since meetings group).
    let o = search(&[
        "--section",
        "beslutning",
        "--all",
        "--jsonl",
        "--per-document",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits = jsonl(&o);
    let items: Vec<&Value> = hits.iter().filter(|h| h.get("doc_id").is_some()).collect();
    assert_eq!(items.len(), decided, "every item with a decision, no other");
    assert!(items.iter().all(|h| h["item"].is_u64()));
    let with_decisions = export(&["--section", "beslutning"]);
    assert!(with_decisions.len() < all.len());
    assert_eq!(items_with_decisions(&with_decisions), decided);
    assert!(with_decisions
        .iter()
        .all(|r| items_with_decisions(std::slice::from_ref(r)) > 0));
}

/// Point 4: export gives the resolved person beside each name as written,
/// CSV the header columns, highlights in characters, no "(unknown)".
#[test]
fn export_is_ready_for_analysis() {
    let records = export(&["--municipality", "Albertslund"]);
    let rene: Vec<&Value> = records
        .iter()
        .flat_map(|r| r["resolved_persons"].as_array().unwrap())
        .filter(|p| p["name"] == "Rene")
        .collect();
    assert!(!rene.is_empty(), "the 2021 minutes write Rene");
    assert!(rene
        .iter()
        .all(|p| p["person"] == "René Meyrowitsch" && p["person_id"].is_string()));
    let o = run(referat(shared_index()).args(["export", "--by", "file", "--format", "csv"]));
    let text = stdout(&o);
    let header = text.lines().next().unwrap();
    for column in [
        "absent_without_notice",
        "guests",
        "minute_taker",
        "start_time",
        "end_time",
        "location",
        "format",
        "case_number",
        "attendee_ids",
    ] {
        assert!(header.split(',').any(|c| c == column), "{column}: {header}");
    }
    let o = search(&["skæve", "--jsonl", "--limit", "1"]);
    let hit = &jsonl(&o)[0];
    let snippet = hit["snippet"]["text"].as_str().unwrap();
    let range = &hit["snippet"]["highlights_chars"][0];
    let (start, end) = (
        range["start"].as_u64().unwrap(),
        range["end"].as_u64().unwrap(),
    );
    let word: String = snippet
        .chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect();
    assert_eq!(word.to_lowercase(), "skæve");
    let o = run(referat(shared_index()).args(["stats", "--json"]));
    assert!(!stdout(&o).contains("(unknown)"), "{}", stdout(&o));
}

fn copy(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
}

/// Point 6: ingest names every file it skipped and why, reads by content,
/// names a missing file, warns about a PDF without text.
#[test]
fn ingest_names_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let html = corpus().join("gladsaxe/udsatteraadet-2023-11-21.html");
    copy(&html, &docs.join("referat.aspx"));
    copy(&html, &docs.join("download"));
    std::fs::write(docs.join("notes.txt"), "husk mødet\n").unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    std::fs::write(docs.join("gammel.doc"), &ole).unwrap();
    let index = dir.path().join("index");
    let o = run(referat(&index).arg("ingest").arg(&docs));
    let err = stderr(&o);
    // A file named .doc claims to be a document (legacy Word is read now):
    // a broken one is a failure with the reader's reason, not a skip.
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("indexed 2 new"),
        "the .aspx and extension-less pages: {err}"
    );
    assert!(err.contains("1 failed, 1 skipped"), "{err}");
    assert!(err.contains("notes.txt: no PDF header"), "{err}");
    assert!(
        err.contains("gammel.doc:") && err.contains("not a Word .doc"),
        "{err}"
    );

    let missing = dir.path().join("missing.pdf");
    let o = run(referat(&index).arg("ingest").arg(&missing));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.pdf"), "{}", stderr(&o));

    let scanned = repo().join("../shared/real/ballerup-2012-bilag-scannet-uden-tekstlag.pdf");
    if !scanned.is_file() {
        eprintln!(
            "skipped the scanned-PDF part: {} is absent",
            scanned.display()
        );
        return;
    }
    let o = run(referat(&index).arg("ingest").arg(&scanned));
    let err = stderr(&o);
    // Either OCR gave it text, or the run says it has none.
    let record = run(referat(&index).args(["export", "--by", "file", "--format", "jsonl"]));
    let has_text = jsonl(&record).iter().any(|r| {
        r["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("uden-tekstlag.pdf")
            && !r["text"].as_str().unwrap().trim().is_empty()
    });
    assert!(
        has_text || err.contains("no text layer: needs OCR"),
        "{err}"
    );
}

/// Point 7: prune only under the roots of this run that exist, dry run
/// first, count in the summary.
#[test]
fn prune_stays_under_the_roots_given() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    for (folder, file) in [
        (&a, "aalborg/udsatteraadet-2024-05-27.html"),
        (&a, "gladsaxe/udsatteraadet-2023-11-21.html"),
        (&b, "albertslund/udsatteraadet-2021-10-14.html"),
    ] {
        copy(
            &corpus().join(file),
            &folder.join(Path::new(file).file_name().unwrap()),
        );
    }
    let index = dir.path().join("index");
    let o = run(referat(&index).arg("ingest").arg(&a).arg(&b));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // b is moved away (an unmounted drive); one file of a is deleted.
    std::fs::rename(&b, dir.path().join("elsewhere")).unwrap();
    std::fs::remove_file(a.join("udsatteraadet-2023-11-21.html")).unwrap();
    let o = run(referat(&index)
        .args(["ingest", "--prune", "--dry-run"])
        .arg(&a));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stdout(&o).contains("udsatteraadet-2023-11-21.html"));
    assert!(stderr(&o).contains("1 would be pruned"));
    let documents = || {
        let o = run(referat(&index).args(["stats", "--json"]));
        serde_json::from_str::<Value>(&stdout(&o)).unwrap()["documents"].as_u64()
    };
    assert_eq!(documents(), Some(3), "a dry run changes nothing");
    let o = run(referat(&index).args(["ingest", "--prune"]).arg(&a).arg(&b));
    assert!(stderr(&o).contains("1 pruned"), "{}", stderr(&o));
    assert_eq!(
        documents(),
        Some(2),
        "b's document stays: b is not there to look at"
    );
}

/// Splits a README command line as a shell would (quotes, no expansion).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (_, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// The `referat …` commands of the README's shell blocks, without
/// comments, pipes and redirections.
fn readme_commands() -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        let Some(cmd) = line.strip_prefix("referat ").filter(|_| in_sh) else {
            continue;
        };
        let cmd = cmd.split(" # ").next().unwrap_or(cmd);
        let cmd = cmd.split(" | ").next().unwrap_or(cmd);
        let cmd = cmd.split(" > ").next().unwrap_or(cmd);
        out.push(shell_words(cmd));
    }
    out
}

/// Point 8: a leading -word in the query works, and every README command
/// runs (none is a usage error).
#[test]
fn every_readme_command_runs() {
    let o = search(&[
        "hjemløse",
        "OR",
        "husløse",
        "-corona",
        "--from",
        "2019-01-01",
        "--to",
        "2024-12-31",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let excluded = search(&[
        "hjemløse",
        "OR",
        "husløse",
        "-hjemløsereform",
        "--all",
        "--jsonl",
    ]);
    let included = search(&["hjemløse", "OR", "husløse", "--all", "--jsonl"]);
    assert!(
        jsonl(&excluded).len() < jsonl(&included).len(),
        "-word excludes"
    );

    let commands = readme_commands();
    assert!(commands.len() >= 12, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    assert!(run(referat(&index).arg("ingest").arg(corpus()))
        .status
        .success());
    let home = dir.path().join("home");
    for m in ["aarhus", "gladsaxe"] {
        std::fs::create_dir_all(home.join("archive").join(m)).unwrap();
    }
    let shown_id = commands
        .iter()
        .find(|c| c.first().is_some_and(|w| w == "show"))
        .and_then(|c| c.get(1).cloned());
    for cmd in &commands {
        let args: Vec<String> = cmd
            .iter()
            .map(|w| match w.strip_prefix("~/") {
                Some(rest) => home.join(rest).display().to_string(),
                None => w.clone(),
            })
            .collect();
        let o = run(referat(&index).current_dir(repo()).args(&args));
        let code = o.status.code();
        assert!(
            code == Some(0) || (code == Some(1) && args.get(1) == shown_id.as_ref()),
            "README command `referat {}` exits {code:?}: {}",
            cmd.join(" "),
            stderr(&o)
        );
    }
}

/// Point 9: the small ones.
#[test]
fn the_small_ones() {
    let o = search(&["zyxwvutsrq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no hits"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    // show takes a unique id prefix, and names an ambiguous one.
    let ids: BTreeSet<String> = export(&[])
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let id = ids.iter().next().unwrap();
    let unique = (1..=16)
        .map(|n| &id[..n])
        .find(|p| ids.iter().filter(|i| i.starts_with(p)).count() == 1)
        .unwrap();
    let o = run(referat(shared_index()).args(["show", unique, "--json"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let record: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(record["id"].as_str(), Some(id.as_str()));
    let shared = ids
        .iter()
        .map(|i| &i[..1])
        .find(|p| ids.iter().filter(|i| i.starts_with(p)).count() > 1)
        .expect("two ids share a first digit among 15");
    let o = run(referat(shared_index()).args(["show", shared]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is the start of"), "{}", stderr(&o));
    // --limit 0 is no error.
    assert_eq!(search(&["bolig", "--limit", "0"]).status.code(), Some(0));
    // export with nothing matching exits 1 like search.
    let o = run(referat(shared_index()).args(["export", "zyxwvutsrq"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no records match"));
    // stats takes the search filters and has a data-quality summary.
    let o = run(referat(shared_index()).args(["stats", "--json", "--year", "2021"]));
    let stats: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(stats["documents"], 6);
    for what in ["date", "body", "text", "municipality"] {
        assert!(stats["missing"][what].is_u64(), "{what}: {stats}");
    }
    assert!(stats["incomplete"].is_array());
    let o = run(referat(shared_index()).arg("stats"));
    assert!(stdout(&o).contains("data quality:"), "{}", stdout(&o));
}
