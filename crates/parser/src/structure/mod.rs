//! The format-independent structure extractor: blocks to a schema record.
//! Rules here are rules about Danish minutes, never about one file.

pub mod dates;
pub mod explain;
pub mod items;
pub mod labels;
pub mod lexicon;
pub mod meta;
pub mod persons;
pub mod sections;

use std::collections::HashSet;
use std::path::Path;

use referat_schema::{DocType, Format, Item, Person, Record, SectionKind, Source};

use crate::BlockDocument;
use dates::{find_dates, find_times, is_approval_line, is_date_line, is_time_line};
pub use explain::FieldEvidence;
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
        links: match format {
            Format::Html => crate::links::document_links(bytes),
            _ => Vec::new(),
        },
    }
}

/// Turn a reader's blocks into a record.
pub fn extract(doc: &BlockDocument, source: Source) -> Record {
    extract_explained(doc, source).0
}

/// [`extract`], with the evidence for each meeting field: the rule that set
/// it and the text it read (see [`explain::locate`] for the block).
pub fn extract_explained(doc: &BlockDocument, source: Source) -> (Record, Vec<FieldEvidence>) {
    let content: Vec<&crate::Block> = doc.content().collect();
    let furniture: String = doc
        .blocks
        .iter()
        .filter(|b| b.furniture)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let outline = items::outline(&content);
    let mut why: Vec<FieldEvidence> = Vec::new();
    let mut record = Record::empty(source);
    record.text = doc.content_text();
    record.warnings = doc.warnings.clone();
    record.title = outline.title.clone();
    if let Some(t) = &record.title {
        why.push(FieldEvidence::new(
            "title",
            t,
            "the document's first heading or title line",
            Some(t),
        ));
    }
    refine_title(&mut record, &content, &mut why);
    let opening: Vec<&str> = content
        .iter()
        .take(meta::LETTERHEAD_LINES)
        .map(|b| b.text.as_str())
        .collect();
    // "X-udvalgets beslutning den 04.12.2012": the last one names the
    // meeting that decided (earlier bodies' decisions come first).
    let decision = content
        .iter()
        .filter_map(|b| meta::decision_line(&b.text).map(|d| (d, b.text.as_str())))
        .max_by_key(|((_, d), _)| (d.year, d.month, d.day));

    apply_header(&mut record, &outline.header, &mut why);
    if outline.single_item {
        // An exported agenda item's meeting is the one its decision line
        // names ("Sundheds- og Forebyggelsesudvalgets beslutning den
        // 04.12.2012"), not an earlier meeting its text refers to.
        if let Some(decided) = &outline.decided {
            record.body = record.body.take().or_else(|| decided.body.clone());
            record.date = record.date.take().or_else(|| decided.date.clone());
        }
    }
    find_date_and_time(&mut record, &outline, &opening, decision.as_ref(), &mut why);

    let has_memo_fields = outline.header.iter().any(|h| h.field.is_memo_field());
    let has_decisions = decision.is_some()
        || outline
            .items
            .iter()
            .any(|i| i.sections.iter().any(|s| s.kind == SectionKind::Beslutning));
    // What the document calls itself in a heading of its own, even when the
    // outline took an earlier heading for an item.
    let mut type_words = outline.doc_type_words.clone();
    if type_words.is_empty() {
        type_words.extend(
            content
                .iter()
                .take(meta::LETTERHEAD_LINES)
                .filter(|b| matches!(b.kind, crate::BlockKind::Heading { .. }))
                .find_map(|b| labels::doc_type_word(&b.text)),
        );
    }
    record.doc_type = meta::doc_type(
        &type_words,
        record.title.as_deref(),
        &furniture,
        has_memo_fields,
        has_decisions,
    );
    if outline.single_item {
        // An item with the committee's decision is an extract of the
        // minutes; without one, of the agenda.
        record.doc_type = if has_decisions {
            DocType::Referat
        } else {
            DocType::Dagsorden
        };
    }
    why.push(FieldEvidence::new(
        "doc_type",
        record.doc_type.as_str(),
        "what the document calls itself, else its memo fields or decisions",
        None,
    ));
    let meeting_like = matches!(record.doc_type, DocType::Referat | DocType::Dagsorden);

    if record.body.is_none() {
        let named = [
            (record.title.as_deref(), "a council named in the title"),
            (
                outline.datelines.first().map(String::as_str),
                "a council named in a heading with the meeting's date",
            ),
        ]
        .into_iter()
        .chain(outline.datelines.iter().skip(1).map(|d| {
            (
                Some(d.as_str()),
                "a council named in a heading with the meeting's date",
            )
        }))
        .find_map(|(line, rule)| {
            let line = line?;
            meta::body_in(line).map(|b| (b, rule, line.to_string()))
        })
        .or_else(|| {
            let ((body, _), line) = decision.as_ref()?;
            body.clone()
                .map(|b| (b, "the council in the decision line", line.to_string()))
        })
        .or_else(|| {
            let t = doc.meta_title.as_deref()?;
            meta::body_in(t).map(|b| {
                (
                    b,
                    "a council named in the file's title property",
                    t.to_string(),
                )
            })
        })
        .or_else(|| {
            // Only minutes and agendas are a council's own documents; a
            // letter or report that mentions councils is no council's.
            meeting_like
                .then(|| meta::most_named_body(&record.text))
                .flatten()
                .map(|b| (b.clone(), "the council most named in the text", b))
        });
        if let Some((body, rule, line)) = named {
            why.push(FieldEvidence::new("body", &body, rule, Some(&line)));
            record.body = Some(body);
        }
    }

    let path = Path::new(&record.source.path).to_path_buf();
    match meta::municipality(&furniture, &opening, record.body.as_deref(), &path) {
        Some((m, evidence, line)) => {
            if evidence == meta::Evidence::Path {
                record
                    .warnings
                    .push(format!("municipality \"{m}\" taken from the file's path"));
            }
            let text = (evidence != meta::Evidence::Path).then_some(line.as_str());
            why.push(FieldEvidence::new(
                "municipality",
                &m,
                evidence.describe(),
                text,
            ));
            record.municipality = Some(m);
        }
        None => record.warnings.push("municipality not found".into()),
    }

    if record.doc_type == DocType::Other {
        // Attendance, time and place are a meeting's; a letter, report or
        // newsletter that announces an event has none of its own.
        record.attendees.clear();
        record.absent.clear();
        record.absent_without_notice.clear();
        record.guests.clear();
        record.minute_taker = None;
        record.start_time = None;
        record.end_time = None;
        record.location = None;
        why.retain(|w| {
            !matches!(
                w.field,
                "start_time" | "end_time" | "location" | "attendees" | "absent"
            )
        });
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
    if outline.single_item && record.case_number.is_none() {
        // An item exported on its own is that item: its case is the
        // document's.
        record.case_number = record.items.first().and_then(|i| i.case_number.clone());
    }
    record.persons = people.summarise();

    if record.date.is_none() {
        record.warnings.push("no meeting date found".into());
    }
    if record.items.is_empty() && record.doc_type != DocType::Notat {
        record.warnings.push("no agenda items found".into());
    }
    (record, why)
}

/// E-mail header labels whose value is the message's subject, as Outlook and
/// other mail programs print them in Danish and English.
const SUBJECT_LABELS: &[&str] = &["subject:", "emne:"];

/// The title, checked against three general rules: a printed e-mail's
/// subject is its title; a title broken over lines continues on lines that
/// start in lower case ("Projektbeskrivelse / for / etablering af …"); and
/// a heading that starts with an item number ("3. Kvalitetsstandarder …")
/// is an agenda item's title, not the document's.
fn refine_title(record: &mut Record, content: &[&crate::Block], why: &mut Vec<FieldEvidence>) {
    let opening = &content[..content.len().min(meta::LETTERHEAD_LINES)];
    for (i, block) in opening.iter().enumerate() {
        let cells: Vec<&str> = block.text.split('\t').map(str::trim).collect();
        for (c, cell) in cells.iter().enumerate() {
            let lower = cell.to_lowercase();
            let Some(label) = SUBJECT_LABELS.iter().find(|l| lower.starts_with(*l)) else {
                continue;
            };
            let mut subject = cell.get(label.len()..).unwrap_or("").trim().to_string();
            if subject.is_empty() {
                // "Subject:" in one cell, the subject in the next.
                subject = cells.get(c + 1).copied().unwrap_or("").to_string();
            }
            if let Some(next) = content.get(i + 1).map(|b| b.text.trim()) {
                if continues(next) {
                    subject.push(' ');
                    subject.push_str(next);
                }
            }
            if !subject.is_empty() {
                why.retain(|w| w.field != "title");
                why.push(FieldEvidence::new(
                    "title",
                    &subject,
                    "an e-mail's subject",
                    Some(cell),
                ));
                record.title = Some(subject);
                return;
            }
        }
    }
    // "Staben" above "Notat" above "Testfiler": a heading above the heading
    // that names the document's type is letterhead; the title is the heading
    // under it.
    let is_heading = |b: &crate::Block| matches!(b.kind, crate::BlockKind::Heading { .. });
    let type_word = opening
        .iter()
        .position(|b| is_heading(b) && labels::doc_type_word(&b.text).is_some());
    let title_at = record
        .title
        .as_deref()
        .and_then(|t| content.iter().position(|b| b.text.trim() == t));
    if let (Some(w), Some(t)) = (type_word, title_at) {
        if t < w {
            if let Some(next) = content.get(w + 1).filter(|b| is_heading(b)) {
                let text = next.text.trim().to_string();
                why.retain(|w| w.field != "title");
                why.push(FieldEvidence::new(
                    "title",
                    &text,
                    "the heading under the document-type heading",
                    Some(&text),
                ));
                record.title = Some(text);
            }
        }
    }
    let Some(title) = record.title.clone() else {
        return;
    };
    // The pattern starts with "Punkt" or a digit; most titles do not.
    if title.starts_with(['P', 'p', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
        && ITEM_NUMBER.is_match(&title)
    {
        record.title = None;
        why.retain(|w| w.field != "title");
        return;
    }
    let Some(at) = content.iter().position(|b| b.text.trim() == title) else {
        return;
    };
    let mut joined = title.clone();
    for next in content[at + 1..].iter().take(6) {
        let text = next.text.trim();
        if next.kind != content[at].kind || !continues(text) {
            break;
        }
        joined.push(' ');
        joined.push_str(text);
    }
    if joined != title {
        why.retain(|w| w.field != "title");
        why.push(FieldEvidence::new(
            "title",
            &joined,
            "a title broken over lines",
            Some(&title),
        ));
        record.title = Some(joined);
    }
}

/// A line that continues the one before: short, starting in lower case.
fn continues(text: &str) -> bool {
    text.chars().count() <= 80 && text.chars().next().is_some_and(char::is_lowercase)
}

static ITEM_NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:[Pp]unkt\s+)?[0-9]{1,3}[.:]?\s+\p{Lu}")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn first_line(value: &str) -> Option<String> {
    value
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

fn apply_header(record: &mut Record, header: &[HeaderValue], why: &mut Vec<FieldEvidence>) {
    for h in header {
        let value = h.value.trim();
        if value.is_empty() {
            continue;
        }
        let rule = format!("header label \"{}\"", h.label);
        let text = format!("{} {}", h.label, first_line(value).unwrap_or_default());
        let mut set = |field: &'static str, v: &str| {
            why.push(FieldEvidence::new(field, v, &rule, Some(&text)));
        };
        match h.field {
            HeaderField::Body => {
                if record.body.is_none() {
                    record.body = first_line(value);
                    if let Some(b) = &record.body {
                        set("body", b);
                    }
                }
            }
            HeaderField::When => {
                if record.date.is_none() {
                    record.date = find_dates(value)
                        .iter()
                        .find(|d| d.year.is_some())
                        .and_then(|d| d.iso(None));
                    if let Some(d) = &record.date {
                        set("date", d);
                    }
                }
                if record.start_time.is_none() {
                    if let Some((start, end)) = find_times(value) {
                        set("start_time", &start);
                        record.start_time = Some(start);
                        record.end_time = end;
                    }
                }
            }
            HeaderField::Place => {
                if record.location.is_none() {
                    record.location = first_line(value);
                    if let Some(l) = &record.location {
                        set("location", l);
                    }
                }
            }
            HeaderField::Attendees => {
                record.attendees.extend(split_person_list(value));
                set("attendees", &names_of(&record.attendees));
            }
            HeaderField::Absent => {
                record.absent.extend(split_person_list(value));
                set("absent", &names_of(&record.absent));
            }
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

fn names_of(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
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
/// heading with the meeting's name and date, a line or cell that is only a
/// date among the opening lines, the decision line ("Udvalgets beslutning
/// den …"), a date line (memos). A date in running text is never the
/// meeting's. The start time comes from the same lines, or from a line or
/// cell that is only a time ("Kl. 10:30").
fn find_date_and_time(
    record: &mut Record,
    outline: &items::Outline,
    opening: &[&str],
    decision: Option<&((Option<String>, dates::FoundDate), &str)>,
    why: &mut Vec<FieldEvidence>,
) {
    let mut candidates: Vec<(&str, &str)> = Vec::new();
    if let Some(t) = &record.title {
        candidates.push((t, "the title"));
    }
    for d in &outline.datelines {
        candidates.push((d, "a heading with the meeting's date"));
    }
    let cells = || {
        opening
            .iter()
            .flat_map(|b| b.split(['\t', '\n']))
            .map(str::trim)
    };
    if let Some(line) = cells().find(|c| is_date_line(c)) {
        candidates.push((line, "a line that is only a date"));
    }
    if let Some((_, line)) = decision {
        candidates.push((line, "the decision line"));
    }
    if let Some(d) = &outline.date_line {
        candidates.push((d, "a date line before the text"));
    }
    // A policy or plan is dated by its adoption, printed on its cover.
    if let Some(line) = cells().find(|c| is_approval_line(c)) {
        candidates.push((line, "a line saying when the document was approved"));
    }
    for (line, rule) in candidates {
        if record.date.is_none() {
            record.date = find_dates(line)
                .iter()
                .find(|d| d.year.is_some())
                .and_then(|d| d.iso(None));
            if let Some(d) = &record.date {
                why.push(FieldEvidence::new("date", d, rule, Some(line)));
                if record.start_time.is_none() {
                    if let Some((start, end)) = find_times(line) {
                        why.push(FieldEvidence::new("start_time", &start, rule, Some(line)));
                        record.start_time = Some(start);
                        record.end_time = end;
                    }
                }
            }
        }
    }
    // A time in the title or a dated heading is the meeting's even when the
    // date came from a header field.
    if record.start_time.is_none() {
        let lines = record.title.iter().chain(outline.datelines.iter());
        for (line, rule) in lines.map(|l| (l, "the title or a dated heading")) {
            if let Some((start, end)) = find_times(line) {
                why.push(FieldEvidence::new("start_time", &start, rule, Some(line)));
                record.start_time = Some(start);
                record.end_time = end;
                break;
            }
        }
    }
    if record.date.is_some() && record.start_time.is_none() {
        if let Some(line) = cells().find(|c| is_time_line(c)) {
            if let Some((start, end)) = find_times(line) {
                why.push(FieldEvidence::new(
                    "start_time",
                    &start,
                    "a line or cell that is only a time",
                    Some(line),
                ));
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
