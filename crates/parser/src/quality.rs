//! Measures of extraction quality, used by the tests and by anyone who wants
//! to compare referat's text with a reference.

use std::collections::HashMap;

/// Lower-cased word tokens (letters and digits), for comparing texts.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token-level similarity of two texts: the F1 of their token multisets
/// (1.0 = the same words the same number of times, in any order).
///
/// ```
/// use referat_parser::quality::token_similarity;
/// assert_eq!(token_similarity("Åben møde", "åben  møde"), 1.0);
/// assert!(token_similarity("a b c d", "a b c x") < 0.8);
/// ```
pub fn token_similarity(a: &str, b: &str) -> f64 {
    f1(&tokens(a), &tokens(b))
}

/// The F1 of two multisets: 2·|A∩B| / (|A|+|B|); 1.0 for two empty sets.
pub fn f1<T: Eq + std::hash::Hash>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&T, i64> = HashMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0i64;
    for t in b {
        if let Some(c) = counts.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Order-aware similarity in 0..=1: 2·LCS / (|a| + |b|) over the token
/// sequences (like Python's `difflib.SequenceMatcher.ratio`, on words). Two
/// empty texts are identical.
///
/// ```
/// use referat_parser::quality::sequence_similarity;
/// assert_eq!(sequence_similarity("a b c", "a b c"), 1.0);
/// assert!(sequence_similarity("a b c", "c b a") < 1.0);
/// ```
pub fn sequence_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(&a, &b) as f64 / (a.len() + b.len()) as f64
}

/// Tokens of `b` missing from `a` and of `a` missing from `b` (multiset
/// difference), for messages when a comparison fails.
pub fn token_diff(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    use std::collections::HashMap;
    let count = |ts: &[String]| {
        let mut m: HashMap<String, i64> = HashMap::new();
        for t in ts {
            *m.entry(t.clone()).or_default() += 1;
        }
        m
    };
    let (ta, tb) = (tokens(a), tokens(b));
    let (ca, cb) = (count(&ta), count(&tb));
    let missing = |x: &HashMap<String, i64>, y: &HashMap<String, i64>| {
        let mut v: Vec<String> = y
            .iter()
            .filter(|(t, n)| x.get(*t).copied().unwrap_or(0) < **n)
            .map(|(t, _)| t.clone())
            .collect();
        v.sort();
        v
    };
    (missing(&ca, &cb), missing(&cb, &ca))
}

fn lcs_len(a: &[String], b: &[String]) -> usize {
    // Two rows of the dynamic programme: memory O(|b|).
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_repeats() {
        assert_eq!(f1(&["a", "a"], &["a"]), 2.0 / 3.0);
        assert_eq!(f1::<&str>(&[], &[]), 1.0);
        assert_eq!(f1(&["a"], &[]), 0.0);
    }

    #[test]
    fn order_counts_only_in_sequence_similarity() {
        assert_eq!(
            sequence_similarity("Møde i Udvalget.", "møde i udvalget"),
            1.0
        );
        assert!(sequence_similarity("a b c d", "a b x d") < 0.8);
        assert_eq!(token_similarity("a b", "b a"), 1.0);
        assert!(sequence_similarity("a b", "b a") < 1.0);
    }

    #[test]
    fn diff_names_what_is_missing() {
        let (missing, extra) = token_diff("a b c", "a b d");
        assert_eq!(
            (missing, extra),
            (vec!["d".to_string()], vec!["c".to_string()])
        );
    }
}
