//! The format-independent structure extractor: blocks to a schema record.
//! Rules here are rules about Danish minutes, never about one file.

pub mod dates;
pub mod items;
pub mod labels;
pub mod lexicon;
pub mod meta;
pub mod persons;

use std::collections::HashSet;
use std::path::Path;

use referat_schema::{DocType, Format, Item, Person, Record, SectionKind, Source};

use crate::BlockDocument;
use dates::{find_dates, find_times};
use items::{HeaderValue, ItemDraft};
use labels::HeaderField;
use persons::{find_names, split_person_list, PersonIndex};

/// Describe the source file of a record.
pub fn source_for(path: &Path, format: Format, bytes: &[u8], doc: &BlockDocument) -> Source {
    Source {
        path: path.to_string_lossy().into_owned(),
        format,
        sha256: crate::content_hash(bytes),
        bytes: bytes.len() as u64,
        pages: doc.pages,
        producer: doc.producer.clone(),
        ocr: doc.ocr.clone(),
    }
}

/// Turn a reader's blocks into a record.
pub fn extract(doc: &BlockDocument, source: Source) -> Record {
    let content: Vec<&crate::Block> = doc.content().collect();
    let furniture: String = doc
        .blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let outline = items::outline(&content);
    let mut record = Record::empty(source);
    record.text = doc.content_text();
    record.warnings = doc.warnings.clone();
    record.title = outline.title.clone();

    apply_header(&mut record, &outline.header);
    find_date_and_time(&mut record, &outline);

    record.body = record
        .body
        .take()
        .or_else(|| record.title.as_deref().and_then(meta::body_in))
        .or_else(|| outline.datelines.iter().find_map(|d| meta::body_in(d)))
        .or_else(|| doc.meta_title.as_deref().and_then(meta::body_in))
        .or_else(|| meta::most_named_body(&record.text));

    let has_memo_fields = outline.header.iter().any(|h| h.field.is_memo_field());
    let has_decisions = outline
        .items
        .iter()
        .any(|i| i.sections.iter().any(|s| s.kind == SectionKind::Beslutning));
    record.doc_type = meta::doc_type(
        &outline.doc_type_words,
        record.title.as_deref(),
        &furniture,
        has_memo_fields,
        has_decisions,
    );

    let path = Path::new(&record.source.path).to_path_buf();
    match meta::municipality(&furniture, &path, &record.text) {
        Some((m, evidence)) => {
            if evidence == meta::Evidence::Path {
                record
                    .warnings
                    .push(format!("municipality \"{m}\" taken from the file's path"));
            }
            record.municipality = Some(m);
        }
        None => record.warnings.push("municipality not found".into()),
    }

    let mut people = PersonIndex::default();
    register_header_people(&record, &mut people);
    let header_blocks: HashSet<usize> = outline.header_blocks.iter().copied().collect();
    let running: Vec<&str> = content
        .iter()
        .enumerate()
        .filter(|(i, _)| !header_blocks.contains(i))
        .map(|(_, b)| b.text.as_str())
        .collect();
    let known = people.given_names();
    for block in &running {
        for m in find_names(block, &known) {
            people.add(&m.name, m.role.as_deref());
        }
    }
    if record.doc_type == DocType::Notat {
        // The signature names the author and often their office:
        // "Med venlig hilsen TinaMaria Larsen, Centerchef CSI".
        let signed = signature(&running);
        match (&mut record.author, signed) {
            (None, Some(signed)) => {
                people.add(&signed.name, Some("forfatter"));
                record.author = Some(signed);
            }
            (Some(author), Some(signed)) if author.role.is_none() && author.name == signed.name => {
                author.role = signed.role;
                if let Some(role) = &author.role {
                    people.add(&author.name, Some(role));
                }
            }
            _ => {}
        }
    }

    let year = record
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok());
    record.items = outline
        .items
        .iter()
        .map(|draft| finish_item(draft, &people, &known, year))
        .collect();
    record.persons = people.summarise();

    if record.date.is_none() {
        record.warnings.push("no meeting date found".into());
    }
    if record.items.is_empty() && record.doc_type != DocType::Notat {
        record.warnings.push("no agenda items found".into());
    }
    record
}

