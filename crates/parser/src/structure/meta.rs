//! What a document is and whose: its council or committee, its type and
//! its municipality.

use std::path::Path;

use referat_schema::DocType;

use super::lexicon::{fold_for_path, MUNICIPALITY_NAMES};

const COUNCIL_ENDINGS: &[&str] = &[
    "rådet",
    "råd",
    "udvalget",
    "udvalg",
    "nævnet",
    "nævn",
    "bestyrelsen",
    "repræsentationen",
    "magistraten",
];

/// Whether a word names a council or committee ("Udsatterådet",
/// "Byråd", "Socialudvalget", "Kommunalbestyrelsen").
pub fn is_council_word(word: &str) -> bool {
    let w = word.to_lowercase();
    w.chars().count() >= 4 && COUNCIL_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// The council or committee a line names: a council word with the
/// capitalised words before it ("Aarhus Byråd", "Teknisk Udvalg",
/// "Sundheds- og Socialudvalget").
///
/// ```
/// use referat_parser::structure::meta::body_in;
/// assert_eq!(body_in("27. maj 2024 - referat fra Udsatterådet").as_deref(), Some("Udsatterådet"));
/// assert_eq!(body_in("REFERAT Aarhus Byråd d. 27-08-2025").as_deref(), Some("Aarhus Byråd"));
/// assert_eq!(body_in("Mødet med Sundheds- og Socialudvalget den 23. maj").as_deref(), Some("Sundheds- og Socialudvalget"));
/// ```
pub fn body_in(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let end = words.iter().position(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_uppercase) && is_council_word(w)
    })?;
    let mut start = end;
    while start > 0 {
        let prev = words[start - 1];
        let capital = prev.chars().next().is_some_and(char::is_uppercase);
        let all_caps = prev
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if prev == "og" && start >= 2 && words[start - 2].ends_with('-') {
            start -= 2;
            continue;
        }
        if capital && !all_caps && !prev.ends_with([',', '.', ':']) && !is_council_word(prev) {
            start -= 1;
            continue;
        }
        break;
    }
    let body = words[start..=end].join(" ");
    Some(
        body.trim_matches(|c: char| !c.is_alphanumeric())
            .to_string(),
    )
}

/// The most frequent council name in running text.
pub fn most_named_body(text: &str) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for line in text.lines() {
        for sentence in line.split(['.', ',', ';', '(', ')']) {
            if let Some(body) = body_in(sentence) {
                match counts.iter_mut().find(|(b, _)| *b == body) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((body, 1)),
                }
            }
        }
    }
    // The first of the most frequent: ties go to the earlier mention.
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(b, _)| b)
}

/// The document type from what it calls itself, or from what it contains.
pub fn doc_type(
    words: &[DocType],
    title: Option<&str>,
    furniture: &str,
    has_memo_fields: bool,
    has_decisions: bool,
) -> DocType {
    let said = |text: &str| {
        let t = text.to_lowercase();
        if t.contains("referat") {
            Some(DocType::Referat)
        } else if t.contains("dagsorden") {
            Some(DocType::Dagsorden)
        } else if t.contains("notat") {
            Some(DocType::Notat)
        } else {
            None
        }
    };
    if let Some(w) = words.first() {
        return *w;
    }
    if has_memo_fields {
        return DocType::Notat;
    }
    if let Some(t) = title.and_then(said) {
        return t;
    }
    // A running header "Referat" or a title line in site chrome.
    for line in furniture.lines() {
        if line.split_whitespace().count() <= 6 {
            if let Some(t) = said(line) {
                return t;
            }
        }
    }
    if has_decisions {
        DocType::Referat
    } else {
        DocType::Other
    }
}

/// Where a municipality name was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// "X Kommune" in the publisher's own page furniture or letterhead.
    Publisher,
    /// A folder or file name in the path.
    Path,
    /// Named in the running text.
    Text,
}

