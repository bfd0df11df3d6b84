//! List counters: which number a numbered paragraph shows.
//!
//! Word keeps one counter per level of each abstract list definition; lists
//! (`w:num`) that share a definition continue each other's numbering unless
//! one overrides its start (`w:lvlOverride/w:startOverride`), which restarts
//! the count when that list is first used.

use std::collections::{HashMap, HashSet};

use super::styles::NumberingDefs;

/// Deepest list level Word supports (levels 0..=8).
const LEVELS: usize = 9;

/// Counts list entries as they occur in reading order.
#[derive(Debug, Default)]
pub struct ListCounters {
    defs: NumberingDefs,
    counts: HashMap<u32, [Option<u32>; LEVELS]>,
    started: HashSet<u32>,
}

/// A paragraph's place in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPosition {
    /// Nesting depth, 0 = top level.
    pub depth: u8,
    /// The number the entry shows, if its level is numbered (not a bullet).
    pub number: Option<u32>,
    /// The label Word shows before the text ("2.", "3.1", "b)"), for
    /// numbered levels with a label template.
    pub label: Option<String>,
}

impl ListCounters {
    /// Counters over the given list definitions.
    pub fn new(defs: NumberingDefs) -> Self {
        ListCounters {
            defs,
            ..Default::default()
        }
    }

    /// Count one entry of list `num_id` at `level`; `None` when `num_id` is 0
    /// (Word's "no list").
    pub fn next(&mut self, num_id: u32, level: u8) -> Option<ListPosition> {
        if num_id == 0 {
            return None;
        }
        let depth = level.min((LEVELS - 1) as u8);
        let Some((abstract_id, overrides)) = self.defs.nums.get(&num_id) else {
            // A list we have no definition for: an entry without a number.
            return Some(ListPosition {
                depth,
                number: None,
                label: None,
            });
        };
        let abstract_id = *abstract_id;
        let counts = self.counts.entry(abstract_id).or_insert([None; LEVELS]);
        if self.started.insert(num_id) {
            for (&lvl, &start) in overrides {
                if let Some(slot) = counts.get_mut(usize::from(lvl)) {
                    *slot = Some(start.saturating_sub(1));
                }
            }
        }
        let def = self
            .defs
            .abstracts
            .get(&abstract_id)
            .and_then(|levels| levels.get(&depth))
            .cloned()
            .unwrap_or_default();
        let index = usize::from(depth);
        let value = match counts.get(index).copied().flatten() {
            Some(n) => n.saturating_add(1),
            None => def.start,
        };
        if let Some(slot) = counts.get_mut(index) {
            *slot = Some(value);
        }
        for deeper in counts.iter_mut().skip(index + 1) {
            *deeper = None;
        }
        let counts = *counts;
        let label = def
            .numbered
            .then(|| self.label(abstract_id, &def.text, &counts))
            .flatten();
        Some(ListPosition {
            depth,
            number: def.numbered.then_some(value),
            label,
        })
    }

    /// Fill a label template: `%1` is level 0's current number, in that
    /// level's format.
    fn label(
        &self,
        abstract_id: u32,
        template: &str,
        counts: &[Option<u32>; LEVELS],
    ) -> Option<String> {
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d)) if (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let level = (d - 1) as u8;
                    let n = counts
                        .get(usize::from(level))
                        .copied()
                        .flatten()
                        .unwrap_or(1);
                    let format = self
                        .defs
                        .abstracts
                        .get(&abstract_id)
                        .and_then(|l| l.get(&level))
                        .map_or("decimal", |l| l.format.as_str());
                    out.push_str(&format_number(n, format));
                }
                _ => out.push(c),
            }
        }
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(out)
    }
}

/// A list number in Word's format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" | "upperLetter" => {
            // a..z, then aa, bb… as Word does.
            let n = n.max(1) - 1;
            let letter = char::from(b'a' + (n % 26) as u8);
            let s = letter.to_string().repeat((n / 26 + 1).min(10) as usize);
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, symbol) in table {
        while n >= value {
            out.push_str(symbol);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::styles::LevelDef;

    fn defs() -> NumberingDefs {
        let mut d = NumberingDefs::default();
        let mut levels = HashMap::new();
        levels.insert(
            0,
            LevelDef {
                start: 1,
                numbered: true,
                format: "decimal".into(),
                text: "%1.".into(),
            },
        );
        levels.insert(
            1,
            LevelDef {
                start: 1,
                numbered: false,
                format: "bullet".into(),
                text: "-".into(),
            },
        );
        d.abstracts.insert(7, levels);
        d.nums.insert(1, (7, HashMap::new()));
        d.nums.insert(2, (7, HashMap::from([(0, 1)])));
        d
    }

    #[test]
    fn counts_continue_and_restart() {
        let mut c = ListCounters::new(defs());
        assert_eq!(c.next(1, 0).unwrap().number, Some(1));
        assert_eq!(c.next(1, 1).unwrap().number, None);
        assert_eq!(c.next(1, 0).unwrap().number, Some(2));
        // Another list on the same definition with a start override restarts.
        assert_eq!(c.next(2, 0).unwrap().number, Some(1));
        assert_eq!(c.next(2, 0).unwrap().number, Some(2));
        assert_eq!(c.next(0, 0), None);
        assert_eq!(c.next(99, 3).unwrap().depth, 3);
        assert_eq!(c.next(2, 0).unwrap().label.as_deref(), Some("3."));
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(3, "decimalZero"), "03");
    }
}
