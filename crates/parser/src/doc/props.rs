//! Paragraph and character properties: the formatted disk pages (FKPs) that
//! map stream offsets (FC) to property modifiers (sprms) ([MS-DOC] 2.9.33,
//! 2.8.6), reduced to what decides the text: style, table, list, hidden,
//! and the type's size and weight.

use super::fib::{u16_at, u32_at};

/// An FKP is one 512-byte page of the `WordDocument` stream.
const PAGE: usize = 512;

/// sprms read from paragraph properties.
const SPRM_P_F_IN_TABLE: u16 = 0x2416;
const SPRM_P_F_TTP: u16 = 0x2417;
const SPRM_P_ITAP: u16 = 0x6649;
const SPRM_P_F_INNER_TTP: u16 = 0x244C;
const SPRM_P_ILVL: u16 = 0x260A;
const SPRM_P_ILFO: u16 = 0x460B;
const SPRM_P_OUT_LVL: u16 = 0x2640;
/// sprms read from character properties: hidden text and deleted revisions,
/// bold, and the font size in half-points.
const SPRM_C_F_VANISH: u16 = 0x083C;
const SPRM_C_F_RMARK_DEL: u16 = 0x0800;
const SPRM_C_F_BOLD: u16 = 0x0835;
const SPRM_C_HPS: u16 = 0x4A43;
/// The two sprms whose variable-length operand is not "one length byte".
const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_P_CHG_TABS: u16 = 0xC615;

/// A paragraph's properties as far as the reader cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Para {
    /// The paragraph style (index into the style sheet).
    pub(crate) istd: u16,
    /// Inside a table.
    pub(crate) in_table: bool,
    /// The end-of-row mark of a table row.
    pub(crate) row_end: bool,
    /// List: the list format override (1-based; 0 = none) and level.
    pub(crate) ilfo: Option<u16>,
    /// List level.
    pub(crate) ilvl: Option<u8>,
    /// Outline level set on the paragraph (0–8 are heading levels 1–9).
    pub(crate) outline: Option<u8>,
}

/// Apply a paragraph grpprl to `p`.
pub(crate) fn apply_para(p: &mut Para, grpprl: &[u8]) {
    for (sprm, op) in Sprms(grpprl) {
        let byte = op.first().copied().unwrap_or(0);
        match sprm {
            SPRM_P_F_IN_TABLE => p.in_table = byte != 0,
            SPRM_P_F_TTP | SPRM_P_F_INNER_TTP => p.row_end = byte != 0,
            SPRM_P_ITAP => p.in_table = u32_at(op, 0).unwrap_or(0) > 0 || p.in_table,
            SPRM_P_ILVL => p.ilvl = Some(byte),
            SPRM_P_ILFO => p.ilfo = u16_at(op, 0),
            SPRM_P_OUT_LVL => p.outline = Some(byte),
            _ => {}
        }
    }
}

/// A character run's properties as far as the reader cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Chars {
    /// Hidden text or a tracked deletion.
    pub(crate) hidden: bool,
    /// Bold as set on the run: 0 off, 1 on, 0x80 the style's, 0x81 the
    /// opposite of the style's; `None` for the style's.
    pub(crate) bold: Option<u8>,
    /// Font size in half-points set on the run; `None` for the style's.
    pub(crate) half_points: Option<u16>,
}

impl Chars {
    /// Whether the run is bold, given its paragraph style's weight.
    pub(crate) fn is_bold(self, style_bold: bool) -> bool {
        match self.bold {
            Some(0) => false,
            Some(1) => true,
            Some(0x81) => !style_bold,
            _ => style_bold,
        }
    }
}

/// Apply a character grpprl to `c`. The toggle value 0x81 ("opposite of the
/// style") counts as hidden, as normal styles are never hidden.
pub(crate) fn apply_chars(c: &mut Chars, grpprl: &[u8]) {
    for (sprm, op) in Sprms(grpprl) {
        let byte = op.first().copied();
        match sprm {
            SPRM_C_F_VANISH | SPRM_C_F_RMARK_DEL => c.hidden = matches!(byte, Some(1 | 0x81)),
            SPRM_C_F_BOLD => c.bold = byte,
            SPRM_C_HPS => c.half_points = u16_at(op, 0).filter(|&h| h > 0),
            _ => {}
        }
    }
}

#[cfg(test)]
fn hides(grpprl: &[u8]) -> bool {
    let mut c = Chars::default();
    apply_chars(&mut c, grpprl);
    c.hidden
}

/// The sprms of a grpprl, each with its operand; stops at the first one cut short.
pub(crate) struct Sprms<'a>(pub(crate) &'a [u8]);

impl<'a> Iterator for Sprms<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let sprm = u16_at(self.0, 0)?;
        let rest = self.0.get(2..)?;
        let (skip, len) = match sprm >> 13 {
            0 | 1 => (0, 1),
            2 | 4 | 5 => (0, 2),
            3 => (0, 4),
            7 => (0, 3),
            _ => match sprm {
                SPRM_T_DEF_TABLE => (2, usize::from(u16_at(rest, 0)?).saturating_sub(1)),
                SPRM_P_CHG_TABS if rest.first() == Some(&255) => return None,
                _ => (1, usize::from(*rest.first()?)),
            },
        };
        let op = rest.get(skip..skip + len)?;
        self.0 = rest.get(skip + len..)?;
        Some((sprm, op))
    }
}

/// Property runs over FC ranges, sorted by start.
#[derive(Debug, Default)]
pub(crate) struct Runs<T> {
    runs: Vec<(u32, u32, T)>,
}

