//! The labels that start the parts of an agenda item ("Sagsfremstilling",
//! "Indstilling", "Beslutning i Økonomiudvalget den 12-03-2019"), as data,
//! and what a decision line says about the meeting that decided.
//!
//! A label is recognised on its own line, before a colon, or as a heading.
//! The words that differ between publishing systems are in [`LABELS`]; the
//! two decision-line forms that name the deciding body and date are rules,
//! because the body's name is free text.

use std::sync::LazyLock;

use referat_schema::SectionKind;
use regex::Regex;

use super::dates::find_dates;
use super::meta::is_council_word;

/// Section labels, lower-case, as whole phrases. A line is a label when it
/// is one of these phrases (alone, or before a colon), or, as a heading or
/// before a colon, starts with one of them and is short.
///
/// Where each comes from:
/// - sagsfremstilling, indstilling, beslutning, bilag, baggrund, økonomi:
///   the common Danish agenda template (KL's "dagsordensskabelon"; every
///   system we have seen: eDoc, Acadre, SBSYS, FirstAgenda, Word).
/// - beslutninger, resume, sagsforløb, beslutningspunkter, "borgmesterens
///   afdelings påtegning": FirstAgenda (Aarhus 2025).
/// - sammendrag, "økonomiske konsekvenser og finansiering", "beslutningen
///   træffes af": eDoc agenda publishing (Ballerup 2012).
/// - afgørelse, "udvalgets beslutning", "forslag til beslutning",
///   "tidligere beslutninger", "beslutningskompetence", "beslutningstema",
///   lovgrundlag, retsgrundlag, høring, kommunikation, "sagens
///   baggrund", "supplerende sagsfremstilling": SBSYS and Acadre
///   templates and Word templates of smaller councils.
/// - orientering, meddelelse(r): councils' standing items (Aalborg, Gladsaxe).
///
/// "Beslutningen træffes af" (who decides) and "Tidligere beslutninger"
/// (earlier decisions) are not decisions; "Forslag til beslutning" is a
/// proposal. Longer phrases come first so that they win over their prefix.
pub const LABELS: &[(&str, SectionKind)] = &[
    ("beslutningen træffes af", SectionKind::Other),
    ("tidligere beslutninger", SectionKind::Other),
    ("tidligere beslutning", SectionKind::Other),
    ("forslag til beslutning", SectionKind::Indstilling),
    (
        "supplerende sagsfremstilling",
        SectionKind::Sagsfremstilling,
    ),
    ("sagens baggrund", SectionKind::Other),
    (
        "økonomiske konsekvenser og finansiering",
        SectionKind::Other,
    ),
    ("økonomiske konsekvenser", SectionKind::Other),
    ("økonomi og finansiering", SectionKind::Other),
    ("borgmesterens afdelings påtegning", SectionKind::Other),
    ("det indstilles", SectionKind::Indstilling),
    ("sagsfremstilling", SectionKind::Sagsfremstilling),
    ("sagsbeskrivelse", SectionKind::Sagsfremstilling),
    ("beskrivelse af sagen", SectionKind::Sagsfremstilling),
    ("indstilling", SectionKind::Indstilling),
    ("indstillinger", SectionKind::Indstilling),
    ("beslutningspunkter", SectionKind::Indstilling),
    ("beslutning", SectionKind::Beslutning),
    ("beslutninger", SectionKind::Beslutning),
    ("afgørelse", SectionKind::Beslutning),
    ("orientering", SectionKind::Orientering),
    ("meddelelse", SectionKind::Orientering),
    ("meddelelser", SectionKind::Orientering),
    ("resume", SectionKind::Resume),
    ("resumé", SectionKind::Resume),
    ("sammendrag", SectionKind::Resume),
    ("sammenfatning", SectionKind::Resume),
    ("beslutningstema", SectionKind::Resume),
    ("sagsforløb", SectionKind::Other),
    ("bilag", SectionKind::Other),
    ("baggrund", SectionKind::Other),
    ("økonomi", SectionKind::Other),
    ("lovgrundlag", SectionKind::Other),
    ("retsgrundlag", SectionKind::Other),
    ("beslutningskompetence", SectionKind::Other),
    ("høring", SectionKind::Other),
    ("kommunikation", SectionKind::Other),
];

