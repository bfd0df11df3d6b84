//! Facets of a query over the archive's meetings: counts per
//! municipality, body, year and document type from the index, and per
//! resolved person from the people resolution beside it.

use std::collections::HashSet;

use referat_indexer::document::doc_key;
use referat_indexer::{sort_counts, FacetCount, FacetField, Facets, Query};

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
        let mut facets = self.index.facets(&query, fields)?;
        if !fields.contains(&FacetField::Person) {
            return Ok(facets);
        }
        let by_doc = self.index.meetings_by_document(&query)?;
        let mut values = Vec::new();
        let mut with_person: HashSet<u64> = HashSet::new();
        for p in self.named_persons(query.municipality.as_deref())? {
            let meetings: HashSet<u64> = p
                .doc_ids
                .iter()
                .filter_map(|id| by_doc.get(&doc_key(id)).copied())
                .collect();
            if meetings.is_empty() {
                continue;
            }
            with_person.extend(&meetings);
            values.push(FacetCount {
                value: p.name,
                meetings: meetings.len() as u64,
                municipality: p.municipality,
                person_id: Some(p.id),
            });
        }
        sort_counts(&mut values);
        let all: HashSet<u64> = by_doc.values().copied().collect();
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
