//! Adding, replacing and removing records.
//!
//! Crash safety: tantivy commits are atomic. Everything upserted before the
//! last successful [`Writer::commit`] survives a crash or a kill; everything
//! after it is lost as a whole (the index stays at the last commit, never half
//! written). Dropping a writer without committing discards its changes. Only
//! one writer can be open on an index at a time, across processes
//! ([`IndexError::Locked`]).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use referat_schema::Record;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term};

use crate::document::{documents, person_names};
use crate::index::{index_error, Index};
use crate::IndexError;

/// Smallest heap tantivy accepts per indexing thread.
const MIN_HEAP_PER_THREAD: usize = 15_000_000;

/// What [`Writer::upsert`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Upsert {
    /// The source path was not in the index: the record was added.
    Added,
    /// The source path was indexed with the same SHA-256: nothing changed.
    Unchanged,
    /// The source path was indexed with another SHA-256: the old entries
    /// were removed and the record added.
    Replaced,
}

/// Other names under which a person should be found: the hook for resolving
/// persons across documents (one person, many spellings). The names returned
/// are indexed beside the name as written, so `--person` finds either.
pub trait PersonAliases: Send + Sync {
    /// Other names for `name` as it appears in `record` (the record gives the
    /// municipality and date, which resolution needs). Empty when none.
    fn aliases(&self, record: &Record, name: &str) -> Vec<String>;
}

/// The index writer. Records are keyed by their source path.
pub struct Writer<'a> {
    index: &'a Index,
    inner: tantivy::IndexWriter,
    aliases: Option<Arc<dyn PersonAliases>>,
    /// Paths changed since the last commit: the SHA-256 now indexed, or
    /// `None` when removed. The searcher only sees the last commit.
    pending: HashMap<String, Option<String>>,
}

impl Index {
    /// Opens the writer with about `heap_bytes` of indexing memory (at least
    /// 15 MB; 50–200 MB is a good range). Fails with [`IndexError::Locked`]
    /// when another writer is open.
    pub fn writer(&self, heap_bytes: usize) -> Result<Writer<'_>, IndexError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = (heap_bytes / (2 * MIN_HEAP_PER_THREAD)).clamp(1, cores.min(8));
        let heap = heap_bytes.max(threads * MIN_HEAP_PER_THREAD);
        let inner = self
            .inner
            .writer_with_num_threads(threads, heap)
            .map_err(index_error)?;
        Ok(Writer {
            index: self,
            inner,
            aliases: None,
            pending: HashMap::new(),
        })
    }

    /// The SHA-256 indexed for a source path at the last commit.
    pub fn indexed_sha256(&self, source_path: &str) -> Result<Option<String>, IndexError> {
        let searcher = self.searcher();
        let Some(address) = self.doc_entry(&searcher, self.fields.source_path, source_path)? else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(doc
            .get_first(self.fields.sha256)
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }

    /// Every source path in the index at the last commit.
    pub fn source_paths(&self) -> Result<HashSet<String>, IndexError> {
        Ok(self.searcher().search(&AllQuery, &PathCollector)?)
    }
}

impl Writer<'_> {
    /// Indexes person aliases from now on. Records already indexed keep their
    /// names until replaced (see [`Writer::replace`]).
    pub fn set_person_aliases(&mut self, aliases: Arc<dyn PersonAliases>) {
        self.aliases = Some(aliases);
    }

    /// The person names to index for a record, aliases included.
    fn names(&self, record: &Record) -> Vec<String> {
        let mut names = person_names(record);
        if let Some(aliases) = &self.aliases {
            let extra: Vec<String> = names
                .iter()
                .flat_map(|n| aliases.aliases(record, n))
                .collect();
            for name in extra {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// Replaces the record from the same source path even when its content
    /// is unchanged (e.g. after the alias table changed).
    pub fn replace(&mut self, record: &Record) -> Result<(), IndexError> {
        let docs = documents(&self.index.fields, record, &self.names(record))?;
        self.delete_path(&record.source.path);
        for doc in docs {
            self.inner.add_document(doc)?;
        }
        self.pending.insert(
            record.source.path.clone(),
            Some(record.source.sha256.clone()),
        );
        Ok(())
    }

    /// Adds a record, or replaces the one from the same source path when its
    /// SHA-256 changed, or does nothing when it did not.
    pub fn upsert(&mut self, record: &Record) -> Result<Upsert, IndexError> {
        let path = record.source.path.as_str();
        let known = match self.pending.get(path) {
            Some(pending) => pending.clone(),
            None => self.index.indexed_sha256(path)?,
        };
        let outcome = match known {
            Some(sha) if sha == record.source.sha256 => return Ok(Upsert::Unchanged),
            Some(_) => Upsert::Replaced,
            None => Upsert::Added,
        };
        let docs = documents(&self.index.fields, record, &self.names(record))?;
        if outcome == Upsert::Replaced {
            self.delete_path(path);
        }
        for doc in docs {
            self.inner.add_document(doc)?;
        }
        self.pending
            .insert(path.to_string(), Some(record.source.sha256.clone()));
        Ok(outcome)
    }

    /// Removes the record from a source path (no-op when absent).
    pub fn remove(&mut self, source_path: &str) {
        self.delete_path(source_path);
        self.pending.insert(source_path.to_string(), None);
    }

    fn delete_path(&mut self, source_path: &str) {
        self.inner.delete_term(Term::from_field_text(
            self.index.fields.source_path,
            source_path,
        ));
    }

    /// Removes every record whose source path `exists` says is gone; returns
    /// how many. Sees the last commit plus this writer's own upserts.
    pub fn prune(&mut self, exists: impl Fn(&str) -> bool) -> Result<usize, IndexError> {
        let mut paths = self.index.source_paths()?;
        for (path, state) in &self.pending {
            match state {
                Some(_) => paths.insert(path.clone()),
                None => paths.remove(path),
            };
        }
        let mut removed = 0;
        for path in paths {
            if !exists(&path) {
                self.remove(&path);
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Makes every change so far durable and visible to searches, atomically.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.inner.commit().map_err(index_error)?;
        self.pending.clear();
        self.index.reload()
    }

    /// Discards every change since the last commit.
    pub fn rollback(&mut self) -> Result<(), IndexError> {
        self.inner.rollback().map_err(index_error)?;
        self.pending.clear();
        Ok(())
    }

    /// Commits, then waits for background segment merges to finish (call at
    /// the end of a large ingest to leave a compact index).
    pub fn finish(mut self) -> Result<(), IndexError> {
        self.commit()?;
        self.inner.wait_merging_threads().map_err(index_error)?;
        self.index.reload()
    }
}

/// Collects the distinct source paths of the matching entries.
struct PathCollector;

struct SegmentPaths {
    column: Option<StrColumn>,
    ords: HashSet<u64>,
}

impl Collector for PathCollector {
    type Fruit = HashSet<String>;
    type Child = SegmentPaths;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPaths> {
        Ok(SegmentPaths {
            column: reader.fast_fields().str("source_path")?,
            ords: HashSet::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashSet<String>>) -> tantivy::Result<HashSet<String>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentPaths {
    type Fruit = HashSet<String>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(column) = &self.column {
            self.ords.extend(column.term_ords(doc));
        }
    }

    fn harvest(self) -> HashSet<String> {
        let mut out = HashSet::new();
        if let Some(column) = self.column {
            for ord in self.ords {
                let mut path = String::new();
                if column.ord_to_str(ord, &mut path).unwrap_or(false) {
                    out.insert(path);
                }
            }
        }
        out
    }
}
