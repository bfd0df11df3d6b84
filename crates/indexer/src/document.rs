//! Turning a [`Record`] into tantivy documents: one for the whole document,
//! one per agenda item.

use referat_schema::{Item, Record};
use tantivy::TantivyDocument;

use crate::date::IsoDate;
use crate::schema::{Fields, KIND_DOC, KIND_ITEM};
use crate::IndexError;

/// A stable 64-bit key for a record id (FNV-1a), used to tell which item
/// entries belong to which document entry without reading stored fields.
pub fn doc_key(id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The key that groups a record's entries with the other records of its
/// meeting: [`doc_key`] of the meeting id; for a record of no meeting, of
/// the document it is a rendition of (its `document_id`), else of its own
/// id (it is then a meeting of its own for search).
pub fn meeting_key(record: &Record) -> u64 {
    match (&record.meeting_id, &record.document_id) {
        (Some(meeting), _) => doc_key(meeting),
        (None, Some(document)) => doc_key(document),
        (None, None) => doc_key(&record.id),
    }
}

/// Every person name a record carries: attendees, absentees, guests, the
/// minute taker, a memo's author, the persons list with its variants
/// (first-name mentions linked to a full name) and names mentioned in items.
///
/// Person resolution across documents adds to these through
/// [`crate::PersonAliases`].
pub fn person_names(record: &Record) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let lists = [
        &record.attendees,
        &record.absent,
        &record.absent_without_notice,
        &record.guests,
    ];
    for person in lists.into_iter().flatten() {
        names.push(person.name.clone());
    }
    for person in [&record.minute_taker, &record.author].into_iter().flatten() {
        names.push(person.name.clone());
    }
    for summary in &record.persons {
        names.push(summary.name.clone());
        names.extend(summary.variants.iter().cloned());
    }
    for item in &record.items {
        names.extend(item.persons.iter().cloned());
    }
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| !n.trim().is_empty() && seen.insert(n.trim().to_lowercase()));
    names
}

/// The text of an item as one string: its title and its sections.
pub fn item_text(item: &Item) -> String {
    let mut text = item.title.clone().unwrap_or_default();
    for section in &item.sections {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if let Some(heading) = &section.heading {
            text.push_str(heading);
            text.push('\n');
        }
        text.push_str(&section.text);
    }
    text
}

/// Adds the fields every entry of a record shares.
fn add_shared(doc: &mut TantivyDocument, fields: &Fields, record: &Record, names: &[String]) {
    doc.add_text(fields.doc_id, &record.id);
    doc.add_u64(fields.doc_key, doc_key(&record.id));
    if let Some(meeting) = &record.meeting_id {
        doc.add_text(fields.meeting_id, meeting);
    }
    doc.add_u64(fields.meeting_key, meeting_key(record));
    if let Some(m) = &record.municipality {
        doc.add_text(fields.municipality, m);
    }
    if let Some(b) = &record.body {
        doc.add_text(fields.body, b);
    }
    doc.add_text(fields.doc_type, record.doc_type.as_str());
    doc.add_text(fields.format, record.source.format.as_str());
    if let Some(date) = record.date.as_deref().and_then(IsoDate::parse) {
        doc.add_date(fields.date, date.to_datetime());
        doc.add_u64(fields.year, u64::try_from(date.year()).unwrap_or(0));
    }
    for name in names {
        doc.add_text(fields.person, name);
        doc.add_text(fields.person_fold, name);
        if let Some(first) = name.split_whitespace().next() {
            doc.add_text(fields.person_first, first);
        }
    }
    for (role, names) in crate::roles::names_by_role(record) {
        if let Some(field) = fields.person_role(role) {
            for name in names.iter().filter(|n| !n.trim().is_empty()) {
                doc.add_text(field, name);
            }
        }
    }
    doc.add_text(fields.source_path, &record.source.path);
    doc.add_text(fields.sha256, &record.source.sha256);
}

