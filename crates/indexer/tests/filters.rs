//! Filters and result shape: persons, dates, municipality, body, doc type,
//! sections, items versus documents, sorting and paging.

mod common;

use common::{hits, index_of, item, person, record, summary, with_items};
use referat_indexer::{Query, SectionKind, Sort};
use referat_schema::{DocType, Person, Record};

fn council() -> Vec<Record> {
    let mut a = with_items(
        record("aarhus-2021", 1, "Referat af mødet i Udsatterådet."),
        vec![
            item(
                1,
                "Godkendelse af dagsorden",
                &[(SectionKind::Beslutning, "Dagsordenen blev godkendt.")],
            ),
            item(
                2,
                "Skæve boliger",
                &[
                    (
                        SectionKind::Sagsfremstilling,
                        "Forvaltningen foreslår flere skæve boliger.",
                    ),
                    (
                        SectionKind::Beslutning,
                        "Rådet anbefaler forslaget om budget til skæve boliger.",
                    ),
                ],
            ),
        ],
    );
    a.municipality = Some("Aarhus".into());
    a.body = Some("Udsatterådet".into());
    a.date = Some("2021-03-04".into());
    a.attendees = vec![person("René Meyrowitsch"), person("Jette Nyboe")];
    a.absent = vec![person("Helge Bo Jensen")];
    a.minute_taker = Some(person("Lise Andersen"));
    a.persons = vec![
        summary("René Meyrowitsch", &["deltager"], &[]),
        summary("Jimmi Hansen", &["nævnt"], &["Jimmi"]),
    ];

    let mut b = with_items(
        record("aalborg-2019", 1, "Referat fra Ældrerådet."),
        vec![item(
            1,
            "Budget",
            &[(
                SectionKind::Sagsfremstilling,
                "Budget til skæve boliger drøftes.",
            )],
        )],
    );
    b.municipality = Some("Aalborg".into());
    b.body = Some("Ældrerådet".into());
    b.date = Some("2019-11-20".into());
    b.attendees = vec![person("Rene Hansen")];

    let mut memo = record(
        "memo-2020",
        1,
        "Notat om budget og skæve boliger i kommunen.",
    );
    memo.municipality = Some("Aarhus".into());
    memo.doc_type = DocType::Notat;
    memo.date = Some("2020-06-01".into());
    memo.author = Some(Person {
        name: "Mette Jensen".into(),
        role: Some("Center for Sociale Indsatser".into()),
    });
    vec![a, b, memo]
}

fn ids_for(query: &Query) -> Vec<String> {
    let index = index_of(&council());
    let mut ids: Vec<String> = hits(&index, query).into_iter().map(|(id, _)| id).collect();
    ids.sort();
    ids.dedup();
    ids
}

fn id(name: &str) -> String {
    record(name, 1, "").id
}

fn by_person(name: &str) -> Vec<String> {
    ids_for(&Query {
        person: Some(name.into()),
        ..Query::default()
    })
}

#[test]
fn person_search_covers_every_role() {
    assert_eq!(by_person("Jette Nyboe"), [id("aarhus-2021")]); // attended
    assert_eq!(by_person("Helge Bo Jensen"), [id("aarhus-2021")]); // absent
    assert_eq!(by_person("Lise Andersen"), [id("aarhus-2021")]); // minute taker
    assert_eq!(by_person("Mette Jensen"), [id("memo-2020")]); // memo author
    assert!(by_person("Mette Andersen").is_empty());
}

#[test]
fn person_search_is_case_and_accent_insensitive() {
    let mut both = vec![id("aarhus-2021"), id("aalborg-2019")];
    both.sort();
    assert_eq!(by_person("Rene"), both);
    assert_eq!(by_person("rené"), both);
    assert_eq!(by_person("Rene Meyrowitsch"), [id("aarhus-2021")]);
    assert_eq!(by_person("RENÉ MEYROWITSCH"), [id("aarhus-2021")]);
    assert_eq!(by_person("René Hansen"), [id("aalborg-2019")]);
}

#[test]
fn first_name_mention_linked_in_the_record_counts() {
    assert_eq!(by_person("Jimmi"), [id("aarhus-2021")]);
    assert_eq!(by_person("Jimmi Hansen"), [id("aarhus-2021")]);
}

#[test]
fn person_and_topic_combine() {
    let index = index_of(&council());
    let results = index
        .search(&Query {
            text: Some("budget".into()),
            person: Some("René Meyrowitsch".into()),
            ..Query::default()
        })
        .expect("search");
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].doc_id, id("aarhus-2021"));
    assert_eq!(results.hits[0].item, Some(2));
}

#[test]
fn date_ranges_and_year() {
    let between = |from: Option<&str>, to: Option<&str>| {
        ids_for(&Query {
            from: from.map(str::to_string),
            to: to.map(str::to_string),
            ..Query::default()
        })
    };
    assert_eq!(between(Some("2020-01-01"), None).len(), 2);
    assert_eq!(between(None, Some("2019-12-31")), [id("aalborg-2019")]);
    assert_eq!(
        between(Some("2020-06-01"), Some("2020-06-01")),
        [id("memo-2020")]
    );
    assert!(between(Some("2022-01-01"), None).is_empty());
    assert_eq!(
        ids_for(&Query {
            year: Some(2021),
            ..Query::default()
        }),
        [id("aarhus-2021")]
    );
    let index = index_of(&council());
    assert!(index
        .search(&Query {
            from: Some("2021-02-30".into()),
            ..Query::default()
        })
        .is_err());
}

