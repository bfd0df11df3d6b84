//! Word lists the extractor consults: municipalities and given names. They
//! are data (in `crates/parser/data/`), not rules.

use std::collections::HashSet;
use std::sync::LazyLock;

const MUNICIPALITIES: &str = include_str!("../../data/municipalities.txt");
const FIRST_NAMES: &str = include_str!("../../data/first-names.txt");
const DOMAINS: &str = include_str!("../../data/municipal-domains.txt");
const PLACE_WORDS: &str = include_str!("../../data/place-words.txt");

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

/// Domains that are not the municipality's folded name: domain → name.
static DOMAIN_NAMES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    words(DOMAINS, true)
        .filter_map(|l| l.split_once(' '))
        .map(|(d, m)| (d.trim(), m.trim()))
        .collect()
});

/// The municipality whose e-mail or web domain this is: "middelfart.dk",
/// "koege.dk", "sonderborg.dk", "aeroekommune.dk", or one of the listed
/// abbreviations ("balk.dk"). Subdomains count ("post.kk.dk").
pub fn municipality_of_domain(domain: &str) -> Option<&'static str> {
    let domain = domain.trim_end_matches('.');
    let base = domain.strip_suffix(".dk")?;
    let base = base.rsplit('.').next().unwrap_or(base);
    let full = format!("{base}.dk");
    if let Some((_, m)) = DOMAIN_NAMES.iter().find(|(d, _)| *d == full) {
        return Some(m);
    }
    let bare = base
        .strip_suffix("kommune")
        .unwrap_or(base)
        .replace('-', "");
    if bare.len() < 3 {
        return None;
    }
    FOLDED_NAMES
        .iter()
        .find(|(_, path, plain)| *path == bare || *plain == bare)
        .map(|(m, _, _)| *m)
}

/// Each municipality with its name folded as a path writes it
/// ([`fold_for_path`]) and as a domain may ([`fold_plain`]), in the order of
/// [`MUNICIPALITY_NAMES`]: folded once, not for every word compared.
static FOLDED_NAMES: LazyLock<Vec<(&'static str, String, String)>> = LazyLock::new(|| {
    MUNICIPALITY_NAMES
        .iter()
        .map(|m| (*m, fold_for_path(m), fold_plain(m)))
        .collect()
});

/// The first municipality (in the order of [`MUNICIPALITY_NAMES`]) whose
/// name folded for a path ([`fold_for_path`]) is `folded`.
pub fn municipality_of_path_word(folded: &str) -> Option<&'static str> {
    FOLDED_NAMES
        .iter()
        .find(|(_, path, _)| path == folded)
        .map(|(m, _, _)| *m)
}

/// A name folded as domains often write it: ø → o, æ → ae, å → aa.
fn fold_plain(name: &str) -> String {
    fold_for_path(&name.to_lowercase().replace('ø', "o"))
}

/// Words that make a capitalised phrase a street, place or institution
/// rather than a person ("Edith Rodes Vej", "Solvej", "Aktivitetscenter
/// Solvej"): whole words and word endings, lower-cased.
static PLACE_ENDINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(PLACE_WORDS, false).collect());

/// Whether a word names a street, place or institution: one of the listed
/// words, or a compound ending in one ("Solvej", "Aktivitetscenter").
pub fn is_place_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.chars().count() >= 3
        && PLACE_ENDINGS.iter().any(|e| match e.strip_prefix('*') {
            Some(end) => w.len() > end.len() && w.ends_with(end),
            None => w.ends_with(e),
        })
}

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
    fn domains() {
        assert_eq!(municipality_of_domain("middelfart.dk"), Some("Middelfart"));
        assert_eq!(municipality_of_domain("balk.dk"), Some("Ballerup"));
        assert_eq!(municipality_of_domain("koege.dk"), Some("Køge"));
        assert_eq!(municipality_of_domain("sonderborg.dk"), Some("Sønderborg"));
        assert_eq!(municipality_of_domain("aeroekommune.dk"), Some("Ærø"));
        assert_eq!(municipality_of_domain("kl.dk"), None);
        assert_eq!(municipality_of_domain("trekantbrand.dk"), None);
        assert_eq!(municipality_of_domain("dk.fujitsu.com"), None);
    }

    #[test]
    fn places() {
        for w in [
            "Vej",
            "Solvej",
            "Aktivitetscenter",
            "Rådhuspladsen",
            "Allé",
            "Skolen",
        ] {
            assert!(is_place_word(w), "{w}");
        }
        assert!(is_place_word("Nørregade"));
        for w in [
            "Jensen", "Viggo", "Helle", "Birgit", "Hansen", "Olsen", "Ib", "Gade", "Vang",
        ] {
            assert!(!is_place_word(w), "{w}");
        }
    }

    #[test]
    fn path_folding() {
        assert_eq!(fold_for_path("Høje-Taastrup"), "hoejetaastrup");
        assert_eq!(fold_for_path("København"), "koebenhavn");
    }
}
