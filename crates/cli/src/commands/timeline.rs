//! `referat timeline`: matching meetings per period as a table, JSON, CSV
//! or a plot (the counting is `referat_archive`'s).

use std::io::Write;
use std::path::Path;

use referat_archive::{Archive, Timeline};

use crate::args::TimelineArgs;
use crate::commands::search::query_from;
use crate::error::CliError;
use crate::output::{self, exit};
use crate::plot;

/// Count the matching meetings per month, quarter or year (split by
/// municipality or body if asked) beside all meetings of the period, and
/// print or plot them. Exit code 1 when no meeting matches.
pub fn run(index_dir: &Path, args: &TimelineArgs) -> Result<i32, CliError> {
    let query = query_from(&args.query, &args.filters)?;
    let t =
        Archive::open(index_dir)?.timeline(&query, args.by.into(), args.split.map(Into::into))?;
    if let Some(path) = &args.plot {
        let title = describe(&args.query.words, &args.filters, &t);
        let left_out = plot::timeline(path, &t, &title)?;
        if !left_out.is_empty() {
            output::error(format!(
                "the plot shows the {} series with most matching meetings; left out: {}",
                plot::MAX_SERIES,
                left_out.join(", ")
            ));
        }
    }
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &t)?;
            writeln!(out)?;
        } else if args.csv {
            write_csv(out, &t)?;
        } else if t.matching > 0 {
            print_table(out, &t)?;
        }
        Ok(())
    })?;
    if t.matching == 0 {
        output::error("no meeting matches");
        return Ok(exit::PARTIAL);
    }
    if t.undated_matching > 0 {
        output::error(format!(
            "{} matching meetings have no date and are in no period",
            t.undated_matching
        ));
    }
    Ok(exit::OK)
}

/// The plot's title: the query as typed and its filters.
fn describe(words: &[String], f: &crate::args::Filters, t: &Timeline) -> String {
    let mut parts = Vec::new();
    if !words.is_empty() {
        parts.push(format!("«{}»", words.join(" ")));
    }
    for (name, value) in [
        ("person", &f.person),
        ("municipality", &f.municipality),
        ("body", &f.body),
        ("from", &f.from),
        ("to", &f.to),
    ] {
        if let Some(v) = value {
            parts.push(format!("{name} {v}"));
        }
    }
    if parts.is_empty() {
        parts.push("all meetings".into());
    }
    format!("{}: meetings per {}", parts.join(", "), t.by.as_str())
}

fn write_csv(out: &mut dyn Write, t: &Timeline) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "period", "from", "to", "split", "matching", "meetings", "share",
    ])?;
    for r in &t.rows {
        w.write_record([
            r.period.as_str(),
            &r.from,
            &r.to,
            r.split.as_deref().unwrap_or(""),
            &r.matching.to_string(),
            &r.meetings.to_string(),
            &format!("{:.4}", r.share),
        ])?;
    }
    w.flush()
}

/// One line per period (and series): counts, share and a bar.
fn print_table(out: &mut dyn Write, t: &Timeline) -> std::io::Result<()> {
    let split_head = t
        .split
        .map(|s| s.as_str().to_uppercase())
        .unwrap_or_default();
    let split_w = t
        .rows
        .iter()
        .filter_map(|r| r.split.as_deref())
        .map(|s| s.chars().count())
        .chain(std::iter::once(split_head.chars().count()))
        .max()
        .unwrap_or(0);
    let top = t.rows.iter().map(|r| r.matching).max().unwrap_or(0).max(1);
    writeln!(
        out,
        "{:<8} {:<w$}{}MATCHING  MEETINGS   SHARE",
        t.by.as_str().to_uppercase(),
        split_head,
        if split_w > 0 { "  " } else { "" },
        w = split_w
    )?;
    for r in &t.rows {
        let bar = "█".repeat(((r.matching * 30).div_ceil(top)) as usize);
        writeln!(
            out,
            "{:<8} {:<w$}{}{:>8}  {:>8}  {:>5.1} %  {}",
            r.period,
            r.split.as_deref().unwrap_or(""),
            if split_w > 0 { "  " } else { "" },
            r.matching,
            r.meetings,
            r.share * 100.0,
            bar,
            w = split_w
        )?;
    }
    writeln!(
        out,
        "{} matching meetings{}",
        t.matching,
        if t.undated_matching > 0 {
            format!(", {} of them undated", t.undated_matching)
        } else {
            String::new()
        }
    )
}
