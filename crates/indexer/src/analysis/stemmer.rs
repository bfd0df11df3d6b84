//! Snowball Danish stemming (rust-stemmers).

use std::borrow::Cow;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

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
        }
    }
}

/// The tokenizer wrapper made by [`DanishStemmer`].
#[derive(Clone)]
pub struct DanishStemmerFilter<T> {
    inner: T,
    stemmer: DanishStemmer,
}

impl<T: Tokenizer> Tokenizer for DanishStemmerFilter<T> {
    type TokenStream<'a> = DanishStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DanishStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &self.stemmer,
        }
    }
}

/// The token stream of [`DanishStemmer`].
pub struct DanishStemmerStream<'a, S> {
    tail: S,
    stemmer: &'a DanishStemmer,
}

impl<S: TokenStream> TokenStream for DanishStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Cow::Owned(stem) = self.stemmer.stem(&token.text) {
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
}
