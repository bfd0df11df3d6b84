//! Snowball Danish stemming (rust-stemmers).

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// How many distinct words each filter instance remembers the stem of
/// (emptied when full, which bounds its memory). Words repeat so much in
/// minutes that the cache answers nearly every token, and a look-up costs
/// less than the Snowball rules.
const CACHE_CAPACITY: usize = 50_000;

/// Replaces each token by its Snowball Danish stem ("boliger" → "bolig",
/// "frikortet" → "frikort"). Expects lower-case tokens.
#[derive(Clone)]
pub struct DanishStemmer {
    stemmer: Arc<Stemmer>,
}

impl Default for DanishStemmer {
    fn default() -> Self {
        DanishStemmer {
            stemmer: Arc::new(Stemmer::create(Algorithm::Danish)),
        }
    }
}

impl DanishStemmer {
    /// The stem of one lower-case word.
    pub fn stem<'w>(&self, word: &'w str) -> Cow<'w, str> {
        self.stemmer.stem(word)
    }
}

impl TokenFilter for DanishStemmer {
    type Tokenizer<T: Tokenizer> = DanishStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        DanishStemmerFilter {
            inner: tokenizer,
            stemmer: self,
            cache: FxHashMap::default(),
        }
    }
}

/// The tokenizer wrapper made by [`DanishStemmer`].
#[derive(Clone)]
pub struct DanishStemmerFilter<T> {
    inner: T,
    stemmer: DanishStemmer,
    /// Word → its stem, `None` when the stem is the word itself.
    cache: FxHashMap<String, Option<String>>,
}

impl<T: Tokenizer> Tokenizer for DanishStemmerFilter<T> {
    type TokenStream<'a> = DanishStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DanishStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &self.stemmer,
            cache: &mut self.cache,
        }
    }
}

/// The token stream of [`DanishStemmer`].
pub struct DanishStemmerStream<'a, S> {
    tail: S,
    stemmer: &'a DanishStemmer,
    cache: &'a mut FxHashMap<String, Option<String>>,
}

impl<S: TokenStream> TokenStream for DanishStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(cached) = self.cache.get(&token.text) {
            if let Some(stem) = cached {
                token.text.clear();
                token.text.push_str(stem);
            }
            return true;
        }
        let stem = match self.stemmer.stem(&token.text) {
            Cow::Owned(stem) => Some(stem),
            Cow::Borrowed(_) => None,
        };
        if self.cache.len() >= CACHE_CAPACITY {
            self.cache.clear();
        }
        self.cache.insert(token.text.clone(), stem.clone());
        if let Some(stem) = stem {
            token.text = stem;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        let s = DanishStemmer::default();
        assert_eq!(s.stem("boliger"), s.stem("bolig"));
        assert_eq!(s.stem("frikortet"), s.stem("frikort"));
        assert_eq!(s.stem("puljen"), s.stem("pulje"));
        assert_eq!(s.stem("hjemløse"), s.stem("hjemløs"));
        assert_ne!(s.stem("møde"), s.stem("mode"));
    }

    #[test]
    fn cached_stems_equal_fresh_ones() {
        use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
        let mut analyzer = TextAnalyzer::builder(WhitespaceTokenizer::default())
            .filter(DanishStemmer::default())
            .build();
        let text = "boliger bolig boliger frikortet boliger frikortet";
        // Twice through the same analyzer: the second pass is all cache hits.
        for _ in 0..2 {
            let tokens = crate::analysis::tokens(&mut analyzer, text);
            let s = DanishStemmer::default();
            let fresh: Vec<String> = text
                .split_whitespace()
                .map(|w| s.stem(w).into_owned())
                .collect();
            assert_eq!(tokens, fresh);
        }
    }
}
