//! The encoding an embedded font program carries itself, read where the PDF
//! gives no usable one (PDF 32000-1, 9.6.6 and 9.10.2):
//!
//! * a Type 1 program (`/FontFile`): the `dup CODE /name put` entries of its
//!   built-in encoding;
//! * a CFF program (`/FontFile3` of subtype `Type1C`): its built-in encoding
//!   and charset give each code a glyph name;
//! * a TrueType program (`/FontFile2`, or an OpenType `/FontFile3`): a
//!   symbolic font's codes select glyphs through the `cmap` subtable (3,0)
//!   (codes at 0xF000 + code, 0xF100 + code or 0xF200 + code, or the code
//!   itself), else (1,0), else (3,1); a glyph's text is the Unicode code
//!   point a Unicode subtable maps to it, else its `post` table name read
//!   by the Adobe Glyph List.
//!
//! Glyph names become text through [`push_glyph_name`]; a glyph the program
//! says nothing readable about gets no text here, so the caller keeps its
//! own fallback.

use lopdf::{Dictionary, Document, Object};
use rustc_hash::FxHashMap;
use ttf_parser::{cff, cmap, post, GlyphId, PlatformId, RawFace, Tag};

use super::font::font_stream;
use super::glyph_list::push_glyph_name;

/// Code points searched when a glyph's Unicode is read backwards from a
/// Unicode `cmap` subtable: the Basic Multilingual Plane, which is where a
/// subset's text lives (a bounded walk, whatever ranges a broken font
/// claims).
const REVERSE_SEARCH_END: u32 = 0xFFFF;

/// Private-use code points: a symbol font's glyph slots, not text.
const PRIVATE_USE: std::ops::RangeInclusive<u32> = 0xE000..=0xF8FF;

/// An embedded font program, decoded.
pub(crate) enum Program {
    /// `/FontFile`: a Type 1 font program.
    Type1(Vec<u8>),
    /// `/FontFile2`, or `/FontFile3` of subtype `OpenType`: an sfnt.
    TrueType(Vec<u8>),
    /// `/FontFile3` of subtype `Type1C`: a bare CFF font.
    Cff(Vec<u8>),
}

