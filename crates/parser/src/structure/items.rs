//! The walk over a document's content blocks: header fields before the
//! first item, the title, then items and their labelled sections.
//!
//! Items start at numbered titles ("1. Godkendelse af …", "Punkt 2: …",
//! a number in a cell or on a line of its own before the title), at
//! headings when the document numbers nothing, and at status markers
//! ("Åben") that begin an untitled item. Sections start at labels
//! ("Beslutning:", "Indstilling"; see [`super::sections`]).
//!
//! Not items: a reference in running text ("Punkt 5 vedrørende …"), a
//! numbered list inside an item's text, a table of contents (the titles
//! listed before the items themselves), a line that is a date. A document
//! that opens with one numbered title and has no other is a single agenda
//! item exported on its own.

use std::sync::LazyLock;

use referat_schema::{DocType, Section, SectionKind, Status};
use regex::Regex;

use super::dates::find_dates;
use super::labels::{
    doc_type_word, header_field, is_group_heading, split_header_line, status_marker, HeaderField,
};
use super::persons::{looks_like_name, split_person_list};
use super::sections::{section_start, DecidedAt};
use crate::danish::is_month_name;
use crate::{Block, BlockKind};

/// A header field's value as written, with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderValue {
    /// Which field.
    pub field: HeaderField,
    /// The label as written ("Afbud fra").
    pub label: String,
    /// The value; list values one entry per line.
    pub value: String,
}

/// An item before persons and dates are attached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemDraft {
    /// The number the document gives.
    pub number: Option<u32>,
    /// The title, if the document has one.
    pub title: Option<String>,
    /// Åben / Lukket.
    pub status: Option<Status>,
    /// A case number line ("EMN-2025-003383").
    pub case_number: Option<String>,
    /// Labelled parts.
    pub sections: Vec<Section>,
}

impl ItemDraft {
    fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.text.is_empty())
    }

    fn push_text(&mut self, text: &str) {
        if self.sections.is_empty() {
            self.sections.push(Section {
                kind: SectionKind::Other,
                heading: None,
                text: String::new(),
            });
        }
        if let Some(section) = self.sections.last_mut() {
            if !section.text.is_empty() {
                section.text.push('\n');
            }
            section.text.push_str(text);
        }
    }

    fn start_section(&mut self, kind: SectionKind, heading: Option<&str>, text: &str) {
        self.sections.push(Section {
            kind,
            heading: heading.map(str::to_string),
            text: text.to_string(),
        });
    }
}

/// What the walk finds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outline {
    /// The document's own title.
    pub title: Option<String>,
    /// Document-type words seen as headings or title ("Notat", "Referat").
    pub doc_type_words: Vec<referat_schema::DocType>,
    /// Header fields in order.
    pub header: Vec<HeaderValue>,
    /// A paragraph that is only a date, before the items (memos).
    pub date_line: Option<String>,
    /// Headings that carry the meeting's name and date ("Udsatterådet 27.
    /// maj 2024"), not an item.
    pub datelines: Vec<String>,
    /// Items in order.
    pub items: Vec<ItemDraft>,
    /// Indices of the blocks that held header fields.
    pub header_blocks: Vec<usize>,
    /// The document is one agenda item exported on its own ("3.
    /// Kvalitetsstandarder …", "Sagsnr.", sections): not a meeting.
    pub single_item: bool,
    /// The first decision line that names who decided and when
    /// ("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012").
    pub decided: Option<DecidedAt>,
}

/// The words that may stand before an item's number: "Punkt 3", "Pkt. 3",
/// "Sag nr. 3", "Dagsordenspunkt 3", "Nr. 3" (Word templates, SBSYS and
/// Acadre agendas).
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(punkt|pkt\.?|sag\s+nr\.?|sagnr\.?|sag|dagsordenspunkt|nr\.?)\s*)?(\d{1,3})\s*([.:)]|\s[-–]\s)?\s+(\S.*)$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A number alone: "3", "3.", "Punkt 3", "Punkt 3:", "Sag nr. 3".
static NUMBER_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(punkt|pkt\.?|sag\s+nr\.?|sag|dagsordenspunkt|nr\.?)\s*)?(\d{1,3})\s*[.:)]?$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// Case numbers in the forms the systems print them: FirstAgenda
/// "EMN-2025-003383", KLE "27.00.00-A00-1-19" (SBSYS, Acadre), and after a
/// "Sagsnr." label any single token ("2012-31114" in eDoc, "19/12345").
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:sagsnr\.?|sags nr\.?|sag nr\.?|sagsnummer|j\.?\s?nr\.?|journalnr\.?)\s*:?\s*(\S{3,30})|([A-ZÆØÅ]{2,6}-\d{4}-\d{3,}|\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?-\d{2,}-\d{2,}))$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// [`CASE_NUMBER`] with `\S+` for `\S{3,30}`: thirty copies of a Unicode
/// class made that pattern costly to compile, and most runs never need it.
/// When this one matches with a value of 3 to 30 characters, the exact
/// pattern gives the same match (its parses are this one's, in the same
/// order, less those with a value out of the bound); otherwise
/// [`case_number`] asks the exact pattern.
static CASE_NUMBER_UNBOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:sagsnr\.?|sags nr\.?|sag nr\.?|sagsnummer|j\.?\s?nr\.?|journalnr\.?)\s*:?\s*(\S+)|([A-ZÆØÅ]{2,6}-\d{4}-\d{3,}|\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?-\d{2,}-\d{2,}))$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// The starts of [`CASE_NUMBER`]'s labels, lower case; "j. nr" in all its
/// forms is tested by [`may_be_case_number`].
const CASE_LABEL_STARTS: &[&str] = &["sagsnr", "sags nr", "sag nr", "sagsnummer", "journalnr"];

/// Whether `text` starts with `prefix` (ASCII, lower case) as `(?i)` reads
/// it: in either ASCII case, and the long s for an s.
fn starts_folded<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = text.chars();
    let starts = prefix.chars().all(|e| {
        chars
            .next()
            .is_some_and(|c| c.to_ascii_lowercase() == e || (e == 's' && c == 'ſ'))
    });
    starts.then_some(chars.as_str())
}

