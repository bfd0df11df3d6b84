//! People across documents: one person, many spellings.
//!
//! Minutes name people inconsistently: full names in attendee lists, first
//! names in the text, and spellings that change from year to year ("Nina
//! Gustavsen" / "Nina Gustavussen", "René Meyrowitsch" / "Rene", "Helge Bo
//! Jensen" / "Helge Bo" / "Helgo Bo"). This crate reads the people the parser
//! found in each [`Record`](referat_schema::Record) and resolves them into
//! [`ResolvedPerson`]s, each with its spellings, roles, meetings attended and
//! missed, minutes taken, mentions, first and last seen, and every merge with
//! its rule and confidence.
//!
//! # Rules
//!
//! - Names are resolved only within one municipality. A record that names
//!   no municipality keeps its people to itself.
//! - Two different names in the header lists of one record (attendees,
//!   absent, guests, minute taker, author) are two people, whatever else
//!   matches: "Mette Andersen" and "Mette Jensen" both attend.
//! - Accents and case do not matter ("René" = "Rene").
//! - Full names: the same first name and one later name within a small edit
//!   distance (Damerau–Levenshtein, same first letter; 1 edit up to seven
//!   letters, 2 from eight: "Gustavsen" / "Gustavussen"); or a first name one
//!   edit off when it is not itself a known given name ("Helgo" for
//!   "Helge"; never "Lise" / "Lisa"); or a middle name left out.
//! - Short forms (a first name, or first and middle names) join the one full
//!   name they can mean: in the same document first, else among the names of
//!   the same body in the municipality. With two candidates nothing merges
//!   ("Søren" beside "Søren Olsen" and "Søren Hvid Karsten"). A first name
//!   matches only the same first name: "Lise" never means "Lisbeth".
//! - A shared body, role and period raise a merge's confidence; different
//!   bodies lower it.
//! - Renditions of one meeting (the same municipality, body, date and
//!   document type, e.g. its PDF and its web page) count as one meeting.
//!
//! # The aliases file
//!
//! Researchers pin or split merges in `aliases.toml` beside the index
//! ([`Aliases::load_beside_index`]):
//!
//! ```toml
//! # These spellings are one person (joined whatever the rules say).
//! [[same]]
//! names = ["Rene", "René Meyrowitsch"]
//! municipality = "Albertslund"   # optional; without it: within each municipality
//! name = "René Meyrowitsch"      # optional: the name to show
//!
//! # These are never one person (the rules may not join them).
//! [[different]]
//! names = ["Lise", "Lisbeth Andersen"]
//! municipality = "Albertslund"   # optional
//! ```
//!
//! Names compare case- and accent-insensitively, and match any spelling a
//! document uses. A merge from the file has `source: "aliases.toml"`.
//!
//! # Example
//!
//! ```
//! use referat_people::{resolve, Aliases};
//! # let records: Vec<referat_schema::Record> = Vec::new();
//! let resolution = resolve(&records, &Aliases::none());
//! for person in &resolution.persons {
//!     println!("{} ({:?}): {} meetings", person.name, person.municipality, person.attended.len());
//! }
//! ```

mod aliases;
mod build;
pub mod distance;
mod model;
pub mod names;
mod observe;
mod resolve;

pub use aliases::{AliasError, AliasGroup, Aliases, ALIASES_FILE};
pub use model::{MeetingRef, Merge, Resolution, ResolvedPerson, RoleSeen, Variant};
pub use resolve::{resolve, Resolver};

/// The persons that `name` can mean: every person called so (by any
/// spelling, case- and accent-insensitively), optionally only in one
/// municipality.
pub fn find<'p>(
    persons: &'p [ResolvedPerson],
    name: &str,
    municipality: Option<&str>,
) -> Vec<&'p ResolvedPerson> {
    let municipality = municipality.map(names::fold);
    persons
        .iter()
        .filter(|p| {
            municipality.is_none() || p.municipality.as_deref().map(names::fold) == municipality
        })
        .filter(|p| p.is_called(name))
        .collect()
}

/// The JSON Schema (draft 2020-12) of `referat persons --json`: an array of
/// [`ResolvedPerson`], pretty-printed, as checked in at
/// `crates/people/persons.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Vec<ResolvedPerson>);
    // Serialising a schemars schema cannot fail: it is plain JSON values.
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
