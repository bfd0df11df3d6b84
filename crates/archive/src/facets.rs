//! Facets of a query over the archive's meetings: counts per
//! municipality, body, year and document type from the index, and per
//! resolved person from the people resolution beside it.

use referat_indexer::{sort_counts, FacetCount, FacetField, Facets, KeySet, Query};

use crate::{Archive, ArchiveError};

impl Archive {
    /// The meetings `query` matches, counted per value of each facet in
    /// `fields`: each count is the total of a one-hit-per-meeting
    /// [`Archive::search`] narrowed to that value (for a person: to the
    /// person's name and municipality). Values with no matching meeting
    /// are left out; every value is returned (a front end shows the top
    /// ones).
    pub fn facets(&self, query: &Query, fields: &[FacetField]) -> Result<Facets, ArchiveError> {
        self.check_filters(query)?;
        let query = self.resolved(query)?;
        if !fields.contains(&FacetField::Person) {
            return Ok(self.index.facets(&query, fields)?);
        }
        let (mut facets, by_doc) = self.index.facets_and_meetings(&query, fields)?;
        let names = self.names()?;
        let mut values = Vec::new();
        let mut with_person = KeySet::default();
        for (i, p) in names.within(query.municipality.as_deref()) {
            let meetings: KeySet = names
                .doc_keys
                .get(i)
                .into_iter()
                .flatten()
                .filter_map(|key| by_doc.get(key).copied())
                .collect();
            if meetings.is_empty() {
                continue;
            }
            with_person.extend(&meetings);
            values.push(FacetCount {
                value: p.name.clone(),
                meetings: meetings.len() as u64,
                municipality: p.municipality.clone(),
                person_id: Some(p.id.clone()),
            });
        }
        sort_counts(&mut values);
        let all: KeySet = by_doc.values().copied().collect();
        for counts in facets
            .facets
            .iter_mut()
            .filter(|c| c.field == FacetField::Person)
        {
            counts.values = values.clone();
            counts.missing = all.difference(&with_person).count() as u64;
        }
        Ok(facets)
    }
}
