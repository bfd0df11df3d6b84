//! From glyph positions to words and lines: a space is wherever the gap
//! between two glyphs is wide, whether or not the PDF drew a space glyph.

use super::interpreter::{Glyph, PageText};

/// A gap wider than this fraction of the font size separates words.
const WORD_GAP_EM: f32 = 0.18;
/// A gap wider than this separates chunks of a line (table cells, columns,
/// a table of contents' page numbers).
const CHUNK_GAP_EM: f32 = 0.8;
/// Baselines closer than this fraction of the font size share a line.
const SAME_LINE_EM: f32 = 0.4;

/// A run of a line's words with no wide gap inside.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    /// Left edge.
    pub(crate) x0: f32,
    /// Right edge.
    pub(crate) x1: f32,
    /// The words joined with single spaces.
    pub(crate) text: String,
}

/// One line of text on a page.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based page number.
    pub(crate) page: u32,
    /// Baseline, down from the top of the page.
    pub(crate) y: f32,
    /// Font size of most of the line's text.
    pub(crate) size: f32,
    /// All of the line's letters are bold.
    pub(crate) bold: bool,
    /// The chunks, left to right.
    pub(crate) chunks: Vec<Chunk>,
    /// A running header or footer.
    pub(crate) furniture: bool,
    /// The text column the line stands in: 0 for the first (or only) one.
    pub(crate) column: u8,
}

impl Line {
    /// Left edge of the line.
    pub(crate) fn x0(&self) -> f32 {
        self.chunks.first().map_or(0.0, |c| c.x0)
    }

    /// Right edge of the line.
    pub(crate) fn x1(&self) -> f32 {
        self.chunks.last().map_or(0.0, |c| c.x1)
    }

    /// The whole line's text, chunks joined with a space.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.chunks {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&c.text);
        }
        out
    }
}

/// Group a page's glyphs into lines, top to bottom.
pub(crate) fn lines(page: &PageText, page_number: u32) -> Vec<Line> {
    let glyphs = &page.glyphs;
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (&glyphs[a], &glyphs[b]);
        ga.y.total_cmp(&gb.y).then(ga.x.total_cmp(&gb.x))
    });
    // Cluster baselines: a line continues while the next glyph's baseline is
    // close to the line's first one.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut line_y = f32::NEG_INFINITY;
    let mut line_size = 0.0f32;
    for i in order {
        let Some(g) = glyphs.get(i) else { continue };
        if groups.is_empty()
            || (g.y - line_y) > SAME_LINE_EM * line_size.max(g.size.min(line_size * 2.0))
        {
            groups.push(Vec::new());
            line_y = g.y;
            line_size = g.size;
        }
        if let Some(group) = groups.last_mut() {
            group.push(i);
        }
    }
    let mut out = Vec::with_capacity(groups.len());
    for mut group in groups {
        group.sort_by(|&a, &b| glyphs[a].x.total_cmp(&glyphs[b].x));
        if let Some(line) = build_line(page, &group, page_number) {
            out.push(line);
        }
    }
    out
}

fn build_line(page: &PageText, group: &[usize], page_number: u32) -> Option<Line> {
    let glyphs = &page.glyphs;
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut word_break = true;
    let mut prev: Option<&Glyph> = None;
    let mut prev_end = f32::NEG_INFINITY;
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    let (mut bold_letters, mut letters) = (0usize, 0usize);
    let mut baseline_sum = 0.0f32;
    for &i in group {
        let Some(g) = glyphs.get(i) else { continue };
        let text = page.glyph_text(g);
        if text.chars().all(char::is_whitespace) {
            word_break = true;
            continue;
        }
        // The same glyph drawn twice (a poor man's bold) counts once.
        if let Some(p) = prev {
            if (p.x - g.x).abs() < 0.1 * g.size
                && (p.y - g.y).abs() < 0.1 * g.size
                && page.glyph_text(p) == text
            {
                continue;
            }
        }
        let gap = g.x - prev_end;
        let new_chunk = chunks.is_empty() || gap > CHUNK_GAP_EM * g.size;
        if new_chunk {
            chunks.push(Chunk {
                x0: g.x,
                x1: g.x + g.width,
                text: String::new(),
            });
        } else if word_break || gap > WORD_GAP_EM * g.size {
            if let Some(c) = chunks.last_mut() {
                c.text.push(' ');
            }
        }
        if let Some(c) = chunks.last_mut() {
            c.text.push_str(text);
            c.x1 = c.x1.max(g.x + g.width);
        }
        word_break = false;
        prev = Some(g);
        prev_end = prev_end.max(g.x + g.width);
        if text.chars().any(char::is_alphanumeric) {
            letters += 1;
            bold_letters += usize::from(g.bold);
        }
        baseline_sum += g.y;
        match sizes.iter_mut().find(|(s, _)| (*s - g.size).abs() < 0.25) {
            Some((_, n)) => *n += 1,
            None => sizes.push((g.size, 1)),
        }
    }
    if chunks.is_empty() {
        return None;
    }
    let count: usize = sizes.iter().map(|(_, n)| n).sum();
    let size = sizes
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(10.0, |(s, _)| *s);
    // A soft hyphen drawn at the end of a line is a hyphenation point that
    // was used; normalising would delete it and leave the word broken.
    if let Some(last) = chunks.last_mut() {
        let trimmed = last.text.trim_end();
        if let Some(stem) = trimmed.strip_suffix('\u{00AD}') {
            last.text = format!("{stem}-");
        }
    }
    for c in &mut chunks {
        c.text = crate::text::normalize(&c.text);
    }
    chunks.retain(|c| !c.text.is_empty());
    if chunks.is_empty() {
        return None;
    }
    // A list marker set off by a tab belongs to the text after it, not to a
    // column of its own.
    if chunks.len() >= 2 && chunks.first().is_some_and(|c| is_marker_only(&c.text)) {
        let marker = chunks.remove(0);
        if let Some(c) = chunks.first_mut() {
            c.text = format!("{} {}", marker.text, c.text);
            c.x0 = marker.x0;
        }
    }
    Some(Line {
        page: page_number,
        y: baseline_sum / count.max(1) as f32,
        size,
        bold: letters > 0 && bold_letters * 10 >= letters * 9,
        chunks,
        furniture: false,
        column: 0,
    })
}

/// A bullet glyph, a dash, or a number or letter with "." or ")" standing alone.
pub(crate) fn is_marker_only(text: &str) -> bool {
    let mut chars = text.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else {
        return false;
    };
    if rest.is_empty() {
        return is_bullet_char(first) || matches!(first, '-' | '–' | '—' | '*' | 'o');
    }
    let Some(body) = text.strip_suffix(['.', ')']) else {
        return false;
    };
    !body.is_empty()
        && body.len() <= 3
        && (body.bytes().all(|b| b.is_ascii_digit())
            || body.chars().all(|c| c.is_ascii_lowercase()) && body.len() == 1)
}

/// Glyphs used as bullets, including the private-use code points that
/// symbol fonts (Symbol, Wingdings) put them at.
pub(crate) fn is_bullet_char(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '‣'
            | '◦'
            | '●'
            | '■'
            | '□'
            | '➢'
            | '✓'
            | '○'
            | '►'
            | '▸'
            | '∙'
    ) || ('\u{E000}'..='\u{F8FF}').contains(&c)
}
