//! Crash safety and hostile batches through the real binary (issue 8): an
//! ingest killed with SIGKILL leaves an index that opens at its last commit
//! and a re-run completes without duplicates; searching while an ingest runs
//! works; an ingest over the hostile fixtures indexes the good file and names
//! every bad one.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{referat, repo, run, stderr};
use serde_json::Value;

/// Files in the crash test: two commit intervals and part of a third, so
/// the kill lands after a commit with uncommitted work pending. (Kept well
/// below the 3000 of a real archive: a debug build on a shared two-core
/// machine parses only a few files a second.)
const FILES: usize = 1300;
/// Files in the concurrent-search test: one commit and some more.
const SEARCH_FILES: usize = 700;
/// The ingest's commit interval (`COMMIT_EVERY` in crates/archive/src/ingest.rs):
/// a killed run keeps a multiple of it.
const COMMIT_EVERY: u64 = 512;
/// How long to wait for the first commit before giving up (debug builds on a
/// busy machine are slow).
const FIRST_COMMIT_WAIT: Duration = Duration::from_secs(300);

/// `count` small HTML minutes: the corpus HTML files copied under new names,
/// each with a distinct comment so that every copy has its own SHA-256 and id.
fn many_html_files(dir: &Path, count: usize) -> PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let mut sources: Vec<PathBuf> = ["aalborg", "albertslund", "gladsaxe"]
        .iter()
        .flat_map(|m| std::fs::read_dir(repo().join("corpus").join(m)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty());
    let pages: Vec<String> = sources
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for i in 0..count {
        let page = &pages[i % pages.len()];
        std::fs::write(
            docs.join(format!("kopi-{i:04}.html")),
            format!("{page}\n<!-- kopi {i} -->\n"),
        )
        .unwrap();
    }
    docs
}

/// Segments in the index's last committed `meta.json` (0 when none yet).
fn committed_segments(index: &Path) -> usize {
    std::fs::read_to_string(index.join("meta.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|m| m["segments"].as_array().map(Vec::len))
        .unwrap_or(0)
}

fn documents(index: &Path) -> u64 {
    let o = run(referat(index).args(["stats", "--json"]));
    assert_eq!(o.status.code(), Some(0), "stats: {}", stderr(&o));
    let stats: Value = serde_json::from_slice(&o.stdout).expect("stats JSON");
    stats["documents"].as_u64().expect("a document count")
}

/// Source paths of every exported record, in export order.
fn exported_paths(index: &Path) -> Vec<String> {
    let o = run(referat(index).args(["export", "--by", "file"]));
    assert_eq!(o.status.code(), Some(0), "export: {}", stderr(&o));
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).expect("JSON lines");
            r["source"]["path"].as_str().unwrap().to_string()
        })
        .collect()
}

fn spawn_ingest(index: &Path, docs: &Path) -> Child {
    referat(index)
        .arg("ingest")
        .arg(docs)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ingest starts")
}

/// Wait until the running ingest has committed at least once; `None` if it
/// ended first.
fn wait_for_first_commit(child: &mut Child, index: &Path) -> Option<()> {
    let start = Instant::now();
    while committed_segments(index) == 0 {
        if child.try_wait().expect("child status").is_some() {
            return None;
        }
        assert!(
            start.elapsed() < FIRST_COMMIT_WAIT,
            "no commit within {FIRST_COMMIT_WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(())
}

#[test]
fn sigkill_mid_ingest_keeps_the_last_commit_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = many_html_files(dir.path(), FILES);
    let index = dir.path().join("index");

    let mut child = spawn_ingest(&index, &docs);
    let committed = wait_for_first_commit(&mut child, &index);
    assert!(
        committed.is_some(),
        "the ingest ended before its first commit"
    );
    // A little more work after the first commit, so the kill lands mid-batch.
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the ingest must still be running when it is killed"
    );
    child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix.
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed, not finished: {status:?}");

    // The index opens and holds exactly what was committed.
    let kept = documents(&index);
    assert!(kept <= FILES as u64, "{kept} documents");
    assert_eq!(
        kept % COMMIT_EVERY,
        0,
        "{kept} documents is not a whole number of commits"
    );
    assert_eq!(exported_paths(&index).len() as u64, kept);

    // A re-run finishes the rest and skips what the killed run committed.
    let o = run(referat(&index).arg("ingest").arg(&docs));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expected = format!(
        "indexed {} new, 0 changed, {kept} unchanged, 0 failed",
        FILES as u64 - kept
    );
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));

    assert_eq!(documents(&index), FILES as u64);
    let paths = exported_paths(&index);
    let unique: HashSet<&String> = paths.iter().collect();
    assert_eq!(paths.len(), FILES, "one record per file");
    assert_eq!(unique.len(), FILES, "no duplicates");
}

#[test]
fn searching_while_an_ingest_runs_works() {
    let dir = tempfile::tempdir().unwrap();
    let docs = many_html_files(dir.path(), SEARCH_FILES);
    let index = dir.path().join("index");
    // A first commit so that there is something to search.
    let mut child = spawn_ingest(&index, &docs);
    let committed = wait_for_first_commit(&mut child, &index);
    let mut searches = 0;
    loop {
        let o = run(referat(&index).args(["search", "udsatterådet", "--jsonl", "--limit", "3"]));
        let err = stderr(&o);
        assert!(
            matches!(o.status.code(), Some(0) | Some(1)),
            "search during ingest: {:?} {err}",
            o.status
        );
        assert!(!err.contains("panicked"), "{err}");
        if committed.is_some() {
            assert_eq!(o.status.code(), Some(0), "committed documents are found");
        }
        searches += 1;
        if searches >= 3 && child.try_wait().unwrap().is_some() || searches >= 20 {
            break;
        }
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(documents(&index), SEARCH_FILES as u64);
}

#[test]
fn ingest_of_hostile_files_indexes_the_good_one_and_names_each_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let hostile = repo().join("tests/fixtures/hostile");
    let mut bad = Vec::new();
    let mut good = 0;
    for entry in std::fs::read_dir(&hostile).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let name = path.file_name().unwrap().to_owned();
        std::fs::copy(&path, docs.join(&name)).unwrap();
        // What the library says about the file decides what the CLI must do.
        match referat_parser::parse_file(&path) {
            Ok(_) => good += 1,
            Err(_) => bad.push(name.to_string_lossy().into_owned()),
        }
    }
    assert!(bad.len() >= 10, "the fixtures include many bad files");
    let corpus_file = repo().join("corpus/gladsaxe/udsatteraadet-2023-11-21.pdf");
    std::fs::copy(&corpus_file, docs.join("good.pdf")).unwrap();

    let index = dir.path().join("index");
    let o = run(referat(&index).arg("ingest").arg(&docs));
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "some files failed → exit 1: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    for name in &bad {
        assert!(err.contains(name.as_str()), "{name} not named: {err}");
    }
    assert!(
        err.contains(&format!("{} failed", bad.len())),
        "summary counts the failures: {err}"
    );
    assert_eq!(documents(&index), good + 1);
    let paths = exported_paths(&index);
    assert!(
        paths.iter().any(|p| p.ends_with("good.pdf")),
        "the good file is indexed: {paths:?}"
    );
}