/// [`LABELS`] with each phrase split into its words, once.
static LABEL_WORDS: LazyLock<Vec<(Vec<&'static str>, SectionKind)>> = LazyLock::new(|| {
    LABELS
        .iter()
        .map(|(phrase, kind)| (phrase.split(' ').collect(), *kind))
        .collect()
});

/// The words a decision line may carry around the body and the date
/// ("Beslutning i Byrådet den 4. maj 2017, punkt 5"): connectives that say
/// nothing themselves.
const DECISION_LINE_FILLER: &[&str] = &[
    "i", "fra", "på", "af", "til", "den", "d", "mødet", "møde", "punkt", "pkt", "sag", "nr",
];

/// Generic possessors that do not name a body ("Udvalgets beslutning").
const GENERIC_BODIES: &[&str] = &["udvalget", "rådet", "bestyrelsen", "nævnet"];

/// Where a section starts: its kind, the label as written, the text after
/// the label on the same line, and the meeting a decision line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionStart<'a> {
    /// The section's kind.
    pub kind: SectionKind,
    /// The label as written ("Beslutning:", "Økonomiudvalgets beslutning
    /// den 12.03.2019").
    pub label: &'a str,
    /// Text after the label on the same line.
    pub rest: &'a str,
    /// For a decision line that names them, who decided and when.
    pub decided: Option<DecidedAt>,
}

/// The body and date a decision line names ("Sundheds- og
/// Forebyggelsesudvalgets beslutning den 04.12.2012").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecidedAt {
    /// The deciding body, as named ("Sundheds- og Forebyggelsesudvalget").
    pub body: Option<String>,
    /// ISO 8601.
    pub date: Option<String>,
}

/// "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3",
/// "Direktionens indstilling": an owner in the genitive, then the label.
///
/// The owner is at most 81 characters (a capital and 80 more). The bound is
/// checked on the match, not written `[^:]{0,80}?` in the pattern: 80 copies
/// of a Unicode class made this the costliest regex to compile. The lazy
/// `*?` takes the shortest owner that lets the rest match, so a match whose
/// owner is too long means no owner within the bound would have matched.
static OWNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<owner>\p{Lu}[^:]*?)s\s+(?P<word>(?i:beslutning|afgørelse|indstilling))(?P<tail>[^:]*)$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// The most characters of an [`OWNED`] owner: a capital and 80 more.
const MAX_OWNER_CHARS: usize = 81;

/// Pieces of the three decision words ("beslutning", "afgørelse",
/// "indstilling") made only of letters whose only case variants are ASCII
/// (not `s` or `k`, which case-fold to `ſ` and the Kelvin sign too): a line
/// holding a decision word in any case, for `(?i)` or for `to_lowercase`,
/// holds one of these in ASCII upper or lower case. A cheap test that rules
/// out most lines before a regex or a lower-cased copy.
const DECISION_WORD_PIECES: &[&str] = &["lutning", "afg", "tilling"];

/// Whether a line may hold a decision word: whether it holds one of the
/// [`DECISION_WORD_PIECES`] in any ASCII case. One pass over the bytes;
/// a piece is compared only where its first letter stands.
fn may_hold_decision_word(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, b)| {
        let b = b.to_ascii_lowercase();
        DECISION_WORD_PIECES.iter().any(|p| {
            p.as_bytes().first() == Some(&b)
                && bytes
                    .get(i..i + p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
        })
    })
}

