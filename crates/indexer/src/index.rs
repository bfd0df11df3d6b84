//! Opening the index, and reading records back out of it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use referat_schema::Record;
use tantivy::directory::error::LockError;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DocAddress, IndexReader, ReloadPolicy, Searcher, TantivyDocument, TantivyError, Term,
};

use crate::collect::AllMatches;
use crate::query::{self, Query, Scope};
use crate::schema::{self, Fields, KIND_DOC};
use crate::{analysis, IndexError};

/// A query for document entries, and the `doc_key`s they must have (if
/// restricted; see `Index::documents_query`).
pub(crate) type DocumentsQuery = (Box<dyn tantivy::query::Query>, Option<HashSet<u64>>);

/// A referat index: a tantivy index in a directory, with the Danish analyzers
/// registered and a reader that sees the last commit.
pub struct Index {
    pub(crate) inner: tantivy::Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    /// The facts of the records the last filters selected (see
    /// `Index::base_facts`), kept for the next page of a front end.
    pub(crate) base_memo: crate::meeting_facts::BaseMemo,
    /// The meetings per timeline cell among the last filters' records
    /// (`Index::held_cells`), for the last period and split asked for.
    pub(crate) held_memo: crate::timeline::HeldMemo,
}

/// Maps tantivy's lock error to [`IndexError::Locked`].
pub(crate) fn index_error(error: TantivyError) -> IndexError {
    match error {
        TantivyError::LockFailure(LockError::LockBusy, _) => IndexError::Locked,
        other => IndexError::Tantivy(other),
    }
}

impl Index {
    /// Opens the index in `dir`, creating the directory and an empty index
    /// when there is none. Fails with [`IndexError::SchemaMismatch`] when the
    /// directory holds an index with another schema.
    pub fn open_or_create(dir: &Path) -> Result<Index, IndexError> {
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let directory = MmapDirectory::open(dir).map_err(|e| IndexError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let (schema, fields) = schema::build();
        let exists = tantivy::Index::exists(&directory).map_err(|e| IndexError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let inner = if exists {
            let inner = tantivy::Index::open(directory).map_err(index_error)?;
            if inner.schema() != schema {
                return Err(IndexError::SchemaMismatch(PathBuf::from(dir)));
            }
            inner
        } else {
            tantivy::Index::create(directory, schema, tantivy::IndexSettings::default())
                .map_err(index_error)?
        };
        Index::from_tantivy(inner, fields)
    }

    /// A new, empty index in memory (tests, one-off searches).
    pub fn in_memory() -> Result<Index, IndexError> {
        let (schema, fields) = schema::build();
        Index::from_tantivy(tantivy::Index::create_in_ram(schema), fields)
    }

    fn from_tantivy(inner: tantivy::Index, fields: Fields) -> Result<Index, IndexError> {
        analysis::register(inner.tokenizers());
        let reader = inner
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_error)?;
        Ok(Index {
            inner,
            reader,
            fields,
            base_memo: Default::default(),
            held_memo: Default::default(),
        })
    }

    /// The field handles, for callers who build their own tantivy queries.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The underlying tantivy index.
    pub fn tantivy(&self) -> &tantivy::Index {
        &self.inner
    }

    /// A searcher over the last commit.
    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Makes the reader see the latest commit (done by [`crate::Writer::commit`]).
    pub fn reload(&self) -> Result<(), IndexError> {
        self.reader.reload().map_err(index_error)
    }

    /// The document entry of a record, by record id.
    pub(crate) fn doc_entry(
        &self,
        searcher: &Searcher,
        field: tantivy::schema::Field,
        value: &str,
    ) -> Result<Option<DocAddress>, IndexError> {
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                )),
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.kind, KIND_DOC),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let matches = searcher.search(&query, &AllMatches { scoring: false })?;
        Ok(matches.first().map(|m| m.address))
    }

    /// The query for the document entries `filter` selects, and with a
    /// `section`, the `doc_key`s they must have: those of the records with
    /// an item that has such a section (matching the topic there, if any).
    pub(crate) fn documents_query(
        &self,
        searcher: &Searcher,
        filter: &Query,
    ) -> Result<DocumentsQuery, IndexError> {
        if filter.section.is_none() {
            let query = query::build(
                &self.inner,
                searcher,
                &self.fields,
                filter,
                Scope::Documents,
            )?;
            return Ok((query, None));
        }
        let items = query::build(&self.inner, searcher, &self.fields, filter, Scope::Items)?;
        let keys: HashSet<u64> = searcher
            .search(&*items, &AllMatches { scoring: false })?
            .iter()
            .map(|m| m.doc_key)
            .collect();
        let documents = Query {
            text: None,
            section: None,
            ..filter.clone()
        };
        let query = query::build(
            &self.inner,
            searcher,
            &self.fields,
            &documents,
            Scope::Documents,
        )?;
        Ok((query, Some(keys)))
    }

    /// The ids of the records whose id starts with `prefix` (hex digits),
    /// at most `max` of them, sorted.
    pub fn ids_with_prefix(&self, prefix: &str, max: usize) -> Result<Vec<String>, IndexError> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
            return Ok(Vec::new());
        }
        let searcher = self.searcher();
        let mut ids = std::collections::BTreeSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.doc_id)?;
            let mut terms = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                let Ok(id) = std::str::from_utf8(terms.key()) else {
                    continue;
                };
                if !id.starts_with(&prefix) {
                    break;
                }
                ids.insert(id.to_string());
                if ids.len() > max {
                    break;
                }
            }
        }
        Ok(ids.into_iter().take(max).collect())
    }

    /// The record with this id, as it was ingested.
    pub fn get(&self, id: &str) -> Result<Option<Record>, IndexError> {
        let searcher = self.searcher();
        let Some(address) = self.doc_entry(&searcher, self.fields.doc_id, id.trim())? else {
            return Ok(None);
        };
        read_record(&searcher, &self.fields, address).map(Some)
    }

    /// The record from this source path (as stored: absolute), as it was
    /// ingested; one file's bytes at two paths are two entries with one id.
    pub fn get_by_path(&self, path: &str) -> Result<Option<Record>, IndexError> {
        let searcher = self.searcher();
        let Some(address) = self.doc_entry(&searcher, self.fields.source_path, path)? else {
            return Ok(None);
        };
        read_record(&searcher, &self.fields, address).map(Some)
    }

    /// Every record matching the filters of `filter` (its topic text, if any,
    /// also applies; `limit`, `offset` and `sort` do not), oldest first, read
    /// lazily one at a time: suitable for exporting a whole index. With a
    /// `section`, the records with an item that has such a section (and, with
    /// topic text, matches it there).
    pub fn records(&self, filter: &Query) -> Result<Records, IndexError> {
        let searcher = self.searcher();
        let (query, only) = self.documents_query(&searcher, filter)?;
        let mut matches = searcher.search(&*query, &AllMatches { scoring: false })?;
        if let Some(keys) = only {
            matches.retain(|m| keys.contains(&m.doc_key));
        }
        matches.sort_by_key(|m| (m.date.is_none(), m.date, m.address));
        Ok(Records {
            searcher,
            fields: self.fields.clone(),
            addresses: matches
                .into_iter()
                .map(|m| m.address)
                .collect::<Vec<_>>()
                .into_iter(),
        })
    }
}

