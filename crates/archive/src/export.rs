//! Export: every record a query matches, read lazily, each with the
//! resolved person behind every name as written (the tables that
//! spreadsheets and data frames want are in `table.rs`).

use std::collections::{HashMap, HashSet};

use referat_indexer::{Query, Records};
use referat_people::names::fold;
use referat_people::Resolution;
use referat_schema::Record;
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
pub(crate) struct PersonLookup {
    by_name: HashMap<(Option<String>, String), Vec<usize>>,
    persons: Vec<(String, String, Vec<String>)>,
}

impl PersonLookup {
    pub(crate) fn new(resolution: Resolution) -> PersonLookup {
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

    /// The record with the resolved person behind every name it writes.
    pub(crate) fn export(&self, record: Record) -> ExportedRecord {
        let resolved_persons = names_in(&record)
            .into_iter()
            .map(|n| self.resolve(&record, n))
            .collect();
        ExportedRecord {
            record,
            resolved_persons,
        }
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
            return Some(Ok(self.lookup.export(record)));
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