/// Whether a line can match [`CASE_NUMBER`]: it starts with a label
/// ("Sagsnr", "J. nr", …, in any case), or it is one word with a hyphen
/// in it (the code forms).
fn may_be_case_number(text: &str) -> bool {
    let j_nr = starts_folded(text, "j").is_some_and(|rest| {
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let mut chars = rest.chars();
        let rest = match chars.next() {
            Some(c) if c.is_whitespace() => chars.as_str(),
            _ => rest,
        };
        starts_folded(rest, "nr").is_some()
    });
    j_nr || CASE_LABEL_STARTS
        .iter()
        .any(|l| starts_folded(text, l).is_some())
        || (text.contains('-') && !text.chars().any(char::is_whitespace))
}

/// [`CASE_NUMBER`] for ASCII text, where Unicode classes and case folding
/// match as their ASCII forms do (ÆØÅ cannot occur): far cheaper to compile.
static CASE_NUMBER_ASCII: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r"(?-u)^(?:(?i:sagsnr\.?|sags nr\.?|sag nr\.?|sagsnummer|j\.?\s?nr\.?|journalnr\.?)\s*:?\s*(\S{3,30})|([A-Z]{2,6}-[0-9]{4}-[0-9]{3,}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}(?:-[A-Z][0-9]{2})?-[0-9]{2,}-[0-9]{2,}))$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// The case number a line is, if it is one: see [`CASE_NUMBER`].
fn case_number(text: &str) -> Option<&str> {
    if !may_be_case_number(text) {
        return None;
    }
    if text.is_ascii() {
        let c = CASE_NUMBER_ASCII.captures(text.as_bytes())?;
        let m = c.get(1).or_else(|| c.get(2))?;
        return text.get(m.range());
    }
    let c = CASE_NUMBER_UNBOUNDED.captures(text)?;
    match c.get(1) {
        Some(value) if (3..=30).contains(&value.as_str().chars().count()) => Some(value.as_str()),
        Some(_) => CASE_NUMBER
            .captures(text)
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .map(|m| m.as_str()),
        None => c.get(2).map(|m| m.as_str()),
    }
}

static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}\s*$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// How a numbered title is set: documents set all their item titles alike,
/// so a numbered line set otherwise is usually a list inside an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Heading,
    Table,
    List,
    Plain,
}

/// A numbered title found in a block.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Numbered {
    number: u32,
    title: String,
    /// "Punkt 3", "Sag nr. 3": the document said it is an item.
    explicit: bool,
    style: Style,
}

fn style_of(block: &Block) -> Style {
    match block.kind {
        BlockKind::Heading { .. } => Style::Heading,
        BlockKind::TableRow { .. } => Style::Table,
        BlockKind::ListItem { .. } => Style::List,
        BlockKind::Paragraph => Style::Plain,
    }
}

/// A number alone ("3", "3.", "Punkt 3", "Sag nr. 3") and whether a word
/// said it is an item.
fn number_alone(text: &str) -> Option<(u32, bool)> {
    let text = text.trim();
    if !may_start_numbered(text) {
        return None;
    }
    let c = NUMBER_ALONE.captures(text)?;
    let n = c.get(2)?.as_str().parse().ok()?;
    Some((n, c.get(1).is_some()))
}

/// Whether a line can match [`NUMBERED`] or [`NUMBER_ALONE`], by its first
/// character: a digit, or the first letter of a word before the number
/// (p, s, d, n in either case, or the long s that `(?i)` takes for an s).
/// Most lines of text start otherwise and skip the regex.
fn may_start_numbered(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        matches!(c, 'p' | 'P' | 's' | 'S' | 'ſ' | 'd' | 'D' | 'n' | 'N') || c.is_numeric()
    })
}

/// A numbered item title in a block.
fn numbered_title(block: &Block) -> Option<Numbered> {
    let style = style_of(block);
    if let BlockKind::ListItem {
        depth: 0,
        number: Some(n),
    } = block.kind
    {
        return title_text(&block.text, false).map(|title| Numbered {
            number: n,
            title,
            explicit: false,
            style,
        });
    }
    if let BlockKind::TableRow { cells } = &block.kind {
        // The number in a cell of its own, the title in the next.
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        if let [number, title, ..] = filled.as_slice() {
            if let Some((n, explicit)) = number_alone(number) {
                return title_text(title, true).map(|title| Numbered {
                    number: n,
                    title,
                    explicit,
                    style,
                });
            }
        }
        return None;
    }
    let text = block.text.trim();
    if !may_start_numbered(text) {
        return None;
    }
    let c = NUMBERED.captures(text)?;
    let explicit = c.get(1).is_some();
    let n: u32 = c.get(2)?.as_str().parse().ok()?;
    let punct = c.get(3).is_some();
    let rest = c.get(4)?.as_str();
    let heading = style == Style::Heading;
    if !explicit && !punct && !heading {
        return None;
    }
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_end_matches([',', '.', ':']);
    if is_month_name(first) {
        return None; // "4. april – …": a date
    }
    title_text(rest, heading).map(|title| Numbered {
        number: n,
        title,
        explicit,
        style,
    })
}

/// A title: short, and starting with a letter; in running text with a
/// capital, since "Punkt 5 vedrørende …" or "1. 200 kr." is a sentence.
fn title_text(text: &str, set_apart: bool) -> Option<String> {
    let t = text.trim();
    let first = t.chars().next()?;
    if !first.is_alphabetic() || (!set_apart && first.is_lowercase()) {
        return None;
    }
    (t.chars().count() <= 250).then(|| t.to_string())
}

/// Whether a line reads as a sentence rather than a title: it ends with a
/// full stop and is long.
fn sentence_like(title: &str) -> bool {
    title.trim_end().ends_with('.') && title.split_whitespace().count() > 8
}

/// A heading in capitals ("BESLUTNINGSFORSLAG FRA DD"), however the
/// format reader set it.
fn capitals_heading(text: &str) -> bool {
    // Most lines fail at their first lower-case letter: test that first,
    // without collecting the words.
    if text.ends_with('.') {
        return false;
    }
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 6 && (2..=12).contains(&text.split_whitespace().count())
}

/// Whether a heading is the meeting's name and date rather than an item:
/// once the date and council words are taken away, at most one word is left.
fn is_dateline(text: &str) -> bool {
    let dates = find_dates(text);
    let Some(d) = dates.first().filter(|d| d.year.is_some()) else {
        return false;
    };
    let rest = format!("{} {}", &text[..d.start], &text[d.end..]);
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !super::meta::is_council_word(w) && doc_type_word(w).is_none())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "fra" | "møde" | "i" | "den" | "d"
            )
        })
        .collect();
    words.len() <= 1
}

