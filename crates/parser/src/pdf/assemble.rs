//! From lines to blocks: paragraphs, headings, list items, table rows and
//! table-of-contents entries, in reading order.

use crate::blocks::{Block, BlockKind};
use crate::text::normalize;

use super::hyphenation::join_line;
use super::layout::Line;
use super::tables::{is_row_start, is_toc_entry, take_row};

/// Line sizes larger than the body text by this factor make headings.
const HEADING_SIZE_FACTOR: f32 = 1.12;
/// Bold lines larger than the body text by this factor (12 pt bold over an
/// 11 pt body) are headings above body-size bold ones, though too close to
/// the body's size to be headings in a regular weight.
const BOLD_STEP_FACTOR: f32 = 1.04;
/// Headings are short.
const MAX_HEADING_CHARS: usize = 250;

/// What the whole document's lines say about its typography.
#[derive(Debug, Clone)]
pub(crate) struct Typography {
    /// The font size of most text.
    body_size: f32,
    /// Line pitch of running text as a multiple of the font size.
    pitch: f32,
    /// Heading sizes larger than the body, largest first.
    heading_sizes: Vec<f32>,
    /// Sizes of bold lines a step above the body but below the heading
    /// sizes, largest first: headings below those, above body-size bold.
    bold_sizes: Vec<f32>,
}

impl Typography {
    /// Measure the document.
    pub(crate) fn measure(pages: &[Vec<Line>]) -> Typography {
        let mut sizes: Vec<(f32, usize)> = Vec::new();
        let mut bold_line_sizes: Vec<f32> = Vec::new();
        let mut pitches: Vec<(i32, usize)> = Vec::new();
        for lines in pages {
            for (i, line) in lines.iter().enumerate() {
                let chars: usize = line.chunks.iter().map(|c| c.text.len()).sum();
                if line.bold && !line.furniture {
                    bold_line_sizes.push(line.size);
                }
                match sizes.iter_mut().find(|(s, _)| (*s - line.size).abs() < 0.3) {
                    Some((_, n)) => *n += chars,
                    None => sizes.push((line.size, chars)),
                }
                if let Some(next) = lines.get(i + 1) {
                    if (next.size - line.size).abs() < 0.3 && line.size > 0.0 {
                        let ratio = (next.y - line.y) / line.size;
                        if (0.9..3.0).contains(&ratio) {
                            let key = (ratio * 20.0).round() as i32;
                            match pitches.iter_mut().find(|(k, _)| *k == key) {
                                Some((_, n)) => *n += 1,
                                None => pitches.push((key, 1)),
                            }
                        }
                    }
                }
            }
        }
        let body_size = sizes
            .iter()
            .max_by_key(|(_, n)| *n)
            .map_or(11.0, |(s, _)| *s);
        let pitch = pitches
            .iter()
            .max_by_key(|(_, n)| *n)
            .map_or(1.2, |(k, _)| *k as f32 / 20.0);
        let mut heading_sizes: Vec<f32> = Vec::new();
        for (size, _) in &sizes {
            let rounded = (size * 2.0).round() / 2.0;
            if *size > body_size * HEADING_SIZE_FACTOR && !heading_sizes.contains(&rounded) {
                heading_sizes.push(rounded);
            }
        }
        heading_sizes.sort_by(|a, b| b.total_cmp(a));
        let mut bold_sizes: Vec<f32> = Vec::new();
        for size in bold_line_sizes {
            let rounded = (size * 2.0).round() / 2.0;
            let step =
                size > body_size * BOLD_STEP_FACTOR && size <= body_size * HEADING_SIZE_FACTOR;
            if step && !bold_sizes.contains(&rounded) {
                bold_sizes.push(rounded);
            }
        }
        bold_sizes.sort_by(|a, b| b.total_cmp(a));
        Typography {
            body_size,
            pitch,
            heading_sizes,
            bold_sizes,
        }
    }

    fn heading_level(&self, size: f32, bold: bool) -> Option<u8> {
        if size > self.body_size * HEADING_SIZE_FACTOR {
            let rounded = (size * 2.0).round() / 2.0;
            let idx = self
                .heading_sizes
                .iter()
                .position(|s| (*s - rounded).abs() < 0.01)
                .unwrap_or(0);
            return Some((idx + 1).min(6) as u8);
        }
        if !bold {
            return None;
        }
        // Bold a step above the body ranks below every larger size and
        // above body-size bold.
        let rounded = (size * 2.0).round() / 2.0;
        let step = (size > self.body_size * BOLD_STEP_FACTOR)
            .then(|| {
                self.bold_sizes
                    .iter()
                    .position(|s| (*s - rounded).abs() < 0.01)
            })
            .flatten()
            .unwrap_or(self.bold_sizes.len());
        Some((self.heading_sizes.len() + step + 1).min(6) as u8)
    }
}

