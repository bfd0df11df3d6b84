//! Quoted phrases of the full text, looked up as word pairs.
//!
//! tantivy answers a phrase by walking the position lists of its words in
//! every entry that has them all, in each field the phrase is asked in
//! (exact, stemmed, lemma). In a large archive where the words are common
//! that walk is most of the search. The full text also carries each word's
//! forms joined with the next word's ([`crate::analysis::pairs`]), so:
//!
//! - a two-word phrase is three term lookups: the exact pair (weighted as
//!   an exact match), the stem pair and the lemma pair. They match exactly
//!   where the phrase checks in the exact, stemmed and lemma fields would;
//! - a longer phrase needs every adjacent pair and then the phrase check
//!   itself, which then runs only on entries that have all the pairs.
//!
//! A phrase is looked up this way only when each of its words has one
//! exact, one stemmed and one lemma form at consecutive positions and none
//! goes to the ASCII fallback field; otherwise (a stop word inside, a
//! hyphenated word, a plain-ASCII spelling, a section search) it is asked
//! as before. The phrase's word terms stay visible to snippets and to the
//! "why it matched" list.

use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, EnableScoring, Occur, Query, QueryParser, TermQuery,
    Weight,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::analysis::{self, pairs};
use crate::query::EXACT_BOOST;
use crate::IndexError;

/// A phrase matched through its word pairs that still names its word terms.
#[derive(Debug)]
struct PairPhrase {
    /// What decides the match and the score.
    matcher: Box<dyn Query>,
    /// The phrase as tantivy's parser asks it: its terms, for highlighting.
    words: Box<dyn Query>,
}

impl Clone for PairPhrase {
    fn clone(&self) -> Self {
        PairPhrase {
            matcher: self.matcher.box_clone(),
            words: self.words.box_clone(),
        }
    }
}

impl Query for PairPhrase {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        self.matcher.weight(scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.words.query_terms(visitor);
    }
}

/// The forms of a phrase's words, one per word in each stream.
#[derive(Debug, PartialEq, Eq)]
struct PhraseWords {
    exact: Vec<String>,
    stems: Vec<String>,
    lemmas: Vec<String>,
}

/// The query-side analyzers a phrase is read with.
struct Analyzers {
    exact: TextAnalyzer,
    stemmed: TextAnalyzer,
    lemma: TextAnalyzer,
    folded: TextAnalyzer,
}

impl Analyzers {
    fn new() -> Analyzers {
        Analyzers {
            exact: analysis::exact_chain(),
            stemmed: analysis::stemmed_query_analyzer(),
            lemma: analysis::lemma_query_analyzer(),
            folded: analysis::folded_query_analyzer(),
        }
    }

    /// The words of a phrase that can be looked up as pairs, or `None`.
    fn phrase_words(&mut self, phrase: &str) -> Option<PhraseWords> {
        if !tokens(&mut self.folded, phrase)?.is_empty() {
            return None;
        }
        let exact = tokens(&mut self.exact, phrase)?;
        let stems = tokens(&mut self.stemmed, phrase)?;
        let lemmas = tokens(&mut self.lemma, phrase)?;
        let n = exact.len();
        (n >= 2 && stems.len() == n && lemmas.len() == n).then_some(PhraseWords {
            exact,
            stems,
            lemmas,
        })
    }
}

/// One token per position at consecutive positions, or `None` (a gap left
/// by a stop word, two tokens at one position).
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    let mut first = None;
    while let Some(token) = stream.next() {
        let start = *first.get_or_insert(token.position);
        if token.position != start + out.len() {
            return None;
        }
        out.push(token.text.clone());
    }
    Some(out)
}

/// A leaf that is a quoted phrase, with its text.
fn quoted(leaf: &UserInputLeaf) -> Option<&str> {
    match leaf {
        UserInputLeaf::Literal(l)
            if l.field_name.is_none()
                && l.delimiter == Delimiter::DoubleQuotes
                && l.slop == 0
                && !l.prefix =>
        {
            Some(&l.phrase)
        }
        _ => None,
    }
}

/// Builds the topic query of a text, with its quoted phrases looked up as
/// word pairs in `pairs` where they can be.
pub(crate) struct PhraseQueries<'a> {
    parser: &'a QueryParser,
    pairs: Field,
    analyzers: Analyzers,
}

impl<'a> PhraseQueries<'a> {
    /// Over `parser` (the full text's fields) and the full text's pairs.
    pub(crate) fn new(parser: &'a QueryParser, pairs: Field) -> Self {
        PhraseQueries {
            parser,
            pairs,
            analyzers: Analyzers::new(),
        }
    }

    /// The query of `text`: what `parser` makes of it, with each phrase
    /// that can be looked up as pairs replaced by its pair query.
    pub(crate) fn parse(&mut self, text: &str) -> Result<Box<dyn Query>, IndexError> {
        let invalid = |e: tantivy::query::QueryParserError| IndexError::InvalidQuery(e.to_string());
        // The parser's own reading first: its errors are the query's errors.
        let plain = self.parser.parse_query(text).map_err(invalid)?;
        let Ok(ast) = query_grammar::parse_query(text) else {
            return Ok(plain);
        };
        if !self.has_pair_phrase(&ast) {
            return Ok(plain);
        }
        Ok(self.convert(ast)?.unwrap_or_else(|| Box::new(EmptyQuery)))
    }

