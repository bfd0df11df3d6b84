//! Writing to stdout: a closed pipe (`referat … | head`) ends the program
//! quietly instead of panicking.

use std::io::{self, Write};

/// Exit codes.
pub mod exit {
    /// Success; for `search`, something was found.
    pub const OK: i32 = 0;
    /// Some inputs failed; for `search`, nothing was found.
    pub const PARTIAL: i32 = 1;
    /// A usage error or a fatal error.
    pub const ERROR: i32 = 2;
}

/// Run `f` with a locked, buffered stdout; a broken pipe is not an error.
pub fn with_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(exit::OK),
        other => other,
    }
}

/// Whether colour is wanted on stdout: a terminal, and no `NO_COLOR`.
pub fn colour() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}

/// Print an error line on stderr: `referat: <message>`.
pub fn error(message: impl std::fmt::Display) {
    eprintln!("referat: {message}");
}