impl Program {
    /// The program embedded by a font descriptor, if any.
    pub(crate) fn of(doc: &Document, descriptor: &Dictionary) -> Option<Program> {
        let stream = |key: &[u8]| {
            descriptor
                .get(key)
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_stream().ok())
        };
        if let Some(s) = stream(b"FontFile2") {
            return font_stream(s).map(Program::TrueType);
        }
        if let Some(s) = stream(b"FontFile3") {
            let subtype = s
                .dict
                .get(b"Subtype")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_name().ok());
            return match subtype {
                Some(b"Type1C") => font_stream(s).map(Program::Cff),
                Some(b"OpenType") => font_stream(s).map(Program::TrueType),
                _ => None,
            };
        }
        stream(b"FontFile")
            .and_then(font_stream)
            .map(Program::Type1)
    }

    /// A simple font's built-in encoding as text: `(code, text)` for each
    /// code the program gives a readable glyph. TrueType programs have one
    /// only for symbolic fonts (a nonsymbolic font's codes go through the
    /// standard encodings).
    pub(crate) fn builtin_text(&self, symbolic: bool) -> Vec<(u8, String)> {
        let mut out = Vec::new();
        match self {
            Program::Type1(data) => {
                for (code, name) in type1_builtin_encoding(data).unwrap_or_default() {
                    let mut text = String::new();
                    if push_glyph_name(&name, &mut text) {
                        out.push((code, text));
                    }
                }
            }
            Program::Cff(data) => {
                let Some(table) = cff::Table::parse(data) else {
                    return out;
                };
                for code in 0..=255u8 {
                    let name = table
                        .glyph_index(code)
                        .filter(|g| g.0 != 0)
                        .and_then(|g| table.glyph_name(g));
                    let mut text = String::new();
                    if name.is_some_and(|n| push_glyph_name(n.as_bytes(), &mut text)) {
                        out.push((code, text));
                    }
                }
            }
            Program::TrueType(data) => {
                if !symbolic {
                    return out;
                }
                let Some(sfnt) = Sfnt::parse(data) else {
                    return out;
                };
                let glyphs: Vec<(u8, GlyphId)> = (0..=255u8)
                    .filter_map(|code| sfnt.symbolic_glyph(code).map(|g| (code, g)))
                    .collect();
                let unicode = sfnt.unicode_of(glyphs.iter().map(|&(_, g)| g));
                for (code, glyph) in glyphs {
                    if let Some(text) = sfnt.glyph_text(glyph, &unicode) {
                        out.push((code, text));
                    }
                }
            }
        }
        out
    }

    /// The text of glyph names that are not Adobe names ("g18", "glyph7"),
    /// through the program: a TrueType `post` table finds the glyph, a
    /// Unicode `cmap` subtable its text. `(code, text)` for each name read.
    pub(crate) fn text_of_names(&self, names: &[(u8, Vec<u8>)]) -> Vec<(u8, String)> {
        let Program::TrueType(data) = self else {
            return Vec::new();
        };
        let Some(sfnt) = Sfnt::parse(data) else {
            return Vec::new();
        };
        let Some(post) = sfnt.post else {
            return Vec::new();
        };
        let glyphs: Vec<(u8, GlyphId)> = names
            .iter()
            .filter_map(|(code, name)| {
                let name = std::str::from_utf8(name).ok()?;
                post.glyph_index_by_name(name).map(|g| (*code, g))
            })
            .collect();
        let unicode = sfnt.unicode_of(glyphs.iter().map(|&(_, g)| g));
        glyphs
            .into_iter()
            .filter_map(|(code, g)| unicode.get(&g.0).map(|c| (code, c.to_string())))
            .collect()
    }

    /// A CIDFontType2's text per CID, through its `/CIDToGIDMap` (`None`
    /// for Identity) and the program's Unicode `cmap` subtable read
    /// backwards.
    pub(crate) fn cid_text(&self, cid_to_gid: Option<&[u8]>) -> FxHashMap<u32, char> {
        let mut out = FxHashMap::default();
        let Program::TrueType(data) = self else {
            return out;
        };
        let Some(sfnt) = Sfnt::parse(data) else {
            return out;
        };
        let unicode = sfnt.unicode_of_all();
        match cid_to_gid {
            None => out.extend(unicode.into_iter().map(|(g, c)| (u32::from(g), c))),
            Some(map) => {
                for (cid, pair) in map.chunks_exact(2).enumerate() {
                    let gid = u16::from_be_bytes([pair[0], pair[1]]);
                    if let (Some(&c), Ok(cid)) = (unicode.get(&gid), u32::try_from(cid)) {
                        out.insert(cid, c);
                    }
                }
            }
        }
        out
    }
}

/// The tables of an sfnt (TrueType or OpenType) program that text needs.
struct Sfnt<'a> {
    cmap: Option<cmap::Table<'a>>,
    post: Option<post::Table<'a>>,
}

impl<'a> Sfnt<'a> {
    fn parse(data: &'a [u8]) -> Option<Sfnt<'a>> {
        let face = RawFace::parse(data, 0).ok()?;
        Some(Sfnt {
            cmap: face
                .table(Tag::from_bytes(b"cmap"))
                .and_then(cmap::Table::parse),
            post: face
                .table(Tag::from_bytes(b"post"))
                .and_then(post::Table::parse),
        })
    }

    fn subtable(&self, platform: PlatformId, encoding: u16) -> Option<cmap::Subtable<'a>> {
        self.cmap?
            .subtables
            .into_iter()
            .find(|s| s.platform_id == platform && s.encoding_id == encoding)
    }