    fn has_pair_phrase(&mut self, ast: &UserInputAst) -> bool {
        match ast {
            UserInputAst::Clause(children) => children.iter().any(|(_, c)| self.has_pair_phrase(c)),
            UserInputAst::Boost(child, _) => self.has_pair_phrase(child),
            UserInputAst::Leaf(leaf) => {
                quoted(leaf).is_some_and(|p| self.analyzers.phrase_words(p).is_some())
            }
        }
    }

    /// The query of an AST as the parser builds it (a clause's parts with
    /// AND by default, empty parts left out), leaf by leaf.
    fn convert(&mut self, ast: UserInputAst) -> Result<Option<Box<dyn Query>>, IndexError> {
        let invalid = |e: tantivy::query::QueryParserError| IndexError::InvalidQuery(e.to_string());
        match ast {
            UserInputAst::Clause(children) => {
                let mut clauses = Vec::with_capacity(children.len());
                for (occur, child) in children {
                    if let Some(q) = self.convert(child)? {
                        clauses.push((occur.unwrap_or(Occur::Must), q));
                    }
                }
                Ok((!clauses.is_empty())
                    .then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>))
            }
            UserInputAst::Boost(child, boost) => Ok(self.convert(*child)?.map(|q| {
                Box::new(BoostQuery::new(q, boost.into_inner() as f32)) as Box<dyn Query>
            })),
            UserInputAst::Leaf(leaf) => {
                let words = quoted(&leaf).and_then(|p| self.analyzers.phrase_words(p));
                let plain = self
                    .parser
                    .build_query_from_user_input_ast(UserInputAst::Leaf(leaf))
                    .map_err(invalid)?;
                if plain.is::<EmptyQuery>() {
                    return Ok(None);
                }
                Ok(Some(match words {
                    Some(words) => self.pair_phrase(&words, plain),
                    None => plain,
                }))
            }
        }
    }

    /// The pair query of a phrase whose parser query is `plain`.
    fn pair_phrase(&self, words: &PhraseWords, plain: Box<dyn Query>) -> Box<dyn Query> {
        let n = words.exact.len();
        let mut adjacent: Vec<Box<dyn Query>> = (0..n.saturating_sub(1))
            .map(|i| self.pair_at(words, i))
            .collect();
        let matcher: Box<dyn Query> = if n == 2 {
            adjacent.pop().unwrap_or_else(|| Box::new(EmptyQuery))
        } else {
            let mut all: Vec<(Occur, Box<dyn Query>)> =
                adjacent.into_iter().map(|q| (Occur::Must, q)).collect();
            all.push((Occur::Must, plain.box_clone()));
            Box::new(BooleanQuery::new(all))
        };
        Box::new(PairPhrase {
            matcher,
            words: plain,
        })
    }

    /// Words `i` and `i + 1` as a pair in any stream, the exact pair
    /// weighted as an exact match.
    fn pair_at(&self, words: &PhraseWords, i: usize) -> Box<dyn Query> {
        let term = |stream: &[String], join: char| -> Box<dyn Query> {
            let (Some(a), Some(b)) = (stream.get(i), stream.get(i + 1)) else {
                return Box::new(EmptyQuery);
            };
            Box::new(TermQuery::new(
                Term::from_field_text(self.pairs, &pairs::pair(a, join, b)),
                IndexRecordOption::WithFreqs,
            ))
        };
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    term(&words.exact, pairs::EXACT_JOIN),
                    EXACT_BOOST,
                )),
            ),
            (Occur::Should, term(&words.stems, pairs::STEM_JOIN)),
            (Occur::Should, term(&words.lemmas, pairs::LEMMA_JOIN)),
        ]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_danish_phrases_are_read_as_pairs() {
        let mut a = Analyzers::new();
        let words = a.phrase_words("Nyt Udsatteråd").expect("a pair phrase");
        assert_eq!(words.exact, ["nyt", "udsatteråd"]);
        assert_eq!(words.stems.len(), 2);
        assert_eq!(words.lemmas.len(), 2);
        assert!(a.phrase_words("nye plejeboliger vedtaget").is_some());
    }

    #[test]
    fn phrases_the_pairs_cannot_answer_are_left_to_the_parser() {
        let mut a = Analyzers::new();
        // A stop word inside: the stemmed words are not adjacent.
        assert_eq!(a.phrase_words("boliger og budget"), None);
        // One word is no phrase.
        assert_eq!(a.phrase_words("udsatterådet"), None);
        // A hyphenated word is one stem but two exact words.
        assert_eq!(a.phrase_words("halvårs-status 2019"), None);
        // A phrase of plain-ASCII spellings goes to the fallback field too.
        assert_eq!(a.phrase_words("hjemloshed udsatteradet"), None);
    }
}
