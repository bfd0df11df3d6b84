//! The labels Danish minutes use for header fields ("Forum:", "Afbud"),
//! sections ("Beslutning:") and item status ("Åben"). Matching is on the
//! label alone, case-insensitive, with or without a trailing colon.

use referat_schema::Status;

/// A header field of a meeting or memo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderField {
    /// Forum / Udvalg: the council or committee.
    Body,
    /// Tid / Mødedato / Dato: date and time.
    When,
    /// Sted / Mødested.
    Place,
    /// Deltagere / Til stede / Medlemmer.
    Attendees,
    /// Afbud / Fraværende.
    Absent,
    /// U/afbud.
    AbsentWithoutNotice,
    /// Referent.
    MinuteTaker,
    /// Gæst / Gæster.
    Guests,
    /// Til (memo).
    Recipients,
    /// Kopi til (memo).
    CopyTo,
    /// Fra (memo).
    Author,
    /// Sagsnr.
    CaseNumber,
}

impl HeaderField {
    /// Whether the field holds a list of persons.
    pub fn is_person_list(self) -> bool {
        matches!(
            self,
            HeaderField::Attendees
                | HeaderField::Absent
                | HeaderField::AbsentWithoutNotice
                | HeaderField::Guests
        )
    }

    /// Whether the field belongs to a memo's header (Til / Kopi til / Fra).
    pub fn is_memo_field(self) -> bool {
        matches!(
            self,
            HeaderField::Recipients | HeaderField::CopyTo | HeaderField::Author
        )
    }

    /// Whether a bare label line without a colon is enough to recognise it.
    /// Short everyday words ("Til", "Fra", "Tid") need the colon or a table
    /// cell, or they would match running text.
    fn stands_alone(self) -> bool {
        !matches!(
            self,
            HeaderField::Recipients | HeaderField::Author | HeaderField::When | HeaderField::CopyTo
        )
    }
}

const HEADER_LABELS: &[(&str, HeaderField)] = &[
    ("forum", HeaderField::Body),
    ("mødeforum", HeaderField::Body),
    ("udvalg", HeaderField::Body),
    ("råd", HeaderField::Body),
    ("tid", HeaderField::When),
    ("tidspunkt", HeaderField::When),
    ("mødetid", HeaderField::When),
    ("mødetidspunkt", HeaderField::When),
    ("mødedato", HeaderField::When),
    ("dato", HeaderField::When),
    ("dato og tid", HeaderField::When),
    ("sted", HeaderField::Place),
    ("mødested", HeaderField::Place),
    ("mødelokale", HeaderField::Place),
    ("lokale", HeaderField::Place),
    ("deltagere", HeaderField::Attendees),
    ("deltager", HeaderField::Attendees),
    ("mødedeltagere", HeaderField::Attendees),
    ("til stede", HeaderField::Attendees),
    ("tilstede", HeaderField::Attendees),
    ("til stede var", HeaderField::Attendees),
    ("medlemmer", HeaderField::Attendees),
    ("fremmødte", HeaderField::Attendees),
    ("afbud", HeaderField::Absent),
    ("afbud fra", HeaderField::Absent),
    ("meldt afbud", HeaderField::Absent),
    ("fraværende", HeaderField::Absent),
    ("fravær", HeaderField::Absent),
    ("u/afbud", HeaderField::AbsentWithoutNotice),
    ("u/ afbud", HeaderField::AbsentWithoutNotice),
    ("uden afbud", HeaderField::AbsentWithoutNotice),
    ("udeblevet", HeaderField::AbsentWithoutNotice),
    ("referent", HeaderField::MinuteTaker),
    ("referatskriver", HeaderField::MinuteTaker),
    ("gæst", HeaderField::Guests),
    ("gæster", HeaderField::Guests),
    ("desuden deltog", HeaderField::Guests),
    ("til", HeaderField::Recipients),
    ("modtager", HeaderField::Recipients),
    ("kopi til", HeaderField::CopyTo),
    ("kopi", HeaderField::CopyTo),
    ("fra", HeaderField::Author),
    ("afsender", HeaderField::Author),
    ("sagsnr", HeaderField::CaseNumber),
    ("sagsnummer", HeaderField::CaseNumber),
    ("sag nr", HeaderField::CaseNumber),
    ("j.nr", HeaderField::CaseNumber),
    ("journalnr", HeaderField::CaseNumber),
];

/// The most words any label of this file has ("til stede var").
const MAX_LABEL_WORDS: usize = 3;

/// Lower-case a label and strip its trailing colon and full stop; `None`
/// for a line too long to be any label, which spares lower-casing every
/// paragraph of a document.
fn label_key(label: &str) -> Option<String> {
    let words: Vec<&str> = label
        .trim()
        .trim_end_matches([':', '.', ' '])
        .split_whitespace()
        .take(MAX_LABEL_WORDS + 1)
        .collect();
    (words.len() <= MAX_LABEL_WORDS).then(|| words.join(" ").to_lowercase())
}

