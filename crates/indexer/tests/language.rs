//! Danish-aware matching on hand-built records: stemming, compounds,
//! normalisation, no ASCII folding, phrases, exact-over-stem ranking.

mod common;

use common::{doc_ids, index_of, record};
use referat_indexer::Query;

#[test]
fn stemming_matches_inflected_forms() {
    let index = index_of(&[
        record("a", 1, "Borgeren har fået frikortet til svømmehallen."),
        record("b", 1, "Der mangler boliger til unge."),
        record("c", 1, "Mødet sluttede tidligt."),
    ]);
    let a = index.search(&Query::text("frikort")).expect("search");
    assert_eq!(a.total, 1);
    assert_eq!(a.hits[0].source_path, "corpus/a.pdf");
    assert_eq!(doc_ids(&index, "bolig"), doc_ids(&index, "boliger"));
    assert_eq!(doc_ids(&index, "bolig").len(), 1);
}

#[test]
fn compound_parts_are_searchable() {
    let index = index_of(&[
        record("memo", 1, "Notat om Ensomhedspuljen og dens fordeling."),
        record(
            "reform",
            1,
            "Rådet drøftede hjemløsereformen og dens betydning.",
        ),
        record("other", 1, "Rådet drøftede budgettet."),
    ]);
    let pulje = index.search(&Query::text("pulje")).expect("search");
    assert_eq!(pulje.total, 1);
    assert_eq!(pulje.hits[0].source_path, "corpus/memo.pdf");
    let reform = index.search(&Query::text("reform")).expect("search");
    assert_eq!(reform.total, 1);
    assert_eq!(reform.hits[0].source_path, "corpus/reform.pdf");
    // The snippet marks the compound the part was found in.
    let snippet = &pulje.hits[0].snippet;
    let marked: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert_eq!(marked, ["Ensomhedspuljen"]);
    // The whole compound is still found as such.
    assert_eq!(
        index
            .search(&Query::text("ensomhedspuljen"))
            .expect("search")
            .total,
        1
    );
}

#[test]
fn elided_compound_is_completed() {
    let index = index_of(&[
        record("a", 1, "Sagen behandles i Sundheds- og Socialudvalget."),
        record("b", 1, "Sagen behandles i Sundhedsudvalget."),
        record("c", 1, "Sagen behandles i Socialudvalget."),
    ]);
    let found = doc_ids(&index, "sundhedsudvalget");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(!found.contains(&record("c", 1, "").id));
}

#[test]
fn scandinavian_spellings_are_normalised() {
    let index = index_of(&[
        record("a", 1, "Projektet om skæve boliger i Ålborg."),
        record("b", 1, "Projektet om nye boliger i Odense."),
    ]);
    assert_eq!(doc_ids(&index, "skaeve"), [record("a", 1, "").id]);
    assert_eq!(doc_ids(&index, "Aalborg"), [record("a", 1, "").id]);
    assert_eq!(
        doc_ids(&index, "\"skaeve boliger\""),
        [record("a", 1, "").id]
    );
}

#[test]
fn no_ascii_folding() {
    let index = index_of(&[
        record("a", 1, "Næste møde holdes i januar."),
        record("b", 1, "Det er blevet mode at cykle."),
    ]);
    assert_eq!(doc_ids(&index, "møde"), [record("a", 1, "").id]);
    assert_eq!(doc_ids(&index, "mode"), [record("b", 1, "").id]);
}

#[test]
fn phrases_need_adjacent_words_in_order() {
    let index = index_of(&[
        record("a", 1, "Forslag om skæve boliger til udsatte borgere."),
        record("b", 1, "Boliger til borgere, der er skæve i hverdagen."),
    ]);
    assert_eq!(
        doc_ids(&index, "\"skæve boliger\""),
        [record("a", 1, "").id]
    );
    // Stemmed phrase: the inflected phrase still matches.
    assert_eq!(doc_ids(&index, "\"skæv bolig\""), [record("a", 1, "").id]);
    // Without quotes both match (AND by default).
    assert_eq!(doc_ids(&index, "skæve boliger").len(), 2);
}

