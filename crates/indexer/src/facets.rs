//! Facets: how many meetings a query matches per municipality, body, year
//! and document type: the numbers a search narrowed to that value gives.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::index::Index;
use crate::meeting_facts::{meetings_per_value, DocFacts};
use crate::query::Query;
use crate::IndexError;

/// A property of meetings that results can be counted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacetField {
    /// The municipality.
    Municipality,
    /// The council or committee.
    Body,
    /// The year of the meeting.
    Year,
    /// The document type ("referat", "dagsorden", …): a meeting whose
    /// matching records are of two types counts under both.
    DocType,
    /// A person resolved across spellings (counted by the archive, which
    /// knows the resolution; the index alone leaves it empty).
    Person,
}

impl FacetField {
    /// Every facet, in the order they are listed.
    pub const ALL: [FacetField; 5] = [
        FacetField::Municipality,
        FacetField::Body,
        FacetField::Year,
        FacetField::DocType,
        FacetField::Person,
    ];

    /// The name used on the command line and in JSON ("doc_type").
    pub fn as_str(self) -> &'static str {
        match self {
            FacetField::Municipality => "municipality",
            FacetField::Body => "body",
            FacetField::Year => "year",
            FacetField::DocType => "doc_type",
            FacetField::Person => "person",
        }
    }

    /// The facet named `name` (as [`FacetField::as_str`] gives it; "-"
    /// for "_" is accepted).
    pub fn parse(name: &str) -> Option<FacetField> {
        let name = name.trim().to_lowercase().replace('-', "_");
        FacetField::ALL.into_iter().find(|f| f.as_str() == name)
    }

    /// The value of this facet in a record's facts.
    fn value(self, f: &DocFacts) -> Option<Cow<'_, str>> {
        match self {
            FacetField::Municipality => f.municipality.as_deref().map(Cow::Borrowed),
            FacetField::Body => f.body.as_deref().map(Cow::Borrowed),
            FacetField::DocType => f.doc_type.as_deref().map(Cow::Borrowed),
            FacetField::Year => f.date.map(|(y, _)| Cow::Owned(y.to_string())),
            FacetField::Person => None,
        }
    }
}

/// One value of a facet and the meetings that match with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value as written in the records (a person: the resolved name).
    pub value: String,
    /// Matching meetings with this value.
    pub meetings: u64,
    /// A person's municipality (persons are resolved within one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// A person's resolved id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
}

/// The counts of one facet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FacetCounts {
    /// Which facet.
    pub field: FacetField,
    /// Every value with at least one matching meeting, most meetings
    /// first (ties by value).
    pub values: Vec<FacetCount>,
    /// Matching meetings without a value for this facet.
    pub missing: u64,
}

/// Facet counts of a query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Meetings that match, in all.
    pub meetings: u64,
    /// The facets asked for, in the order asked.
    pub facets: Vec<FacetCounts>,
}

/// Values sorted most meetings first, then by value.
pub fn sort_counts(values: &mut [FacetCount]) {
    values.sort_by(|a, b| b.meetings.cmp(&a.meetings).then(a.value.cmp(&b.value)));
}

/// One facet's counts over facts sorted by meeting: each meeting counts
/// once under each distinct value its matching records have.
fn count(facts: &[DocFacts], field: FacetField, meetings: u64) -> FacetCounts {
    let (by_value, with_value) = meetings_per_value(facts, |f| field.value(f));
    let mut values: Vec<FacetCount> = by_value
        .into_iter()
        .map(|(value, n)| FacetCount {
            value: value.into_owned(),
            meetings: n,
            municipality: None,
            person_id: None,
        })
        .collect();
    sort_counts(&mut values);
    FacetCounts {
        field,
        values,
        missing: meetings.saturating_sub(with_value),
    }
}

/// The facets asked for, counted over the facts of the matching records
/// (sorted by meeting, as [`Index::matched_facts`] gives them).
pub(crate) fn facets_of(facts: &[DocFacts], fields: &[FacetField]) -> Facets {
    let meetings = crate::meeting_facts::meetings(facts).count() as u64;
    Facets {
        meetings,
        facets: fields
            .iter()
            .map(|&field| count(facts, field, meetings))
            .collect(),
    }
}

impl Index {
    /// The meetings `q` matches, counted per value of each facet asked
    /// for: a meeting counts under a value when one of its matching
    /// records has it, so each count is the total of a one-hit-per-meeting
    /// search narrowed to that value. [`FacetField::Person`] is returned
    /// empty here (see `referat_archive`).
    pub fn facets(&self, q: &Query, fields: &[FacetField]) -> Result<Facets, IndexError> {
        Ok(facets_of(&self.matched_facts(q)?, fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_round_trip() {
        for f in FacetField::ALL {
            assert_eq!(FacetField::parse(f.as_str()), Some(f));
        }
        assert_eq!(FacetField::parse("doc-type"), Some(FacetField::DocType));
        assert_eq!(FacetField::parse("colour"), None);
    }
}
