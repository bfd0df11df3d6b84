//! Reading order on pages set in two columns: the left column is read to
//! its end before the right one. Columns are found by a vertical gutter that
//! few lines cross, with running text (not a label/value table) on both
//! sides.

use super::layout::{Chunk, Line};

/// At most this share of the lines may cross the gutter (titles, headings
/// spanning both columns).
const MAX_CROSSING_SHARE: f32 = 0.2;
/// Running text has at least this many words per chunk on average; labels of
/// a table do not.
const MIN_WORDS_PER_CHUNK: f32 = 3.0;
/// A column has at least this many chunks.
const MIN_CHUNKS_PER_COLUMN: usize = 4;
/// Gutter positions tried: one every 2 points on a real page, and never more
/// than this many, whatever coordinates a hostile file claims (with huge ones
/// a float step of 2 points stops moving and the scan never ended).
const MAX_GUTTER_CANDIDATES: usize = 200;

/// Reorder a page's lines (top to bottom) into reading order, splitting
/// lines that run across both columns into one line per column.
pub(crate) fn reading_order(lines: Vec<Line>) -> Vec<Line> {
    let Some(gutter) = find_gutter(&lines) else {
        return lines;
    };
    let mut out = Vec::with_capacity(lines.len() + 8);
    let mut left: Vec<Line> = Vec::new();
    let mut right: Vec<Line> = Vec::new();
    for line in lines {
        let crosses = line.chunks.iter().any(|c| c.x0 < gutter && c.x1 > gutter);
        if crosses || line.furniture {
            out.append(&mut left);
            out.append(&mut right);
            out.push(line);
            continue;
        }
        let (l, r): (Vec<Chunk>, Vec<Chunk>) =
            line.chunks.iter().cloned().partition(|c| c.x1 <= gutter);
        if !l.is_empty() {
            left.push(Line {
                chunks: l,
                column: 0,
                ..line.clone()
            });
        }
        if !r.is_empty() {
            right.push(Line {
                chunks: r,
                column: 1,
                ..line
            });
        }
    }
    out.append(&mut left);
    out.append(&mut right);
    out
}

/// The x of a gutter between two columns of running text, if the page has one.
fn find_gutter(lines: &[Line]) -> Option<f32> {
    let content: Vec<&Line> = lines.iter().filter(|l| !l.furniture).collect();
    if content.len() < 2 * MIN_CHUNKS_PER_COLUMN {
        return None;
    }
    let left_edge = content.iter().map(|l| l.x0()).fold(f32::INFINITY, f32::min);
    let right_edge = content
        .iter()
        .map(|l| l.x1())
        .fold(f32::NEG_INFINITY, f32::max);
    let width = right_edge - left_edge;
    if !width.is_finite() || width < 100.0 {
        return None;
    }
    let mut best: Option<(usize, usize, f32)> = None;
    let start = left_edge + 0.3 * width;
    let span = 0.4 * width;
    let stride = (span / MAX_GUTTER_CANDIDATES as f32).max(2.0);
    // Float to integer casts saturate; the stride bounds the count anyway.
    let steps = ((span / stride) as usize).min(MAX_GUTTER_CANDIDATES);
    for i in 0..=steps {
        let x = start + stride * i as f32;
        let crossing = content
            .iter()
            .filter(|l| l.chunks.iter().any(|c| c.x0 < x && c.x1 > x))
            .count();
        let balance = {
            let (mut l, mut r) = (0usize, 0usize);
            for c in content.iter().flat_map(|l| l.chunks.iter()) {
                if c.x1 <= x {
                    l += 1;
                } else if c.x0 >= x {
                    r += 1;
                }
            }
            l.min(r)
        };
        let better = match best {
            None => true,
            Some((bc, bb, _)) => crossing < bc || crossing == bc && balance > bb,
        };
        if better {
            best = Some((crossing, balance, x));
        }
    }
    let (crossing, _, x) = best?;
    if crossing as f32 > MAX_CROSSING_SHARE * content.len() as f32 {
        return None;
    }
    let side = |left: bool| -> Option<()> {
        let chunks: Vec<&Chunk> = content
            .iter()
            .filter(|l| !l.chunks.iter().any(|c| c.x0 < x && c.x1 > x))
            .flat_map(|l| l.chunks.iter())
            .filter(|c| if left { c.x1 <= x } else { c.x0 >= x })
            .collect();
        let words: usize = chunks
            .iter()
            .map(|c| c.text.split_whitespace().count())
            .sum();
        (chunks.len() >= MIN_CHUNKS_PER_COLUMN
            && words as f32 >= MIN_WORDS_PER_CHUNK * chunks.len() as f32)
            .then_some(())
    };
    side(true)?;
    side(false)?;
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f32, chunks: &[(f32, f32, &str)]) -> Line {
        Line {
            page: 1,
            y,
            size: 10.0,
            bold: false,
            chunks: chunks
                .iter()
                .map(|&(x0, x1, t)| Chunk {
                    x0,
                    x1,
                    text: t.to_string(),
                })
                .collect(),
            furniture: false,
            column: 0,
        }
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut lines = vec![line(
            50.0,
            &[(50.0, 540.0, "En overskrift der går over begge spalter")],
        )];
        for i in 0..6 {
            let y = 80.0 + 12.0 * i as f32;
            lines.push(line(
                y,
                &[
                    (50.0, 280.0, "venstre spalte med en del ord"),
                    (310.0, 540.0, "højre spalte med flere ord her"),
                ],
            ));
        }
        let ordered = reading_order(lines);
        let texts: Vec<String> = ordered.iter().map(Line::text).collect();
        assert_eq!(texts[0], "En overskrift der går over begge spalter");
        assert!(texts[1..7].iter().all(|t| t.starts_with("venstre")));
        assert!(texts[7..].iter().all(|t| t.starts_with("højre")));
        assert!(ordered[7..].iter().all(|l| l.column == 1));
    }

    #[test]
    fn absurd_coordinates_end_the_gutter_scan() {
        // A float step of 2 points does not move x near 1e30: the scan once
        // looped for ever on such a page (found by the pdf_content fuzzer).
        let lines: Vec<Line> = (0..10)
            .map(|i| {
                let y = 80.0 + 12.0 * i as f32;
                line(y, &[(0.0, 10.0, "a b c d"), (1e30, 2e30, "e f g h")])
            })
            .collect();
        let ordered = reading_order(lines);
        assert_eq!(ordered.len(), 20, "split into two columns of ten lines");
    }

    #[test]
    fn a_label_value_table_is_not_two_columns() {
        let mut lines = Vec::new();
        for (i, label) in [
            "Forum:",
            "Tid:",
            "Sted:",
            "Deltagere:",
            "Afbud:",
            "Referent:",
        ]
        .iter()
        .enumerate()
        {
            lines.push(line(
                80.0 + 14.0 * i as f32,
                &[
                    (50.0, 100.0, label),
                    (180.0, 400.0, "en værdi med nogle ord"),
                ],
            ));
        }
        let before: Vec<String> = lines.iter().map(Line::text).collect();
        let after: Vec<String> = reading_order(lines).iter().map(Line::text).collect();
        assert_eq!(before, after);
    }
}
