//! Why a hit matched: which query word each marked word of the snippet
//! matched, and in which form.

use serde::Serialize;

use crate::analysis::fold::fold_to_ascii;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::normalise::normalise_scandinavian;
use crate::analysis::stemmer::DanishStemmer;
use crate::search::Snippet;

/// How a word of the text matched a query word, from the closest to the
/// loosest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchForm {
    /// The same word (case and æøå spelling aside): "møde" for "møde".
    Exact,
    /// Another form of the same dictionary word: "plejecentre" for "plejecenter".
    Lemma,
    /// The same Snowball stem: "hjemløse" for "hjemløshed".
    Stem,
    /// A part of a compound, or of an elided compound: "Landskabspuljen" for
    /// "pulje", "Psykiatri- og Handicapudvalget" for "psykiatriudvalget".
    CompoundPart,
    /// The same letters once folded to ASCII: "Høyer" for "Hoyer".
    Folded,
}

/// One marked word of a hit and why it matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MatchedTerm {
    /// The query word.
    pub term: String,
    /// The word as written in the text.
    pub word: String,
    /// How it matched.
    pub form: MatchForm,
}

/// One query word in the forms it is compared in.
struct QueryWord {
    text: String,
    normalised: String,
    lemma: String,
    stem: String,
    folded: String,
}

/// The words of a query, ready to explain matches with.
pub(crate) struct QueryWords {
    words: Vec<QueryWord>,
}

/// Query-language operators, which are no words to explain.
const OPERATORS: [&str; 3] = ["AND", "OR", "NOT"];

/// Lower case, æøå spelling normalised, hyphens and line breaks out.
fn normalised(word: &str) -> String {
    let joined: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let mut out = String::new();
    normalise_scandinavian(&joined, &mut out);
    out
}

fn lower_joined(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}

impl QueryWords {
    /// The words of a topic text: excluded words (`-word`) and operators left out.
    pub(crate) fn of(text: &str) -> QueryWords {
        let lexicon = Lexicon::danish();
        let stemmer = DanishStemmer::default();
        let words = text
            .split_whitespace()
            .filter(|w| !w.starts_with('-') && !OPERATORS.contains(w))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(|w| {
                let lower = lower_joined(w);
                let normalised = normalised(w);
                QueryWord {
                    text: w.to_string(),
                    lemma: normalised_lemma(lexicon, &lower),
                    stem: stemmer.stem(&normalised).into_owned(),
                    folded: fold_to_ascii(&normalised),
                    normalised,
                }
            })
            .collect();
        QueryWords { words }
    }

    /// The marked words of a snippet, each with the query word it matched
    /// most closely and how; words that match no query word are left out.
    pub(crate) fn explain(&self, snippet: &Snippet) -> Vec<MatchedTerm> {
        let mut out: Vec<MatchedTerm> = Vec::new();
        for range in &snippet.highlights {
            let Some(word) = snippet.text.get(range.clone()) else {
                continue;
            };
            let best = self
                .words
                .iter()
                .filter_map(|q| form_of(q, word).map(|f| (f, q)))
                .min_by_key(|(f, _)| *f);
            if let Some((form, q)) = best {
                let entry = MatchedTerm {
                    term: q.text.clone(),
                    word: word.to_string(),
                    form,
                };
                if !out.contains(&entry) {
                    out.push(entry);
                }
            }
        }
        out
    }
}

/// The lemma of a lower-case word as the lemma field has it (normalised).
fn normalised_lemma(lexicon: &Lexicon, lower: &str) -> String {
    let mut out = String::new();
    normalise_scandinavian(&lexicon.query_lemma(lower), &mut out);
    out
}

/// How `word` (as written) matches the query word, if it does.
fn form_of(q: &QueryWord, word: &str) -> Option<MatchForm> {
    let lexicon = Lexicon::danish();
    let stemmer = DanishStemmer::default();
    // An elided compound is marked whole: "Psykiatri- og Handicapudvalget".
    if word.split_whitespace().count() > 1 {
        let first = word.split_whitespace().next().unwrap_or_default();
        let first = normalised(first);
        return (!first.is_empty() && q.normalised.starts_with(&first))
            .then_some(MatchForm::CompoundPart);
    }
    let lower = lower_joined(word);
    let norm = normalised(word);
    if norm == q.normalised {
        return Some(MatchForm::Exact);
    }
    let lemmas = |w: &str| -> Vec<String> {
        lexicon
            .lemmas(w)
            .into_iter()
            .map(|l| {
                let mut n = String::new();
                normalise_scandinavian(&l, &mut n);
                n
            })
            .collect()
    };
    if lemmas(&lower).contains(&q.lemma) {
        return Some(MatchForm::Lemma);
    }
    if stemmer.stem(&norm) == q.stem {
        return Some(MatchForm::Stem);
    }
    for piece in lexicon.pieces(&lower) {
        let mut n = String::new();
        normalise_scandinavian(&piece, &mut n);
        if n == q.normalised || stemmer.stem(&n) == q.stem || lemmas(&piece).contains(&q.lemma) {
            return Some(MatchForm::CompoundPart);
        }
    }
    (fold_to_ascii(&norm) == q.folded).then_some(MatchForm::Folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(query: &str, text: &str) -> Vec<(String, MatchForm)> {
        let snippet = Snippet {
            text: text.to_string(),
            highlights: std::iter::once(0..text.len()).collect(),
        };
        QueryWords::of(query)
            .explain(&snippet)
            .into_iter()
            .map(|m| (m.term, m.form))
            .collect()
    }

    #[test]
    fn forms_from_closest_to_loosest() {
        assert_eq!(explain("møde", "Møde"), [("møde".into(), MatchForm::Exact)]);
        assert_eq!(
            explain("plejecenter", "plejecentre"),
            [("plejecenter".into(), MatchForm::Lemma)]
        );
        assert_eq!(
            explain("pulje", "Landskabspuljen"),
            [("pulje".into(), MatchForm::CompoundPart)]
        );
        assert_eq!(
            explain("Hoyer", "Høyer"),
            [("Hoyer".into(), MatchForm::Folded)]
        );
        assert_eq!(
            explain("psykiatriudvalget", "Psykiatri- og Handicapudvalget"),
            [("psykiatriudvalget".into(), MatchForm::CompoundPart)]
        );
        assert!(explain("bolig", "møde").is_empty());
        assert!(explain("-bolig AND", "bolig").is_empty());
    }
}
