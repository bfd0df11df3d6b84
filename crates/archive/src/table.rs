//! The export as tables: flat, typed columns that `pandas.read_csv` and
//! DuckDB's `read_csv_auto` read without options. Dates are ISO
//! (`YYYY-MM-DD`), times `HH:MM`, counts integers (never empty), lists
//! joined with "; ", a missing value an empty cell. The columns are listed
//! in the README ("Export columns").

use referat_schema::{Document, Item, Meeting, Person, SectionKind, Status};

use crate::export::ExportedRecord;
use crate::export_by::{Exported, ExportedDocument, ExportedItem, Granularity};

/// The columns of [`csv_rows`], one row per agenda item. The first
/// fourteen are as before; the rest were added after them (`meeting_id` last), so that scripts
/// reading columns by position keep working.
pub const CSV_COLUMNS: [&str; 29] = [
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
    "absent_without_notice",
    "guests",
    "minute_taker",
    "start_time",
    "end_time",
    "location",
    "format",
    "case_number",
    "item_case_number",
    "attendee_ids",
    "absent_ids",
    "absent_without_notice_ids",
    "guest_ids",
    "minute_taker_id",
    "meeting_id",
];

/// A record as table rows under [`CSV_COLUMNS`]: one per item, or one with
/// the item columns empty for a document without items (so no document is
/// lost). Lists are joined with "; "; a person id column lists the ids of
/// the names beside it in the same order (empty where a name was not
/// resolved); a missing value is an empty cell.
pub fn csv_rows(exported: &ExportedRecord) -> Vec<Vec<String>> {
    let r = &exported.record;
    if r.items.is_empty() {
        vec![item_row(exported, None)]
    } else {
        r.items
            .iter()
            .map(|i| item_row(exported, Some(i)))
            .collect()
    }
}

/// One row under [`CSV_COLUMNS`]: a record's columns, and an item's (empty
/// without one).
fn item_row(exported: &ExportedRecord, item: Option<&Item>) -> Vec<String> {
    let r = &exported.record;
    let names = |people: &[Person]| {
        people
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let ids = |people: &[Person]| {
        people
            .iter()
            .map(|p| exported.person_id(&p.name).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let minute_taker: Vec<Person> = r.minute_taker.iter().cloned().collect();
    {
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
            opt(&r.date),
            opt(&r.municipality),
            opt(&r.body),
            r.doc_type.as_str().to_string(),
            opt(&r.title),
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
            names(&r.attendees),
            names(&r.absent),
            r.source.path.clone(),
            names(&r.absent_without_notice),
            names(&r.guests),
            names(&minute_taker),
            opt(&r.start_time),
            opt(&r.end_time),
            opt(&r.location),
            r.source.format.as_str().to_string(),
            opt(&r.case_number),
            item.and_then(|i| i.case_number.clone()).unwrap_or_default(),
            ids(&r.attendees),
            ids(&r.absent),
            ids(&r.absent_without_notice),
            ids(&r.guests),
            ids(&minute_taker),
            r.meeting_id.clone().unwrap_or_default(),
        ]
    }
}

/// `--by item`: [`CSV_COLUMNS`], then what the item's document is to its
/// meeting. One row per item; an item-less document gives none.
pub const ITEM_COLUMNS: [&str; 30] = {
    // The item table is the per-file table plus one column: built from it,
    // so the two cannot drift apart.
    let mut columns = [""; 30];
    let mut i = 0;
    while i < CSV_COLUMNS.len() {
        columns[i] = CSV_COLUMNS[i];
        i += 1;
    }
    columns[CSV_COLUMNS.len()] = "document_kind";
    columns
};

/// `--by meeting`: one row per meeting.
pub const MEETING_COLUMNS: [&str; 15] = [
    "meeting_id",
    "date",
    "municipality",
    "body",
    "start_time",
    "documents",
    "renditions",
    "files",
    "items",
    "decisions",
    "document_kinds",
    "document_ids",
    "formats",
    "source_paths",
    "titles",
];

/// `--by document`: one row per document (its best rendition's fields).
pub const DOCUMENT_COLUMNS: [&str; 29] = [
    "document_id",
    "meeting_id",
    "document_kind",
    "doc_type",
    "date",
    "municipality",
    "body",
    "title",
    "start_time",
    "end_time",
    "location",
    "case_number",
    "items",
    "decisions",
    "attendees",
    "absent",
    "absent_without_notice",
    "guests",
    "minute_taker",
    "renditions",
    "files",
    "formats",
    "source_path",
    "source_paths",
    "sha256",
    "format",
    "ocr_pages",
    "ocr_confidence",
    "warnings",
];

/// The header of an export by `by`.
pub fn csv_header(by: Granularity) -> &'static [&'static str] {
    match by {
        Granularity::Meeting => &MEETING_COLUMNS,
        Granularity::Document => &DOCUMENT_COLUMNS,
        Granularity::Item => &ITEM_COLUMNS,
        Granularity::File => &CSV_COLUMNS,
    }
}

impl Exported {
    /// The unit as rows under [`csv_header`] of its granularity (one row,
    /// except a file: one per item).
    pub fn csv_rows(&self) -> Vec<Vec<String>> {
        match self {
            Exported::Meeting(m) => vec![meeting_row(m)],
            Exported::Document(d) => vec![document_row(d)],
            Exported::Item(i) => vec![item_export_row(i)],
            Exported::File(r) => csv_rows(r),
        }
    }
}

fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts.into_iter().collect::<Vec<_>>().join("; ")
}

