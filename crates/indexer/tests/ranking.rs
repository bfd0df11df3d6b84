//! Ranking without sorting every match: pages agree with the full ranking,
//! totals are exact after documents give way to their items, resolved
//! persons widen the person filter, and long texts get snippets.

mod common;

use std::collections::HashSet;

use common::{hits, item, person, record, with_items};
use referat_indexer::{Index, PersonVariants, Query, SectionKind, Sort};
use referat_schema::Record;

/// Records with varied dates, scores and shapes: some match through items,
/// some only in their own text, some not at all.
fn archive() -> Vec<Record> {
    (0..40u32)
        .map(|n| {
            let times = 1 + n % 5;
            let topic = vec!["budget"; times as usize].join(" ");
            let mut r = match n % 4 {
                // The topic in an item: the item is listed, not the document.
                0 => with_items(
                    record(&format!("r{n}"), 1, "Referat."),
                    vec![
                        item(1, "Dagsorden", &[(SectionKind::Beslutning, "Godkendt.")]),
                        item(2, "Økonomi", &[(SectionKind::Sagsfremstilling, &topic)]),
                    ],
                ),
                // The topic in two items.
                1 => with_items(
                    record(&format!("r{n}"), 1, "Referat."),
                    vec![
                        item(1, "Budget", &[(SectionKind::Beslutning, "Vedtaget.")]),
                        item(2, "Økonomi", &[(SectionKind::Sagsfremstilling, &topic)]),
                    ],
                ),
                // The topic only in the document's own text (a memo).
                2 => record(&format!("r{n}"), 1, &format!("Notat om {topic}.")),
                // No topic.
                _ => record(&format!("r{n}"), 1, "Referat om veje."),
            };
            // Some undated, the rest spread over years with repeats.
            if n % 7 != 3 {
                r.date = Some(format!("20{:02}-0{}-1{}", 10 + n % 9, 1 + n % 8, n % 10));
            }
            r.municipality = Some(if n % 2 == 0 { "Aarhus" } else { "Odense" }.into());
            r.attendees = vec![person(if n % 3 == 0 {
                "Mette Hansen"
            } else {
                "Ole Berg"
            })];
            r
        })
        .collect()
}

/// The archive written in several commits, so that it has several segments.
fn index_in_segments(records: &[Record]) -> Index {
    let index = Index::in_memory().expect("index");
    let mut writer = index.writer(50_000_000).expect("writer");
    for chunk in records.chunks(7) {
        for r in chunk {
            writer.upsert(r).expect("upsert");
        }
        writer.commit().expect("commit");
    }
    index
}

fn everything(query: &Query) -> Query {
    Query {
        limit: 10_000,
        offset: 0,
        ..query.clone()
    }
}

#[test]
fn pages_agree_with_the_full_ranking() {
    let index = index_in_segments(&archive());
    let queries = [
        Query::text("budget"),
        Query {
            sort: Sort::Date,
            ..Query::text("budget")
        },
        Query {
            person: Some("Mette Hansen".into()),
            ..Query::default()
        },
        Query {
            sort: Sort::Date,
            municipality: Some("Odense".into()),
            ..Query::default()
        },
        Query {
            section: Some(SectionKind::Sagsfremstilling),
            ..Query::text("budget")
        },
    ];
    for query in &queries {
        let full = index.search(&everything(query)).expect("search");
        assert!(full.hits.len() > 5, "{query:?} finds too little to page");
        assert_eq!(full.total, full.hits.len(), "{query:?}");
        for limit in [1, 3, 7] {
            for offset in [0, 1, 4, full.total - 1, full.total + 2] {
                let page = index
                    .search(&Query {
                        limit,
                        offset,
                        ..query.clone()
                    })
                    .expect("search");
                assert_eq!(page.total, full.total, "{query:?} {offset}+{limit}");
                let expected = full.hits.iter().skip(offset).take(limit);
                let got: Vec<_> = page.hits.iter().map(|h| (&h.doc_id, h.item)).collect();
                let want: Vec<_> = expected.map(|h| (&h.doc_id, h.item)).collect();
                assert_eq!(got, want, "{query:?} {offset}+{limit}");
            }
        }
        // Nothing asked for: the count only.
        let count = index
            .search(&Query {
                limit: 0,
                ..query.clone()
            })
            .expect("search");
        assert_eq!(count.total, full.total);
        assert!(count.hits.is_empty());
    }
}

