//! Files into documents, documents into meetings.
//!
//! A researcher counts meetings and decisions, not files. A meeting is
//! identified by its municipality, body and date (and start time when one
//! body met twice that day); its id is derived from those fields,
//! normalised, so it is the same on every run and machine. Files join a
//! meeting on their own fields or on strong evidence only:
//!
//! - the same bytes at two paths are one rendition with two paths;
//! - near-identical text (the same minutes as PDF, DOCX and HTML) makes
//!   renditions of one document, and a file without meeting fields joins the
//!   meeting of the file it is a rendition of;
//! - a single-item export states its meeting in its decision line
//!   ("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012
//!   Punkt 3");
//! - an attachment's case number (Sagsnr.) or title found among the items of
//!   exactly one meeting.
//!
//! Nothing else joins: not file names, not shared standing items (two
//! meetings of one body on different dates are never merged), and never a
//! reference that fits several meetings. The grouping is a pure function of
//! [`FileSummary`]s, small per-file digests made when a file is ingested.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use referat_schema::{DocType, Format, Record, SectionKind};
pub use referat_schema::{Document, DocumentKind, Meeting, Rendition};
use regex::Regex;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Number of MinHash values kept per file.
pub const MINHASHES: usize = 24;
/// Values per LSH band (so `MINHASHES / BAND` bands): two files whose
/// shingle sets are 70 % alike share a band with probability above 0.99.
const BAND: usize = 3;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Least estimated resemblance of two renditions of one document when
/// nothing else ties them (a file without meeting fields and its match).
/// Renditions of one text differ only in what each format lets the reader
/// recover (page furniture, a table read as lines), far less than this.
pub const SAME_TEXT: f64 = 0.7;
/// Least resemblance of two files of one meeting and one document type to
/// count as renditions of one document (their meeting already ties them).
pub const SAME_TEXT_IN_MEETING: f64 = 0.5;
/// Fewest words in a title matched against item titles: short titles
/// ("Meddelelser", "Eventuelt") are standing items of every meeting.
const TITLE_MIN_WORDS: usize = 4;

/// What the grouping needs to know of one file, made at ingest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileSummary {
    /// The record id (from the bytes).
    pub doc_id: String,
    /// The stored source path.
    pub path: String,
    /// The format read from the content.
    pub format: Format,
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// Municipality, as the record states it.
    pub municipality: Option<String>,
    /// Body, as the record states it.
    pub body: Option<String>,
    /// Date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Start time, `HH:MM`.
    pub start_time: Option<String>,
    /// Document type.
    pub doc_type: DocType,
    /// The title.
    pub title: Option<String>,
    /// The document's own case number and its items' case numbers.
    pub case_numbers: Vec<String>,
    /// Item titles, normalised (for attachments found by title).
    pub item_titles: Vec<String>,
    /// The meeting a decision line states (single-item exports).
    pub stated: Option<StatedMeeting>,
    /// Number of items.
    pub items: usize,
    /// How much the record recovered: the best rendition is shown.
    pub completeness: usize,
    /// MinHash of the text's word shingles.
    pub minhash: Vec<u32>,
    /// The meeting id written into the index for this file.
    pub indexed_meeting: Option<String>,
    /// The file names (lower case) of the documents an HTML page links to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Pages of the file whose text was read by OCR (0: none).
    #[serde(default)]
    pub ocr_pages: u32,
    /// Mean OCR word confidence (0–100) over those pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f32>,
    /// The document id written into the index for this file (set only for
    /// a rendition of a meeting-less document that is not its best one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indexed_document: Option<String>,
}

