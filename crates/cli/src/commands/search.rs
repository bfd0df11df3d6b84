//! `referat search`: topic, person and date queries with a table for people
//! and JSON for scripts.

use std::io::Write;
use std::path::Path;

use referat_archive::{Archive, FacetField, Facets, Hit, Query, Sort};

use crate::args::{Filters, QueryWords, SearchArgs, SortArg};
use crate::error::CliError;
use crate::output::{self, exit};

/// Build the library's query from the command line's words and filters.
pub fn query_from(words: &QueryWords, filters: &Filters) -> Result<Query, CliError> {
    for (flag, date) in [("--from", &filters.from), ("--to", &filters.to)] {
        if let Some(d) = date {
            if referat_archive::date::IsoDate::parse(d).is_none() {
                return Err(CliError::Usage(format!(
                    "{flag} takes a date as YYYY-MM-DD, not {d:?}"
                )));
            }
        }
    }
    if let (Some(from), Some(to)) = (&filters.from, &filters.to) {
        if referat_archive::date::IsoDate::parse(from) > referat_archive::date::IsoDate::parse(to) {
            return Err(CliError::Usage(format!(
                "--from {from} is after --to {to}: nothing can match"
            )));
        }
    }
    let mut text = words.words.join(" ");
    for word in &words.not {
        let word = word.trim_matches('"');
        if word.contains(char::is_whitespace) {
            text.push_str(&format!(" -\"{word}\""));
        } else {
            text.push_str(&format!(" -{word}"));
        }
    }
    Ok(Query {
        text: (!text.trim().is_empty()).then_some(text),
        person: filters.person.clone(),
        roles: filters.roles.clone(),
        from: filters.from.clone(),
        to: filters.to.clone(),
        year: filters.year,
        municipality: filters.municipality.clone(),
        body: filters.body.clone(),
        doc_type: filters
            .doc_type
            .map(|d| referat_schema::DocType::from(d).as_str().to_string()),
        section: filters.section.map(Into::into),
        ..Query::default()
    })
}

/// Search the index and print the hits. Exit code 0 when something was
/// found, 1 when nothing was (said on stderr).
pub fn run(index_dir: &Path, args: &SearchArgs) -> Result<i32, CliError> {
    let mut query = query_from(&args.query, &args.filters)?;
    query.sort = match args.sort {
        SortArg::Relevance => Sort::Relevance,
        SortArg::Date => Sort::Date,
    };
    query.limit = if args.all || args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    query.offset = args.offset;
    query.by_meeting = !args.per_document;
    // --person means the resolved person: all spellings of them.
    let archive = Archive::open(index_dir)?;
    let mut results = archive.search_page(&query)?;
    let fields: Vec<FacetField> = args.facets.iter().map(|&f| f.into()).collect();
    if !fields.is_empty() {
        results.facets = Some(archive.facets(&query, &fields)?);
    }
    let facets = results.facets.clone();
    let shown = results.returned;
    let left_out = results.left_after();
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &results)?;
            writeln!(out)?;
        } else if args.jsonl {
            for hit in &results.hits {
                serde_json::to_writer(&mut *out, hit)?;
                writeln!(out)?;
            }
            // No hits: nothing on stdout (exit code 1 says so).
            if let (Some(f), true) = (&facets, shown > 0) {
                serde_json::to_writer(&mut *out, &serde_json::json!({ "facets": f }))?;
                writeln!(out)?;
            }
            if shown > 0 {
                let summary = serde_json::json!({"summary": {
                    "total": results.total,
                    "offset": args.offset,
                    "returned": shown,
                }});
                serde_json::to_writer(&mut *out, &summary)?;
                writeln!(out)?;
            }
        } else {
            print_table(out, &results.hits, output::colour())?;
            if left_out > 0 {
                writeln!(
                    out,
                    "({} of {} hits; --offset {} for more)",
                    shown,
                    results.total,
                    args.offset + shown
                )?;
            }
            if let (Some(f), true) = (&facets, shown > 0) {
                print_facets(out, f)?;
            }
        }
        Ok(())
    })?;
    if left_out > 0 && (args.json || args.jsonl) {
        output::error(format!(
            "{shown} of {} hits shown; --all (or --limit 0) for every hit, --offset {} for the next page",
            results.total,
            args.offset + shown
        ));
    }
    if shown == 0 {
        output::error(if results.total > 0 {
            format!(
                "no hits at --offset {} (there are {})",
                args.offset, results.total
            )
        } else {
            "no hits".to_string()
        });
        return Ok(exit::PARTIAL);
    }
    Ok(exit::OK)
}

/// Values of each facet shown on a terminal (`--json` has them all).
const FACET_TOP: usize = 20;

/// Each facet: its top values with their matching meetings.
fn print_facets(out: &mut dyn Write, facets: &Facets) -> std::io::Result<()> {
    for counts in &facets.facets {
        writeln!(
            out,
            "\n{} ({} matching meetings{})",
            counts.field.as_str().to_uppercase(),
            facets.meetings,
            if counts.missing > 0 {
                format!(", {} without a value", counts.missing)
            } else {
                String::new()
            }
        )?;
        let width = counts
            .values
            .iter()
            .take(FACET_TOP)
            .map(|v| {
                v.value.chars().count()
                    + v.municipality.as_ref().map_or(0, |m| m.chars().count() + 3)
            })
            .max()
            .unwrap_or(0);
        for v in counts.values.iter().take(FACET_TOP) {
            let label = match &v.municipality {
                Some(m) => format!("{} ({m})", v.value),
                None => v.value.clone(),
            };
            writeln!(out, "  {label:<width$}  {:>6}", v.meetings)?;
        }
        if counts.values.len() > FACET_TOP {
            writeln!(
                out,
                "  … {} more values (--json for all)",
                counts.values.len() - FACET_TOP
            )?;
        }
    }
    Ok(())
}

/// One hit per block: a line of facts, then the snippet indented, matched
/// words in bold yellow on a terminal and in [brackets] elsewhere.
fn print_table(out: &mut dyn Write, hits: &[Hit], colour: bool) -> std::io::Result<()> {
    for hit in hits {
        let item = hit.item.map(|n| format!("punkt {n}")).unwrap_or_default();
        writeln!(
            out,
            "{}  {}  {}  {}  {}  [{}]",
            hit.date.as_deref().unwrap_or("----------"),
            hit.municipality.as_deref().unwrap_or("?"),
            hit.body.as_deref().unwrap_or("?"),
            item,
            hit.title.as_deref().unwrap_or(""),
            hit.doc_id,
        )?;
        writeln!(out, "    {}", highlight(&hit.snippet, colour))?;
        if let Some(meeting) = &hit.meeting_id {
            if !hit.related.is_empty() {
                writeln!(out, "    meeting {meeting}, also:")?;
            }
        }
        for r in &hit.related {
            writeln!(
                out,
                "      {:<10} {:<4} [{}] {}",
                r.kind, r.format, r.doc_id, r.source_path
            )?;
        }
    }
    Ok(())
}

fn highlight(snippet: &referat_archive::Snippet, colour: bool) -> String {
    let (on, off) = if colour {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let text = &snippet.text;
    let mut s = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for r in &snippet.highlights {
        let (Some(before), Some(word)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        s.push_str(before);
        s.push_str(on);
        s.push_str(word);
        s.push_str(off);
        at = r.end;
    }
    s.push_str(text.get(at..).unwrap_or(""));
    s.replace('\n', " ")
}
