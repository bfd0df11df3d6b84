//! People resolved across documents, and the resolved person behind a
//! person-filtered search or export.
//!
//! Resolution reads every record of the index; its result is cached in
//! `<index>/persons-cache.json`, keyed by the index's commit (`meta.json`)
//! and the aliases file, so a search re-resolves only after an ingest or an
//! aliases change. A person filter reads a smaller cache of names and
//! documents only (`<index>/persons-cache-names.jsonl`) and runs one search.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::Path;

use referat_indexer::document::doc_key;
use referat_indexer::roles::is_chair_role;
use referat_indexer::{values, Facet, KeyMap, PersonRole, PersonVariants, Query, SearchResults};
use referat_people::{Aliases, Resolution, ResolvedPerson, Resolver};
use serde::{Deserialize, Serialize};

use crate::{Archive, ArchiveError};

/// The cache of the whole index's resolution, beside the index.
pub const CACHE_FILE: &str = "persons-cache.json";

/// The cache of what a person filter needs beside the index: a line with
/// the cache key, then one JSON line per person with its folded spellings,
/// municipality, spellings and documents. The full resolution is tens of
/// megabytes at 10,000 documents, too slow to read for every search; this
/// file is searched as text for the folded name and only the lines that
/// contain it are parsed.
pub const NAMES_CACHE_FILE: &str = "persons-cache-names.jsonl";

/// Which resolved persons to list; every part optional.
#[derive(Clone, Debug, Default)]
pub struct PersonFilter {
    /// Only this municipality (case- and accent-insensitive).
    pub municipality: Option<String>,
    /// Only persons seen in this council or committee.
    pub body: Option<String>,
    /// Only persons who had one of these roles in some record (empty: any).
    pub roles: Vec<PersonRole>,
    /// Only the persons called so under any of their spellings (case- and
    /// accent-insensitive), as a person filter on search resolves them.
    pub name: Option<String>,
}

/// The persons of an archive that a [`PersonFilter`] selects, with the
/// resolution's warnings (e.g. an alias that names nobody).
#[derive(Clone, Debug, Default)]
pub struct Persons {
    /// The persons, sorted by municipality and name.
    pub persons: Vec<ResolvedPerson>,
    /// What the resolution could not do, in words.
    pub warnings: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct Cache {
    key: String,
    resolution: Resolution,
}

/// A resolved person as a person filter, a person facet and attendance
/// use it.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct NamedPerson {
    /// The resolved person's id.
    #[serde(default)]
    pub id: String,
    /// The name shown for the person.
    #[serde(default)]
    pub name: String,
    /// The spellings folded as `referat_people::names::fold` folds them.
    pub folded: Vec<String>,
    pub municipality: Option<String>,
    pub spellings: Vec<String>,
    /// The records the person appears in.
    pub doc_ids: Vec<String>,
}

/// The names cache, parsed: every resolved person, and per record that
/// names somebody (by its index key) the positions of its persons in
/// `persons`.
pub(crate) struct Names {
    pub persons: Vec<NamedPerson>,
    /// Record → persons, the direction a person facet counts in: from the
    /// records a query matched, not from every person's records.
    pub persons_of_doc: KeyMap<Vec<u32>>,
}

impl Names {
    /// The persons (with their position) within `municipality`, as a
    /// municipality filter matches it, or all.
    pub(crate) fn within<'a>(
        &'a self,
        municipality: Option<&'a str>,
    ) -> impl Iterator<Item = (usize, &'a NamedPerson)> + 'a {
        // Some 100 municipalities among tens of thousands of persons:
        // each is matched against the filter once, not once per person.
        let mut known: std::collections::HashMap<&'a str, bool> = Default::default();
        self.persons.iter().enumerate().filter(move |(_, p)| {
            municipality.is_none_or(|m| {
                p.municipality.as_deref().is_some_and(|pm| {
                    *known
                        .entry(pm)
                        .or_insert_with(|| values::matches(Facet::Municipality, m, pm))
                })
            })
        })
    }
}

/// The version of the names cache's lines; part of the cache key, so a
/// cache written with fewer fields is rebuilt.
const NAMES_FORMAT: &str = "names-2";

