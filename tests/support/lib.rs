//! Helpers shared by the end-to-end tests and benchmarks: where the corpus and
//! the real minutes are.
//!
//! The README is compiled here as documentation, so that its Rust example is
//! built and run by `cargo test` and cannot go stale.

#[doc = include_str!("../../README.md")]
pub mod readme {}

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus.
pub fn corpus() -> PathBuf {
    root().join("corpus")
}

/// `../shared/real`, the real published minutes read in place.
pub fn real() -> PathBuf {
    root().join("..").join("shared").join("real")
}

/// `../shared/seeds`, the seed texts.
pub fn seeds() -> PathBuf {
    root().join("..").join("shared").join("seeds")
}

pub mod fields;