/// "Beslutning i Udvalget for Teknik og Miljø den 20-06-2013",
/// "Beslutning Økonomiudvalget 12. marts 2019", "Beslutning den 4. maj 2017".
static DECIDED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<word>(?i:beslutning|afgørelse|indstilling))(?:\s+(?i:i|fra|på))?\s+(?P<rest>[^:]+)$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// The most words a label before a colon has.
const MAX_LABEL_WORDS: usize = 6;
/// The most words a label set as a heading has ("Indstilling fra
/// Magistratsafdelingen for Teknik og Miljø").
const MAX_HEADING_LABEL_WORDS: usize = 8;
/// The most words a decision line naming its body and date has.
const MAX_DECISION_LINE_WORDS: usize = 16;

/// The section a line starts, if it is a label.
///
/// ```
/// use referat_parser::structure::sections::section_start;
/// use referat_schema::SectionKind;
/// let s = section_start("Beslutning: Godkendt.", false).unwrap();
/// assert_eq!((s.kind, s.label, s.rest), (SectionKind::Beslutning, "Beslutning:", "Godkendt."));
/// let s = section_start("Beslutning i Økonomiudvalget den 20-06-2013", false).unwrap();
/// assert_eq!(s.decided.unwrap().date.as_deref(), Some("2013-06-20"));
/// assert_eq!(section_start("Beslutningen træffes af", false).unwrap().kind, SectionKind::Other);
/// assert!(section_start("Orientering om ændringer i afdelingen", false).is_none());
/// assert!(section_start("Beslutningspunkter", true).is_some());
/// ```
pub fn section_start(line: &str, is_heading: bool) -> Option<SectionStart<'_>> {
    let line = line.trim();
    // Every label starts with a letter; most lines of text are ruled out
    // here without lower-casing them.
    if !line.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    if let Some(start) = decision_line_before_text(line) {
        return Some(start);
    }
    let (label, rest, colon) = match line.find(':') {
        Some(i) => (line[..i].trim(), line[i + 1..].trim(), true),
        None => (line, "", false),
    };
    // Counting stops past the most words any label has: a paragraph is
    // not walked to its end.
    let words = label
        .split_whitespace()
        .take(MAX_DECISION_LINE_WORDS + 1)
        .count();
    if words == 0 || words > MAX_DECISION_LINE_WORDS {
        return None;
    }
    let written = if colon {
        &line[..=line.find(':')?]
    } else {
        line
    };
    if let Some((kind, decided)) = decision_line(label) {
        return Some(SectionStart {
            kind,
            label: written.trim(),
            rest,
            decided: Some(decided),
        });
    }
    if words > MAX_LABEL_WORDS && !(is_heading && words <= MAX_HEADING_LABEL_WORDS) {
        return None;
    }
    let key = key_words(label);
    // The key's words hold no spaces, so comparing word by word is
    // comparing the first n words joined by spaces with the phrase.
    let (phrase, kind) = LABEL_WORDS.iter().find(|(phrase, _)| {
        key.len() >= phrase.len() && key.iter().zip(phrase).all(|(k, p)| k == p)
    })?;
    let exact = key.len() == phrase.len();
    // A label alone on its line is the whole phrase; a heading or a label
    // before a colon may go on ("Indstilling fra direktionen:").
    (exact || colon || is_heading).then_some(SectionStart {
        kind: *kind,
        label: written.trim(),
        rest,
        decided: None,
    })
}

/// How many characters of a line [`decision_line_before_text`] looks in
/// for a decision word.
const HEAD_CHARS: usize = 200;