/// Whether a person-list field can take this block as (part of) its value.
fn is_name_list(text: &str) -> bool {
    let people = split_person_list(text);
    !people.is_empty()
        && text.chars().count() < 400
        && people.iter().all(|p| looks_like_name(&p.name))
        && !text.trim_end().ends_with('.')
}

/// How items are marked in this document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Numbered titles start items; headings are sub-sections.
    Numbered,
    /// Headings of the top level start items.
    Headings(u8),
    /// Only status markers and labels start items.
    Markers,
}

/// A group heading ("Beslutningspunkter") groups the items after it; when
/// content follows it directly it is an item of its own ("Øvrige
/// orienteringspunkter" with its bullets).
fn groups_items(blocks: &[&Block], i: usize) -> bool {
    let Some(block) = blocks.get(i) else {
        return false;
    };
    if !is_group_heading(&block.text) {
        return false;
    }
    match blocks[i + 1..].iter().find(|b| !b.text.trim().is_empty()) {
        None => true,
        Some(next) => {
            matches!(next.kind, BlockKind::Heading { .. })
                || numbered_title(next).is_some()
                || number_alone(&next.text).is_some()
        }
    }
}

/// The first block with text.
fn first_text(blocks: &[&Block]) -> Option<usize> {
    blocks.iter().position(|b| !b.text.trim().is_empty())
}

fn choose_mode(blocks: &[&Block]) -> Mode {
    // A document that opens with a numbered title is numbered, even when
    // it holds only that one item (an item exported on its own).
    if first_text(blocks).is_some_and(|i| numbered_title(blocks[i]).is_some()) {
        return Mode::Numbered;
    }
    let mut last = 0u32;
    let mut sequential = 0;
    for b in blocks {
        let found = numbered_title(b)
            .map(|c| (c.number, c.explicit))
            .or_else(|| number_alone(&b.text).filter(|(_, explicit)| *explicit));
        if let Some((n, explicit)) = found {
            if n == last + 1 || (explicit && n > last) {
                sequential += 1;
                last = n;
            }
        }
    }
    if sequential >= 2 {
        return Mode::Numbered;
    }
    // Where "Åben" / "Lukket" mark the items, headings are only their parts.
    let markers = blocks
        .iter()
        .filter(|b| status_marker(&b.text).is_some_and(|(_, rest)| rest.is_empty()))
        .count();
    if markers >= 2 {
        return Mode::Markers;
    }
    // The top level of the headings that are items: a heading no higher
    // than one found already cannot change it, and is not tested.
    let mut top: Option<u8> = None;
    for (i, b) in blocks.iter().enumerate() {
        if let BlockKind::Heading { level } = b.kind {
            if i > 0
                && top.is_none_or(|t| level < t)
                && is_item_heading(&b.text)
                && !groups_items(blocks, i)
            {
                top = Some(level);
            }
        }
    }
    top.map_or(Mode::Markers, Mode::Headings)
}

fn is_item_heading(text: &str) -> bool {
    // Cheapest tests first; each is a pure test of the text.
    !text.trim_end().ends_with(':')
        && status_marker(text).is_none()
        && header_field(text, false).is_none()
        && doc_type_word(text).is_none()
        && section_start(text, true).is_none()
        && !is_dateline(text)
        && !is_date_line(text)
}

/// Words that may stand with a date on a line that is only a date:
/// weekdays and connectives ("Onsdag den 23. januar kl. 16.30-19.00").
const DATE_LINE_WORDS: &[&str] = &[
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "den", "d", "kl",
    "klokken", "fra", "til", "og",
];

/// A line that is a date (with or without a year, with a time): never an
/// agenda item.
fn is_date_line(text: &str) -> bool {
    let dates = find_dates(text);
    let Some(first) = dates.first() else {
        return false;
    };
    let rest = &text[first.end..];
    let words = text[..first.start]
        .split(|c: char| !c.is_alphanumeric())
        .chain(rest.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !DATE_LINE_WORDS.contains(&w.to_lowercase().as_str()))
        .count();
    words == 0
}

/// Whether the document shows itself as minutes or an agenda, so that
/// its headings or numbered titles are agenda items: a meeting field
/// (body, place, attendees, absences), the word "referat" or "dagsorden"
/// in its title, a meeting line, or an item part labelled as a proposal,
/// a case presentation or a decision. A report's, a newsletter's or a
/// letter's headings are only its own structure.
fn shows_a_meeting(out: &Outline) -> bool {
    let meeting_field = out.header.iter().any(|h| {
        matches!(
            h.field,
            HeaderField::Body
                | HeaderField::Place
                | HeaderField::Attendees
                | HeaderField::Absent
                | HeaderField::AbsentWithoutNotice
                | HeaderField::MinuteTaker
                | HeaderField::Guests
        )
    });
    let says = out
        .doc_type_words
        .iter()
        .any(|w| matches!(w, DocType::Referat | DocType::Dagsorden))
        || out.title.as_deref().is_some_and(|t| {
            let t = t.to_lowercase();
            t.contains("referat") || t.contains("dagsorden")
        });
    let labelled = out.items.iter().flat_map(|i| &i.sections).any(|s| {
        matches!(
            s.kind,
            SectionKind::Beslutning | SectionKind::Indstilling | SectionKind::Sagsfremstilling
        )
    });
    let marked = out.items.iter().any(|i| i.status.is_some());
    meeting_field || says || !out.datelines.is_empty() || labelled || marked
}

/// The numbering state of the walk.
#[derive(Debug, Default)]
struct Numbering {
    /// The last item number taken.
    last: u32,
    /// A number seen alone, waiting for its title on the next line.
    pending: Option<u32>,
    /// How the item titles so far were set.
    style: Option<Style>,
    /// The last number of a numbered list inside the current item's text.
    list: Option<u32>,
}

impl Numbering {
    /// Whether a numbered title starts the next item rather than being a
    /// line of the current item's text.
    fn starts_item(&self, c: &Numbered) -> bool {
        let next = c.number == self.last + 1
            || (c.explicit && c.number > self.last)
            || (c.style == Style::Heading && c.number > self.last);
        if !next {
            return false;
        }
        // A list inside the item ("1. … 2. …") goes on with its own numbers;
        // where they meet the item numbers, the item titles' style decides.
        let in_list = self.list.is_some_and(|l| c.number == l + 1);
        let same_style = self.style.is_none_or(|s| s == c.style);
        !in_list || (same_style && !sentence_like(&c.title))
    }

    /// Whether a number at this point restarts numbering inside an item's
    /// text ("1." after item 4's title): a list, not an item.
    fn opens_list(&self, c: &Numbered) -> bool {
        c.number == 1 && self.last >= 1
    }

