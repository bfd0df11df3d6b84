//! ToUnicode CMaps: character codes to Unicode text, and the codespace ranges
//! that say how many bytes a code takes.

use rustc_hash::FxHashMap;

/// Most entries a CMap may define; beyond it the rest is ignored, so a
/// hostile CMap cannot exhaust memory.
const MAX_ENTRIES: usize = 200_000;

/// A parsed ToUnicode (or encoding) CMap.
#[derive(Debug, Default)]
pub(crate) struct CMap {
    /// Codespace ranges: (bytes per code, low, high).
    codespace: Vec<(u8, u32, u32)>,
    /// Looked up once per glyph: a fast hash for small integer keys.
    singles: FxHashMap<u32, Box<str>>,
    /// bfrange entries: low, high and the UTF-16 text of `low`, whose last
    /// unit counts up across the range.
    ranges: Vec<(u32, u32, Vec<u16>)>,
}

#[derive(Debug)]
enum Token<'a> {
    Hex(Vec<u8>),
    Name(&'a [u8]),
    Word(&'a [u8]),
    ArrayStart,
    ArrayEnd,
}

impl CMap {
    /// Parse a CMap stream's decoded bytes. Never fails: what cannot be read
    /// is skipped.
    pub(crate) fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut tokens = Tokens { data, pos: 0 };
        let mut entries = 0usize;
        while let Some(token) = tokens.next() {
            let Token::Word(word) = token else { continue };
            match word {
                b"begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.next(), tokens.next())
                    {
                        if let (Some(l), Some(h)) = (code_of(&lo), code_of(&hi)) {
                            if let Ok(n) = u8::try_from(lo.len()) {
                                cmap.codespace.push((n, l, h));
                            }
                        }
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(dst)) = (tokens.next(), tokens.next()) {
                        let Some(code) = code_of(&src) else { continue };
                        let text = match dst {
                            Token::Hex(bytes) => utf16_text(&bytes),
                            Token::Name(name) => {
                                let mut s = String::new();
                                super::glyph_list::push_glyph_name(name, &mut s);
                                s
                            }
                            _ => break,
                        };
                        entries += 1;
                        if entries > MAX_ENTRIES {
                            break;
                        }
                        cmap.singles.insert(code, text.into_boxed_str());
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.next(), tokens.next())
                    {
                        let (Some(lo), Some(hi)) = (code_of(&lo), code_of(&hi)) else {
                            tokens.next();
                            continue;
                        };
                        match tokens.next() {
                            Some(Token::Hex(dst)) => {
                                entries += 1;
                                cmap.ranges.push((lo, hi.max(lo), utf16_units(&dst)));
                            }
                            Some(Token::ArrayStart) => {
                                let mut code = lo;
                                while let Some(Token::Hex(dst)) = tokens.next() {
                                    entries += 1;
                                    if code <= hi && entries <= MAX_ENTRIES {
                                        cmap.singles
                                            .insert(code, utf16_text(&dst).into_boxed_str());
                                    }
                                    code = code.saturating_add(1);
                                }
                            }
                            _ => break,
                        }
                        if entries > MAX_ENTRIES {
                            break;
                        }
                    }
                }
                _ => {}
            }
            if entries > MAX_ENTRIES {
                break;
            }
        }
        // Sorted by their first code for binary search.
        cmap.ranges.sort_by_key(|&(lo, _, _)| lo);
        cmap
    }

    /// Whether the CMap maps anything to Unicode.
    pub(crate) fn has_mappings(&self) -> bool {
        !self.singles.is_empty() || !self.ranges.is_empty()
    }

    /// Append the text for `code`; `false` when the CMap does not map it.
    pub(crate) fn lookup(&self, code: u32, out: &mut String) -> bool {
        if let Some(text) = self.singles.get(&code) {
            out.push_str(text);
            return true;
        }
        let after = self.ranges.partition_point(|&(lo, _, _)| lo <= code);
        // Overlapping ranges are rare; look back over a few of them.
        for (lo, hi, base) in self
            .ranges
            .get(after.saturating_sub(8)..after)
            .unwrap_or_default()
            .iter()
            .rev()
        {
            if (*lo..=*hi).contains(&code) {
                let Some((last, head)) = base.split_last() else {
                    return false;
                };
                let offset = code - lo;
                let Some(last) = u32::from(*last)
                    .checked_add(offset)
                    .and_then(|v| u16::try_from(v).ok())
                else {
                    return false;
                };
                let before = out.len();
                out.extend(
                    char::decode_utf16(head.iter().copied().chain(std::iter::once(last))).flatten(),
                );
                return out.len() > before;
            }
        }
        false
    }

    /// How many bytes the code at the start of `bytes` takes, by the
    /// codespace ranges; `None` when the CMap declares none that fits.
    pub(crate) fn code_len(&self, bytes: &[u8]) -> Option<usize> {
        for &(n, lo, hi) in &self.codespace {
            let n = usize::from(n);
            if n == 0 || n > 4 {
                continue;
            }
            if let Some(code) = bytes.get(..n).and_then(code_of) {
                if (lo..=hi).contains(&code) {
                    return Some(n);
                }
            }
        }
        None
    }

    /// Whether codespace ranges were declared.
    pub(crate) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }
}

