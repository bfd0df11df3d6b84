//! Word pairs: each word's forms joined with the next word's forms.
//!
//! A quoted phrase of two words is then one term to look up ("nyt
//! udsatteråd" → the pair "nyt udsatterad") instead of two position lists to
//! walk and compare for every entry that has both words; in a large archive
//! where both words are common that comparison is most of a phrase search's
//! time. Longer phrases need every adjacent pair, which narrows the entries
//! whose positions are still compared.
//!
//! Pairs are made per stream (exact words, stems, lemmas), each with its
//! own joining character, so a stem pair never equals a lemma pair: a pair
//! matches where the phrase check in that stream's field would, and no
//! more. Every form at a position takes part (a compound's pieces too), as
//! in the phrase check: "pulje fordeles" finds "Ensomhedspuljen fordeles".

/// Joins the two words of an exact-word pair.
pub const EXACT_JOIN: char = '_';
/// Joins the two words of a stem pair.
pub const STEM_JOIN: char = ' ';
/// Joins the two words of a lemma pair.
pub const LEMMA_JOIN: char = '+';

/// The term text of the pair `first`, `second` joined by `join`.
pub fn pair(first: &str, join: char, second: &str) -> String {
    let mut out = String::with_capacity(first.len() + second.len() + 1);
    out.push_str(first);
    out.push(join);
    out.push_str(second);
    out
}

/// One token of a stream: position, byte offsets and text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// Position in the text (words removed, e.g. stop words, leave a gap).
    pub position: usize,
    /// Start of the word in the text.
    pub from: usize,
    /// End of the word in the text.
    pub to: usize,
    /// The token.
    pub text: &'a str,
}

/// Calls `emit` with every pair of one stream, in position order: each
/// form at position p joined by `join` with each form at p + 1. A gap (a
/// removed stop word) breaks the run, as it breaks a phrase. `words` must
/// come in position order, as token streams give them.
pub fn pairs_of<'a>(
    words: impl IntoIterator<Item = Word<'a>>,
    join: char,
    mut emit: impl FnMut(&Word<'a>, &Word<'a>, &str),
) {
    let mut before: Vec<Word<'a>> = Vec::new();
    let mut here: Vec<Word<'a>> = Vec::new();
    let mut text = String::new();
    let mut flush = |before: &[Word<'a>], here: &[Word<'a>]| {
        let adjacent = matches!(
            (before.first(), here.first()),
            (Some(b), Some(h)) if b.position + 1 == h.position
        );
        if !adjacent {
            return;
        }
        for first in before {
            for second in here {
                text.clear();
                text.push_str(first.text);
                text.push(join);
                text.push_str(second.text);
                emit(first, second, &text);
            }
        }
    };
    for word in words {
        if here.first().is_some_and(|h| h.position != word.position) {
            flush(&before, &here);
            std::mem::swap(&mut before, &mut here);
            here.clear();
        }
        // A form given twice at one position (a lemma of the word and of
        // its last piece) makes its pairs once.
        if !here.iter().any(|h| h.text == word.text) {
            here.push(word);
        }
    }
    flush(&before, &here);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[(usize, &'static str)]) -> Vec<Word<'static>> {
        list.iter()
            .map(|&(position, text)| Word {
                position,
                from: position * 10,
                to: position * 10 + text.len(),
                text,
            })
            .collect()
    }

    fn all(list: &[(usize, &'static str)], join: char) -> Vec<String> {
        let mut out = Vec::new();
        pairs_of(words(list), join, |_, _, t| out.push(t.to_string()));
        out
    }

    #[test]
    fn adjacent_words_pair_up_in_order() {
        assert_eq!(
            all(&[(0, "nyt"), (1, "udsatteråd"), (2, "vælges")], STEM_JOIN),
            ["nyt udsatteråd", "udsatteråd vælges"]
        );
    }

    #[test]
    fn every_form_at_a_position_pairs_with_every_form_at_the_next() {
        let got = all(
            &[
                (0, "ensomhedspulj"),
                (0, "ensomhed"),
                (0, "pulj"),
                (1, "fordel"),
            ],
            STEM_JOIN,
        );
        assert_eq!(
            got,
            ["ensomhedspulj fordel", "ensomhed fordel", "pulj fordel"]
        );
    }

    #[test]
    fn a_gap_breaks_the_run() {
        // "boliger og budget" with the stop word removed.
        assert!(all(&[(0, "bolig"), (2, "budget")], STEM_JOIN).is_empty());
        assert!(all(&[(0, "bolig")], STEM_JOIN).is_empty());
        assert!(all(&[], STEM_JOIN).is_empty());
    }

    #[test]
    fn a_repeated_form_pairs_once() {
        assert_eq!(
            all(&[(0, "barn"), (0, "barn"), (1, "leg")], LEMMA_JOIN),
            ["barn+leg"]
        );
    }

    #[test]
    fn the_joins_keep_the_streams_apart() {
        let joins = [EXACT_JOIN, STEM_JOIN, LEMMA_JOIN];
        for (i, a) in joins.iter().enumerate() {
            for b in joins.iter().skip(i + 1) {
                assert_ne!(pair("x", *a, "y"), pair("x", *b, "y"));
            }
            assert!(!a.is_alphanumeric(), "a word never holds its join");
        }
    }

    #[test]
    fn offsets_span_both_words() {
        let mut spans = Vec::new();
        pairs_of(words(&[(0, "a"), (1, "b")]), STEM_JOIN, |f, s, _| {
            spans.push((f.from, s.to))
        });
        assert_eq!(spans, [(0, 11)]);
    }
}