impl<T: Copy + Default> Runs<T> {
    /// The properties at `fc`; the default where no run covers it.
    pub(crate) fn at(&self, fc: u32) -> T {
        let i = self.runs.partition_point(|r| r.0 <= fc);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(start, end, v)) if start <= fc && fc < end => v,
            _ => T::default(),
        }
    }
}

/// The FKP pages named by a PlcBte (`plc`), each read once.
fn fkp_pages<'w>(plc: &[u8], word: &'w [u8]) -> Vec<&'w [u8]> {
    if plc.len() < 4 {
        return Vec::new();
    }
    let n = (plc.len() - 4) / 8;
    let mut seen = std::collections::HashSet::new();
    let mut pages = Vec::new();
    for i in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + i * 4) else {
            break;
        };
        let pn = (pn & 0x003F_FFFF) as usize;
        if !seen.insert(pn) {
            continue;
        }
        if let Some(page) = word.get(pn * PAGE..pn * PAGE + PAGE) {
            pages.push(page);
        }
    }
    pages
}

/// Each FKP's runs: (first FC, last FC, the entry's offset byte position).
fn fkp_entries(page: &[u8], entry_size: usize) -> Vec<(u32, u32, usize)> {
    let crun = usize::from(page.get(PAGE - 1).copied().unwrap_or(0));
    let mut out = Vec::with_capacity(crun);
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else {
            break;
        };
        let entry = (crun + 1) * 4 + i * entry_size;
        if entry >= PAGE - 1 || end < start {
            break;
        }
        out.push((start, end, entry));
    }
    out
}

/// Paragraph property runs from the PlcBtePapx and its FKPs.
pub(crate) fn paragraph_runs(plc: &[u8], word: &[u8]) -> Runs<Para> {
    let mut runs = Vec::new();
    for page in fkp_pages(plc, word) {
        // BxPap: a one-byte word offset and a 12-byte PHE.
        for (start, end, entry) in fkp_entries(page, 13) {
            let offset = usize::from(page.get(entry).copied().unwrap_or(0)) * 2;
            let mut para = Para::default();
            if offset != 0 {
                if let Some(papx) = papx_in_fkp(page, offset) {
                    para.istd = u16_at(papx, 0).unwrap_or(0);
                    apply_para(&mut para, papx.get(2..).unwrap_or_default());
                }
            }
            runs.push((start, end, para));
        }
    }
    runs.sort_by_key(|r| r.0);
    Runs { runs }
}

/// A PapxInFkp's GrpPrlAndIstd: `cb` counts words; 0 means the next byte does.
fn papx_in_fkp(page: &[u8], offset: usize) -> Option<&[u8]> {
    let cb = usize::from(*page.get(offset)?);
    let (start, len) = if cb != 0 {
        (offset + 1, 2 * cb - 1)
    } else {
        (offset + 2, 2 * usize::from(*page.get(offset + 1)?))
    };
    page.get(start..(start + len).min(PAGE - 1))
}

/// Character property runs from the PlcBteChpx and its FKPs.
pub(crate) fn char_runs(plc: &[u8], word: &[u8]) -> Runs<Chars> {
    let mut runs = Vec::new();
    for page in fkp_pages(plc, word) {
        for (start, end, entry) in fkp_entries(page, 1) {
            let offset = usize::from(page.get(entry).copied().unwrap_or(0)) * 2;
            if offset == 0 {
                continue;
            }
            let Some(&cb) = page.get(offset) else {
                continue;
            };
            let end_at = (offset + 1 + usize::from(cb)).min(PAGE - 1);
            let grpprl = page.get(offset + 1..end_at).unwrap_or_default();
            let mut chars = Chars::default();
            apply_chars(&mut chars, grpprl);
            if chars != Chars::default() {
                runs.push((start, end, chars));
            }
        }
    }
    runs.sort_by_key(|r| r.0);
    Runs { runs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprms_are_split_by_their_operand_sizes() {
        // sprmPFInTable 1, sprmPIlfo 3, a variable one (length 2), sprmPItap 1.
        let grpprl = [
            0x16, 0x24, 1, 0x0B, 0x46, 3, 0, 0x00, 0xC6, 2, 9, 9, 0x49, 0x66, 1, 0, 0, 0,
        ];
        let got: Vec<u16> = Sprms(&grpprl).map(|(s, _)| s).collect();
        assert_eq!(got, vec![0x2416, 0x460B, 0xC600, 0x6649]);
        let mut p = Para::default();
        apply_para(&mut p, &grpprl);
        assert!(p.in_table);
        assert_eq!(p.ilfo, Some(3));
    }

    #[test]
    fn a_cut_short_grpprl_ends_quietly() {
        assert_eq!(Sprms(&[0x0B, 0x46, 3]).count(), 0);
        assert!(!hides(&[0x3C, 0x08]));
        assert!(hides(&[0x3C, 0x08, 1]));
    }

    #[test]
    fn size_and_weight_of_a_run() {
        // sprmCFBold 1, sprmCHps 48 (24 pt).
        let mut c = Chars::default();
        apply_chars(&mut c, &[0x35, 0x08, 1, 0x43, 0x4A, 48, 0]);
        assert_eq!(c.half_points, Some(48));
        assert!(c.is_bold(false));
        assert!(!c.hidden);
        // "Opposite of the style" in a bold style is not bold.
        c.bold = Some(0x81);
        assert!(!c.is_bold(true));
    }
}
