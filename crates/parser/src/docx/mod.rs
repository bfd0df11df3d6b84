//! The DOCX format reader: bytes to blocks.
//!
//! # Two parsers, each for what it does well
//!
//! The text is read by our own streaming reader over `quick-xml`
//! (`body`). docx-rs builds a full document model, but it panics on some
//! real files, skips footnotes, and its model does not say whether a content
//! control still shows its prompt, where a field's instruction ends and its
//! result begins, or which `mc:Choice`/`mc:Fallback` copy of a text box is
//! the real one — all of which decide what text belongs to the minutes.
//!
//! docx-rs reads the style sheet and the list definitions (`styles`): which
//! style is a heading of which level (by outline level, name or `basedOn`
//! chain) and which list levels are numbered from which start. Those calls run
//! under `catch_unwind`; if docx-rs fails, the text is still read, only
//! heading levels or list numbers are lost, and a warning says so.
//!
//! # Limits
//!
//! Every part is inflated through `package::Package`, which checks each
//! entry's declared and actual size (64 MiB for the main document, 16 MiB for
//! other parts, 256 MiB in all) and stops at the cap, so a zip bomb ends in
//! [`ReadError::TooLarge`]. XML nesting is capped at 1024 levels.

pub(crate) mod body;
pub(crate) mod numbering;
mod package;
pub(crate) mod placeholder;
mod properties;
pub(crate) mod styles;

use std::collections::HashSet;

use crate::budget::Deadline;
use crate::{Block, BlockDocument, Limits, ReadError};

use body::PartContext;
use numbering::ListCounters;
use package::{Package, MAX_DOCUMENT_BYTES, MAX_PART_BYTES};
use styles::StyleSheet;

pub use package::{MAX_DOCUMENT_BYTES as MAX_MAIN_PART_BYTES, MAX_TOTAL_BYTES};

/// Where the main document part lives unless the package relationships say otherwise.
const DEFAULT_MAIN_PART: &str = "word/document.xml";

/// Read a DOCX file's bytes into blocks in reading order: running headers
/// first (furniture), then the body, footnotes and endnotes, then running
/// footers (furniture).
///
/// Errors: not a ZIP archive or cut short → [`ReadError::Malformed`]; no main
/// document part → [`ReadError::Malformed`] ("no word/document.xml: not a
/// Word document"); a part inflating past its limit → [`ReadError::TooLarge`].
pub fn read(bytes: &[u8]) -> Result<BlockDocument, ReadError> {
    read_with(bytes, &Limits::default(), &Deadline::none())
}

