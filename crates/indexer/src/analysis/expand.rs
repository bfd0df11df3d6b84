//! A token filter that replaces each word by the words a function gives for
//! it, at the same position: compound parts, lemmas, folded forms.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// How many distinct words each filter instance remembers the result for;
/// the cache is emptied when full, which bounds its memory.
const CACHE_CAPACITY: usize = 20_000;

/// What a word becomes.
pub trait WordMap: Clone + Send + Sync + 'static {
    /// `None` to keep the word as it is (the common case, which must not
    /// allocate), or the words that replace it, in order, all at its
    /// position (an empty list drops it).
    fn map(&self, word: &str) -> Option<Vec<String>>;
}

/// Applies a [`WordMap`] to every token. Replacement tokens keep the
/// original's offsets, so a snippet highlights the word as written.
#[derive(Clone)]
pub struct Expand<M>(pub M);

impl<M: WordMap> TokenFilter for Expand<M> {
    type Tokenizer<T: Tokenizer> = ExpandFilter<T, M>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        ExpandFilter {
            inner: tokenizer,
            map: self.0,
            cache: FxHashMap::default(),
            pending: Vec::new(),
        }
    }
}

/// The tokenizer wrapper made by [`Expand`].
#[derive(Clone)]
pub struct ExpandFilter<T, M> {
    inner: T,
    map: M,
    cache: FxHashMap<String, Option<Vec<String>>>,
    pending: Vec<Token>,
}

impl<T: Tokenizer, M: WordMap> Tokenizer for ExpandFilter<T, M> {
    type TokenStream<'a> = ExpandStream<'a, T::TokenStream<'a>, M>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        ExpandStream {
            tail: self.inner.token_stream(text),
            map: &self.map,
            cache: &mut self.cache,
            pending: &mut self.pending,
        }
    }
}

/// The token stream of [`Expand`].
pub struct ExpandStream<'a, S, M> {
    tail: S,
    map: &'a M,
    cache: &'a mut FxHashMap<String, Option<Vec<String>>>,
    /// Tokens still to emit, in reverse order; the last one is current.
    pending: &'a mut Vec<Token>,
}

impl<S: TokenStream, M: WordMap> ExpandStream<'_, S, M> {
    fn mapped_current(&mut self) -> Option<Vec<String>> {
        let word = self.tail.token().text.as_str();
        if let Some(mapped) = self.cache.get(word) {
            return mapped.clone();
        }
        let mapped = self.map.map(word);
        if self.cache.len() >= CACHE_CAPACITY {
            self.cache.clear();
        }
        self.cache.insert(word.to_string(), mapped.clone());
        mapped
    }
}

impl<S: TokenStream, M: WordMap> TokenStream for ExpandStream<'_, S, M> {
    fn advance(&mut self) -> bool {
        self.pending.pop();
        if !self.pending.is_empty() {
            return true;
        }
        loop {
            if !self.tail.advance() {
                return false;
            }
            let Some(words) = self.mapped_current() else {
                return true;
            };
            if words.is_empty() {
                continue;
            }
            let whole = self.tail.token();
            for word in words.into_iter().rev() {
                let mut token = whole.clone();
                token.text = word;
                self.pending.push(token);
            }
            return true;
        }
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
