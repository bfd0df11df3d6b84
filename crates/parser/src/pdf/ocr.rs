//! Scanned pages: which need OCR, the image of each, and the recognised
//! words turned into positioned glyphs, so that lines, running headers,
//! hyphenation and structure come out as on a born-digital page.
//!
//! A page whose only content is one image gives that image to Tesseract as
//! it is stored: JPEG bytes (DCTDecode) unchanged, raw grey or RGB pixels
//! (FlateDecode or none) as a PNM. Any other page, or an image in a format
//! Tesseract cannot take (CCITT fax, JBIG2, JPEG 2000, indexed colour), is
//! rendered with Poppler's `pdftoppm` at 300 dpi: writing a PDF renderer
//! or those decoders is out of scope, and Poppler is the renderer every
//! Linux distribution ships (Debian `poppler-utils`).

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::interpreter::{Glyph, PageText};
use crate::budget::Deadline;
use crate::ocr::{self, OcrError, OcrMode, OcrPage};
use crate::{BlockDocument, Limits};

/// A page with fewer letters and digits than this has no text layer to
/// speak of (a page number, a stamp).
const MIN_LETTERS: usize = 16;
/// A page whose text is less than this share letters, digits, spaces and
/// common punctuation is garbage (a font without a usable encoding).
const MIN_PLAIN_SHARE: f32 = 0.7;
/// Images smaller than this (pixels per side) are logos and rules, not scans.
const MIN_SCAN_SIDE: i64 = 300;
/// Resolution of rendered pages: what Tesseract is trained for.
const RENDER_DPI: u32 = 300;

/// OCR the pages of `pages` (number, id) whose text in `texts` is missing,
/// invisible or garbage (or every page with an image, with
/// [`OcrMode::Always`]), replacing their text; say in `result` which pages
/// were OCR'd, with what confidence, and which could not be.
pub(crate) fn apply(
    doc: &Document,
    bytes: &[u8],
    pages: &[(u32, ObjectId)],
    texts: &mut [PageText],
    limits: &Limits,
    deadline: &Deadline,
    result: &mut BlockDocument,
) {
    let options = &limits.ocr;
    let wanted: Vec<usize> = pages
        .iter()
        .zip(texts.iter())
        .enumerate()
        .filter(|(_, ((_, id), text))| {
            has_image(doc, *id)
                && (options.mode == OcrMode::Always
                    || !usable_text(text)
                    || invisible(doc, *id, limits.max_decompressed_bytes))
        })
        .map(|(i, _)| i)
        .collect();
    if wanted.is_empty() {
        return;
    }
    let numbers = |idx: &[usize]| -> Vec<u32> {
        idx.iter()
            .filter_map(|&i| pages.get(i).map(|p| p.0))
            .collect()
    };
    let mut info = referat_schema::Ocr {
        pages: Vec::new(),
        confidence: None,
        missing: Vec::new(),
    };
    if options.mode == OcrMode::Never {
        info.missing = numbers(&wanted);
        result.warnings.push(format!(
            "{} scanned pages without a text layer were not OCR'd (OCR is off)",
            wanted.len()
        ));
        result.ocr = Some(info);
        return;
    }
    if let Err(e) = ocr::available(options) {
        info.missing = numbers(&wanted);
        result.warnings.push(format!(
            "{} scanned pages without a text layer need OCR, but {e}: {}",
            wanted.len(),
            ocr::INSTALL_HINT
        ));
        result.ocr = Some(info);
        return;
    }
    let pdf_hash = OnceLock::new();
    let outcomes = run_parallel(&wanted, |i| {
        let (number, id) = pages.get(i).copied().ok_or(OcrError::TimedOut)?;
        ocr_page(doc, bytes, &pdf_hash, number, id, limits, deadline)
    });
    let (mut words, mut confidence_sum) = (0usize, 0.0f64);
    let mut failures: Vec<String> = Vec::new();
    for (&i, outcome) in wanted.iter().zip(outcomes) {
        let (Some(&(number, _)), Some(text)) = (pages.get(i), texts.get_mut(i)) else {
            continue;
        };
        match outcome {
            Ok(page) => {
                words += page.words.len();
                confidence_sum += page
                    .words
                    .iter()
                    .map(|w| f64::from(w.confidence))
                    .sum::<f64>();
                *text = page_text(&page, text.width, text.height);
                info.pages.push(number);
            }
            Err(e) => {
                info.missing.push(number);
                failures.push(format!("page {number}: {e}"));
            }
        }
    }
    snap_sizes(texts, &wanted);
    if words > 0 {
        let mean = confidence_sum / words as f64;
        info.confidence = Some(((mean * 10.0).round() / 10.0) as f32);
    }
    if !failures.is_empty() {
        result.warnings.push(format!(
            "OCR did not read {} scanned pages: {}",
            failures.len(),
            failures.join("; ")
        ));
    }
    result.ocr = Some(info);
}