    fn took(&mut self, n: u32, style: Style) {
        self.last = n;
        self.list = None;
        self.style.get_or_insert(style);
    }
}

/// Whether the items so far were a table of contents: only titles, the
/// first of which this numbered title repeats (a contents line may cut a
/// long title short).
fn repeats_contents(items: &[ItemDraft], c: &Numbered) -> bool {
    let Some(first) = items.first() else {
        return false;
    };
    let same_title = first.title.as_deref().is_some_and(|t| {
        let (a, b) = (t.to_lowercase(), c.title.to_lowercase());
        a.starts_with(&b) || b.starts_with(&a)
    });
    items.len() >= 2
        && first.number == Some(c.number)
        && same_title
        && items
            .iter()
            .all(|i| i.is_empty() && i.case_number.is_none())
}

/// Walk the content blocks.
pub fn outline(blocks: &[&Block]) -> Outline {
    let mode = choose_mode(blocks);
    let mut out = Outline::default();
    let mut pending: Option<(HeaderField, String)> = None;
    let mut numbering = Numbering::default();
    let opening = first_text(blocks);

    for (i, block) in blocks.iter().enumerate() {
        let text = block.text.trim();
        let heading = matches!(block.kind, BlockKind::Heading { .. });
        if text.is_empty() {
            // An empty heading still ends the section before it (web pages
            // put unnamed parts of an item under an empty <h3>).
            if let (true, Some(item)) = (heading, out.items.last_mut()) {
                if item.sections.last().is_some_and(|s| !s.text.is_empty()) {
                    item.start_section(SectionKind::Other, None, "");
                }
            }
            continue;
        }
        if TOC_LINE.is_match(text) {
            continue;
        }

        // A number alone (a table cell in web pages, "Punkt 3" over the
        // title in Word templates) numbers the next title.
        if let Some((n, explicit)) = number_alone(text) {
            let row = matches!(block.kind, BlockKind::TableRow { .. });
            let next = n == numbering.last + 1 || (explicit && n > numbering.last);
            if next && (!row || explicit) && numbering.list.is_none_or(|l| n != l + 1) {
                numbering.pending = Some(n);
                continue;
            }
        }

        if out.items.is_empty() {
            if let Some(word) = doc_type_word(text) {
                out.doc_type_words.push(word);
                continue;
            }
            if header_block(block, &mut out, &mut pending) {
                out.header_blocks.push(i);
                continue;
            }
        }

        // Item starts.
        if let Some(n) = numbering.pending.take() {
            match section_start(text, heading) {
                // The number stood over a label: an untitled item.
                Some(_) => start_item(&mut out, Some(n), None),
                None => {
                    start_item(&mut out, Some(n), Some(text.to_string()));
                    numbering.took(n, style_of(block));
                    continue;
                }
            }
            numbering.took(n, style_of(block));
        }
        let candidate = (mode == Mode::Numbered)
            .then(|| numbered_title(block))
            .flatten();
        if let Some(c) = candidate {
            if repeats_contents(&out.items, &c) {
                // The titles so far were a table of contents.
                out.items.clear();
                numbering = Numbering::default();
            }
            let opens = opening == Some(i);
            if opens || numbering.starts_item(&c) {
                let (status, title) = match status_marker(&c.title) {
                    Some((s, rest)) if !rest.is_empty() => (Some(s), rest.to_string()),
                    _ => (None, c.title.clone()),
                };
                start_item(&mut out, Some(c.number), Some(title));
                if let Some(item) = out.items.last_mut() {
                    item.status = status;
                }
                numbering.took(c.number, c.style);
                continue;
            }
            if numbering.opens_list(&c) {
                numbering.list = Some(1);
            } else if numbering.list.is_some_and(|l| c.number == l + 1) {
                numbering.list = Some(c.number);
            }
        }
        if let Some((status, rest)) = status_marker(text) {
            let fresh = out
                .items
                .last()
                .is_some_and(|it| it.is_empty() && it.status.is_none());
            if !fresh {
                let title = (!rest.is_empty()).then(|| rest.to_string());
                start_item(&mut out, None, title);
            }
            if let Some(item) = out.items.last_mut() {
                item.status = Some(status);
            }
            continue;
        }
        if heading && out.title.is_none() && out.items.is_empty() && out.header.is_empty() {
            out.title = Some(text.to_string());
            continue;
        }
        if heading && is_dateline(text) && out.items.is_empty() {
            out.datelines.push(text.to_string());
            continue;
        }
        if groups_items(blocks, i) {
            continue;
        }
        let memo = out.doc_type_words.contains(&DocType::Notat)
            || out.header.iter().any(|h| h.field.is_memo_field());
        if let BlockKind::Heading { level } = block.kind {
            if mode == Mode::Headings(level) && is_item_heading(text) && !memo {
                start_item(&mut out, None, Some(text.to_string()));
                continue;
            }
        }
        if let Some(label) = section_start(text, heading) {
            if out.items.is_empty() {
                start_item(&mut out, None, None);
            }
            if let (Some(decided), None) = (&label.decided, &out.decided) {
                if decided.body.is_some() || decided.date.is_some() {
                    out.decided = Some(decided.clone());
                }
            }
            if let Some(item) = out.items.last_mut() {
                item.start_section(label.kind, Some(label.label), label.rest);
            }
            continue;
        }
        if let Some(item) = out.items.last_mut() {
            if item.case_number.is_none() && item.is_empty() {
                if let Some(c) = case_number(text) {
                    item.case_number = Some(c.to_string());
                    continue;
                }
            }
            // A heading that is not a label is a sub-heading of the part it
            // stands in ("Brug af fotos:" inside a decision): formats set
            // such lines apart differently (bold in a PDF, a heading style
            // in Word), so they never split a part. A line in capitals
            // after a labelled part ends it ("BESLUTNINGSFORSLAG FRA DD"
            // under FirstAgenda's "Beslutninger").
            let after_label = item
                .sections
                .last()
                .is_some_and(|s| s.heading.is_some() || s.kind != SectionKind::Other);
            if capitals_heading(text) && after_label {
                item.start_section(SectionKind::Other, Some(text), "");
            } else {
                item.push_text(text);
            }
            continue;
        }
        // Before the first item: the title, a date line, or preamble.
        if heading && out.title.is_none() {
            out.title = Some(text.to_string());
        } else if out.date_line.is_none()
            && find_dates(text)
                .first()
                .is_some_and(|d| d.start == 0 && d.end >= text.len() - 1)
        {
            out.date_line = Some(text.to_string());
        }
    }
    if !shows_a_meeting(&out) {
        out.items.clear();
    }
    for item in &mut out.items {
        // A decision label with nothing under it (an agenda printed before
        // the meeting) is no decision.
        item.sections
            .retain(|s| !(s.kind == SectionKind::Beslutning && s.text.trim().is_empty()));
    }
    let minutes = out
        .items
        .iter()
        .any(|i| i.sections.iter().any(|s| s.kind == SectionKind::Beslutning));
    for item in &mut out.items {
        // Minutes publish of a closed item only its decision, unlabelled.
        if let (true, Some(Status::Closed), [only]) =
            (minutes, item.status, item.sections.as_mut_slice())
        {
            if only.heading.is_none() && only.kind == SectionKind::Other && !only.text.is_empty() {
                only.kind = SectionKind::Beslutning;
            }
        }
    }
    // One numbered item that opens the document and is laid out in
    // labelled parts: an agenda item exported on its own.
    out.single_item = out.items.len() == 1
        && opening.is_some_and(|i| numbered_title(blocks[i]).is_some())
        && out.title.is_none()
        && out.header.is_empty()
        && out.items[0]
            .sections
            .iter()
            .filter(|s| s.heading.is_some() && s.kind != SectionKind::Other)
            .count()
            >= 1;
    if out.single_item {
        // Whatever the decision line does not say, an exported item does
        // not either: the earlier-meeting reference under its title
        // ("Kommunalbestyrelsen den 30. januar 2012 Punkt 5") is no date.
        out.datelines.clear();
        out.date_line = None;
    }
    for (i, item) in out.items.iter_mut().enumerate() {
        if item.number.is_none() {
            item.number = u32::try_from(i + 1).ok();
        }
    }
    out
}

