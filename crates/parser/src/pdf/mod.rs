//! The PDF format reader: bytes to blocks.
//!
//! lopdf parses the file; everything from the content streams on is ours:
//! [`interpreter`] runs each page's operators and records glyph positions
//! (decoding text through [`font`]), [`layout`] groups glyphs into words and
//! lines, [`furniture`] flags running headers and footers across pages,
//! [`columns`] puts two-column pages in reading order, and
//! [`assemble`] turns lines into headings, paragraphs, list items, table rows
//! ([`tables`]) and table-of-contents entries, joining hyphenated words
//! ([`hyphenation`]).

mod assemble;
mod cmap;
mod columns;
mod content;
mod encoding;
mod font;
mod furniture;
mod glyph_list;
mod hyphenation;
mod interpreter;
mod layout;
mod ocr;
mod std_fonts;
mod tables;

use lopdf::{Document, Object};

use crate::budget::Deadline;
use crate::{BlockDocument, Limits, ReadError};

/// Most pages read by default ([`Limits::max_pages`]); the rest of a longer
/// file is skipped with a warning.
pub const MAX_PAGES: usize = 5_000;

/// Read a PDF file's bytes into blocks in reading order.
///
/// Fonts are decoded through their ToUnicode CMaps, encodings and glyph
/// names; glyphs that map to no text are dropped and counted in the
/// warnings. Running headers and footers are kept, flagged as furniture.
pub fn read(bytes: &[u8]) -> Result<BlockDocument, ReadError> {
    read_with(bytes, &Limits::default(), &Deadline::none())
}

/// [`read`] within limits: `limits.max_pages` pages at most, content
/// streams up to `limits.max_decompressed_bytes`, and
/// [`ReadError::TimedOut`] once `deadline` passes.
pub fn read_with(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<BlockDocument, ReadError> {
    let doc = load(bytes)?;
    deadline.check()?;
    let max_pages = limits.max_pages;
    let mut result = BlockDocument::default();
    let info = info_dict(&doc);
    result.producer = info.and_then(|i| info_text(&doc, i, b"Producer"));
    result.meta_title = info.and_then(|i| info_text(&doc, i, b"Title"));

    let (pages, repeated) = distinct_pages(&doc);
    if repeated > 0 {
        result.warnings.push(format!(
            "the page tree reached {repeated} pages more than once (a cycle or repeated kids); each was read once"
        ));
    }
    result.pages = u32::try_from(pages.len()).ok();
    if pages.len() > max_pages {
        result.warnings.push(format!(
            "only the first {max_pages} of {} pages were read (the page limit)",
            pages.len()
        ));
    }
    let mut interpreter = interpreter::Interpreter::new(&doc, limits, *deadline);
    let mut texts = Vec::with_capacity(pages.len().min(max_pages));
    let (mut unknown, mut rotated) = (0u64, 0u64);
    for &(number, id) in pages.iter().take(max_pages) {
        deadline.check()?;
        let page = interpreter.run_page(id);
        deadline.check()?;
        unknown += u64::from(page.unknown_glyphs);
        rotated += u64::from(page.rotated_glyphs);
        if let Some(why) = page.truncated {
            result.warnings.push(format!("page {number}: {why}"));
        }
        texts.push(page);
    }
    // Scanned pages get their text from OCR, which may use most of what is
    // left of the time budget, not all of it.
    let ocr_deadline = deadline.share_of_rest(0.9);
    ocr::apply(
        &doc,
        bytes,
        &pages,
        &mut texts,
        limits,
        &ocr_deadline,
        &mut result,
    );
    let mut page_lines = Vec::with_capacity(texts.len());
    let mut heights = Vec::with_capacity(texts.len());
    for (page, &(number, _)) in texts.iter().zip(&pages) {
        heights.push(page.height);
        page_lines.push(layout::lines(page, number));
    }
    if unknown > 0 {
        result.warnings.push(format!(
            "{unknown} glyphs had no Unicode mapping and were dropped"
        ));
    }
    if rotated > 0 {
        result
            .warnings
            .push(format!("{rotated} rotated or vertical glyphs were skipped"));
    }
    furniture::mark(&mut page_lines, &heights);
    let page_lines: Vec<Vec<layout::Line>> =
        page_lines.into_iter().map(columns::reading_order).collect();
    let typography = assemble::Typography::measure(&page_lines);
    for lines in &page_lines {
        assemble::page_blocks(lines, &typography, &mut result.blocks);
    }
    assemble::join_across_pages(&mut result.blocks);
    if result.blocks.iter().all(|b| b.furniture) && !pages.is_empty() {
        result
            .warnings
            .push("no text found: the PDF may be scanned images without a text layer".into());
    }
    Ok(result)
}

/// The document's pages in order, each page object once, numbered from 1,
/// and how many repeats were dropped. A hostile page tree can list the same
/// page again and again (a cycle, or ten kids pointing at one node on each of
/// nine levels): lopdf stops such a walk after as many steps as the file has
/// objects, but every repeat would otherwise be read again, and text on
/// "every page" would then be taken for a running header.
fn distinct_pages(doc: &Document) -> (Vec<(u32, lopdf::ObjectId)>, usize) {
    let mut seen = std::collections::HashSet::new();
    let mut repeated = 0;
    let mut pages = Vec::new();
    for id in doc.page_iter() {
        if seen.insert(id) {
            pages.push((u32::try_from(pages.len() + 1).unwrap_or(u32::MAX), id));
        } else {
            repeated += 1;
        }
    }
    (pages, repeated)
}

/// Parse the file; an encrypted one is opened with the empty user password
/// when that works (lopdf tries it while loading).
fn load(bytes: &[u8]) -> Result<Document, ReadError> {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            return Err(ReadError::Encrypted)
        }
        Err(e) => return Err(ReadError::Malformed(format!("lopdf cannot parse it: {e}"))),
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(ReadError::Encrypted);
    }
    if doc.get_pages().is_empty() {
        return Err(ReadError::Malformed("the document has no pages".into()));
    }
    Ok(doc)
}

fn info_dict(doc: &Document) -> Option<&lopdf::Dictionary> {
    let info = doc.trailer.get(b"Info").ok()?;
    doc.dereference(info).ok()?.1.as_dict().ok()
}

/// A text string of the Info dictionary: UTF-16BE with a BOM, UTF-8 with a
/// BOM, or PDFDocEncoding.
fn info_text(doc: &Document, info: &lopdf::Dictionary, key: &[u8]) -> Option<String> {
    let obj = doc.dereference(info.get(key).ok()?).ok()?.1;
    let text = match lopdf::decode_text_string(obj) {
        Ok(t) => t,
        Err(_) => match obj {
            Object::String(bytes, _) => match bytes.strip_prefix(b"\xFE\xFF") {
                Some(utf16) => {
                    let units: Vec<u16> = utf16
                        .chunks_exact(2)
                        .filter_map(|c| match *c {
                            [a, b] => Some(u16::from_be_bytes([a, b])),
                            _ => None,
                        })
                        .collect();
                    char::decode_utf16(units).flatten().collect()
                }
                None => encoding::decode_pdfdoc(bytes),
            },
            _ => return None,
        },
    };
    let text = crate::text::normalize(&text);
    (!text.is_empty()).then_some(text)
}
