//! A collector that keeps every match with what ranking and de-duplication
//! need, read from fast fields (no stored-document access).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};
use std::hash::Hasher;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::fastfield::AliveBitSet;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::query::Sort;

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

/// Whether `a` ranks before `b`: relevance (score, then newest) or date
/// (newest, then score); undated last; ties in index order.
pub(crate) fn rank(a: &Match, b: &Match, sort: Sort) -> Ordering {
    let by_score = || b.score.total_cmp(&a.score);
    let by_date = || b.date.cmp(&a.date);
    let primary = match sort {
        Sort::Relevance => by_score().then_with(by_date),
        Sort::Date => by_date().then_with(by_score),
    };
    primary.then_with(|| a.address.cmp(&b.address))
}

/// The best `keep` matches in rank order, and how many there are in all,
/// without keeping or sorting every match.
///
/// With `prefer_items`, a document entry whose record also matched through
/// an item is dropped (the item says more precisely where the match is):
/// item entries compete in a bounded heap, while document entries (one per
/// record, so few) are kept until it is known whether their items matched.
/// A record's entries are normally written one after the other, so an
/// item's document entry is usually found just before it in its segment
/// and dropped there; otherwise the record is remembered in a set that the
/// document entries of every segment are checked against at the end.
pub(crate) struct TopMatches {
    pub scoring: bool,
    pub sort: Sort,
    /// Offset plus limit of the page asked for.
    pub keep: usize,
    pub prefer_items: bool,
}

/// The fruit of [`TopMatches`].
pub(crate) struct Page {
    /// Number of matches after dropping document entries with matching items.
    pub total: usize,
    /// The best `keep` matches, best first.
    pub matches: Vec<Match>,
}

/// A match in a heap whose top is the worst kept match.
struct Ranked(Match, Sort);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        rank(&self.0, &other.0, self.1)
    }
}

/// Hashes a key that is already a hash (a `doc_key` or `meeting_key`):
/// one multiply with the map's seed, no SipHash.
#[derive(Default)]
pub struct KeyHasher(u64);

/// A multiply whose high half is folded into its low half, so that every
/// bit of the key reaches the low bits a hash table indexes by.
fn folded_multiply(a: u64, b: u64) -> u64 {
    let m = u128::from(a) * u128::from(b);
    (m as u64) ^ ((m >> 64) as u64)
}

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = folded_multiply(self.0 ^ u64::from(b), 0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = folded_multiply(n ^ self.0, 0x9E37_79B9_7F4A_7C15);
    }
}

/// Builds the [`KeyHasher`]s of one map or set, with a seed of its own.
/// With one hash for every map, a map filled from another's iteration
/// (which runs in bucket order) puts its keys into neighbouring buckets
/// while it grows, and each insert probes further: at 100,000 keys that
/// made a timeline several times slower.
#[derive(Clone)]
pub struct KeyState(u64);

impl Default for KeyState {
    fn default() -> Self {
        use std::hash::BuildHasher;
        KeyState(std::collections::hash_map::RandomState::new().hash_one(0u64) | 1)
    }
}

impl std::hash::BuildHasher for KeyState {
    type Hasher = KeyHasher;

    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(self.0)
    }
}

/// A set of keys that are already hashes.
pub type KeySet = HashSet<u64, KeyState>;

/// A map from keys that are already hashes.
pub type KeyMap<V> = std::collections::HashMap<u64, V, KeyState>;

pub(crate) struct SegmentTop {
    segment: SegmentOrdinal,
    sort: Sort,
    keep: usize,
    prefer_items: bool,
    is_item: Column<u64>,
    doc_key: Column<u64>,
    date: Column<DateTime>,
    /// Item entries (all entries without `prefer_items`), bounded.
    heap: BinaryHeap<Ranked>,
    /// How many entries went through `heap`.
    counted: usize,
    /// Document entries (with `prefer_items`), all.
    docs: Vec<Match>,
    /// Records with a matching item whose document entry is not just
    /// before it in this segment (with `prefer_items`).
    item_keys: KeySet,
    last_item_key: Option<u64>,
    /// Deleted entries of this segment, if any.
    alive: Option<AliveBitSet>,
}

/// Entries looked back through for an item's document entry.
const MAX_ITEMS_PER_RECORD: u32 = 4096;

pub(crate) struct SegmentPage {
    heap: Vec<Match>,
    counted: usize,
    docs: Vec<Match>,
    item_keys: KeySet,
}

impl SegmentTop {
    fn date_of(&self, doc: DocId) -> Option<i64> {
        self.date.first(doc).map(|d| d.into_timestamp_secs())
    }

    /// The live document entry of the record of the item at `item`, when it
    /// is in the run of entries with the same key just before the item.
    fn doc_entry_before(&self, item: DocId, doc_key: u64) -> Option<DocId> {
        let lowest = item.saturating_sub(MAX_ITEMS_PER_RECORD);
        for doc in (lowest..item).rev() {
            if self.doc_key.first(doc) != Some(doc_key) {
                return None;
            }
            if self.is_item.first(doc) == Some(0) {
                let alive = self.alive.as_ref().is_none_or(|a| a.is_alive(doc));
                return alive.then_some(doc);
            }
        }
        None
    }

