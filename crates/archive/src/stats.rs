//! What an archive holds, and what its documents lack.

use std::collections::{BTreeMap, HashSet};

use referat_indexer::document::doc_key;
use referat_indexer::{Incomplete, Query, UNKNOWN};
use serde::Serialize;

use crate::grouping::FileSummary;
use crate::{Archive, ArchiveError};

/// Counts of the documents a query's filters select. A document without a
/// value is counted in `missing`, never under a made-up key.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    /// Documents (records).
    pub documents: u64,
    /// Agenda items (with a section filter or topic: the items it matches).
    pub items: u64,
    /// Documents per municipality.
    pub by_municipality: BTreeMap<String, u64>,
    /// Documents per council or committee.
    pub by_body: BTreeMap<String, u64>,
    /// Documents per year.
    pub by_year: BTreeMap<String, u64>,
    /// Documents per document type.
    pub by_doc_type: BTreeMap<String, u64>,
    /// Documents per source format.
    pub by_format: BTreeMap<String, u64>,
    /// Documents without each value: `municipality`, `body`, `date`, `text`.
    pub missing: BTreeMap<&'static str, u64>,
    /// The documents without a date, a body or any text (a data-quality
    /// list: look at these before trusting counts over time or by body).
    pub incomplete: Vec<Incomplete>,
    /// Documents whose text was (partly) read by OCR from scanned pages.
    pub ocr: OcrStats,
}

/// How much of the selected documents' text OCR read (from the per-file
/// summaries the grouping keeps beside the index, not the index itself).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OcrStats {
    /// Documents (distinct records) with at least one OCR'd page.
    pub documents: u64,
    /// Pages OCR'd, over those documents.
    pub pages: u64,
    /// Mean word confidence (0–100) over the OCR'd pages, each page
    /// weighing the same; null when no page was OCR'd.
    pub mean_confidence: Option<f64>,
}

impl Archive {
    /// Counts of documents and items by municipality, body, year, type and
    /// format, of the documents `query` selects (its filters, section and
    /// topic as [`Archive::export`] applies them), with what they lack.
    pub fn stats(&self, query: &Query) -> Result<Stats, ArchiveError> {
        self.check_filters(query)?;
        let mut s = self.index.stats_of(query)?;
        let mut missing = BTreeMap::new();
        for (name, map) in [
            ("municipality", &mut s.by_municipality),
            ("body", &mut s.by_body),
            ("date", &mut s.by_year),
        ] {
            missing.insert(name, map.remove(UNKNOWN).unwrap_or(0));
        }
        let without_text = s
            .incomplete
            .iter()
            .filter(|i| i.missing.contains(&"text"))
            .count();
        missing.insert("text", u64::try_from(without_text).unwrap_or(u64::MAX));
        Ok(Stats {
            documents: s.documents,
            items: s.items,
            by_municipality: s.by_municipality,
            by_body: s.by_body,
            by_year: s.by_year,
            by_doc_type: s.by_doc_type,
            by_format: s.by_format,
            missing,
            incomplete: s.incomplete,
            ocr: self.ocr_stats(query)?,
        })
    }

    /// OCR counts of the records `query` selects.
    fn ocr_stats(&self, query: &Query) -> Result<OcrStats, ArchiveError> {
        let ocrd: Vec<FileSummary> = self
            .file_summaries()
            .into_iter()
            .filter(|f| f.ocr_pages > 0)
            .collect();
        let mut out = OcrStats::default();
        if ocrd.is_empty() {
            return Ok(out);
        }
        let selected = self.index.matching_records(query)?;
        let mut seen = HashSet::new();
        let mut weighted = 0.0;
        let mut weighed_pages = 0u64;
        for f in ocrd {
            if !selected.contains(&doc_key(&f.doc_id)) || !seen.insert(f.doc_id.clone()) {
                continue;
            }
            out.documents += 1;
            out.pages += u64::from(f.ocr_pages);
            if let Some(c) = f.ocr_confidence {
                weighted += f64::from(c) * f64::from(f.ocr_pages);
                weighed_pages += u64::from(f.ocr_pages);
            }
        }
        out.mean_confidence = (weighed_pages > 0).then(|| weighted / weighed_pages as f64);
        Ok(out)
    }
}
