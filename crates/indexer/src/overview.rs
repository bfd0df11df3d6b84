//! What a search page shows beside its results: facet counts and the
//! timeline of one query, counted from one pass over its matches.

use crate::facets::{facets_of, FacetField, Facets};
use crate::index::Index;
use crate::query::Query;
use crate::timeline::{Period, Split, Timeline};
use crate::IndexError;

/// Facet counts and, when asked, the timeline of one query.
#[derive(Clone, Debug)]
pub struct Overview {
    /// As [`Index::facets`] gives them.
    pub facets: Facets,
    /// As [`Index::timeline`] gives it, when a period was asked for.
    pub timeline: Option<Timeline>,
    /// For every record with a matching entry: its meeting's key and its
    /// own key ([`crate::document::doc_key`] of the record id), sorted by
    /// meeting, one per record. What a caller needs to count matching
    /// meetings per group of records it knows (e.g. the records of a
    /// resolved person).
    pub records_by_meeting: Vec<(u64, u64)>,
}

impl Index {
    /// [`Index::facets`] and [`Index::timeline`] of `q` together: the
    /// matches are collected once for both (a search page wants both, and
    /// on a large index each pass over the matches is the larger part of
    /// either).
    pub fn overview(
        &self,
        q: &Query,
        fields: &[FacetField],
        timeline: Option<(Period, Option<Split>)>,
    ) -> Result<Overview, IndexError> {
        let facts = self.matched_facts(q)?;
        let timeline = match timeline {
            Some((by, split)) => Some(self.timeline_of_facts(q, &facts, by, split)?),
            None => None,
        };
        Ok(Overview {
            facets: facets_of(&facts, fields),
            timeline,
            records_by_meeting: facts.iter().map(|f| (f.meeting_key, f.doc_key)).collect(),
        })
    }
}