    fn offer(&mut self, doc: DocId, score: Score, is_item: bool, doc_key: u64) {
        self.counted += 1;
        if self.keep == 0 {
            return;
        }
        // Relevance order needs the date only to break ties: skip reading it
        // for a match that cannot enter the full heap.
        if self.heap.len() >= self.keep && self.sort == Sort::Relevance {
            if let Some(worst) = self.heap.peek() {
                if score < worst.0.score {
                    return;
                }
            }
        }
        let m = Match {
            address: DocAddress::new(self.segment, doc),
            score,
            is_item,
            doc_key,
            date: self.date_of(doc),
        };
        if self.heap.len() < self.keep {
            self.heap.push(Ranked(m, self.sort));
        } else if let Some(mut worst) = self.heap.peek_mut() {
            if rank(&m, &worst.0, self.sort) == Ordering::Less {
                worst.0 = m;
            }
        }
    }
}

impl Collector for TopMatches {
    type Fruit = Page;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let fast = reader.fast_fields();
        Ok(SegmentTop {
            segment,
            sort: self.sort,
            keep: self.keep,
            prefer_items: self.prefer_items,
            is_item: fast.u64("is_item")?,
            doc_key: fast.u64("doc_key")?,
            date: fast.date("date")?,
            heap: BinaryHeap::with_capacity(self.keep.min(1024).saturating_add(1)),
            counted: 0,
            docs: Vec::new(),
            item_keys: KeySet::default(),
            last_item_key: None,
            alive: reader.alive_bitset().cloned(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scoring
    }

    fn merge_fruits(&self, mut fruits: Vec<SegmentPage>) -> tantivy::Result<Page> {
        // Sized once: these can hold tens of thousands of entries.
        let mut heap = Vec::with_capacity(fruits.iter().map(|f| f.heap.len()).sum());
        let mut docs = Vec::with_capacity(fruits.iter().map(|f| f.docs.len()).sum());
        let largest =
            (0..fruits.len()).max_by_key(|&i| fruits.get(i).map_or(0, |f| f.item_keys.len()));
        let mut item_keys = largest
            .and_then(|i| fruits.get_mut(i))
            .map(|f| std::mem::take(&mut f.item_keys))
            .unwrap_or_default();
        item_keys.reserve(fruits.iter().map(|f| f.item_keys.len()).sum());
        let mut counted = 0;
        for fruit in fruits {
            item_keys.extend(fruit.item_keys);
            heap.extend(fruit.heap);
            docs.extend(fruit.docs);
            counted += fruit.counted;
        }
        docs.retain(|d| !item_keys.contains(&d.doc_key));
        let total = counted + docs.len();
        let mut matches = best(heap, self.keep, self.sort);
        matches.extend(best(docs, self.keep, self.sort));
        matches.sort_unstable_by(|a, b| rank(a, b, self.sort));
        matches.truncate(self.keep);
        Ok(Page { total, matches })
    }
}

/// The best `keep` of `matches`, in rank order.
pub(crate) fn best(mut matches: Vec<Match>, keep: usize, sort: Sort) -> Vec<Match> {
    if keep == 0 {
        return Vec::new();
    }
    if matches.len() > keep {
        matches.select_nth_unstable_by(keep - 1, |a, b| rank(a, b, sort));
        matches.truncate(keep);
    }
    matches.sort_unstable_by(|a, b| rank(a, b, sort));
    matches
}

impl SegmentCollector for SegmentTop {
    type Fruit = SegmentPage;

    fn collect(&mut self, doc: DocId, score: Score) {
        let doc_key = self.doc_key.first(doc).unwrap_or(0);
        if !self.prefer_items {
            self.offer(
                doc,
                score,
                self.is_item.first(doc).unwrap_or(0) == 1,
                doc_key,
            );
            return;
        }
        if self.is_item.first(doc).unwrap_or(0) == 1 {
            // The first matching item of a record drops its document entry.
            if self.last_item_key != Some(doc_key) {
                self.last_item_key = Some(doc_key);
                match self.doc_entry_before(doc, doc_key) {
                    // Document entries are collected in order, so the
                    // record's entry, if it matched, is the last one.
                    Some(entry) => {
                        if self.docs.last().is_some_and(|d| d.address.doc_id == entry) {
                            self.docs.pop();
                        }
                    }
                    None => {
                        self.item_keys.insert(doc_key);
                    }
                }
            }
            self.offer(doc, score, true, doc_key);
        } else {
            self.docs.push(Match {
                address: DocAddress::new(self.segment, doc),
                score,
                is_item: false,
                doc_key,
                date: self.date_of(doc),
            });
        }
    }

    fn harvest(self) -> SegmentPage {
        SegmentPage {
            heap: self.heap.into_iter().map(|r| r.0).collect(),
            counted: self.counted,
            docs: self.docs,
            item_keys: self.item_keys,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn each_set_hashes_with_a_seed_of_its_own() {
        let (a, b) = (KeyState::default(), KeyState::default());
        assert_ne!(a.hash_one(42u64), b.hash_one(42u64));
        // One state hashes a key the same way every time.
        assert_eq!(a.hash_one(42u64), a.hash_one(42u64));
    }

    #[test]
    fn a_set_filled_from_another_holds_the_same_keys() {
        let first: KeySet = (0..10_000u64)
            .map(|k| k.wrapping_mul(0x2545_F491_4F6C_DD1D))
            .collect();
        let second: KeySet = first.iter().copied().collect();
        assert_eq!(first, second);
        let map: KeyMap<u64> = first.iter().map(|&k| (k, k ^ 1)).collect();
        assert!(first.iter().all(|k| map.get(k) == Some(&(k ^ 1))));
    }
}
