//! One analysis of a text for all four of its index fields.
//!
//! Every text is indexed four times, as [`super::EXACT`], [`super::STEMMED`],
//! [`super::LEMMA`] and [`super::FOLDED`], and tantivy asks each field's
//! analyzer for it in turn. The four chains share most of their work: the
//! stemmed and the lemma chain tokenize, join hyphens, complete elided
//! compounds, split compounds and drop stop words alike and differ only in
//! the last step; the folded chain is the exact chain plus a fold. So each
//! indexing thread analyses a text once, when the first of the fields asks
//! for it, into the tokens of every field, and hands the other fields their
//! tokens from that memo ([`Shared`]). Per word, the stem, the lemmas and
//! the folded form are computed once per thread, not once per occurrence.
//!
//! The tokens are exactly those of the chains in [`super`] built filter by
//! filter (tested below on the corpus).

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use super::expand::WordMap;
use super::fold::fold_to_ascii;
use super::lemma::{FallbackWord, IndexLemmas};
use super::normalise::normalise_scandinavian;
use super::pairs::{pairs_of, Word, EXACT_JOIN, LEMMA_JOIN, STEM_JOIN};
use super::stemmer::DanishStemmer;
use super::{base_chain, exact_chain};

/// Which field's tokens a [`Shared`] analyzer gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Normalised words ([`super::EXACT`]).
    Exact,
    /// Stems of words and compound pieces ([`super::STEMMED`]).
    Stemmed,
    /// Lemmas of words and compound pieces ([`super::LEMMA`]).
    Lemma,
    /// Exact words folded to ASCII ([`super::FOLDED`]).
    Folded,
    /// Word pairs of the exact, stemmed and lemma streams ([`super::PAIRS`]).
    Pairs,
}

/// A tokenizer that gives one field's tokens of the shared analysis.
#[derive(Clone, Copy, Debug)]
pub struct Shared {
    stream: Stream,
}

impl Shared {
    /// The analyzer of `stream`.
    pub fn new(stream: Stream) -> Self {
        Shared { stream }
    }
}

/// Distinct words whose forms each thread remembers, per stream (emptied
/// when full, which bounds the memory: a few MB).
const WORD_CACHE_CAPACITY: usize = 100_000;

/// One token, its text a range of the arena.
#[derive(Clone, Copy, Debug)]
struct Slot {
    text: (u32, u32),
    offset_from: usize,
    offset_to: usize,
    position: usize,
}

/// The tokens of one stream of one text.
#[derive(Default)]
struct Tokens {
    arena: String,
    slots: Vec<Slot>,
}

impl Tokens {
    fn push(&mut self, text: &str, like: &Slot) {
        let start = span(self.arena.len());
        self.arena.push_str(text);
        self.slots.push(Slot {
            text: (start, span(self.arena.len())),
            ..*like
        });
    }

    fn text(&self, slot: &Slot) -> &str {
        self.arena
            .get(slot.text.0 as usize..slot.text.1 as usize)
            .unwrap_or("")
    }

    /// The tokens of a tantivy token stream.
    fn of(mut stream: impl TokenStream) -> Tokens {
        let mut tokens = Tokens::default();
        while stream.advance() {
            let token = stream.token();
            let slot = Slot {
                text: (0, 0),
                offset_from: token.offset_from,
                offset_to: token.offset_to,
                position: token.position,
            };
            tokens.push(&token.text, &slot);
        }
        tokens
    }
}

/// A text of at most 4 GB never overflows; a larger one gets empty tokens
/// rather than a panic.
fn span(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The streams a text is analysed into, in the memo's order: the two chains
/// that read the text, the three that map their words, and the word pairs.
const EXACT: usize = 0;
const BASE: usize = 1;
const STEMMED: usize = 2;
const LEMMA: usize = 3;
const FOLDED: usize = 4;
const PAIRS: usize = 5;

/// What one word becomes in a mapped stream: its forms, "\n"-separated
/// (words hold no newline); an empty string for none.
type Forms = Box<str>;

/// A stream made by mapping each word of another, with a per-thread cache.
struct Mapped {
    source: usize,
    cache: FxHashMap<Box<str>, Forms>,
    map: fn(&Mappers, &str, &mut String),
}

/// What the mapped streams need.
struct Mappers {
    stemmer: DanishStemmer,
    lemmas: IndexLemmas,
    fallback: FallbackWord,
}

impl Mappers {
    /// The stemmed chain's last steps: æøå normalisation, then Snowball.
    fn stem(&self, word: &str, out: &mut String) {
        let mut normalised = String::new();
        normalise_scandinavian(word, &mut normalised);
        out.push_str(&self.stemmer.stem(&normalised));
    }

    /// The lemma chain's last steps: every lemma, then æøå normalisation.
    fn lemmas(&self, word: &str, out: &mut String) {
        let mut normalised = String::new();
        match self.lemmas.map(word) {
            None => {
                normalise_scandinavian(word, &mut normalised);
                out.push_str(&normalised);
            }
            Some(all) => {
                for (i, lemma) in all.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    normalise_scandinavian(lemma, &mut normalised);
                    out.push_str(&normalised);
                }
            }
        }
    }

    /// The folded chain's last steps: only words a fallback query can ask
    /// for, folded to ASCII.
    fn fold(&self, word: &str, out: &mut String) {
        if !self.fallback.keeps(word) {
            return;
        }
        if word.is_ascii() {
            out.push_str(word);
        } else {
            out.push_str(&fold_to_ascii(word));
        }
    }
}

