//! The Danish-aware index on the parsed corpus: what a researcher types must
//! find what the minutes say, in the forms they say it.

use std::sync::OnceLock;

use referat_indexer::{Hit, Index, Query, SectionKind};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::in_memory().expect("an index");
        let mut writer = index.writer(50_000_000).expect("a writer");
        let corpus = referat_suite::corpus();
        for municipality in ["aalborg", "albertslund", "gladsaxe"] {
            for entry in std::fs::read_dir(corpus.join(municipality)).expect("corpus folder") {
                let path = entry.expect("entry").path();
                let record = referat_parser::parse_file(&path).expect("corpus file parses");
                writer.upsert(&record).expect("indexed");
            }
        }
        writer.commit().expect("committed");
        index
    })
}

fn search(q: Query) -> Vec<Hit> {
    index()
        .search(&Query { limit: 100, ..q })
        .expect("search runs")
        .hits
}

fn text(t: &str) -> Query {
    Query::text(t)
}

/// The seeds a search found, by their file stems (each seed is in three formats).
fn stems(hits: &[Hit]) -> Vec<String> {
    let mut s: Vec<String> = hits
        .iter()
        .map(|h| {
            std::path::Path::new(&h.source_path)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    s.sort();
    s.dedup();
    s
}

#[test]
fn stemming_finds_other_forms() {
    // "frikortet" is not in the corpus; "frikort" is (Albertslund 2019 and 2021).
    let hits = search(text("frikortet"));
    assert_eq!(
        stems(&hits),
        ["udsatteraadet-2019-04-01", "udsatteraadet-2021-10-14"]
    );
    // "bolig" finds "skæve boliger" (Gladsaxe) among others.
    assert!(stems(&search(text("bolig"))).contains(&"udsatteraadet-2023-11-21".to_string()));
}

#[test]
fn compound_parts_are_found() {
    assert_eq!(
        stems(&search(text("pulje"))),
        ["notat-2021-02-26"],
        "Ensomhedspuljen"
    );
    assert_eq!(
        stems(&search(text("reform"))),
        ["udsatteraadet-2023-11-21"],
        "hjemløsereform"
    );
}

#[test]
fn scandinavian_spellings_are_normalised() {
    assert_eq!(
        stems(&search(text("skaeve"))),
        stems(&search(text("skæve")))
    );
    assert!(!search(text("skaeve")).is_empty());
    // No ASCII folding: "mode" is not "møde".
    assert!(search(text("mode")).is_empty());
}

#[test]
fn phrases_keep_word_order() {
    assert_eq!(
        stems(&search(text("\"skæve boliger\""))),
        ["udsatteraadet-2023-11-21"]
    );
    assert!(search(text("\"boliger skæve\"")).is_empty());
}

#[test]
fn person_search_follows_first_names_and_accents() {
    let by_person = |name: &str| {
        stems(&search(Query {
            person: Some(name.into()),
            ..Query::default()
        }))
    };
    // Only first names in the text, no attendee list.
    assert_eq!(by_person("Jimmi"), ["udsatteraadet-2024-05-27"]);
    // "Rene" (2021 list) and "René Meyrowitsch" (2019 list): accents do not matter.
    assert!(by_person("René").contains(&"udsatteraadet-2021-10-14".to_string()));
    assert!(by_person("rene meyrowitsch").contains(&"udsatteraadet-2019-04-01".to_string()));
    // The minute taker.
    assert_eq!(
        by_person("Carina Kofoed"),
        ["udsatteraadet-2019-04-01", "udsatteraadet-2021-10-14"]
    );
}

#[test]
fn date_ranges_and_years() {
    let in_2021 = stems(&search(Query {
        from: Some("2021-01-01".into()),
        to: Some("2021-12-31".into()),
        ..Query::default()
    }));
    assert_eq!(in_2021, ["notat-2021-02-26", "udsatteraadet-2021-10-14"]);
    let hits = search(Query {
        year: Some(2019),
        ..text("frikort")
    });
    assert_eq!(stems(&hits), ["udsatteraadet-2019-04-01"]);
}

#[test]
fn municipality_and_section_filters() {
    let hits = search(Query {
        municipality: Some("gladsaxe".into()),
        ..text("boliger")
    });
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.municipality.as_deref() == Some("Gladsaxe")));
    // Forebyggelsesenheden is named in an Indstilling of Aalborg 2024, not in a decision.
    let section = |kind| {
        search(Query {
            section: Some(kind),
            ..text("Forebyggelsesenheden")
        })
    };
    assert!(section(SectionKind::Beslutning).is_empty());
    let hits = section(SectionKind::Indstilling);
    assert_eq!(stems(&hits), ["udsatteraadet-2024-05-27"]);
    assert!(
        hits.iter().all(|h| h.item.is_some()),
        "section hits are items"
    );
}

#[test]
fn exact_forms_rank_above_stems() {
    // "godkendes" stands as written only in Aalborg 2024; Albertslund has
    // "godkendt" and "godkendelse", which share its stem.
    let hits = search(text("godkendes"));
    assert!(stems(&hits).len() > 1, "stem matches are found too");
    assert!(
        hits[0].source_path.contains("udsatteraadet-2024-05-27"),
        "{:?}",
        hits[0]
    );
}
