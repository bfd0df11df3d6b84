//! Export by meeting, document or item: the archive as a researcher counts
//! it. A meeting is one row with its documents and renditions; a document
//! is its best rendition's record with the other renditions listed; an item
//! is one agenda item of a meeting (the minutes' item where the minutes
//! have it) or of a meeting-less document. Read lazily, one meeting or
//! document at a time, oldest first.

use std::collections::{HashMap, HashSet, VecDeque};

use referat_indexer::document::doc_key;
use referat_indexer::Query;
use referat_schema::{Document, DocumentKind, Item, Meeting, MeetingItem, Record, Rendition};
use serde::Serialize;

use crate::export::{Export, ExportedRecord, PersonLookup};
use crate::{Archive, ArchiveError};

/// How finely an export cuts the archive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One per meeting, with its documents, renditions and items.
    #[default]
    Meeting,
    /// One per document (renditions of one text are one document).
    Document,
    /// One per agenda item.
    Item,
    /// One per indexed file (every rendition and path), as records.
    File,
}

/// A document as exported: its best rendition's record, with what the
/// document is to its meeting and every rendition.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedDocument {
    /// The record id of the best rendition.
    pub document_id: String,
    /// What the document is to its meeting.
    pub document_kind: DocumentKind,
    /// Every rendition, best first, with their paths.
    pub renditions: Vec<Rendition>,
    /// The best rendition's record, with resolved persons.
    #[serde(flatten)]
    pub exported: ExportedRecord,
}

/// One agenda item as exported, with its meeting and document.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedItem {
    /// The meeting (as `referat show` takes it); null for an item of a
    /// meeting-less document.
    pub meeting_id: Option<String>,
    /// The document the item was read from.
    pub document_id: String,
    /// What that document is to the meeting.
    pub document_kind: DocumentKind,
    /// The item.
    pub item: Item,
    /// The record the item was read from (for the CSV row's document
    /// columns; not written to JSON).
    #[serde(skip)]
    pub source: std::rc::Rc<ExportedRecord>,
}

/// One unit of an export.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum Exported {
    /// `--by meeting`: a [`Meeting`] with its items filled in.
    Meeting(Meeting),
    /// `--by document`.
    Document(Box<ExportedDocument>),
    /// `--by item`.
    Item(Box<ExportedItem>),
    /// `--by file`: a record as indexed.
    File(Box<ExportedRecord>),
}

/// What a query selects: records (by doc key), the resolved person's
/// records, and (with a topic or section) the matching items.
struct Selection {
    records: HashSet<u64>,
    person: Option<HashSet<String>>,
    items: Option<HashMap<u64, HashSet<u32>>>,
}

impl Selection {
    fn record(&self, doc_id: &str) -> bool {
        self.records.contains(&doc_key(doc_id))
            && self.person.as_ref().is_none_or(|p| p.contains(doc_id))
    }

    fn document(&self, d: &Document) -> bool {
        d.renditions.iter().any(|r| self.record(&r.doc_id))
    }

    /// Whether item `number` of these documents (one meeting's, or one
    /// document) matched: in any selected rendition of any of them.
    fn item(&self, documents: &[&Document], number: u32) -> bool {
        let Some(items) = &self.items else {
            return true;
        };
        documents
            .iter()
            .flat_map(|d| &d.renditions)
            .filter(|r| self.record(&r.doc_id))
            .any(|r| {
                items
                    .get(&doc_key(&r.doc_id))
                    .is_some_and(|s| s.contains(&number))
            })
    }
}

/// A meeting, or a document of no meeting.
enum Unit {
    Meeting(Meeting),
    Loose(Document),
}

impl Unit {
    fn date(&self) -> Option<&str> {
        match self {
            Unit::Meeting(m) => m.date.as_deref(),
            Unit::Loose(d) => d.date.as_deref(),
        }
    }

    fn id(&self) -> &str {
        match self {
            Unit::Meeting(m) => &m.meeting_id,
            Unit::Loose(d) => &d.document_id,
        }
    }
}

