//! Danish text analysis for tantivy.
//!
//! Each filter lives in its own module and is composed with tantivy's
//! `TextAnalyzer::builder`, as tantivy composes its own analyzers:
//!
//! | analyzer            | chain (index side)                                                                      |
//! |---------------------|-----------------------------------------------------------------------------------------|
//! | [`EXACT`]           | words (NFC) → drop > 100 bytes → lower case → æøå normalisation                         |
//! | [`STEMMED`]         | words, hyphenated ones also joined → drop > 100 bytes → lower case → elided compounds → compound pieces → stop words → æøå normalisation → Snowball stem |
//! | [`LEMMA`]           | as [`STEMMED`] up to the stop words → every lemma (hunspell-da, irregular table) → æøå normalisation |
//! | [`FOLDED`]          | as [`EXACT`] → words a fallback query can ask for → ASCII folding (æ/ä→a, ø/ö→o, å→a, é→e): the low-weight fallback |
//! | [`PAIRS`]           | each word's exact, stemmed and lemma forms joined with the next word's: one term per pair, for phrases ([`pairs`]) |
//! | [`PERSON`]          | words (NFC) → drop > 100 bytes → lower case → æøå normalisation → ASCII folding         |
//! | [`KEY`]             | whole value → lower case (municipality, body, … filters)                                |
//!
//! The chains are built filter by filter in [`exact_chain`],
//! [`stemmed_chain`], [`lemma_chain`] and [`folded_chain`]; the index uses
//! them through [`shared`], which analyses each text once for all four
//! fields (the stemmed and lemma chains share everything up to their last
//! step, the folded chain is the exact one plus a fold) and gives each
//! field the same tokens the chain would.
//!
//! Queries are analysed by [`query_tokenizers`], which differ on purpose:
//! one token per query word, so that a word is matched in each field by
//! one term and the fields are alternatives (exact OR lemma OR stem OR
//! folded). The index side puts every piece and lemma of a word at its
//! position, so that the one query term finds it: "pulje" (lemma "pulje")
//! finds "Landskabspuljen" (indexed also as "landskab", "pulje").
//! A hyphenated query word is looked up joined ("halvårs-status" →
//! "halvårsstatus"), and the ASCII fallback field is asked only for plain
//! ASCII words that are no Danish word ("hjemloshed", never "mode").
//!
//! Compounds are split before the æøå normalisation because the dictionary
//! is in standard spelling ("boenhed" must not become "bønhed" before it is
//! split). Stop words are removed after compound handling because the
//! elided-compound filter needs "og" / "eller".

pub mod compound;
pub mod elision;
pub mod expand;
pub mod fold;
pub mod lemma;
pub mod lexicon;
pub mod normalise;
pub mod pairs;
pub mod shared;
pub mod stemmer;
pub mod tokenizer;

use tantivy::tokenizer::{
    LowerCaser, RawTokenizer, RemoveLongFilter, StopWordFilter, TextAnalyzer, TextAnalyzerBuilder,
    Tokenizer, TokenizerManager,
};

use self::compound::CompoundSplitter;
use self::elision::ElidedCompounds;
use self::fold::AccentFolder;
use self::lemma::{AsciiFallback, FallbackWords, Lemmatizer, QueryLemmatizer};
use self::normalise::ScandinavianNormaliser;
use self::shared::{Shared, Stream};
use self::stemmer::DanishStemmer;
use self::tokenizer::{DanishTokenizer, Hyphens};

/// Name of the exact analyzer: normalised words, no stemming, no stop words.
pub const EXACT: &str = "da_exact";
/// Name of the stemmed analyzer: stop words out, compounds split, stemmed.
pub const STEMMED: &str = "da_stemmed";
/// Name of the lemma analyzer: stop words out, compounds split, lemmas.
pub const LEMMA: &str = "da_lemma";
/// Name of the ASCII-folded fallback analyzer.
pub const FOLDED: &str = "da_folded";
/// Name of the word-pair analyzer: the exact, stemmed and lemma words of a
/// text, each joined with the next ([`pairs`]), for two-word phrases.
pub const PAIRS: &str = "da_pairs";
/// Name of the person-name analyzer: case- and accent-insensitive.
pub const PERSON: &str = "da_person";
/// Name of the key analyzer for filter fields: the whole value, lower case.
pub const KEY: &str = "da_key";

