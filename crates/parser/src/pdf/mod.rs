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
mod font_program;
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
        // Glyphs were drawn but none could be read: the text is there and
        // lost to its fonts, which OCR of a scan would not explain.
        result.warnings.push(if unknown > 0 {
            format!("no text found: the PDF has a text layer, but its {unknown} glyphs have no Unicode mapping (fonts without ToUnicode or known glyph names); it is not a scan")
        } else {
            "no text found: the PDF may be scanned images without a text layer".into()
        });
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
/// when that works (lopdf tries it while loading; [`with_empty_id`] covers
/// files without `/ID`). A file whose `%PDF-` header is missing, as readers
/// tolerate (the content sniffer accepts it by its objects and trailer), is
/// read as if the header were there.
fn load(bytes: &[u8]) -> Result<Document, ReadError> {
    let headerless = !bytes
        .get(..bytes.len().min(1024))
        .unwrap_or_default()
        .windows(5)
        .any(|w| w == b"%PDF-");
    let mut owned;
    let mut bytes = bytes;
    if headerless {
        owned = b"%PDF-1.7\n".to_vec();
        owned.extend_from_slice(bytes);
        bytes = &owned;
    }
    let mut doc = load_mem(bytes)?;
    if doc.is_encrypted() && !doc.was_encrypted() && doc.trailer.get(b"ID").is_err() {
        if let Some(patched) = with_empty_id(bytes) {
            owned = patched;
            doc = load_mem(&owned)?;
        }
    }
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(ReadError::Encrypted);
    }
    if doc.get_pages().is_empty() {
        return Err(ReadError::Malformed("the document has no pages".into()));
    }
    Ok(doc)
}

fn load_mem(bytes: &[u8]) -> Result<Document, ReadError> {
    match Document::load_mem(bytes) {
        Ok(doc) => Ok(doc),
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            Err(ReadError::Encrypted)
        }
        Err(e) => Err(ReadError::Malformed(format!("lopdf cannot parse it: {e}"))),
    }
}

/// The file key of the standard security handler mixes in the first `/ID`
/// string; poppler and pdf.js read a file without `/ID` with an empty one.
/// The bytes with `/ID [<> <>]` written into the last trailer dictionary,
/// or the last cross-reference stream's dictionary (both come after every
/// offset they list, and a stream's /Length counts only its data, so no
/// offset moves); `None` when there is neither.
fn with_empty_id(bytes: &[u8]) -> Option<Vec<u8>> {
    let trailer = bytes.windows(7).rposition(|w| w == b"trailer");
    let xref_stream = bytes.windows(5).rposition(|w| w == b"/XRef");
    let open = match (trailer, xref_stream) {
        (Some(t), x) if x.is_none_or(|x| t > x) => {
            t + 7 + bytes.get(t + 7..)?.windows(2).position(|w| w == b"<<")?
        }
        (_, Some(x)) => bytes.get(..x)?.windows(2).rposition(|w| w == b"<<")?,
        _ => return None,
    };
    let mut patched = Vec::with_capacity(bytes.len() + 16);
    patched.extend_from_slice(bytes.get(..open + 2)?);
    patched.extend_from_slice(b" /ID [<> <>] ");
    patched.extend_from_slice(bytes.get(open + 2..)?);
    Some(patched)
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
