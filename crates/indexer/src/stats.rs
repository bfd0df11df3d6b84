//! Counts of what the index holds.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{Query as _, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::index::Index;
use crate::schema::{KIND_DOC, KIND_ITEM};
use crate::IndexError;

/// Label for documents without a value (no municipality found, undated, …).
pub const UNKNOWN: &str = "(unknown)";

/// What the index holds, counted by document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of documents (records).
    pub documents: u64,
    /// Number of agenda items.
    pub items: u64,
    /// Documents per municipality.
    pub by_municipality: BTreeMap<String, u64>,
    /// Documents per council or committee.
    pub by_body: BTreeMap<String, u64>,
    /// Documents per year (`"(unknown)"` for undated ones).
    pub by_year: BTreeMap<String, u64>,
    /// Documents per document type.
    pub by_doc_type: BTreeMap<String, u64>,
    /// Documents per source format.
    pub by_format: BTreeMap<String, u64>,
}

const STR_COLUMNS: [&str; 4] = ["municipality", "body", "doc_type", "format"];

/// Counts per value of the string columns and of the year column.
struct StatsCollector;

#[derive(Default)]
struct Counts {
    by_column: [BTreeMap<String, u64>; 4],
    by_year: BTreeMap<String, u64>,
}

struct SegmentStats {
    columns: [Option<StrColumn>; 4],
    year: Column<u64>,
    ord_counts: [HashMap<Option<u64>, u64>; 4],
    years: HashMap<Option<u64>, u64>,
}

impl Collector for StatsCollector {
    type Fruit = Counts;
    type Child = SegmentStats;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentStats> {
        let fast = reader.fast_fields();
        let [a, b, c, d] = STR_COLUMNS;
        Ok(SegmentStats {
            columns: [fast.str(a)?, fast.str(b)?, fast.str(c)?, fast.str(d)?],
            year: fast.u64("year")?,
            ord_counts: Default::default(),
            years: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut total = Counts::default();
        for fruit in fruits {
            for (into, from) in total.by_column.iter_mut().zip(fruit.by_column) {
                for (k, v) in from {
                    *into.entry(k).or_default() += v;
                }
            }
            for (k, v) in fruit.by_year {
                *total.by_year.entry(k).or_default() += v;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentStats {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for (column, counts) in self.columns.iter().zip(self.ord_counts.iter_mut()) {
            let ord = column.as_ref().and_then(|c| c.term_ords(doc).next());
            *counts.entry(ord).or_default() += 1;
        }
        *self.years.entry(self.year.first(doc)).or_default() += 1;
    }

    fn harvest(self) -> Counts {
        let mut out = Counts::default();
        for ((column, counts), into) in self
            .columns
            .iter()
            .zip(self.ord_counts)
            .zip(out.by_column.iter_mut())
        {
            for (ord, n) in counts {
                let mut label = String::new();
                let found = match (column, ord) {
                    (Some(c), Some(ord)) => c.ord_to_str(ord, &mut label).unwrap_or(false),
                    _ => false,
                };
                if !found || label.is_empty() {
                    label = UNKNOWN.to_string();
                }
                *into.entry(label).or_default() += n;
            }
        }
        for (year, n) in self.years {
            let label = year.map_or_else(|| UNKNOWN.to_string(), |y| y.to_string());
            *out.by_year.entry(label).or_default() += n;
        }
        out
    }
}

impl Index {
    /// Counts documents and items, and documents by municipality, body,
    /// year, document type and format.
    pub fn stats(&self) -> Result<Stats, IndexError> {
        let searcher = self.searcher();
        let kind = |k: &str| {
            TermQuery::new(
                Term::from_field_text(self.fields.kind, k),
                IndexRecordOption::Basic,
            )
        };
        let docs = kind(KIND_DOC);
        let counts = searcher.search(&docs, &StatsCollector)?;
        let [m, b, t, f] = counts.by_column;
        Ok(Stats {
            documents: u64::try_from(docs.count(&searcher)?).unwrap_or(u64::MAX),
            items: u64::try_from(kind(KIND_ITEM).count(&searcher)?).unwrap_or(u64::MAX),
            by_municipality: m,
            by_body: b,
            by_year: counts.by_year,
            by_doc_type: t,
            by_format: f,
        })
    }
}
