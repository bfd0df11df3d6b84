//! Counts of what the index holds.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::{Query as _, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term};

use crate::index::Index;
use crate::query::{self, Query, Scope};
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
    /// The documents without a date, a body or any text: what to look at
    /// before trusting counts over time or by body.
    pub incomplete: Vec<Incomplete>,
}

/// A document that lacks something a researcher counts on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Incomplete {
    /// The record id.
    pub doc_id: String,
    /// The source file.
    pub source_path: String,
    /// What it lacks: "date", "body", "text".
    pub missing: Vec<&'static str>,
}

const STR_COLUMNS: [&str; 4] = ["municipality", "body", "doc_type", "format"];

/// Counts per value of the string columns and of the year column, of the
/// document entries whose `doc_key` is in `only` (all when `None`).
struct StatsCollector {
    only: Option<HashSet<u64>>,
    text: tantivy::schema::Field,
}

#[derive(Default)]
struct Counts {
    by_column: [BTreeMap<String, u64>; 4],
    by_year: BTreeMap<String, u64>,
    documents: u64,
    incomplete: Vec<(DocAddress, Vec<&'static str>)>,
}

struct SegmentStats {
    segment: SegmentOrdinal,
    columns: [Option<StrColumn>; 4],
    year: Column<u64>,
    doc_key: Column<u64>,
    text: FieldNormReader,
    only: Option<HashSet<u64>>,
    ord_counts: [HashMap<Option<u64>, u64>; 4],
    years: HashMap<Option<u64>, u64>,
    documents: u64,
    incomplete: Vec<(DocAddress, Vec<&'static str>)>,
}

impl Collector for StatsCollector {
    type Fruit = Counts;
    type Child = SegmentStats;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentStats> {
        let fast = reader.fast_fields();
        let [a, b, c, d] = STR_COLUMNS;
        Ok(SegmentStats {
            segment,
            columns: [fast.str(a)?, fast.str(b)?, fast.str(c)?, fast.str(d)?],
            year: fast.u64("year")?,
            doc_key: fast.u64("doc_key")?,
            text: reader.get_fieldnorms_reader(self.text)?,
            only: self.only.clone(),
            ord_counts: Default::default(),
            years: HashMap::new(),
            documents: 0,
            incomplete: Vec::new(),
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
            total.documents += fruit.documents;
            total.incomplete.extend(fruit.incomplete);
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentStats {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(only) = &self.only {
            if !self.doc_key.first(doc).is_some_and(|k| only.contains(&k)) {
                return;
            }
        }
        self.documents += 1;
        let mut ords = [None; 4];
        for ((column, counts), ord) in self
            .columns
            .iter()
            .zip(self.ord_counts.iter_mut())
            .zip(ords.iter_mut())
        {
            *ord = column.as_ref().and_then(|c| c.term_ords(doc).next());
            *counts.entry(*ord).or_default() += 1;
        }
        let year = self.year.first(doc);
        *self.years.entry(year).or_default() += 1;
        let mut missing = Vec::new();
        if year.is_none() {
            missing.push("date");
        }
        // The column order of STR_COLUMNS: body is the second.
        if ords[1].is_none() {
            missing.push("body");
        }
        if self.text.fieldnorm_id(doc) == 0 {
            missing.push("text");
        }
        if !missing.is_empty() {
            self.incomplete
                .push((DocAddress::new(self.segment, doc), missing));
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts {
            documents: self.documents,
            incomplete: self.incomplete,
            ..Counts::default()
        };
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
        let counts = searcher.search(
            &docs,
            &StatsCollector {
                only: None,
                text: self.fields.text,
            },
        )?;
        let items = u64::try_from(kind(KIND_ITEM).count(&searcher)?).unwrap_or(u64::MAX);
        self.finish_stats(&searcher, counts, items)
    }

    /// [`Index::stats`] of the records a query's filters match (as
    /// [`Index::records`] selects them); items counted are those the query
    /// matches as a search over items would.
    pub fn stats_of(&self, filter: &Query) -> Result<Stats, IndexError> {
        let searcher = self.searcher();
        let items_query = query::build(&self.inner, &searcher, &self.fields, filter, Scope::Items)?;
        let items = searcher.search(&*items_query, &Count)?;
        let (documents, only) = self.documents_query(&searcher, filter)?;
        let counts = searcher.search(
            &*documents,
            &StatsCollector {
                only,
                text: self.fields.text,
            },
        )?;
        self.finish_stats(&searcher, counts, u64::try_from(items).unwrap_or(u64::MAX))
    }

    fn finish_stats(
        &self,
        searcher: &tantivy::Searcher,
        counts: Counts,
        items: u64,
    ) -> Result<Stats, IndexError> {
        let mut incomplete = Vec::with_capacity(counts.incomplete.len());
        for (address, missing) in counts.incomplete {
            let doc: TantivyDocument = searcher.doc(address)?;
            let stored = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            incomplete.push(Incomplete {
                doc_id: stored(self.fields.doc_id),
                source_path: stored(self.fields.source_path),
                missing,
            });
        }
        incomplete.sort_by(|a, b| a.source_path.cmp(&b.source_path));
        let [m, b, t, f] = counts.by_column;
        Ok(Stats {
            documents: counts.documents,
            items,
            by_municipality: m,
            by_body: b,
            by_year: counts.by_year,
            by_doc_type: t,
            by_format: f,
            incomplete,
        })
    }
}