/// Run `job` for each index, on as many threads as there are cores (the
/// OCR engine's own slots bound the processes across files).
fn run_parallel<T: Send>(
    items: &[usize],
    job: impl Fn(usize) -> Result<T, OcrError> + Sync,
) -> Vec<Result<T, OcrError>> {
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(items.len())
        .max(1);
    let mut done: Vec<(usize, Result<T, OcrError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&item) = items.get(k) else { break };
                        out.push((k, job(item)));
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(k, _)| *k);
    let mut out: Vec<Result<T, OcrError>> = Vec::with_capacity(items.len());
    let mut done = done.into_iter().peekable();
    for k in 0..items.len() {
        match done.next_if(|(j, _)| *j == k) {
            Some((_, r)) => out.push(r),
            None => out.push(Err(OcrError::Failed("the OCR worker stopped".into()))),
        }
    }
    out
}

/// OCR one page: from the cache, its own image, or a rendering.
fn ocr_page(
    doc: &Document,
    bytes: &[u8],
    pdf_hash: &OnceLock<String>,
    number: u32,
    id: ObjectId,
    limits: &Limits,
    deadline: &Deadline,
) -> Result<OcrPage, OcrError> {
    let options = &limits.ocr;
    if let Some(image) = single_image(doc, id) {
        // The stored bytes name the image (a JPEG describes itself; raw
        // pixels also need the entries that decode them): a cache hit costs
        // a hash, not a decode.
        let mut key = ocr::image_key(&image.stream.content, &options.language);
        if !image.tag.ends_with("-DCTDecode") {
            key = format!("{key}-{}", image.tag);
        }
        if let Some(page) = ocr::cached(&key, options) {
            return Ok(page);
        }
        if let Some(input) = image.tesseract_input(limits.max_decompressed_bytes) {
            return ocr::recognize(&input, &key, options, deadline);
        }
    }
    let pdf_hash = pdf_hash.get_or_init(|| crate::content_hash(bytes));
    let key = format!(
        "{pdf_hash}-p{number}-{RENDER_DPI}dpi-{}-psm1",
        options.language
    );
    if let Some(page) = ocr::cached(&key, options) {
        return Ok(page);
    }
    let image = render(bytes, number, deadline)?;
    ocr::recognize(&image, &key, options, deadline)
}

/// Render one page to a grey PGM with pdftoppm.
fn render(bytes: &[u8], number: u32, deadline: &Deadline) -> Result<Vec<u8>, OcrError> {
    let page = number.to_string();
    let mut command = Command::new("pdftoppm");
    command.args([
        "-r",
        &RENDER_DPI.to_string(),
        "-gray",
        "-f",
        &page,
        "-l",
        &page,
        "-singlefile",
        "-",
    ]);
    ocr::run_piped(&mut command, bytes, deadline).map_err(|e| match e {
        OcrError::Failed(why) => OcrError::Failed(format!(
            "the page has no image Tesseract can read, and rendering it failed ({why}; apt-get install poppler-utils)"
        )),
        other => other,
    })
}