#[test]
fn full_ranking_is_ordered_and_lists_items_instead_of_documents() {
    let index = index_in_segments(&archive());
    let full = index
        .search(&everything(&Query::text("budget")))
        .expect("search");
    let with_items: HashSet<&str> = full
        .hits
        .iter()
        .filter(|h| h.item.is_some())
        .map(|h| h.doc_id.as_str())
        .collect();
    assert!(!with_items.is_empty());
    assert!(full
        .hits
        .iter()
        .all(|h| h.item.is_some() || !with_items.contains(h.doc_id.as_str())));
    // Memos (the topic in their own text) are listed as documents: 10 of them.
    assert_eq!(full.hits.iter().filter(|h| h.item.is_none()).count(), 10);
    // Records of the first two shapes list 1 and 2 items: 10 + 20.
    assert_eq!(full.total, 10 + 10 + 20);
    assert!(full
        .hits
        .windows(2)
        .all(|w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].date >= w[1].date)));
    let by_date = index
        .search(&everything(&Query {
            sort: Sort::Date,
            ..Query::text("budget")
        }))
        .expect("search");
    let dates: Vec<Option<String>> = by_date.hits.iter().map(|h| h.date.clone()).collect();
    let dated = dates.iter().take_while(|d| d.is_some()).count();
    assert!(dated < dates.len(), "some hits are undated");
    assert!(dates[dated..].iter().all(Option::is_none), "undated last");
    assert!(
        dates[..dated].windows(2).all(|w| w[0] >= w[1]),
        "newest first"
    );
}

#[test]
fn resolved_persons_widen_the_person_filter_within_their_records() {
    let mut a = record("a", 1, "Referat om budget.");
    a.attendees = vec![person("Rene")];
    let mut b = record("b", 1, "Referat om budget.");
    b.attendees = vec![person("Rene")];
    let mut c = record("c", 1, "Referat om budget.");
    c.attendees = vec![person("René Meyrowitsch")];
    let mut d = record("d", 1, "Referat om veje.");
    d.attendees = vec![person("R. Meyrowitsch")];
    let index = common::index_of(&[a.clone(), b.clone(), c.clone(), d.clone()]);
    let ids = |query: &Query| -> HashSet<String> {
        hits(&index, query).into_iter().map(|(id, _)| id).collect()
    };
    let typed = Query {
        person: Some("René Meyrowitsch".into()),
        ..Query::default()
    };
    assert_eq!(ids(&typed), HashSet::from([c.id.clone()]));
    // "Rene" is this person in record a only (b has another Rene).
    let resolved = Query {
        person_also: vec![PersonVariants {
            spellings: vec!["Rene".into(), "R. Meyrowitsch".into()],
            doc_ids: vec![a.id.clone(), d.id.clone()],
        }],
        ..typed.clone()
    };
    assert_eq!(
        ids(&resolved),
        HashSet::from([a.id.clone(), c.id.clone(), d.id.clone()])
    );
    // Other filters still apply to every alternative.
    let on_topic = Query {
        text: Some("budget".into()),
        ..resolved.clone()
    };
    assert_eq!(ids(&on_topic), HashSet::from([a.id.clone(), c.id.clone()]));
    // Only resolved persons, no typed name.
    let only = Query {
        person: None,
        ..resolved.clone()
    };
    assert_eq!(ids(&only), HashSet::from([a.id.clone(), d.id.clone()]));
    // A spelling not in the person's records, or no records: nothing.
    let nowhere = Query {
        person_also: vec![
            PersonVariants {
                spellings: vec!["Rene".into()],
                doc_ids: vec![d.id.clone()],
            },
            PersonVariants {
                spellings: vec!["Rene".into()],
                doc_ids: Vec::new(),
            },
        ],
        ..Query::default()
    };
    assert!(ids(&nowhere).is_empty());
}

