//! Danish text analysis for tantivy.
//!
//! Each filter lives in its own module and is composed with tantivy's
//! `TextAnalyzer::builder`, as tantivy composes its own analyzers:
//!
//! | analyzer            | chain                                                                                   |
//! |---------------------|-----------------------------------------------------------------------------------------|
//! | [`EXACT`]           | words (NFC) → drop > 100 bytes → lower case → æøå normalisation                         |
//! | [`STEMMED`]         | words (NFC) → drop > 100 bytes → lower case → elided compounds → compound parts → stop words → æøå normalisation → Snowball stem |
//! | [`PERSON`]          | words (NFC) → drop > 100 bytes → lower case → æøå normalisation → accent folding        |
//! | [`KEY`]             | whole value → lower case (municipality, body, … filters)                                |
//!
//! Compounds are split before the æøå normalisation because the dictionary
//! is in standard spelling ("boenhed" must not become "bønhed" before it is
//! split). Stop words are removed after compound handling because the
//! elided-compound filter needs "og" / "eller".

pub mod compound;
pub mod elision;
pub mod fold;
pub mod lexicon;
pub mod normalise;
pub mod stemmer;
pub mod tokenizer;

use tantivy::tokenizer::{
    LowerCaser, RawTokenizer, RemoveLongFilter, StopWordFilter, TextAnalyzer, TokenizerManager,
};

use self::compound::CompoundSplitter;
use self::elision::ElidedCompounds;
use self::fold::AccentFolder;
use self::normalise::ScandinavianNormaliser;
use self::stemmer::DanishStemmer;
use self::tokenizer::DanishTokenizer;

/// Name of the exact analyzer: normalised words, no stemming, no stop words.
pub const EXACT: &str = "da_exact";
/// Name of the stemmed analyzer: stop words out, compounds split, stemmed.
pub const STEMMED: &str = "da_stemmed";
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

/// Normalised words, not stemmed, stop words kept.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(DanishTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ScandinavianNormaliser)
        .build()
}

/// Stemmed words and compound parts, stop words removed.
pub fn stemmed_analyzer() -> TextAnalyzer {
    let stop_words = StopWordFilter::new(tantivy::tokenizer::Language::Danish)
        .unwrap_or_else(|| StopWordFilter::remove(Vec::new()));
    TextAnalyzer::builder(DanishTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ElidedCompounds::danish())
        .filter(CompoundSplitter::danish())
        .filter(stop_words)
        .filter(ScandinavianNormaliser)
        .filter(DanishStemmer::default())
        .build()
}

/// Person names: lower case, æøå normalised, accents folded ("René" = "rene").
pub fn person_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(DanishTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(ScandinavianNormaliser)
        .filter(AccentFolder)
        .build()
}

/// Filter values (municipality, body, …): the whole value in lower case.
pub fn key_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_KEY_BYTES))
        .filter(LowerCaser)
        .build()
}

/// Registers the four analyzers under [`EXACT`], [`STEMMED`], [`PERSON`]
/// and [`KEY`].
pub fn register(manager: &TokenizerManager) {
    manager.register(EXACT, exact_analyzer());
    manager.register(STEMMED, stemmed_analyzer());
    manager.register(PERSON, person_analyzer());
    manager.register(KEY, key_analyzer());
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
