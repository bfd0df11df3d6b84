//! Export: every record a query matches, read lazily, and the one-row-per-
//! agenda-item table that spreadsheets and data frames want.

use std::collections::HashSet;

use referat_indexer::{Query, Records};
use referat_schema::{Item, Person, Record, SectionKind, Status};

use crate::{Archive, ArchiveError};

/// The records an export yields, oldest first, one at a time (constant
/// memory whatever the size of the archive).
pub struct Export {
    records: Records,
    /// With a person filter: the records the resolved person appears in.
    only: Option<HashSet<String>>,
}

impl Iterator for Export {
    type Item = Result<Record, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let record = self.records.next()?;
            match (&self.only, record) {
                (Some(ids), Ok(r)) if !ids.contains(&r.id) => continue,
                (_, r) => return Some(r.map_err(ArchiveError::from)),
            }
        }
    }
}

impl Archive {
    /// Every record matching the query's filters (its `person` meaning the
    /// resolved person, every spelling), oldest first; `limit`, `offset`
    /// and `sort` do not apply.
    pub fn export(&self, query: &Query) -> Result<Export, ArchiveError> {
        let mut query = query.clone();
        let only = self.documents_of_person(&query)?;
        if only.is_some() {
            query.person = None;
        }
        Ok(Export {
            records: self.index.records(&query)?,
            only,
        })
    }
}

/// The columns of [`csv_rows`], one row per agenda item.
pub const CSV_COLUMNS: [&str; 15] = [
    "doc_id",
    "date",
    "municipality",
    "body",
    "doc_type",
    "title",
    "item_number",
    "item_title",
    "item_status",
    "decision",
    "persons",
    "attendees",
    "absent",
    "source_path",
    "meeting_id",
];

/// A record as table rows under [`CSV_COLUMNS`]: one per item, or one with
/// the item columns empty for a document without items (so no document is
/// lost).
pub fn csv_rows(r: &Record) -> Vec<Vec<String>> {
    let join = |people: &[Person]| {
        people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let base = |item: Option<&Item>| -> Vec<String> {
        let decision = item
            .map(|i| {
                i.sections
                    .iter()
                    .filter(|s| s.kind == SectionKind::Beslutning)
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        vec![
            r.id.clone(),
            r.date.clone().unwrap_or_default(),
            r.municipality.clone().unwrap_or_default(),
            r.body.clone().unwrap_or_default(),
            r.doc_type.as_str().to_string(),
            r.title.clone().unwrap_or_default(),
            item.map(|i| i.number.to_string()).unwrap_or_default(),
            item.and_then(|i| i.title.clone()).unwrap_or_default(),
            item.and_then(|i| i.status)
                .map(|s| match s {
                    Status::Open => "åben".to_string(),
                    Status::Closed => "lukket".to_string(),
                })
                .unwrap_or_default(),
            decision,
            item.map(|i| i.persons.join("; ")).unwrap_or_default(),
            join(&r.attendees),
            join(&r.absent),
            r.source.path.clone(),
            r.meeting_id.clone().unwrap_or_default(),
        ]
    };
    if r.items.is_empty() {
        vec![base(None)]
    } else {
        r.items.iter().map(|i| base(Some(i))).collect()
    }
}