/// A meeting stated by a decision line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedMeeting {
    /// The body, genitive -s removed.
    pub body: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// Why a file is where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Its own municipality, body and date.
    OwnFields,
    /// The same bytes as another path.
    SameBytes,
    /// Near-identical text to a file of the meeting.
    Rendition,
    /// An agenda or minutes of a meeting whose other one is here too.
    AgendaMinutesPair,
    /// Its decision line states the meeting.
    StatedMeeting,
    /// Its case number is among the items of exactly one meeting.
    CaseNumber,
    /// Its title is an item title of exactly one meeting.
    ItemTitle,
    /// An HTML page of exactly one meeting links to it by its file name.
    Link,
    /// No meeting fields and no strong evidence: a document of its own.
    NoMeeting,
}

impl Reason {
    /// The reason in words.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::OwnFields => "own meeting fields",
            Reason::SameBytes => "same bytes at another path",
            Reason::Rendition => "rendition (near-identical text)",
            Reason::AgendaMinutesPair => "agenda/minutes pair",
            Reason::StatedMeeting => "meeting stated in its decision line",
            Reason::CaseNumber => "case number in the meeting's items",
            Reason::ItemTitle => "title is an item of the meeting",
            Reason::Link => "linked from the meeting's HTML page",
            Reason::NoMeeting => "no meeting fields, no strong evidence",
        }
    }
}

/// One file's grouping decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The file.
    pub path: String,
    /// Its record id.
    pub doc_id: String,
    /// The meeting it belongs to.
    pub meeting_id: Option<String>,
    /// The document it is a rendition of.
    pub document_id: String,
    /// Why.
    pub reason: Reason,
    /// The evidence, in words.
    pub detail: String,
}

impl Decision {
    /// The document id the file's record carries in the index: that of the
    /// best rendition when the file is another rendition of a meeting-less
    /// document (so that search shows the document once), else none (its
    /// meeting, or its own id, ties its entries together).
    pub fn indexed_document(&self) -> Option<&str> {
        (self.meeting_id.is_none() && self.document_id != self.doc_id)
            .then_some(self.document_id.as_str())
    }
}

/// The whole archive grouped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Grouping {
    /// Meetings, by municipality, body and date.
    pub meetings: Vec<Meeting>,
    /// Documents that belong to no meeting.
    pub loose: Vec<Document>,
    /// One decision per file (path).
    pub decisions: Vec<Decision>,
}

impl Grouping {
    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.meeting_id == id)
    }

    /// The final meeting id of every path, and the document id its record
    /// carries (see [`Decision::indexed_document`]).
    pub fn meeting_of_paths(&self) -> HashMap<&str, (Option<&str>, Option<&str>)> {
        self.decisions
            .iter()
            .map(|d| {
                (
                    d.path.as_str(),
                    (d.meeting_id.as_deref(), d.indexed_document()),
                )
            })
            .collect()
    }
}

/// Lower case, NFC, whitespace collapsed, trailing punctuation dropped: the
/// form in which two spellings of one field compare equal.
pub fn normalise(s: &str) -> String {
    let s: String = s.nfc().collect::<String>().to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| c.is_ascii_punctuation() && c != '-')
        .to_string()
}

