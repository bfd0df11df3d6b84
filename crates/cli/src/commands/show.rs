//! `referat show`: one document or one item in full.

use std::io::Write;
use std::path::Path;

use referat_archive::Archive;
use referat_schema::{Item, Person, Record};

use crate::args::ShowArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// Print a document (or with `--item`, one item) as text or as JSON.
pub fn run(index_dir: &Path, args: &ShowArgs) -> Result<i32, CliError> {
    let archive = Archive::open(index_dir)?;
    let Some(record) = archive.show(&args.id)? else {
        if let Some(meeting) = archive.meeting(&args.id)? {
            return crate::commands::meeting::show(&archive, &meeting, args);
        }
        output::error(format!("no document or meeting with id {}", args.id));
        return Ok(exit::PARTIAL);
    };
    let item = match args.item {
        Some(n) => match record.items.iter().find(|i| i.number == n) {
            Some(i) => Some(i),
            None => {
                output::error(format!("document {} has no item {n}", record.id));
                return Ok(exit::PARTIAL);
            }
        },
        None => None,
    };
    output::with_stdout(|out| {
        match (args.json, item) {
            (true, Some(item)) => serde_json::to_writer_pretty(&mut *out, item)?,
            (true, None) => serde_json::to_writer_pretty(&mut *out, &record)?,
            (false, Some(item)) => print_item(out, item)?,
            (false, None) => print_record(out, &record)?,
        }
        writeln!(out)
    })?;
    Ok(exit::OK)
}

fn names(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| match &p.role {
            Some(r) => format!("{} ({r})", p.name),
            None => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_record(out: &mut dyn Write, r: &Record) -> std::io::Result<()> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
    writeln!(out, "{}", r.title.as_deref().unwrap_or("(untitled)"))?;
    writeln!(out, "id:            {}", r.id)?;
    writeln!(
        out,
        "source:        {} ({})",
        r.source.path,
        r.source.format.as_str()
    )?;
    writeln!(out, "type:          {}", r.doc_type.as_str())?;
    writeln!(out, "municipality:  {}", opt(&r.municipality))?;
    writeln!(out, "body:          {}", opt(&r.body))?;
    writeln!(
        out,
        "date:          {} {}{}",
        opt(&r.date),
        r.start_time.as_deref().unwrap_or(""),
        r.end_time
            .as_deref()
            .map(|e| format!("–{e}"))
            .unwrap_or_default()
    )?;
    writeln!(out, "location:      {}", opt(&r.location))?;
    for (label, list) in [
        ("attendees", &r.attendees),
        ("absent", &r.absent),
        ("u/afbud", &r.absent_without_notice),
        ("guests", &r.guests),
    ] {
        if !list.is_empty() {
            writeln!(out, "{:<14} {}", format!("{label}:"), names(list))?;
        }
    }
    if let Some(p) = &r.minute_taker {
        writeln!(out, "minute taker:  {}", p.name)?;
    }
    if let Some(p) = &r.author {
        writeln!(out, "author:        {}", p.name)?;
    }
    for item in &r.items {
        writeln!(out)?;
        print_item(out, item)?;
    }
    if r.items.is_empty() {
        writeln!(out, "\n{}", r.text)?;
    }
    if !r.warnings.is_empty() {
        writeln!(out, "\nwarnings: {}", r.warnings.join("; "))?;
    }
    Ok(())
}

pub(crate) fn print_item(out: &mut dyn Write, item: &Item) -> std::io::Result<()> {
    let status = item
        .status
        .map(|s| match s {
            referat_schema::Status::Open => " (åben)",
            referat_schema::Status::Closed => " (lukket)",
        })
        .unwrap_or("");
    writeln!(
        out,
        "{}. {}{}",
        item.number,
        item.title.as_deref().unwrap_or("(untitled)"),
        status
    )?;
    for section in &item.sections {
        if let Some(h) = &section.heading {
            writeln!(out, "  {h}")?;
        }
        for line in section.text.lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}