/// The OCR'd words as glyphs on a page of `width` × `height` points: the
/// image is taken to fill the page (a scan does). All words of a line share
/// one baseline and one font size, measured from the ink boxes (see
/// [`line_metrics`]), so the layout code groups and sizes them as it does
/// the glyphs of a born-digital page, and tells headings by their size.
fn page_text(page: &OcrPage, width: f32, height: f32) -> PageText {
    let mut out = PageText {
        width,
        height,
        ..PageText::default()
    };
    // Scans are often stored sideways on a rotated page: keep the image's
    // own orientation (the one Tesseract read), scaled to the page's size.
    let (w, h) = if (page.width > page.height) == (width > height) {
        (width, height)
    } else {
        (height, width)
    };
    out.width = w;
    out.height = h;
    let sx = w / page.width.max(1.0);
    let sy = h / page.height.max(1.0);
    for line in page.words.chunk_by(|a, b| a.line == b.line) {
        let (baseline, em) = line_metrics(line);
        for word in line {
            let Ok(len) = u16::try_from(word.text.len()) else {
                continue;
            };
            let start = u32::try_from(out.text.len()).unwrap_or(u32::MAX);
            out.text.push_str(&word.text);
            out.glyphs.push(Glyph {
                x: word.left * sx,
                y: baseline * sy,
                width: word.width * sx,
                size: (em * sy).max(1.0),
                bold: false,
                start,
                len,
            });
        }
    }
    out
}

/// A line's baseline and font size (em), in image pixels, from its words'
/// ink boxes. A box spans from the top of the word's tallest letter to the
/// bottom of its lowest: capitals, digits and ascenders reach about 0.72 em
/// above the baseline, a ring or accent on a lower-case letter ("å", "é")
/// about 0.8 em, other lower-case letters the x-height (about 0.52 em;
/// "t" about 0.66), and g, j, p, q, y descend about 0.21 em below it (the
/// proportions of the common office fonts, Arial/Liberation Sans and Times).
/// Each word so gives an estimate; the median is the line's. A line without
/// a usable word falls back on its box.
fn line_metrics(words: &[ocr::Word]) -> (f32, f32) {
    let mut ems: Vec<f32> = Vec::new();
    let mut shares: Vec<(f32, f32)> = Vec::new();
    for word in words {
        if let Some((above, below)) = ink_share(&word.text) {
            ems.push(word.height / (above + below));
            shares.push((word.top + word.height, below));
        }
    }
    let [_, top, _, line_height] = words.first().map_or([0.0; 4], |w| w.line);
    let Some(em) = median(&mut ems) else {
        return (top + line_height * 0.8, line_height * 0.8);
    };
    let mut baselines: Vec<f32> = shares
        .iter()
        .map(|(bottom, below)| bottom - below * em)
        .collect();
    let baseline = median(&mut baselines).unwrap_or(top + line_height * 0.8);
    (baseline, em)
}

/// How far a word's ink reaches above and below the baseline, in ems;
/// `None` for a word without letters or digits.
fn ink_share(text: &str) -> Option<(f32, f32)> {
    let mut above: Option<f32> = None;
    let mut below = 0.0f32;
    for c in text.chars() {
        let reach = match c {
            'Å' | 'É' | 'Ä' | 'Ö' | 'Ü' => 0.9,
            c if c.is_uppercase() || c.is_ascii_digit() => 0.72,
            'å' | 'é' | 'á' | 'è' => 0.8,
            'ä' | 'ö' | 'ü' => 0.75,
            'b' | 'd' | 'f' | 'h' | 'k' | 'l' | 'i' | 'j' => 0.72,
            '(' | ')' | '[' | ']' | '/' => 0.72,
            't' => 0.66,
            c if c.is_alphabetic() => 0.52,
            _ => continue,
        };
        if matches!(c, 'g' | 'j' | 'p' | 'q' | 'y' | '(' | ')' | '[' | ']') {
            below = 0.21;
        }
        above = Some(above.map_or(reach, |a: f32| a.max(reach)));
    }
    above.map(|a| (a, below))
}

