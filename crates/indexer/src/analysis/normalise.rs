//! Scandinavian spelling normalisation: aa→å, ae→æ, oe→ø, ä→æ, ö→ø.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Rewrites the old and ASCII spellings of the Danish vowels to æ, ø and å,
/// so that "Aalborg" finds "Ålborg" and "skaeve" finds "skæve".
///
/// It never folds æ, ø or å to ASCII: that would merge møde/mode, får/far
/// and mål/mal. Expects lower-case tokens (put it after `LowerCaser`).
#[derive(Clone, Copy, Debug, Default)]
pub struct ScandinavianNormaliser;

/// Writes the normalised spelling of a lower-case word into `out`.
///
/// Pairs are read left to right without overlap, so "aae" becomes "åe".
pub fn normalise_scandinavian(word: &str, out: &mut String) {
    out.clear();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let merged = match (c, next) {
            ('a', Some('a')) => Some('å'),
            ('a', Some('e')) => Some('æ'),
            ('o', Some('e')) => Some('ø'),
            _ => None,
        };
        if let Some(m) = merged {
            out.push(m);
            chars.next();
            continue;
        }
        out.push(match c {
            'ä' => 'æ',
            'ö' => 'ø',
            other => other,
        });
    }
}

/// Whether [`normalise_scandinavian`] would change the word.
fn needs_normalising(word: &str) -> bool {
    let bytes = word.as_bytes();
    // ä and ö are U+00E4 and U+00F6: UTF-8 0xC3 0xA4 and 0xC3 0xB6.
    bytes.windows(2).any(|pair| {
        matches!(
            pair,
            [b'a', b'a'] | [b'a', b'e'] | [b'o', b'e'] | [0xC3, 0xA4] | [0xC3, 0xB6]
        )
    })
}

impl TokenFilter for ScandinavianNormaliser {
    type Tokenizer<T: Tokenizer> = ScandinavianNormaliserFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        ScandinavianNormaliserFilter {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

/// The tokenizer wrapper made by [`ScandinavianNormaliser`].
#[derive(Clone)]
pub struct ScandinavianNormaliserFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for ScandinavianNormaliserFilter<T> {
    type TokenStream<'a> = ScandinavianNormaliserStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ScandinavianNormaliserStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

/// The token stream of [`ScandinavianNormaliser`].
pub struct ScandinavianNormaliserStream<'a, S> {
    tail: S,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for ScandinavianNormaliserStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if needs_normalising(&token.text) {
            normalise_scandinavian(&token.text, self.buffer);
            mem::swap(&mut token.text, self.buffer);
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
    use crate::analysis::tokenizer::DanishTokenizer;
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    fn analyse(text: &str) -> Vec<String> {
        let mut analyzer = TextAnalyzer::builder(DanishTokenizer::default())
            .filter(LowerCaser)
            .filter(ScandinavianNormaliser)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn old_and_ascii_spellings_become_danish_letters() {
        assert_eq!(analyse("Aalborg skaeve Boern"), ["ålborg", "skæve", "børn"]);
        assert_eq!(analyse("Ålborg skæve børn"), ["ålborg", "skæve", "børn"]);
        assert_eq!(analyse("Bär Öl"), ["bær", "øl"]);
    }

    #[test]
    fn danish_letters_are_never_folded_to_ascii() {
        assert_eq!(
            analyse("møde mode får far mål mal"),
            ["møde", "mode", "får", "far", "mål", "mal"]
        );
    }

    #[test]
    fn detects_every_pair_to_normalise() {
        for word in ["aalborg", "skaeve", "boern", "bär", "öl"] {
            assert!(needs_normalising(word), "{word}");
        }
        for word in ["ålborg", "skæve", "børn", "møde", "a", ""] {
            assert!(!needs_normalising(word), "{word}");
        }
    }

    #[test]
    fn pairs_do_not_overlap() {
        let mut out = String::new();
        normalise_scandinavian("aae", &mut out);
        assert_eq!(out, "åe");
        normalise_scandinavian("", &mut out);
        assert_eq!(out, "");
    }
}