/// Tokens longer than this many bytes are dropped. æ, ø and å take two bytes
/// each, so tantivy's default of 40 would drop long Danish compounds.
pub const MAX_TOKEN_BYTES: usize = 100;

/// Filter values longer than this are not indexed (tantivy's terms are
/// limited to 64 KB; no municipality or body name comes near).
pub const MAX_KEY_BYTES: usize = 1_000;

/// Normalised words, not stemmed, stop words kept: [`exact_chain`],
/// analysed once with the other fields of the same text ([`shared`]).
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Stream::Exact))
}

/// Stemmed words and compound pieces, stop words removed:
/// [`stemmed_chain`], analysed once with the other fields ([`shared`]).
pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Stream::Stemmed))
}

/// Lemmas of words and compound pieces, stop words removed:
/// [`lemma_chain`], analysed once with the other fields ([`shared`]).
pub fn lemma_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Stream::Lemma))
}

/// Exact words folded to ASCII, for the fallback field: [`folded_chain`],
/// analysed once with the other fields ([`shared`]).
pub fn folded_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Stream::Folded))
}

/// Word pairs of the exact, stemmed and lemma chains ([`pairs`]),
/// analysed once with the other fields ([`shared`]).
pub fn pairs_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(Shared::new(Stream::Pairs))
}

/// The exact chain's filters: words → drop long → lower case → æøå
/// normalisation.
fn exact_filters() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(DanishTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ScandinavianNormaliser)
}

/// The exact chain, filter by filter: words → drop long → lower case →
/// æøå normalisation.
pub fn exact_chain() -> TextAnalyzer {
    exact_filters().build()
}

fn danish_stop_words() -> StopWordFilter {
    StopWordFilter::new(tantivy::tokenizer::Language::Danish)
        .unwrap_or_else(|| StopWordFilter::remove(Vec::new()))
}

/// The filters the stemmed and the lemma chain share.
fn base_filters() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(DanishTokenizer::with_hyphens(Hyphens::JoinAndSplit))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ElidedCompounds::danish())
        .filter(CompoundSplitter::danish())
        .filter(danish_stop_words())
}

/// What the stemmed and the lemma chain share: words, hyphenated ones also
/// joined → drop long → lower case → elided compounds → compound pieces →
/// stop words out.
pub fn base_chain() -> TextAnalyzer {
    base_filters().build()
}

/// The stemmed chain, filter by filter: as [`base_chain`], then æøå
/// normalisation → Snowball stem.
pub fn stemmed_chain() -> TextAnalyzer {
    base_filters()
        .filter(ScandinavianNormaliser)
        .filter(DanishStemmer::default())
        .build()
}

/// The lemma chain, filter by filter: as [`base_chain`], then every lemma
/// → æøå normalisation.
pub fn lemma_chain() -> TextAnalyzer {
    base_filters()
        .filter(Lemmatizer::danish())
        .filter(ScandinavianNormaliser)
        .build()
}

/// The folded chain, filter by filter: as [`exact_chain`], then only the
/// words a fallback query can ask for ([`lemma::FallbackWords`]) → ASCII
/// folding.
pub fn folded_chain() -> TextAnalyzer {
    exact_filters()
        .filter(FallbackWords::danish())
        .filter(AccentFolder::ascii())
        .build()
}

/// Query side of [`STEMMED`]: one stem per query word, hyphenated words
/// joined, no compound pieces.
pub fn stemmed_query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(DanishTokenizer::with_hyphens(Hyphens::Join))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(danish_stop_words())
        .filter(ScandinavianNormaliser)
        .filter(DanishStemmer::default())
        .build()
}

/// Query side of [`LEMMA`]: one lemma per query word, hyphenated words joined.
pub fn lemma_query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(DanishTokenizer::with_hyphens(Hyphens::Join))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(danish_stop_words())
        .filter(QueryLemmatizer::danish())
        .filter(ScandinavianNormaliser)
        .build()
}

/// Query side of [`FOLDED`]: only plain-ASCII words that are no Danish word.
pub fn folded_query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(DanishTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFallback::danish())
        .filter(ScandinavianNormaliser)
        .filter(AccentFolder::ascii())
        .build()
}

/// Person names: lower case, æøå normalised, folded to ASCII ("René" =
/// "rene", "Høyer" = "hoyer").
pub fn person_analyzer() -> TextAnalyzer {
    exact_filters().filter(AccentFolder::ascii()).build()
}

/// Filter values (municipality, body, …): the whole value in lower case.
pub fn key_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_KEY_BYTES))
        .filter(LowerCaser)
        .build()
}

