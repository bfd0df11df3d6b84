//! The title on a Word document's cover.
//!
//! Policies, plans and reports open with a cover: the title set in large
//! type, often one word or phrase a paragraph ("Politik" / "for" / "Kultur
//! og Fritid -" / "Lokalt engagement."), then perhaps a line saying who
//! approved it, and only then the first heading ("Forord"). A reader takes
//! the lines in the document's largest type before its first heading, one
//! after another, as one title, when that type is clearly larger than the
//! body text. The paragraphs are made one heading of the top level, so the
//! structure extractor finds the title where it looks for one.

use crate::{Block, BlockKind};

/// Cover type is at least this many times the body text's size.
const COVER_SIZE_FACTOR: f32 = 1.5;
/// A cover's title is a few lines; more lines in large type are not one title.
const MAX_TITLE_LINES: usize = 6;
/// The cover is the opening: blocks after this many are no longer on it.
const MAX_COVER_BLOCKS: usize = 12;

/// The type size of the main text's paragraphs.
#[derive(Debug, Default)]
pub(crate) struct TypeSizes {
    /// Paragraph blocks outside tables: (block index, half-points).
    paragraphs: Vec<(usize, u16)>,
    /// Letters set in each size (half-points).
    letters: Vec<(u16, usize)>,
}

impl TypeSizes {
    /// Note the blocks of one paragraph, the first at index `at` of the
    /// document's blocks, with `letters` letters of `size` half-points.
    pub(crate) fn add(&mut self, at: usize, blocks: &[Block], size: u16, letters: usize) {
        if letters == 0 {
            return;
        }
        match self.letters.iter_mut().find(|(s, _)| *s == size) {
            Some((_, n)) => *n += letters,
            None => self.letters.push((size, letters)),
        }
        for (k, block) in blocks.iter().enumerate() {
            if matches!(block.kind, BlockKind::Paragraph) {
                self.paragraphs.push((at + k, size));
            }
        }
    }

    /// Make the cover's title lines in `blocks` one heading of level 1.
    pub(crate) fn set_cover_title(&self, blocks: &mut Vec<Block>) {
        let Some(body) = self.letters.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s) else {
            return;
        };
        let cover_end = blocks
            .iter()
            .position(|b| !b.furniture && matches!(b.kind, BlockKind::Heading { .. }))
            .unwrap_or(blocks.len())
            .min(MAX_COVER_BLOCKS);
        let Some(largest) = self.paragraphs.iter().map(|&(_, s)| s).max() else {
            return;
        };
        if f32::from(largest) < f32::from(body) * COVER_SIZE_FACTOR {
            return;
        }
        let lines: Vec<usize> = self
            .paragraphs
            .iter()
            .filter(|&&(i, s)| i < cover_end && s == largest)
            .map(|&(i, _)| i)
            .collect();
        let Some(&first) = lines.first() else {
            return;
        };
        // One title: lines next to each other.
        let run = lines
            .iter()
            .enumerate()
            .take_while(|&(k, &i)| i == first + k)
            .count();
        if run > MAX_TITLE_LINES {
            return;
        }
        let text = blocks[first..first + run]
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        blocks.drain(first + 1..first + run);
        if let Some(block) = blocks.get_mut(first) {
            block.kind = BlockKind::Heading { level: 1 };
            block.text = text;
        }
    }
}

/// The value that occurs most often (the first of equals).
pub(crate) fn most_common(values: impl Iterator<Item = u16>) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(s, _)| *s == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(v, _)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(paras: &[(&str, u16)]) -> (Vec<Block>, TypeSizes) {
        let mut blocks = Vec::new();
        let mut t = TypeSizes::default();
        for (text, size) in paras {
            let b = if text.starts_with('#') {
                Block::heading(1, text.trim_start_matches('#'))
            } else {
                Block::paragraph(*text)
            };
            t.add(blocks.len(), std::slice::from_ref(&b), *size, text.len());
            blocks.push(b);
        }
        (blocks, t)
    }

    const BODY: &str =
        "Kultur giver puls og liv og bidrager til, at et område er et godt sted at bo.";

    #[test]
    fn large_cover_lines_before_the_first_heading_are_one_title() {
        let (mut blocks, t) = sizes(&[
            ("Plan", 40),
            ("for", 40),
            ("Idræt og Bevægelse", 40),
            ("Vedtaget af kommunalbestyrelsen den 2. maj 2015", 20),
            ("#Indledning", 28),
            (BODY, 20),
            (BODY, 20),
            (BODY, 20),
        ]);
        t.set_cover_title(&mut blocks);
        assert_eq!(blocks[0].kind, BlockKind::Heading { level: 1 });
        assert_eq!(blocks[0].text, "Plan for Idræt og Bevægelse");
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
        assert_eq!(blocks.len(), 6);
    }

    #[test]
    fn type_near_the_body_size_is_no_cover() {
        let (mut blocks, t) = sizes(&[("Plan for idræt", 24), (BODY, 20), (BODY, 20)]);
        t.set_cover_title(&mut blocks);
        assert_eq!(blocks[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn largest_type_after_the_first_heading_is_no_cover() {
        let (mut blocks, t) = sizes(&[("#Forord", 28), (BODY, 20), ("2025", 48), (BODY, 20)]);
        t.set_cover_title(&mut blocks);
        assert_eq!(blocks[2].kind, BlockKind::Paragraph);
    }
}