fn decisions_of(item: &Item) -> usize {
    usize::from(
        item.sections
            .iter()
            .any(|s| s.kind == SectionKind::Beslutning && !s.text.trim().is_empty()),
    )
}

fn renditions(documents: &[Document]) -> usize {
    documents.iter().map(|d| d.renditions.len()).sum()
}

fn files(documents: &[Document]) -> usize {
    documents
        .iter()
        .flat_map(|d| &d.renditions)
        .map(|r| r.paths.len())
        .sum()
}

fn meeting_row(m: &Meeting) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let paths = m
        .documents
        .iter()
        .flat_map(|d| &d.renditions)
        .flat_map(|r| r.paths.iter().map(String::as_str));
    let formats = m
        .documents
        .iter()
        .flat_map(|d| &d.renditions)
        .map(|r| r.format.as_str());
    vec![
        m.meeting_id.clone(),
        opt(&m.date),
        opt(&m.municipality),
        opt(&m.body),
        opt(&m.start_time),
        m.documents.len().to_string(),
        renditions(&m.documents).to_string(),
        files(&m.documents).to_string(),
        m.items.len().to_string(),
        m.items
            .iter()
            .map(|i| decisions_of(&i.item))
            .sum::<usize>()
            .to_string(),
        join(m.documents.iter().map(|d| d.kind.as_str())),
        join(m.documents.iter().map(|d| d.document_id.as_str())),
        join(formats),
        join(paths),
        join(m.documents.iter().filter_map(|d| d.title.as_deref())),
    ]
}

fn names(people: &[Person]) -> String {
    join(people.iter().map(|p| p.name.as_str()))
}

fn document_row(d: &ExportedDocument) -> Vec<String> {
    let r = &d.exported.record;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let ocr = r.source.ocr.as_ref();
    vec![
        d.document_id.clone(),
        opt(&r.meeting_id),
        d.document_kind.as_str().to_string(),
        r.doc_type.as_str().to_string(),
        opt(&r.date),
        opt(&r.municipality),
        opt(&r.body),
        opt(&r.title),
        opt(&r.start_time),
        opt(&r.end_time),
        opt(&r.location),
        opt(&r.case_number),
        r.items.len().to_string(),
        r.items.iter().map(decisions_of).sum::<usize>().to_string(),
        names(&r.attendees),
        names(&r.absent),
        names(&r.absent_without_notice),
        names(&r.guests),
        r.minute_taker
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        d.renditions.len().to_string(),
        d.renditions
            .iter()
            .map(|x| x.paths.len())
            .sum::<usize>()
            .to_string(),
        join(d.renditions.iter().map(|x| x.format.as_str())),
        r.source.path.clone(),
        join(
            d.renditions
                .iter()
                .flat_map(|x| x.paths.iter().map(String::as_str)),
        ),
        r.source.sha256.clone(),
        r.source.format.as_str().to_string(),
        ocr.map_or(0, |o| o.pages.len()).to_string(),
        ocr.and_then(|o| o.confidence)
            .map(|c| format!("{c:.1}"))
            .unwrap_or_default(),
        r.warnings.len().to_string(),
    ]
}

fn item_export_row(i: &ExportedItem) -> Vec<String> {
    let mut row = item_row(&i.source, Some(&i.item));
    row.push(i.document_kind.as_str().to_string());
    row
}
