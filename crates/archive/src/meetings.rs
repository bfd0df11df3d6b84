//! Meetings in the archive: the grouping (see [`crate::grouping`]) kept
//! beside the index, brought up to date after every ingest, and what
//! search, show, stats and export read of it.
//!
//! Beside the index: [`FILES_FILE`] holds one [`FileSummary`] per indexed
//! path (the grouping's input, so a re-grouping reads no records), and
//! [`MEETINGS_FILE`] one line per meeting or meeting-less document (a
//! search looks up only the lines of its hits' meetings).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use referat_indexer::{Related, SearchResults, Writer};
use serde::{Deserialize, Serialize};

use crate::grouping::{group, Decision, Document, FileSummary, Grouping, Meeting};
use crate::{Archive, ArchiveError};

/// The grouping's input beside the index: one JSON line per indexed path.
pub const FILES_FILE: &str = "meetings-files.jsonl";
/// The grouping beside the index: one JSON line per meeting
/// (`{"meeting": …}`) or meeting-less document (`{"loose": …}`).
pub const MEETINGS_FILE: &str = "meetings.jsonl";
/// Every file's grouping decision, one JSON line each.
pub const DECISIONS_FILE: &str = "meetings-decisions.jsonl";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Line {
    Meeting(Meeting),
    Loose(Document),
}

/// What an ingest's re-grouping did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GroupingReport {
    /// Meetings in the archive after the run.
    pub meetings: usize,
    /// Documents that belong to no meeting.
    pub loose_documents: usize,
    /// Files of this run that share their meeting with other files, by why
    /// (a reason in words).
    pub joined: BTreeMap<String, usize>,
    /// Files of this run that stay meeting-less.
    pub kept_apart: usize,
    /// Files whose meeting changed and whose index entries were rewritten.
    pub rewritten: usize,
    /// The decision for each file of this run.
    pub decisions: Vec<Decision>,
}

/// Counts of one municipality and body (or of the whole archive).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MeetingCounts {
    /// Municipality (`"(unknown)"` when not found).
    pub municipality: String,
    /// Council or committee (`"(unknown)"` when not found).
    pub body: String,
    /// Meetings.
    pub meetings: u64,
    /// Documents (agenda, minutes, item, attachment …; renditions of one
    /// text are one document).
    pub documents: u64,
    /// Documents without a meeting (included in `documents`).
    pub loose_documents: u64,
    /// Renditions (distinct files by content).
    pub renditions: u64,
    /// Files (paths).
    pub files: u64,
}

