//! Danish dates and times in the forms minutes use: "27. maj 2024",
//! "onsdag den 1. oktober 2025 kl. 15.45", "01.11.2023", "2024-05-27",
//! "27-08-2025", "d. 6. september 2024", "4.december 2012" (eDoc prints no
//! space after the day's dot), and dates without a year.

use std::sync::LazyLock;

use regex::Regex;

use crate::danish::MONTHS;

/// A calendar date found in text. `year` is `None` when the text gave none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// The year, if written.
    pub year: Option<i32>,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// Byte offset of the match in the text.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

impl FoundDate {
    /// ISO 8601, taking `default_year` when the text gave no year.
    pub fn iso(&self, default_year: Option<i32>) -> Option<String> {
        let year = self.year.or(default_year)?;
        Some(format!("{year:04}-{:02}-{:02}", self.month, self.day))
    }
}

/// The month number of a Danish month name or its common abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == name || (name.len() >= 3 && m.starts_with(&name) && name != "ma"))
        .map(|i| i as u32 + 1)
}

// The date and time patterns use ASCII word boundaries `(?-u:\b)` and
// `[0-9]`: a Unicode `\b` keeps the regex engine off its fast DFA on any text
// with æ, ø or å, which made date finding the costliest step of parsing. The
// boundaries only ever sit next to digits, where both kinds agree except
// beside letters like "æ1", which minutes do not write.
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)([0-9]{1,2})(?:\.\s*|\s+)(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sep\.|sept\.|okt\.|nov\.|dec\.)(?:\s+([0-9]{4}))?",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{1,2})[.\-/]([0-9]{1,2})[.\-/]([0-9]{4}|[0-9]{2}))(?-u:\b)")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
        _ => return false,
    };
    (1..=days).contains(&day) && year.is_none_or(|y| (1900..=2100).contains(&y))
}

/// Every date in `text`, in order of appearance.
///
/// ```
/// use referat_parser::structure::dates::find_dates;
/// let found = find_dates("onsdag den 1. oktober 2025 kl. 15.45 og 01.11.2023");
/// assert_eq!(found[0].iso(None).as_deref(), Some("2025-10-01"));
/// assert_eq!(found[1].iso(None).as_deref(), Some("2023-11-01"));
/// ```
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let mut found = Vec::new();
    // Every form has a digit; most paragraphs of minutes have none, and the
    // regexes cost more than this scan.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return found;
    }
    for c in WRITTEN.captures_iter(text) {
        let (Some(all), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let day: u32 = d.as_str().parse().unwrap_or(0);
        let Some(month) = month_number(m.as_str()) else {
            continue;
        };
        let year = c.get(3).and_then(|y| y.as_str().parse().ok());
        if valid(year, month, day) {
            found.push(FoundDate {
                year,
                month,
                day,
                start: all.start(),
                end: all.end(),
            });
        }
    }
    for c in NUMERIC.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
        let (year, month, day) = if let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) {
            (y, m, d)
        } else if let (Some(d), Some(m), Some(y)) = (num(4), num(5), num(6)) {
            // Two-digit years are this century: minutes are recent.
            (if y < 100 { 2000 + y } else { y }, m, d)
        } else {
            continue;
        };
        // "16.00-19.00" and similar are times, not dates: the checks reject them.
        let (Ok(year), Ok(month), Ok(day)) = (
            i32::try_from(year),
            u32::try_from(month),
            u32::try_from(day),
        ) else {
            continue;
        };
        if valid(Some(year), month, day) {
            found.push(FoundDate {
                year: Some(year),
                month,
                day,
                start: all.start(),
                end: all.end(),
            });
        }
    }
    found.sort_by_key(|d| d.start);
    found
}

/// A time of day, `HH:MM`.
pub type Time = String;

