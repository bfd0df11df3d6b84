//! List definitions (PlfLst) and list overrides (PlfLfo), [MS-DOC] 2.9.147
//! and 2.9.132, turned into the DOCX reader's list model so that the same
//! counters number `.doc` and DOCX lists alike.

use std::collections::HashMap;

use super::fib::{u16_at, u32_at};
use crate::docx::numbering::{ListCounters, ListPosition};
use crate::docx::styles::{LevelDef, NumberingDefs};

/// Size of an LSTF (a list's fixed part) and of an LVLF (a level's).
const LSTF: usize = 28;
const LVLF: usize = 28;
/// Size of an LFO.
const LFO: usize = 16;
/// Most lists and overrides read (real documents have tens).
const MAX_LISTS: usize = 4096;

/// Counts `.doc` list entries.
pub(crate) struct Lists(ListCounters);

impl Lists {
    /// Read the list definitions and overrides; unreadable ones give
    /// lists without numbers.
    pub(crate) fn parse(lst: Option<&[u8]>, lfo: Option<&[u8]>) -> Lists {
        let mut defs = NumberingDefs::default();
        if let Some(lst) = lst {
            read_lists(lst, &mut defs);
        }
        if let Some(lfo) = lfo {
            let count = (u32_at(lfo, 0).unwrap_or(0) as usize).min(MAX_LISTS);
            for i in 0..count {
                let Some(lsid) = u32_at(lfo, 4 + i * LFO) else {
                    break;
                };
                // ilfo is 1-based.
                defs.nums.insert(i as u32 + 1, (lsid, HashMap::new()));
            }
        }
        Lists(ListCounters::new(defs))
    }

    /// Count one entry of list override `ilfo` at `level`.
    pub(crate) fn next(&mut self, ilfo: u16, level: u8) -> Option<ListPosition> {
        self.0.next(u32::from(ilfo), level)
    }
}

fn read_lists(lst: &[u8], defs: &mut NumberingDefs) {
    let count = usize::from(u16_at(lst, 0).unwrap_or(0)).min(MAX_LISTS);
    // All LSTFs come first, then every list's LVLs in the same order.
    let mut at = 2 + count * LSTF;
    for i in 0..count {
        let lstf = 2 + i * LSTF;
        let Some(lsid) = u32_at(lst, lstf) else {
            return;
        };
        // fSimpleList: one level instead of nine.
        let simple = lst.get(lstf + 26).is_some_and(|f| f & 1 != 0);
        let levels = if simple { 1 } else { 9 };
        let mut map = HashMap::new();
        for level in 0..levels {
            let Some((def, next)) = read_level(lst, at) else {
                defs.abstracts.insert(lsid, map);
                return;
            };
            map.insert(level as u8, def);
            at = next;
        }
        defs.abstracts.insert(lsid, map);
    }
}

/// One LVL at `at`: the definition and where the next one starts.
fn read_level(lst: &[u8], at: usize) -> Option<(LevelDef, usize)> {
    let start = u32_at(lst, at)?;
    let nfc = *lst.get(at + 4)?;
    let cb_chpx = usize::from(*lst.get(at + 24)?);
    let cb_papx = usize::from(*lst.get(at + 25)?);
    let text_at = at + LVLF + cb_papx + cb_chpx;
    let cch = usize::from(u16_at(lst, text_at)?);
    let units: Vec<u16> = (0..cch)
        .map(|i| u16_at(lst, text_at + 2 + i * 2))
        .collect::<Option<_>>()?;
    // Code units 0–8 stand for the numbers of levels 1–9.
    let mut text = String::new();
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) if (c as u32) < 9 => text.push_str(&format!("%{}", c as u32 + 1)),
            Ok(c) => text.push(c),
            Err(_) => {}
        }
    }
    let format = match nfc {
        0 => "decimal",
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        22 => "decimalZero",
        23 => "bullet",
        255 => "none",
        _ => "decimal",
    };
    let def = LevelDef {
        start: if start > 0x7FFF { 1 } else { start },
        numbered: !matches!(format, "bullet" | "none"),
        format: format.into(),
        text,
    };
    Some((def, text_at + 2 + cch * 2))
}