fn start_item(out: &mut Outline, number: Option<u32>, title: Option<String>) {
    out.items.push(ItemDraft {
        number,
        title,
        ..ItemDraft::default()
    });
}

/// Header fields before the first item: a table row "Label | value", a line
/// "Label: value", or a label on its own line with the value on the lines
/// after it. Returns whether the block was used.
fn header_block(
    block: &Block,
    out: &mut Outline,
    pending: &mut Option<(HeaderField, String)>,
) -> bool {
    let text = block.text.trim();
    let heading = matches!(block.kind, BlockKind::Heading { .. });
    if let BlockKind::TableRow { cells } = &block.kind {
        // The value is the cell after the label, by position: an empty value
        // cell (an unfilled placeholder) leaves the field empty.
        let mut cells = cells.iter().map(|c| c.trim()).skip_while(|c| c.is_empty());
        if let Some(first) = cells.next() {
            if let Some(field) = header_field(first, true) {
                // A cell that is a label of its own ("Init.: TML") is not
                // this label's value either.
                let value = cells
                    .next()
                    .filter(|v| !is_own_label(v))
                    .unwrap_or("")
                    .to_string();
                push_header(out, field, first, value);
                *pending = None;
                return true;
            }
            if let Some((field, label, value)) = split_header_line(first) {
                push_header(out, field, label, value.to_string());
                return true;
            }
        }
        return false;
    }
    if let Some((field, label, value)) = split_header_line(text) {
        // A labelled line set as a heading is usually a title that happens
        // to hold a colon; a case number is never a title, however large
        // the letterhead prints it ("Sagsnr.: 2016-003798-62").
        if !heading || value.is_empty() || field == HeaderField::CaseNumber {
            *pending = value.is_empty().then(|| (field, label.to_string()));
            push_header(out, field, label, value.to_string());
            return true;
        }
    }
    if let Some(field) = header_field(text, false) {
        *pending = Some((field, text.to_string()));
        push_header(out, field, text, String::new());
        return true;
    }
    if let Some((field, label)) = pending.clone() {
        let accepted = if field.is_person_list() {
            is_name_list(text) && !heading
        } else {
            !heading && out.header.last().is_some_and(|h| h.value.is_empty())
        };
        if accepted {
            if let Some(h) = out
                .header
                .iter_mut()
                .rev()
                .find(|h| h.field == field && h.label == label)
            {
                if !h.value.is_empty() {
                    h.value.push('\n');
                }
                h.value.push_str(text);
            }
            if !field.is_person_list() {
                *pending = None;
            }
            return true;
        }
        *pending = None;
    }
    false
}

/// "Init.: TML", "Tlf.: 1234": a short label with its own value.
fn is_own_label(cell: &str) -> bool {
    cell.split_once(':').is_some_and(|(label, value)| {
        !value.trim().is_empty()
            && label.split_whitespace().count() == 1
            && label.chars().count() <= 12
            && label.chars().all(|c| c.is_alphabetic() || c == '.')
    })
}

