//! What a document is and whose: its council or committee, its type and
//! its municipality.

use std::path::Path;

use referat_schema::DocType;

use super::dates::{find_dates, FoundDate};
use super::lexicon::{
    fold_for_path, municipality_of_domain, municipality_of_path_word, MUNICIPALITY_NAMES,
};

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

/// A decision heading that names the meeting: "Sundheds- og
/// Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3" (eDoc),
/// "Beslutning i Udvalget for Teknik og Miljø den 20-06-2013" (Acadre),
/// "Byrådets beslutning d. 2. maj 2017". Returns the body it names, if any,
/// and the date. "Kommunalbestyrelsen den 30. januar 2012 Punkt 5" without
/// "beslutning" is a reference to an earlier meeting, not this.
///
/// ```
/// use referat_parser::structure::meta::decision_line;
/// let (body, date) = decision_line("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3").unwrap();
/// assert_eq!(body.as_deref(), Some("Sundheds- og Forebyggelsesudvalget"));
/// assert_eq!(date.iso(None).as_deref(), Some("2012-12-04"));
/// assert!(decision_line("Kommunalbestyrelsen den 30. januar 2012 Punkt 5").is_none());
/// ```
pub fn decision_line(line: &str) -> Option<(Option<String>, FoundDate)> {
    let t = line.trim();
    if !t.contains("eslutning") || t.split_whitespace().count() > 16 {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let at = words.iter().position(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w == "beslutning" || w == "afgørelse"
    })?;
    let dates = find_dates(t);
    let head_end: usize = words[..=at].iter().map(|w| w.len() + 1).sum();
    let date = *dates
        .iter()
        .find(|d| d.year.is_some() && d.start >= head_end.saturating_sub(1))?;
    // Between the decision word and the date only the body and "den" / "d."
    // may stand, or the line is running text that mentions a decision.
    let between = t
        .get(head_end.min(t.len())..date.start)
        .unwrap_or("")
        .trim();
    let between = between
        .trim_end_matches("den")
        .trim_end_matches("d.")
        .trim_end_matches(" d")
        .trim();
    let body = if at == 0 {
        // "Beslutning i Udvalget for Teknik og Miljø den …"
        let named = between
            .strip_prefix("i ")
            .or_else(|| between.strip_prefix("I "))
            .unwrap_or(between)
            .trim();
        if named.is_empty() {
            None
        } else if named.split_whitespace().any(is_council_word)
            && named.split_whitespace().count() <= 8
        {
            Some(named.to_string())
        } else {
            return None;
        }
    } else {
        if !between.is_empty() {
            return None;
        }
        // "Sundheds- og Forebyggelsesudvalgets": the genitive names the body.
        let before = words[..at].join(" ");
        let nominative = before.strip_suffix('s').unwrap_or(&before);
        match body_in(nominative) {
            // "Udvalgets beslutning": the committee, unnamed.
            Some(b) if matches!(b.to_lowercase().as_str(), "udvalget" | "udvalg") => None,
            Some(b) if nominative.ends_with(b.as_str()) => Some(b),
            _ => return None,
        }
    };
    Some((body, date))
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

/// Where a municipality name was found, strongest first. A municipality
/// only mentioned in running text ("erfaringer fra Ballerup Kommune") is
/// no evidence of who published the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// "X Kommune" in the publisher's own page furniture (running header
    /// or footer, site chrome).
    Publisher,
    /// The letterhead or sender in the document's opening lines: "X
    /// Kommune" on a line of its own, a postal address "NNNN X", an e-mail
    /// or web address of the municipality's domain.
    Letterhead,
    /// The council's own name: "Aarhus Byråd", "Byrådet i Aarhus".
    Body,
    /// A folder or file name in the path.
    Path,
}

impl Evidence {
    /// A short English description, for `--explain`.
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::Publisher => "\"X Kommune\" in the page furniture",
            Evidence::Letterhead => {
                "letterhead or sender (name, postal address, e-mail or web domain)"
            }
            Evidence::Body => "the council's own name",
            Evidence::Path => "the file's path",
        }
    }
}

/// How many opening content lines may hold a letterhead or sender block.
pub const LETTERHEAD_LINES: usize = 25;