#[test]
fn municipality_body_and_doc_type_filters() {
    let mut aarhus = vec![id("aarhus-2021"), id("memo-2020")];
    aarhus.sort();
    assert_eq!(
        ids_for(&Query {
            municipality: Some("aarhus".into()),
            ..Query::default()
        }),
        aarhus
    );
    assert_eq!(
        ids_for(&Query {
            text: Some("budget".into()),
            municipality: Some("Aalborg".into()),
            ..Query::default()
        }),
        [id("aalborg-2019")]
    );
    assert_eq!(
        ids_for(&Query {
            body: Some("ældrerådet".into()),
            ..Query::default()
        }),
        [id("aalborg-2019")]
    );
    assert_eq!(
        ids_for(&Query {
            doc_type: Some("notat".into()),
            ..Query::default()
        }),
        [id("memo-2020")]
    );
}

#[test]
fn section_filter_searches_decisions_only() {
    let index = index_of(&council());
    let decisions = Query {
        text: Some("budget".into()),
        section: Some(SectionKind::Beslutning),
        ..Query::default()
    };
    // Aarhus item 2 decides on the budget; Aalborg only discusses it.
    assert_eq!(hits(&index, &decisions), [(id("aarhus-2021"), Some(2))]);
    let all = hits(&index, &Query::text("budget"));
    assert_eq!(all.len(), 3);
    // Snippets of a section search come from the section.
    let results = index.search(&decisions).expect("search");
    assert!(results.hits[0].snippet.text.contains("anbefaler"));
}

#[test]
fn items_are_listed_instead_of_their_document() {
    let index = index_of(&council());
    let results = index.search(&Query::text("skæve boliger")).expect("search");
    let listed: Vec<(String, Option<u32>)> = results
        .hits
        .iter()
        .map(|h| (h.doc_id.clone(), h.item))
        .collect();
    assert!(listed.contains(&(id("aarhus-2021"), Some(2))));
    assert!(listed.contains(&(id("aalborg-2019"), Some(1))));
    // The memo has no items: listed as a document.
    assert!(listed.contains(&(id("memo-2020"), None)));
    // No document is listed when one of its items is.
    assert!(!listed.contains(&(id("aarhus-2021"), None)));
    assert_eq!(results.total, listed.len());
    // A match only in the document's own text (the header) lists the document.
    assert_eq!(
        hits(&index, &Query::text("udsatterådet referat")),
        [(id("aarhus-2021"), None)]
    );
}

#[test]
fn hits_carry_metadata_and_marked_snippets() {
    let index = index_of(&council());
    let results = index
        .search(&Query {
            text: Some("boliger".into()),
            municipality: Some("Aalborg".into()),
            ..Query::default()
        })
        .expect("search");
    let hit = &results.hits[0];
    assert_eq!(hit.municipality.as_deref(), Some("Aalborg"));
    assert_eq!(hit.body.as_deref(), Some("Ældrerådet"));
    assert_eq!(hit.date.as_deref(), Some("2019-11-20"));
    assert_eq!(hit.title.as_deref(), Some("Budget"));
    assert_eq!(hit.doc_type.as_deref(), Some("referat"));
    assert_eq!(hit.source_path, "corpus/aalborg-2019.pdf");
    let marked: Vec<&str> = hit
        .snippet
        .highlights
        .iter()
        .map(|r| &hit.snippet.text[r.clone()])
        .collect();
    assert_eq!(marked, ["boliger"]);
}

#[test]
fn sort_by_date_and_paging() {
    let index = index_of(&council());
    let by_date = Query {
        text: Some("budget".into()),
        sort: Sort::Date,
        ..Query::default()
    };
    let dates: Vec<Option<String>> = index
        .search(&by_date)
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        dates,
        [
            Some("2021-03-04".into()),
            Some("2020-06-01".into()),
            Some("2019-11-20".into())
        ]
    );
    let page = index
        .search(&Query {
            limit: 1,
            offset: 1,
            ..by_date.clone()
        })
        .expect("search");
    assert_eq!(page.total, 3);
    assert_eq!(page.hits.len(), 1);
    assert_eq!(page.hits[0].date.as_deref(), Some("2020-06-01"));
}

/// Resolves the bare first name "Rene" in Aarhus to "René Meyrowitsch".
struct AarhusAliases;

impl referat_indexer::PersonAliases for AarhusAliases {
    fn aliases(&self, record: &Record, name: &str) -> Vec<String> {
        if record.municipality.as_deref() == Some("Aarhus") && name == "Rene" {
            vec!["René Meyrowitsch".to_string()]
        } else {
            Vec::new()
        }
    }
}

#[test]
fn person_aliases_make_a_variant_findable_by_the_full_name() {
    let mut r = record("aarhus-2022", 1, "Referat.");
    r.municipality = Some("Aarhus".into());
    r.attendees = vec![person("Rene")];
    let index = referat_indexer::Index::in_memory().expect("index");
    let full_name = Query {
        person: Some("René Meyrowitsch".into()),
        ..Query::default()
    };
    {
        let mut writer = index.writer(50_000_000).expect("writer");
        writer.upsert(&r).expect("upsert");
        writer.commit().expect("commit");
    }
    assert!(hits(&index, &full_name).is_empty());
    let mut writer = index.writer(50_000_000).expect("writer");
    writer.set_person_aliases(std::sync::Arc::new(AarhusAliases));
    // Unchanged content is skipped by upsert; replace re-indexes it.
    assert_eq!(
        writer.upsert(&r).expect("upsert"),
        referat_indexer::Upsert::Unchanged
    );
    writer.replace(&r).expect("replace");
    writer.commit().expect("commit");
    assert_eq!(hits(&index, &full_name), [(r.id.clone(), None)]);
    assert_eq!(index.stats().expect("stats").documents, 1);
}