/// A big-endian code of one to four bytes.
fn code_of(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match *c {
            [a, b] => u16::from_be_bytes([a, b]),
            [a] => u16::from(a),
            _ => 0,
        })
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    char::decode_utf16(utf16_units(bytes)).flatten().collect()
}

struct Tokens<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Tokens<'a> {
    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let b = *self.data.get(self.pos)?;
            match b {
                b'%' => {
                    while let Some(&c) = self.data.get(self.pos) {
                        if c == b'\n' || c == b'\r' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                b if b.is_ascii_whitespace() || b == 0 => self.pos += 1,
                b'[' => {
                    self.pos += 1;
                    return Some(Token::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    return Some(Token::ArrayEnd);
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    return Some(Token::Word(b"<<"));
                }
                b'<' => {
                    self.pos += 1;
                    let mut bytes = Vec::new();
                    let mut high: Option<u8> = None;
                    while let Some(&c) = self.data.get(self.pos) {
                        self.pos += 1;
                        if c == b'>' {
                            break;
                        }
                        let Some(v) = (c as char).to_digit(16) else {
                            continue;
                        };
                        let v = v as u8;
                        match high.take() {
                            Some(h) => bytes.push((h << 4) | v),
                            None => high = Some(v),
                        }
                    }
                    if let Some(h) = high {
                        bytes.push(h << 4);
                    }
                    return Some(Token::Hex(bytes));
                }
                b'/' => {
                    self.pos += 1;
                    let start = self.pos;
                    self.skip_regular();
                    return Some(Token::Name(
                        self.data.get(start..self.pos).unwrap_or_default(),
                    ));
                }
                b'(' => {
                    // Literal strings occur only in the CMap's header; skip them.
                    let mut depth = 0usize;
                    while let Some(&c) = self.data.get(self.pos) {
                        self.pos += 1;
                        match c {
                            b'\\' => self.pos += 1,
                            b'(' => depth += 1,
                            b')' => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {
                    let start = self.pos;
                    self.skip_regular();
                    if self.pos == start {
                        self.pos += 1;
                        continue;
                    }
                    return Some(Token::Word(
                        self.data.get(start..self.pos).unwrap_or_default(),
                    ));
                }
            }
        }
    }

    fn skip_regular(&mut self) {
        while let Some(&c) = self.data.get(self.pos) {
            if c.is_ascii_whitespace() || b"[]<>()/%{}".contains(&c) || c == 0 {
                break;
            }
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00E6> endbfchar
2 beginbfrange <0020> <0022> <0061> <0030> <0031> [<FB01> <00F8>] endbfrange
endcmap";

    fn text(cmap: &CMap, code: u32) -> Option<String> {
        let mut s = String::new();
        cmap.lookup(code, &mut s).then_some(s)
    }

    #[test]
    fn chars_ranges_and_arrays() {
        let cmap = CMap::parse(SAMPLE);
        assert_eq!(text(&cmap, 0x11).as_deref(), Some("æ"));
        assert_eq!(text(&cmap, 0x21).as_deref(), Some("b"));
        assert_eq!(text(&cmap, 0x30).as_deref(), Some("\u{FB01}"));
        assert_eq!(text(&cmap, 0x31).as_deref(), Some("ø"));
        assert_eq!(text(&cmap, 0x99), None);
        assert_eq!(cmap.code_len(&[0, 0x11]), Some(2));
    }

    #[test]
    fn garbage_does_not_panic() {
        let cmap = CMap::parse(b"beginbfrange <00> [ <1 ( \\ endbfrange <");
        assert!(cmap.lookup(0, &mut String::new()) || !cmap.has_mappings());
    }
}