/// An export by [`Granularity`]; see [`Archive::export_by`].
pub struct ExportBy<'a> {
    archive: &'a Archive,
    by: Granularity,
    units: std::vec::IntoIter<Unit>,
    selection: Selection,
    lookup: Option<PersonLookup>,
    pending: VecDeque<Exported>,
    files: Option<Export>,
    loose_left_out: usize,
}

impl ExportBy<'_> {
    /// With `--by meeting`: how many selected documents belong to no
    /// meeting and were therefore not written (`--by document` lists
    /// them). Final once the iterator is exhausted.
    pub fn loose_left_out(&self) -> usize {
        self.loose_left_out
    }

    fn record(&self, document_id: &str) -> Result<Option<Record>, ArchiveError> {
        Ok(self.archive.index.get(document_id)?)
    }

    fn exported(&self, record: Record) -> ExportedRecord {
        match &self.lookup {
            Some(lookup) => lookup.export(record),
            None => ExportedRecord {
                record,
                resolved_persons: Vec::new(),
            },
        }
    }

    /// Fills `pending` from the next unit; false when there are none left.
    fn advance(&mut self) -> Result<bool, ArchiveError> {
        let Some(unit) = self.units.next() else {
            return Ok(false);
        };
        match (self.by, unit) {
            (Granularity::Meeting, Unit::Meeting(m)) => {
                if m.documents.iter().any(|d| self.selection.document(d)) {
                    let m = self.archive.with_items(m)?;
                    self.pending.push_back(Exported::Meeting(m));
                }
            }
            (Granularity::Meeting, Unit::Loose(d)) => {
                if self.selection.document(&d) {
                    self.loose_left_out += 1;
                }
            }
            (Granularity::Document, unit) => {
                let (meeting_documents, loose) = match unit {
                    Unit::Meeting(m) => (m.documents, None),
                    Unit::Loose(d) => (Vec::new(), Some(d)),
                };
                for d in meeting_documents.into_iter().chain(loose) {
                    if !self.selection.document(&d) {
                        continue;
                    }
                    let Some(record) = self.record(&d.document_id)? else {
                        continue;
                    };
                    let exported = self.exported(record);
                    self.pending
                        .push_back(Exported::Document(Box::new(ExportedDocument {
                            document_id: d.document_id,
                            document_kind: d.kind,
                            renditions: d.renditions,
                            exported,
                        })));
                }
            }
            (Granularity::Item, unit) => {
                let (meeting_id, documents) = match unit {
                    Unit::Meeting(m) => {
                        let carriers: Vec<Document> = m
                            .documents
                            .into_iter()
                            .filter(|d| d.kind.carries_meeting_items())
                            .collect();
                        (Some(m.meeting_id), carriers)
                    }
                    Unit::Loose(d) => (None, vec![d]),
                };
                if !documents.iter().any(|d| self.selection.document(d)) {
                    return Ok(true);
                }
                let mut records = Vec::new();
                for d in &documents {
                    if let Some(r) = self.record(&d.document_id)? {
                        records.push((d, std::rc::Rc::new(self.exported(r))));
                    }
                }
                let pairs: Vec<(&Document, &Record)> =
                    records.iter().map(|(d, r)| (*d, &r.record)).collect();
                let all: Vec<&Document> = documents.iter().collect();
                for item in merged_items(&pairs) {
                    if !self.selection.item(&all, item.item.number) {
                        continue;
                    }
                    let Some((_, source)) = records
                        .iter()
                        .find(|(d, _)| d.document_id == item.document_id)
                    else {
                        continue;
                    };
                    self.pending
                        .push_back(Exported::Item(Box::new(ExportedItem {
                            meeting_id: meeting_id.clone(),
                            document_id: item.document_id,
                            document_kind: item.document_kind,
                            item: item.item,
                            source: source.clone(),
                        })));
                }
            }
            (Granularity::File, _) => {}
        }
        Ok(true)
    }
}