/// The meeting id of these fields: the first 16 hex digits of a SHA-256 of
/// the normalised municipality, body, date and (when given) start time.
pub fn meeting_id(municipality: &str, body: &str, date: &str, start_time: Option<&str>) -> String {
    let mut h = Sha256::new();
    h.update(b"referat-meeting-v1\n");
    for part in [municipality, body, date] {
        h.update(normalise(part).as_bytes());
        h.update(b"\n");
    }
    if let Some(t) = start_time {
        h.update(normalise(t).as_bytes());
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The meeting id a record's own fields give (without the start time, which
/// only the whole archive can tell is needed), if it states all three.
pub fn own_meeting_id(record: &Record) -> Option<String> {
    match (&record.municipality, &record.body, &record.date) {
        (Some(m), Some(b), Some(d)) => Some(meeting_id(m, b, d, None)),
        _ => None,
    }
}

fn decision_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // "<Body>s beslutning den DD.MM.YYYY": how single-item exports of
    // Danish minutes (e.g. Ballerup's) state the meeting of the decision;
    // the genitive -s of the body name is dropped.
    RE.get_or_init(|| {
        Regex::new(
            r"(?m)^[ \t]*(\p{Lu}[\p{L}\- ]{2,80}?)s beslutning den (\d{1,2})\.[ ]?(\d{1,2})\.[ ]?(\d{4})",
        )
        .unwrap_or_else(|_| unreachable!("the pattern is a constant"))
    })
}

/// The meeting a decision line states; with several, the latest (earlier
/// ones are the case's history).
pub fn stated_meeting(text: &str) -> Option<StatedMeeting> {
    // The pattern needs this literal: most texts are passed over without
    // running it.
    if !text.contains("s beslutning den ") {
        return None;
    }
    decision_line()
        .captures_iter(text)
        .filter_map(|c| {
            let body = c.get(1)?.as_str().trim().to_string();
            let day: u32 = c.get(2)?.as_str().parse().ok()?;
            let month: u32 = c.get(3)?.as_str().parse().ok()?;
            let year: u32 = c.get(4)?.as_str().parse().ok()?;
            ((1..=31).contains(&day) && (1..=12).contains(&month)).then(|| StatedMeeting {
                body,
                date: format!("{year:04}-{month:02}-{day:02}"),
            })
        })
        .max_by(|a, b| a.date.cmp(&b.date))
}

/// FNV-1a of a word's lower-case UTF-8 bytes, without allocating.
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// MinHash of the text's word shingles (letters and digits, lower case).
/// Each word is hashed once, then each shingle once per MinHash value.
pub fn minhash(text: &str) -> Vec<u32> {
    let mut mins = vec![u32::MAX; MINHASHES];
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    let mut shingle = |parts: &[u64]| {
        let mut h = 0u64;
        for p in parts {
            h = (h ^ p).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        for (i, m) in mins.iter_mut().enumerate() {
            let seed = (i as u64 + 1).wrapping_mul(0xd6e8_feb8_6659_fd93);
            let v = ((h ^ seed).wrapping_mul(0xff51_afd7_ed55_8ccd | 1) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    };
    if words.len() < SHINGLE_WORDS {
        if !words.is_empty() {
            shingle(&words);
        }
    } else {
        for w in words.windows(SHINGLE_WORDS) {
            shingle(w);
        }
    }
    mins
}

/// Estimated resemblance of two texts from their MinHashes.
pub fn resemblance(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() || a.iter().all(|&v| v == u32::MAX) {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

impl FileSummary {
    /// The digest of a parsed record.
    pub fn of(record: &Record) -> FileSummary {
        let mut case_numbers: Vec<String> = record.case_number.iter().cloned().collect();
        case_numbers.extend(record.items.iter().filter_map(|i| i.case_number.clone()));
        let case_numbers: Vec<String> = case_numbers
            .iter()
            .map(|c| normalise(c))
            .filter(|c| !c.is_empty())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let filled = [
            &record.municipality,
            &record.body,
            &record.date,
            &record.start_time,
            &record.end_time,
            &record.location,
            &record.title,
        ]
        .iter()
        .filter(|f| f.is_some())
        .count();
        let sections: usize = record.items.iter().map(|i| i.sections.len()).sum();
        let decisions = record
            .items
            .iter()
            .flat_map(|i| &i.sections)
            .filter(|s| s.kind == SectionKind::Beslutning)
            .count();
        let people = [
            record.attendees.len(),
            record.absent.len(),
            record.guests.len(),
        ]
        .iter()
        .filter(|&&n| n > 0)
        .count()
            + usize::from(record.minute_taker.is_some());
        let text: std::borrow::Cow<'_, str> = if record.text.trim().is_empty() {
            record
                .items
                .iter()
                .map(referat_indexer::document::item_text)
                .collect::<Vec<_>>()
                .join("\n")
                .into()
        } else {
            record.text.as_str().into()
        };
        FileSummary {
            doc_id: record.id.clone(),
            path: record.source.path.clone(),
            format: record.source.format,
            sha256: record.source.sha256.clone(),
            municipality: record.municipality.clone(),
            body: record.body.clone(),
            date: record.date.clone(),
            start_time: record.start_time.clone(),
            doc_type: record.doc_type,
            title: record.title.clone(),
            case_numbers,
            item_titles: record
                .items
                .iter()
                .filter_map(|i| i.title.as_deref().map(normalise))
                .filter(|t| t.split_whitespace().count() >= TITLE_MIN_WORDS)
                .collect(),
            stated: stated_meeting(&text),
            items: record.items.len(),
            completeness: filled + people + record.items.len() + sections + decisions,
            minhash: minhash(&text),
            indexed_meeting: record.meeting_id.clone(),
            indexed_document: record.document_id.clone(),
            links: record
                .source
                .links
                .iter()
                .map(|l| referat_parser::links::file_name(l))
                .filter(|n| !n.is_empty())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            ocr_pages: record
                .source
                .ocr
                .as_ref()
                .map_or(0, |o| u32::try_from(o.pages.len()).unwrap_or(u32::MAX)),
            ocr_confidence: record.source.ocr.as_ref().and_then(|o| o.confidence),
        }
    }
}

/// A meeting key: normalised municipality, body, date, start time.
type Key = (String, String, String, Option<String>);

fn key_id(k: &Key) -> String {
    meeting_id(&k.0, &k.1, &k.2, k.3.as_deref())
}

/// Renditions being grouped: one per distinct SHA-256.
struct Rend<'a> {
    /// The summary of the first path.
    file: &'a FileSummary,
    paths: Vec<String>,
    key: Option<Key>,
    reason: Reason,
    detail: String,
}

fn compatible(file: &FileSummary, key: &Key) -> bool {
    let same = |mine: &Option<String>, theirs: &str| {
        mine.as_deref()
            .is_none_or(|m| normalise(m) == normalise(theirs))
    };
    same(&file.municipality, &key.0) && same(&file.body, &key.1) && same(&file.date, &key.2)
}

fn kind_of(doc_type: DocType, reason: Reason, file: &FileSummary) -> DocumentKind {
    match reason {
        Reason::CaseNumber | Reason::ItemTitle | Reason::Link => return DocumentKind::Attachment,
        _ => {}
    }
    if file.stated.is_some() && file.items <= 1 {
        return DocumentKind::Item;
    }
    match doc_type {
        DocType::Referat => DocumentKind::Minutes,
        DocType::Dagsorden => DocumentKind::Agenda,
        DocType::Notat => DocumentKind::Memo,
        DocType::Other => DocumentKind::Other,
    }
}

fn band_keys(minhash: &[u32]) -> impl Iterator<Item = (usize, u64)> + '_ {
    minhash.chunks(BAND).enumerate().map(|(i, band)| {
        let mut h = 0u64;
        for v in band {
            h = (h ^ u64::from(*v)).wrapping_mul(0x0100_0000_01b3);
        }
        (i, h)
    })
}

fn union_find_root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups files into renditions, documents and meetings (see the module
/// documentation for the rules). Deterministic: the same files give the
/// same grouping, whatever their order.
pub fn group(files: &[FileSummary]) -> Grouping {
    // Same bytes: one rendition, several paths.
    let mut by_sha: BTreeMap<&str, Vec<&FileSummary>> = BTreeMap::new();
    for f in files {
        by_sha.entry(f.sha256.as_str()).or_default().push(f);
    }
    let mut rends: Vec<Rend> = by_sha
        .into_values()
        .filter_map(|mut fs| {
            fs.sort_by(|a, b| a.path.cmp(&b.path));
            let file = *fs.first()?;
            Some(Rend {
                file,
                paths: fs.iter().map(|f| f.path.clone()).collect(),
                key: None,
                reason: Reason::NoMeeting,
                detail: String::new(),
            })
        })
        .collect();

    // Own fields; a start time only where one body met twice that day.
    let base = |f: &FileSummary| -> Option<Key> {
        Some((
            normalise(f.municipality.as_deref()?),
            normalise(f.body.as_deref()?),
            normalise(f.date.as_deref()?),
            None,
        ))
    };
    let mut times: HashMap<Key, BTreeSet<String>> = HashMap::new();
    for r in &rends {
        if let (Some(k), Some(t)) = (base(r.file), &r.file.start_time) {
            times.entry(k).or_default().insert(normalise(t));
        }
    }
    let split = |k: &Key| times.get(k).is_some_and(|t| t.len() > 1);
    for r in rends.iter_mut() {
        let Some(mut k) = base(r.file) else { continue };
        if split(&k) {
            match &r.file.start_time {
                Some(t) => k.3 = Some(normalise(t)),
                // Which of that day's meetings is not said: decided below,
                // by evidence, like a file without meeting fields.
                None => continue,
            }
        }
        r.key = Some(k);
        r.reason = Reason::OwnFields;
    }

    // Evidence tables over the files with their own meeting.
    let mut bands: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let mut by_case: HashMap<&str, BTreeSet<Key>> = HashMap::new();
    let mut by_title: HashMap<&str, BTreeSet<Key>> = HashMap::new();
    let mut by_link: HashMap<&str, BTreeSet<Key>> = HashMap::new();
    for (i, r) in rends.iter().enumerate() {
        let Some(k) = &r.key else { continue };
        for l in &r.file.links {
            by_link.entry(l.as_str()).or_default().insert(k.clone());
        }
        for b in band_keys(&r.file.minhash) {
            bands.entry(b).or_default().push(i);
        }
        for c in &r.file.case_numbers {
            by_case.entry(c.as_str()).or_default().insert(k.clone());
        }
        for t in &r.file.item_titles {
            by_title.entry(t.as_str()).or_default().insert(k.clone());
        }
    }
    let keyed: Vec<Option<Key>> = rends.iter().map(|r| r.key.clone()).collect();
    for i in 0..rends.len() {
        if keyed[i].is_some() {
            continue;
        }
        let file = rends[i].file;
        let tables = Evidence {
            keyed: &keyed,
            rends: &rends,
            bands: &bands,
            by_case: &by_case,
            by_title: &by_title,
            by_link: &by_link,
        };
        let found = join_by_evidence(file, &rends[i].paths, &tables, &split);
        if let Some((k, reason, detail)) = found {
            let r = &mut rends[i];
            r.key = Some(k);
            r.reason = reason;
            r.detail = detail;
        }
    }

    // Documents: renditions of one meeting and one document type with
    // near-identical text; loose files likewise among themselves.
    let n = rends.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut by_key: BTreeMap<Option<Key>, Vec<usize>> = BTreeMap::new();
    for (i, r) in rends.iter().enumerate() {
        by_key.entry(r.key.clone()).or_default().push(i);
    }
    for (key, members) in &by_key {
        if key.is_some() {
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    let (fa, fb) = (rends[a].file, rends[b].file);
                    if fa.doc_type == fb.doc_type
                        && resemblance(&fa.minhash, &fb.minhash) >= SAME_TEXT_IN_MEETING
                    {
                        let (ra, rb) = (
                            union_find_root(&mut parent, a),
                            union_find_root(&mut parent, b),
                        );
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
            }
        } else {
            let mut loose_bands: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
            for &a in members {
                for b in band_keys(&rends[a].file.minhash) {
                    loose_bands.entry(b).or_default().push(a);
                }
            }
            for bucket in loose_bands.values() {
                for (x, &a) in bucket.iter().enumerate() {
                    for &b in &bucket[x + 1..] {
                        let (fa, fb) = (rends[a].file, rends[b].file);
                        if fa.doc_type == fb.doc_type
                            && resemblance(&fa.minhash, &fb.minhash) >= SAME_TEXT
                        {
                            let (ra, rb) = (
                                union_find_root(&mut parent, a),
                                union_find_root(&mut parent, b),
                            );
                            parent[ra.max(rb)] = ra.min(rb);
                        }
                    }
                }
            }
        }
    }
    let mut docs: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = union_find_root(&mut parent, i);
        docs.entry(root).or_default().push(i);
    }

    let format_rank = |f: Format| match f {
        Format::Pdf => 0,
        Format::Docx => 1,
        Format::Doc => 2,
        Format::Html => 3,
    };
    let mut meetings: BTreeMap<Key, Vec<(Document, usize)>> = BTreeMap::new();
    let mut loose = Vec::new();
    let mut decisions = Vec::new();
    for mut members in docs.into_values() {
        members.sort_by(|&a, &b| {
            let (fa, fb) = (rends[a].file, rends[b].file);
            fb.completeness
                .cmp(&fa.completeness)
                .then(format_rank(fa.format).cmp(&format_rank(fb.format)))
                .then(fa.path.cmp(&fb.path))
        });
        let Some(&best) = members.first() else {
            continue;
        };
        let best_rend = &rends[best];
        let document_id = best_rend.file.doc_id.clone();
        let key = best_rend.key.clone();
        let meeting = key.as_ref().map(key_id);
        let doc = Document {
            document_id: document_id.clone(),
            kind: kind_of(best_rend.file.doc_type, best_rend.reason, best_rend.file),
            doc_type: best_rend.file.doc_type,
            title: best_rend.file.title.clone(),
            municipality: best_rend.file.municipality.clone(),
            body: best_rend.file.body.clone(),
            date: best_rend.file.date.clone(),
            renditions: members
                .iter()
                .map(|&i| Rendition {
                    doc_id: rends[i].file.doc_id.clone(),
                    format: rends[i].file.format,
                    sha256: rends[i].file.sha256.clone(),
                    paths: rends[i].paths.clone(),
                })
                .collect(),
        };
        for (pos, &i) in members.iter().enumerate() {
            let r = &rends[i];
            for (p, path) in r.paths.iter().enumerate() {
                let (reason, detail) = if p > 0 {
                    (Reason::SameBytes, format!("same bytes as {}", r.paths[0]))
                } else if pos > 0 && r.reason != Reason::Rendition {
                    (
                        Reason::Rendition,
                        format!(
                            "near-identical text to {} ({})",
                            best_rend.paths[0],
                            best_rend.file.format.as_str()
                        ),
                    )
                } else {
                    (r.reason, r.detail.clone())
                };
                decisions.push(Decision {
                    path: path.clone(),
                    doc_id: r.file.doc_id.clone(),
                    meeting_id: meeting.clone(),
                    document_id: document_id.clone(),
                    reason,
                    detail,
                });
            }
        }
        match key {
            Some(k) => meetings.entry(k).or_default().push((doc, best)),
            None => loose.push(doc),
        }
    }

    let mut out_meetings = Vec::new();
    for (key, mut docs) in meetings {
        docs.sort_by(|a, b| {
            a.0.kind
                .cmp(&b.0.kind)
                .then(a.0.document_id.cmp(&b.0.document_id))
        });
        // Fields as the first document (the minutes, where there are any)
        // states them; a decision line only gives body and date.
        let first_rend = docs.first().map(|d| &rends[d.1]);
        let first = first_rend.map(|r| r.file);
        // A meeting known only from decision lines has their body and date,
        // not the body the parser guessed from an export's running text.
        let stated = first_rend
            .filter(|r| r.reason == Reason::StatedMeeting)
            .and_then(|r| r.file.stated.as_ref());
        let meeting_id = key_id(&key);
        let kinds: BTreeSet<DocumentKind> = docs.iter().map(|d| d.0.kind).collect();
        if kinds.contains(&DocumentKind::Minutes) && kinds.contains(&DocumentKind::Agenda) {
            for d in decisions.iter_mut() {
                if d.meeting_id.as_deref() == Some(&meeting_id)
                    && d.reason == Reason::OwnFields
                    && docs.iter().any(|x| {
                        x.0.document_id == d.document_id && x.0.kind == DocumentKind::Agenda
                    })
                {
                    d.reason = Reason::AgendaMinutesPair;
                    d.detail = "agenda of a meeting whose minutes are archived".into();
                }
            }
        }
        out_meetings.push(Meeting {
            meeting_id,
            municipality: first.and_then(|f| f.municipality.clone()),
            body: match stated {
                Some(s) => Some(s.body.clone()),
                None => first.and_then(|f| f.body.clone()),
            },
            date: match stated {
                Some(s) => Some(s.date.clone()),
                None => first.and_then(|f| f.date.clone()),
            },
            start_time: key.3.clone(),
            documents: docs.into_iter().map(|d| d.0).collect(),
            items: Vec::new(),
        });
    }
    decisions.sort_by(|a, b| a.path.cmp(&b.path));
    Grouping {
        meetings: out_meetings,
        loose,
        decisions,
    }
}

/// The tables of evidence over the files with their own meeting.
struct Evidence<'a> {
    keyed: &'a [Option<Key>],
    rends: &'a [Rend<'a>],
    bands: &'a HashMap<(usize, u64), Vec<usize>>,
    by_case: &'a HashMap<&'a str, BTreeSet<Key>>,
    by_title: &'a HashMap<&'a str, BTreeSet<Key>>,
    /// Linked file names, by the meetings whose pages link them.
    by_link: &'a HashMap<&'a str, BTreeSet<Key>>,
}

/// The file name of a path, lower case (as links are compared).
fn file_name(path: &str) -> String {
    path.rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

/// The meeting a file without its own meeting joins, on strong evidence.
fn join_by_evidence(
    file: &FileSummary,
    paths: &[String],
    e: &Evidence<'_>,
    split: &dyn Fn(&Key) -> bool,
) -> Option<(Key, Reason, String)> {
    let (keyed, rends, bands, by_case, by_title) =
        (e.keyed, e.rends, e.bands, e.by_case, e.by_title);
    // A decision line states body and date; the municipality is the file's.
    if let (Some(s), Some(m)) = (&file.stated, &file.municipality) {
        let k: Key = (normalise(m), normalise(&s.body), s.date.clone(), None);
        // The decision line names the body that decided: it outweighs a
        // body the parser took from the running text, not a stated date.
        let date_agrees = file.date.as_deref().is_none_or(|d| d == s.date);
        if date_agrees && !split(&k) {
            let detail = format!("\"{}s beslutning den {}\"", s.body, s.date);
            return Some((k, Reason::StatedMeeting, detail));
        }
    }
    // Near-identical text to files of exactly one meeting.
    let mut found: BTreeMap<Key, &str> = BTreeMap::new();
    for b in band_keys(&file.minhash) {
        for &j in bands.get(&b).into_iter().flatten() {
            if let Some(k) = &keyed[j] {
                let other = rends[j].file;
                if compatible(file, k) && resemblance(&file.minhash, &other.minhash) >= SAME_TEXT {
                    found.insert(k.clone(), other.path.as_str());
                }
            }
        }
    }
    if found.len() == 1 {
        let (k, path) = found.into_iter().next()?;
        return Some((
            k,
            Reason::Rendition,
            format!("near-identical text to {path}"),
        ));
    }
    if found.len() > 1 {
        return None;
    }
    // Linked by name from the HTML page of exactly one meeting, and not
    // contradicted by a meeting the file states itself.
    let names: BTreeSet<String> = paths.iter().map(|p| file_name(p)).collect();
    let linking: BTreeSet<&Key> = names
        .iter()
        .filter_map(|n| e.by_link.get(n.as_str()))
        .flatten()
        .filter(|k| compatible(file, k))
        .filter(|k| {
            file.stated
                .as_ref()
                .is_none_or(|s| s.date == k.2 && normalise(&s.body) == k.1)
        })
        .collect();
    if let [k] = linking.into_iter().collect::<Vec<_>>()[..] {
        let name = names.into_iter().next().unwrap_or_default();
        return Some((
            k.clone(),
            Reason::Link,
            format!("\"{name}\" is linked from the meeting's page"),
        ));
    }
    // A case number or title found among the items of exactly one meeting.
    let unique = |sets: Vec<&BTreeSet<Key>>| -> Option<Key> {
        let all: BTreeSet<&Key> = sets.into_iter().flatten().collect();
        let mut it = all.into_iter().filter(|k| compatible(file, k));
        let first = it.next()?;
        it.next().is_none().then(|| first.clone())
    };
    let cases: Vec<&BTreeSet<Key>> = file
        .case_numbers
        .iter()
        .filter_map(|c| by_case.get(c.as_str()))
        .collect();
    if !cases.is_empty() {
        let k = unique(cases)?;
        let detail = format!("case number {} in its items", file.case_numbers.join(", "));
        return Some((k, Reason::CaseNumber, detail));
    }
    let title = file.title.as_deref().map(normalise)?;
    if title.split_whitespace().count() < TITLE_MIN_WORDS {
        return None;
    }
    let k = unique(vec![by_title.get(title.as_str())?])?;
    Some((
        k,
        Reason::ItemTitle,
        format!("title \"{title}\" is one of its items"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_ignore_case_and_spacing() {
        let a = meeting_id(
            "Ballerup",
            "Sundheds- og Forebyggelsesudvalget",
            "2012-12-04",
            None,
        );
        let b = meeting_id(
            " ballerup",
            "sundheds-  og forebyggelsesudvalget.",
            "2012-12-04",
            None,
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(
            a,
            meeting_id(
                "Ballerup",
                "Sundheds- og Forebyggelsesudvalget",
                "2012-12-05",
                None
            )
        );
        assert_ne!(
            a,
            meeting_id(
                "Ballerup",
                "Sundheds- og Forebyggelsesudvalget",
                "2012-12-04",
                Some("16:00")
            )
        );
    }

    #[test]
    fn decision_line_states_body_and_latest_date() {
        let text = "Sagsnr.: 2012-31673\n\nSundheds- og Forebyggelsesudvalget den 30. maj 2012 Punkt 7\n\
                    Sundheds- og Forebyggelsesudvalgets beslutning den 30.05.2012 Punkt 7\nGodkendt.\n\
                    Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 4\nTaget til efterretning.";
        let s = stated_meeting(text).expect("a decision line");
        assert_eq!(s.body, "Sundheds- og Forebyggelsesudvalget");
        assert_eq!(s.date, "2012-12-04");
        assert_eq!(
            stated_meeting("Beslutning: godkendt den 4. december 2012"),
            None
        );
    }

    #[test]
    fn resemblance_separates_renditions_from_other_texts() {
        let base = "Udsatterådet drøftede skæve boliger og hjemløse i kommunen ".repeat(3)
            + "og besluttede at sende sagen videre til udvalget for social omsorg";
        let variant = format!("{base} Side 1 af 2");
        let other =
            "Kommunalbestyrelsen godkendte budgettet for det kommende år med ændringer i anlæg";
        assert!(resemblance(&minhash(&base), &minhash(&variant)) >= SAME_TEXT);
        assert!(resemblance(&minhash(&base), &minhash(other)) < 0.2);
        assert_eq!(resemblance(&minhash(""), &minhash("")), 0.0);
    }
}
