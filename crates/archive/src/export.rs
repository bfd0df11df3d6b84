//! Export: every record a query matches, read lazily, each with the
//! resolved person behind every name as written; and the one-row-per-
//! agenda-item table that spreadsheets and data frames want.

use std::collections::{HashMap, HashSet};

use referat_indexer::{Query, Records};
use referat_people::names::fold;
use referat_people::Resolution;
use referat_schema::{Item, Person, Record, SectionKind, Status};
use serde::Serialize;

use crate::{Archive, ArchiveError};

/// A name as a record writes it, with the person it was resolved to
/// across documents (`null`s when it was not resolved).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedName {
    /// The name as written ("Rene").
    pub name: String,
    /// The resolved person's id (as `referat persons` lists it).
    pub person_id: Option<String>,
    /// The resolved person's name ("René Meyrowitsch").
    pub person: Option<String>,
}

/// An exported record: the record's own fields, and `resolved_persons`.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedRecord {
    /// The record as ingested.
    #[serde(flatten)]
    pub record: Record,
    /// Every distinct name the record writes (header lists, minute taker,
    /// author, persons named), with its resolved person.
    pub resolved_persons: Vec<ResolvedName>,
}

impl ExportedRecord {
    /// The resolved person id for a name as written in this record.
    pub fn person_id(&self, name: &str) -> Option<&str> {
        self.resolved_persons
            .iter()
            .find(|r| r.name == name)
            .and_then(|r| r.person_id.as_deref())
    }
}

/// Resolved persons by (folded municipality, folded spelling).
struct PersonLookup {
    by_name: HashMap<(Option<String>, String), Vec<usize>>,
    persons: Vec<(String, String, Vec<String>)>,
}

impl PersonLookup {
    fn new(resolution: Resolution) -> PersonLookup {
        let mut by_name: HashMap<(Option<String>, String), Vec<usize>> = HashMap::new();
        let mut persons = Vec::with_capacity(resolution.persons.len());
        for (i, p) in resolution.persons.into_iter().enumerate() {
            let municipality = p.municipality.as_deref().map(fold);
            for spelling in p.spellings() {
                by_name
                    .entry((municipality.clone(), fold(&spelling)))
                    .or_default()
                    .push(i);
            }
            persons.push((p.id, p.name, p.doc_ids));
        }
        PersonLookup { by_name, persons }
    }

    /// The person `name` means in `record`: the one of that spelling who
    /// appears in the record (the resolver keeps two people of one name
    /// apart only by their documents).
    fn resolve(&self, record: &Record, name: &str) -> ResolvedName {
        let key = (record.municipality.as_deref().map(fold), fold(name));
        let found = self.by_name.get(&key).and_then(|candidates| {
            candidates
                .iter()
                .map(|&i| &self.persons[i])
                .find(|(_, _, docs)| docs.binary_search(&record.id).is_ok())
        });
        ResolvedName {
            name: name.to_string(),
            person_id: found.map(|p| p.0.clone()),
            person: found.map(|p| p.1.clone()),
        }
    }
}

/// Every distinct name a record writes, in order of first appearance.
fn names_in(record: &Record) -> Vec<&str> {
    let people = record
        .attendees
        .iter()
        .chain(&record.absent)
        .chain(&record.absent_without_notice)
        .chain(&record.guests)
        .chain(&record.minute_taker)
        .chain(&record.author)
        .map(|p| p.name.as_str());
    let named = record.persons.iter().map(|p| p.name.as_str());
    let in_items = record
        .items
        .iter()
        .flat_map(|i| i.persons.iter().map(String::as_str));
    let mut seen = HashSet::new();
    people
        .chain(named)
        .chain(in_items)
        .filter(|n| seen.insert(*n))
        .collect()
}

/// The records an export yields, oldest first, one at a time (constant
/// memory in the records, whatever the size of the archive).
pub struct Export {
    records: Records,
    /// With a person filter: the records the resolved person appears in.
    only: Option<HashSet<String>>,
    lookup: PersonLookup,
}

impl Export {
    /// How many records are left to read (with a person filter: at most).
    pub fn remaining(&self) -> usize {
        self.records.remaining()
    }
}

impl Iterator for Export {
    type Item = Result<ExportedRecord, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let record = match self.records.next()? {
                Ok(r) => r,
                Err(e) => return Some(Err(e.into())),
            };
            if self
                .only
                .as_ref()
                .is_some_and(|ids| !ids.contains(&record.id))
            {
                continue;
            }
            let resolved_persons = names_in(&record)
                .into_iter()
                .map(|n| self.lookup.resolve(&record, n))
                .collect();
            return Some(Ok(ExportedRecord {
                record,
                resolved_persons,
            }));
        }
    }
}

impl Archive {
    /// Every record matching the query (its topic, section and filters; its
    /// `person` meaning the resolved person, every spelling), oldest first;
    /// `limit`, `offset` and `sort` do not apply. Each record comes with
    /// the resolved person behind every name it writes.
    pub fn export(&self, query: &Query) -> Result<Export, ArchiveError> {
        self.check_filters(query)?;
        let mut query = query.clone();
        let only = self.documents_of_person(&query)?;
        if only.is_some() {
            query.person = None;
        }
        Ok(Export {
            records: self.index.records(&query)?,
            only,
            lookup: PersonLookup::new(self.resolution()?),
        })
    }
}

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
    };
    if r.items.is_empty() {
        vec![base(None)]
    } else {
        r.items.iter().map(|i| base(Some(i))).collect()
    }
}
