//! What resolution produces: one [`ResolvedPerson`] per person, as
//! `referat persons --json` prints it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One person across the documents of one municipality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolvedPerson {
    /// Stable id: the first 16 hex digits of the SHA-256 of the folded
    /// municipality and name. The same documents and aliases give the same id.
    pub id: String,
    /// The municipality; null when the documents do not say (such a person
    /// is never merged across documents).
    pub municipality: Option<String>,
    /// The name to show: the fullest spelling, preferring the one the
    /// documents list most (attendee lists over running text).
    pub name: String,
    /// The lowest confidence of the merges below (1 when nothing was merged).
    pub confidence: f32,
    /// Every spelling seen, most frequent first.
    pub variants: Vec<Variant>,
    /// Why the spellings are taken as one person.
    pub merges: Vec<Merge>,
    /// Roles the documents give the person ("formand", "referent",
    /// "talsperson", "chefkonsulent", …), attendance ("deltager", "afbud")
    /// left out: that is in `attended` and `absent`.
    pub roles: Vec<RoleSeen>,
    /// The councils and committees the person appears in.
    pub bodies: Vec<String>,
    /// Meetings the person attended (listed under Deltagere / Til stede).
    pub attended: Vec<MeetingRef>,
    /// Meetings the person sent apologies for (Afbud / Fraværende).
    pub absent: Vec<MeetingRef>,
    /// Meetings the person missed without notice (U/afbud).
    pub absent_without_notice: Vec<MeetingRef>,
    /// Meetings the person was a guest at.
    pub guest: Vec<MeetingRef>,
    /// Meetings the person took the minutes of.
    pub minutes_taken: Vec<MeetingRef>,
    /// Memos the person wrote.
    pub authored: Vec<MeetingRef>,
    /// Every meeting or memo the person appears in, in any way.
    pub appearances: Vec<MeetingRef>,
    /// How often the person is named, lists and running text, counting each
    /// meeting once however many files (PDF, DOCX, HTML) it exists in.
    pub mentions: u32,
    /// The earliest date the person appears, `YYYY-MM-DD`.
    pub first_seen: Option<String>,
    /// The latest date the person appears, `YYYY-MM-DD`.
    pub last_seen: Option<String>,
    /// Every record id the person appears in.
    pub doc_ids: Vec<String>,
}

/// One spelling of a person's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    /// The name as written.
    pub name: String,
    /// In how many meetings or memos it is written so.
    pub meetings: u32,
    /// Where it is written: "attendees", "absent", "absent_without_notice",
    /// "guests", "minute_taker", "author", "text".
    pub sources: Vec<String>,
    /// Earliest date seen.
    pub first_seen: Option<String>,
    /// Latest date seen.
    pub last_seen: Option<String>,
}

/// One merge of a spelling into a person, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The spelling merged in.
    pub from: String,
    /// The spelling it was merged with.
    pub into: String,
    /// The rule, as a short key: "accent", "same_document", "surname_spelling",
    /// "first_name_spelling", "middle_name_omitted", "short_form",
    /// "short_form_spelling", "aliases".
    pub rule: String,
    /// The reason in words, e.g. "same first name, surname 2 edits apart
    /// (Nina Gustavsen / Nina Gustavussen)".
    pub reason: String,
    /// How sure the merge is, 0–1.
    pub confidence: f32,
    /// "rule" or "aliases.toml".
    pub source: String,
}

/// A role and when the documents give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleSeen {
    /// The role, lower case, as written ("formand", "centerchef csi").
    pub role: String,
    /// In how many meetings or memos.
    pub meetings: u32,
    /// Earliest date.
    pub first_seen: Option<String>,
    /// Latest date.
    pub last_seen: Option<String>,
}

/// A meeting (or memo): the files that are renditions of it (the same
/// municipality, body, date and document type) count once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingRef {
    /// Meeting date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Council or committee.
    pub body: Option<String>,
    /// "referat", "dagsorden", "notat" or "other".
    pub doc_type: String,
    /// The record ids of its files.
    pub doc_ids: Vec<String>,
}

/// Everything a resolution run found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// The persons, by municipality and name.
    pub persons: Vec<ResolvedPerson>,
    /// What could not be applied, e.g. an alias naming nobody.
    pub warnings: Vec<String>,
}

impl ResolvedPerson {
    /// Whether `name` is this person's name or one of its spellings,
    /// case- and accent-insensitively.
    pub fn is_called(&self, name: &str) -> bool {
        let name = crate::names::fold(name);
        !name.is_empty()
            && (crate::names::fold(&self.name) == name
                || self
                    .variants
                    .iter()
                    .any(|v| crate::names::fold(&v.name) == name))
    }

    /// The distinct spellings (folded-distinct), the shown name first: what
    /// a search for this person looks for.
    pub fn spellings(&self) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        std::iter::once(&self.name)
            .chain(self.variants.iter().map(|v| &v.name))
            .filter(|n| seen.insert(crate::names::fold(n)))
            .cloned()
            .collect()
    }
}