/// The header field a table cell or a label line names, if any. `has_colon`
/// or `in_cell` says the text was clearly set off as a label.
pub fn header_field(label: &str, clearly_a_label: bool) -> Option<HeaderField> {
    let key = label_key(label)?;
    let field = HEADER_LABELS
        .iter()
        .find(|(l, _)| *l == key)
        .map(|(_, f)| *f)?;
    (clearly_a_label || label.trim_end().ends_with(':') || field.stands_alone()).then_some(field)
}

/// Split "Label: value" into its field, label and value. The value may be
/// empty ("Afbud:" with the names on the next lines).
///
/// ```
/// use referat_parser::structure::labels::{split_header_line, HeaderField};
/// let (field, label, value) = split_header_line("Forum: Udsatterådet").unwrap();
/// assert_eq!((field, label, value), (HeaderField::Body, "Forum:", "Udsatterådet"));
/// assert!(split_header_line("Til det kommende fællesmøde").is_none());
/// ```
pub fn split_header_line(line: &str) -> Option<(HeaderField, &str, &str)> {
    let colon = line.find(':')?;
    let (label, rest) = line.split_at(colon + 1);
    // A label is short: at most three words before the colon.
    if label.split_whitespace().count() > 3 {
        return None;
    }
    let field = header_field(label, true)?;
    Some((field, label.trim(), rest.trim()))
}

/// "Åben" / "Lukket" markers, alone or with a title after a colon
/// ("Lukket: Ejendomshandel"). Returns the status and any title.
pub fn status_marker(line: &str) -> Option<(Status, &str)> {
    let line = line.trim();
    // Every marker starts with å or l: only these characters lower-case to
    // them (the Ångström sign too). Most lines stop here, unallocated.
    if !line.starts_with(['å', 'Å', '\u{212B}', 'l', 'L']) {
        return None;
    }
    let (head, rest) = match line.find(':') {
        Some(i) => (&line[..i], line[i + 1..].trim()),
        None => (line, ""),
    };
    let status = match label_key(head)?.as_str() {
        "åben" | "åbent" | "åbent punkt" | "åben sag" => Status::Open,
        "lukket" | "lukket punkt" | "lukket sag" => Status::Closed,
        _ => return None,
    };
    Some((status, rest))
}

/// A heading that groups items rather than being one: "Beslutningspunkter",
/// "Orienteringspunkter", "Lukkede punkter".
pub fn is_group_heading(line: &str) -> bool {
    label_key(line).is_some_and(|key| key.ends_with("punkter"))
}

/// The document-type words that a title or running header may be alone.
pub fn doc_type_word(line: &str) -> Option<referat_schema::DocType> {
    use referat_schema::DocType;
    match label_key(line)?.as_str() {
        "referat" | "beslutningsreferat" | "mødereferat" => Some(DocType::Referat),
        "dagsorden" | "mødeindkaldelse" => Some(DocType::Dagsorden),
        "notat" => Some(DocType::Notat),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_characters_lower_case_to_the_markers_first_letters() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.to_lowercase()
                .next()
                .is_some_and(|l| l == 'å' || l == 'l')
            {
                assert!(['å', 'Å', '\u{212B}', 'l', 'L'].contains(&c), "{c:?}");
            }
        }
    }

    #[test]
    fn header_labels_in_every_form() {
        assert_eq!(
            header_field("Deltagere:", false),
            Some(HeaderField::Attendees)
        );
        assert_eq!(header_field("Afbud fra", false), Some(HeaderField::Absent));
        assert_eq!(
            header_field("U/afbud:", false),
            Some(HeaderField::AbsentWithoutNotice)
        );
        assert_eq!(header_field("Sagsnr.", true), Some(HeaderField::CaseNumber));
        assert_eq!(header_field("Mødested", false), Some(HeaderField::Place));
    }

    #[test]
    fn everyday_words_need_a_colon_or_a_cell() {
        assert_eq!(header_field("Til", false), None);
        assert_eq!(header_field("Til", true), Some(HeaderField::Recipients));
        assert_eq!(header_field("Fra:", false), Some(HeaderField::Author));
    }

    #[test]
    fn long_text_before_a_colon_is_no_label() {
        assert!(split_header_line("Der var følgende bemærkninger til deltagere: x").is_none());
        let (f, _, v) = split_header_line("Referent: Carina Kofoed").unwrap();
        assert_eq!((f, v), (HeaderField::MinuteTaker, "Carina Kofoed"));
    }

    #[test]
    fn status_markers() {
        assert_eq!(status_marker("Åben"), Some((Status::Open, "")));
        assert_eq!(
            status_marker("Lukket: Salg af grund"),
            Some((Status::Closed, "Salg af grund"))
        );
        assert_eq!(status_marker("Åbningstider"), None);
    }

    #[test]
    fn group_headings() {
        assert!(is_group_heading("Beslutningspunkter"));
        assert!(is_group_heading("Lukkede punkter"));
        assert!(!is_group_heading(
            "Punkter til næste ordinære møde er mange"
        ));
    }
}
