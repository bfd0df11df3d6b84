//! Word lists the extractor consults: municipalities and given names. They
//! are data (in `crates/parser/data/`), not rules.

use std::collections::HashSet;
use std::sync::LazyLock;

const MUNICIPALITIES: &str = include_str!("../../data/municipalities.txt");
const FIRST_NAMES: &str = include_str!("../../data/first-names.txt");

fn words(data: &'static str, split_lines_only: bool) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(move |l| {
            if split_lines_only {
                vec![l.trim()]
            } else {
                l.split_whitespace().collect()
            }
        })
        .filter(|w| !w.is_empty())
}

/// The 98 Danish municipalities, as they name themselves.
pub static MUNICIPALITY_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(MUNICIPALITIES, true).collect());

/// Common Danish given names, lower-cased.
static GIVEN_NAMES: LazyLock<HashSet<String>> =
    LazyLock::new(|| words(FIRST_NAMES, false).map(str::to_lowercase).collect());

/// Whether `word` is a common Danish given name.
pub fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(&word.to_lowercase())
}

/// Whether `word` is one substitution, insertion or deletion away from a
/// common given name.
pub fn given_name_within_one_edit(word: &str) -> bool {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    GIVEN_NAMES.iter().any(|name| {
        let n: Vec<char> = name.chars().collect();
        within_one_edit(&w, &n)
    })
}

fn within_one_edit(a: &[char], b: &[char]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match (ra.len(), rb.len()) {
        (0, 0) => true,
        (x, y) if x == y => ra[1..] == rb[1..],
        (x, y) if x > y => ra[1..] == *rb,
        _ => *ra == rb[1..],
    }
}

/// A municipality's name folded for comparison with a path: lower case,
/// å → aa, æ → ae, ø → oe, hyphens dropped.
pub fn fold_for_path(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.to_lowercase().chars() {
        match c {
            'å' => out.push_str("aa"),
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            '-' | ' ' | '_' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_98_municipalities() {
        assert_eq!(MUNICIPALITY_NAMES.len(), 98);
        let unique: HashSet<_> = MUNICIPALITY_NAMES.iter().collect();
        assert_eq!(unique.len(), 98);
    }

    #[test]
    fn given_names_are_case_insensitive() {
        assert!(is_given_name("søren"));
        assert!(is_given_name("Mette"));
        assert!(!is_given_name("Udsatterådet"));
    }

    #[test]
    fn one_edit_from_a_given_name() {
        assert!(given_name_within_one_edit("Helgo"));
        assert!(!given_name_within_one_edit("Herefter"));
    }

    #[test]
    fn path_folding() {
        assert_eq!(fold_for_path("Høje-Taastrup"), "hoejetaastrup");
        assert_eq!(fold_for_path("København"), "koebenhavn");
    }
}