static TIME_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)kl\.?\s*|(?-u:\b)klokken\s+)?(?-u:\b)([01]?[0-9]|2[0-3])(?:[.:]([0-5][0-9]))?(?-u:\b)(?:\s*(?:-|–|—|til)\s*(?:kl\.?\s*)?([01]?[0-9]|2[0-3])(?:[.:]([0-5][0-9]))?(?-u:\b))?",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// The first time or time range in `text`, as ("16:00", Some("18:00")).
/// Only a time marked with "kl." or written with a colon or a range counts,
/// so that "1.200 kr." and dates are not read as times.
///
/// ```
/// use referat_parser::structure::dates::find_times;
/// assert_eq!(
///     find_times("1. april 2019 kl. 16.00 – 18.00"),
///     Some(("16:00".to_string(), Some("18:00".to_string())))
/// );
/// assert_eq!(find_times("onsdag den 1. oktober 2025 kl. 15.45"), Some(("15:45".into(), None)));
/// assert_eq!(find_times("ca. 1.200 kr."), None);
/// ```
pub fn find_times(text: &str) -> Option<(Time, Option<Time>)> {
    let dates = find_dates(text);
    for c in TIME_RANGE.captures_iter(text) {
        let all = c.get(0)?;
        // Skip matches inside a date ("01.11.2023").
        if dates
            .iter()
            .any(|d| all.start() < d.end && d.start < all.end())
        {
            continue;
        }
        let marked = all.as_str().to_lowercase().starts_with("kl");
        let colon = all.as_str().contains(':');
        let minutes = c.get(2).is_some();
        let ranged = c.get(3).is_some() && c.get(4).is_some();
        // A whole hour needs "kl." ("kl. 16", "kl. 10 til 12"); a bare
        // number is a count, a page or a paragraph.
        if !(marked || (minutes && (colon || ranged))) {
            continue;
        }
        let hm = |h: usize, m: usize| -> Option<String> {
            let h: u32 = c.get(h)?.as_str().parse().ok()?;
            let m: u32 = c.get(m).map_or(Some(0), |m| m.as_str().parse().ok())?;
            Some(format!("{h:02}:{m:02}"))
        };
        let start = hm(1, 2)?;
        let end = if c.get(3).is_some() && (marked || c.get(4).is_some()) {
            hm(3, 4)
        } else {
            None
        };
        return Some((start, end));
    }
    None
}

/// Words that may stand around a date in a line that is only a date:
/// weekdays, "den", "d.", "kl.", and the labels meeting headers use. From the
/// forms eDoc, Acadre, FirstAgenda, SBSYS and Word templates print
/// ("Torsdag den 20. juni 2013 kl. 10:30", "Mødedato: 04.12.2012").
pub const DATE_LINE_WORDS: &[&str] = &[
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "den",
    "d",
    "kl",
    "klokken",
    "fra",
    "til",
    "dato",
    "mødedato",
    "tid",
    "tidspunkt",
    "mødetidspunkt",
    "mødetid",
    "ajourført",
    "opdateret",
    "udskrevet",
];

