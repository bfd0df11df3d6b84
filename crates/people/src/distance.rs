//! Edit distance between two folded name words.

/// Longest word compared; longer words are compared only for equality, so a
/// hostile document cannot make the comparison quadratic in its size.
const MAX_CHARS: usize = 64;

/// The optimal-string-alignment (restricted Damerau–Levenshtein) distance
/// between `a` and `b`: insertions, deletions, substitutions and swaps of
/// two neighbouring letters each cost one ("Andersen" / "Andresen" is 1).
///
/// Words longer than 64 characters count as infinitely far apart unless
/// equal.
pub fn edit_distance(a: &str, b: &str) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > MAX_CHARS || b.len() > MAX_CHARS {
        return usize::MAX;
    }
    // Three rows suffice: the one before the previous is needed for swaps.
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
            if i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca) {
                best = best.min(before[j - 1] + 1);
            }
            current[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// How many edits a spelling variant of a word of this many letters may
/// have: none below four letters ("Bo" / "Bu" are different names), one up
/// to seven, two from eight ("Gustavsen" / "Gustavussen").
pub fn allowed_edits(shorter_len: usize) -> usize {
    match shorter_len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Whether two different words are spelling variants of one name: within
/// [`allowed_edits`] and with the same first letter (a slip rarely hits the
/// first letter, and "Hansen" / "Jansen" are different names).
pub fn is_misspelling(a: &str, b: &str) -> Option<usize> {
    if a == b || a.chars().next() != b.chars().next() {
        return None;
    }
    let shorter = a.chars().count().min(b.chars().count());
    let d = edit_distance(a, b);
    (d > 0 && d <= allowed_edits(shorter)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("helge", "helgo"), 1);
        assert_eq!(edit_distance("gustavsen", "gustavussen"), 2);
        assert_eq!(edit_distance("andersen", "andresen"), 1);
        assert_eq!(edit_distance("andersen", "jensen"), 4);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("søren", "søren"), 0);
    }

    #[test]
    fn misspellings() {
        assert_eq!(is_misspelling("gustavsen", "gustavussen"), Some(2));
        assert_eq!(is_misspelling("helgo", "helge"), Some(1));
        assert_eq!(is_misspelling("hansen", "jansen"), None);
        assert_eq!(is_misspelling("jensen", "jonsen"), Some(1));
        assert_eq!(is_misspelling("lise", "lisbeth"), None);
        assert_eq!(is_misspelling("bo", "bu"), None);
        assert_eq!(is_misspelling("olsen", "olsen"), None);
    }

    #[test]
    fn long_words_are_not_compared() {
        let long = "a".repeat(100);
        assert_eq!(edit_distance(&long, &format!("{long}b")), usize::MAX);
        assert_eq!(is_misspelling(&long, &format!("{long}b")), None);
    }
}
