//! A query set written by hand and judged by reading the minutes: the
//! corpus (`corpus/expected/*.content.txt`) and the real Aarhus minutes in
//! `../shared/real/` (read with pdftotext and in the HTML). Each query says
//! which documents must be among its hits, because their text holds the
//! word in some form a researcher means by the query; a few say which must
//! not be. The forms are Danish morphology: plurals, definite forms,
//! compounds and their heads and modifiers, hyphenated and elided
//! compounds, plain-ASCII spellings.
//!
//! The Ballerup files are a held-out check: queries written by reading
//! those documents only after the analysis was built, never used to tune it.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use referat_indexer::{Index, PersonRole, Query};

const REAL_FILES: [&str; 2] = [
    "aarhus-byraad-2025-08-27-referat.pdf",
    "aarhus-teknisk-udvalg-2025-10-01-referat.html",
];

/// The held-out municipality: Ballerup's committee items of 2012-12-04 and
/// two attachments (the scanned attachment, which needs OCR, left out).
const HELD_OUT_FILES: [&str; 7] = [
    "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-3.pdf",
    "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-4.pdf",
    "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-5.pdf",
    "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-7.pdf",
    "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-8.pdf",
    "ballerup-2012-kkr-hovedstaden-invitation.pdf",
    "ballerup-2012-11-08-bilag-projektbeskrivelse-solvej-6.pdf",
];

fn index() -> &'static (Index, bool) {
    static INDEX: OnceLock<(Index, bool)> = OnceLock::new();
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
        let real = referat_suite::real();
        let have_real = REAL_FILES
            .iter()
            .chain(HELD_OUT_FILES.iter())
            .all(|f| real.join(f).is_file());
        if have_real {
            for file in REAL_FILES.iter().chain(HELD_OUT_FILES.iter()) {
                let record = referat_parser::parse_file(real.join(file)).expect("real file parses");
                writer.upsert(&record).expect("indexed");
            }
        } else {
            eprintln!(
                "skipping the real-minutes queries: {} lacks {REAL_FILES:?} or {HELD_OUT_FILES:?}",
                real.display()
            );
        }
        writer.commit().expect("committed");
        (index, have_real)
    })
}

/// The file stems a query finds.
fn found(query: &str) -> BTreeSet<String> {
    found_by(Query {
        limit: 200,
        ..Query::text(query)
    })
}

