//! Filter values as people write them: "Århus" or "Aarhus Kommune" for the
//! municipality Aarhus, "byråd" for Byrådet, "Udsatteråd" for
//! Udsatterådet. A filter is matched against the values the index holds,
//! and the query then asks for the matching values themselves.

use std::collections::BTreeMap;

use tantivy::Searcher;
use unicode_normalization::UnicodeNormalization;

use crate::index::Index;
use crate::IndexError;

/// A metadata field that filters match by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// The municipality: matched whole, case-, accent- and
    /// "Kommune"-insensitively, "aa" read as "å" ("Århus" = "Aarhus").
    Municipality,
    /// The council or committee: matched whole, or as the start of the
    /// value or of one of its words ("byråd" finds "Byrådet", "ungeudvalg"
    /// finds "Børne- og Ungeudvalget"), case- and accent-insensitively.
    Body,
}

impl Facet {
    /// The fast column of the facet's raw values.
    fn column(self) -> &'static str {
        match self {
            Facet::Municipality => "municipality",
            Facet::Body => "body",
        }
    }
}

/// Words a municipality's name is written with or without: "Gladsaxe
/// Kommune", "Gladsaxe Kommunes" (the official names, e.g. "Aarhus
/// Kommune", carry the word; the minutes often leave it out).
const MUNICIPALITY_WORDS: [&str; 2] = ["kommune", "kommunes"];

/// A value folded for comparison: NFC, lower case, accents dropped except
/// on the Danish letters æ, ø, å (which are letters of their own), "aa"
/// read as "å" (the spelling before 1948, kept in names such as "Aarhus"),
/// whitespace collapsed.
pub fn fold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.nfc().flat_map(char::to_lowercase) {
        if matches!(c, 'æ' | 'ø' | 'å') {
            out.push(c);
        } else {
            out.extend(
                std::iter::once(c)
                    .nfd()
                    .filter(|d| !unicode_normalization::char::is_combining_mark(*d)),
            );
        }
    }
    let out = out.replace("aa", "å");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold_for(facet: Facet, value: &str) -> String {
    let folded = fold(value);
    match facet {
        Facet::Municipality => folded
            .split(' ')
            .filter(|w| !MUNICIPALITY_WORDS.contains(w))
            .collect::<Vec<_>>()
            .join(" "),
        Facet::Body => folded,
    }
}

/// Whether `filter`, as a person wrote it, means `value` (see [`Facet`]).
pub fn matches(facet: Facet, filter: &str, value: &str) -> bool {
    let f = fold_for(facet, filter);
    let v = fold_for(facet, value);
    if f.is_empty() {
        return false;
    }
    match facet {
        Facet::Municipality => f == v,
        Facet::Body => {
            v.starts_with(&f)
                || v.split(|c: char| c.is_whitespace() || c == '-')
                    .any(|w| w.starts_with(&f))
        }
    }
}

/// The values of `facet` that `filter` means, among `values`.
pub fn matching<'v>(
    facet: Facet,
    filter: &str,
    values: impl IntoIterator<Item = &'v String>,
) -> Vec<String> {
    values
        .into_iter()
        .filter(|v| matches(facet, filter, v))
        .cloned()
        .collect()
}

/// The raw values of a facet in the searcher's segments, each once.
pub(crate) fn values_in(
    searcher: &Searcher,
    facet: Facet,
) -> Result<BTreeMap<String, ()>, IndexError> {
    let mut out = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str(facet.column())? else {
            continue;
        };
        let mut terms = column
            .dictionary()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            if let Ok(value) = std::str::from_utf8(terms.key()) {
                if !value.is_empty() {
                    out.insert(value.to_string(), ());
                }
            }
        }
    }
    Ok(out)
}

impl Index {
    /// Every value of a facet in the index (as written in the records),
    /// sorted: what a filter can match.
    pub fn values(&self, facet: Facet) -> Result<Vec<String>, IndexError> {
        Ok(values_in(&self.searcher(), facet)?.into_keys().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_as_people_write_them() {
        for written in [
            "Aarhus",
            "Århus",
            "aarhus",
            "Aarhus Kommune",
            "ÅRHUS KOMMUNE",
        ] {
            assert!(matches(Facet::Municipality, written, "Aarhus"), "{written}");
        }
        assert!(matches(Facet::Municipality, "Gladsaxe Kommune", "Gladsaxe"));
        assert!(!matches(Facet::Municipality, "Aalborg", "Aarhus"));
        // A municipality is matched whole, never by its start.
        assert!(!matches(Facet::Municipality, "Gladsaxe", "Gladsaxe Nord"));
        assert!(!matches(Facet::Municipality, "Kommune", "Aarhus"));
    }

    #[test]
    fn bodies_by_start_of_value_or_word() {
        assert!(matches(Facet::Body, "byråd", "Byrådet"));
        assert!(matches(Facet::Body, "Udsatteråd", "Udsatterådet"));
        assert!(matches(Facet::Body, "ungeudvalg", "Børne- og Ungeudvalget"));
        assert!(matches(Facet::Body, "ældreraadet", "Ældrerådet"));
        assert!(!matches(Facet::Body, "udvalg", "Økonomiudvalget"));
        assert!(!matches(Facet::Body, "", "Byrådet"));
    }

    #[test]
    fn fold_keeps_danish_letters_and_drops_accents() {
        assert_eq!(fold("  René  Ærø "), "rene ærø");
        assert_eq!(fold("Faaborg-Midtfyn"), "fåborg-midtfyn");
    }
}