/// The per-thread state: the chains, the word caches and the last text.
struct Memo {
    text: String,
    streams: [Option<Rc<Tokens>>; 6],
    exact: TextAnalyzer,
    base: TextAnalyzer,
    mapped: [Mapped; 3],
    mappers: Mappers,
}

impl Memo {
    fn new() -> Memo {
        let mapped = |source, map| Mapped {
            source,
            cache: FxHashMap::default(),
            map,
        };
        Memo {
            text: String::new(),
            streams: Default::default(),
            exact: exact_chain(),
            base: base_chain(),
            mapped: [
                mapped(BASE, Mappers::stem),
                mapped(BASE, Mappers::lemmas),
                mapped(EXACT, Mappers::fold),
            ],
            mappers: Mappers {
                stemmer: DanishStemmer::default(),
                lemmas: IndexLemmas::danish(),
                fallback: FallbackWord::danish(),
            },
        }
    }

    /// Forgets the analysis unless it is of `text`.
    fn select(&mut self, text: &str) {
        if self.text != text {
            self.text.clear();
            self.text.push_str(text);
            self.streams = Default::default();
        }
    }

    /// The tokens of stream `which` of the selected text.
    fn stream(&mut self, which: usize) -> Rc<Tokens> {
        if let Some(tokens) = self.streams.get(which).and_then(Option::as_ref) {
            return tokens.clone();
        }
        let tokens = match which {
            EXACT => Tokens::of(self.exact.token_stream(&self.text)),
            BASE => Tokens::of(self.base.token_stream(&self.text)),
            PAIRS => {
                let exact = self.stream(EXACT);
                let stemmed = self.stream(STEMMED);
                let lemma = self.stream(LEMMA);
                pair_tokens(&exact, &stemmed, &lemma)
            }
            _ => self.map(which),
        };
        let tokens = Rc::new(tokens);
        if let Some(slot) = self.streams.get_mut(which) {
            *slot = Some(tokens.clone());
        }
        tokens
    }

    /// A mapped stream: each word of its source replaced by its forms.
    fn map(&mut self, which: usize) -> Tokens {
        let Some(index) = which.checked_sub(STEMMED) else {
            return Tokens::default();
        };
        let Some(source) = self.mapped.get(index).map(|m| m.source) else {
            return Tokens::default();
        };
        let source = self.stream(source);
        let Some(mapped) = self.mapped.get_mut(index) else {
            return Tokens::default();
        };
        let mut out = Tokens::default();
        for slot in &source.slots {
            let word = source.text(slot);
            if !mapped.cache.contains_key(word) {
                if mapped.cache.len() >= WORD_CACHE_CAPACITY {
                    mapped.cache.clear();
                }
                let mut forms = String::new();
                (mapped.map)(&self.mappers, word, &mut forms);
                mapped.cache.insert(word.into(), forms.into_boxed_str());
            }
            let forms = mapped.cache.get(word).map_or("", |f| f);
            if forms.is_empty() {
                continue;
            }
            for form in forms.split('\n') {
                out.push(form, slot);
            }
        }
        out
    }
}

/// The word pairs of the exact, stemmed and lemma tokens of one text
/// ([`super::pairs`]), each pair at its first word's position and spanning
/// both words.
fn pair_tokens(exact: &Tokens, stemmed: &Tokens, lemma: &Tokens) -> Tokens {
    let mut out = Tokens::default();
    for (tokens, join) in [
        (exact, EXACT_JOIN),
        (stemmed, STEM_JOIN),
        (lemma, LEMMA_JOIN),
    ] {
        let words = tokens.slots.iter().map(|slot| Word {
            position: slot.position,
            from: slot.offset_from,
            to: slot.offset_to,
            text: tokens.text(slot),
        });
        pairs_of(words, join, |first, second, text| {
            let slot = Slot {
                text: (0, 0),
                offset_from: first.from,
                offset_to: second.to,
                position: first.position,
            };
            out.push(text, &slot);
        });
    }
    out
}

thread_local! {
    static MEMO: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

impl Tokenizer for Shared {
    type TokenStream<'a> = SharedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SharedStream {
        let which = match self.stream {
            Stream::Exact => EXACT,
            Stream::Stemmed => STEMMED,
            Stream::Lemma => LEMMA,
            Stream::Folded => FOLDED,
            Stream::Pairs => PAIRS,
        };
        let tokens = MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            let memo = memo.get_or_insert_with(Memo::new);
            memo.select(text);
            memo.stream(which)
        });
        SharedStream {
            tokens,
            next: 0,
            token: Token::default(),
        }
    }
}

