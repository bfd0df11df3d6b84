//! Accent folding, for person names only.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Removes accents from letters that decompose into a base letter and a
/// combining mark: "rené" → "rene", "müller" → "muller", "å" → "a".
///
/// Used on the person field only, where "Rene" must find "René"; æ and ø do
/// not decompose and stay. Never use it on running text: it would merge
/// får/far and mål/mal.
#[derive(Clone, Copy, Debug, Default)]
pub struct AccentFolder;

/// The folded form of a word.
pub fn fold_accents(word: &str) -> String {
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

impl TokenFilter for AccentFolder {
    type Tokenizer<T: Tokenizer> = AccentFolderFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        AccentFolderFilter { inner: tokenizer }
    }
}

/// The tokenizer wrapper made by [`AccentFolder`].
#[derive(Clone)]
pub struct AccentFolderFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for AccentFolderFilter<T> {
    type TokenStream<'a> = AccentFolderStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        AccentFolderStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`AccentFolder`].
pub struct AccentFolderStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for AccentFolderStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.is_ascii() {
            token.text = fold_accents(&token.text);
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
    fn folds_decomposable_accents_only() {
        assert_eq!(fold_accents("rené"), "rene");
        assert_eq!(fold_accents("müller"), "muller");
        assert_eq!(fold_accents("søren"), "søren");
        assert_eq!(fold_accents("æble"), "æble");
        assert_eq!(fold_accents("åse"), "ase");
    }
}