/// Sizes measured from ink vary by a few percent from line to line where
/// the type is one size: sizes of the OCR'd pages (`which`) within
/// [`SAME_SIZE`] of each other are set to their group's median, so that the
/// layout sees one body size and one size per heading level, as it does on
/// born-digital pages.
fn snap_sizes(texts: &mut [PageText], which: &[usize]) {
    let mut sizes: Vec<f32> = which
        .iter()
        .filter_map(|&i| texts.get(i))
        .flat_map(|t| t.glyphs.iter().map(|g| g.size))
        .collect();
    sizes.sort_by(f32::total_cmp);
    let mut groups: Vec<(f32, f32, f32)> = Vec::new();
    for group in sizes.chunk_by(|a, b| b <= &(a * SAME_SIZE)) {
        if let (Some(&lo), Some(&hi), Some(&mid)) =
            (group.first(), group.last(), group.get(group.len() / 2))
        {
            groups.push((lo, hi, mid));
        }
    }
    for &i in which {
        let Some(text) = texts.get_mut(i) else {
            continue;
        };
        for g in &mut text.glyphs {
            if let Some(&(_, _, mid)) = groups
                .iter()
                .find(|(lo, hi, _)| (*lo..=*hi).contains(&g.size))
            {
                g.size = mid;
            }
        }
    }
}

/// Two measured sizes closer than this ratio are one type size.
const SAME_SIZE: f32 = 1.06;

fn median(values: &mut [f32]) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    let n = values.len();
    let upper = *values.get(n / 2)?;
    Some(match n % 2 {
        0 => (upper + values.get(n / 2 - 1).copied().unwrap_or(upper)) / 2.0,
        _ => upper,
    })
}

/// Whether the page's text layer has enough plain text to be read as it is.
fn usable_text(text: &PageText) -> bool {
    let mut letters = 0usize;
    let mut plain = 0usize;
    let mut total = 0usize;
    for c in text.text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c.is_alphanumeric() {
            letters += 1;
            plain += 1;
        } else if ".,;:-–()/§%&'\"!?*+=".contains(c) {
            plain += 1;
        }
    }
    letters >= MIN_LETTERS && plain as f32 >= MIN_PLAIN_SHARE * total as f32
}

/// Whether all the page's text is drawn invisible (render mode 3), as an
/// OCR layer laid over a scan is.
fn invisible(doc: &Document, id: ObjectId, max_bytes: u64) -> bool {
    let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let Ok(content) = doc.get_page_content_with_limit(id, limit) else {
        return false;
    };
    let Ok(ops) = lopdf::content::Content::decode(&content) else {
        return false;
    };
    let mut modes = ops
        .operations
        .iter()
        .filter(|op| op.operator == "Tr")
        .filter_map(|op| op.operands.first().and_then(|o| o.as_i64().ok()));
    let first = modes.next();
    first == Some(3) && modes.all(|m| m == 3)
}

/// The page's image XObjects (its own resources), as (id, dictionary).
fn images(doc: &Document, id: ObjectId) -> Vec<(ObjectId, &lopdf::Stream)> {
    let Ok((own, inherited)) = doc.get_page_resources(id) else {
        return Vec::new();
    };
    let mut dicts: Vec<&Dictionary> = own.into_iter().collect();
    dicts.extend(inherited.iter().filter_map(|r| doc.get_dictionary(*r).ok()));
    let mut out = Vec::new();
    for res in dicts {
        let Ok(xobjects) = res.get(b"XObject").and_then(|o| doc.dereference(o)) else {
            continue;
        };
        let Ok(xobjects) = xobjects.1.as_dict() else {
            continue;
        };
        for (_, value) in xobjects.iter() {
            let Ok(xid) = value.as_reference() else {
                continue;
            };
            let Ok(stream) = doc.get_object(xid).and_then(Object::as_stream) else {
                continue;
            };
            let is_image = stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Image");
            if is_image
                && dim(&stream.dict, b"Width") >= MIN_SCAN_SIDE
                && dim(&stream.dict, b"Height") >= MIN_SCAN_SIDE
            {
                out.push((xid, stream));
            }
        }
    }
    out.sort_by_key(|(xid, _)| *xid);
    out.dedup_by_key(|(xid, _)| *xid);
    out
}

fn dim(dict: &Dictionary, key: &[u8]) -> i64 {
    dict.get(key).and_then(Object::as_i64).unwrap_or(0)
}

fn has_image(doc: &Document, id: ObjectId) -> bool {
    !images(doc, id).is_empty()
}

/// A page's one image XObject.
struct PageImage<'d> {
    stream: &'d lopdf::Stream,
    /// Its filters, size, depth and colour space, for the cache key.
    tag: String,
}

