//! A Danish-aware full-text index of referat records, on tantivy.
//!
//! Each [`Record`](referat_schema::Record) becomes one index entry for the
//! whole document and one per agenda item, so a hit can say which item
//! matched and a search can look only in decisions. Text is indexed twice:
//! in an exact form (normalised, not stemmed) and a stemmed, decompounded
//! form (see [`analysis`]); exact matches rank higher.
//!
//! ```
//! use referat_indexer::{Index, Query, Upsert};
//! use referat_schema::{Format, Record, Source};
//!
//! # fn main() -> Result<(), referat_indexer::IndexError> {
//! let index = Index::in_memory()?; // or Index::open_or_create(path)
//! let mut record = Record::empty(Source {
//!     path: "minutes/2021-03-04.pdf".into(),
//!     format: Format::Pdf,
//!     sha256: "ab".repeat(32),
//!     bytes: 1,
//!     pages: None,
//!     producer: None,
//!     ocr: None,
//!     links: Vec::new(),
//! });
//! record.text = "Ensomhedspuljen fordeles til skæve boliger.".into();
//! let mut writer = index.writer(50_000_000)?;
//! assert_eq!(writer.upsert(&record)?, Upsert::Added);
//! assert_eq!(writer.upsert(&record)?, Upsert::Unchanged);
//! writer.commit()?;
//!
//! let results = index.search(&Query::text("pulje"))?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].doc_id, record.id);
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod analysis;
mod collect;
pub mod date;
pub mod document;
mod error;
mod explain;
mod facets;
mod index;
mod meeting;
mod meeting_facts;
mod memo;
mod overview;
mod phrase;
mod query;
pub mod roles;
pub mod schema;
mod search;
mod stats;
mod timeline;
pub mod values;
mod writer;

pub use collect::{KeyHasher, KeyMap, KeySet, KeyState};
pub use error::IndexError;
pub use explain::{MatchForm, MatchedTerm};
pub use facets::{sort_counts, FacetCount, FacetCounts, FacetField, Facets};
pub use index::{Index, Records};
pub use memo::Memo;
pub use overview::Overview;
pub use query::{PersonVariants, Query, Sort, EXACT_BOOST};
pub use referat_schema::SectionKind;
pub use roles::PersonRole;
pub use search::{Hit, Related, SearchResults, Snippet, SNIPPET_CHARS};
pub use stats::{Incomplete, Stats, UNKNOWN};
pub use timeline::{Period, Split, Timeline, TimelineRow};
pub use values::Facet;
pub use writer::{PersonAliases, Upsert, Writer};
