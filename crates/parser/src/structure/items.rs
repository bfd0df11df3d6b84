//! The walk over a document's content blocks: header fields before the
//! first item, the title, then items and their labelled sections.
//!
//! Items start at numbered titles ("1. Godkendelse af …", "Punkt 2: …"), at
//! headings when the document numbers nothing, and at status markers
//! ("Åben") that begin an untitled item. Sections start at labels
//! ("Beslutning:", "Indstilling").

use std::sync::LazyLock;

use referat_schema::{DocType, Section, SectionKind, Status};
use regex::Regex;

use super::dates::find_dates;
use super::labels::{
    doc_type_word, header_field, is_group_heading, section_label, split_header_line, status_marker,
    HeaderField,
};
use super::persons::{looks_like_name, split_person_list};
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
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(punkt|pkt\.?)\s+)?(\d{1,3})\s*([.:)]?)\s+(\S.*)$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:sagsnr\.?|sags nr\.?|j\.?\s?nr\.?)\s*:?\s*)?([A-ZÆØÅ]{2,6}-\d{4}-\d{3,}|\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?-\d{2,}-\d{2,})$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static TOC_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}\s*$")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A numbered item title in a block: (number, title, whether "Punkt" said so).
fn numbered_title(block: &Block) -> Option<(u32, String, bool)> {
    if let BlockKind::ListItem {
        depth: 0,
        number: Some(n),
    } = block.kind
    {
        return short_title(&block.text).map(|t| (n, t, false));
    }
    if let BlockKind::TableRow { cells } = &block.kind {
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        if let [number, title, ..] = filled.as_slice() {
            if let Ok(n) = number.trim().trim_end_matches('.').parse::<u32>() {
                return short_title(title).map(|t| (n, t, false));
            }
        }
        return None;
    }
    let c = NUMBERED.captures(block.text.trim())?;
    let explicit = c.get(1).is_some();
    let n: u32 = c.get(2)?.as_str().parse().ok()?;
    let punct = c.get(3).map_or("", |m| m.as_str());
    let rest = c.get(4)?.as_str();
    if !explicit && punct.is_empty() && !matches!(block.kind, BlockKind::Heading { .. }) {
        return None;
    }
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_end_matches([',', '.', ':']);
    if is_month_name(first) || first.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None; // "4. april – …", "1. 200 kr."
    }
    if !rest.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    short_title(rest).map(|t| (n, t, explicit))
}

fn short_title(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && t.chars().count() <= 250).then(|| t.to_string())
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
                || next.text.trim().parse::<u32>().is_ok()
        }
    }
}

fn choose_mode(blocks: &[&Block]) -> Mode {
    let mut last = 0u32;
    let mut sequential = 0;
    for b in blocks {
        if let Some((n, _, explicit)) = numbered_title(b) {
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
    let level = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading { level }
                if i > 0 && is_item_heading(&b.text) && !groups_items(blocks, i) =>
            {
                Some(level)
            }
            _ => None,
        })
        .min();
    level.map_or(Mode::Markers, Mode::Headings)
}

fn is_item_heading(text: &str) -> bool {
    section_label(text, true).is_none()
        && status_marker(text).is_none()
        && header_field(text, false).is_none()
        && doc_type_word(text).is_none()
        && !is_dateline(text)
}

/// Walk the content blocks.
pub fn outline(blocks: &[&Block]) -> Outline {
    let mode = choose_mode(blocks);
    let mut out = Outline::default();
    let mut pending: Option<(HeaderField, String)> = None;
    let mut last_number = 0u32;
    let mut pending_number: Option<u32> = None;

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

        // A number alone (a table cell in web pages) numbers the next title.
        if let Ok(n) = text.trim_end_matches('.').parse::<u32>() {
            if n == last_number + 1 && !matches!(block.kind, BlockKind::TableRow { .. }) {
                pending_number = Some(n);
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
        if let Some(n) = pending_number.take() {
            start_item(&mut out, Some(n), Some(text.to_string()));
            last_number = n;
            continue;
        }
        if mode == Mode::Numbered {
            if let Some((n, title, explicit)) = numbered_title(block) {
                if n == last_number + 1
                    || (explicit && n > last_number)
                    || (heading && n > last_number)
                {
                    let (status, title) = match status_marker(&title) {
                        Some((s, rest)) if !rest.is_empty() => (Some(s), rest.to_string()),
                        _ => (None, title),
                    };
                    start_item(&mut out, Some(n), Some(title));
                    if let Some(item) = out.items.last_mut() {
                        item.status = status;
                    }
                    last_number = n;
                    continue;
                }
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
        if let Some((kind, label, rest)) = section_label(text, heading) {
            if out.items.is_empty() {
                start_item(&mut out, None, None);
            }
            if let Some(item) = out.items.last_mut() {
                item.start_section(kind, Some(label), rest);
            }
            continue;
        }
        if let Some(item) = out.items.last_mut() {
            if item.case_number.is_none() && item.is_empty() {
                if let Some(c) = CASE_NUMBER.captures(text).and_then(|c| c.get(1)) {
                    item.case_number = Some(c.as_str().to_string());
                    continue;
                }
            }
            if heading {
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
        if !heading || value.is_empty() {
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
}
