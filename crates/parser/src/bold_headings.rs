//! Whole-bold paragraphs as headings.
//!
//! Many minutes are written without heading styles: an agenda item's title,
//! or a label like "Beslutning:", is a paragraph of body text set in bold.
//! A reader takes such a line as a heading when
//!
//! - the whole paragraph is bold (every run with text, not just a word),
//! - it is short, and does not end like a sentence (".", "!", "?"),
//! - text that is not bold follows it (possibly after more bold lines: an
//!   item title over its bold "Sagsfremstilling:" label), and
//! - bold is the exception in the document, not its body text.
//!
//! It then ranks below every styled heading of the document, as body-size
//! bold ranks below every larger size in a PDF (`pdf::assemble`). The
//! format readers that know which runs are bold (DOCX, .doc, HTML) mark
//! their paragraphs [`Block::bold`] and call [`promote`]; the structure
//! extractor then sees the same headings it sees in a styled document.

use crate::blocks::{Block, BlockKind};

/// A heading is a line or two: longer bold paragraphs are emphasis.
const MAX_HEADING_CHARS: usize = 150;

/// What a sentence ends with; a heading does not ("Beslutning:" does not).
const SENTENCE_ENDS: &[char] = &['.', '!', '?'];

/// The deepest heading level there is.
const DEEPEST_LEVEL: u8 = 6;

/// Turn the whole-bold paragraphs of `blocks` that stand as headings into
/// headings one level below the document's deepest styled heading.
pub(crate) fn promote(blocks: &mut [Block]) {
    let candidates: Vec<bool> = blocks.iter().map(is_candidate).collect();
    if !candidates.contains(&true) {
        return;
    }
    // Bold as the body text marks nothing out: the bold paragraphs must
    // hold less of the text than the rest does.
    let chars = |bold: bool| -> usize {
        blocks
            .iter()
            .filter(|b| !b.furniture && b.bold == bold && is_body_text(b))
            .map(|b| b.text.chars().count())
            .sum()
    };
    if chars(true) >= chars(false) {
        return;
    }
    let deepest = blocks
        .iter()
        .filter(|b| !b.furniture)
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let level = deepest.saturating_add(1).min(DEEPEST_LEVEL);
    // From the end: a candidate is a heading once text that is not bold
    // follows it.
    let mut followed = false;
    for (block, candidate) in blocks.iter_mut().zip(candidates).rev() {
        if block.furniture {
            continue;
        }
        if candidate {
            if followed {
                block.kind = BlockKind::Heading { level };
            }
        } else if !block.text.trim().is_empty() {
            followed = true;
        }
    }
}

/// A bold paragraph that may stand as a heading.
fn is_candidate(block: &Block) -> bool {
    let text = block.text.trim();
    block.bold
        && !block.furniture
        && matches!(block.kind, BlockKind::Paragraph)
        && !text.is_empty()
        && text.chars().count() <= MAX_HEADING_CHARS
        && !text.ends_with(SENTENCE_ENDS)
}

/// Text of the body: paragraphs, list entries and table rows.
fn is_body_text(block: &Block) -> bool {
    !block.text.trim().is_empty() && !matches!(block.kind, BlockKind::Heading { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bold(text: &str) -> Block {
        let mut b = Block::paragraph(text);
        b.bold = true;
        b
    }

    fn kinds(blocks: &[Block]) -> Vec<Option<u8>> {
        blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Heading { level } => Some(level),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bold_titles_over_text_rank_below_styled_headings() {
        let mut blocks = vec![
            Block::heading(1, "Beslutningspunkter"),
            bold("Valg af næstformand"),
            bold("Indstilling:"),
            Block::paragraph("Forvaltningen indstiller, at rådet vælger en næstformand."),
            bold("Eventuelt"),
            Block::paragraph("Intet."),
        ];
        promote(&mut blocks);
        assert_eq!(
            kinds(&blocks),
            [Some(1), Some(2), Some(2), None, Some(2), None]
        );
    }

    #[test]
    fn sentences_long_lines_and_a_bold_end_stay_paragraphs() {
        let long = "Ord ".repeat(40);
        let mut blocks = vec![
            bold("Mødet blev hævet kl. 18."),
            bold(long.trim()),
            Block::paragraph("Rådet drøftede sagen."),
            Block::paragraph("Næste møde aftales senere."),
            Block::paragraph("Tak for i dag."),
            bold("Med venlig hilsen"),
        ];
        promote(&mut blocks);
        assert_eq!(kinds(&blocks), [None; 6]);
    }

    #[test]
    fn a_document_set_all_in_bold_has_no_bold_headings() {
        let mut blocks = vec![
            bold("Orientering om budgettet for det kommende år"),
            bold("Rådet orienteres om budgettet"),
            Block::paragraph("Taget til efterretning."),
        ];
        promote(&mut blocks);
        assert_eq!(kinds(&blocks), [None; 3]);
    }

    #[test]
    fn with_no_styled_heading_bold_is_the_top_level() {
        let mut blocks = vec![
            bold("Budget 2020"),
            Block::paragraph("Budgettet blev gennemgået."),
            Block::paragraph("Det blev godkendt."),
        ];
        promote(&mut blocks);
        assert_eq!(kinds(&blocks), [Some(1), None, None]);
    }
}
