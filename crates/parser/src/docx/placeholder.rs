//! Unfilled template prompts: text a template shows until someone types over
//! it ("Indtast sagsnr.", "Klik her for at angive tekst."). Such text is not
//! part of the minutes.

/// Words a Danish (or English) template prompt starts with.
const PROMPT_VERBS: &[&str] = &[
    "indtast",
    "angiv",
    "klik her",
    "klik eller tryk her",
    "skriv",
    "vælg",
    "click here",
    "click or tap here",
    "enter",
    "type",
];

/// Longest text (in words) still taken for a prompt: real values can start
/// with "Skriv", but prompts are short.
const MAX_PROMPT_WORDS: usize = 9;

/// Whether a table cell is an unfilled prompt. `label` is the row's first
/// cell: a prompt usually ends with the label it asks for ("Sagsnr." →
/// "Indtast sagsnr.").
pub fn is_prompt_cell(text: &str, label: Option<&str>) -> bool {
    let Some(rest) = strip_prompt_verb(text) else {
        return false;
    };
    if text.split_whitespace().count() > MAX_PROMPT_WORDS {
        return false;
    }
    let asks_generically = is_generic_prompt(text);
    let names_label = label.is_some_and(|l| {
        let l = trim_label(l);
        !l.is_empty() && trim_label(rest).ends_with(&l)
    });
    // A bare "Indtast dato" style prompt with no label to compare with.
    let very_short = text.split_whitespace().count() <= 3 && label.is_none();
    asks_generically || names_label || very_short
}

/// Whether a whole paragraph is an unfilled prompt. Stricter than for cells:
/// only the generic "click here to enter text" kind.
pub fn is_prompt_paragraph(text: &str) -> bool {
    strip_prompt_verb(text).is_some()
        && text.split_whitespace().count() <= MAX_PROMPT_WORDS
        && is_generic_prompt(text)
}

fn strip_prompt_verb(text: &str) -> Option<&str> {
    let lower = text.trim_start();
    PROMPT_VERBS.iter().find_map(|verb| {
        let head = lower.get(..verb.len())?;
        if !head.eq_ignore_ascii_case(verb) && head.to_lowercase() != *verb {
            return None;
        }
        let rest = lower.get(verb.len()..)?;
        // A whole word: "Indtastning" is not "Indtast".
        (rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric())).then_some(rest)
    })
}

fn is_generic_prompt(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("her for at")
        || lower.contains("here to")
        || (lower.contains("tekst") && lower.starts_with("klik"))
}

fn trim_label(label: &str) -> String {
    label
        .trim()
        .trim_end_matches([':', '.', ' '])
        .trim()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_naming_their_label() {
        assert!(is_prompt_cell("Indtast sagsnr.", Some("Sagsnr.")));
        assert!(is_prompt_cell("Indtast Kopi til", Some("Kopi til")));
        assert!(is_prompt_cell(
            "Klik her for at angive tekst.",
            Some("Emne")
        ));
        assert!(!is_prompt_cell("TinaMaria Larsen", Some("Fra")));
        assert!(!is_prompt_cell("Indtastning af data", Some("Emne")));
        assert!(!is_prompt_cell("Skriv til borgerne", Some("Til")));
    }

    #[test]
    fn paragraph_prompts_are_generic_only() {
        assert!(is_prompt_paragraph(
            "Klik eller tryk her for at skrive tekst."
        ));
        assert!(!is_prompt_paragraph("Skriv til Jens om mødet."));
    }
}