/// Whether a resolved person had `role` in at least one record: the
/// meetings the resolution lists for the role, the chair a person who
/// attended and whose written role is a chair's ([`is_chair_role`]), and
/// mentioned anyone named at all.
pub fn had_role(person: &ResolvedPerson, role: PersonRole) -> bool {
    match role {
        PersonRole::Attended => !person.attended.is_empty(),
        PersonRole::Absent => !person.absent.is_empty() || !person.absent_without_notice.is_empty(),
        PersonRole::Chair => {
            !person.attended.is_empty() && person.roles.iter().any(|r| is_chair_role(&r.role))
        }
        PersonRole::MinuteTaker => !person.minutes_taken.is_empty(),
        PersonRole::Author => !person.authored.is_empty(),
        PersonRole::Guest => !person.guest.is_empty(),
        PersonRole::Mentioned => person.mentions > 0 || !person.appearances.is_empty(),
    }
}

impl Archive {
    /// The people across documents, resolved within each municipality
    /// (cached beside the index), those `filter` selects.
    pub fn persons(&self, filter: &PersonFilter) -> Result<Persons, ArchiveError> {
        let resolution = self.resolution()?;
        let fold = referat_people::names::fold;
        let persons = resolution
            .persons
            .into_iter()
            .filter(|p| {
                filter
                    .municipality
                    .as_deref()
                    .is_none_or(|m| p.municipality.as_deref().map(fold) == Some(fold(m)))
            })
            .filter(|p| {
                filter
                    .body
                    .as_deref()
                    .is_none_or(|b| p.bodies.iter().any(|pb| fold(pb) == fold(b)))
            })
            .filter(|p| filter.roles.is_empty() || filter.roles.iter().any(|&r| had_role(p, r)))
            .filter(|p| filter.name.as_deref().is_none_or(|n| p.is_called(n)))
            .collect();
        Ok(Persons {
            persons,
            warnings: resolution.warnings,
        })
    }

    /// The people of the whole index, from the cache when it is current.
    pub fn resolution(&self) -> Result<Resolution, ArchiveError> {
        let key = cache_key(&self.dir);
        if let Some(resolution) = read_cache(&self.dir, &key) {
            return Ok(resolution);
        }
        let mut resolver = Resolver::new(Aliases::load_beside_index(&self.dir)?);
        for record in self.index.records(&Query::default())? {
            resolver.add(&record?);
        }
        let cache = Cache {
            key,
            resolution: resolver.finish(),
        };
        if let Ok(json) = serde_json::to_string(&cache) {
            write_cache_text(&self.dir, CACHE_FILE, &json);
        }
        Ok(cache.resolution)
    }

    /// The names cache's text, rebuilt from the resolution when not current.
    fn names_cache(&self, key: String) -> Result<String, ArchiveError> {
        if let Ok(text) = std::fs::read_to_string(self.dir.join(NAMES_CACHE_FILE)) {
            if text.lines().next() == Some(key.as_str()) {
                return Ok(text);
            }
        }
        let fold = referat_people::names::fold;
        let mut text = key;
        text.push('\n');
        for p in self.resolution()?.persons {
            let spellings = p.spellings();
            let line = NamedPerson {
                id: p.id,
                name: p.name,
                folded: spellings.iter().map(|s| fold(s)).collect(),
                municipality: p.municipality,
                spellings,
                doc_ids: p.doc_ids,
            };
            if let Ok(json) = serde_json::to_string(&line) {
                text.push_str(&json);
                text.push('\n');
            }
        }
        write_cache_text(&self.dir, NAMES_CACHE_FILE, &text);
        Ok(text)
    }

    /// The names cache's key line: what it was made from.
    fn names_key(&self) -> String {
        serde_json::to_string(&format!("{NAMES_FORMAT}:{}", cache_key(&self.dir)))
            .unwrap_or_default()
    }

    /// The names cache, parsed once while its key stays the same (one
    /// archive serving many requests parses it once, not per request).
    pub(crate) fn names(&self) -> Result<std::sync::Arc<Names>, ArchiveError> {
        let key = self.names_key();
        self.names.get_or_try(key.clone(), || {
            let text = self.names_cache(key)?;
            let persons: Vec<NamedPerson> = text
                .lines()
                .skip(1)
                .filter_map(|l| serde_json::from_str::<NamedPerson>(l).ok())
                .collect();
            let mut persons_of_doc: KeyMap<Vec<u32>> = KeyMap::default();
            for (i, p) in (0u32..).zip(&persons) {
                for id in &p.doc_ids {
                    persons_of_doc.entry(doc_key(id)).or_default().push(i);
                }
            }
            Ok(Names {
                persons,
                persons_of_doc,
            })
        })
    }