fn push_header(out: &mut Outline, field: HeaderField, label: &str, value: String) {
    out.header.push(HeaderValue {
        field,
        label: label.trim().to_string(),
        value,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefilters_know_every_case_variant_of_their_letters() {
        // `may_start_numbered` and `may_be_case_number` list the case
        // variants of the labels' letters by hand: `(?i)` must know no more.
        let mut letters: Vec<(char, String)> = "pdnjagrumeol"
            .chars()
            .map(|c| (c, format!("{c}{}", c.to_ascii_uppercase())))
            .collect();
        letters.push(('s', "sSſ".into()));
        for (letter, variants) in letters {
            let re = Regex::new(&format!("(?i)^{letter}$")).expect("test regex");
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                if re.is_match(c.encode_utf8(&mut [0; 4])) {
                    assert!(variants.contains(c), "{c:?} is a case variant of {letter}");
                }
            }
        }
    }

    #[test]
    fn case_numbers_as_the_exact_pattern_reads_them() {
        let lines = [
            "EMN-2025-003383",
            "27.00.00-A00-1-19",
            "Sagsnr.: 2012-28505",
            "Sagsnr.:ab",
            "Sagsnr. 12",
            "Sags nr. 19/12345",
            "J.nr. 2016-003798-62",
            "Journalnr.: abcdefghijklmnopqrstuvwxyzabcdefghij",
            "Sagen drejer sig om en ny plan",
            "sagsnummer 123456789012345678901234567890",
            "sagsnummer 1234567890123456789012345678901",
            "ÆØÅ-2020-123",
            "Ja",
            "Sagsnr.: 2012-28505 Jørgen",
            "Sagsnr.: ab\u{a0}cd",
            "Sagsnr.:\u{a0}abc",
            "J.nr. ſag-1",
            "ſagsnr. 123",
            "EMN-٢٠٢٥-003383",
            "Jens Hansen orienterede",
            "J. nr. 12-34",
            "J nr 123",
            "J\u{a0}nr. 1234",
            "j.nr.:ærø",
            "JOURNALNR. 5",
            "Sagsbehandler: Jørgen",
            "Sag nr. 3 Lokalplan",
            "Sags nr. ø12",
        ];
        for line in lines {
            let exact = CASE_NUMBER
                .captures(line)
                .and_then(|c| c.get(1).or_else(|| c.get(2)))
                .map(|m| m.as_str());
            assert_eq!(case_number(line), exact, "{line}");
        }
    }

    fn walk(blocks: &[Block]) -> Outline {
        let refs: Vec<&Block> = blocks.iter().collect();
        outline(&refs)
    }

    #[test]
    fn labelled_table_then_numbered_items() {
        let blocks = vec![
            Block::table_row(vec!["Forum:".into(), "Udsatterådet".into()]),
            Block::table_row(vec![
                "Afbud:".into(),
                "Søren Mogensen, Allan Høyer og Ulla Bektas".into(),
            ]),
            Block::paragraph("1. Godkendelse af referat fra 10. juni 2021"),
            Block::paragraph("Beslutning:"),
            Block::paragraph("Godkendt."),
            Block::paragraph("4. april – Netværksmøde"),
            Block::paragraph("2. Næstformanden er trådt ud"),
            Block::paragraph("Beslutning: Vakant."),
        ];
        let o = walk(&blocks);
        assert_eq!(o.header.len(), 2);
        assert_eq!(o.header[1].field, HeaderField::Absent);
        assert_eq!(o.items.len(), 2);
        assert_eq!(
            o.items[0].title.as_deref(),
            Some("Godkendelse af referat fra 10. juni 2021")
        );
        assert_eq!(o.items[0].sections[0].kind, SectionKind::Beslutning);
        assert!(o.items[0].sections[0].text.contains("Netværksmøde"));
        assert_eq!(o.items[1].sections[0].text, "Vakant.");
    }

    #[test]
    fn a_case_number_set_as_a_heading_is_the_case_number() {
        let blocks = vec![
            Block::heading(3, "Staben"),
            Block::paragraph("Dato: 27. april 2016"),
            Block::heading(2, "Sagsnr.: 2016-003798-62"),
            Block::heading(1, "Notat"),
            Block::heading(2, "Testfiler"),
        ];
        let o = walk(&blocks);
        let case = o.header.iter().find(|h| h.field == HeaderField::CaseNumber);
        assert_eq!(case.map(|h| h.value.as_str()), Some("2016-003798-62"));
    }

    #[test]
    fn a_cell_with_its_own_label_is_not_a_value() {
        let blocks = vec![
            Block::table_row(vec!["Sagsnr.".into(), "Init.: TML".into()]),
            Block::table_row(vec!["Kopi til".into(), "".into(), "Badehusvej 1".into()]),
            Block::table_row(vec!["Fra".into(), "TinaMaria Larsen".into()]),
            Block::paragraph("26. februar 2021"),
        ];
        let o = walk(&blocks);
        assert_eq!(o.header[0].field, HeaderField::CaseNumber);
        assert_eq!(o.header[0].value, "");
        assert_eq!(o.header[1].value, "");
        assert_eq!(o.header[2].value, "TinaMaria Larsen");
        // An empty value cell leaves no field waiting for the next line.
        assert_eq!(o.date_line.as_deref(), Some("26. februar 2021"));
    }

    #[test]
    fn label_alone_then_list() {
        let blocks = vec![
            Block::heading(1, "Referat fra møde i Udsatterådet 21. november 2023"),
            Block::heading(2, "Mødested"),
            Block::paragraph("Kagsåhuse"),
            Block::heading(2, "Deltagere"),
            Block::list_item(0, None, "Mette Andersen"),
            Block::list_item(0, None, "Søren Olsen"),
            Block::heading(2, "Afbud fra"),
            Block::list_item(0, None, "Gitte Cordua"),
            Block::paragraph("Der blev budt velkommen."),
            Block::heading(2, "Opfølgning på fleksibel støtte"),
            Block::paragraph("Lise fortalte om afprøvning."),
        ];
        let o = walk(&blocks);
        assert_eq!(
            o.title.as_deref(),
            Some("Referat fra møde i Udsatterådet 21. november 2023")
        );
        let values: Vec<(HeaderField, &str)> = o
            .header
            .iter()
            .map(|h| (h.field, h.value.as_str()))
            .collect();
        assert_eq!(
            values,
            [
                (HeaderField::Place, "Kagsåhuse"),
                (HeaderField::Attendees, "Mette Andersen\nSøren Olsen"),
                (HeaderField::Absent, "Gitte Cordua"),
            ]
        );
        assert_eq!(o.items.len(), 1);
        assert_eq!(
            o.items[0].title.as_deref(),
            Some("Opfølgning på fleksibel støtte")
        );
    }

    #[test]
    fn untitled_status_items() {
        let blocks = vec![
            Block::heading(1, "27. maj 2024 - referat fra Udsatterådet"),
            Block::heading(2, "Udsatterådet 27. maj 2024"),
            Block::paragraph("Åben"),
            Block::heading(3, "Beslutning"),
            Block::paragraph("Dagsorden godkendes."),
            Block::paragraph("Åben"),
            Block::heading(3, "Indstilling"),
            Block::paragraph("Der er kort dialog."),
            Block::heading(3, "Beslutning"),
            Block::paragraph("Afholdt."),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 2);
        assert!(o
            .items
            .iter()
            .all(|i| i.title.is_none() && i.status == Some(Status::Open)));
        assert_eq!(o.items[1].sections.len(), 2);
        assert_eq!(o.datelines, ["Udsatterådet 27. maj 2024"]);
    }

    #[test]
    fn bold_lines_inside_marked_items_are_not_items() {
        let blocks = vec![
            Block::paragraph("Åben"),
            Block::paragraph("Beslutning"),
            Block::heading(3, "Opfølgning på fællesmøde:"),
            Block::paragraph("Udsatterådet har sendt en forespørgsel."),
            Block::heading(3, "Brug af fotos:"),
            Block::paragraph("Åben"),
            Block::paragraph("Indstilling"),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 2);
        assert!(o.items.iter().all(|i| i.title.is_none()));
    }

    #[test]
    fn punkt_items_with_case_numbers_and_closed_items() {
        let blocks = vec![
            Block::paragraph("Godkendelse af dagsorden........................ 3"),
            Block::heading(2, "Punkt 1: Godkendelse af dagsorden"),
            Block::paragraph("EMN-2023-009832"),
            Block::heading(3, "Beslutninger"),
            Block::paragraph("Godkendt."),
            Block::heading(2, "Punkt 21: Lukket: Køb af landbrugsejendom"),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 2);
        assert_eq!(o.items[0].case_number.as_deref(), Some("EMN-2023-009832"));
        assert_eq!(o.items[0].sections[0].kind, SectionKind::Beslutning);
        assert_eq!(o.items[1].number, Some(21));
        assert_eq!(o.items[1].status, Some(Status::Closed));
        assert_eq!(o.items[1].title.as_deref(), Some("Køb af landbrugsejendom"));
    }

    #[test]
    fn group_headings_group_only_when_an_item_follows() {
        let blocks = vec![
            Block::table_row(vec!["Forum:".into(), "Udsatterådet".into()]),
            Block::heading(1, "Beslutningspunkter"),
            Block::heading(2, "Godkendelse af referat"),
            Block::paragraph("Godkendt."),
            Block::heading(2, "Øvrige orienteringspunkter"),
            Block::list_item(0, None, "Medlemsstatus"),
            Block::heading(2, "Eventuelt"),
        ];
        let o = walk(&blocks);
        let titles: Vec<_> = o.items.iter().map(|i| i.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Godkendelse af referat"),
                Some("Øvrige orienteringspunkter"),
                Some("Eventuelt")
            ]
        );
    }

    #[test]
    fn a_memo_has_a_title_not_items() {
        let blocks = vec![
            Block::heading(1, "Notat"),
            Block::table_row(vec!["Til".into(), "FSU".into()]),
            Block::table_row(vec!["Fra".into(), "TinaMaria Larsen".into()]),
            Block::paragraph("26. februar 2021"),
            Block::heading(2, "Opsamling på møde med Udsatterådet"),
            Block::paragraph("Undertegnede startede med at orientere."),
        ];
        let o = walk(&blocks);
        assert!(o.items.is_empty());
        assert_eq!(
            o.title.as_deref(),
            Some("Opsamling på møde med Udsatterådet")
        );
        assert_eq!(o.date_line.as_deref(), Some("26. februar 2021"));
        assert_eq!(o.doc_type_words, [DocType::Notat]);
    }

    #[test]
    fn an_empty_heading_ends_a_section() {
        let blocks = vec![
            Block::paragraph("1. Måltal for busfremkommelighed"),
            Block::heading(3, "Beslutninger"),
            Block::paragraph("Sagen blev udsat uden behandling."),
            Block::heading(3, ""),
            Block::paragraph("Et resumé uden overskrift."),
            Block::paragraph("2. Eventuelt"),
        ];
        let o = walk(&blocks);
        let sections = &o.items[0].sections;
        assert_eq!(sections[0].text, "Sagen blev udsat uden behandling.");
        assert_eq!(sections[1].kind, SectionKind::Other);
        assert_eq!(sections[1].text, "Et resumé uden overskrift.");
    }

    #[test]
    fn item_numbers_in_their_own_cell() {
        let blocks = vec![
            Block::paragraph("1"),
            Block::paragraph("Referat fra sidste udvalgsmøde"),
            Block::paragraph("Beslutninger"),
            Block::paragraph("Ingen bemærkninger."),
            Block::paragraph("2"),
            Block::paragraph("Udviklingsplan Aarhus Ø"),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 2);
        assert_eq!(o.items[1].title.as_deref(), Some("Udviklingsplan Aarhus Ø"));
    }

    fn titles(o: &Outline) -> Vec<(Option<u32>, Option<&str>)> {
        o.items
            .iter()
            .map(|i| (i.number, i.title.as_deref()))
            .collect()
    }

    fn decision(item: &ItemDraft) -> String {
        item.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Beslutning)
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn word_template_punkt_headings_over_their_titles() {
        let blocks = vec![
            Block::heading(1, "Dagsorden"),
            Block::table_row(vec!["Mødested:".into(), "Rådhuset".into()]),
            Block::heading(2, "Punkt 1."),
            Block::paragraph("Godkendelse af dagsorden"),
            Block::paragraph("Beslutning: Godkendt."),
            Block::heading(2, "Punkt 2."),
            Block::paragraph("Budget 2014"),
            Block::paragraph("Indstilling: Drøftes."),
        ];
        let o = walk(&blocks);
        assert_eq!(
            titles(&o),
            [
                (Some(1), Some("Godkendelse af dagsorden")),
                (Some(2), Some("Budget 2014"))
            ]
        );
    }

    #[test]
    fn sag_nr_forms_and_numbers_in_cells_of_their_own() {
        let blocks = vec![
            Block::paragraph("Referat"),
            Block::table_row(vec!["Sag nr. 1".into(), "Meddelelser".into()]),
            Block::paragraph("Beslutning: Taget til efterretning."),
            Block::paragraph("Sag nr. 2 Lokalplan 45"),
            Block::paragraph("Beslutning: Vedtaget."),
        ];
        let o = walk(&blocks);
        assert_eq!(
            titles(&o),
            [
                (Some(1), Some("Meddelelser")),
                (Some(2), Some("Lokalplan 45"))
            ]
        );
    }

    #[test]
    fn a_reference_in_running_text_is_no_item() {
        let blocks = vec![
            Block::paragraph("Forum: Økonomiudvalget"),
            Block::paragraph("1. Godkendelse af dagsorden"),
            Block::paragraph("Beslutning: Godkendt."),
            Block::paragraph("2. Budgetopfølgning"),
            Block::paragraph("Punkt 5 vedrørende budgettet blev drøftet sammen med dette punkt."),
            Block::paragraph("Punkt 3 vedrørende anlæg udsættes"),
            Block::paragraph("3. Eventuelt"),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 3, "{:?}", titles(&o));
        assert_eq!(o.items[2].title.as_deref(), Some("Eventuelt"));
    }

    #[test]
    fn a_numbered_list_inside_an_item_is_its_text() {
        let blocks = vec![
            Block::table_row(vec!["Forum:".into(), "Byrådet".into()]),
            Block::heading(2, "1. Godkendelse af dagsorden"),
            Block::paragraph("Godkendt."),
            Block::heading(2, "2. Forslag om principbeslutning"),
            Block::paragraph("Partiet foreslår derfor, at"),
            Block::list_item(
                0,
                Some(1),
                "Byrådet træffer en principbeslutning om placeringen.",
            ),
            Block::list_item(
                0,
                Some(2),
                "Byrådet pålægger forvaltningen at arbejde for en løsning.",
            ),
            Block::list_item(
                0,
                Some(3),
                "Forvaltningen vender tilbage med en plan inden udgangen af året.",
            ),
            Block::heading(2, "3. Eventuelt"),
        ];
        let o = walk(&blocks);
        assert_eq!(
            titles(&o),
            [
                (Some(1), Some("Godkendelse af dagsorden")),
                (Some(2), Some("Forslag om principbeslutning")),
                (Some(3), Some("Eventuelt"))
            ]
        );
        assert!(o.items[1].sections[0]
            .text
            .contains("inden udgangen af året"));
    }

    #[test]
    fn a_table_of_contents_without_leaders_is_not_the_items() {
        let blocks = vec![
            Block::heading(1, "Referat"),
            Block::paragraph("Indholdsfortegnelse"),
            Block::paragraph("1. Godkendelse af dagsorden"),
            Block::paragraph("2. Budget 2024 - andenbehandling"),
            Block::paragraph("3. Eventuelt"),
            Block::paragraph("1. Godkendelse af dagsorden"),
            Block::paragraph("Beslutning: Godkendt."),
            Block::paragraph("2. Budget 2024 - andenbehandling af budgettet"),
            Block::paragraph("Beslutning: Vedtaget."),
            Block::paragraph("3. Eventuelt"),
            Block::paragraph("Beslutning: Intet."),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 3, "{:?}", titles(&o));
        assert!(o.items.iter().all(|i| !decision(i).is_empty()));
    }

    #[test]
    fn a_single_item_export_is_one_item_of_that_number() {
        let blocks = vec![
            Block::heading(1, "7. Etablering af aktivitetscenter"),
            Block::paragraph("Sagsnr.: 2012-28505"),
            Block::paragraph("Dok.nr.: 2012-206289"),
            Block::paragraph("Kommunalbestyrelsen den 30. januar 2012 Punkt 5"),
            Block::heading(1, "Sammendrag"),
            Block::paragraph("Faciliteterne ønskes udnyttet."),
            Block::heading(1, "Indstilling"),
            Block::paragraph("1. Projektbeskrivelsen tages til efterretning."),
            Block::paragraph("2. Der afgives forslag til brugergrupper."),
            Block::paragraph("Beslutning i Økonomiudvalget den 12-12-2012 Indstillingen godkendt"),
            Block::paragraph("Følgende deltog ikke i behandlingen af punktet:"),
        ];
        let o = walk(&blocks);
        assert!(o.single_item);
        assert_eq!(
            titles(&o),
            [(Some(7), Some("Etablering af aktivitetscenter"))]
        );
        assert_eq!(o.items[0].case_number.as_deref(), Some("2012-28505"));
        assert_eq!(
            decision(&o.items[0]),
            "Indstillingen godkendt\nFølgende deltog ikke i behandlingen af punktet:"
        );
        let decided = o.decided.expect("the decision line's meeting");
        assert_eq!(decided.body.as_deref(), Some("Økonomiudvalget"));
        assert_eq!(decided.date.as_deref(), Some("2012-12-12"));
        assert!(o.title.is_none() && o.datelines.is_empty());
    }

    #[test]
    fn an_agenda_before_the_meeting_has_no_decisions() {
        let blocks = vec![
            Block::heading(1, "Dagsorden"),
            Block::paragraph("Sted: Rådhuset"),
            Block::paragraph("1. Godkendelse af dagsorden"),
            Block::paragraph("Indstilling"),
            Block::paragraph("Forvaltningen indstiller, at dagsordenen godkendes."),
            Block::paragraph("Beslutning"),
            Block::paragraph("2. Eventuelt"),
            Block::paragraph("Beslutning:"),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items.len(), 2);
        assert!(o.items.iter().all(|i| decision(i).is_empty()));
        assert_eq!(o.items[0].sections[0].kind, SectionKind::Indstilling);
    }

    #[test]
    fn a_decision_ends_at_the_motion_in_capitals_under_it() {
        let blocks = vec![
            Block::heading(1, "REFERAT Aarhus Byråd"),
            Block::heading(2, "Punkt 1: Godkendelse af dagsorden"),
            Block::heading(3, "Beslutninger"),
            Block::paragraph("Godkendt."),
            Block::paragraph("Venstre tog forbehold."),
            Block::paragraph("BESLUTNINGSFORSLAG FRA DD"),
            Block::paragraph("Partiet foreslår en ny plan."),
            Block::heading(2, "Punkt 2: Eventuelt"),
        ];
        let o = walk(&blocks);
        assert_eq!(decision(&o.items[0]), "Godkendt.\nVenstre tog forbehold.");
    }

    #[test]
    fn a_reports_headings_and_a_date_line_are_no_items() {
        let report = vec![
            Block::heading(1, "Projektbeskrivelse"),
            Block::paragraph("Projektleder: Birgit Jensen"),
            Block::heading(2, "Formål og baggrund"),
            Block::paragraph("Bygningerne skal danne rammen for aktiviteter."),
            Block::heading(2, "Organisering"),
            Block::paragraph("Styregruppe og projektgruppe."),
        ];
        assert!(walk(&report).items.is_empty());
        assert!(is_date_line("Onsdag den 23. januar kl. 16.30-19.00"));
        assert!(is_date_line("Torsdag den 20. juni 2013"));
        assert!(!is_date_line("Nytårsparole den 14. januar kl. 11"));
    }

    #[test]
    fn a_closed_items_lone_text_in_minutes_is_its_decision() {
        let blocks = vec![
            Block::heading(1, "Referat"),
            Block::heading(2, "Punkt 1: Godkendelse af dagsorden"),
            Block::heading(3, "Beslutninger"),
            Block::paragraph("Godkendt."),
            Block::heading(2, "Punkt 2: Lukket: Køb af ejendom"),
            Block::paragraph("Tilbagesendes forvaltningen med bemærkning, at byrådet har vedtaget indstillingen."),
        ];
        let o = walk(&blocks);
        assert_eq!(o.items[1].status, Some(Status::Closed));
        assert!(decision(&o.items[1]).starts_with("Tilbagesendes"));
    }
}