/// A list marker at the start of a line: its number, if numbered, and where
/// the text after it starts.
struct Marker<'a> {
    number: Option<u32>,
    /// A bullet glyph, which starts an item whatever comes before.
    glyph: bool,
    dash: Option<char>,
    rest: &'a str,
}

fn list_marker(text: &str) -> Option<Marker<'_>> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let after_first = chars.as_str();
    let is_bullet_glyph = super::layout::is_bullet_char(first);
    if is_bullet_glyph {
        let rest = after_first.trim_start();
        return (!rest.is_empty()).then_some(Marker {
            number: None,
            glyph: true,
            dash: None,
            rest,
        });
    }
    if matches!(first, '-' | '–' | '—') {
        let rest = after_first.strip_prefix(' ')?.trim_start();
        return (!rest.is_empty()).then_some(Marker {
            number: None,
            glyph: false,
            dash: Some(first),
            rest,
        });
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let after = text.get(digits..)?;
        let rest = after
            .strip_prefix(". ")
            .or_else(|| after.strip_prefix(") "))?
            .trim_start();
        let word = rest.split_whitespace().next().unwrap_or_default();
        if rest.is_empty() || crate::danish::is_month_name(word) {
            return None;
        }
        let number = text.get(..digits)?.parse().ok()?;
        return Some(Marker {
            number: Some(number),
            glyph: false,
            dash: None,
            rest,
        });
    }
    None
}

/// The block being gathered.
struct Open {
    lines: Vec<usize>,
    text: String,
    /// The text with its list marker, for a numbered heading.
    full_text: String,
    marker_number: Option<Option<u32>>,
    dash: Option<char>,
    depth: u8,
}