    /// The resolved persons a query's person filter names, within its
    /// municipality if given (as `referat_people::find` selects them); empty
    /// when the query names no person or no resolved person has that name.
    fn persons_named(&self, query: &Query) -> Result<Vec<NamedPerson>, ArchiveError> {
        let Some(name) = query.person.as_deref() else {
            return Ok(Vec::new());
        };
        let fold = referat_people::names::fold;
        let name = fold(name);
        if name.is_empty() {
            return Ok(Vec::new());
        }
        let municipality = query.municipality.as_deref().map(fold);
        Ok(self
            .names()?
            .persons
            .iter()
            .filter(|p| {
                p.folded.contains(&name)
                    && (municipality.is_none()
                        || p.municipality.as_deref().map(fold) == municipality)
            })
            .cloned()
            .collect())
    }

    /// A search whose person filter means the resolved person: the name as
    /// typed (as the index matches it) OR any spelling of the persons it
    /// names, in the documents those persons appear in. One search, so
    /// pages, totals and the ranking are the index's own.
    pub(crate) fn search_resolved(&self, query: &Query) -> Result<SearchResults, ArchiveError> {
        Ok(self.index.search(&self.resolved(query)?)?)
    }

    /// `query` with its person filter extended to every spelling of the
    /// resolved persons it names (in their own records).
    pub(crate) fn resolved(&self, query: &Query) -> Result<Query, ArchiveError> {
        let persons = self.persons_named(query)?;
        Ok(Query {
            person_also: persons
                .into_iter()
                .map(|p| PersonVariants {
                    spellings: p.spellings,
                    doc_ids: p.doc_ids,
                })
                .collect(),
            ..query.clone()
        })
    }

    /// Every resolved person of the names cache, within `municipality`
    /// (as a municipality filter matches it) when given.
    pub(crate) fn named_persons(
        &self,
        municipality: Option<&str>,
    ) -> Result<Vec<NamedPerson>, ArchiveError> {
        let names = self.names()?;
        Ok(names.within(municipality).map(|(_, p)| p.clone()).collect())
    }

    /// The record ids a query's person filter means (the name as typed,
    /// plus every document of the resolved persons it names), or `None`
    /// when it names no resolved person (then the index's own person filter
    /// applies as is).
    pub(crate) fn documents_of_person(
        &self,
        query: &Query,
    ) -> Result<Option<HashSet<String>>, ArchiveError> {
        let persons = self.persons_named(query)?;
        if persons.is_empty() {
            return Ok(None);
        }
        let plain = Query {
            offset: 0,
            limit: usize::MAX,
            ..query.clone()
        };
        let mut ids: HashSet<String> = self
            .index
            .search(&plain)?
            .hits
            .into_iter()
            .map(|h| h.doc_id)
            .collect();
        ids.extend(persons.iter().flat_map(|p| p.doc_ids.iter().cloned()));
        Ok(Some(ids))
    }
}

/// What the caches depend on: this library's version, the index's last
/// commit and the aliases file.
fn cache_key(index_dir: &Path) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in ["meta.json", referat_people::ALIASES_FILE] {
        std::fs::read(index_dir.join(file))
            .unwrap_or_default()
            .hash(&mut hasher);
    }
    format!("{}:{:016x}", env!("CARGO_PKG_VERSION"), hasher.finish())
}

/// The resolution cached beside the index, if its key is `key`.
fn read_cache(index_dir: &Path, key: &str) -> Option<Resolution> {
    let text = std::fs::read_to_string(index_dir.join(CACHE_FILE)).ok()?;
    let cache = serde_json::from_str::<Cache>(&text).ok()?;
    (cache.key == key).then_some(cache.resolution)
}

/// Writes a cache beside the index, atomically. A cache that cannot be
/// written (read-only index) only costs time.
fn write_cache_text(index_dir: &Path, file: &str, text: &str) {
    let tmp = index_dir.join(format!("{file}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, index_dir.join(file)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
