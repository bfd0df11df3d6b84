//! Compound splitting: the whole word and its parts at the same position.

use super::expand::{Expand, WordMap};
use super::lexicon::Lexicon;

/// Emits each token as it is and, for a compound of known words, its
/// pieces at the same position ([`Lexicon::pieces`]: the parts, runs of
/// adjacent parts, and the parts of parts): "hjemløsereform" →
/// "hjemløsereform", "hjemløs", "reform"; "ensomhedspuljen" →
/// "ensomhedspuljen", "ensomhed", "puljen".
///
/// Unlike tantivy's `SplitCompoundWords` it keeps the whole word (so exact and
/// phrase queries still match) and knows Danish linking letters. Parts carry
/// the whole word's offsets, so a snippet highlights the whole compound.
/// Expects lower-case tokens; see [`Lexicon::split`] for the rules.
pub type CompoundSplitter = Expand<CompoundPieces>;

/// The [`WordMap`] of [`CompoundSplitter`].
#[derive(Clone, Copy)]
pub struct CompoundPieces {
    lexicon: &'static Lexicon,
}

impl CompoundSplitter {
    /// A splitter over the built-in Danish lexicon.
    pub fn danish() -> Self {
        Expand(CompoundPieces {
            lexicon: Lexicon::danish(),
        })
    }
}

impl WordMap for CompoundPieces {
    fn map(&self, word: &str) -> Option<Vec<String>> {
        let pieces = self.lexicon.pieces(word);
        if pieces.is_empty() {
            return None;
        }
        let mut out = Vec::with_capacity(pieces.len() + 1);
        out.push(word.to_string());
        out.extend(pieces);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokenizer::DanishTokenizer;
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    fn analyse(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(DanishTokenizer::default())
            .filter(LowerCaser)
            .filter(CompoundSplitter::danish())
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn emits_whole_word_and_parts_at_the_same_position() {
        let tokens = analyse("Ny Ensomhedspuljen i år");
        let expected: Vec<(String, usize)> = [
            ("ny", 0),
            ("ensomhedspuljen", 1),
            ("ensomhed", 1),
            ("puljen", 1),
            ("i", 2),
            ("år", 3),
        ]
        .iter()
        .map(|(t, p)| (t.to_string(), *p))
        .collect();
        assert_eq!(tokens, expected);
    }

    #[test]
    fn e_link_compound() {
        let texts: Vec<String> = analyse("hjemløsereform").into_iter().map(|t| t.0).collect();
        assert_eq!(texts, ["hjemløsereform", "hjemløs", "reform"]);
    }

    #[test]
    fn plain_words_pass_through_once() {
        let texts: Vec<String> = analyse("møde bolig forslag")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(texts, ["møde", "bolig", "forslag"]);
    }

    #[test]
    fn repeated_words_use_the_cache_and_give_the_same_tokens() {
        let once = analyse("ensomhedspuljen");
        let twice = analyse("ensomhedspuljen ensomhedspuljen");
        assert_eq!(twice.len(), 2 * once.len());
        assert_eq!(twice[once.len()].0, once[0].0);
    }
}