#[test]
fn long_texts_get_a_snippet_around_the_match() {
    let filler = "Udvalget drøftede sagen og tog orienteringen til efterretning. ".repeat(60);
    let text = format!("{filler}Der bygges flere skæve boliger i Aabenraa. {filler}");
    let index = common::index_of(&[record("long", 1, &text)]);
    for (query, word) in [("bolig", "boliger"), ("åbenrå", "Aabenraa"), ("og", "og")] {
        let results = index.search(&Query::text(query)).expect("search");
        let snippet = &results.hits[0].snippet;
        let marked: Vec<&str> = snippet
            .highlights
            .iter()
            .map(|r| &snippet.text[r.clone()])
            .collect();
        assert!(
            marked.contains(&word),
            "{query}: {marked:?} in {:?}",
            snippet.text
        );
        assert!(snippet.text.chars().count() <= referat_indexer::SNIPPET_CHARS);
    }
}

#[test]
fn documents_give_way_to_their_items_wherever_the_entries_are() {
    // Entries written out of the usual order: a record's items in one
    // segment and its document entry in another, and items before their
    // document entry, as a writer with several threads may leave them.
    let records: Vec<Record> = (0..3)
        .map(|n| {
            with_items(
                record(&format!("spread{n}"), 1, "Referat om budget."),
                vec![
                    item(
                        1,
                        "Budget",
                        &[(SectionKind::Beslutning, "Budget vedtaget.")],
                    ),
                    item(2, "Veje", &[(SectionKind::Beslutning, "Vejene.")]),
                    item(3, "Budget igen", &[(SectionKind::Beslutning, "Budget.")]),
                ],
            )
        })
        .collect();
    let index = Index::in_memory().expect("index");
    let entries: Vec<Vec<tantivy::TantivyDocument>> = records
        .iter()
        .map(|r| {
            let names = referat_indexer::document::person_names(r);
            referat_indexer::document::documents(index.fields(), r, &names).expect("entries")
        })
        .collect();
    // One indexing thread, so that entries land in the order added.
    let mut writer: tantivy::IndexWriter = index
        .tantivy()
        .writer_with_num_threads(1, 15_000_000)
        .expect("writer");
    let add = |writer: &tantivy::IndexWriter, doc: &tantivy::TantivyDocument| {
        writer.add_document(doc.clone()).expect("add");
    };
    // Record 0: items, then (next segment) its document entry.
    entries[0][1..].iter().for_each(|d| add(&writer, d));
    writer.commit().expect("commit");
    add(&writer, &entries[0][0]);
    // Record 1: items in reverse order, then its document entry.
    entries[1].iter().rev().for_each(|d| add(&writer, d));
    // Record 2: as usual, but interleaved with record 1's document entry.
    add(&writer, &entries[2][0]);
    add(&writer, &entries[2][1]);
    add(&writer, &entries[1][0]);
    entries[2][2..].iter().for_each(|d| add(&writer, d));
    writer.commit().expect("commit");
    index.reload().expect("reload");

    let results = index
        .search(&everything(&Query::text("budget")))
        .expect("search");
    let listed: Vec<(String, Option<u32>)> = results
        .hits
        .iter()
        .map(|h| (h.doc_id.clone(), h.item))
        .collect();
    // Items 1 and 3 of every record; no document entry.
    assert_eq!(listed.len(), 6, "{listed:?}");
    assert!(listed.iter().all(|(_, item)| matches!(item, Some(1 | 3))));
    assert_eq!(results.total, 6);
    for limit in [1, 4] {
        let page = index
            .search(&Query {
                limit,
                ..Query::text("budget")
            })
            .expect("search");
        assert_eq!(page.total, 6);
        assert_eq!(page.hits.len(), limit);
    }
}
