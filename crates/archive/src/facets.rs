//! Facets of a query over the archive's meetings: counts per
//! municipality, body, year and document type from the index, and per
//! resolved person from the people resolution beside it.

use referat_indexer::{FacetCount, FacetField, Facets, Period, Query, Split, Timeline};

use crate::persons::Names;
use crate::{Archive, ArchiveError};

/// Per resolved person (by position in `names.persons`; within
/// `municipality`, as a municipality filter matches it, or all), the
/// matching meetings that one of its records matched in; and how many
/// matching meetings name any such person.
/// `records` holds (meeting key, record key) of each matching record,
/// sorted by meeting ([`referat_indexer::Overview::records_by_meeting`]).
///
/// Counted from the matching records towards their persons, not from
/// every person towards its records: a one-word query on a large archive
/// matches a fraction of the records, while the persons are tens of
/// thousands.
fn person_counts(
    names: &Names,
    records: &[(u64, u64)],
    municipality: Option<&str>,
) -> (Vec<u64>, u64) {
    let mut counted = vec![false; names.persons.len()];
    for (i, _) in names.within(municipality) {
        if let Some(c) = counted.get_mut(i) {
            *c = true;
        }
    }
    // Records come grouped by meeting; a person counts once per meeting
    // however many of its records name them: `last` holds, per person,
    // the last meeting (its number in this walk, from 1) counted for them.
    let mut meetings = vec![0u64; names.persons.len()];
    let mut last = vec![0u32; names.persons.len()];
    let mut with_person = 0;
    for (n, group) in (1u32..).zip(records.chunk_by(|a, b| a.0 == b.0)) {
        let mut any = false;
        for (_, doc) in group {
            let Some(persons) = names.persons_of_doc.get(doc) else {
                continue;
            };
            for &p in persons {
                let p = p as usize;
                if !counted.get(p).copied().unwrap_or(false) {
                    continue;
                }
                if let (Some(seen), Some(count)) = (last.get_mut(p), meetings.get_mut(p)) {
                    if *seen != n {
                        *seen = n;
                        *count += 1;
                        any = true;
                    }
                }
            }
        }
        if any {
            with_person += 1;
        }
    }
    (meetings, with_person)
}

/// The persons with a count, as facet values: most meetings first (ties
/// by name, as [`referat_indexer::sort_counts`] orders), at most `top` of
/// them. Only the values kept are built: of tens of thousands of persons
/// a page shows ten.
fn person_values(names: &Names, counts: &[u64], top: Option<usize>) -> Vec<FacetCount> {
    let mut counted: Vec<usize> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, _)| i)
        .collect();
    let order = |a: &usize, b: &usize| {
        let name = |i: &usize| names.persons.get(*i).map(|p| p.name.as_str());
        // Ties by name, then by position: one order, whatever is kept.
        counts[*b]
            .cmp(&counts[*a])
            .then_with(|| name(a).cmp(&name(b)))
            .then(a.cmp(b))
    };
    if let Some(top) = top.filter(|&t| t < counted.len()) {
        if top == 0 {
            return Vec::new();
        }
        counted.select_nth_unstable_by(top - 1, order);
        counted.truncate(top);
    }
    counted.sort_unstable_by(order);
    counted
        .into_iter()
        .filter_map(|i| {
            let p = names.persons.get(i)?;
            Some(FacetCount {
                value: p.name.clone(),
                meetings: counts[i],
                municipality: p.municipality.clone(),
                person_id: Some(p.id.clone()),
            })
        })
        .collect()
}

/// Facet counts and, when asked, the timeline of one query: what a
/// search page shows beside its results ([`Archive::overview`]).
#[derive(Clone, Debug)]
pub struct Overview {
    /// As [`Archive::facets`] gives them.
    pub facets: Facets,
    /// As [`Archive::timeline`] gives it, when a period was asked for.
    pub timeline: Option<Timeline>,
}

impl Archive {
    /// The meetings `query` matches, counted per value of each facet in
    /// `fields`: each count is the total of a one-hit-per-meeting
    /// [`Archive::search`] narrowed to that value (for a person: to the
    /// person's name and municipality). Values with no matching meeting
    /// are left out; every value is returned (a front end shows the top
    /// ones).
    pub fn facets(&self, query: &Query, fields: &[FacetField]) -> Result<Facets, ArchiveError> {
        Ok(self.overview(query, fields, None, None)?.facets)
    }

    /// [`Archive::facets`] and, for `Some((period, split))`,
    /// [`Archive::timeline`] of one query, from one pass over its matches;
    /// with `top`, only the `top` values with the most meetings of each
    /// facet (what a page shows; the missing counts stay whole).
    pub fn overview(
        &self,
        query: &Query,
        fields: &[FacetField],
        timeline: Option<(Period, Option<Split>)>,
        top: Option<usize>,
    ) -> Result<Overview, ArchiveError> {
        self.check_filters(query)?;
        let query = self.resolved(query)?;
        let found = self.index.overview(&query, fields, timeline)?;
        let mut facets = found.facets;
        if fields.contains(&FacetField::Person) {
            let names = self.names()?;
            let (counts, with_person) = person_counts(
                &names,
                &found.records_by_meeting,
                query.municipality.as_deref(),
            );
            let values = person_values(&names, &counts, top);
            // Every meeting with a person is one of the matching meetings.
            let missing = facets.meetings.saturating_sub(with_person);
            if let Some(counts) = facets
                .facets
                .iter_mut()
                .find(|c| c.field == FacetField::Person)
            {
                counts.values = values;
                counts.missing = missing;
            }
        }
        if let Some(top) = top {
            for counts in &mut facets.facets {
                counts.values.truncate(top);
            }
        }
        Ok(Overview {
            facets,
            timeline: found.timeline,
        })
    }
}