impl Iterator for ExportBy<'_> {
    type Item = Result<Exported, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(files) = self.files.as_mut() {
            return files.next().map(|r| r.map(|r| Exported::File(Box::new(r))));
        }
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(Ok(e));
            }
            match self.advance() {
                Ok(true) => {}
                Ok(false) => return None,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// A meeting's agenda items from its documents (best rendition records,
/// minutes first): the minutes' items, then the numbers the minutes lack
/// from the agenda and single-item exports, in item order. The caller
/// leaves out attachments and memos: their parts are no agenda items.
fn merged_items(documents: &[(&Document, &Record)]) -> Vec<MeetingItem> {
    let mut ordered: Vec<&(&Document, &Record)> = documents.iter().collect();
    ordered.sort_by_key(|(d, _)| d.kind);
    let mut seen = HashSet::new();
    let mut items: Vec<MeetingItem> = Vec::new();
    for (d, record) in ordered {
        for item in &record.items {
            if seen.insert(item.number) {
                items.push(MeetingItem {
                    document_id: d.document_id.clone(),
                    document_kind: d.kind,
                    item: item.clone(),
                });
            }
        }
    }
    items.sort_by_key(|i| i.item.number);
    items
}

impl Archive {
    /// The meeting with its agenda items filled in from its documents' best
    /// renditions: the minutes' items, then those the minutes lack from the
    /// agenda and single-item exports (see [`Meeting::items`]).
    pub fn with_items(&self, mut meeting: Meeting) -> Result<Meeting, ArchiveError> {
        let mut records = Vec::new();
        for d in meeting
            .documents
            .iter()
            .filter(|d| d.kind.carries_meeting_items())
        {
            if let Some(r) = self.index.get(&d.document_id)? {
                records.push((d, r));
            }
        }
        let pairs: Vec<(&Document, &Record)> = records.iter().map(|(d, r)| (*d, r)).collect();
        meeting.items = merged_items(&pairs);
        Ok(meeting)
    }

    /// Every meeting, document, item or file that `query` selects (its
    /// topic, section and filters as [`Archive::export`] applies them),
    /// oldest first, read one unit at a time. A meeting is selected when
    /// one of its documents is; a document when one of its renditions
    /// matches; with a topic or section, `--by item` gives only the items
    /// that match. `--by meeting` leaves out documents of no meeting (see
    /// [`ExportBy::loose_left_out`]).
    pub fn export_by(&self, query: &Query, by: Granularity) -> Result<ExportBy<'_>, ArchiveError> {
        if by == Granularity::File {
            let files = self.export(query)?;
            return Ok(ExportBy {
                archive: self,
                by,
                units: Vec::new().into_iter(),
                selection: Selection {
                    records: HashSet::new(),
                    person: None,
                    items: None,
                },
                lookup: None,
                pending: VecDeque::new(),
                files: Some(files),
                loose_left_out: 0,
            });
        }
        self.check_filters(query)?;
        let mut query = query.clone();
        let person = self.documents_of_person(&query)?;
        if person.is_some() {
            query.person = None;
        }
        let lookup = match by {
            Granularity::Meeting => None,
            _ => Some(PersonLookup::new(self.resolution()?)),
        };
        let grouping = self.grouping()?;
        let mut units: Vec<Unit> = grouping
            .meetings
            .into_iter()
            .map(Unit::Meeting)
            .chain(grouping.loose.into_iter().map(Unit::Loose))
            .collect();
        units.sort_by(|a, b| {
            (a.date().is_none(), a.date(), a.id()).cmp(&(b.date().is_none(), b.date(), b.id()))
        });
        let selection = Selection {
            records: self.index.matching_records(&query)?,
            person,
            items: match by {
                Granularity::Item => self.index.matching_items(&query)?,
                _ => None,
            },
        };
        Ok(ExportBy {
            archive: self,
            by,
            units: units.into_iter(),
            selection,
            lookup,
            pending: VecDeque::new(),
            files: None,
            loose_left_out: 0,
        })
    }
}
