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
        let municipality = query.municipality.as_deref();
        let mut values = Vec::new();
        let mut with_person = KeySet::default();
        // One scratch list of meeting keys, sorted and deduplicated per
        // person: cheaper than a set per person over tens of thousands.
        let mut meetings: Vec<u64> = Vec::new();
        for (i, p) in names.within(municipality) {
            meetings.clear();
            meetings.extend(
                names
                    .doc_keys
                    .get(i)
                    .into_iter()
                    .flatten()
                    .filter_map(|key| by_doc.get(key).copied()),
            );
            if meetings.is_empty() {
                continue;
            }
            meetings.sort_unstable();
            meetings.dedup();
            if municipality.is_some() {
                with_person.extend(&meetings);
            }
            values.push(FacetCount {
                value: p.name.clone(),
                meetings: meetings.len() as u64,
                municipality: p.municipality.clone(),
                person_id: Some(p.id.clone()),
            });
        }
        if municipality.is_none() {
            // Every person counts: a meeting has one when one of its
            // matching records names anybody.
            with_person = by_doc
                .iter()
                .filter(|(doc, _)| names.named_docs.contains(*doc))
                .map(|(_, meeting)| *meeting)
                .collect();
        }
        sort_counts(&mut values);
        // Every meeting with a person is one of the matching meetings.
        let missing = facets.meetings.saturating_sub(with_person.len() as u64);
        if let Some(counts) = facets
            .facets
            .iter_mut()
            .find(|c| c.field == FacetField::Person)
        {
            counts.values = values;
            counts.missing = missing;
        }
        Ok(facets)
    }
}
