//! Table rows: lines whose chunks stand in columns shared with the lines
//! around them ("Forum: | Udsatterådet"), with cells that wrap over several
//! lines gathered back into one cell.

use super::layout::Line;

/// Column starts closer than this (points) are the same column.
const SAME_COLUMN: f32 = 4.0;
/// Neighbouring rows are looked for this many lines away.
const NEIGHBOUR_LINES: usize = 4;

/// Whether the line at `i` is (the first line of) a table row.
pub(crate) fn is_row_start(lines: &[&Line], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    if line.chunks.len() < 2 || is_toc_entry(line) {
        return false;
    }
    let label = line
        .chunks
        .first()
        .is_some_and(|c| c.text.ends_with(':') && c.text.split_whitespace().count() <= 4);
    if label {
        return true;
    }
    let near = |j: usize| {
        lines.get(j).is_some_and(|other| {
            other.page == line.page
                && (other.y - line.y).abs() < 4.0 * line.size * NEIGHBOUR_LINES as f32
                && other.chunks.len() >= 2
                && !is_toc_entry(other)
                && shares_column(line, other)
        })
    };
    (i.saturating_sub(NEIGHBOUR_LINES)..i).any(near) || (i + 1..=i + NEIGHBOUR_LINES).any(near)
}

fn shares_column(a: &Line, b: &Line) -> bool {
    a.chunks.iter().skip(1).any(|ca| {
        b.chunks
            .iter()
            .skip(1)
            .any(|cb| (ca.x0 - cb.x0).abs() < SAME_COLUMN)
    })
}

/// Read the row starting at `i`: its cells, and how many lines it takes
/// (the row's own line plus the wrapped lines of its cells).
pub(crate) fn take_row(lines: &[&Line], i: usize) -> (Vec<String>, usize) {
    let Some(first) = lines.get(i) else {
        return (Vec::new(), 0);
    };
    let columns: Vec<f32> = first.chunks.iter().map(|c| c.x0).collect();
    let mut cells: Vec<String> = first.chunks.iter().map(|c| c.text.clone()).collect();
    let second_column = columns.get(1).copied().unwrap_or(f32::INFINITY);
    let mut used = 1;
    let mut prev = *first;
    while let Some(next) = lines.get(i + used) {
        let close = next.page == prev.page && next.y - prev.y < 1.9 * prev.size.max(next.size);
        // A wrapped cell starts right of the first column; a line at the
        // first column is a new row or running text.
        if !close || next.furniture || next.x0() < second_column - SAME_COLUMN {
            break;
        }
        for chunk in &next.chunks {
            let col = columns
                .iter()
                .rposition(|&x| x <= chunk.x0 + SAME_COLUMN)
                .unwrap_or(0);
            if let Some(cell) = cells.get_mut(col) {
                super::hyphenation::join_line(cell, &chunk.text);
            }
        }
        prev = next;
        used += 1;
    }
    (cells, used)
}

/// A table-of-contents entry: a title, dotted leaders and a page number.
pub(crate) fn is_toc_entry(line: &Line) -> bool {
    let text = line.chunks.first().map_or("", |c| c.text.as_str());
    let leader = text.contains("....")
        || text.contains("…..")
        || text.contains(". . . .")
        || text.contains("____");
    let ends_with_number = line
        .chunks
        .last()
        .map(|c| {
            c.text
                .trim_end()
                .chars()
                .last()
                .is_some_and(|ch| ch.is_ascii_digit())
        })
        .unwrap_or(false);
    leader && ends_with_number || line.text().contains("......") && line.chunks.len() >= 2
}
