//! The common schema for Danish municipal minutes, version 1.
//!
//! Every format reader in `referat-parser` produces a [`Record`]; the indexer,
//! the CLI and users' scripts read it. The JSON field names are a contract:
//! they change only with [`SCHEMA_VERSION`]. What a document does not say is
//! `null` or empty, never invented.
//!
//! The JSON Schema generated from these types is checked in as
//! `crates/schema/record.schema.json`; [`json_schema`] regenerates it and a test
//! fails when the two disagree. A [`Meeting`] (a meeting with its documents
//! and their renditions, as `referat export --by meeting` writes it) has its
//! own, `crates/schema/meeting.schema.json` ([`meeting_json_schema`]).
//!
//! ```
//! use referat_schema::{DocType, Record, Source, Format};
//!
//! let mut record = Record::empty(Source {
//!     path: "corpus/albertslund/2019-04-01.docx".into(),
//!     format: Format::Docx,
//!     sha256: "00".repeat(32),
//!     bytes: 1024,
//!     pages: None,
//!     producer: Some("LibreOffice".into()),
//!     ocr: None,
//!     links: Vec::new(),
//! });
//! record.municipality = Some("Albertslund".into());
//! record.doc_type = DocType::Referat;
//! let json = serde_json::to_string(&record).unwrap();
//! assert!(json.contains("\"doc_type\":\"referat\""));
//! let back: Record = serde_json::from_str(&json).unwrap();
//! assert_eq!(back, record);
//! ```

mod meeting;
mod person;
mod record;

pub use meeting::{Document, DocumentKind, Meeting, MeetingItem, Rendition};
pub use person::{Person, PersonSummary};
pub use record::{DocType, Format, Item, Ocr, Record, Section, SectionKind, Source, Status};

/// The version written into every record's `schema_version`.
pub const SCHEMA_VERSION: &str = "1";

/// The JSON Schema (draft 2020-12) of [`Record`], pretty-printed, as checked in.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Record);
    // Serialising a schemars schema cannot fail: it is plain JSON values.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// The JSON Schema (draft 2020-12) of [`Meeting`] (what `referat export
/// --by meeting` writes), pretty-printed, as checked in as
/// `crates/schema/meeting.schema.json`.
pub fn meeting_json_schema() -> String {
    let schema = schemars::schema_for!(Meeting);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
