//! The tantivy schema: one document per record ("doc") and one per agenda
//! item ("item"), sharing the record's metadata fields.

use referat_schema::SectionKind;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::analysis;
use crate::roles::PersonRole;

/// Value of the `kind` field for a whole-document entry.
pub const KIND_DOC: &str = "doc";
/// Value of the `kind` field for an agenda-item entry.
pub const KIND_ITEM: &str = "item";

/// Every section kind, in schema order (one pair of fields each).
pub const SECTION_KINDS: [SectionKind; 6] = [
    SectionKind::Sagsfremstilling,
    SectionKind::Indstilling,
    SectionKind::Beslutning,
    SectionKind::Orientering,
    SectionKind::Resume,
    SectionKind::Other,
];

/// The text fields of one section kind: stemmed (stored, for snippets),
/// exact, lemmas and the ASCII-folded fallback.
#[derive(Clone, Copy, Debug)]
pub struct SectionFields {
    /// Which section kind.
    pub kind: SectionKind,
    /// Stemmed and decompounded, stored.
    pub stemmed: Field,
    /// Exact (normalised, not stemmed).
    pub exact: Field,
    /// Lemmas of words and compound pieces.
    pub lemma: Field,
    /// Exact words folded to ASCII (low-weight fallback).
    pub folded: Field,
}

/// Handles to every field of the index schema.
#[derive(Clone, Debug)]
pub struct Fields {
    /// "doc" or "item".
    pub kind: Field,
    /// 1 for an item entry, 0 for a document entry (fast, for collectors).
    pub is_item: Field,
    /// The record id.
    pub doc_id: Field,
    /// A 64-bit hash of the record id (fast, to group items with their document).
    pub doc_key: Field,
    /// The meeting id, where the record has one (stored, for hits).
    pub meeting_id: Field,
    /// A 64-bit hash of the meeting id, or of the record id for a record
    /// without a meeting (fast, to give one hit per meeting).
    pub meeting_key: Field,
    /// The item number (item entries only).
    pub item: Field,
    /// Municipality, body, doc type and format: lower-case keys for
    /// filtering, raw values in the fast column for counting.
    pub municipality: Field,
    /// See `municipality`.
    pub body: Field,
    /// See `municipality`.
    pub doc_type: Field,
    /// See `municipality`.
    pub format: Field,
    /// Meeting date at midnight UTC (indexed, fast, stored).
    pub date: Field,
    /// Year of the date.
    pub year: Field,
    /// Person names, normalised but not accent-folded.
    pub person: Field,
    /// Person names, case- and accent-folded.
    pub person_fold: Field,
    /// First word of each person name, folded.
    pub person_first: Field,
    /// Person names by role in the record, folded as `person_fold`.
    pub person_roles: Vec<(PersonRole, Field)>,
    /// Record title (doc) or item title (item), stored only.
    pub title: Field,
    /// Full text (doc) or item title and sections (item): stemmed, stored.
    pub text: Field,
    /// The same text, exact.
    pub text_exact: Field,
    /// The same text, lemmas of words and compound pieces.
    pub text_lemma: Field,
    /// The same text, folded to ASCII (low-weight fallback).
    pub text_folded: Field,
    /// The same text as word pairs ([`analysis::pairs`]): quoted phrases
    /// of the full text are looked up here (no positions needed).
    pub text_pairs: Field,
    /// Per-section-kind text fields (item entries only).
    pub sections: Vec<SectionFields>,
    /// The source path as given (indexed raw, fast, stored).
    pub source_path: Field,
    /// SHA-256 of the source file.
    pub sha256: Field,
    /// The whole record as JSON (doc entries only).
    pub record: Field,
}

impl Fields {
    /// The fields of a section kind.
    pub fn section(&self, kind: SectionKind) -> Option<SectionFields> {
        self.sections.iter().copied().find(|s| s.kind == kind)
    }

    /// The person-name field of a role.
    pub fn person_role(&self, role: PersonRole) -> Option<Field> {
        self.person_roles
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, f)| *f)
    }
}

fn text_field(analyzer: &str, stored: bool) -> TextOptions {
    let options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    if stored {
        options.set_stored()
    } else {
        options
    }
}

fn key_field() -> TextOptions {
    TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::KEY)
                .set_index_option(IndexRecordOption::Basic),
        )
        .set_stored()
        .set_fast("raw")
}

/// Builds the schema and the field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let kind = b.add_text_field("kind", STRING | STORED);
    let is_item = b.add_u64_field("is_item", FAST);
    let doc_id = b.add_text_field("doc_id", STRING | STORED);
    let doc_key = b.add_u64_field("doc_key", FAST);
    let meeting_id = b.add_text_field("meeting_id", STRING | STORED);
    let meeting_key = b.add_u64_field("meeting_key", FAST);
    let item = b.add_u64_field("item", NumericOptions::default() | INDEXED | STORED | FAST);
    let municipality = b.add_text_field("municipality", key_field());
    let body = b.add_text_field("body", key_field());
    let doc_type = b.add_text_field("doc_type", key_field());
    let format = b.add_text_field("format", key_field());
    let date = b.add_date_field(
        "date",
        DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds),
    );
    let year = b.add_u64_field("year", INDEXED | FAST | STORED);
    let person = b.add_text_field("person", text_field(analysis::EXACT, false));
    let person_fold = b.add_text_field("person_fold", text_field(analysis::PERSON, false));
    let person_first = b.add_text_field("person_first", text_field(analysis::PERSON, false));
    let person_roles = PersonRole::ALL
        .iter()
        .map(|&role| {
            let name = format!("person_{}", role.as_str().replace('-', "_"));
            (
                role,
                b.add_text_field(&name, text_field(analysis::PERSON, false)),
            )
        })
        .collect();
    let title = b.add_text_field("title", STORED);
    let text = b.add_text_field("text", text_field(analysis::STEMMED, true));
    let text_exact = b.add_text_field("text_exact", text_field(analysis::EXACT, false));
    let text_lemma = b.add_text_field("text_lemma", text_field(analysis::LEMMA, false));
    let text_folded = b.add_text_field("text_folded", text_field(analysis::FOLDED, false));
    let text_pairs = b.add_text_field(
        "text_pairs",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::PAIRS)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    let sections = SECTION_KINDS
        .iter()
        .map(|&kind| SectionFields {
            kind,
            stemmed: b.add_text_field(
                &format!("section_{}", kind.as_str()),
                text_field(analysis::STEMMED, true),
            ),
            exact: b.add_text_field(
                &format!("section_{}_exact", kind.as_str()),
                text_field(analysis::EXACT, false),
            ),
            lemma: b.add_text_field(
                &format!("section_{}_lemma", kind.as_str()),
                text_field(analysis::LEMMA, false),
            ),
            folded: b.add_text_field(
                &format!("section_{}_folded", kind.as_str()),
                text_field(analysis::FOLDED, false),
            ),
        })
        .collect();
    let source_path = b.add_text_field("source_path", STRING | STORED | FAST);
    let sha256 = b.add_text_field("sha256", STRING | STORED);
    let record = b.add_text_field("record", STORED);
    let fields = Fields {
        kind,
        is_item,
        doc_id,
        doc_key,
        meeting_id,
        meeting_key,
        item,
        municipality,
        body,
        doc_type,
        format,
        date,
        year,
        person,
        person_fold,
        person_first,
        person_roles,
        title,
        text,
        text_exact,
        text_lemma,
        text_folded,
        text_pairs,
        sections,
        source_path,
        sha256,
        record,
    };
    (b.build(), fields)
}
