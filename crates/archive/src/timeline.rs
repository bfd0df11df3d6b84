//! The timeline of a query over the archive's meetings (counted in the
//! index, see [`referat_indexer::Timeline`]), with persons resolved.

use referat_indexer::{Period, Query, Split, Timeline};

use crate::{Archive, ArchiveError};

impl Archive {
    /// Per period (month, quarter or year), the meetings `query` matches,
    /// the meetings its filters alone select (without topic, person and
    /// section), and the share; split into one series per municipality or
    /// body when asked. Each period's count is the total of a
    /// one-hit-per-meeting [`Archive::search`] with the period as its date
    /// range. A person filter means the resolved person, and a
    /// municipality or body that matches nothing is an error, as in
    /// [`Archive::search`].
    pub fn timeline(
        &self,
        query: &Query,
        by: Period,
        split: Option<Split>,
    ) -> Result<Timeline, ArchiveError> {
        self.check_filters(query)?;
        Ok(self.index.timeline(&self.resolved(query)?, by, split)?)
    }
}