/// Whether a line is only a date (with its weekday, "den", a time and a
/// date label): such a line is never an agenda item or a title.
///
/// ```
/// use referat_parser::structure::dates::is_date_line;
/// assert!(is_date_line("Torsdag den 20. juni 2013"));
/// assert!(is_date_line("Mødedato: 04.12.2012 kl. 16.00"));
/// assert!(is_date_line("4.december 2012"));
/// assert!(!is_date_line("4. december 2012 blev planen vedtaget"));
/// assert!(!is_date_line("Kl. 10:30"));
/// ```
pub fn is_date_line(line: &str) -> bool {
    let dates = find_dates(line);
    if dates.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(line.len());
    let mut at = 0;
    for d in &dates {
        if d.start >= at {
            rest.push_str(&line[at..d.start]);
            rest.push(' ');
            at = d.end;
        }
    }
    rest.push_str(&line[at..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || DATE_LINE_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// Words that open a line saying when a document was adopted, and by whom
/// ("Godkendt af byrådet, Syddjurs Kommune den 30. april 2009", "Vedtaget i
/// Kommunalbestyrelsen d. 2. maj 2015"), as policies and plans print it on
/// their cover. Participles only: "Godkendelse af referat" is an item.
const APPROVAL_WORDS: &[&str] = &["godkendt", "vedtaget", "vedtages", "godkendes"];
/// An approval line is short; a longer one is running text.
const MAX_APPROVAL_LINE_WORDS: usize = 16;

/// Whether a line says when the document was approved: it opens with an
/// approval word and holds a date with a year.
///
/// ```
/// use referat_parser::structure::dates::is_approval_line;
/// assert!(is_approval_line("Godkendt af byrådet, Syddjurs Kommune den 30. april 2009"));
/// assert!(is_approval_line("Vedtaget i Kommunalbestyrelsen d. 2.5.2015"));
/// assert!(!is_approval_line("Godkendelse af referat fra 3. marts 2020"));
/// assert!(!is_approval_line("Godkendt."));
/// ```
pub fn is_approval_line(line: &str) -> bool {
    let t = line.trim();
    let first = t.split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    first.is_some_and(|w| APPROVAL_WORDS.contains(&w.as_str()))
        && t.split_whitespace().count() <= MAX_APPROVAL_LINE_WORDS
        && find_dates(t).iter().any(|d| d.year.is_some())
}

/// Whether a line or cell is only a time ("Kl. 10:30", "kl. 16.00-18.00",
/// "10:30"), as templates print it under or beside the date.
///
/// ```
/// use referat_parser::structure::dates::is_time_line;
/// assert!(is_time_line("Kl. 10:30"));
/// assert!(is_time_line("kl. 16.00 - 18.00"));
/// assert!(!is_time_line("Mødet sluttede kl. 17"));
/// ```
pub fn is_time_line(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 40
        && find_times(t).is_some()
        && find_dates(t).is_empty()
        && t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                w.chars().all(|c| c.is_ascii_digit())
                    || matches!(
                        w.to_lowercase().as_str(),
                        "kl" | "klokken" | "til" | "fra" | "tid" | "mødetidspunkt" | "tidspunkt"
                    )
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Vec<String> {
        find_dates(text)
            .iter()
            .filter_map(|d| d.iso(Some(1999)))
            .collect()
    }

    #[test]
    fn every_form_from_the_issue() {
        assert_eq!(iso("27. maj 2024"), ["2024-05-27"]);
        assert_eq!(iso("1. april 2019 kl. 16.00 – 18.00"), ["2019-04-01"]);
        assert_eq!(iso("onsdag den 1. oktober 2025 kl. 15.45"), ["2025-10-01"]);
        assert_eq!(iso("14. oktober 2021 kl. 16.00-19.00"), ["2021-10-14"]);
        assert_eq!(iso("01.11.2023"), ["2023-11-01"]);
        assert_eq!(iso("2024-05-27"), ["2024-05-27"]);
        assert_eq!(iso("27-08-2025"), ["2025-08-27"]);
        assert_eq!(iso("d. 6. september 2024"), ["2024-09-06"]);
        assert_eq!(iso("Torsdag den 20. juni 2013"), ["2013-06-20"]);
        assert_eq!(iso("2. maj 2017 kl. 10:00"), ["2017-05-02"]);
        assert_eq!(iso("4.december 2012"), ["2012-12-04"]);
        assert_eq!(iso("04.12.2012"), ["2012-12-04"]);
        assert_eq!(iso("26-08-2025"), ["2025-08-26"]);
        assert_eq!(iso("Ajourført: 3.feb. 2010"), ["2010-02-03"]);
    }

    #[test]
    fn whole_hours_need_kl() {
        assert_eq!(
            find_times("Mødet starter kl. 16"),
            Some(("16:00".into(), None))
        );
        assert_eq!(
            find_times("Den 24. december 2016 fra kl. 10 til 12"),
            Some(("10:00".into(), Some("12:00".into())))
        );
        assert_eq!(find_times("punkt 3 og 4 til 5"), None);
        assert_eq!(find_times("Kl. 10:30"), Some(("10:30".into(), None)));
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Onsdag d. 27. august 2025 kl. 16:00"));
        assert!(is_date_line("Ajourført: 26-08-2025"));
        assert!(is_date_line("den 4. december 2012"));
        assert!(!is_date_line(
            "Kommunalbestyrelsen den 30. januar 2012 Punkt 5"
        ));
        assert!(!is_date_line("Godkendelse af referat fra 10. juni 2021"));
        assert!(is_time_line("Tid: kl. 19.00"));
    }

    #[test]
    fn year_less_dates_take_the_default_year() {
        assert_eq!(iso("4. april – Netværksmøde"), ["1999-04-04"]);
        assert_eq!(find_dates("den 25 november")[0].year, None);
    }

    #[test]
    fn impossible_dates_and_times_are_not_dates() {
        assert!(iso("kl. 16.00-19.00").is_empty());
        assert!(iso("31. februar 2024").is_empty());
        assert!(iso("45.13.2020").is_empty());
    }

    #[test]
    fn time_ranges() {
        assert_eq!(
            find_times("14. oktober 2021 kl. 16.00-19.00"),
            Some(("16:00".into(), Some("19:00".into())))
        );
        assert_eq!(
            find_times("Mødet starter 9:30"),
            Some(("09:30".into(), None))
        );
        assert_eq!(find_times("27. maj 2024"), None);
    }
}