/// The token stream of [`Shared`].
pub struct SharedStream {
    tokens: Rc<Tokens>,
    next: usize,
    token: Token,
}

impl TokenStream for SharedStream {
    fn advance(&mut self) -> bool {
        let Some(slot) = self.tokens.slots.get(self.next) else {
            return false;
        };
        self.next += 1;
        self.token.text.clear();
        self.token.text.push_str(self.tokens.text(slot));
        self.token.offset_from = slot.offset_from;
        self.token.offset_to = slot.offset_to;
        self.token.position = slot.position;
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{
        exact_analyzer, exact_chain, folded_analyzer, folded_chain, lemma_analyzer, lemma_chain,
        pairs_analyzer, stemmed_analyzer, stemmed_chain,
    };
    use tantivy::tokenizer::TextAnalyzer;

    type Seen = Vec<(String, usize, usize, usize)>;

    fn all(analyzer: &mut TextAnalyzer, text: &str) -> Seen {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    fn texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/expected");
        let mut texts: Vec<String> = std::fs::read_dir(&dir)
            .expect("corpus/expected")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".content.txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        assert!(texts.len() >= 5, "corpus texts in {}", dir.display());
        texts.extend(
            [
                "Sundheds- og Socialudvalget, Børne-, Unge- og Familieudvalget",
                "ny underskuds-garanti i Halvårs-\nstatus 2019-2020 IT-systemet",
                "Aalborg skaeve Boern Høyer René Müller ærø",
                "børnene lærerne plejecentre Landskabspuljen hjemløsereform",
                "",
                "-- og -- eller - samt -",
                "\u{30a}\u{30a}a\u{30a} 🙂 Møde🙂møde İstanbul ǅ ß ẞ Σσς",
            ]
            .map(String::from),
        );
        texts.push("ø".repeat(200));
        texts
    }

    /// A field's name, its shared analyzer and its chain.
    type Pair = (&'static str, fn() -> TextAnalyzer, fn() -> TextAnalyzer);

    #[test]
    fn shared_tokens_equal_the_chains_tokens() {
        let pairs: [Pair; 4] = [
            ("exact", exact_analyzer, exact_chain),
            ("stemmed", stemmed_analyzer, stemmed_chain),
            ("lemma", lemma_analyzer, lemma_chain),
            ("folded", folded_analyzer, folded_chain),
        ];
        for text in texts() {
            // Each field in turn, as tantivy asks for them, and twice, so
            // that the second round comes from the memo and the caches.
            for _ in 0..2 {
                for (name, shared, chain) in pairs {
                    let got = all(&mut shared(), &text);
                    let want = all(&mut chain(), &text);
                    assert_eq!(got, want, "{name} of {:?}", text.get(..80));
                }
            }
        }
    }

    #[test]
    fn shared_pairs_equal_the_pairs_of_the_chains() {
        for text in texts() {
            let of = |mut chain: TextAnalyzer| Tokens::of(chain.token_stream(&text));
            let want = pair_tokens(&of(exact_chain()), &of(stemmed_chain()), &of(lemma_chain()));
            let want: Seen = want
                .slots
                .iter()
                .map(|s| {
                    let t = want.text(s).to_string();
                    (t, s.offset_from, s.offset_to, s.position)
                })
                .collect();
            // After another field of the same text, as tantivy asks, and alone.
            let mut stemmed = stemmed_analyzer();
            all(&mut stemmed, &text);
            assert_eq!(all(&mut pairs_analyzer(), &text), want);
            all(&mut exact_analyzer(), "something else");
            assert_eq!(all(&mut pairs_analyzer(), &text), want);
        }
        let text = "Nyt Udsatteråd og skæve boliger";
        let got: Vec<String> = all(&mut pairs_analyzer(), text)
            .into_iter()
            .map(|t| t.0)
            .collect();
        let stemmer = DanishStemmer::default();
        let stems =
            super::super::pairs::pair(&stemmer.stem("skæve"), STEM_JOIN, &stemmer.stem("boliger"));
        for pair in ["nyt_udsatteråd", "udsatteråd_og", "skæve_boliger", &stems] {
            assert!(got.iter().any(|g| g == pair), "{pair} in {got:?}");
        }
        assert!(
            !got.iter().any(|g| g.starts_with("udsatterad ")),
            "the stop word breaks the stem run: {got:?}"
        );
    }

    #[test]
    fn interleaved_texts_do_not_mix() {
        let a = "Ensomhedspuljen og boligerne";
        let b = "Plejecentre i Aalborg";
        let mut stemmed = stemmed_analyzer();
        let mut exact = exact_analyzer();
        let mut lemma = lemma_analyzer();
        let sa = all(&mut stemmed, a);
        let eb = all(&mut exact, b);
        let la = all(&mut lemma, a);
        let sb = all(&mut stemmed, b);
        assert_eq!(sa, all(&mut stemmed_chain(), a));
        assert_eq!(eb, all(&mut exact_chain(), b));
        assert_eq!(la, all(&mut lemma_chain(), a));
        assert_eq!(sb, all(&mut stemmed_chain(), b));
    }
}
