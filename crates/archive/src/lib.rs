//! A referat archive as a whole: a set of source documents (minutes,
//! agendas, memos in PDF, DOCX and HTML) and their Danish-aware index.
//!
//! This is the library under every front end (the `referat` command line,
//! and any Rust program): it opens or creates an archive at a path
//! ([`location`] has the default-location rules), [ingests](Archive::ingest)
//! files and folders in parallel with a [`Progress`] callback, and offers
//! [search](Archive::search) with persons resolved across spellings,
//! [show](Archive::show), [export](Archive::export) as an iterator,
//! [stats](Archive::stats) and the [persons](Archive::persons) list, and
//! the researcher's counts over meetings: [timeline](Archive::timeline),
//! [facets](Archive::facets) and [attendance](Archive::attendance). The
//! persons caches beside the index are this crate's business.
//!
//! Data flows one way: schema ← parser, indexer, people ← archive ← front ends.
//!
//! # Example: ingest a folder, search by person
//!
//! ```
//! use referat_archive::{Archive, IngestOptions, NoProgress, Query};
//!
//! # fn main() -> Result<(), referat_archive::ArchiveError> {
//! # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).unwrap();
//! # let tmp = tempfile::tempdir().unwrap();
//! # let index_dir = tmp.path();
//! let archive = Archive::open_or_create(index_dir)?;
//! let summary = archive.ingest(&["corpus"], &IngestOptions::default(), &mut NoProgress)?;
//! println!("{} new, {} failed", summary.added, summary.failed.len());
//!
//! // Every spelling of the resolved person: this also finds the minutes that say "Rene".
//! let query = Query { person: Some("René Meyrowitsch".into()), ..Query::default() };
//! for hit in archive.search(&query)?.hits {
//!     println!("{:?} {:?} {}", hit.date, hit.body, hit.doc_id);
//! }
//! # let dates: Vec<_> = archive.search(&query)?.hits.into_iter().filter_map(|h| h.date).collect();
//! # assert!(dates.iter().any(|d| d == "2019-04-01") && dates.iter().any(|d| d == "2021-10-14"));
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod attendance;
pub mod bench;
mod error;
mod export;
mod export_by;
mod facets;
mod filters;
pub mod grouping;
mod ingest;
pub mod location;
mod meeting_lines;
mod meetings;
mod memo;
mod originals;
mod parallel;
mod persons;
mod stats;
mod table;
mod timeline;
mod views;
pub mod walk;

use std::path::{Path, PathBuf};

use referat_indexer::Index;

pub use attendance::{Attendance, AttendanceRow, PersonAttendance, Presence};
pub use error::ArchiveError;
pub use export::{Export, ExportedRecord, ResolvedName};
pub use export_by::{ExportBy, Exported, ExportedDocument, ExportedItem, Granularity};
pub use facets::Overview;
pub use grouping::{Decision, Document, DocumentKind, Grouping, Meeting, Reason, Rendition};
pub use ingest::{
    Failure, IngestOptions, NoProgress, Progress, Summary, BATCH, COMMIT_EVERY, WRITER_HEAP,
};
pub use meeting_lines::MEETING_KEYS_FILE;
pub use meetings::{
    GroupingReport, MeetingCounts, MeetingStats, DECISIONS_FILE, FILES_FILE, MEETINGS_FILE,
};
pub use originals::{Original, MAX_ORIGINAL_BYTES};
pub use parallel::{map_files, set_threads, threads};
pub use persons::{had_role, PersonFilter, Persons, CACHE_FILE, NAMES_CACHE_FILE};
pub use referat_indexer::date;
pub use referat_indexer::{
    Facet, FacetCount, FacetCounts, FacetField, Facets, Hit, Incomplete, Period, PersonRole, Query,
    Related, SearchResults, SectionKind, Snippet, Sort, Split, Timeline, TimelineRow,
};
pub use referat_parser::Limits;
pub use referat_people::{MeetingRef, Resolution, ResolvedPerson};
pub use referat_schema::MeetingItem;
pub use referat_schema::{DocType, Record};
pub use stats::{OcrStats, Stats};
pub use table::{
    csv_header, csv_rows, CSV_COLUMNS, DOCUMENT_COLUMNS, ITEM_COLUMNS, MEETING_COLUMNS,
};
pub use views::{MeetingView, SearchPage};

/// An archive: the index in a directory, and the caches beside it.
pub struct Archive {
    pub(crate) dir: PathBuf,
    pub(crate) index: Index,
    /// Where the lines of the meetings file are, while the file is unchanged.
    pub(crate) meeting_keys: memo::Memo<MeetingFilesStamp, meeting_lines::KeyTable>,
    /// The names cache, parsed, while its key is unchanged.
    pub(crate) names: memo::Memo<String, persons::Names>,
}

/// The versions of the meeting keys file and the meetings file.
type MeetingFilesStamp = (
    Option<(u64, std::time::SystemTime)>,
    Option<(u64, std::time::SystemTime)>,
);

impl Archive {
    /// Opens the archive whose index is in `dir`; fails with
    /// [`ArchiveError::NoIndex`] when there is none (reading never creates
    /// an index).
    pub fn open(dir: impl AsRef<Path>) -> Result<Archive, ArchiveError> {
        let dir = dir.as_ref();
        if !location::exists(dir) {
            return Err(ArchiveError::NoIndex(dir.to_path_buf()));
        }
        Archive::open_or_create(dir)
    }

    /// Opens the archive in `dir`, creating the directory and an empty
    /// index when there is none.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Archive, ArchiveError> {
        let dir = dir.as_ref();
        Ok(Archive {
            index: Index::open_or_create(dir)?,
            dir: dir.to_path_buf(),
            meeting_keys: memo::Memo::default(),
            names: memo::Memo::default(),
        })
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The index, for callers who need the indexer's own API.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Runs a search; a person filter means the resolved person, under
    /// every spelling the archive has of them (see [`Archive::persons`]).
    /// Municipality and body filters match names as people write them
    /// ([`Facet`]); one that matches no value in the archive is an error
    /// ([`ArchiveError::NoSuchValue`], with the nearest values). With
    /// [`Query::by_meeting`], one hit per meeting, each listing the
    /// meeting's other documents and renditions in `related`.
    pub fn search(&self, query: &Query) -> Result<SearchResults, ArchiveError> {
        self.check_filters(query)?;
        let mut results = self.search_resolved(query)?;
        if query.by_meeting {
            self.add_related(&mut results);
        }
        Ok(results)
    }

    /// The record with this id, or with the one id that starts so (a
    /// unique prefix, as people copy ids); `None` when no id does, an
    /// [`ArchiveError::AmbiguousId`] when several do.
    pub fn show(&self, id: &str) -> Result<Option<Record>, ArchiveError> {
        if let Some(record) = self.index.get(id)? {
            return Ok(Some(record));
        }
        let ids = self.index.ids_with_prefix(id, AMBIGUOUS_SHOWN)?;
        match ids.as_slice() {
            [] => Ok(None),
            [one] => Ok(self.index.get(one)?),
            _ => Err(ArchiveError::AmbiguousId {
                prefix: id.to_string(),
                ids,
            }),
        }
    }
}

/// How many ids an ambiguous prefix error lists.
const AMBIGUOUS_SHOWN: usize = 5;
