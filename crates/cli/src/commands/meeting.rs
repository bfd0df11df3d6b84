//! `referat show MEETING_ID`: a meeting with its documents, renditions and
//! its agenda items (the minutes' items, then those the minutes lack from
//! the agenda and single-item exports).

use referat_archive::{Archive, Meeting};

use crate::args::ShowArgs;
use crate::commands::show::print_item;
use crate::error::CliError;
use crate::output::{self, exit};

/// Print the meeting as text, or with `--json` the meeting (its items
/// filled in) and the record of its best document.
pub fn show(archive: &Archive, meeting: &Meeting, args: &ShowArgs) -> Result<i32, CliError> {
    // The minutes win: documents are listed minutes first.
    let view = archive.view_of(meeting.clone())?;
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &view)?;
            return writeln!(out);
        }
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
        writeln!(out, "meeting:       {}", meeting.meeting_id)?;
        writeln!(out, "municipality:  {}", opt(&meeting.municipality))?;
        writeln!(out, "body:          {}", opt(&meeting.body))?;
        writeln!(
            out,
            "date:          {} {}",
            opt(&meeting.date),
            meeting.start_time.as_deref().unwrap_or("")
        )?;
        writeln!(out, "documents:")?;
        for d in &meeting.documents {
            writeln!(
                out,
                "  {:<10} [{}] {}",
                d.kind.as_str(),
                d.document_id,
                d.doc_type.as_str()
            )?;
            for r in &d.renditions {
                for p in &r.paths {
                    writeln!(out, "    {:<4} [{}] {}", r.format.as_str(), r.doc_id, p)?;
                }
            }
        }
        for item in &view.meeting.items {
            writeln!(out)?;
            print_item(out, &item.item)?;
        }
        Ok(())
    })?;
    Ok(exit::OK)
}