/// The municipality and where it came from, strongest evidence first:
/// page furniture, the letterhead lines (`opening`: the first content
/// lines), the body's name, then the path (`corpus/aalborg/…`). Returns the
/// line that gave it too (for `--explain`).
pub fn municipality(
    furniture: &str,
    opening: &[&str],
    body: Option<&str>,
    path: &Path,
) -> Option<(String, Evidence, String)> {
    if let Some(m) = best_in(furniture, true) {
        let line = furniture
            .lines()
            .find(|l| l.contains(m.as_str()))
            .unwrap_or("")
            .to_string();
        return Some((m, Evidence::Publisher, line));
    }
    for line in opening.iter().flat_map(|b| b.split(['\n', '\t'])) {
        if let Some(m) = letterhead_municipality(line) {
            return Some((m, Evidence::Letterhead, line.trim().to_string()));
        }
    }
    if let Some(b) = body {
        if let Some(m) = municipality_in_body(b) {
            return Some((m, Evidence::Body, b.to_string()));
        }
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
    for part in folded.iter().rev().filter(|p| p.len() >= 3) {
        if let Some(m) = municipality_of_path_word(part) {
            let shown = path.to_string_lossy().into_owned();
            return Some((m.to_string(), Evidence::Path, shown));
        }
    }
    None
}

/// A municipality named by one letterhead line: "Middelfart Kommune" (or
/// "Københavns Kommune", "Bornholms Regionskommune") alone, a postal line
/// "5500 Middelfart" alone, or an address of the municipality's domain
/// ("www.middelfart.dk", "bre@balk.dk").
///
/// ```
/// use referat_parser::structure::meta::letterhead_municipality;
/// assert_eq!(letterhead_municipality("Middelfart Kommune").as_deref(), Some("Middelfart"));
/// assert_eq!(letterhead_municipality("5500 Middelfart").as_deref(), Some("Middelfart"));
/// assert_eq!(letterhead_municipality("E-mail:bre@balk.dk").as_deref(), Some("Ballerup"));
/// assert_eq!(letterhead_municipality("Erfaringer fra Ballerup Kommune"), None);
/// ```
pub fn letterhead_municipality(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches([',', '.']);
    if t.is_empty() || t.chars().count() > 80 {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    // "X Kommune" as the whole line.
    if let Some(name) = t
        .strip_suffix(" Kommune")
        .or_else(|| t.strip_suffix(" kommune"))
        .or_else(|| t.strip_suffix(" Regionskommune"))
    {
        let name = name.trim();
        if let Some(m) =
            municipality_named(name).or_else(|| municipality_named(name.strip_suffix('s')?))
        {
            return Some(m);
        }
    }
    // "5500 Middelfart", "8000 Aarhus C", "2200 København N".
    if (2..=3).contains(&words.len())
        && words[0].len() == 4
        && words[0].chars().all(|c| c.is_ascii_digit())
    {
        let district = words
            .get(2)
            .is_none_or(|w| w.chars().count() <= 2 && w.chars().all(char::is_uppercase));
        if district {
            if let Some(m) = municipality_named(words[1]) {
                return Some(m);
            }
        }
    }
    // E-mail and web addresses.
    for w in &words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let domain = match w.rsplit_once('@') {
            Some((_, d)) => d,
            None => match w.split_once(':') {
                Some((_, rest)) if rest.contains('@') => {
                    rest.rsplit_once('@').map_or(rest, |(_, d)| d)
                }
                _ => w.strip_prefix("www.").unwrap_or(""),
            },
        };
        if let Some(m) = municipality_of_domain(&domain.to_lowercase()) {
            return Some(m.to_string());
        }
    }
    None
}

/// The municipality a body's name carries: "Aarhus Byråd", "Byrådet i
/// Aarhus", "Kommunalbestyrelsen i Ballerup Kommune".
pub fn municipality_in_body(body: &str) -> Option<String> {
    let words: Vec<&str> = body.split_whitespace().collect();
    let council = words.iter().position(|w| is_council_word(w))?;
    let before = words[..council].join(" ");
    if let Some(m) = municipality_named(before.trim()) {
        return Some(m);
    }
    let after = words[council + 1..].join(" ");
    let after = after.strip_prefix("i ")?;
    let after = after.strip_suffix(" Kommune").unwrap_or(after);
    municipality_named(after.trim())
}

/// The municipality with exactly this name, as it names itself.
fn municipality_named(name: &str) -> Option<String> {
    MUNICIPALITY_NAMES
        .iter()
        .find(|m| **m == name || (name.len() > 3 && m.eq_ignore_ascii_case(name)))
        .map(|m| m.to_string())
}

fn best_in(text: &str, kommune_only: bool) -> Option<String> {
    let mut best: Option<(&str, usize)> = None;
    for name in MUNICIPALITY_NAMES.iter() {
        // Every form counted contains the name itself.
        if !text.contains(name) {
            continue;
        }
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

    fn who(
        furniture: &str,
        opening: &[&str],
        body: Option<&str>,
        path: &str,
    ) -> Option<(String, Evidence)> {
        municipality(furniture, opening, body, Path::new(path)).map(|(m, e, _)| (m, e))
    }

    #[test]
    fn publisher_beats_letterhead_beats_body_beats_path() {
        let m = who(
            "Gladsaxe Kommune\nRådhus Allé 7",
            &["Aalborg Kommune"],
            None,
            "x/aalborg/a.html",
        );
        assert_eq!(m, Some(("Gladsaxe".into(), Evidence::Publisher)));
        let m = who(
            "",
            &["Staben", "Middelfart Kommune", "Teglgårdsparken 103"],
            None,
            "x/aalborg/a.pdf",
        );
        assert_eq!(m, Some(("Middelfart".into(), Evidence::Letterhead)));
        let m = who("", &["Rådhuset", "9000 Aalborg"], None, "a.pdf");
        assert_eq!(m, Some(("Aalborg".into(), Evidence::Letterhead)));
        let m = who("", &["Kontakt: jens@odense.dk"], None, "a.pdf");
        assert_eq!(m, Some(("Odense".into(), Evidence::Letterhead)));
        let m = who("", &[], Some("Aarhus Byråd"), "x/aalborg/a.pdf");
        assert_eq!(m, Some(("Aarhus".into(), Evidence::Body)));
        let m = who("", &[], Some("Byrådet i Vejle"), "a.pdf");
        assert_eq!(m, Some(("Vejle".into(), Evidence::Body)));
        let m = who("", &[], None, "corpus/gladsaxe/a.docx");
        assert_eq!(m, Some(("Gladsaxe".into(), Evidence::Path)));
    }

    #[test]
    fn running_text_is_no_evidence() {
        let opening = [
            "Vi har gode erfaringer fra Ballerup Kommune og Gentofte Kommune.",
            "Festsalen, De Gamles By, Edith Rodes Vej 2-4, 2200 København N",
            "Tilmelding på afp@kl.dk senest den 15. januar 2013.",
        ];
        assert_eq!(who("", &opening, None, "a.pdf"), None);
        assert_eq!(who("", &[], Some("Udsatterådet"), "a.pdf"), None);
    }

    #[test]
    fn path_names_fold_danish_letters() {
        let m = who("", &[], None, "arkiv/hoeje-taastrup/2020/x.pdf");
        assert_eq!(m.map(|m| m.0).as_deref(), Some("Høje-Taastrup"));
        let m = who("", &[], None, "real/aarhus-byraad-2025-08-27-referat.pdf");
        assert_eq!(m.map(|m| m.0).as_deref(), Some("Aarhus"));
    }

    #[test]
    fn decision_lines_of_other_systems() {
        let (b, d) =
            decision_line("Beslutning i Udvalget for Teknik og Miljø den 20-06-2013").unwrap();
        assert_eq!(b.as_deref(), Some("Udvalget for Teknik og Miljø"));
        assert_eq!(d.iso(None).as_deref(), Some("2013-06-20"));
        let (b, d) = decision_line("Byrådets beslutning d. 2. maj 2017").unwrap();
        assert_eq!(b.as_deref(), Some("Byrådet"));
        assert_eq!(d.iso(None).as_deref(), Some("2017-05-02"));
        let (b, _) = decision_line("Udvalgets beslutning den 4.december 2012").unwrap();
        assert_eq!(b, None);
        assert!(decision_line("Beslutning:").is_none());
        assert!(
            decision_line("Sagen blev drøftet, og beslutning om budget tages den 3. maj 2017")
                .is_none()
        );
    }

    #[test]
    fn letterhead_lines() {
        assert_eq!(
            letterhead_municipality("Københavns Kommune").as_deref(),
            Some("København")
        );
        assert_eq!(
            letterhead_municipality("8000 Aarhus C").as_deref(),
            Some("Aarhus")
        );
        assert_eq!(
            letterhead_municipality("www.middelfart.dk").as_deref(),
            Some("Middelfart")
        );
        assert_eq!(
            letterhead_municipality("Bornholms Regionskommune").as_deref(),
            Some("Bornholm")
        );
        assert_eq!(letterhead_municipality("2200 København N, Festsalen"), None);
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
