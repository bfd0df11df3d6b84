//! Accent and letter folding, for person names and the ASCII fallback field.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Removes accents from letters that decompose into a base letter and a
/// combining mark: "rené" → "rene", "müller" → "muller", "å" → "a".
///
/// Used on the person field only, where "Rene" must find "René"; æ and ø do
/// not decompose and stay. Never use it on running text: it would merge
/// får/far and mål/mal.
///
/// [`AccentFolder::ascii`] also folds æ → a and ø → o, for the ASCII
/// fallback field and person names ("Hoyer" = "Høyer").
#[derive(Clone, Copy, Debug)]
pub struct AccentFolder {
    fold: fn(&str) -> String,
}

impl Default for AccentFolder {
    fn default() -> Self {
        AccentFolder { fold: fold_accents }
    }
}

impl AccentFolder {
    /// Folds accents only ([`fold_accents`]).
    pub fn accents() -> Self {
        AccentFolder::default()
    }

    /// Folds to plain letters ([`fold_to_ascii`]).
    pub fn ascii() -> Self {
        AccentFolder {
            fold: fold_to_ascii,
        }
    }
}

/// The folded form of a word.
pub fn fold_accents(word: &str) -> String {
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The word as typed on a keyboard without æ, ø and å: accents dropped,
/// æ → a, ø → o, å → a ("høyer" → "hoyer", "udsatterådet" →
/// "udsatteradet"). Applied after the æøå normalisation, so "ae" typed for
/// "æ" (normalised to "æ") also ends as "a". Merges møde/mode: for the
/// low-weight fallback field and person names only.
pub fn fold_to_ascii(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'æ' => 'a',
            'ø' => 'o',
            'Æ' => 'A',
            'Ø' => 'O',
            other => other,
        })
        .collect()
}

impl TokenFilter for AccentFolder {
    type Tokenizer<T: Tokenizer> = AccentFolderFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        AccentFolderFilter {
            inner: tokenizer,
            fold: self.fold,
        }
    }
}

/// The tokenizer wrapper made by [`AccentFolder`].
#[derive(Clone)]
pub struct AccentFolderFilter<T> {
    inner: T,
    fold: fn(&str) -> String,
}

impl<T: Tokenizer> Tokenizer for AccentFolderFilter<T> {
    type TokenStream<'a> = AccentFolderStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        AccentFolderStream {
            tail: self.inner.token_stream(text),
            fold: self.fold,
        }
    }
}

/// The token stream of [`AccentFolder`].
pub struct AccentFolderStream<S> {
    tail: S,
    fold: fn(&str) -> String,
}

impl<S: TokenStream> TokenStream for AccentFolderStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.is_ascii() {
            token.text = (self.fold)(&token.text);
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

    #[test]
    fn folds_danish_letters_to_ascii() {
        assert_eq!(fold_to_ascii("høyer"), "hoyer");
        assert_eq!(fold_to_ascii("udsatterådet"), "udsatteradet");
        assert_eq!(fold_to_ascii("hjemløshed"), "hjemloshed");
        assert_eq!(fold_to_ascii("ærø"), "aro");
        assert_eq!(fold_to_ascii("rené"), "rene");
    }
}
