//! What counting meetings needs of each record a query matches: its
//! meeting, date, municipality, body and document type, read from fast
//! fields only (no stored document is opened). Timeline and facet counts
//! are made from these facts.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::EnableScoring;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::collect::KeyState;
use crate::index::Index;
use crate::memo::Memo;
use crate::query::{self, Query, Scope};
use crate::search::executor_for;
use crate::IndexError;

/// The facts of one record that a query matched (through its document
/// entry or any of its items).
#[derive(Clone, Debug)]
pub(crate) struct DocFacts {
    /// The record's key ([`crate::document::doc_key`] of its id).
    pub doc_key: u64,
    /// The meeting's key (of the record itself when it has no meeting).
    pub meeting_key: u64,
    /// The record's date as (year, month), if dated.
    pub date: Option<(i32, u8)>,
    /// Municipality, body and document type as written, when known.
    pub municipality: Option<Arc<str>>,
    /// See `municipality`.
    pub body: Option<Arc<str>>,
    /// See `municipality`.
    pub doc_type: Option<Arc<str>>,
}

/// The base facts last read, by (filters as JSON, searcher generation).
pub(crate) type BaseMemo = Memo<(String, u64), Vec<DocFacts>>;

/// The string columns read, in the order of the ords kept per record.
const COLUMNS: [&str; 3] = ["municipality", "body", "doc_type"];

/// Per record: meeting key, date in seconds, and the term ords of
/// [`COLUMNS`].
type Raw = (u64, Option<i64>, [Option<u64>; 3]);

struct FactsCollector;

struct SegmentFacts {
    columns: [Option<StrColumn>; 3],
    doc_key: Column<u64>,
    meeting_key: Column<u64>,
    date: Column<DateTime>,
    /// Per record (key), in the order met. A record's entries are added
    /// one after another and mostly lie together, so a repeat is first
    /// compared with the last key only; any other repeat (entries of one
    /// record in two segments, or apart in one) is removed when the
    /// segments' facts are merged.
    seen: Vec<(u64, Raw)>,
}