/// The file stems a search finds.
fn found_by(query: Query) -> BTreeSet<String> {
    index()
        .0
        .search(&query)
        .expect("search runs")
        .hits
        .iter()
        .map(|h| {
            std::path::Path::new(&h.source_path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// (query, documents that must be found): corpus seeds.
const CORPUS_QUERIES: [(&str, &[&str]); 20] = [
    ("varmestue", &["udsatteraadet-2024-05-27"]),
    ("sygeplejerske", &["udsatteraadet-2023-11-21"]),
    (
        "jobcenter",
        &["udsatteraadet-2019-04-01", "udsatteraadet-2021-10-14"],
    ),
    (
        "værested",
        &["notat-2021-02-26", "udsatteraadet-2024-05-27"],
    ),
    (
        "politiker",
        &[
            "udsatteraadet-2019-04-01",
            "udsatteraadet-2021-10-14",
            "udsatteraadet-2023-11-21",
            "udsatteraadet-2024-05-27",
        ],
    ),
    (
        "hjemløshed",
        &[
            "udsatteraadet-2021-10-14",
            "udsatteraadet-2023-11-21",
            "udsatteraadet-2024-05-27",
        ],
    ),
    // The ASCII fallback matches whole words: the two minutes that write
    // "hjemløshed" (2023-11-21 has only "hjemløsereform", found by
    // "hjemløshed" through its stem, not by the folded spelling).
    (
        "hjemloshed",
        &["udsatteraadet-2021-10-14", "udsatteraadet-2024-05-27"],
    ),
    (
        "udsatteradet",
        &[
            "udsatteraadet-2019-04-01",
            "udsatteraadet-2021-10-14",
            "udsatteraadet-2023-11-21",
            "udsatteraadet-2024-05-27",
        ],
    ),
    ("madpakkeordning", &["udsatteraadet-2021-10-14"]),
    (
        "ordning",
        &["udsatteraadet-2019-04-01", "udsatteraadet-2021-10-14"],
    ),
    (
        "bisidder",
        &["udsatteraadet-2019-04-01", "udsatteraadet-2021-10-14"],
    ),
    ("klatrepark", &["udsatteraadet-2024-05-27"]),
    (
        "rådgiver",
        &[
            "udsatteraadet-2019-04-01",
            "udsatteraadet-2021-10-14",
            "udsatteraadet-2023-11-21",
        ],
    ),
    ("handicap", &["udsatteraadet-2023-11-21"]),
    ("psykiatriudvalget", &["udsatteraadet-2023-11-21"]),
    ("sundhedsudvalget", &["udsatteraadet-2019-04-01"]),
    ("pulje", &["notat-2021-02-26"]),
    (
        "bolig",
        &[
            "udsatteraadet-2019-04-01",
            "udsatteraadet-2021-10-14",
            "udsatteraadet-2023-11-21",
        ],
    ),
    ("akutbolig", &["udsatteraadet-2023-11-21"]),
    (
        "næstformand",
        &["udsatteraadet-2019-04-01", "udsatteraadet-2021-10-14"],
    ),
];

const BYRAAD: &str = "aarhus-byraad-2025-08-27-referat";
const TEKNISK: &str = "aarhus-teknisk-udvalg-2025-10-01-referat";

/// (query, documents that must be found): the real Aarhus minutes.
const REAL_QUERIES: [(&str, &[&str]); 14] = [
    // "skolemistrivsel" and "skole-mistrivsel" are both in the text.
    ("skolemistrivsel", &[BYRAAD]),
    ("mistrivsel", &[BYRAAD]),
    // Written "Ravnbakkeskolen" and "Ravnbakke-skolen".
    ("ravnbakkeskole", &[BYRAAD]),
    ("lærer", &[BYRAAD]),
    ("barn", &[BYRAAD]),
    ("ældrepleje", &[BYRAAD]),
    ("velfærd", &[BYRAAD]),
    ("parkeringsplads", &[BYRAAD]),
    ("hastighedsnedsættelse", &[BYRAAD]),
    ("busfremkommelighed", &[TEKNISK]),
    ("fremkommelighed", &[TEKNISK]),
    ("pulje", &[BYRAAD, TEKNISK]),
    ("nattelivsudvalg", &[BYRAAD]),
    ("tryghed", &[BYRAAD]),
];

/// (query, documents that must not be found).
const MUST_NOT_FIND: [(&str, &[&str]); 3] = [
    // No form of "hjemløs" in the Aarhus minutes.
    ("hjemløshed", &[BYRAAD, TEKNISK]),
    // "mode" is no spelling of "møde": only the ASCII fallback could merge them.
    (
        "mode",
        &["udsatteraadet-2024-05-27", "udsatteraadet-2019-04-01"],
    ),
    // Handicaprådet is in the Gladsaxe minutes only.
    (
        "handicap",
        &["udsatteraadet-2024-05-27", "notat-2021-02-26"],
    ),
];

const P3: &str = "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-3";
const P4: &str = "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-4";
const P5: &str = "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-5";
const P7: &str = "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-7";
const P8: &str = "ballerup-2012-12-04-sundheds-og-forebyggelsesudvalget-punkt-8";
const INVITATION: &str = "ballerup-2012-kkr-hovedstaden-invitation";
const SOLVEJ: &str = "ballerup-2012-11-08-bilag-projektbeskrivelse-solvej-6";

/// (query, documents that must be found): held out, Ballerup 2012, each
/// judged by reading the documents (pdftotext). The forms the query needs
/// are in the comments.
const HELD_OUT_QUERIES: [(&str, &[&str]); 16] = [
    // "Kvalitetsstandarder", "Kvalitetsstandarden": a definite plural typed.
    ("kvalitetsstandarderne", &[P3]),
    // Only as "stof- og alkoholbehandling" (elided).
    ("stofbehandling", &[P3]),
    // "stofmisbrug", "alkoholmisbrug": the head of compounds.
    ("misbrug", &[P3]),
    // "takstnedsættelse", "taksnedsættelse": a plural typed.
    ("takstnedsættelser", &[P4]),
    // "aflastningstilbuddet" (consonant doubled before -et).
    ("aflastningstilbud", &[P4]),
    // "institutioner", "aflastningsinstitutionen".
    ("institution", &[P4]),
    // "rygestopinstruktører", "rygestopinstruktørerne".
    ("rygestopinstruktør", &[P8]),
    ("instruktør", &[P8]),
    // "kurser", "rygestopkurser", "kursusafslutning"; "idrætskurser".
    ("kursus", &[P8, SOLVEJ]),
    // "aktivitetscenter", "aktivitetscentret": a plural typed.
    ("aktivitetscentre", &[P7, SOLVEJ]),
    // "sundhedsudspil"; "sundhedsudspillet".
    ("sundhedsudspillet", &[P5, INVITATION]),
    // "KL-udspillet", "udspillet", "sundhedsudspil".
    ("udspil", &[P5, INVITATION]),
    // "Sundheds- og Forebyggelsesudvalgets beslutning": the genitive, and
    // the elided "Sundheds-".
    ("forebyggelsesudvalget", &[P3, P4, P5, P7, P8]),
    ("sundhedsudvalget", &[P3, P4, P5, P7, P8]),
    // "ældreidræt", "idrætsundervisning", "idrætskurser".
    ("idræt", &[P7, SOLVEJ]),
    // "rygestopinstruktører" typed without ø.
    ("rygestopinstruktorer", &[P8]),
];

/// (query, documents that must not be found): held out, Ballerup.
const HELD_OUT_MUST_NOT_FIND: [(&str, &[&str]); 3] = [
    // Misbrug is only in item 3.
    ("misbrug", &[P4, P5, P7, P8, INVITATION, SOLVEJ]),
    // No kursus in items 3-7: "kurs" is no part of "kursskifte".
    ("kursus", &[P3, P4, P5, P7, INVITATION]),
    ("instruktør", &[P3, P4, P5, P7, INVITATION, SOLVEJ]),
];

/// (person, role, documents where the person had that role): held out,
/// Ballerup. The committee items list nobody ("Følgende deltog ikke i
/// behandlingen af punktet:" is empty) and name no members; the invitation
/// is signed by six politicians who invite, and the attachment names its
/// project leader: nobody attended a meeting in these files.
const HELD_OUT_PERSONS: [(&str, Option<PersonRole>, &[&str]); 6] = [
    ("Steen Christiansen", Some(PersonRole::Attended), &[]),
    ("Ninna Thomsen", Some(PersonRole::Attended), &[]),
    ("Ib Terp", Some(PersonRole::Attended), &[]),
    ("Birgit Elleby Jørgensen", Some(PersonRole::Attended), &[]),
    // Named, with any role.
    ("Steen Christiansen", None, &[INVITATION]),
    ("Birgit Elleby Jørgensen", None, &[SOLVEJ]),
];

fn check(queries: &[(&str, &[&str])], must_find: bool) -> Vec<String> {
    let mut wrong = Vec::new();
    for (query, docs) in queries {
        let hits = found(query);
        for doc in *docs {
            if hits.contains(*doc) != must_find {
                wrong.push(format!(
                    "{query:?} {} {doc} (found {hits:?})",
                    if must_find { "misses" } else { "finds" }
                ));
            }
        }
    }
    wrong
}

#[test]
fn corpus_queries_find_what_the_minutes_say() {
    let wrong = check(&CORPUS_QUERIES, true);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn real_minutes_queries_find_what_the_minutes_say() {
    if !index().1 {
        eprintln!("skipped: no real minutes");
        return;
    }
    let wrong = check(&REAL_QUERIES, true);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn queries_do_not_find_what_the_minutes_do_not_say() {
    let queries: Vec<(&str, &[&str])> = MUST_NOT_FIND
        .iter()
        .copied()
        .filter(|(_, docs)| index().1 || !docs.contains(&BYRAAD))
        .collect();
    let wrong = check(&queries, false);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn held_out_queries_find_what_the_minutes_say() {
    if !index().1 {
        eprintln!("skipped: no real minutes");
        return;
    }
    let mut wrong = check(&HELD_OUT_QUERIES, true);
    wrong.extend(check(&HELD_OUT_MUST_NOT_FIND, false));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn held_out_person_queries_find_who_had_the_role() {
    if !index().1 {
        eprintln!("skipped: no real minutes");
        return;
    }
    let mut wrong = Vec::new();
    for (person, role, docs) in HELD_OUT_PERSONS {
        let hits = found_by(Query {
            person: Some(person.to_string()),
            roles: role.into_iter().collect(),
            municipality: None,
            limit: 200,
            ..Query::default()
        });
        let ballerup: BTreeSet<String> = hits
            .into_iter()
            .filter(|h| h.starts_with("ballerup"))
            .collect();
        let expected: BTreeSet<String> = docs.iter().map(|d| d.to_string()).collect();
        if ballerup != expected {
            wrong.push(format!(
                "{person} {role:?}: found {ballerup:?}, expected {expected:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_query_set_is_large_enough() {
    assert!(CORPUS_QUERIES.len() + REAL_QUERIES.len() + MUST_NOT_FIND.len() >= 30);
}
