//! Lemmas (dictionary forms) for the lemma field, and the query-side word
//! filters of the lemma and ASCII fallback fields.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::expand::{Expand, WordMap};
use super::lexicon::Lexicon;
use super::normalise::normalise_scandinavian;

/// Index side: every lemma of each word ([`Lexicon::lemmas`]), so that
/// "plejecentre" is found by "plejecenter" and "børnene" by "barn".
/// Expects lower-case words in standard spelling (before the æøå
/// normalisation).
pub type Lemmatizer = Expand<IndexLemmas>;

/// The [`WordMap`] of [`Lemmatizer`].
#[derive(Clone, Copy)]
pub struct IndexLemmas {
    lexicon: &'static Lexicon,
}

impl Lemmatizer {
    /// Over the built-in Danish lexicon.
    pub fn danish() -> Self {
        Expand(IndexLemmas::danish())
    }
}

impl IndexLemmas {
    /// Over the built-in Danish lexicon.
    pub fn danish() -> Self {
        IndexLemmas {
            lexicon: Lexicon::danish(),
        }
    }
}

impl WordMap for IndexLemmas {
    fn map(&self, word: &str) -> Option<Vec<String>> {
        if !word.chars().any(char::is_alphabetic) {
            return None;
        }
        let lemmas = self.lexicon.lemmas(word);
        (lemmas.len() != 1 || lemmas[0] != word).then_some(lemmas)
    }
}

/// Query side: the one lemma a query word is looked up by
/// ([`Lexicon::query_lemma`]). A word the dictionary does not know in the
/// spelling typed is tried in its normalised spelling ("boligaftaler"
/// typed as "boligaftaler", "raadet" as "rådet").
pub type QueryLemmatizer = Expand<QueryLemma>;

/// The [`WordMap`] of [`QueryLemmatizer`].
#[derive(Clone, Copy)]
pub struct QueryLemma {
    lexicon: &'static Lexicon,
}

impl QueryLemmatizer {
    /// Over the built-in Danish lexicon.
    pub fn danish() -> Self {
        Expand(QueryLemma {
            lexicon: Lexicon::danish(),
        })
    }
}

impl WordMap for QueryLemma {
    fn map(&self, word: &str) -> Option<Vec<String>> {
        if !word.chars().any(char::is_alphabetic) {
            return None;
        }
        let mut lemma = self.lexicon.query_lemma(word);
        if lemma == word {
            let mut normalised = String::new();
            normalise_scandinavian(word, &mut normalised);
            if normalised != word {
                lemma = self.lexicon.query_lemma(&normalised);
            }
        }
        (lemma != word).then(|| vec![lemma])
    }
}

/// Query side of the ASCII fallback field: passes the words of a query
/// literal (a word, a hyphenated word or a phrase) only when every one is
/// typed in plain ASCII and is no Danish word ("hjemloshed",
/// "udsatteradet", "hoyer"), so that "mode" is never also looked up as
/// "møde", and "IT-systemet" not as "it" alone.
#[derive(Clone, Copy)]
pub struct AsciiFallback {
    lexicon: &'static Lexicon,
}

impl AsciiFallback {
    /// Over the built-in Danish lexicon.
    pub fn danish() -> Self {
        AsciiFallback {
            lexicon: Lexicon::danish(),
        }
    }

    /// Whether the query side looks `word` (lower case, as typed) up in the
    /// fallback field.
    pub fn is_fallback_word(&self, word: &str) -> bool {
        word.is_ascii()
            && word.chars().any(|c| c.is_ascii_alphabetic())
            && self.lexicon.known_lemma(word).is_none()
    }
}

/// Index side of the ASCII fallback field: keeps only the words a query
/// can find there. The query side asks the field only for plain-ASCII
/// words that are no Danish word ([`AsciiFallback`]); a word of the text
/// that is plain ASCII and a Danish word ("bolig", "mode") or has no letter
/// ("2019") is therefore never asked for as itself, and the only fallback
/// query that folds to it is one typed with "aa", "ae" or "oe" for another
/// word ("moede", meant for "møde", is no spelling of "mode"). Dropping
/// those words leaves in the field what folding changes ("hjemløshed" →
/// "hjemloshed") and the words no dictionary knows ("hoyer"), and every
/// fallback query, word or phrase, finds what it found before. Expects
/// lower-case, normalised words (before the folding).
pub type FallbackWords = Expand<FallbackWord>;

/// The [`WordMap`] of [`FallbackWords`].
#[derive(Clone, Copy)]
pub struct FallbackWord {
    fallback: AsciiFallback,
}

impl FallbackWords {
    /// Over the built-in Danish lexicon.
    pub fn danish() -> Self {
        Expand(FallbackWord::danish())
    }
}

impl FallbackWord {
    /// Over the built-in Danish lexicon.
    pub fn danish() -> Self {
        FallbackWord {
            fallback: AsciiFallback::danish(),
        }
    }

    /// Whether the fallback field keeps `word`.
    pub fn keeps(&self, word: &str) -> bool {
        !word.is_ascii() || self.fallback.is_fallback_word(word)
    }
}

impl WordMap for FallbackWord {
    fn map(&self, word: &str) -> Option<Vec<String>> {
        (!self.keeps(word)).then(Vec::new)
    }
}

impl TokenFilter for AsciiFallback {
    type Tokenizer<T: Tokenizer> = AsciiFallbackFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        AsciiFallbackFilter {
            inner: tokenizer,
            filter: self,
            kept: Vec::new(),
        }
    }
}

/// The tokenizer wrapper made by [`AsciiFallback`].
#[derive(Clone)]
pub struct AsciiFallbackFilter<T> {
    inner: T,
    filter: AsciiFallback,
    kept: Vec<Token>,
}

impl<T: Tokenizer> Tokenizer for AsciiFallbackFilter<T> {
    type TokenStream<'a> = AsciiFallbackStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.kept.clear();
        let mut stream = self.inner.token_stream(text);
        let mut all = true;
        while stream.advance() {
            let token = stream.token();
            all &= self.filter.is_fallback_word(&token.text);
            if !all {
                break;
            }
            self.kept.push(token.clone());
        }
        if !all {
            self.kept.clear();
        }
        self.kept.reverse();
        AsciiFallbackStream {
            kept: &mut self.kept,
            current: Token::default(),
        }
    }
}

/// The token stream of [`AsciiFallback`].
pub struct AsciiFallbackStream<'a> {
    /// Tokens still to emit, in reverse order.
    kept: &'a mut Vec<Token>,
    current: Token,
}

impl TokenStream for AsciiFallbackStream<'_> {
    fn advance(&mut self) -> bool {
        match self.kept.pop() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}