/// "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3
/// Indstilles til godkendelse": a decision line and its text on one line
/// (a PDF reader joins them when they are set close). The label ends
/// after its date and any item number.
fn decision_line_before_text(line: &str) -> Option<SectionStart<'_>> {
    // Most lines hold no decision word: spare them the lower-cased copy.
    // The head below is 200 characters, so within the first 800 bytes.
    let probe = line.as_bytes();
    if !may_hold_decision_word(&probe[..probe.len().min(HEAD_CHARS * 4)]) {
        return None;
    }
    let head = line
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(line, |(i, _)| &line[..i]);
    let lower = head.to_lowercase();
    if !(lower.contains("beslutning") || lower.contains("afgørelse")) {
        return None;
    }
    let date = find_dates(line).into_iter().find(|d| d.year.is_some())?;
    let end = ITEM_NUMBER_AFTER
        .find(&line[date.end..])
        .map_or(date.end, |m| date.end + m.end());
    let (label, rest) = (line[..end].trim(), line[end..].trim());
    if rest.is_empty() {
        return None;
    }
    let (kind, decided) = decision_line(label)?;
    Some(SectionStart {
        kind,
        label,
        rest,
        decided: Some(decided),
    })
}

/// ", punkt 3" / " Punkt 3" / " pkt. 3" right after a decision line's date.
static ITEM_NUMBER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s*(?i:punkt|pkt\.?)\s*\d{1,3}\b")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn key_words(label: &str) -> Vec<String> {
    label
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A decision (or proposal) line that names who decides: "Xs beslutning
/// [den DATE] [Punkt N]" or "Beslutning i X [den DATE]". Everything on the
/// line besides the body, the date and connectives must be absent, so
/// that a sentence ("Byrådets beslutning blev at udsætte sagen") is not a
/// label.
fn decision_line(label: &str) -> Option<(SectionKind, DecidedAt)> {
    if !label.bytes().any(|b| b == b' ') {
        return None;
    }
    // Both forms hold a decision word; most labels hold none.
    if !may_hold_decision_word(label.as_bytes()) {
        return None;
    }
    let owned = OWNED.captures(label).filter(|c| {
        c.name("owner")
            .is_some_and(|o| o.as_str().chars().count() <= MAX_OWNER_CHARS)
    });
    let (word, body, tail) = if let Some(c) = owned {
        let owner = c.name("owner")?.as_str().trim();
        if owner.split_whitespace().count() > 6 {
            return None;
        }
        let tail = c.name("tail").map_or("", |m| m.as_str());
        // Only a council names a meeting: "Direktionens indstilling" names
        // the proposal's author, "Udvalgets beslutning" no one.
        let body = owner
            .split_whitespace()
            .last()
            .is_some_and(|w| {
                is_council_word(w) && !GENERIC_BODIES.contains(&w.to_lowercase().as_str())
            })
            .then(|| owner.to_string());
        (c.name("word")?.as_str(), body, tail)
    } else if let Some(c) = DECIDED_IN.captures(label) {
        let rest = c.name("rest")?.as_str();
        // The body runs up to the date or the filler before it.
        let dates = find_dates(rest);
        let cut = dates
            .first()
            .map_or(rest.len(), |d| d.start)
            .min(filler_start(rest));
        let body = rest[..cut].trim().trim_end_matches(',').trim();
        if body.is_empty() {
            // "Beslutning den 4. maj 2017": a date, no body.
            if dates.is_empty() {
                return None;
            }
        } else {
            let capital = body.chars().next().is_some_and(char::is_uppercase);
            let named = body
                .split_whitespace()
                .any(|w| is_council_word(w.trim_matches(|c: char| !c.is_alphanumeric())));
            if !(capital && named) {
                return None;
            }
        }
        let body = (!body.is_empty()).then(|| body.to_string());
        (c.name("word")?.as_str(), body, &rest[cut..])
    } else {
        return None;
    };
    let dates = find_dates(tail);
    let date = dates.first().and_then(|d| d.iso(None));
    let mut leftover = tail.to_string();
    for d in dates.iter().rev() {
        leftover.replace_range(d.start..d.end, " ");
    }
    let only_filler = leftover
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || DECISION_LINE_FILLER.contains(&w.to_lowercase().as_str())
                || is_council_word(w)
        });
    if !only_filler {
        return None;
    }
    let kind = if word.to_lowercase().starts_with("indstilling") {
        SectionKind::Indstilling
    } else {
        SectionKind::Beslutning
    };
    Some((kind, DecidedAt { body, date }))
}

