//! A collector that keeps every match with what ranking and de-duplication
//! need, read from fast fields (no stored-document access).

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// One matching index entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match {
    pub address: DocAddress,
    pub score: Score,
    pub is_item: bool,
    pub doc_key: u64,
    /// Seconds since the epoch, if the record is dated.
    pub date: Option<i64>,
}

/// Collects all matches. Memory is a few dozen bytes per match, which is
/// fine for the millions of entries a municipal archive yields.
pub(crate) struct AllMatches {
    pub scoring: bool,
}

pub(crate) struct SegmentMatches {
    segment: SegmentOrdinal,
    is_item: Column<u64>,
    doc_key: Column<u64>,
    date: Column<DateTime>,
    out: Vec<Match>,
}

impl Collector for AllMatches {
    type Fruit = Vec<Match>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        let fast = reader.fast_fields();
        Ok(SegmentMatches {
            segment,
            is_item: fast.u64("is_item")?,
            doc_key: fast.u64("doc_key")?,
            date: fast.date("date")?,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.out.push(Match {
            address: DocAddress::new(self.segment, doc),
            score,
            is_item: self.is_item.first(doc).unwrap_or(0) == 1,
            doc_key: self.doc_key.first(doc).unwrap_or(0),
            date: self.date.first(doc).map(|d| d.into_timestamp_secs()),
        });
    }

    fn harvest(self) -> Vec<Match> {
        self.out
    }
}