impl Index {
    /// The [`doc_key`](crate::document::doc_key)s of the records that
    /// [`Index::records`] would yield for `filter`, read from fast fields
    /// only (no stored record is read).
    pub fn matching_records(&self, filter: &Query) -> Result<HashSet<u64>, IndexError> {
        let searcher = self.searcher();
        let (query, only) = self.documents_query(&searcher, filter)?;
        let matches = searcher.search(&*query, &AllMatches { scoring: false })?;
        Ok(matches
            .into_iter()
            .map(|m| m.doc_key)
            .filter(|k| only.as_ref().is_none_or(|o| o.contains(k)))
            .collect())
    }

    /// The item numbers that match the topic text and section of `filter`
    /// (with its other filters), by the record's
    /// [`doc_key`](crate::document::doc_key); `None` when `filter` has
    /// neither a topic nor a section, so every item of a matching record
    /// counts.
    pub fn matching_items(
        &self,
        filter: &Query,
    ) -> Result<Option<HashMap<u64, HashSet<u32>>>, IndexError> {
        if filter.topic().is_none() && filter.section.is_none() {
            return Ok(None);
        }
        let searcher = self.searcher();
        let items = query::build(&self.inner, &searcher, &self.fields, filter, Scope::Items)?;
        let matches = searcher.search(&*items, &AllMatches { scoring: false })?;
        let mut columns = HashMap::new();
        let mut out: HashMap<u64, HashSet<u32>> = HashMap::new();
        for m in matches {
            let segment = m.address.segment_ord;
            let column = match columns.entry(segment) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let reader = searcher.segment_reader(segment);
                    e.insert(reader.fast_fields().u64("item")?)
                }
            };
            let Some(number) = column.first(m.address.doc_id) else {
                continue;
            };
            out.entry(m.doc_key)
                .or_default()
                .insert(u32::try_from(number).unwrap_or(u32::MAX));
        }
        Ok(Some(out))
    }
}

/// Reads the stored record JSON of a document entry.
pub(crate) fn read_record(
    searcher: &Searcher,
    fields: &Fields,
    address: DocAddress,
) -> Result<Record, IndexError> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let id = doc
        .get_first(fields.doc_id)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    let json = doc
        .get_first(fields.record)
        .and_then(|v| v.as_str())
        .ok_or_else(|| IndexError::CorruptRecord {
            id: id.clone(),
            reason: "no stored record".into(),
        })?;
    serde_json::from_str(json).map_err(|e| IndexError::CorruptRecord {
        id,
        reason: e.to_string(),
    })
}

/// Records read lazily from the index; see [`Index::records`].
pub struct Records {
    searcher: Searcher,
    fields: Fields,
    addresses: std::vec::IntoIter<DocAddress>,
}

impl Records {
    /// How many records remain.
    pub fn remaining(&self) -> usize {
        self.addresses.len()
    }
}

impl Iterator for Records {
    type Item = Result<Record, IndexError>;

    fn next(&mut self) -> Option<Self::Item> {
        let address = self.addresses.next()?;
        Some(read_record(&self.searcher, &self.fields, address))
    }
}
