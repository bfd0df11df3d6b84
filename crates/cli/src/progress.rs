//! The ingest progress bar: on a terminal only, never in a pipe or a log.

use std::io::IsTerminal;
use std::path::Path;

use referat_archive::{Failure, Progress};

use crate::output;

/// An indicatif bar that names each failed file above it.
pub struct Bar(indicatif::ProgressBar);

impl Bar {
    /// A bar on a terminal, a hidden one elsewhere.
    pub fn new() -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(indicatif::ProgressBar::hidden());
        }
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} files [{elapsed_precise}] {wide_bar} {eta}",
        ) {
            bar.set_style(style);
        }
        Bar(bar)
    }
}

impl Progress for Bar {
    fn start(&mut self, files: usize) {
        self.0.set_length(files as u64);
    }

    fn advance(&mut self, _path: &Path) {
        self.0.inc(1);
    }

    fn failed(&mut self, failure: &Failure) {
        self.0.suspend(|| output::error(&failure.error));
    }

    fn warned(&mut self, warning: &Failure) {
        self.0
            .suspend(|| output::error(format!("warning: {}", warning.error)));
    }

    fn finish(&mut self) {
        self.0.finish_and_clear();
    }
}