/// Turn one page's lines (top to bottom, furniture flagged) into blocks.
pub(crate) fn page_blocks(lines: &[Line], typo: &Typography, out: &mut Vec<Block>) {
    let content: Vec<&Line> = lines.iter().collect();
    let edges = [
        text_edges(lines, 0, typo.body_size),
        text_edges(lines, 1, typo.body_size),
    ];
    let mut open: Option<Open> = None;
    let mut i = 0usize;
    while let Some(line) = content.get(i) {
        if line.furniture {
            flush(&mut open, &content, typo, out);
            let mut b = Block::paragraph(line.text());
            b.page = Some(line.page);
            b.furniture = true;
            out.push(b);
            i += 1;
            continue;
        }
        if is_toc_entry(line) || toc_neighbour(&content, i) {
            // A title too long for one line starts on the line(s) before its
            // leaders, at the same indent.
            let mut text = String::new();
            if let Some(block) = open.take() {
                let wrapped_title = block.lines.iter().all(|&j| {
                    content.get(j).is_some_and(|l| {
                        (l.x0() - line.x0()).abs() < 2.0
                            && (l.size - line.size).abs() < 0.3
                            && i - j <= 3
                    })
                }) && block.marker_number.is_none();
                if wrapped_title {
                    text = block.text;
                } else {
                    open = Some(block);
                    flush(&mut open, &content, typo, out);
                }
            }
            join_line(&mut text, &line.text());
            let mut b = Block::paragraph(normalize(&text));
            b.page = Some(line.page);
            out.push(b);
            i += 1;
            continue;
        }
        if is_row_start(&content, i) {
            flush(&mut open, &content, typo, out);
            let (cells, used) = take_row(&content, i);
            let cells: Vec<String> = cells.iter().map(|c| normalize(c)).collect();
            let mut b = Block::table_row(cells);
            b.page = Some(line.page);
            out.push(b);
            i += used.max(1);
            continue;
        }
        let text = line.text();
        let marker = list_marker(&text);
        let starts_new = match (&open, content.get(i.wrapping_sub(1))) {
            (Some(block), Some(prev)) if i > 0 => {
                let gap = line.y - prev.y;
                let size_change = (line.size - prev.size).abs() > 0.08 * prev.size.max(line.size);
                let first_word = text
                    .split_whitespace()
                    .next()
                    .map_or(0, |w| w.chars().count());
                let right = edges
                    .get(usize::from(prev.column.min(1)))
                    .map_or(f32::INFINITY, |e| e.1);
                let fits_before = prev.x1() + (first_word as f32 * 0.5 + 0.3) * prev.size < right;
                // A line cut by a hyphen, or the indented continuation of a
                // list entry, is not the end of its block however short.
                let hyphenated = prev.chunks.last().is_some_and(|c| {
                    let mut rev = c.text.chars().rev();
                    matches!(rev.next(), Some('-' | '\u{2010}'))
                        && rev.next().is_some_and(char::is_alphabetic)
                });
                let block_x0 = block
                    .lines
                    .first()
                    .and_then(|&j| content.get(j))
                    .map_or(0.0, |l| l.x0());
                // A wrapped list entry goes on at its text's indent, in the
                // middle of a sentence.
                let hanging = block.marker_number.is_some()
                    && marker.is_none()
                    && line.x0() > block_x0 + 0.8 * line.size
                    && text
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                    && !prev
                        .chunks
                        .last()
                        .is_some_and(|c| c.text.ends_with(['.', ':', '!', '?']));
                let short = fits_before && !hyphenated && !hanging;
                let item_follows = match &marker {
                    Some(m) if m.glyph => true,
                    Some(m) => match (block.marker_number, m.number) {
                        (Some(Some(n)), Some(k)) => k == n + 1,
                        (Some(None), None) => block.dash.is_some() && block.dash == m.dash,
                        _ => false,
                    },
                    None => false,
                };
                gap > typo.pitch * prev.size * 1.3
                    || gap < 0.0
                    || size_change
                    || line.bold != prev.bold
                    || short
                    || item_follows
                    || prev.chunks.len() > 1 && is_row_start(&content, i - 1)
            }
            _ => true,
        };
        if starts_new {
            flush(&mut open, &content, typo, out);
            let (marker_number, dash, body) = match &marker {
                Some(m) => (Some(m.number), m.dash, m.rest.to_string()),
                None => (None, None, text.clone()),
            };
            let left = edges
                .get(usize::from(line.column.min(1)))
                .map_or(0.0, |e| e.0);
            let depth = ((line.x0() - left) / (2.0 * typo.body_size))
                .round()
                .clamp(0.0, 4.0) as u8;
            open = Some(Open {
                lines: vec![i],
                text: body,
                full_text: text.clone(),
                marker_number,
                dash,
                depth,
            });
        } else if let Some(block) = open.as_mut() {
            block.lines.push(i);
            join_line(&mut block.text, &text);
            join_line(&mut block.full_text, &text);
        }
        i += 1;
    }
    flush(&mut open, &content, typo, out);
}

fn flush(open: &mut Option<Open>, lines: &[&Line], typo: &Typography, out: &mut Vec<Block>) {
    let Some(block) = open.take() else { return };
    let first = block.lines.first().and_then(|&i| lines.get(i));
    let mut text = normalize(&block.text);
    if text.is_empty() {
        return;
    }
    let all_bold = block
        .lines
        .iter()
        .all(|&i| lines.get(i).is_some_and(|l| l.bold));
    let size = first.map_or(typo.body_size, |l| l.size);
    let level = (text.chars().count() <= MAX_HEADING_CHARS && block.lines.len() <= 3)
        .then(|| typo.heading_level(size, all_bold))
        .flatten();
    let kind = match (block.marker_number, level) {
        // "1. Godkendelse af referat" set as a heading is a numbered heading,
        // not a list entry: its number stays in its text.
        (Some(Some(_)), Some(level)) => {
            text = normalize(&block.full_text);
            BlockKind::Heading { level }
        }
        (Some(number), _) => BlockKind::ListItem {
            depth: block.depth,
            number,
        },
        (None, Some(level)) => BlockKind::Heading { level },
        (None, None) => BlockKind::Paragraph,
    };
    let mut b = Block::new(kind, text);
    b.page = first.map(|l| l.page);
    out.push(b);
}

/// Left edge and right margin of the running text in one column of a page.
fn text_edges(lines: &[Line], column: u8, body_size: f32) -> (f32, f32) {
    let lines: Vec<&Line> = lines.iter().filter(|l| l.column == column).collect();
    let left = lines
        .iter()
        .filter(|l| !l.furniture)
        .map(|l| l.x0())
        .fold(f32::INFINITY, f32::min);
    // Running text: body-size lines long enough to have been wrapped.
    let mut rights: Vec<f32> = lines
        .iter()
        .filter(|l| {
            !l.furniture
                && l.chunks.len() == 1
                && (l.size - body_size).abs() < 0.08 * body_size
                && l.chunks
                    .first()
                    .is_some_and(|c| c.text.chars().count() > 25)
        })
        .map(|l| l.x1())
        .collect();
    rights.sort_by(f32::total_cmp);
    let right = match rights.len() {
        0 => lines.iter().map(|l| l.x1()).fold(0.0, f32::max),
        n => rights.get((n * 9) / 10).copied().unwrap_or(0.0),
    };
    (if left.is_finite() { left } else { 0.0 }, right)
}

