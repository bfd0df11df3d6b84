//! Fonts as the text extractor needs them: how to split a string into
//! character codes, each code's width and its Unicode text.

use lopdf::{Dictionary, Document, Object};
use rustc_hash::FxHashMap;

use super::cmap::CMap;
use super::encoding::BaseEncoding;
use super::font_program::{cid_to_gid_map, Program};
use super::glyph_list::{glyph_name_char, push_glyph_name};
use super::std_fonts::standard_width;

/// Largest stream (ToUnicode, embedded CMap) decoded for a font.
const MAX_FONT_STREAM: usize = 8 * 1024 * 1024;
/// Most entries read from a `/W` array.
const MAX_WIDTH_ENTRIES: usize = 100_000;

/// A loaded font.
#[derive(Debug)]
pub(crate) struct Font {
    /// Bold by name, weight or flags: used to tell headings from body text.
    pub(crate) bold: bool,
    /// One or two bytes per code (more only with an embedded CMap).
    composite: bool,
    /// The font's encoding CMap when it is embedded (code lengths).
    encoding_cmap: Option<CMap>,
    to_unicode: Option<CMap>,
    /// Simple fonts: the text of each code by the font's encoding.
    simple_text: Vec<String>,
    /// Simple fonts: glyph widths in text-space units (em = 1).
    simple_widths: Vec<f32>,
    /// Composite fonts with an Identity encoding and no ToUnicode: the text
    /// of each CID by the embedded TrueType program.
    cid_text: FxHashMap<u32, char>,
    /// Composite fonts: (first CID, last CID, width) sorted by first CID.
    cid_widths: Vec<(u32, u32, f32)>,
    default_width: f32,
}

/// One character code read from a string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Code {
    /// The code's value.
    pub(crate) value: u32,
    /// Its advance in text-space units (fraction of the font size).
    pub(crate) width: f32,
    /// A one-byte code 32, which word spacing (Tw) applies to.
    pub(crate) is_space_byte: bool,
}

impl Font {
    /// A font for a name that resolves to nothing: Helvetica metrics, Latin-1.
    pub(crate) fn fallback() -> Font {
        Font::from_dict(&Document::new(), &Dictionary::new())
    }

