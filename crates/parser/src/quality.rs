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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_counts_repeats() {
        assert_eq!(f1(&["a", "a"], &["a"]), 2.0 / 3.0);
        assert_eq!(f1::<&str>(&[], &[]), 1.0);
        assert_eq!(f1(&["a"], &[]), 0.0);
    }
}
