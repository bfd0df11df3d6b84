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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPosition {
    /// Nesting depth, 0 = top level.
    pub depth: u8,
    /// The number the entry shows, if its level is numbered (not a bullet).
    pub number: Option<u32>,
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
        Some(ListPosition {
            depth,
            number: def.numbered.then_some(value),
        })
    }
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
            },
        );
        levels.insert(
            1,
            LevelDef {
                start: 1,
                numbered: false,
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
    }
}