/// Join paragraphs (or list entries) that a page break cut in two: the first does not end a
/// sentence and the second starts in lower case.
pub(crate) fn join_across_pages(blocks: &mut Vec<Block>) {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut last_content: Option<usize> = None;
    for block in blocks.drain(..) {
        if !block.furniture {
            if let Some(li) = last_content {
                if let Some(prev) = out.get_mut(li) {
                    let continues = prev.page != block.page
                        && matches!(prev.kind, BlockKind::Paragraph | BlockKind::ListItem { .. })
                        && matches!(block.kind, BlockKind::Paragraph)
                        && !prev.text.ends_with(['.', ':', '!', '?'])
                        && block.text.chars().next().is_some_and(char::is_lowercase);
                    if continues {
                        join_line(&mut prev.text, &block.text);
                        continue;
                    }
                }
            }
            last_content = Some(out.len());
        }
        out.push(block);
    }
    *blocks = out;
}

/// A line ending in a page number among table-of-contents entries is one
/// too, even when its title filled the line and left no room for leaders.
fn toc_neighbour(lines: &[&Line], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    let ends_in_number = line.chunks.len() >= 2
        && line.chunks.last().is_some_and(|c| {
            !c.text.is_empty() && c.text.len() <= 4 && c.text.bytes().all(|b| b.is_ascii_digit())
        });
    ends_in_number
        && [i.wrapping_sub(1), i + 1].iter().any(|&j| {
            lines
                .get(j)
                .is_some_and(|l| l.page == line.page && is_toc_entry(l))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::layout::Chunk;

    /// A one-chunk line at baseline `y`.
    fn line(y: f32, size: f32, bold: bool, text: &str) -> Line {
        Line {
            page: 1,
            y,
            size,
            bold,
            chunks: vec![Chunk {
                x0: 72.0,
                x1: 72.0 + text.chars().count() as f32 * size * 0.5,
                text: text.to_string(),
            }],
            furniture: false,
            column: 0,
        }
    }

    fn levels(lines: Vec<Line>) -> Vec<(Option<u8>, String)> {
        let pages = vec![lines];
        let typo = Typography::measure(&pages);
        let mut out = Vec::new();
        page_blocks(&pages[0], &typo, &mut out);
        out.into_iter()
            .map(|b| match b.kind {
                BlockKind::Heading { level } => (Some(level), b.text),
                _ => (None, b.text),
            })
            .collect()
    }

    const BODY: &str = "Udvalget drøftede sagen grundigt og besluttede at sende den videre";

    #[test]
    fn bold_a_step_above_the_body_ranks_above_body_size_bold() {
        let lines = vec![
            line(100.0, 16.0, true, "Referat"),
            line(130.0, 12.0, true, "Budget for 2020"),
            line(150.0, 11.0, true, "Beslutning"),
            line(170.0, 11.0, false, BODY),
            line(183.0, 11.0, false, BODY),
            line(196.0, 11.0, false, BODY),
            line(225.0, 12.0, true, "Eventuelt"),
            line(245.0, 11.0, false, BODY),
        ];
        let got = levels(lines);
        let heading = |t: &str| got.iter().find(|(_, s)| s == t).and_then(|(l, _)| *l);
        assert_eq!(heading("Referat"), Some(1));
        assert_eq!(heading("Budget for 2020"), Some(2));
        assert_eq!(heading("Eventuelt"), Some(2));
        assert_eq!(heading("Beslutning"), Some(3));
    }

    #[test]
    fn regular_weight_a_step_above_the_body_is_no_heading() {
        let lines = vec![
            line(100.0, 12.0, false, "Budget for 2020"),
            line(130.0, 11.0, true, "Beslutning"),
            line(150.0, 11.0, false, BODY),
            line(163.0, 11.0, false, BODY),
        ];
        let got = levels(lines);
        assert_eq!(got[0], (None, "Budget for 2020".to_string()));
        assert_eq!(got[1], (Some(1), "Beslutning".to_string()));
    }
}