/// Registers the index-side analyzers under [`EXACT`], [`STEMMED`],
/// [`LEMMA`], [`FOLDED`], [`PAIRS`], [`PERSON`] and [`KEY`].
pub fn register(manager: &TokenizerManager) {
    manager.register(EXACT, exact_analyzer());
    manager.register(STEMMED, stemmed_analyzer());
    manager.register(LEMMA, lemma_analyzer());
    manager.register(FOLDED, folded_analyzer());
    manager.register(PAIRS, pairs_analyzer());
    manager.register(PERSON, person_analyzer());
    manager.register(KEY, key_analyzer());
}

/// The analyzers a query is parsed with, under the same names as the index
/// side: [`EXACT`], [`PERSON`] and [`KEY`] as indexed, [`STEMMED`],
/// [`LEMMA`] and [`FOLDED`] in their query forms.
pub fn query_tokenizers() -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register(EXACT, exact_chain());
    manager.register(STEMMED, stemmed_query_analyzer());
    manager.register(LEMMA, lemma_query_analyzer());
    manager.register(FOLDED, folded_query_analyzer());
    manager.register(PERSON, person_analyzer());
    manager.register(KEY, key_analyzer());
    manager
}

/// The tokens an analyzer gives for a text, for tests and debugging.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemmed_chain_decompounds_stems_and_drops_stop_words() {
        let t = tokens(&mut stemmed_analyzer(), "Ensomhedspuljen og boligerne");
        let stemmer = DanishStemmer::default();
        assert!(t.contains(&stemmer.stem("pulje").into_owned()), "{t:?}");
        assert!(t.contains(&stemmer.stem("ensomhed").into_owned()), "{t:?}");
        assert!(t.contains(&stemmer.stem("bolig").into_owned()), "{t:?}");
        assert!(!t.contains(&"og".to_string()));
    }

    #[test]
    fn stemmed_chain_completes_elided_compounds() {
        let t = tokens(&mut stemmed_analyzer(), "Sundheds- og Socialudvalget");
        let q = tokens(&mut stemmed_analyzer(), "sundhedsudvalget");
        assert!(!q.is_empty());
        for token in q {
            assert!(t.contains(&token), "{token} not in {t:?}");
        }
    }

    #[test]
    fn exact_chain_keeps_stop_words_and_inflection() {
        let t = tokens(&mut exact_analyzer(), "Boligerne og Aalborg");
        assert_eq!(t, ["boligerne", "og", "ålborg"]);
    }

    #[test]
    fn person_chain_folds_accents_and_case() {
        assert_eq!(
            tokens(&mut person_analyzer(), "René Meyrowitsch"),
            tokens(&mut person_analyzer(), "rene MEYROWITSCH")
        );
    }

    #[test]
    fn long_tokens_are_kept_up_to_the_limit() {
        // Over tantivy's default limit of 40 bytes, kept here.
        let word = "børneogungdomsuddannelsesvejlederfunktionen";
        assert!(word.len() > 40);
        assert_eq!(tokens(&mut exact_analyzer(), word), [word]);
        let too_long = "ø".repeat(60);
        assert!(tokens(&mut exact_analyzer(), &too_long).is_empty());
    }

    #[test]
    fn hostile_text_is_analysed_without_panics() {
        let long_word = "ø".repeat(100_000);
        let hyphens = "ab- ".repeat(10_000) + "og socialudvalget";
        let samples = [
            "",
            "\u{30a}\u{30a}a\u{30a}",
            "-- og -- eller - samt -",
            "\u{0}\u{200b}\u{feff}\u{202e}abc\u{202c}",
            "🙂 Møde🙂møde 𝔐𝔬𝔡𝔢",
            "İstanbul ǅ ß ẞ Σσς",
            long_word.as_str(),
            hyphens.as_str(),
        ];
        for text in samples {
            for mut analyzer in [
                exact_analyzer(),
                stemmed_analyzer(),
                lemma_analyzer(),
                folded_analyzer(),
                stemmed_query_analyzer(),
                lemma_query_analyzer(),
                folded_query_analyzer(),
                person_analyzer(),
                key_analyzer(),
            ] {
                let out = tokens(&mut analyzer, text);
                assert!(out
                    .iter()
                    .all(|t| t.len() <= text.len().max(MAX_TOKEN_BYTES) * 2));
            }
        }
    }
}