    /// Load a font dictionary. Never fails: what is missing is approximated.
    pub(crate) fn from_dict(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = name_of(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        let base_font = name_of(doc, dict.get(b"BaseFont").ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let to_unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(font_stream)
            .map(|data| CMap::parse(&data))
            .filter(CMap::has_mappings);
        let mut font = Font {
            bold: false,
            composite: subtype == b"Type0",
            encoding_cmap: None,
            to_unicode,
            simple_text: Vec::new(),
            simple_widths: Vec::new(),
            cid_text: FxHashMap::default(),
            cid_widths: Vec::new(),
            default_width: 0.0,
        };
        let mut descriptor =
            deref(doc, dict.get(b"FontDescriptor").ok()).and_then(|o| o.as_dict().ok());
        if font.composite {
            let descendant = deref(doc, dict.get(b"DescendantFonts").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| deref(doc, a.first()))
                .and_then(|o| o.as_dict().ok());
            if let Some(cid_font) = descendant {
                descriptor =
                    deref(doc, cid_font.get(b"FontDescriptor").ok()).and_then(|o| o.as_dict().ok());
                font.default_width =
                    number(doc, cid_font.get(b"DW").ok()).unwrap_or(1000.0) / 1000.0;
                font.cid_widths = cid_widths(doc, cid_font.get(b"W").ok());
                // Identity-H/V without ToUnicode: codes are CIDs, and the
                // TrueType program maps their glyphs to Unicode.
                let identity = name_of(doc, dict.get(b"Encoding").ok())
                    .is_some_and(|n| n.starts_with(b"Identity"));
                if identity
                    && font.to_unicode.is_none()
                    && name_of(doc, cid_font.get(b"Subtype").ok()) == Some(b"CIDFontType2")
                {
                    if let Some(program) = descriptor.and_then(|d| Program::of(doc, d)) {
                        font.cid_text = program.cid_text(cid_to_gid_map(doc, cid_font).as_deref());
                    }
                }
            } else {
                font.default_width = 1.0;
            }
            if let Some(stream) =
                deref(doc, dict.get(b"Encoding").ok()).and_then(|o| o.as_stream().ok())
            {
                if let Some(data) = font_stream(stream) {
                    let cmap = CMap::parse(&data);
                    if cmap.has_codespace() {
                        font.encoding_cmap = Some(cmap);
                    }
                }
            }
        } else {
            font.load_simple(doc, dict, subtype, &base_font, descriptor);
        }
        font.bold = is_bold(doc, &base_font, descriptor);
        font
    }

    fn load_simple(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        subtype: &[u8],
        base_font: &str,
        descriptor: Option<&Dictionary>,
    ) {
        let symbolic = descriptor
            .and_then(|d| number(doc, d.get(b"Flags").ok()))
            .is_some_and(|f| (f as i64) & 4 != 0);
        let encoding = deref(doc, dict.get(b"Encoding").ok());
        let named_base = encoding
            .and_then(|e| e.as_name().ok())
            .and_then(BaseEncoding::from_name);
        let dict_base = encoding
            .and_then(|e| e.as_dict().ok())
            .and_then(|d| name_of(doc, d.get(b"BaseEncoding").ok()))
            .and_then(BaseEncoding::from_name);
        let base = named_base
            .or(dict_base)
            .unwrap_or(if subtype == b"Type1" && !symbolic {
                BaseEncoding::Standard
            } else {
                BaseEncoding::WinAnsi
            });
        self.simple_text = (0..=255u8)
            .map(|code| base.char_for(code).map(String::from).unwrap_or_default())
            .collect();
        // Without a ToUnicode map, the embedded program is read for what the
        // PDF leaves open: loaded once, only when needed.
        let mut loaded: Option<Option<Program>> = self.to_unicode.is_some().then_some(None);
        let program = |loaded: &mut Option<Option<Program>>| {
            if loaded.is_none() {
                *loaded = Some(descriptor.and_then(|d| Program::of(doc, d)));
            }
        };
        // Without a named base encoding, the program's own encoding is the
        // base (PDF 32000-1, 9.6.6 and table 114).
        if named_base.is_none() && dict_base.is_none() {
            program(&mut loaded);
            if let Some(Some(program)) = &loaded {
                for (code, text) in program.builtin_text(symbolic) {
                    if let Some(slot) = self.simple_text.get_mut(usize::from(code)) {
                        *slot = text;
                    }
                }
            }
        }
        // Glyph names from /Differences override the base encoding.
        let mut names: Vec<Option<Vec<u8>>> = vec![None; 256];
        let mut unnamed: Vec<(u8, Vec<u8>)> = Vec::new();
        if let Some(diffs) = encoding
            .and_then(|e| e.as_dict().ok())
            .and_then(|d| deref(doc, d.get(b"Differences").ok()))
            .and_then(|o| o.as_array().ok())
        {
            let mut code: i64 = 0;
            for item in diffs.iter().take(4096) {
                match deref(doc, Some(item)) {
                    Some(Object::Integer(i)) => code = *i,
                    Some(Object::Real(r)) => code = *r as i64,
                    Some(Object::Name(name)) => {
                        if let Some(slot) = usize::try_from(code)
                            .ok()
                            .and_then(|c| self.simple_text.get_mut(c))
                        {
                            let mut text = String::new();
                            if push_glyph_name(name, &mut text) {
                                *slot = text;
                            } else if let Some(c) = numeric_glyph_name(name, code) {
                                // The name carries the code itself: keep
                                // the base encoding's text for it.
                                if c != NumericName::OwnCode {
                                    slot.clear();
                                    if let NumericName::CodePoint(c) = c {
                                        slot.push(c);
                                    }
                                } else if slot.is_empty() {
                                    if let Some(c) = u8::try_from(code)
                                        .ok()
                                        .and_then(|b| BaseEncoding::WinAnsi.char_for(b))
                                    {
                                        slot.push(c);
                                    }
                                }
                            } else if !name.starts_with(b"space") {
                                slot.clear();
                                if let Ok(c) = u8::try_from(code) {
                                    unnamed.push((c, name.clone()));
                                }
                            }
                        }
                        if let Some(slot) =
                            usize::try_from(code).ok().and_then(|c| names.get_mut(c))
                        {
                            *slot = Some(name.clone());
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        // Names that are no Adobe names: the program may know the glyph.
        if !unnamed.is_empty() {
            program(&mut loaded);
            if let Some(Some(program)) = &loaded {
                for (code, text) in program.text_of_names(&unnamed) {
                    if let Some(slot) = self.simple_text.get_mut(usize::from(code)) {
                        *slot = text;
                    }
                }
            }
        }
        // Widths: /Widths from /FirstChar, else /MissingWidth, else the
        // standard-14 metrics by character.
        let scale = font_matrix_scale(doc, dict);
        let first = number(doc, dict.get(b"FirstChar").ok()).unwrap_or(0.0) as i64;
        let missing = descriptor.and_then(|d| number(doc, d.get(b"MissingWidth").ok()));
        let widths = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok());
        self.simple_widths = vec![f32::NAN; 256];
        if let Some(widths) = widths {
            for (i, w) in widths.iter().enumerate().take(256) {
                let code = first + i as i64;
                if let (Some(slot), Some(w)) = (
                    usize::try_from(code)
                        .ok()
                        .and_then(|c| self.simple_widths.get_mut(c)),
                    number(doc, Some(w)),
                ) {
                    *slot = w * scale;
                }
            }
        }
        let have_widths = widths.is_some();
        for code in 0..256usize {
            let Some(slot) = self.simple_widths.get_mut(code) else {
                continue;
            };
            if slot.is_finite() {
                continue;
            }
            let by_metrics = if have_widths {
                None
            } else {
                let c = names
                    .get(code)
                    .and_then(|n| n.as_deref())
                    .and_then(glyph_name_char)
                    .or_else(|| self.simple_text.get(code).and_then(|t| t.chars().next()));
                c.and_then(|c| standard_width(base_font, c))
                    .map(|w| w / 1000.0)
            };
            *slot = by_metrics
                .or(missing.map(|m| m * scale))
                .unwrap_or(if have_widths { 0.0 } else { 0.5 });
        }
    }

    /// Split a string operand into codes with their widths.
    pub(crate) fn codes<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = Code> + 'a {
        let mut pos = 0usize;
        std::iter::from_fn(move || {
            let rest = bytes.get(pos..).filter(|r| !r.is_empty())?;
            let len = if self.composite {
                self.encoding_cmap
                    .as_ref()
                    .and_then(|c| c.code_len(rest))
                    .unwrap_or(2)
                    .min(rest.len())
            } else {
                1
            };
            let value = rest
                .iter()
                .take(len)
                .fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
            pos += len.max(1);
            let width = if self.composite {
                self.cid_width(value)
            } else {
                usize::try_from(value)
                    .ok()
                    .and_then(|v| self.simple_widths.get(v))
                    .copied()
                    .unwrap_or(0.5)
            };
            Some(Code {
                value,
                width,
                is_space_byte: len == 1 && value == 32,
            })
        })
    }

    fn cid_width(&self, cid: u32) -> f32 {
        let i = self
            .cid_widths
            .partition_point(|&(first, _, _)| first <= cid);
        match i.checked_sub(1).and_then(|i| self.cid_widths.get(i)) {
            Some(&(first, last, w)) if (first..=last).contains(&cid) => w,
            _ => self.default_width,
        }
    }

    /// Append the Unicode text of a code; `false` when it has none.
    pub(crate) fn push_text(&self, code: u32, out: &mut String) -> bool {
        let before = out.len();
        if let Some(cmap) = &self.to_unicode {
            if cmap.lookup(code, out) {
                // A mapping to control characters or nothing is as good as none.
                let mapped = out.get(before..).unwrap_or_default();
                if mapped
                    .chars()
                    .all(|c| (!c.is_control() || c.is_whitespace()) && c != '\u{FFFD}')
                {
                    return true;
                }
                // Keep what is usable of a mapping mixed with junk.
                let usable: String = mapped
                    .chars()
                    .filter(|&c| (!c.is_control() || c.is_whitespace()) && c != '\u{FFFD}')
                    .collect();
                out.truncate(before);
                if !usable.is_empty() {
                    out.push_str(&usable);
                    return true;
                }
            }
        }
        if self.composite {
            if let Some(&c) = self.cid_text.get(&code) {
                out.push(c);
                return true;
            }
        } else if let Some(text) = usize::try_from(code)
            .ok()
            .and_then(|c| self.simple_text.get(c))
        {
            if !text.is_empty() && !text.contains('\u{FFFD}') {
                out.push_str(text);
                return true;
            }
        }
        false
    }
}

/// What a glyph name outside the Adobe Glyph List says by its digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumericName {
    /// One or two letters and the decimal code the name stands at ("a45" at
    /// code 45, "g97" at 97): producers that name glyphs by their code,
    /// as TeX's Type 3 bitmap fonts do. The code means what it would
    /// without the name.
    OwnCode,
    /// "Gxx", "g00xx" (hexadecimal) and "Cdd", "cdd" (decimal): the digits
    /// give the character, as pdf.js and poppler read them.
    CodePoint(char),
    /// The digits give a control character: no text.
    Nothing,
}

/// Read a glyph name of the numeric forms above; `None` for other names.
fn numeric_glyph_name(name: &[u8], code: i64) -> Option<NumericName> {
    let letters = name.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = name.get(letters..)?;
    if !(1..=2).contains(&letters) || digits.is_empty() || digits.len() > 5 {
        return None;
    }
    let text = std::str::from_utf8(digits).ok()?;
    if digits.iter().all(u8::is_ascii_digit) && text.parse::<i64>().ok() == Some(code) {
        return Some(NumericName::OwnCode);
    }
    let value = match (name.first()?, letters, digits.len()) {
        (b'G', 1, 2) | (b'g', 1, 4) => u32::from_str_radix(text, 16).ok()?,
        (b'C' | b'c', 1, 2..=3) if digits.iter().all(u8::is_ascii_digit) => text.parse().ok()?,
        _ => return None,
    };
    Some(match char::from_u32(value) {
        Some(c) if !c.is_control() => NumericName::CodePoint(c),
        _ => NumericName::Nothing,
    })
}

/// The decoded bytes of a font's stream (ToUnicode, embedded CMap, font
/// program). Some producers compress a stream without saying so (no
/// `/Filter`): bytes that start with a zlib header are inflated as readers
/// do (pdf.js, MuPDF), and kept as they are when that fails.
pub(crate) fn font_stream(stream: &lopdf::Stream) -> Option<Vec<u8>> {
    let unfiltered = stream.dict.get(b"Filter").is_err();
    if unfiltered && has_zlib_header(&stream.content) {
        let mut flate = stream.clone();
        flate
            .dict
            .set("Filter", Object::Name(b"FlateDecode".to_vec()));
        if let Ok(data) = flate.decompressed_content_with_limit(MAX_FONT_STREAM) {
            if !data.is_empty() {
                return Some(data);
            }
        }
    }
    stream
        .decompressed_content_with_limit(MAX_FONT_STREAM)
        .ok()
        .or_else(|| Some(stream.content.clone()))
}

/// A zlib stream header (RFC 1950): deflate with a window of at most 32 KiB,
/// and a check value that makes the first two bytes a multiple of 31.
fn has_zlib_header(data: &[u8]) -> bool {
    match *data {
        [cmf, flg, ..] => {
            cmf & 0x0F == 8 && cmf >> 4 <= 7 && (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0
        }
        _ => false,
    }
}

fn deref<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a Object> {
    let obj = obj?;
    doc.dereference(obj).ok().map(|(_, o)| o)
}

fn name_of<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a [u8]> {
    deref(doc, obj).and_then(|o| o.as_name().ok())
}

fn number(doc: &Document, obj: Option<&Object>) -> Option<f32> {
    match deref(doc, obj)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// Type 3 fonts scale glyph space by /FontMatrix; the others by 1/1000.
fn font_matrix_scale(doc: &Document, dict: &Dictionary) -> f32 {
    deref(doc, dict.get(b"FontMatrix").ok())
        .and_then(|o| o.as_array().ok())
        .and_then(|a| number(doc, a.first()))
        .filter(|s| s.is_finite() && *s != 0.0 && s.abs() < 10.0)
        .unwrap_or(0.001)
}

fn cid_widths(doc: &Document, w: Option<&Object>) -> Vec<(u32, u32, f32)> {
    let mut out = Vec::new();
    let Some(items) = deref(doc, w).and_then(|o| o.as_array().ok()) else {
        return out;
    };
    let mut i = 0usize;
    while i < items.len() && out.len() < MAX_WIDTH_ENTRIES {
        let Some(first) = number(doc, items.get(i)) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match deref(doc, items.get(i + 1)) {
            Some(Object::Array(list)) => {
                for (k, w) in list.iter().enumerate().take(MAX_WIDTH_ENTRIES) {
                    if let Some(w) = number(doc, Some(w)) {
                        let cid = first.saturating_add(k as u32);
                        out.push((cid, cid, w / 1000.0));
                    }
                }
                i += 2;
            }
            Some(_) => {
                if let (Some(last), Some(w)) =
                    (number(doc, items.get(i + 1)), number(doc, items.get(i + 2)))
                {
                    out.push((first, (last.max(0.0) as u32).max(first), w / 1000.0));
                }
                i += 3;
            }
            None => break,
        }
    }
    out.sort_by_key(|&(first, _, _)| first);
    out
}

fn is_bold(doc: &Document, base_font: &str, descriptor: Option<&Dictionary>) -> bool {
    let lower = base_font.to_ascii_lowercase();
    if ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return true;
    }
    let Some(d) = descriptor else { return false };
    if number(doc, d.get(b"FontWeight").ok()).is_some_and(|w| w >= 600.0) {
        return true;
    }
    // Flag bit 19: ForceBold.
    number(doc, d.get(b"Flags").ok()).is_some_and(|f| (f as i64) & (1 << 18) != 0)
}