/// Meetings, documents, renditions and files, in all and per municipality
/// and body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MeetingStats {
    /// The whole archive (`municipality` and `body` empty).
    pub total: MeetingCounts,
    /// Per municipality and body, sorted.
    pub by_municipality_body: Vec<MeetingCounts>,
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn write_lines<T: Serialize>(dir: &Path, file: &str, lines: &[T]) -> Result<(), ArchiveError> {
    write_atomically(&dir.join(file), |out| {
        for line in lines {
            serde_json::to_writer(&mut *out, line).map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// Writes `path` through `write` into a temporary file beside it, then
/// renames it into place, so a reader sees the old file or the new one.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ArchiveError> {
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp_name);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(io(&tmp))?);
    write(&mut out).map_err(io(&tmp))?;
    out.flush().map_err(io(&tmp))?;
    drop(out);
    std::fs::rename(&tmp, path).map_err(io(path))
}

/// Lines of a JSON-lines file that parse; a missing file is empty.
fn read_lines<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    file: &str,
    keep: impl Fn(&str) -> bool,
) -> Option<Vec<T>> {
    let text = std::fs::read_to_string(dir.join(file)).ok()?;
    Some(
        text.lines()
            .filter(|l| keep(l))
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}

impl Archive {
    /// Brings the grouping up to date after files were indexed (`new`, the
    /// summaries of this run's files, whose entries carry the meeting their
    /// own fields give) and rewrites the index entries of files whose
    /// meeting the whole archive decides otherwise (a start time that tells
    /// two meetings apart, a rendition or attachment without meeting
    /// fields). Call after a commit; commits again when it rewrote.
    pub(crate) fn regroup(
        &self,
        writer: &mut Writer<'_>,
        new: Vec<FileSummary>,
    ) -> Result<GroupingReport, ArchiveError> {
        let indexed = self.index.source_paths()?;
        let mut files: HashMap<String, FileSummary> =
            read_lines::<FileSummary>(&self.dir, FILES_FILE, |_| true)
                .unwrap_or_default()
                .into_iter()
                .map(|f| (f.path.clone(), f))
                .collect();
        let this_run: HashSet<String> = new.iter().map(|f| f.path.clone()).collect();
        for f in new {
            files.insert(f.path.clone(), f);
        }
        files.retain(|p, _| indexed.contains(p));
        // Paths indexed before this file existed, or by a run that stopped
        // between its commit and the grouping: read from the index.
        for path in &indexed {
            if !files.contains_key(path) {
                if let Some(record) = self.index.get_by_path(path)? {
                    files.insert(path.clone(), FileSummary::of(&record));
                }
            }
        }
        let mut list: Vec<FileSummary> = files.into_values().collect();
        list.sort_by(|a, b| a.path.cmp(&b.path));
        let grouping = group(&list);

        let finals = grouping.meeting_of_paths();
        let mut rewritten = 0;
        for f in list.iter_mut() {
            let Some(&(meeting, document)) = finals.get(f.path.as_str()) else {
                continue;
            };
            if f.indexed_meeting.as_deref() == meeting && f.indexed_document.as_deref() == document
            {
                continue;
            }
            if let Some(mut record) = self.index.get_by_path(&f.path)? {
                record.meeting_id = meeting.map(str::to_string);
                record.document_id = document.map(str::to_string);
                writer.replace(&record)?;
                f.indexed_meeting = record.meeting_id;
                f.indexed_document = record.document_id;
                rewritten += 1;
            }
        }
        if rewritten > 0 {
            writer.commit()?;
        }
        self.store_grouping(&list, &grouping)?;

        let mut report = GroupingReport {
            meetings: grouping.meetings.len(),
            loose_documents: grouping.loose.len(),
            rewritten,
            ..GroupingReport::default()
        };
        let files_per_meeting: HashMap<&str, usize> = grouping
            .meetings
            .iter()
            .map(|m| {
                let files = m
                    .documents
                    .iter()
                    .flat_map(|d| &d.renditions)
                    .map(|r| r.paths.len())
                    .sum();
                (m.meeting_id.as_str(), files)
            })
            .collect();
        for d in &grouping.decisions {
            if !this_run.contains(&d.path) {
                continue;
            }
            match d.meeting_id.as_deref() {
                None => report.kept_apart += 1,
                Some(m) if files_per_meeting.get(m).copied().unwrap_or(0) > 1 => {
                    *report
                        .joined
                        .entry(d.reason.as_str().to_string())
                        .or_default() += 1;
                }
                Some(_) => {}
            }
            report.decisions.push(d.clone());
        }
        Ok(report)
    }

    fn store_grouping(&self, files: &[FileSummary], g: &Grouping) -> Result<(), ArchiveError> {
        write_lines(&self.dir, FILES_FILE, files)?;
        let lines: Vec<Line> = g
            .meetings
            .iter()
            .cloned()
            .map(Line::Meeting)
            .chain(g.loose.iter().cloned().map(Line::Loose))
            .collect();
        crate::meeting_lines::write(&self.dir, &lines)?;
        write_lines(&self.dir, DECISIONS_FILE, &g.decisions)
    }

    /// The per-file summaries the last ingest's grouping read (empty for
    /// an archive that has none yet).
    pub fn file_summaries(&self) -> Vec<FileSummary> {
        read_lines(&self.dir, FILES_FILE, |_| true).unwrap_or_default()
    }

    /// The archive's meetings and meeting-less documents, as the last
    /// ingest grouped them.
    pub fn grouping(&self) -> Result<Grouping, ArchiveError> {
        let lines: Vec<Line> = read_lines(&self.dir, MEETINGS_FILE, |_| true).unwrap_or_default();
        let mut g = Grouping::default();
        for line in lines {
            match line {
                Line::Meeting(m) => g.meetings.push(m),
                Line::Loose(d) => g.loose.push(d),
            }
        }
        g.decisions = read_lines(&self.dir, DECISIONS_FILE, |_| true).unwrap_or_default();
        Ok(g)
    }

    /// The meeting with this id (or whose id starts with it, when only one
    /// does).
    pub fn meeting(&self, id: &str) -> Result<Option<Meeting>, ArchiveError> {
        let id = id.trim();
        if id.is_empty() {
            return Ok(None);
        }
        // A whole id is looked up directly; a prefix needs the scan.
        let exact = self.meeting_lines(&[id]).and_then(|lines| {
            lines.into_iter().find_map(|l| match l {
                Line::Meeting(m) if m.meeting_id == id => Some(m),
                _ => None,
            })
        });
        if exact.is_some() {
            return Ok(exact);
        }
        let needle = format!("\"meeting_id\":\"{id}");
        let lines: Vec<Line> =
            read_lines(&self.dir, MEETINGS_FILE, |l| l.contains(&needle)).unwrap_or_default();
        let mut found = lines.into_iter().filter_map(|l| match l {
            Line::Meeting(m) if m.meeting_id.starts_with(id) => Some(m),
            _ => None,
        });
        let first = found.next();
        Ok(if found.next().is_some() { None } else { first })
    }

    /// The meeting that has a rendition whose record id is exactly
    /// `doc_id`; `None` for a document of no meeting (or no document).
    pub fn meeting_of_document(&self, doc_id: &str) -> Result<Option<Meeting>, ArchiveError> {
        let doc_id = doc_id.trim();
        if doc_id.is_empty() {
            return Ok(None);
        }
        let lines = self.meeting_lines(&[doc_id]).unwrap_or_else(|| {
            let needle = serde_json::to_string(doc_id).unwrap_or_default();
            read_lines(&self.dir, MEETINGS_FILE, |l| l.contains(&needle)).unwrap_or_default()
        });
        Ok(lines.into_iter().find_map(|l| match l {
            Line::Meeting(m)
                if m.documents
                    .iter()
                    .flat_map(|d| &d.renditions)
                    .any(|r| r.doc_id == doc_id) =>
            {
                Some(m)
            }
            _ => None,
        }))
    }

    /// Meetings, documents, renditions and files, per municipality and body.
    pub fn meeting_stats(&self) -> Result<MeetingStats, ArchiveError> {
        let g = self.grouping()?;
        let unknown = || referat_indexer::UNKNOWN.to_string();
        let mut rows: BTreeMap<(String, String), MeetingCounts> = BTreeMap::new();
        let mut total = MeetingCounts::default();
        let add = |c: &mut MeetingCounts, meetings: u64, docs: &[Document], loose: bool| {
            c.meetings += meetings;
            c.documents += docs.len() as u64;
            if loose {
                c.loose_documents += docs.len() as u64;
            }
            for d in docs {
                c.renditions += d.renditions.len() as u64;
                c.files += d
                    .renditions
                    .iter()
                    .map(|r| r.paths.len() as u64)
                    .sum::<u64>();
            }
        };
        for m in &g.meetings {
            let key = (
                m.municipality.clone().unwrap_or_else(unknown),
                m.body.clone().unwrap_or_else(unknown),
            );
            let row = rows.entry(key.clone()).or_default();
            add(row, 1, &m.documents, false);
            add(&mut total, 1, &m.documents, false);
        }
        for d in &g.loose {
            let key = (
                d.municipality.clone().unwrap_or_else(unknown),
                d.body.clone().unwrap_or_else(unknown),
            );
            let row = rows.entry(key).or_default();
            add(row, 0, std::slice::from_ref(d), true);
            add(&mut total, 0, std::slice::from_ref(d), true);
        }
        Ok(MeetingStats {
            total,
            by_municipality_body: rows
                .into_iter()
                .map(|((municipality, body), mut c)| {
                    c.municipality = municipality;
                    c.body = body;
                    c
                })
                .collect(),
        })
    }

    /// Lists under each hit the other documents and renditions of its
    /// meeting (or, for a meeting-less document, its other renditions),
    /// with their kind.
    pub(crate) fn add_related(&self, results: &mut SearchResults) {
        let ids: Vec<&str> = results
            .hits
            .iter()
            .map(|h| h.meeting_id.as_deref().unwrap_or(h.doc_id.as_str()))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        if ids.is_empty() {
            return;
        }
        let lines = self.meeting_lines(&ids).unwrap_or_else(|| {
            let needles: Vec<String> = results
                .hits
                .iter()
                .map(|h| match h.meeting_id.as_deref() {
                    Some(id) => format!("\"meeting_id\":\"{id}\""),
                    None => format!("\"doc_id\":\"{}\"", h.doc_id),
                })
                .collect();
            read_lines(&self.dir, MEETINGS_FILE, |l| {
                needles.iter().any(|n| l.contains(n.as_str()))
            })
            .unwrap_or_default()
        });
        let mut meetings: HashMap<String, Meeting> = HashMap::new();
        let mut loose: HashMap<String, std::rc::Rc<Document>> = HashMap::new();
        for line in lines {
            match line {
                Line::Meeting(m) => {
                    meetings.insert(m.meeting_id.clone(), m);
                }
                Line::Loose(d) => {
                    let d = std::rc::Rc::new(d);
                    for r in &d.renditions {
                        loose.insert(r.doc_id.clone(), d.clone());
                    }
                }
            }
        }
        for hit in results.hits.iter_mut() {
            let documents: &[Document] = match hit.meeting_id.as_deref() {
                Some(id) => match meetings.get(id) {
                    Some(m) => &m.documents,
                    None => continue,
                },
                None => match loose.get(&hit.doc_id) {
                    Some(d) => std::slice::from_ref(&**d),
                    None => continue,
                },
            };
            let own = documents
                .iter()
                .find(|d| d.renditions.iter().any(|r| r.doc_id == hit.doc_id));
            for d in documents {
                let same_document = own.is_some_and(|o| o.document_id == d.document_id);
                for r in &d.renditions {
                    for path in &r.paths {
                        if r.doc_id == hit.doc_id && *path == hit.source_path {
                            continue;
                        }
                        hit.related.push(Related {
                            doc_id: r.doc_id.clone(),
                            kind: if same_document {
                                "rendition".to_string()
                            } else {
                                d.kind.as_str().to_string()
                            },
                            format: r.format.as_str().to_string(),
                            source_path: path.clone(),
                        });
                    }
                }
            }
        }
    }
}