    /// The Unicode subtable: (3,1), else (3,10), else any (0,*).
    fn unicode_subtable(&self) -> Option<cmap::Subtable<'a>> {
        self.subtable(PlatformId::Windows, 1)
            .or_else(|| self.subtable(PlatformId::Windows, 10))
            .or_else(|| {
                self.cmap?
                    .subtables
                    .into_iter()
                    .find(|s| s.platform_id == PlatformId::Unicode)
            })
    }

    /// A symbolic font's glyph for a one-byte code (PDF 32000-1, 9.6.6.4).
    fn symbolic_glyph(&self, code: u8) -> Option<GlyphId> {
        let code = u32::from(code);
        if let Some(t) = self.subtable(PlatformId::Windows, 0) {
            return [0, 0xF000, 0xF100, 0xF200]
                .into_iter()
                .find_map(|base| t.glyph_index(base + code));
        }
        if let Some(t) = self.subtable(PlatformId::Macintosh, 0) {
            return t.glyph_index(code);
        }
        self.unicode_subtable().and_then(|t| t.glyph_index(code))
    }

    /// The Unicode code point of each wanted glyph that the Unicode subtable
    /// maps one to (the lowest, private use excluded).
    fn unicode_of(&self, wanted: impl Iterator<Item = GlyphId>) -> FxHashMap<u16, char> {
        let mut want: Vec<u16> = wanted.map(|g| g.0).collect();
        want.sort_unstable();
        want.dedup();
        let mut out = FxHashMap::default();
        if want.is_empty() {
            return out;
        }
        self.reverse(|gid, c| {
            if want.binary_search(&gid).is_ok() {
                out.entry(gid).or_insert(c);
            }
            out.len() < want.len()
        });
        out
    }

    /// [`Sfnt::unicode_of`] for every glyph.
    fn unicode_of_all(&self) -> FxHashMap<u16, char> {
        let mut out = FxHashMap::default();
        self.reverse(|gid, c| {
            out.entry(gid).or_insert(c);
            true
        });
        out
    }

    /// Walk the Unicode subtable over the BMP in code point order, calling
    /// `f(glyph, char)` for each mapped code point until it returns false.
    fn reverse(&self, mut f: impl FnMut(u16, char) -> bool) {
        let Some(table) = self.unicode_subtable() else {
            return;
        };
        for cp in 0x20..=REVERSE_SEARCH_END {
            if PRIVATE_USE.contains(&cp) {
                continue;
            }
            let (Some(g), Some(c)) = (table.glyph_index(cp), char::from_u32(cp)) else {
                continue;
            };
            if !c.is_control() && !f(g.0, c) {
                return;
            }
        }
    }

    /// A glyph's text: its Unicode code point, else its `post` name.
    fn glyph_text(&self, glyph: GlyphId, unicode: &FxHashMap<u16, char>) -> Option<String> {
        if let Some(c) = unicode.get(&glyph.0) {
            return Some(c.to_string());
        }
        let name = self.post?.glyph_name(glyph)?;
        let mut text = String::new();
        push_glyph_name(name.as_bytes(), &mut text).then_some(text)
    }
}

/// The built-in encoding of a Type 1 font program: the `dup CODE /name put`
/// entries of its clear-text part, or `None` when it uses StandardEncoding
/// or none is found.
fn type1_builtin_encoding(program: &[u8]) -> Option<Vec<(u8, Vec<u8>)>> {
    let clear_end = program
        .windows(5)
        .position(|w| w == b"eexec")
        .unwrap_or(program.len().min(64 * 1024));
    let clear = program.get(..clear_end)?;
    let start = clear.windows(9).position(|w| w == b"/Encoding")?;
    let rest = clear.get(start + 9..)?;
    let mut words = rest
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let mut entries = Vec::new();
    let mut window: [&[u8]; 3] = [b"", b"", b""];
    for word in words.by_ref().take(4096) {
        if word == b"StandardEncoding" && entries.is_empty() {
            return None;
        }
        if word == b"readonly" || word == b"def" {
            if !entries.is_empty() {
                break;
            }
            continue;
        }
        if word == b"put" && window[0] == b"dup" {
            let code = std::str::from_utf8(window[1])
                .ok()
                .and_then(|c| c.parse::<u8>().ok());
            if let (Some(code), Some(name)) = (code, window[2].strip_prefix(b"/")) {
                entries.push((code, name.to_vec()));
            }
        }
        window = [window[1], window[2], word];
    }
    (!entries.is_empty()).then_some(entries)
}

/// A `/CIDToGIDMap` stream's bytes; `None` for Identity or when absent.
pub(crate) fn cid_to_gid_map(doc: &Document, cid_font: &Dictionary) -> Option<Vec<u8>> {
    let obj = cid_font.get(b"CIDToGIDMap").ok()?;
    match doc.dereference(obj).ok()?.1 {
        Object::Stream(s) => font_stream(s),
        _ => None,
    }
}
