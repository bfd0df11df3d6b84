//! Danish words that more than one stage needs: a PDF line "4. april" is a
//! date, not list entry 4, and the structure extractor reads dates.

/// Danish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// Whether a word is a Danish month name ("maj", "Oktober", "april.").
///
/// ```
/// assert!(referat_parser::danish::is_month_name("Oktober"));
/// assert!(!referat_parser::danish::is_month_name("Onsdag"));
/// ```
pub fn is_month_name(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    MONTHS.contains(&w.as_str())
}
