//! One hit per meeting: a collector that keeps, for each meeting key, the
//! best item entry and the best document entry that matched, read from fast
//! fields only.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::collect::{best, rank, KeyState, Match, Page};
use crate::query::Sort;

/// The best entries of one meeting so far.
#[derive(Clone, Copy, Default)]
pub(crate) struct Best {
    item: Option<Match>,
    doc: Option<Match>,
}

impl Best {
    /// Keeps the better of each kind of `other` and `self`.
    fn join(&mut self, other: Best, sort: Sort) {
        for m in [other.item, other.doc].into_iter().flatten() {
            self.offer(m, sort);
        }
    }

    fn offer(&mut self, m: Match, sort: Sort) {
        let slot = if m.is_item {
            &mut self.item
        } else {
            &mut self.doc
        };
        match slot {
            Some(kept) if rank(kept, &m, sort).is_le() => {}
            _ => *slot = Some(m),
        }
    }

    /// An item says more precisely where the match is than its document,
    /// so a meeting is represented by its best item when any matched.
    fn chosen(&self) -> Option<Match> {
        self.item.or(self.doc)
    }
}

type Meetings = HashMap<u64, Best, KeyState>;

/// Collects the best entry of every matching meeting; the page is the best
/// `keep` meetings and the total is the number of meetings that matched.
pub(crate) struct MeetingMatches {
    pub scoring: bool,
    pub sort: Sort,
    /// Offset plus limit of the page asked for, in meetings.
    pub keep: usize,
}

pub(crate) struct SegmentMeetings {
    segment: SegmentOrdinal,
    sort: Sort,
    is_item: Column<u64>,
    doc_key: Column<u64>,
    meeting_key: Column<u64>,
    date: Column<DateTime>,
    meetings: Meetings,
    /// The meeting of the last entries and their best: a meeting's entries
    /// mostly come in a run (a record's items after its document entry),
    /// so the map is touched once per run, not once per entry.
    run: Option<(u64, Best)>,
}

impl SegmentMeetings {
    fn end_run(&mut self) {
        if let Some((key, best)) = self.run.take() {
            self.meetings.entry(key).or_default().join(best, self.sort);
        }
    }
}

impl Collector for MeetingMatches {
    type Fruit = Page;
    type Child = SegmentMeetings;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMeetings> {
        let fast = reader.fast_fields();
        Ok(SegmentMeetings {
            segment,
            sort: self.sort,
            is_item: fast.u64("is_item")?,
            doc_key: fast.u64("doc_key")?,
            meeting_key: fast.u64("meeting_key")?,
            date: fast.date("date")?,
            meetings: Meetings::default(),
            run: None,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, mut fruits: Vec<Meetings>) -> tantivy::Result<Page> {
        // The largest segment's meetings are kept as they are and the
        // others joined into them.
        fruits.sort_unstable_by_key(|f| std::cmp::Reverse(f.len()));
        let more: usize = fruits.iter().skip(1).map(HashMap::len).sum();
        let mut fruits = fruits.into_iter();
        let mut all = fruits.next().unwrap_or_default();
        all.reserve(more);
        for fruit in fruits {
            for (key, b) in fruit {
                all.entry(key).or_default().join(b, self.sort);
            }
        }
        let total = all.len();
        let chosen: Vec<Match> = all.values().filter_map(Best::chosen).collect();
        Ok(Page {
            total,
            matches: best(chosen, self.keep, self.sort),
        })
    }
}

impl SegmentCollector for SegmentMeetings {
    type Fruit = Meetings;

    fn collect(&mut self, doc: DocId, score: Score) {
        let m = Match {
            address: DocAddress::new(self.segment, doc),
            score,
            is_item: self.is_item.first(doc).unwrap_or(0) == 1,
            doc_key: self.doc_key.first(doc).unwrap_or(0),
            date: self.date.first(doc).map(|d| d.into_timestamp_secs()),
        };
        let key = self.meeting_key.first(doc).unwrap_or(m.doc_key);
        if self.run.as_ref().is_none_or(|(run, _)| *run != key) {
            self.end_run();
            self.run = Some((key, Best::default()));
        }
        if let Some((_, best)) = self.run.as_mut() {
            best.offer(m, self.sort);
        }
    }

    fn harvest(mut self) -> Meetings {
        self.end_run();
        self.meetings
    }
}
