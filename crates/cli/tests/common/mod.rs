//! Running the real `referat` binary from the CLI tests.
#![allow(dead_code)] // each test file uses its own subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled corpus.
pub fn corpus() -> PathBuf {
    repo().join("corpus")
}

/// The binary with this index, no inherited `REFERAT_INDEX`, no colour.
pub fn referat(index: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_referat"));
    c.env_remove("REFERAT_INDEX")
        .env("NO_COLOR", "1")
        .arg("--index")
        .arg(index);
    c
}

/// Run to the end and collect the output.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the binary runs")
}

/// Standard output, which must be UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// Standard error, lossily.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One index of the whole corpus per test binary, for the tests that only
/// read it.
pub fn corpus_index() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let o = run(referat(dir.path()).arg("ingest").arg(corpus()));
        assert!(o.status.success(), "ingest failed: {}", stderr(&o));
        dir
    })
    .path()
}
