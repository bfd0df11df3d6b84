//! What a front end prints or serves as JSON: one search page, one meeting
//! with its best document. The command line's `--json` and the web
//! server's `/api/…` both serialise these types, so the two stay the same.

use referat_indexer::{Facets, Hit, Query, SearchResults};
use referat_schema::Record;
use serde::Serialize;

use crate::{Archive, ArchiveError, Meeting};

/// One page of search results as `referat search --json` prints it and
/// `/api/search` serves it: the total over all pages, where this page
/// starts, and its hits.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchPage {
    /// Number of hits in all pages.
    pub total: usize,
    /// Hits skipped before this page.
    pub offset: usize,
    /// Hits on this page.
    pub returned: usize,
    /// This page's hits.
    pub hits: Vec<Hit>,
    /// Matching meetings per value of the facets asked for (with
    /// `--facets`; left out of the JSON otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

impl SearchPage {
    /// The page of `results` found for `query` (whose offset it records).
    pub fn new(query: &Query, results: SearchResults) -> SearchPage {
        SearchPage {
            total: results.total,
            offset: query.offset,
            returned: results.hits.len(),
            hits: results.hits,
            facets: None,
        }
    }

    /// Hits after this page (0 on the last page).
    pub fn left_after(&self) -> usize {
        self.total.saturating_sub(self.offset + self.returned)
    }
}

/// A meeting as `referat show MEETING_ID --json` prints it and
/// `/api/meeting/{id}` serves it: the meeting's documents and renditions,
/// and the record of its best document (the minutes, where there are any).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeetingView {
    /// The meeting, its documents and their renditions.
    pub meeting: Meeting,
    /// The record of the meeting's first document (documents are listed
    /// minutes first); `None` when it is no longer in the index.
    pub record: Option<Record>,
}

impl Archive {
    /// Runs `query` and returns its page (see [`Archive::search`]).
    pub fn search_page(&self, query: &Query) -> Result<SearchPage, ArchiveError> {
        Ok(SearchPage::new(query, self.search(query)?))
    }

    /// The meeting with this id (or unique id prefix) and its best
    /// document's record; `None` when no meeting has the id.
    pub fn meeting_view(&self, id: &str) -> Result<Option<MeetingView>, ArchiveError> {
        let Some(meeting) = self.meeting(id)? else {
            return Ok(None);
        };
        self.view_of(meeting).map(Some)
    }

    /// `meeting` with its best document's record.
    pub fn view_of(&self, meeting: Meeting) -> Result<MeetingView, ArchiveError> {
        let meeting = self.with_items(meeting)?;
        let record = match meeting.documents.first() {
            Some(d) => self.index.get(&d.document_id)?,
            None => None,
        };
        Ok(MeetingView { meeting, record })
    }
}
