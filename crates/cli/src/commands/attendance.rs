//! `referat attendance`: who attended which meeting, as CSV or JSON rows
//! (one per person and meeting) or a summary per person on the terminal
//! (the reading and resolving is `referat_archive`'s).

use std::io::Write;
use std::path::Path;

use referat_archive::{Archive, Attendance, Query};

use crate::args::AttendanceArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// Columns of the CSV, one row per person and meeting.
const CSV_COLUMNS: [&str; 12] = [
    "date",
    "municipality",
    "body",
    "meeting_id",
    "person_id",
    "person",
    "name_as_written",
    "role",
    "presence",
    "chair",
    "minute_taker",
    "doc_ids",
];

/// Read the presence lists of the meetings the filters select and print
/// them. Exit code 1 when no meeting there has a list.
pub fn run(index_dir: &Path, args: &AttendanceArgs) -> Result<i32, CliError> {
    let filters = crate::args::Filters {
        municipality: args.municipality.clone(),
        body: args.body.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        ..crate::args::Filters::default()
    };
    let query: Query =
        crate::commands::search::query_from(&crate::args::QueryWords::default(), &filters)?;
    let a = Archive::open(index_dir)?.attendance(&query)?;
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &a)?;
            writeln!(out)?;
        } else if args.csv {
            write_csv(out, &a)?;
        } else if !a.rows.is_empty() {
            print_summary(out, &a)?;
        }
        Ok(())
    })?;
    if a.rows.is_empty() {
        output::error("no meeting there has a list of who attended");
        return Ok(exit::PARTIAL);
    }
    Ok(exit::OK)
}

fn write_csv(out: &mut dyn Write, a: &Attendance) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    let yes_no = |b: bool| if b { "true" } else { "false" };
    for r in &a.rows {
        w.write_record([
            r.date.as_deref().unwrap_or(""),
            r.municipality.as_deref().unwrap_or(""),
            r.body.as_deref().unwrap_or(""),
            &r.meeting_id,
            &r.person_id,
            &r.person,
            r.name_as_written.as_deref().unwrap_or(""),
            r.role.as_deref().unwrap_or(""),
            r.presence.as_str(),
            yes_no(r.chair),
            yes_no(r.minute_taker),
            &r.doc_ids.join(" "),
        ])?;
    }
    w.flush()
}

/// One line per person: meetings, attended, absences, unknown, chair,
/// minute taker, share attended; then the names as written.
fn print_summary(out: &mut dyn Write, a: &Attendance) -> std::io::Result<()> {
    let name_w = a
        .persons
        .iter()
        .map(|p| p.person.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let muni_w = a
        .persons
        .iter()
        .map(|p| p.municipality.as_deref().unwrap_or("?").chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    writeln!(
        out,
        "{:<name_w$}  {:<muni_w$}  MEETINGS  ATTENDED  ABSENT  U/AFBUD  UNKNOWN  CHAIR  REFERENT   SHARE  WRITTEN AS",
        "PERSON", "MUNICIPALITY"
    )?;
    for p in &a.persons {
        writeln!(
            out,
            "{:<name_w$}  {:<muni_w$}  {:>8}  {:>8}  {:>6}  {:>7}  {:>7}  {:>5}  {:>8}  {:>5.1} %  {}",
            p.person,
            p.municipality.as_deref().unwrap_or("?"),
            p.meetings,
            p.attended,
            p.absent,
            p.absent_without_notice,
            p.unknown,
            p.chair,
            p.minute_taker,
            p.share * 100.0,
            p.names_as_written.join(", ")
        )?;
    }
    writeln!(
        out,
        "{} persons, {} meetings with lists; --csv or --json for one row per person and meeting",
        a.persons.len(),
        a.meetings
    )
}
