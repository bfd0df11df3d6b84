//! The style sheet (STSH, [MS-DOC] 2.9.271): which paragraph styles are
//! headings, which carry list numbering, and their type's size and weight.

use super::fib::u16_at;
use super::props::{apply_chars, apply_para, Chars, Para};
use crate::docx::styles::heading_level_from_name;

/// Built-in style identifiers (`sti`) of "heading 1" … "heading 9".
const STI_HEADINGS: std::ops::RangeInclusive<u16> = 1..=9;
/// `sti` of the built-in "Title" style.
const STI_TITLE: u16 = 62;
/// `istdBase` of a style with no base.
const ISTD_NIL: u16 = 0x0FFF;
/// Longest `basedOn` chain followed (real ones are a few deep; a cycle ends here).
const MAX_CHAIN: usize = 16;
/// Font size when no style sets one: 10 pt ([MS-DOC] 2.9.25, `hps`).
const DEFAULT_HALF_POINTS: u16 = 20;

#[derive(Debug, Clone, Default)]
struct Std {
    sti: u16,
    base: u16,
    name: String,
    para: Para,
    chars: Chars,
}

/// What each paragraph style says, by istd.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: Vec<Option<Std>>,
}

impl Styles {
    /// Parse the STSH; an unreadable one gives an empty sheet.
    pub(crate) fn parse(stsh: &[u8]) -> Styles {
        let Some(cb_stshi) = u16_at(stsh, 0) else {
            return Styles::default();
        };
        let stshi_at = 2;
        let cstd = usize::from(u16_at(stsh, stshi_at).unwrap_or(0));
        let cb_base = usize::from(u16_at(stsh, stshi_at + 2).unwrap_or(10));
        let mut at = stshi_at + usize::from(cb_stshi);
        let mut styles = Vec::with_capacity(cstd.min(4096));
        for _ in 0..cstd {
            let Some(cb_std) = u16_at(stsh, at) else {
                break;
            };
            let start = at + 2;
            at = start + usize::from(cb_std);
            styles.push(stsh.get(start..at).and_then(|std| parse_std(std, cb_base)));
        }
        Styles { styles }
    }

    fn get(&self, istd: u16) -> Option<&Std> {
        self.styles.get(usize::from(istd))?.as_ref()
    }

    /// The heading level of style `istd`: a built-in heading or title, a
    /// style named like one ("Overskrift 2"), or an outline level, looked
    /// up along its `basedOn` chain.
    pub(crate) fn heading_level(&self, istd: u16) -> Option<u8> {
        self.chain(istd).find_map(|s| {
            if STI_HEADINGS.contains(&s.sti) {
                return u8::try_from(s.sti).ok();
            }
            if s.sti == STI_TITLE {
                return Some(1);
            }
            heading_level_from_name(&s.name).or(s.para.outline.filter(|&o| o < 9).map(|o| o + 1))
        })
    }

    /// The font size of style `istd` in half-points, along its `basedOn`
    /// chain.
    pub(crate) fn half_points(&self, istd: u16) -> u16 {
        self.chain(istd)
            .find_map(|s| s.chars.half_points)
            .unwrap_or(DEFAULT_HALF_POINTS)
    }

    /// Whether style `istd` sets its text in bold, along its `basedOn` chain.
    pub(crate) fn bold(&self, istd: u16) -> bool {
        self.chain(istd)
            .find_map(|s| s.chars.bold)
            .is_some_and(|b| b == 1 || b == 0x81)
    }

    /// The list (ilfo, ilvl) a style attaches to its paragraphs, if any.
    pub(crate) fn list(&self, istd: u16) -> Option<(u16, u8)> {
        self.chain(istd)
            .find_map(|s| s.para.ilfo.map(|lfo| (lfo, s.para.ilvl.unwrap_or(0))))
    }

    fn chain(&self, istd: u16) -> impl Iterator<Item = &Std> {
        let mut next = Some(istd);
        std::iter::from_fn(move || {
            let s = self.get(next?)?;
            next = (s.base != ISTD_NIL).then_some(s.base);
            Some(s)
        })
        .take(MAX_CHAIN)
    }
}

/// One STD: the fixed part (`cb_base` bytes), the name, and for a paragraph
/// style its paragraph UPX.
fn parse_std(std: &[u8], cb_base: usize) -> Option<Std> {
    let sti = u16_at(std, 0)? & 0x0FFF;
    let stk_base = u16_at(std, 2)?;
    let stk = stk_base & 0x000F;
    let base = stk_base >> 4;
    let cch = usize::from(u16_at(std, cb_base)?);
    let name_at = cb_base + 2;
    let units: Vec<u16> = (0..cch)
        .map_while(|i| u16_at(std, name_at + i * 2))
        .collect();
    let name: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect();
    let mut para = Para::default();
    let mut chars = Chars::default();
    // The UPXs follow the name's terminating zero, each padded to an even
    // offset: a paragraph style (stk 1) has the paragraph UPX, then the
    // character UPX.
    if stk == 1 {
        let mut at = name_at + cch * 2 + 2;
        at += at % 2;
        if let Some(cb) = u16_at(std, at) {
            let end = at + 2 + usize::from(cb);
            let upx = std.get(at + 2..end).unwrap_or_default();
            // The paragraph UPX starts with the istd.
            apply_para(&mut para, upx.get(2..).unwrap_or_default());
            at = end + end % 2;
            if let Some(cb) = u16_at(std, at) {
                let upx = std
                    .get(at + 2..at + 2 + usize::from(cb))
                    .unwrap_or_default();
                apply_chars(&mut chars, upx);
            }
        }
    }
    Some(Std {
        sti,
        base,
        name,
        para,
        chars,
    })
}
