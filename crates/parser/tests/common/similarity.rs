//! Token-level text similarity for comparing extracted text with expected
//! text: lower-cased words (runs of letters and digits), compared in order.
#![allow(dead_code)]

/// The words of a text, lower-cased; punctuation and spacing ignored.
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Order-aware similarity in 0..=1: 2·LCS / (|a| + |b|) over the token
/// sequences (like Python's `difflib.SequenceMatcher.ratio`, on words). Two
/// empty texts are identical.
pub fn token_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(&a, &b) as f64 / (a.len() + b.len()) as f64
}

/// Order-free similarity in 0..=1: the F1 score of the two token multisets.
pub fn token_bag_f1(a: &str, b: &str) -> f64 {
    use std::collections::HashMap;
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &a {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0usize;
    for t in &b {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
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
    fn similarity_basics() {
        assert_eq!(token_similarity("Møde i Udvalget.", "møde i udvalget"), 1.0);
        assert!(token_similarity("a b c d", "a b x d") < 0.8);
        assert_eq!(token_bag_f1("a b", "b a"), 1.0);
        assert!(token_similarity("a b", "b a") < 1.0);
    }
}