/// Where the filler after a body starts ("den", "d.", "mødet", "punkt").
fn filler_start(rest: &str) -> usize {
    let mut at = 0;
    for word in rest.split_inclusive(char::is_whitespace) {
        let w = word
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if matches!(w.as_str(), "den" | "d" | "mødet" | "møde" | "punkt" | "pkt") {
            return at;
        }
        at += word.len();
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_word_pieces_have_only_ascii_case_variants() {
        // What the prefilter relies on: no other character matches these
        // letters under `(?i)`, nor lower-cases to them.
        let letters: String = DECISION_WORD_PIECES.concat();
        let any_case = Regex::new(&format!("(?i)^[{letters}]$")).expect("test regex");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let lower: Vec<char> = c.to_lowercase().collect();
            let lowers_to_one = lower.len() == 1 && letters.contains(lower[0]);
            if any_case.is_match(c.encode_utf8(&mut [0; 4])) || lowers_to_one {
                assert!(c.is_ascii(), "{c:?} folds to a letter of the pieces");
            }
            if lower.len() > 1 && lower.iter().any(|l| letters.contains(*l)) {
                // "İ" lower-cases to "i" and a combining dot, which no
                // piece holds after its "i".
                assert_eq!(c, 'İ');
            }
        }
        for word in ["beslutning", "afgørelse", "indstilling"] {
            assert!(may_hold_decision_word(word.to_uppercase().as_bytes()));
        }
    }

    #[test]
    fn the_owner_bound_on_the_match_is_the_bound_in_the_pattern() {
        let bounded = Regex::new(r"^(?P<owner>\p{Lu}[^:]{0,80}?)s\s+(?P<word>(?i:beslutning|afgørelse|indstilling))(?P<tail>[^:]*)$")
            .expect("test regex");
        let long = "Sundheds- og Forebyggelsesudvalget".repeat(3);
        let lines = [
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012".to_string(),
            "Direktionens indstilling".to_string(),
            format!("{long}s beslutning den 4. maj 2017"),
            format!("{}s beslutning", "A".repeat(81)),
            format!("{}s beslutning", "A".repeat(80)),
            format!("{}s Byrådets beslutning", "B".repeat(60)),
            "Byrådets beslutning blev at udsætte sagen".to_string(),
        ];
        for line in &lines {
            let want = bounded.captures(line).map(|c| {
                (
                    c["owner"].to_string(),
                    c["word"].to_string(),
                    c["tail"].to_string(),
                )
            });
            let got = OWNED
                .captures(line)
                .filter(|c| c["owner"].chars().count() <= MAX_OWNER_CHARS)
                .map(|c| {
                    (
                        c["owner"].to_string(),
                        c["word"].to_string(),
                        c["tail"].to_string(),
                    )
                });
            assert_eq!(got, want, "{line}");
        }
    }

    fn kind(line: &str, heading: bool) -> Option<SectionKind> {
        section_start(line, heading).map(|s| s.kind)
    }

    fn decided(line: &str) -> (Option<String>, Option<String>) {
        let d = section_start(line, false)
            .and_then(|s| s.decided)
            .unwrap_or_else(|| panic!("no decision line: {line}"));
        (d.body, d.date)
    }

    #[test]
    fn plain_labels_in_every_form() {
        assert_eq!(kind("Beslutning", false), Some(SectionKind::Beslutning));
        assert_eq!(kind("Beslutning:", false), Some(SectionKind::Beslutning));
        assert_eq!(kind("Afgørelse:", false), Some(SectionKind::Beslutning));
        assert_eq!(kind("Beslutninger", true), Some(SectionKind::Beslutning));
        assert_eq!(kind("Indstilling", false), Some(SectionKind::Indstilling));
        assert_eq!(kind("Sammendrag", false), Some(SectionKind::Resume));
        assert_eq!(
            kind("Økonomiske konsekvenser og finansiering", false),
            Some(SectionKind::Other)
        );
        assert_eq!(
            kind("Forslag til beslutning", false),
            Some(SectionKind::Indstilling)
        );
    }

    #[test]
    fn who_decides_and_earlier_decisions_are_not_decisions() {
        assert_eq!(
            kind("Beslutningen træffes af", false),
            Some(SectionKind::Other)
        );
        assert_eq!(
            kind("Tidligere beslutninger", true),
            Some(SectionKind::Other)
        );
    }

    #[test]
    fn decision_text_is_not_a_label() {
        // Decision text that starts with a label word is text.
        assert_eq!(kind("Indstilling godkendt.", false), None);
        assert_eq!(kind("Indstillingen godkendt", false), None);
        assert_eq!(
            kind("Beslutning om at udsætte sagen blev taget", false),
            None
        );
        assert_eq!(
            kind("Byrådets beslutning blev at udsætte sagen", false),
            None
        );
        assert_eq!(kind("Beslutning i sagen udsættes", false), None);
    }

    #[test]
    fn decision_lines_of_sbsys_and_edoc() {
        // SBSYS and Acadre: "Beslutning i <body> den <date>".
        assert_eq!(
            decided("Beslutning i Udvalget for Teknik og Miljø den 20-06-2013"),
            (
                Some("Udvalget for Teknik og Miljø".into()),
                Some("2013-06-20".into())
            )
        );
        assert_eq!(
            decided("Beslutning i Økonomiudvalget den 12. marts 2019"),
            (Some("Økonomiudvalget".into()), Some("2019-03-12".into()))
        );
        assert_eq!(
            decided("Beslutning Børne- og Ungeudvalget den 14-01-2019"),
            (
                Some("Børne- og Ungeudvalget".into()),
                Some("2019-01-14".into())
            )
        );
        // eDoc: "<body>s beslutning den <date> Punkt N".
        assert_eq!(
            decided("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3"),
            (
                Some("Sundheds- og Forebyggelsesudvalget".into()),
                Some("2012-12-04".into())
            )
        );
        assert_eq!(decided("Udvalgets beslutning"), (None, None));
        assert_eq!(
            decided("Beslutning den 4. maj 2017"),
            (None, Some("2017-05-04".into()))
        );
        assert_eq!(
            decided("Beslutning fra mødet den 20. juni 2013"),
            (None, Some("2013-06-20".into()))
        );
        assert_eq!(
            decided("Byrådets beslutning den 4. maj 2017:"),
            (Some("Byrådet".into()), Some("2017-05-04".into()))
        );
    }

    #[test]
    fn a_decision_line_with_its_text_on_the_same_line() {
        let s = section_start(
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3 Indstilles til godkendelse",
            false,
        )
        .unwrap();
        assert_eq!(s.kind, SectionKind::Beslutning);
        assert_eq!(
            s.label,
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 3"
        );
        assert_eq!(s.rest, "Indstilles til godkendelse");
        let s = section_start("Beslutning i Byrådet den 4. maj 2017 Godkendt.", false).unwrap();
        assert_eq!(s.rest, "Godkendt.");
        // Running text with a date is no decision line.
        assert!(section_start(
            "Beslutningen blev truffet den 4. maj 2017 efter en lang debat",
            false
        )
        .is_none());
    }

    #[test]
    fn proposals_named_by_their_author_are_proposals() {
        assert_eq!(
            kind("Direktionens indstilling", false),
            Some(SectionKind::Indstilling)
        );
        assert_eq!(
            kind(
                "Indstilling fra Magistratsafdelingen for Teknik og Miljø",
                true
            ),
            Some(SectionKind::Indstilling)
        );
        assert_eq!(
            kind("Administrationens indstilling til Økonomiudvalget", false),
            Some(SectionKind::Indstilling)
        );
    }
}
