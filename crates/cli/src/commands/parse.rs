//! `referat parse`: files to common-schema records on stdout.

use crate::args::ParseArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// Parse every file and print its record (or, with `--blocks`, the reader's
/// blocks) as one JSON object per line. A file that fails is reported on
/// stderr with its path and reason, and the rest go on.
pub fn run(args: &ParseArgs) -> Result<i32, CliError> {
    referat_archive::set_threads(args.threads);
    let (files, walk_errors) = referat_archive::walk::files(&args.paths);
    let mut failed = walk_errors.len();
    for e in &walk_errors {
        output::error(format!("{}: {}", e.path.display(), e.reason));
    }
    output::with_stdout(|out| {
        // In parallel, printed in input order.
        referat_archive::map_files(
            &files,
            |path| render(path, args),
            |_, result| {
                match result {
                    Ok(json) => writeln!(out, "{json}")?,
                    Err(message) => {
                        failed += 1;
                        output::error(message);
                    }
                }
                Ok(())
            },
        )
    })?;
    Ok(if failed > 0 { exit::PARTIAL } else { exit::OK })
}

fn render(path: &std::path::Path, args: &ParseArgs) -> Result<String, String> {
    if args.blocks {
        let limits = args.limits.limits();
        let bytes = referat_parser::read_file(path, &limits).map_err(|e| e.to_string())?;
        let (_, doc) =
            referat_parser::read_blocks_with(path, &bytes, &limits).map_err(|e| e.to_string())?;
        let blocks: Vec<serde_json::Value> = doc
            .blocks
            .iter()
            .map(|b| {
                serde_json::json!({
                    "kind": format!("{:?}", b.kind),
                    "text": b.text,
                    "page": b.page,
                    "furniture": b.furniture,
                })
            })
            .collect();
        let value = serde_json::json!({
            "path": path.display().to_string(),
            "pages": doc.pages,
            "producer": doc.producer,
            "warnings": doc.warnings,
            "blocks": blocks,
        });
        return to_json(&value, args.pretty);
    }
    if args.explain {
        let limits = args.limits.limits();
        let bytes = referat_parser::read_file(path, &limits).map_err(|e| e.to_string())?;
        let (record, explained) = referat_parser::parse_bytes_explained(path, &bytes, &limits)
            .map_err(|e| e.to_string())?;
        let mut value =
            serde_json::to_value(&record).map_err(|e| format!("cannot write JSON: {e}"))?;
        if let Some(object) = value.as_object_mut() {
            object.insert("explain".into(), explained);
        }
        return to_json(&value, args.pretty);
    }
    let record =
        referat_parser::parse_file_with(path, &args.limits.limits()).map_err(|e| e.to_string())?;
    to_json(&record, args.pretty)
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<String, String> {
    let r = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    r.map_err(|e| format!("cannot write JSON: {e}"))
}
