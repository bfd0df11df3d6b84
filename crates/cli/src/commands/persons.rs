//! `referat persons`: people resolved across documents, and the resolved
//! person behind `search --person` and `export --person`.
//!
//! Resolution reads every record of the index (or of one municipality);
//! its result for the whole index is cached in `<index>/persons-cache.json`,
//! keyed by the index's commit (`meta.json`) and the aliases file, so a
//! search re-resolves only after an ingest or an aliases change. `--person`
//! reads a smaller cache of names and documents only
//! (`<index>/persons-cache-names.jsonl`) and runs one search.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::Path;

use referat_indexer::{Index, PersonVariants, Query, SearchResults};
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
    if let Some(resolution) = read_cache(index_dir, CACHE_FILE, &key) {
        return Ok(resolution);
    }
    let mut resolver = Resolver::new(aliases(index_dir)?);
    for record in index.records(&Query::default())? {
        resolver.add(&record?);
    }
    let cache = Cache {
        key,
        resolution: resolver.finish(),
    };
    write_cache(index_dir, CACHE_FILE, &cache);
    Ok(cache.resolution)
}

/// The cache of what `--person` needs beside the index: a line with the
/// cache key, then one JSON line per person with its folded spellings,
/// municipality, spellings and documents. The full resolution is tens of
/// megabytes at 10,000 documents, too slow to read for every search; this
/// file is searched as text for the folded name and only the lines that
/// contain it are parsed.
const NAMES_CACHE_FILE: &str = "persons-cache-names.jsonl";

/// A resolved person as `--person` uses it.
#[derive(Serialize, Deserialize)]
pub struct NamedPerson {
    /// The spellings folded as `referat_people::names::fold` folds them.
    folded: Vec<String>,
    municipality: Option<String>,
    spellings: Vec<String>,
    /// The records the person appears in.
    pub doc_ids: Vec<String>,
}

/// The names cache's text, rebuilt from the resolution when not current.
fn names_cache(index: &Index, index_dir: &Path) -> Result<String, CliError> {
    let key = serde_json::to_string(&cache_key(index_dir)).unwrap_or_default();
    if let Ok(text) = std::fs::read_to_string(index_dir.join(NAMES_CACHE_FILE)) {
        if text.lines().next() == Some(key.as_str()) {
            return Ok(text);
        }
    }
    let fold = referat_people::names::fold;
    let mut text = key;
    text.push('\n');
    for p in resolve_index(index, index_dir)?.persons {
        let spellings = p.spellings();
        let line = NamedPerson {
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
    write_cache_text(index_dir, NAMES_CACHE_FILE, &text);
    Ok(text)
}

/// The resolution cached in `file` beside the index, if its key is `key`.
fn read_cache(index_dir: &Path, file: &str, key: &str) -> Option<Resolution> {
    let text = std::fs::read_to_string(index_dir.join(file)).ok()?;
    let cache = serde_json::from_str::<Cache>(&text).ok()?;
    (cache.key == key).then_some(cache.resolution)
}

/// Writes a cache beside the index, atomically. A cache that cannot be
/// written (read-only index) only costs time.
fn write_cache(index_dir: &Path, file: &str, cache: &Cache) {
    if let Ok(json) = serde_json::to_string(cache) {
        write_cache_text(index_dir, file, &json);
    }
}

fn write_cache_text(index_dir: &Path, file: &str, text: &str) {
    let tmp = index_dir.join(format!("{file}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, index_dir.join(file)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The resolved persons a `--person` filter names, within its
/// `--municipality` if given (as `referat_people::find` selects them);
/// empty when the query names no person or no resolved person has that name.
pub fn persons_named(
    index: &Index,
    index_dir: &Path,
    query: &Query,
) -> Result<Vec<NamedPerson>, CliError> {
    let Some(name) = query.person.as_deref() else {
        return Ok(Vec::new());
    };
    let fold = referat_people::names::fold;
    let name = fold(name);
    if name.is_empty() {
        return Ok(Vec::new());
    }
    let municipality = query.municipality.as_deref().map(fold);
    let text = names_cache(index, index_dir)?;
    // A line naming the person contains the folded name as a JSON string.
    let needle = serde_json::to_string(&name).unwrap_or_default();
    let mut persons = Vec::new();
    let mut last_line = None;
    for (at, _) in text.match_indices(&needle) {
        let start = text
            .get(..at)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        if last_line == Some(start) {
            continue;
        }
        last_line = Some(start);
        let end = text
            .get(at..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| at + i);
        let Some(Ok(person)) = text
            .get(start..end)
            .map(serde_json::from_str::<NamedPerson>)
        else {
            continue;
        };
        if person.folded.contains(&name)
            && (municipality.is_none() || person.municipality.as_deref().map(fold) == municipality)
        {
            persons.push(person);
        }
    }
    Ok(persons)
}

/// A search whose `--person` means the resolved person: the name as typed
/// (as the index matches it) OR any spelling of the persons it names, in
/// the documents those persons appear in. One search, so pages, totals and
/// the ranking are the index's own.
pub fn search(index: &Index, index_dir: &Path, query: &Query) -> Result<SearchResults, CliError> {
    let persons = persons_named(index, index_dir, query)?;
    let query = Query {
        person_also: persons
            .into_iter()
            .map(|p| PersonVariants {
                spellings: p.spellings,
                doc_ids: p.doc_ids,
            })
            .collect(),
        ..query.clone()
    };
    Ok(index.search(&query)?)
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
