//! `referat show MEETING_ID`: a meeting with its documents, renditions and
//! the items of its best document (the minutes, where there are any).

use referat_archive::{Archive, Meeting};

use crate::args::ShowArgs;
use crate::commands::show::print_item;
use crate::error::CliError;
use crate::output::{self, exit};

/// Print the meeting as text, or with `--json` the meeting and the record
/// of its best document.
pub fn show(archive: &Archive, meeting: &Meeting, args: &ShowArgs) -> Result<i32, CliError> {
    // The minutes win: documents are listed minutes first.
    let view = archive.view_of(meeting.clone())?;
    let best = &view.record;
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
            writeln!(out, "  {:<10} [{}] {}", d.kind, d.document_id, d.doc_type)?;
            for r in &d.renditions {
                for p in &r.paths {
                    writeln!(out, "    {:<4} [{}] {}", r.format, r.doc_id, p)?;
                }
            }
        }
        if let Some(record) = best {
            for item in &record.items {
                writeln!(out)?;
                print_item(out, item)?;
            }
        }
        Ok(())
    })?;
    Ok(exit::OK)
}
