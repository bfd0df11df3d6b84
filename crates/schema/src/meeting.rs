use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{DocType, Format, Item};

/// One meeting of a council or committee, with every archived document of
/// it: the minutes, the agenda, single-item exports and attachments, each
/// with its renditions (the same text as PDF, DOCX, HTML …).
///
/// A meeting is identified by its municipality, body and date (and start
/// time when one body met twice that day); documents without those fields
/// join it only on strong evidence (near-identical text, a decision line
/// stating the meeting, a case number or title among its items, a link from
/// its HTML page), never by file name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meeting {
    /// Stable id: the first 16 hex digits of a SHA-256 of the normalised
    /// municipality, body, date (and start time when needed). The same id
    /// as every record, search hit and export row of the meeting carries.
    pub meeting_id: String,
    /// The municipality, e.g. "Ballerup".
    pub municipality: Option<String>,
    /// The council or committee.
    pub body: Option<String>,
    /// Date of the meeting, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Start time `HH:MM`, given only when it tells two meetings of one body
    /// on one day apart.
    pub start_time: Option<String>,
    /// The meeting's documents: minutes first, then the agenda, single-item
    /// exports, attachments and the rest.
    pub documents: Vec<Document>,
    /// The meeting's agenda items as an export gives them: the minutes'
    /// items, then the items the minutes lack from the agenda and from
    /// single-item exports (the minutes win where they disagree; decisions
    /// exist only in minutes). Empty where only the grouping is stored.
    #[serde(default)]
    pub items: Vec<MeetingItem>,
}

/// One document: near-identical renditions of one text (e.g. the same
/// minutes as PDF, DOCX and HTML), the best (most complete record) first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// The record id of the best rendition.
    pub document_id: String,
    /// What the document is to its meeting.
    pub kind: DocumentKind,
    /// The document type of the best rendition.
    pub doc_type: DocType,
    /// The title of the best rendition.
    #[serde(default)]
    pub title: Option<String>,
    /// Municipality, as the best rendition states it.
    pub municipality: Option<String>,
    /// Body, as the best rendition states it.
    pub body: Option<String>,
    /// Date, as the best rendition states it, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The renditions, best first.
    pub renditions: Vec<Rendition>,
}

/// One rendition of a document: one set of bytes, at one or more paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Rendition {
    /// The record id (from the bytes).
    pub doc_id: String,
    /// The format read from the content.
    pub format: Format,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Every path with these bytes, sorted.
    pub paths: Vec<String>,
}

/// What a document is to its meeting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The minutes (referat).
    Minutes,
    /// The agenda (dagsorden).
    Agenda,
    /// A single-item export: one item of the meeting with its decision.
    Item,
    /// An attachment (bilag), joined by a case number, title or link.
    Attachment,
    /// A memo (notat).
    Memo,
    /// Anything else.
    Other,
}

impl DocumentKind {
    /// The name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Minutes => "minutes",
            DocumentKind::Agenda => "agenda",
            DocumentKind::Item => "item",
            DocumentKind::Attachment => "attachment",
            DocumentKind::Memo => "memo",
            DocumentKind::Other => "other",
        }
    }

    /// Whether the document's items are the meeting's agenda items (an
    /// attachment's or memo's numbered parts are not).
    pub fn carries_meeting_items(self) -> bool {
        matches!(
            self,
            DocumentKind::Minutes | DocumentKind::Agenda | DocumentKind::Item
        )
    }
}

/// One agenda item of a meeting, with the document it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MeetingItem {
    /// The document the item was read from (its best rendition's record id).
    pub document_id: String,
    /// What that document is to the meeting.
    pub document_kind: DocumentKind,
    /// The item.
    #[serde(flatten)]
    pub item: Item,
}
