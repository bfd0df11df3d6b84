//! The Danish words the pages show for the schema's and the index's
//! values: data, one table per kind of value.

use referat_archive::PersonRole;
use serde::Serialize;

use crate::params::{DOC_TYPES, SECTIONS};

/// A value as the URL holds it and as the page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Choice {
    /// The value in the URL (the CLI's word).
    pub value: &'static str,
    /// The Danish label.
    pub label: &'static str,
}

/// Danish names of the person roles.
const ROLE_LABELS: [(PersonRole, &str); 7] = [
    (PersonRole::Attended, "deltog"),
    (PersonRole::Absent, "fraværende"),
    (PersonRole::Chair, "formand"),
    (PersonRole::MinuteTaker, "referent"),
    (PersonRole::Author, "forfatter"),
    (PersonRole::Guest, "gæst"),
    (PersonRole::Mentioned, "nævnt"),
];

/// Danish headings of the section kinds, by their schema word.
const SECTION_LABELS: [(&str, &str); 6] = [
    ("beslutning", "Beslutning"),
    ("indstilling", "Indstilling"),
    ("sagsfremstilling", "Sagsfremstilling"),
    ("orientering", "Orientering"),
    ("resume", "Resumé"),
    ("other", "Andet afsnit"),
];

/// Danish names of the document types, by their schema word.
const DOC_TYPE_LABELS: [(&str, &str); 4] = [
    ("referat", "Referat"),
    ("dagsorden", "Dagsorden"),
    ("notat", "Notat"),
    ("other", "Andet"),
];

fn label(table: &[(&'static str, &'static str)], value: &str) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, l)| l)
}

/// The role filter's choices.
pub fn roles() -> Vec<Choice> {
    ROLE_LABELS
        .iter()
        .map(|(r, l)| Choice {
            value: r.as_str(),
            label: l,
        })
        .collect()
}

/// The section filter's choices.
pub fn sections() -> Vec<Choice> {
    SECTIONS
        .iter()
        .map(|k| Choice {
            value: k.as_str(),
            label: label(&SECTION_LABELS, k.as_str()),
        })
        .collect()
}

/// The document type filter's choices.
pub fn doc_types() -> Vec<Choice> {
    DOC_TYPES
        .iter()
        .map(|d| Choice {
            value: d.as_str(),
            label: label(&DOC_TYPE_LABELS, d.as_str()),
        })
        .collect()
}

/// Percent-encodes `s` as one URL path segment (every byte but letters,
/// digits, `-`, `_` and `~`; dots too, so that ".." stays a name), so a name
/// or id can never add or remove a segment.
pub fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_has_a_danish_label() {
        for c in roles().iter().chain(&sections()).chain(&doc_types()) {
            assert!(!c.label.is_empty(), "{} has no label", c.value);
        }
    }

    #[test]
    fn a_path_segment_cannot_climb_or_split() {
        assert_eq!(path_segment("../etc/passwd"), "%2E%2E%2Fetc%2Fpasswd");
        assert_eq!(path_segment("René Ø"), "Ren%C3%A9%20%C3%98");
    }
}
