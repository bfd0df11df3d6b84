//! The per-file limits on the command line: a file over a limit is named
//! with the reason, the rest of the batch goes on, the exit code says so.

mod common;

use common::{corpus, referat, run, stderr, stdout};

#[test]
fn an_exhausted_time_limit_names_the_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = corpus().join("albertslund/udsatteraadet-2021-10-14.pdf");
    let o = run(referat(dir.path())
        .arg("parse")
        .arg("--time-limit")
        .arg("0.000000001")
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(1), "a failed file → exit 1");
    let err = stderr(&o);
    assert!(err.contains("udsatteraadet-2021-10-14.pdf"), "{err}");
    assert!(err.contains("time budget"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(stdout(&o).lines().count(), 0);

    // 0 means no limit: the same file parses.
    let o = run(referat(dir.path())
        .arg("parse")
        .arg("--time-limit")
        .arg("0")
        .arg(&pdf));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn ingest_refuses_a_file_over_the_size_limit_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let small = corpus().join("gladsaxe/udsatteraadet-2023-11-21.html");
    std::fs::copy(&small, files.join("small.html")).unwrap();
    // A sparse 2 MB file: refused by its size before it is read.
    let big = std::fs::File::create(files.join("big.pdf")).unwrap();
    big.set_len(2 * 1024 * 1024).unwrap();
    let index = dir.path().join("index");
    let o = run(referat(&index)
        .arg("ingest")
        .arg("--max-file-size")
        .arg("1")
        .arg(&files));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("big.pdf") && err.contains("over the limit"),
        "{err}"
    );
    assert!(err.contains("1 new") && err.contains("1 failed"), "{err}");
}