fn first_line(value: &str) -> Option<String> {
    value
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

fn apply_header(record: &mut Record, header: &[HeaderValue]) {
    for h in header {
        let value = h.value.trim();
        if value.is_empty() {
            continue;
        }
        match h.field {
            HeaderField::Body => {
                record.body = record.body.take().or_else(|| first_line(value));
            }
            HeaderField::When => {
                if record.date.is_none() {
                    record.date = find_dates(value).first().and_then(|d| d.iso(None));
                }
                if record.start_time.is_none() {
                    if let Some((start, end)) = find_times(value) {
                        record.start_time = Some(start);
                        record.end_time = end;
                    }
                }
            }
            HeaderField::Place => {
                record.location = record.location.take().or_else(|| first_line(value));
            }
            HeaderField::Attendees => record.attendees.extend(split_person_list(value)),
            HeaderField::Absent => record.absent.extend(split_person_list(value)),
            HeaderField::AbsentWithoutNotice => record
                .absent_without_notice
                .extend(split_person_list(value)),
            HeaderField::Guests => record.guests.extend(split_person_list(value)),
            HeaderField::MinuteTaker => {
                record.minute_taker = split_person_list(value)
                    .into_iter()
                    .next()
                    .or_else(|| first_line(value).map(Person::named));
            }
            HeaderField::Author => {
                record.author = split_person_list(value).into_iter().next();
            }
            HeaderField::Recipients => record.recipients.extend(list_values(value)),
            HeaderField::CopyTo => record.copy_to.extend(list_values(value)),
            HeaderField::CaseNumber => record.case_number = first_line(value),
        }
    }
}

fn list_values(value: &str) -> Vec<String> {
    value
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// The meeting date: the header's Tid / Mødedato first, then the title, a
/// heading with the meeting's name and date, a date line (memos).
fn find_date_and_time(record: &mut Record, outline: &items::Outline) {
    let candidates = record
        .title
        .iter()
        .chain(outline.datelines.iter())
        .chain(outline.date_line.iter());
    for line in candidates {
        if record.date.is_none() {
            record.date = find_dates(line)
                .iter()
                .find(|d| d.year.is_some())
                .and_then(|d| d.iso(None));
        }
        if record.start_time.is_none() {
            if let Some((start, end)) = find_times(line) {
                record.start_time = Some(start);
                record.end_time = end;
            }
        }
    }
}

fn register_header_people(record: &Record, people: &mut PersonIndex) {
    let lists: [(&[Person], &str); 4] = [
        (&record.attendees, "deltager"),
        (&record.absent, "afbud"),
        (&record.absent_without_notice, "u/afbud"),
        (&record.guests, "gæst"),
    ];
    for (list, role) in lists {
        for p in list {
            people.add(&p.name, Some(role));
            if let Some(r) = &p.role {
                people.add(&p.name, Some(r));
            }
        }
    }
    for (person, role) in [
        (&record.minute_taker, "referent"),
        (&record.author, "forfatter"),
    ] {
        if let Some(p) = person {
            people.add(&p.name, Some(role));
            if let Some(r) = &p.role {
                people.add(&p.name, Some(r));
            }
        }
    }
}

/// "Med venlig hilsen TinaMaria Larsen, Centerchef CSI": a memo's signature.
fn signature(blocks: &[&str]) -> Option<Person> {
    let last = blocks.iter().rev().take(3).find_map(|b| {
        let lower = b.to_lowercase();
        let at = lower
            .find("venlig hilsen")
            .or_else(|| lower.find("hilsen"))?;
        let after = &b[at..];
        let name_start = after.find(char::is_uppercase)?;
        Some(after[name_start..].to_string())
    })?;
    split_person_list(&last).into_iter().next()
}

fn finish_item(
    draft: &ItemDraft,
    people: &PersonIndex,
    known: &HashSet<String>,
    year: Option<i32>,
) -> Item {
    let mut persons: Vec<String> = Vec::new();
    let mut dates: Vec<String> = Vec::new();
    let texts = draft
        .title
        .iter()
        .map(String::as_str)
        .chain(draft.sections.iter().map(|s| s.text.as_str()));
    for text in texts {
        for m in find_names(text, known) {
            let name = people.canonical(&m.name);
            if !persons.contains(&name) {
                persons.push(name);
            }
        }
        for d in find_dates(text) {
            if let Some(iso) = d.iso(year) {
                if !dates.contains(&iso) {
                    dates.push(iso);
                }
            }
        }
    }
    Item {
        number: draft.number.unwrap_or(0),
        title: draft.title.clone(),
        status: draft.status,
        case_number: draft.case_number.clone(),
        sections: draft.sections.clone(),
        persons,
        dates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Block;

    fn record(blocks: Vec<Block>) -> Record {
        let doc = BlockDocument {
            blocks,
            ..BlockDocument::default()
        };
        let source = source_for(Path::new("notat.docx"), Format::Docx, b"x", &doc);
        extract(&doc, source)
    }

    #[test]
    fn a_memo_signature_gives_the_author_a_role() {
        let r = record(vec![
            Block::heading(1, "Notat"),
            Block::table_row(vec!["Fra".into(), "TinaMaria Larsen".into()]),
            Block::paragraph("Udsatterådet var glade for opbakningen."),
            Block::paragraph("Med venlig hilsen TinaMaria Larsen, Centerchef CSI"),
        ]);
        let author = r.author.expect("an author");
        assert_eq!(author.name, "TinaMaria Larsen");
        assert_eq!(author.role.as_deref(), Some("Centerchef CSI"));
        let person = r
            .persons
            .iter()
            .find(|p| p.name == author.name)
            .expect("listed");
        assert!(person.roles.contains(&"forfatter".to_string()));
        assert!(person.roles.contains(&"centerchef csi".to_string()));
    }

    #[test]
    fn the_minute_takers_role_is_listed() {
        let r = record(vec![
            Block::table_row(vec!["Referent:".into(), "Carina Kofoed (sekretær)".into()]),
            Block::paragraph("1. Godkendelse af dagsorden"),
            Block::paragraph("Beslutning: Godkendt."),
            Block::paragraph("2. Eventuelt"),
        ]);
        let p = r
            .persons
            .iter()
            .find(|p| p.name == "Carina Kofoed")
            .expect("listed");
        assert_eq!(p.roles, ["referent", "sekretær"]);
    }
}
