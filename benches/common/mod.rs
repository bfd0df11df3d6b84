//! What the latency benches over an existing index share: the index
//! folder and the number of runs from the environment, and percentiles.
//! (A folder module, so that Cargo does not take it for a bench target.)

use std::path::PathBuf;

/// `REFERAT_BENCH_INDEX`, or `None` after saying on stderr that `bench`
/// needs it (so that a plain `cargo bench` passes without an index).
pub fn index_dir(bench: &str, hint: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("REFERAT_BENCH_INDEX").map(PathBuf::from);
    if dir.is_none() {
        eprintln!("{bench} bench: set REFERAT_BENCH_INDEX to an index folder{hint}");
    }
    dir
}

/// `REFERAT_BENCH_REPEAT`, the timed runs per case, else `default`.
pub fn repeat(default: usize) -> usize {
    std::env::var("REFERAT_BENCH_REPEAT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The `p` quantile (0 to 1, nearest rank) of latencies sorted ascending;
/// `None` when there are none.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied()
}
