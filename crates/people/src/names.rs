//! How two written names of one person can differ: accents, a slip of the
//! keyboard in one word, a dropped middle name, a short form.

use referat_parser::structure::lexicon::is_given_name;

use crate::distance::is_misspelling;

/// Fold a name for comparison: the parser's fold (lower case, accents off,
/// "René" = "Rene"; Danish letters stay) with whitespace collapsed.
pub fn fold(name: &str) -> String {
    let folded = referat_parser::structure::persons::fold(name);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded words of a name.
pub fn words(name: &str) -> Vec<String> {
    fold(name).split_whitespace().map(str::to_string).collect()
}

/// How two full names (two words or more each) can be one person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FullNameVariant {
    /// The same first name, one later word misspelt ("Gustavsen" / "Gustavussen").
    Surname {
        /// Edits between the two words.
        edits: usize,
    },
    /// The first name misspelt, the rest the same ("Helgo Bo Jensen"); one
    /// of the two first names must not be a common given name.
    FirstName {
        /// Edits between the two first names.
        edits: usize,
    },
    /// The same first and last name, middle names left out ("Søren Karsten"
    /// / "Søren Hvid Karsten").
    MiddleOmitted,
}

/// Whether `a` and `b`, both full names, can be spellings of one name.
pub fn full_name_variant(a: &[String], b: &[String]) -> Option<FullNameVariant> {
    if a.len() < 2 || b.len() < 2 || a == b {
        return None;
    }
    if a.len() == b.len() {
        let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        let [i] = differing.as_slice() else {
            return None;
        };
        let edits = is_misspelling(&a[*i], &b[*i])?;
        return Some(if *i == 0 {
            if !first_name_slip(&a[0], &b[0]) {
                return None;
            }
            FullNameVariant::FirstName { edits }
        } else {
            FullNameVariant::Surname { edits }
        });
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let same_ends = short.first() == long.first() && short.last() == long.last();
    (same_ends && is_subsequence(short, long)).then_some(FullNameVariant::MiddleOmitted)
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| l == w))
}

/// How a shorter name can stand for a longer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShortForm {
    /// The leading words, exactly: "Rene" for "René Meyrowitsch", "Helge
    /// Bo" for "Helge Bo Jensen". A first name matches only the same first
    /// name: "Lise" never stands for "Lisbeth Andersen".
    Leading,
    /// The leading words with the first name misspelt by one letter, and at
    /// least one more word to confirm it: "Helgo Bo" for "Helge Bo Jensen"
    /// (never a first name alone).
    MisspeltLeading,
}

/// Whether `short` can be a short form of `long` (folded words).
pub fn short_form(short: &[String], long: &[String]) -> Option<ShortForm> {
    if short.is_empty() || short.len() >= long.len() {
        return None;
    }
    if long.starts_with(short) {
        return Some(ShortForm::Leading);
    }
    let first_misspelt =
        is_misspelling(&short[0], &long[0]) == Some(1) && first_name_slip(&short[0], &long[0]);
    (short.len() >= 2 && first_misspelt && short[1..] == long[1..short.len()])
        .then_some(ShortForm::MisspeltLeading)
}

/// Two first names one edit apart are a slip only when one of them is not a
/// name at all: "Helgo" is a slip for "Helge", but "Lise" and "Lisa", or
/// "Helge" and "Helga", are different names.
fn first_name_slip(a: &str, b: &str) -> bool {
    !(is_given_name(a) && is_given_name(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(name: &str) -> Vec<String> {
        words(name)
    }

    #[test]
    fn folding() {
        assert_eq!(fold("  René   Meyrowitsch "), "rene meyrowitsch");
        assert_eq!(fold("Søren"), "søren");
    }

    #[test]
    fn full_name_variants() {
        use FullNameVariant::*;
        let v = |a, b| full_name_variant(&w(a), &w(b));
        assert_eq!(
            v("Nina Gustavsen", "Nina Gustavussen"),
            Some(Surname { edits: 2 })
        );
        assert_eq!(
            v("Helgo Bo Jensen", "Helge Bo Jensen"),
            Some(FirstName { edits: 1 })
        );
        assert_eq!(
            v("Søren Karsten", "Søren Hvid Karsten"),
            Some(MiddleOmitted)
        );
        assert_eq!(v("Mette Andersen", "Mette Jensen"), None);
        assert_eq!(v("Søren Olsen", "Søren Mogensen"), None);
        assert_eq!(v("Søren Olsen", "Søren Hvid Karsten"), None);
        assert_eq!(v("Søren Olsen", "Tilde Olsen"), None);
        assert_eq!(v("Helgo Bo Jansen", "Helge Bo Jensen"), None);
        assert_eq!(v("Lisa Andersen", "Lise Andersen"), None);
    }

    #[test]
    fn short_forms() {
        let s = |a, b| short_form(&w(a), &w(b));
        assert_eq!(s("Rene", "René Meyrowitsch"), Some(ShortForm::Leading));
        assert_eq!(s("Helge Bo", "Helge Bo Jensen"), Some(ShortForm::Leading));
        assert_eq!(
            s("Helgo Bo", "Helge Bo Jensen"),
            Some(ShortForm::MisspeltLeading)
        );
        assert_eq!(s("Lise", "Lisbeth Andersen"), None);
        assert_eq!(s("Helgo", "Helge Bo Jensen"), None);
        assert_eq!(s("Lisa Bo", "Lise Bo Jensen"), None);
        assert_eq!(s("Bo", "Helge Bo Jensen"), None);
        assert_eq!(s("Helge Bo Jensen", "Helge Bo"), None);
    }
}
