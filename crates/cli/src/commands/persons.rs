//! `referat persons`: people resolved across documents (resolution and its
//! caches are `referat_archive`'s business).

use std::io::Write;
use std::path::Path;

use referat_archive::{Archive, PersonFilter, ResolvedPerson};

use crate::args::PersonsArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// List each person with variants, roles, meetings, absences and mentions.
/// Exit code 0 when someone matched, 1 when nobody did.
pub fn run(index_dir: &Path, args: &PersonsArgs) -> Result<i32, CliError> {
    let found = Archive::open(index_dir)?.persons(&PersonFilter {
        municipality: args.municipality.clone(),
        body: args.body.clone(),
        roles: args.roles.clone(),
        name: args.name.clone(),
    })?;
    for warning in &found.warnings {
        output::error(warning);
    }
    let persons: Vec<&ResolvedPerson> = found.persons.iter().collect();
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &persons)?;
            writeln!(out)?;
        } else if persons.is_empty() {
            output::error("nobody matches");
        } else {
            print_table(out, &persons)?;
        }
        Ok(())
    })?;
    Ok(if persons.is_empty() {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

/// One line per person, then one indented line per merge across documents
/// saying where it came from.
fn print_table(out: &mut dyn Write, persons: &[&ResolvedPerson]) -> std::io::Result<()> {
    let width = |f: &dyn Fn(&ResolvedPerson) -> String, min: usize| {
        persons
            .iter()
            .map(|p| f(p).chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let municipality = |p: &ResolvedPerson| p.municipality.clone().unwrap_or_else(|| "?".into());
    let name_w = width(&|p| p.name.clone(), 4);
    let muni_w = width(&municipality, 12);
    writeln!(
        out,
        "{}  {}  {:>3} {:>3} {:>3} {:>3} {:>5}  {:<21}  VARIANTS; ROLES",
        pad("NAME", name_w),
        pad("MUNICIPALITY", muni_w),
        "ATT",
        "ABS",
        "U/A",
        "MIN",
        "MENT",
        "SEEN",
    )?;
    for p in persons {
        let seen = match (&p.first_seen, &p.last_seen) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => "-".into(),
        };
        let variants: Vec<&str> = p
            .variants
            .iter()
            .map(|v| v.name.as_str())
            .filter(|v| *v != p.name)
            .collect();
        let roles: Vec<&str> = p.roles.iter().map(|r| r.role.as_str()).collect();
        let extra: Vec<String> = [variants.join(", "), roles.join(", ")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        writeln!(
            out,
            "{}  {}  {:>3} {:>3} {:>3} {:>3} {:>5}  {:<21}  {}",
            pad(&p.name, name_w),
            pad(&municipality(p), muni_w),
            p.attended.len(),
            p.absent.len(),
            p.absent_without_notice.len(),
            p.minutes_taken.len(),
            p.mentions,
            seen,
            extra.join("; "),
        )?;
        for m in p
            .merges
            .iter()
            .filter(|m| m.rule != "same_document" && m.rule != "accent")
        {
            let origin = if m.source == "rule" {
                format!("rule: {}", m.reason)
            } else {
                m.source.clone()
            };
            writeln!(
                out,
                "    {} ← {}  [{}; confidence {:.2}]",
                m.into, m.from, origin, m.confidence
            )?;
        }
    }
    Ok(())
}

/// Left-aligns `s` in `width` characters (not bytes: "Søren" is five).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}