#[test]
fn boolean_operators() {
    let index = index_of(&[
        record("a", 1, "Budget og boliger."),
        record("b", 1, "Budget og trafik."),
        record("c", 1, "Trafik og boliger."),
    ]);
    assert_eq!(doc_ids(&index, "budget boliger").len(), 1);
    assert_eq!(doc_ids(&index, "budget AND boliger").len(), 1);
    assert_eq!(doc_ids(&index, "budget OR boliger").len(), 3);
    assert_eq!(doc_ids(&index, "boliger -budget"), [record("c", 1, "").id]);
    // Pasted punctuation never fails the parse.
    assert!(index
        .search(&Query::text("kl. 10:30 § 17, stk. 2 [x] {y} ^~*"))
        .is_ok());
}

#[test]
fn exact_matches_rank_above_stem_matches() {
    // Same length, one has the exact form asked for, the other a stem relative.
    let index = index_of(&[
        record("stem", 1, "Der bygges nye bolig i byen nu"),
        record("exact", 1, "Der bygges nye boliger i byen nu"),
    ]);
    let results = index.search(&Query::text("boliger")).expect("search");
    assert_eq!(results.total, 2);
    assert_eq!(results.hits[0].source_path, "corpus/exact.pdf");
    assert!(results.hits[0].score > results.hits[1].score);

    let results = index.search(&Query::text("bolig")).expect("search");
    assert_eq!(results.hits[0].source_path, "corpus/stem.pdf");
}

#[test]
fn exact_phrases_rank_above_inflected_ones_and_are_marked() {
    let index = index_of(&[
        record("inflected", 1, "Der bygges skæv bolig i byen nu"),
        record("exact", 1, "Der bygges skæve boliger i byen nu"),
        record("apart", 1, "Der bygges boliger, skæve i byen nu"),
    ]);
    for (phrase, first) in [
        ("\"skæve boliger\"", "corpus/exact.pdf"),
        ("\"skæv bolig\"", "corpus/inflected.pdf"),
    ] {
        let results = index.search(&Query::text(phrase)).expect("search");
        assert_eq!(results.total, 2, "{phrase}");
        assert_eq!(results.hits[0].source_path, first, "{phrase}");
        assert!(results.hits[0].score > results.hits[1].score, "{phrase}");
        // The snippet marks the phrase's words, and the hit says why.
        for hit in &results.hits {
            let marked: Vec<&str> = hit
                .snippet
                .highlights
                .iter()
                .filter_map(|r| hit.snippet.text.get(r.clone()))
                .collect();
            assert!(marked.len() >= 2, "{phrase}: {marked:?} in {hit:?}");
            assert!(!hit.matched.is_empty(), "{phrase}: {hit:?}");
        }
    }
}

#[test]
fn exact_word_ranks_above_compound_part() {
    let index = index_of(&[
        record("part", 1, "Midler fra ensomhedspuljen uddeles nu"),
        record("word", 1, "Midler fra den nye pulje uddeles nu"),
    ]);
    let results = index.search(&Query::text("pulje")).expect("search");
    assert_eq!(results.total, 2);
    assert_eq!(results.hits[0].source_path, "corpus/word.pdf");
}

#[test]
fn decomposed_unicode_in_text_is_found() {
    let index = index_of(&[record("a", 1, "Mødet i A\u{30a}lborg om ska\u{30a}ne")]);
    assert_eq!(doc_ids(&index, "Ålborg").len(), 1);
}

#[test]
fn phrases_with_compounds_and_hyphenated_words() {
    let index = index_of(&[
        record("a", 1, "Ensomhedspuljen fordeles til IT-systemet i år."),
        record(
            "b",
            1,
            "Puljen fordeles ikke. Ensomhedspuljen er brugt. IT og systemet.",
        ),
    ]);
    assert_eq!(
        doc_ids(&index, "\"ensomhedspuljen fordeles\""),
        [record("a", 1, "").id]
    );
    assert_eq!(doc_ids(&index, "\"pulje fordeles\"").len(), 2);
    assert_eq!(doc_ids(&index, "IT-systemet"), [record("a", 1, "").id]);
}

#[test]
fn stop_words_are_found_in_the_exact_field_only() {
    let index = index_of(&[
        record("a", 1, "Skæve boliger og budget"),
        record("b", 1, "Skæve boliger, budget"),
    ]);
    // "og" is a stop word: the stemmed field drops it, the exact field has it.
    assert_eq!(
        doc_ids(&index, "\"boliger og budget\""),
        [record("a", 1, "").id]
    );
}
