//! The worker pool for parsing.

/// Size rayon's global pool: `threads` if given, else all cores. Called once,
/// before any parallel work; a second call is harmless.
pub fn configure(threads: Option<usize>) {
    if let Some(n) = threads.filter(|n| *n > 0) {
        // Fails only if the pool was already built, which changes nothing.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}
