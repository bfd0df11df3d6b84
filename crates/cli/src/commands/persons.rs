//! `referat persons`: people resolved across documents, and the resolved
//! person behind `search --person` and `export --person`.
//!
//! Resolution reads every record of the index (or of one municipality);
//! its result for the whole index is cached in `<index>/persons-cache.json`,
//! keyed by the index's commit (`meta.json`) and the aliases file, so a
//! search re-resolves only after an ingest or an aliases change.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::Path;

use referat_indexer::{Hit, Index, Query, SearchResults, Sort};
use referat_people::{Aliases, Resolution, ResolvedPerson, Resolver};
use serde::{Deserialize, Serialize};

use crate::args::PersonsArgs;
use crate::error::CliError;
use crate::output::{self, exit};

/// The cache of the whole index's resolution, beside the index.
const CACHE_FILE: &str = "persons-cache.json";

/// List each person with variants, roles, meetings, absences and mentions.
/// Exit code 0 when someone matched, 1 when nobody did.
pub fn run(index_dir: &Path, args: &PersonsArgs) -> Result<i32, CliError> {
    let index = Index::open_or_create(index_dir)?;
    let resolution = resolve_index(&index, index_dir)?;
    for warning in &resolution.warnings {
        output::error(warning);
    }
    let fold = referat_people::names::fold;
    let persons: Vec<&ResolvedPerson> = resolution
        .persons
        .iter()
        .filter(|p| {
            args.municipality
                .as_deref()
                .is_none_or(|m| p.municipality.as_deref().map(fold) == Some(fold(m)))
        })
        .filter(|p| {
            args.body
                .as_deref()
                .is_none_or(|b| p.bodies.iter().any(|pb| fold(pb) == fold(b)))
        })
        .collect();
    output::with_stdout(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &persons)?;
            writeln!(out)?;
        } else if persons.is_empty() {
            output::error("nobody matches");
        } else {
            print_table(out, &persons)?;
        }
        Ok(())
    })?;
    Ok(if persons.is_empty() {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

/// The aliases file beside the index, if any.
pub fn aliases(index_dir: &Path) -> Result<Aliases, CliError> {
    Aliases::load_beside_index(index_dir).map_err(|e| CliError::Usage(e.to_string()))
}

#[derive(Serialize, Deserialize)]
struct Cache {
    key: String,
    resolution: Resolution,
}

/// What the cache depends on: this program's version, the index's last
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

/// The people of the whole index, from the cache when it is current.
pub fn resolve_index(index: &Index, index_dir: &Path) -> Result<Resolution, CliError> {
    let key = cache_key(index_dir);
    let cache_path = index_dir.join(CACHE_FILE);
    if let Ok(text) = std::fs::read_to_string(&cache_path) {
        if let Ok(cache) = serde_json::from_str::<Cache>(&text) {
            if cache.key == key {
                return Ok(cache.resolution);
            }
        }
    }
    let mut resolver = Resolver::new(aliases(index_dir)?);
    for record in index.records(&Query::default())? {
        resolver.add(&record?);
    }
    let resolution = resolver.finish();
    // A cache that cannot be written (read-only index) only costs time.
    let cache = Cache { key, resolution };
    if let Ok(json) = serde_json::to_string(&cache) {
        let tmp = index_dir.join(format!("{CACHE_FILE}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, json).is_ok() && std::fs::rename(&tmp, &cache_path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
    Ok(cache.resolution)
}

/// The resolved persons a `--person` filter names, within its
/// `--municipality` if given; empty when the query names no person or no
/// resolved person has that name.
pub fn persons_named(
    index: &Index,
    index_dir: &Path,
    query: &Query,
) -> Result<Vec<ResolvedPerson>, CliError> {
    let Some(name) = query.person.as_deref() else {
        return Ok(Vec::new());
    };
    let resolution = resolve_index(index, index_dir)?;
    Ok(
        referat_people::find(&resolution.persons, name, query.municipality.as_deref())
            .into_iter()
            .cloned()
            .collect(),
    )
}

/// A search whose `--person` means the resolved person: the name as typed
/// (as the index matches it) OR any spelling of the persons it names, in
/// the documents those persons appear in. Pages and totals are over the
/// merged hits.
pub fn search(index: &Index, index_dir: &Path, query: &Query) -> Result<SearchResults, CliError> {
    let persons = persons_named(index, index_dir, query)?;
    if persons.is_empty() {
        return Ok(index.search(query)?);
    }
    let all = |q: &Query| Query {
        offset: 0,
        limit: usize::MAX,
        ..q.clone()
    };
    let mut merged: HashMap<(String, Option<u32>), Hit> = HashMap::new();
    let mut add = |hit: Hit| {
        let key = (hit.doc_id.clone(), hit.item);
        match merged.get(&key) {
            Some(old) if old.score >= hit.score => {}
            _ => {
                merged.insert(key, hit);
            }
        }
    };
    for hit in index.search(&all(query))?.hits {
        add(hit);
    }
    for person in &persons {
        let docs: HashSet<&str> = person.doc_ids.iter().map(String::as_str).collect();
        for spelling in person.spellings() {
            let q = Query {
                person: Some(spelling),
                municipality: person.municipality.clone(),
                ..all(query)
            };
            for hit in index.search(&q)?.hits {
                if docs.contains(hit.doc_id.as_str()) {
                    add(hit);
                }
            }
        }
    }
    let mut hits: Vec<Hit> = merged.into_values().collect();
    order(&mut hits, query.sort);
    let total = hits.len();
    let hits = hits
        .into_iter()
        .skip(query.offset)
        .take(query.limit)
        .collect();
    Ok(SearchResults { total, hits })
}

/// The indexer's order: relevance (score, then newest) or date (newest,
/// then score); undated last.
fn order(hits: &mut [Hit], sort: Sort) {
    let by_score = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score);
    let by_date = |a: &Hit, b: &Hit| b.date.cmp(&a.date);
    hits.sort_by(|a, b| {
        let primary = match sort {
            Sort::Relevance => by_score(a, b).then_with(|| by_date(a, b)),
            Sort::Date => by_date(a, b).then_with(|| by_score(a, b)),
        };
        primary.then_with(|| (&a.doc_id, a.item).cmp(&(&b.doc_id, b.item)))
    });
}

/// For `export --person`: the record ids the person filter means (the
/// name as typed, plus every document of the resolved persons it names), or
/// `None` when it names no resolved person (then the index's own person
/// filter applies as is).
pub fn documents_of_person(
    index: &Index,
    index_dir: &Path,
    query: &Query,
) -> Result<Option<HashSet<String>>, CliError> {
    let persons = persons_named(index, index_dir, query)?;
    if persons.is_empty() {
        return Ok(None);
    }
    let plain = Query {
        offset: 0,
        limit: usize::MAX,
        ..query.clone()
    };
    let mut ids: HashSet<String> = index
        .search(&plain)?
        .hits
        .into_iter()
        .map(|h| h.doc_id)
        .collect();
    ids.extend(persons.iter().flat_map(|p| p.doc_ids.iter().cloned()));
    Ok(Some(ids))
}

/// One line per person, then one indented line per merge across documents
/// saying where it came from.
fn print_table(out: &mut dyn Write, persons: &[&ResolvedPerson]) -> std::io::Result<()> {
    let width = |f: &dyn Fn(&ResolvedPerson) -> String, min: usize| {
        persons
            .iter()
            .map(|p| f(p).chars().count())
            .max()
            .unwrap_or(0)
            .max(min)
    };
    let municipality = |p: &ResolvedPerson| p.municipality.clone().unwrap_or_else(|| "?".into());
    let name_w = width(&|p| p.name.clone(), 4);
    let muni_w = width(&municipality, 12);
    writeln!(
        out,
        "{}  {}  {:>3} {:>3} {:>3} {:>3} {:>5}  {:<21}  VARIANTS; ROLES",
        pad("NAME", name_w),
        pad("MUNICIPALITY", muni_w),
        "ATT",
        "ABS",
        "U/A",
        "MIN",
        "MENT",
        "SEEN",
    )?;
    for p in persons {
        let seen = match (&p.first_seen, &p.last_seen) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => "-".into(),
        };
        let variants: Vec<&str> = p
            .variants
            .iter()
            .map(|v| v.name.as_str())
            .filter(|v| *v != p.name)
            .collect();
        let roles: Vec<&str> = p.roles.iter().map(|r| r.role.as_str()).collect();
        let extra: Vec<String> = [variants.join(", "), roles.join(", ")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        writeln!(
            out,
            "{}  {}  {:>3} {:>3} {:>3} {:>3} {:>5}  {:<21}  {}",
            pad(&p.name, name_w),
            pad(&municipality(p), muni_w),
            p.attended.len(),
            p.absent.len(),
            p.absent_without_notice.len(),
            p.minutes_taken.len(),
            p.mentions,
            seen,
            extra.join("; "),
        )?;
        for m in p
            .merges
            .iter()
            .filter(|m| m.rule != "same_document" && m.rule != "accent")
        {
            let origin = if m.source == "rule" {
                format!("rule: {}", m.reason)
            } else {
                m.source.clone()
            };
            writeln!(
                out,
                "    {} ← {}  [{}; confidence {:.2}]",
                m.into, m.from, origin, m.confidence
            )?;
        }
    }
    Ok(())
}

/// Left-aligns `s` in `width` characters (not bytes: "Søren" is five).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}