/// The page's one image, if the page is one image.
fn single_image(doc: &Document, id: ObjectId) -> Option<PageImage<'_>> {
    let images = images(doc, id);
    let [(_, stream)] = images.as_slice() else {
        return None;
    };
    let dict = &stream.dict;
    let filters = filters(dict)
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect::<Vec<_>>()
        .join("+");
    let space = match dict.get(b"ColorSpace") {
        Ok(Object::Name(n)) => String::from_utf8_lossy(n).into_owned(),
        _ => "other".into(),
    };
    let tag = format!(
        "{}x{}-{}bpc-{space}-{filters}",
        dim(dict, b"Width"),
        dim(dict, b"Height"),
        dim(dict, b"BitsPerComponent")
    );
    Some(PageImage { stream, tag })
}

fn filters(dict: &Dictionary) -> Vec<Vec<u8>> {
    match dict.get(b"Filter").ok() {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    }
}

impl PageImage<'_> {
    /// The image in a form Tesseract reads: JPEG as stored, raw pixels as
    /// a PNM; `None` for other encodings (the page is then rendered).
    fn tesseract_input(&self, max_bytes: u64) -> Option<Vec<u8>> {
        let dict = &self.stream.dict;
        match filters(dict).as_slice() {
            [f] if f == b"DCTDecode" => Some(self.stream.content.clone()),
            [] => pnm(dict, self.stream.content.clone()),
            [f] if f == b"FlateDecode" => {
                let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
                pnm(
                    dict,
                    self.stream.decompressed_content_with_limit(limit).ok()?,
                )
            }
            _ => None,
        }
    }
}

/// Raw pixels as a PNM: 8-bit grey (PGM), 8-bit RGB (PPM) or 1-bit (PBM).
fn pnm(dict: &Dictionary, pixels: Vec<u8>) -> Option<Vec<u8>> {
    let (w, h) = (dim(dict, b"Width"), dim(dict, b"Height"));
    let bpc = dim(dict, b"BitsPerComponent");
    let components = match dict.get(b"ColorSpace").ok()? {
        Object::Name(n) if n == b"DeviceGray" || n == b"CalGray" => 1,
        Object::Name(n) if n == b"DeviceRGB" || n == b"CalRGB" => 3,
        _ => return None,
    };
    let (magic, row_bytes) = match (bpc, components) {
        (8, 1) => ("P5", w),
        (8, 3) => ("P6", w * 3),
        (1, 1) => ("P4", (w + 7) / 8),
        _ => return None,
    };
    let size = usize::try_from(row_bytes.checked_mul(h)?).ok()?;
    let mut data = pixels;
    if data.len() < size {
        return None;
    }
    data.truncate(size);
    if magic == "P4" {
        // PDF grey: 0 is black; PBM: 1 is black.
        for b in &mut data {
            *b = !*b;
        }
    }
    let header = if magic == "P4" {
        format!("{magic}\n{w} {h}\n")
    } else {
        format!("{magic}\n{w} {h}\n255\n")
    };
    let mut out = header.into_bytes();
    out.extend_from_slice(&data);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, top: f32, height: f32) -> ocr::Word {
        ocr::Word {
            text: text.into(),
            left: 0.0,
            top,
            width: 10.0,
            height,
            confidence: 90.0,
            line: [0.0, 100.0, 500.0, 60.0],
        }
    }

    #[test]
    fn a_line_without_descenders_has_the_size_of_one_with_them() {
        // 40 px em, baseline at y = 140: "Emner" reaches 0.72 em up, "og"
        // from the x-height down 0.21 em, "typisk" both ways.
        let plain = [word("Emner", 140.0 - 28.8, 28.8)];
        let mixed = [
            word("typisk", 140.0 - 28.8, 28.8 + 8.4),
            word("og", 140.0 - 20.8, 20.8 + 8.4),
        ];
        let (b1, em1) = line_metrics(&plain);
        let (b2, em2) = line_metrics(&mixed);
        assert!(
            (em1 - 40.0).abs() < 0.5 && (em2 - 40.0).abs() < 0.5,
            "{em1} {em2}"
        );
        assert!(
            (b1 - 140.0).abs() < 0.5 && (b2 - 140.0).abs() < 0.5,
            "{b1} {b2}"
        );
    }
}