/// The municipality and where it came from: the publisher's own "X
/// Kommune" in page furniture first, then the path (`corpus/aalborg/…`),
/// then the text's "X Kommune" mentions and bare names, most frequent first.
pub fn municipality(furniture: &str, path: &Path, text: &str) -> Option<(String, Evidence)> {
    if let Some(m) = best_in(furniture, true) {
        return Some((m, Evidence::Publisher));
    }
    // Each path part split into words, with neighbours joined too, so that
    // "hoeje-taastrup" and "aarhus-byraad-2025" both name their municipality.
    let folded: Vec<String> = path
        .iter()
        .map(|c| c.to_string_lossy().to_lowercase())
        .flat_map(|c| {
            let words: Vec<String> = c
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(fold_for_path)
                .collect();
            let pairs: Vec<String> = words.windows(2).map(|w| w.concat()).collect();
            words.into_iter().chain(pairs).collect::<Vec<_>>()
        })
        .collect();
    // Later path parts are more specific: the file name or its folder.
    for part in folded.iter().rev() {
        if let Some(m) = MUNICIPALITY_NAMES
            .iter()
            .find(|m| fold_for_path(m) == *part && part.len() >= 3)
        {
            return Some((m.to_string(), Evidence::Path));
        }
    }
    best_in(text, false).map(|m| (m, Evidence::Text))
}

fn best_in(text: &str, kommune_only: bool) -> Option<String> {
    let mut best: Option<(&str, usize)> = None;
    for name in MUNICIPALITY_NAMES.iter() {
        let kommune = count_word(text, &format!("{name} Kommune"))
            + count_word(text, &format!("{name}s Kommune"))
            + count_word(text, &format!("{name}s Regionskommune"));
        let bare = if kommune_only {
            0
        } else {
            count_word(text, name)
        };
        let score = kommune * 3 + bare;
        if score > 0 && best.is_none_or(|(_, s)| score > s) {
            best = Some((name, score));
        }
    }
    best.map(|(n, _)| n.to_string())
}

/// Occurrences of `needle` as whole words.
fn count_word(text: &str, needle: &str) -> usize {
    text.match_indices(needle)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publisher_beats_path_beats_text() {
        let m = municipality(
            "Gladsaxe Kommune\nRådhus Allé 7",
            Path::new("x/aalborg/a.html"),
            "",
        );
        assert_eq!(m, Some(("Gladsaxe".into(), Evidence::Publisher)));
        let m = municipality(
            "",
            Path::new("corpus/gladsaxe/a.docx"),
            "fra Ballerup Kommune",
        );
        assert_eq!(m, Some(("Gladsaxe".into(), Evidence::Path)));
        let m = municipality(
            "",
            Path::new("a.docx"),
            "i Albertslund og Albertslund Kommune",
        );
        assert_eq!(m, Some(("Albertslund".into(), Evidence::Text)));
    }

    #[test]
    fn path_names_fold_danish_letters() {
        let m = municipality("", Path::new("arkiv/hoeje-taastrup/2020/x.pdf"), "");
        assert_eq!(m.map(|m| m.0).as_deref(), Some("Høje-Taastrup"));
        let m = municipality(
            "",
            Path::new("real/aarhus-byraad-2025-08-27-referat.pdf"),
            "",
        );
        assert_eq!(m.map(|m| m.0).as_deref(), Some("Aarhus"));
    }

    #[test]
    fn words_inside_other_words_do_not_count() {
        assert_eq!(count_word("Vejlebo Vejle", "Vejle"), 1);
    }

    #[test]
    fn doc_type_from_running_header_or_content() {
        assert_eq!(
            doc_type(&[], None, "Referat\nSide 1 af 6", false, false),
            DocType::Referat
        );
        assert_eq!(doc_type(&[], None, "", false, true), DocType::Referat);
        assert_eq!(doc_type(&[], None, "", true, false), DocType::Notat);
        assert_eq!(
            doc_type(&[], Some("Dagsorden for mødet"), "", false, false),
            DocType::Dagsorden
        );
    }
}