/// [`read`] within limits: the package may inflate to
/// `limits.max_decompressed_bytes`, parts may nest `limits.max_depth`
/// elements deep, and [`ReadError::TimedOut`] once `deadline` passes.
pub fn read_with(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<BlockDocument, ReadError> {
    let mut package = Package::open(bytes, limits.max_decompressed_bytes)?;
    let main_part = main_part_name(&mut package)?;
    let document_xml = package
        .read(&main_part, MAX_DOCUMENT_BYTES)?
        .ok_or_else(|| ReadError::Malformed("no word/document.xml: not a Word document".into()))?;

    let mut doc = BlockDocument::default();
    let styles = match package.read("word/styles.xml", MAX_PART_BYTES)? {
        Some(xml) => styles::read_styles(&xml).unwrap_or_else(|warning| {
            doc.warnings.push(warning);
            StyleSheet::default()
        }),
        None => StyleSheet::default(),
    };
    let numbering = match package.read("word/numbering.xml", MAX_PART_BYTES)? {
        Some(xml) => styles::read_numbering(&xml).unwrap_or_else(|warning| {
            doc.warnings.push(warning);
            Default::default()
        }),
        None => Default::default(),
    };
    let mut lists = ListCounters::new(numbering);

    let headers = furniture_parts(&package, "header");
    let footers = furniture_parts(&package, "footer");
    let mut parts: Vec<(String, bool)> = headers.into_iter().map(|n| (n, true)).collect();
    parts.push((main_part.clone(), false));
    parts.push(("word/footnotes.xml".into(), false));
    parts.push(("word/endnotes.xml".into(), false));
    parts.extend(footers.into_iter().map(|n| (n, true)));

    let mut seen_furniture: HashSet<String> = HashSet::new();
    for (name, furniture) in parts {
        let owned;
        let xml: &[u8] = if name == main_part {
            &document_xml
        } else {
            match package.read(&name, MAX_PART_BYTES)? {
                Some(x) => {
                    owned = x;
                    &owned
                }
                None => continue,
            }
        };
        let ctx = PartContext {
            styles: &styles,
            lists: &mut lists,
            furniture,
            warnings: &mut doc.warnings,
            max_depth: limits.max_depth,
            deadline,
        };
        let blocks = match body::read_part(xml, &name, ctx) {
            Ok(blocks) => blocks,
            // Out of time is the whole file's end, not a part's.
            Err(e @ ReadError::TimedOut { .. }) => return Err(e),
            Err(e) if name != main_part => {
                doc.warnings.push(format!("{name} skipped: {e}"));
                continue;
            }
            Err(e) => return Err(e),
        };
        push_blocks(&mut doc.blocks, blocks, furniture, &mut seen_furniture);
    }

    crate::bold_headings::promote(&mut doc.blocks);
    if let Some(app) = package.read("docProps/app.xml", MAX_PART_BYTES)? {
        doc.producer = properties::producer(&app);
    }
    if let Some(core) = package.read("docProps/core.xml", MAX_PART_BYTES)? {
        doc.meta_title = properties::title(&core);
    }
    Ok(doc)
}

/// Append a part's blocks; the same running header on first, even and odd
/// pages is kept once.
fn push_blocks(
    out: &mut Vec<Block>,
    blocks: Vec<Block>,
    furniture: bool,
    seen: &mut HashSet<String>,
) {
    for block in blocks {
        if furniture && !seen.insert(block.text.clone()) {
            continue;
        }
        out.push(block);
    }
}

/// The main document part: the target of the package's `officeDocument`
/// relationship, else `word/document.xml`.
fn main_part_name(package: &mut Package<'_>) -> Result<String, ReadError> {
    if package.contains(DEFAULT_MAIN_PART) {
        return Ok(DEFAULT_MAIN_PART.into());
    }
    let target = package
        .read("_rels/.rels", MAX_PART_BYTES)?
        .and_then(|rels| office_document_target(&rels));
    match target {
        Some(t) if package.contains(&t) => Ok(t),
        _ => Err(ReadError::Malformed(
            "no word/document.xml: not a Word document".into(),
        )),
    }
}

fn office_document_target(rels: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let text = String::from_utf8_lossy(rels);
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let mut is_main = false;
                let mut target = None;
                for a in e.attributes().flatten() {
                    match a.key.local_name().as_ref() {
                        "Type" => is_main = a.value.ends_with("/officeDocument"),
                        "Target" => target = Some(a.value.trim_start_matches('/').to_owned()),
                        _ => {}
                    }
                }
                if is_main {
                    return target;
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// `word/header1.xml`, `word/header2.xml`, … in order.
fn furniture_parts(package: &Package<'_>, kind: &str) -> Vec<String> {
    let prefix = format!("word/{kind}");
    let mut names: Vec<String> = package
        .names()
        .iter()
        .filter(|n| {
            n.strip_prefix(&prefix)
                .is_some_and(|rest| rest.ends_with(".xml") && !rest.contains('/'))
        })
        .cloned()
        .collect();
    names.sort_by_key(|n| {
        let digits: String = n.chars().filter(char::is_ascii_digit).collect();
        (digits.parse::<u32>().unwrap_or(0), n.clone())
    });
    names
}
