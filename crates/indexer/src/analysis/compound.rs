//! Compound splitting: the whole word and its parts at the same position.

use rustc_hash::FxHashMap;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::lexicon::Lexicon;

/// How many distinct words each filter instance remembers the split of;
/// the cache is emptied when full, which bounds its memory.
const CACHE_CAPACITY: usize = 20_000;

/// Emits each token as it is and, for a compound of known words, its parts at
/// the same position: "hjemløsereform" → "hjemløsereform", "hjemløs",
/// "reform"; "ensomhedspuljen" → "ensomhedspuljen", "ensomhed", "puljen".
///
/// Unlike tantivy's `SplitCompoundWords` it keeps the whole word (so exact and
/// phrase queries still match) and knows Danish linking letters. Parts carry
/// the whole word's offsets, so a snippet highlights the whole compound.
/// Expects lower-case tokens; see [`Lexicon::split`] for the rules.
#[derive(Clone, Copy)]
pub struct CompoundSplitter {
    lexicon: &'static Lexicon,
}

impl CompoundSplitter {
    /// A splitter over the built-in Danish lexicon.
    pub fn danish() -> Self {
        CompoundSplitter {
            lexicon: Lexicon::danish(),
        }
    }
}

impl TokenFilter for CompoundSplitter {
    type Tokenizer<T: Tokenizer> = CompoundSplitterFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        CompoundSplitterFilter {
            inner: tokenizer,
            lexicon: self.lexicon,
            cache: FxHashMap::default(),
            pending: Vec::new(),
        }
    }
}

/// The tokenizer wrapper made by [`CompoundSplitter`].
#[derive(Clone)]
pub struct CompoundSplitterFilter<T> {
    inner: T,
    lexicon: &'static Lexicon,
    cache: FxHashMap<String, Vec<String>>,
    pending: Vec<Token>,
}

impl<T: Tokenizer> Tokenizer for CompoundSplitterFilter<T> {
    type TokenStream<'a> = CompoundSplitterStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        CompoundSplitterStream {
            tail: self.inner.token_stream(text),
            lexicon: self.lexicon,
            cache: &mut self.cache,
            pending: &mut self.pending,
        }
    }
}

/// The token stream of [`CompoundSplitter`].
pub struct CompoundSplitterStream<'a, S> {
    tail: S,
    lexicon: &'static Lexicon,
    cache: &'a mut FxHashMap<String, Vec<String>>,
    /// Tokens still to emit, in reverse order; the last one is current.
    pending: &'a mut Vec<Token>,
}

impl<S: TokenStream> CompoundSplitterStream<'_, S> {
    /// The parts of the current token, from the cache or the lexicon. Most
    /// words are no compounds: their empty entry is found without
    /// allocating anything.
    fn parts_of_current(&mut self) -> Option<Vec<String>> {
        let word = self.tail.token().text.as_str();
        if let Some(parts) = self.cache.get(word) {
            return (!parts.is_empty()).then(|| parts.clone());
        }
        let parts: Vec<String> = self
            .lexicon
            .split(word)
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.text)
            .collect();
        if self.cache.len() >= CACHE_CAPACITY {
            self.cache.clear();
        }
        self.cache.insert(word.to_string(), parts.clone());
        (!parts.is_empty()).then_some(parts)
    }
}

impl<S: TokenStream> TokenStream for CompoundSplitterStream<'_, S> {
    fn advance(&mut self) -> bool {
        self.pending.pop();
        if !self.pending.is_empty() {
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let Some(parts) = self.parts_of_current() else {
            return true;
        };
        let whole = self.tail.token().clone();
        for part in parts.into_iter().rev() {
            let mut token = whole.clone();
            token.text = part;
            self.pending.push(token);
        }
        self.pending.push(whole);
        true
    }

    fn token(&self) -> &Token {
        self.pending.last().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.pending.last_mut() {
            Some(token) => token,
            None => self.tail.token_mut(),
        }
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