impl Collector for FactsCollector {
    type Fruit = Vec<DocFacts>;
    type Child = SegmentFacts;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentFacts> {
        let fast = reader.fast_fields();
        let [a, b, c] = COLUMNS;
        Ok(SegmentFacts {
            columns: [fast.str(a)?, fast.str(b)?, fast.str(c)?],
            doc_key: fast.u64("doc_key")?,
            meeting_key: fast.u64("meeting_key")?,
            date: fast.date("date")?,
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    /// Every segment's facts, by meeting, one per record.
    fn merge_fruits(&self, fruits: Vec<Vec<DocFacts>>) -> tantivy::Result<Vec<DocFacts>> {
        let mut all: Vec<DocFacts> = fruits.into_iter().flatten().collect();
        by_meeting(&mut all);
        Ok(all)
    }
}

impl SegmentCollector for SegmentFacts {
    type Fruit = Vec<DocFacts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let doc_key = self.doc_key.first(doc).unwrap_or(0);
        if self.seen.last().is_some_and(|(last, _)| *last == doc_key) {
            return;
        }
        let meeting_key = self.meeting_key.first(doc).unwrap_or(doc_key);
        let date = self.date.first(doc).map(|d| d.into_timestamp_secs());
        let mut ords = [None; 3];
        for (column, ord) in self.columns.iter().zip(ords.iter_mut()) {
            *ord = column.as_ref().and_then(|c| c.term_ords(doc).next());
        }
        self.seen.push((doc_key, (meeting_key, date, ords)));
    }

    fn harvest(self) -> Vec<DocFacts> {
        // Each distinct value is turned into a string once per segment.
        let mut names: [HashMap<u64, Option<Arc<str>>, KeyState>; 3] = Default::default();
        let mut name = |i: usize, ord: Option<u64>| -> Option<Arc<str>> {
            let ord = ord?;
            let column = self.columns.get(i)?.as_ref()?;
            names
                .get_mut(i)?
                .entry(ord)
                .or_insert_with(|| {
                    let mut s = String::new();
                    match column.ord_to_str(ord, &mut s) {
                        Ok(true) if !s.is_empty() => Some(Arc::from(s)),
                        _ => None,
                    }
                })
                .clone()
        };
        self.seen
            .into_iter()
            .map(|(doc_key, (meeting_key, date, [m, b, t]))| DocFacts {
                doc_key,
                meeting_key,
                date: date.map(year_month),
                municipality: name(0, m),
                body: name(1, b),
                doc_type: name(2, t),
            })
            .collect()
    }
}

/// Sorts facts by meeting (then record) and keeps one per record: the
/// order counting per meeting walks in (`chunk_by` on the meeting key).
fn by_meeting(facts: &mut Vec<DocFacts>) {
    facts.sort_unstable_by_key(|f| (f.meeting_key, f.doc_key));
    facts.dedup_by_key(|f| f.doc_key);
}

/// The facts of each meeting: runs of facts sorted [`by_meeting`].
pub(crate) fn meetings(facts: &[DocFacts]) -> impl Iterator<Item = &[DocFacts]> + Clone {
    facts.chunk_by(|a, b| a.meeting_key == b.meeting_key)
}

/// Per value, the meetings one of whose records has it (each meeting once
/// per value, however many of its records have it), and how many meetings
/// have any value; from facts sorted [`by_meeting`]. A meeting can have
/// many records (a document copied under many names is one meeting), so
/// its values are sorted and deduplicated, not searched one by one.
pub(crate) fn meetings_per_value<'a, T: Ord + Hash>(
    facts: &'a [DocFacts],
    mut value: impl FnMut(&'a DocFacts) -> Option<T>,
) -> (FxHashMap<T, u64>, u64) {
    let mut counts: FxHashMap<T, u64> = FxHashMap::default();
    let mut with_value = 0;
    let mut here: Vec<T> = Vec::new();
    for meeting in meetings(facts) {
        here.extend(meeting.iter().filter_map(&mut value));
        if here.len() > 1 {
            here.sort_unstable();
            here.dedup();
        }
        if !here.is_empty() {
            with_value += 1;
        }
        for v in here.drain(..) {
            *counts.entry(v).or_default() += 1;
        }
    }
    (counts, with_value)
}

/// (year, month) of a time in seconds since the epoch, in UTC (dates are
/// stored at midnight UTC).
fn year_month(secs: i64) -> (i32, u8) {
    let date = DateTime::from_timestamp_secs(secs).into_utc().date();
    (date.year(), u8::from(date.month()))
}

impl Index {
    /// The facts of every record with an entry that `q` matches, as a
    /// search selects entries (topic, filters, section; `q.person_also`
    /// included), sorted by meeting, one per record. Paging fields are
    /// ignored.
    pub(crate) fn matched_facts(&self, q: &Query) -> Result<Vec<DocFacts>, IndexError> {
        self.facts(q, Scope::of(q))
    }

    /// The facts of every record the filters of `q` select, without its
    /// topic, person and section: the meetings a share is taken of.
    ///
    /// The last filters' facts are kept with the index version they were
    /// read at: every timeline of a front end's searches under the same
    /// filters shares them, and without filters they are every record.
    pub(crate) fn base_facts(&self, q: &Query) -> Result<Arc<Vec<DocFacts>>, IndexError> {
        let base = Query {
            text: None,
            person: None,
            person_also: Vec::new(),
            roles: Vec::new(),
            section: None,
            offset: 0,
            limit: 0,
            ..q.clone()
        };
        let searcher = self.searcher();
        let key = (
            serde_json::to_string(&base).unwrap_or_default(),
            searcher.generation().generation_id(),
        );
        self.base_memo
            .get_or_try(key, || self.facts_with(&searcher, &base, Scope::Documents))
    }

    fn facts(&self, q: &Query, scope: Scope) -> Result<Vec<DocFacts>, IndexError> {
        self.facts_with(&self.searcher(), q, scope)
    }

    fn facts_with(
        &self,
        searcher: &tantivy::Searcher,
        q: &Query,
        scope: Scope,
    ) -> Result<Vec<DocFacts>, IndexError> {
        let query = query::build(&self.inner, searcher, &self.fields, q, scope)?;
        Ok(searcher.search_with_executor(
            &*query,
            &FactsCollector,
            executor_for(searcher),
            EnableScoring::disabled_from_searcher(searcher),
        )?)
    }
}
