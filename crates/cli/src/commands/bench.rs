//! `referat bench`: parse (and index) files and report speed per format
//! (the measuring is `referat_archive::bench`).

use referat_archive::bench::{measure, Report};

use crate::args::BenchArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// Measure the files and print the figures.
pub fn run(args: &BenchArgs) -> Result<i32, CliError> {
    referat_archive::set_threads(args.threads);
    let (files, walk_errors) = referat_archive::walk::files(&args.paths);
    for e in &walk_errors {
        output::error(format!("{}: {}", e.path.display(), e.reason));
    }
    if files.is_empty() {
        return Err(CliError::Usage("no files to measure".into()));
    }
    let report = measure(&files, args.with_index, args.slowest, &args.limits.limits())?;
    output::with_stdout(|out| {
        if args.json {
            let json = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
            writeln!(out, "{json}")
        } else {
            print_table(out, &report)
        }
    })?;
    Ok(if report.failed > 0 || !walk_errors.is_empty() {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

fn print_table(out: &mut dyn std::io::Write, r: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{} files, {:.1} MB in {:.2} s on {} threads: {:.1} files/s, {:.2} MB/s; peak memory {}",
        r.files,
        r.bytes as f64 / 1e6,
        r.wall_seconds,
        r.threads,
        r.docs_per_second,
        r.mb_per_second,
        r.peak_memory_bytes
            .map_or("unknown".into(), |b| format!("{:.0} MB", b as f64 / 1e6)),
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<7} {:>6} {:>6} {:>8} {:>10} {:>8} {:>8} {:>9} {:>9} {:>8}",
        "format",
        "files",
        "failed",
        "MB",
        "files/s/c",
        "MB/s/c",
        "read s",
        "reader s",
        "struct s",
        "index s"
    )?;
    for (name, f) in &r.formats {
        writeln!(
            out,
            "{:<7} {:>6} {:>6} {:>8.2} {:>10.1} {:>8.2} {:>8.3} {:>9.3} {:>9.3} {:>8.3}",
            name,
            f.files,
            f.failed,
            f.mb,
            f.docs_per_second_per_core,
            f.mb_per_second_per_core,
            f.seconds.read,
            f.seconds.reader,
            f.seconds.structure,
            f.seconds.index
        )?;
    }
    writeln!(
        out,
        "(/s/c: per busy second of one core; stage times summed over threads)"
    )?;
    if let Some(ix) = &r.index {
        writeln!(
            out,
            "\nindex: {:.1} MB on disk for {:.1} MB of text ({:.2}x), commits {:.2} s",
            ix.size_bytes as f64 / 1e6,
            ix.text_bytes as f64 / 1e6,
            ix.size_per_text_byte,
            ix.commit_seconds
        )?;
    }
    if !r.slowest.is_empty() {
        writeln!(out, "\nslowest files:")?;
        for f in &r.slowest {
            writeln!(
                out,
                "  {:>8.1} ms  {:>8.1} KB  {}",
                f.seconds * 1e3,
                f.bytes as f64 / 1e3,
                f.path
            )?;
        }
    }
    Ok(())
}