/// Adds one text to each of its analysed fields (stemmed, exact, lemma,
/// folded, and for the full text word pairs).
fn add_text(doc: &mut TantivyDocument, fields: &[tantivy::schema::Field], text: &str) {
    for &field in fields {
        doc.add_text(field, text);
    }
}

/// The tantivy documents for a record: the document entry first, then one
/// entry per item. `names` are the person names to index, normally
/// [`person_names`] of the record (plus any aliases).
pub fn documents(
    fields: &Fields,
    record: &Record,
    names: &[String],
) -> Result<Vec<TantivyDocument>, IndexError> {
    let json = serde_json::to_string(record).map_err(|e| IndexError::CorruptRecord {
        id: record.id.clone(),
        reason: e.to_string(),
    })?;
    let mut out = Vec::with_capacity(1 + record.items.len());

    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_DOC);
    doc.add_u64(fields.is_item, 0);
    add_shared(&mut doc, fields, record, names);
    if let Some(title) = &record.title {
        doc.add_text(fields.title, title);
    }
    // A record whose parser kept no full text is still searchable by its items.
    let full_text = if record.text.trim().is_empty() {
        record
            .items
            .iter()
            .map(item_text)
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        record.text.clone()
    };
    add_text(
        &mut doc,
        &[
            fields.text,
            fields.text_exact,
            fields.text_lemma,
            fields.text_folded,
            fields.text_pairs,
        ],
        &full_text,
    );
    doc.add_text(fields.record, &json);
    out.push(doc);

    for item in &record.items {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, KIND_ITEM);
        doc.add_u64(fields.is_item, 1);
        doc.add_u64(fields.item, u64::from(item.number));
        add_shared(&mut doc, fields, record, names);
        if let Some(title) = &item.title {
            doc.add_text(fields.title, title);
        }
        let text = item_text(item);
        add_text(
            &mut doc,
            &[
                fields.text,
                fields.text_exact,
                fields.text_lemma,
                fields.text_folded,
                fields.text_pairs,
            ],
            &text,
        );
        for section in &item.sections {
            if let Some(f) = fields.section(section.kind) {
                add_text(
                    &mut doc,
                    &[f.stemmed, f.exact, f.lemma, f.folded],
                    &section.text,
                );
            }
        }
        out.push(doc);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use referat_schema::{Format, Person, PersonSummary, Source};

    fn record() -> Record {
        let mut r = Record::empty(Source {
            path: "a.pdf".into(),
            format: Format::Pdf,
            sha256: "ab".repeat(32),
            bytes: 1,
            pages: None,
            producer: None,
            ocr: None,
            links: Vec::new(),
        });
        r.attendees.push(Person::named("René Meyrowitsch"));
        r.minute_taker = Some(Person::named("Jette Nyboe"));
        r.persons.push(PersonSummary {
            name: "René Meyrowitsch".into(),
            mentions: 2,
            roles: vec!["deltager".into()],
            variants: vec!["Rene".into()],
        });
        r
    }

    #[test]
    fn person_names_are_collected_once_each() {
        let names = person_names(&record());
        assert_eq!(names, ["René Meyrowitsch", "Jette Nyboe", "Rene"]);
    }

    #[test]
    fn doc_key_is_stable_and_distinguishes_ids() {
        assert_eq!(doc_key("abc"), doc_key("abc"));
        assert_ne!(doc_key("abc"), doc_key("abd"));
    }

    #[test]
    fn one_document_per_item_plus_one() {
        let (_, fields) = crate::schema::build();
        let mut r = record();
        for number in 1..=3 {
            r.items.push(Item {
                number,
                title: Some(format!("Punkt {number}")),
                status: None,
                case_number: None,
                sections: Vec::new(),
                persons: Vec::new(),
                dates: Vec::new(),
            });
        }
        let docs = documents(&fields, &r, &person_names(&r)).expect("documents");
        assert_eq!(docs.len(), 4);
    }
}
