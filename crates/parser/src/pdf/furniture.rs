//! Page furniture: running headers and footers, found because the same line
//! (page numbers aside) stands at the same height near the top or bottom of
//! at least half of the pages — never by what the line says.

use std::collections::HashMap;

use super::layout::Line;

/// Lines this far (fraction of the page height) from the top or bottom edge
/// may be furniture.
const BAND: f32 = 0.14;
/// Only the first and last few lines of a page are looked at.
const EDGE_LINES: usize = 4;
/// Occurrences count together when their baselines differ by less than this (points).
const SAME_PLACE: f32 = 8.0;

/// Flag the running headers and footers among `pages` (lines of each page,
/// top to bottom; `heights` are the page heights).
pub(crate) fn mark(pages: &mut [Vec<Line>], heights: &[f32]) {
    let page_count = pages.len();
    if page_count < 2 {
        return;
    }
    // key -> (page index, line index, baseline)
    let mut seen: HashMap<String, Vec<(usize, usize, f32)>> = HashMap::new();
    for (p, lines) in pages.iter().enumerate() {
        let height = heights.get(p).copied().unwrap_or(842.0);
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let near_edge = i < EDGE_LINES || i + EDGE_LINES >= n;
            let in_band = line.y < height * BAND || line.y > height * (1.0 - BAND);
            if near_edge && in_band {
                seen.entry(key(&line.text()))
                    .or_default()
                    .push((p, i, line.y));
            }
        }
    }
    let needed = page_count.div_ceil(2).max(2);
    for places in seen.values() {
        let mut ys: Vec<f32> = places.iter().map(|&(_, _, y)| y).collect();
        ys.sort_by(f32::total_cmp);
        let median = ys.get(ys.len() / 2).copied().unwrap_or(0.0);
        let here: Vec<&(usize, usize, f32)> = places
            .iter()
            .filter(|(_, _, y)| (y - median).abs() < SAME_PLACE)
            .collect();
        let mut distinct: Vec<usize> = here.iter().map(|(p, _, _)| *p).collect();
        distinct.dedup();
        if distinct.len() >= needed {
            for &&(p, i, _) in &here {
                if let Some(line) = pages.get_mut(p).and_then(|l| l.get_mut(i)) {
                    line.furniture = true;
                }
            }
        }
    }
}

/// The line with its numbers blanked, so "Side 4 af 6" matches "Side 5 af 6".
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            in_number = false;
            if !c.is_whitespace() {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_blanked() {
        assert_eq!(key("Side 4 af 6"), key("Side 12 af 16"));
        assert_ne!(key("Referat"), key("Dagsorden"));
    }
}
