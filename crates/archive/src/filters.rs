//! Checking a query before it runs: a municipality or body filter that
//! matches nothing in the archive is a mistake to report (with the nearest
//! values that exist), not a silent zero.

use referat_indexer::{values, Facet, Query};

use crate::{Archive, ArchiveError};

/// How many existing values a no-match message suggests.
const SUGGESTIONS: usize = 3;

impl Archive {
    /// The values of a facet (municipalities, bodies, …) the archive holds,
    /// as a front end offers them for a filter.
    pub fn values(&self, facet: Facet) -> Result<Vec<String>, ArchiveError> {
        Ok(self.index.values(facet)?)
    }

    /// Fails with [`ArchiveError::NoSuchValue`] when the query's
    /// municipality or body filter means none of the archive's values.
    pub fn check_filters(&self, query: &Query) -> Result<(), ArchiveError> {
        for (facet, name, value) in [
            (Facet::Municipality, "municipality", &query.municipality),
            (Facet::Body, "body", &query.body),
        ] {
            let Some(value) = value.as_deref() else {
                continue;
            };
            let known = self.index.values(facet)?;
            if values::matching(facet, value, &known).is_empty() {
                return Err(ArchiveError::NoSuchValue {
                    filter: name,
                    value: value.to_string(),
                    nearest: nearest(value, &known),
                });
            }
        }
        Ok(())
    }
}

/// The values nearest to `value`: those containing it or contained in it
/// first, then by edit distance over the folded forms.
pub(crate) fn nearest(value: &str, known: &[String]) -> Vec<String> {
    let folded = values::fold(value);
    let mut scored: Vec<(bool, usize, &String)> = known
        .iter()
        .map(|k| {
            let f = values::fold(k);
            let related = f.contains(&folded) || folded.contains(&f);
            let distance = referat_people::distance::edit_distance(&folded, &f);
            (!related, distance, k)
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, _, k)| k.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_prefers_related_then_close_values() {
        let known: Vec<String> = ["Aalborg", "Aarhus", "Albertslund", "Gladsaxe"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(nearest("Arhus", &known)[0], "Aarhus");
        assert_eq!(nearest("Gladsax", &known)[0], "Gladsaxe");
        assert_eq!(nearest("x", &known).len(), 3);
    }
}
