use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Person, PersonSummary, SCHEMA_VERSION};

/// One document: a meeting's minutes or agenda, or a memo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// Always [`SCHEMA_VERSION`] for records written by this version.
    pub schema_version: String,
    /// Stable id: the first 16 hex digits of the file's SHA-256.
    pub id: String,
    /// The meeting this document belongs to: a stable id derived from the
    /// normalised municipality, body and date (and start time when one body
    /// met twice that day), the same for the meeting's agenda, minutes,
    /// renditions and attachments. Null when the document states no meeting
    /// and nothing ties it to one. Set when the document is archived
    /// (`referat-archive`); the parser leaves it null.
    #[serde(default)]
    pub meeting_id: Option<String>,
    /// The document this record is a rendition of (the record id of its
    /// best rendition), when that is another record and the document
    /// belongs to no meeting: search then shows the renditions of one
    /// meeting-less text as one hit. Null otherwise (a record is its own
    /// document, or its meeting ties it to the others). Set by
    /// `referat-archive`; the parser leaves it null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    /// Where the record came from.
    pub source: Source,
    /// The municipality, e.g. "Aalborg".
    pub municipality: Option<String>,
    /// The council or committee, e.g. "Udsatterådet".
    pub body: Option<String>,
    /// What kind of document this is.
    pub doc_type: DocType,
    /// The document's title as it states it.
    pub title: Option<String>,
    /// Meeting date (or a memo's date), ISO 8601 `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Start time, `HH:MM`.
    pub start_time: Option<String>,
    /// End time, `HH:MM`.
    pub end_time: Option<String>,
    /// Where the meeting took place.
    pub location: Option<String>,
    /// Who attended (Deltagere / Til stede / Medlemmer).
    pub attendees: Vec<Person>,
    /// Who sent apologies (Afbud / Fraværende).
    pub absent: Vec<Person>,
    /// Absent without notice (U/afbud).
    pub absent_without_notice: Vec<Person>,
    /// Guests (Gæst / Gæster).
    pub guests: Vec<Person>,
    /// Who took the minutes (Referent).
    pub minute_taker: Option<Person>,
    /// A memo's author (Fra).
    pub author: Option<Person>,
    /// A memo's recipients (Til).
    #[serde(default)]
    pub recipients: Vec<String>,
    /// A memo's copy recipients (Kopi til).
    #[serde(default)]
    pub copy_to: Vec<String>,
    /// The document's case number (Sagsnr.), if filled in.
    #[serde(default)]
    pub case_number: Option<String>,
    /// Agenda items in document order.
    pub items: Vec<Item>,
    /// Everyone named in the document.
    pub persons: Vec<PersonSummary>,
    /// The clean full text: no site navigation, page furniture or template
    /// placeholders.
    pub text: String,
    /// What the parser could not determine, in words.
    pub warnings: Vec<String>,
}

impl Record {
    /// A record that knows only its source: everything else null or empty.
    pub fn empty(source: Source) -> Self {
        let id = source.sha256.chars().take(16).collect();
        Record {
            schema_version: SCHEMA_VERSION.to_string(),
            id,
            meeting_id: None,
            document_id: None,
            source,
            municipality: None,
            body: None,
            doc_type: DocType::Other,
            title: None,
            date: None,
            start_time: None,
            end_time: None,
            location: None,
            attendees: Vec::new(),
            absent: Vec::new(),
            absent_without_notice: Vec::new(),
            guests: Vec::new(),
            minute_taker: None,
            author: None,
            recipients: Vec::new(),
            copy_to: Vec::new(),
            case_number: None,
            items: Vec::new(),
            persons: Vec::new(),
            text: String::new(),
            warnings: Vec::new(),
        }
    }
}

/// The file a record was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given to the parser.
    pub path: String,
    /// The format detected from the content (not the file name).
    pub format: Format,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// Number of pages (PDF only).
    pub pages: Option<u32>,
    /// The producing software from the file's metadata, where present.
    pub producer: Option<String>,
    /// How much of the text was read by OCR from scanned page images; null
    /// when every page had a usable text layer (and for DOCX and HTML).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Ocr>,
    /// The documents an HTML page links to (`<a href>` to a PDF, DOCX or
    /// .doc file, as written in the page): a meeting page's links to its
    /// attachments. Empty for other formats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

/// What OCR did for a document whose pages (some or all) were scanned
/// images without a usable text layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ocr {
    /// The 1-based pages whose text was read by OCR.
    pub pages: Vec<u32>,
    /// The OCR engine's mean word confidence over those pages, 0–100; null
    /// when no page was OCR'd.
    pub confidence: Option<f32>,
    /// Pages that need OCR but were not OCR'd (no OCR engine installed,
    /// OCR turned off, or the time budget ran out): their text is missing.
    pub missing: Vec<u32>,
}

/// A source format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Portable Document Format.
    Pdf,
    /// Office Open XML word-processing document.
    Docx,
    /// Legacy Word 97–2003 binary document (an OLE compound file).
    Doc,
    /// A web page.
    Html,
}

impl Format {
    /// The lower-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Html => "html",
        }
    }
}

/// What kind of document a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DocType {
    /// Minutes of a meeting.
    Referat,
    /// An agenda.
    Dagsorden,
    /// A memo.
    Notat,
    /// Anything else.
    Other,
}

impl DocType {
    /// The lower-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Referat => "referat",
            DocType::Dagsorden => "dagsorden",
            DocType::Notat => "notat",
            DocType::Other => "other",
        }
    }
}

/// One agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// The item's number as the document gives it, or its position (1-based)
    /// when the document numbers nothing.
    pub number: u32,
    /// The title as written; null for an untitled item (never invented).
    pub title: Option<String>,
    /// Open or closed item, if the document says.
    pub status: Option<Status>,
    /// The item's case number (e.g. "EMN-2025-01234"), if given.
    #[serde(default)]
    pub case_number: Option<String>,
    /// The item's labelled sections in order.
    pub sections: Vec<Section>,
    /// Names mentioned in the item.
    pub persons: Vec<String>,
    /// ISO dates mentioned in the item.
    pub dates: Vec<String>,
}

/// Whether an item was discussed in open or closed session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Status {
    /// Åben: open.
    #[serde(rename = "åben")]
    Open,
    /// Lukket: closed.
    #[serde(rename = "lukket")]
    Closed,
}

/// A labelled part of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// What the label says the section is.
    pub kind: SectionKind,
    /// The label as written ("Beslutning:", "Indstilling"), if any.
    pub heading: Option<String>,
    /// The section's text.
    pub text: String,
}

/// The kinds of labelled section in Danish minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// Sagsfremstilling: the case as presented.
    Sagsfremstilling,
    /// Indstilling: the recommendation.
    Indstilling,
    /// Beslutning / Beslutninger: the decision.
    Beslutning,
    /// Orientering: information.
    Orientering,
    /// Resume: summary.
    Resume,
    /// Anything else (Sagsforløb, Bilag, unlabelled text).
    Other,
}

impl SectionKind {
    /// The lower-case name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Sagsfremstilling => "sagsfremstilling",
            SectionKind::Indstilling => "indstilling",
            SectionKind::Beslutning => "beslutning",
            SectionKind::Orientering => "orientering",
            SectionKind::Resume => "resume",
            SectionKind::Other => "other",
        }
    }
}
