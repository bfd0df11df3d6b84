//! Danish word forms a researcher types and the forms the minutes use:
//! pairs that must match and pairs that must not, at the level of the
//! analyzers (a query word matches a text when one of its query-side
//! tokens in some field is among the text's index-side tokens there).
//! The pairs are Danish grammar (inflection, compounds, hyphens, elision,
//! spellings), written by hand; the false merges are ones a careful reader
//! would reject.

use referat_indexer::analysis::{
    exact_analyzer, folded_analyzer, folded_query_analyzer, lemma_analyzer, lemma_query_analyzer,
    lexicon::Lexicon, stemmed_analyzer, stemmed_query_analyzer, tokens,
};

/// The fields (by name) in which `query` finds `text`.
fn matching_fields(query: &str, text: &str) -> Vec<&'static str> {
    let pairs = [
        ("exact", exact_analyzer(), exact_analyzer()),
        ("lemma", lemma_query_analyzer(), lemma_analyzer()),
        ("stem", stemmed_query_analyzer(), stemmed_analyzer()),
        ("folded", folded_query_analyzer(), folded_analyzer()),
    ];
    let mut out = Vec::new();
    for (name, mut q, mut t) in pairs {
        let q = tokens(&mut q, query);
        let t = tokens(&mut t, text);
        if !q.is_empty() && q.iter().all(|w| t.contains(w)) {
            out.push(name);
        }
    }
    out
}

fn assert_pairs(pairs: &[(&str, &str)], must_match: bool) {
    let mut wrong = Vec::new();
    for (query, text) in pairs {
        let fields = matching_fields(query, text);
        if fields.is_empty() == must_match {
            wrong.push(format!("{query:?} / {text:?}: {fields:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} pairs that must {}match:\n{}",
        wrong.len(),
        if must_match { "" } else { "not " },
        wrong.join("\n")
    );
}

/// Class 1: plurals and inflections that Snowball stems apart, and
/// irregular plurals.
const INFLECTIONS: [(&str, &str); 21] = [
    ("plejecenter", "plejecentre"),
    ("plejecentre", "plejecenter"),
    ("legeplads", "legepladser"),
    ("center", "centre"),
    ("museum", "museer"),
    ("lærer", "lærerne"),
    ("lærer", "lærere"),
    ("handel", "handler"),
    ("barn", "børn"),
    ("barn", "børnene"),
    ("mand", "mænd"),
    ("bog", "bøger"),
    ("fod", "fødder"),
    ("bolig", "boligerne"),
    ("borger", "borgernes"),
    ("udvalg", "udvalgene"),
    ("beslutning", "beslutningerne"),
    ("politiker", "politikerne"),
    ("sag", "sagerne"),
    ("forslag", "forslagene"),
    ("varmestue", "varmestuer"),
];

/// Class 2: compounds in several parts, and heads inside compounds.
const COMPOUNDS: [(&str, &str); 10] = [
    ("pulje", "Landskabspuljen"),
    ("borgersamling", "Velfærdsborgersamlingen"),
    ("kamera", "Kameraovervågning"),
    ("overvågning", "Kameraovervågning"),
    ("hjemløse", "hjemløsereform"),
    ("hjemløshed", "hjemløsereform"),
    ("reform", "hjemløsereform"),
    ("ensomhed", "Ensomhedspuljen"),
    ("bolig", "Boligområderne"),
    ("ældre", "ældreområdet"),
];

/// Class 3: hyphenated and joined spellings, both ways.
const HYPHENS: [(&str, &str); 5] = [
    ("underskudsgaranti", "underskuds-garanti"),
    ("halvårsstatus", "Halvårs-status"),
    ("halvårs-status", "halvårsstatus"),
    ("socialudvalget", "social- og sundhedsudvalget"),
    ("børneungeudvalget", "børne-ungeudvalget"),
];

/// Class 4: modifiers and elided compounds.
const MODIFIERS: [(&str, &str); 5] = [
    ("handicap", "Handicaprådet"),
    ("handicap", "Handicapudvalget"),
    ("psykiatriudvalget", "Psykiatri- og Handicapudvalget"),
    ("sygeplejerske", "socialsygeplejersker"),
    ("varmestue", "varmestuerne"),
];

/// Class 5: plain-ASCII and old spellings.
const SPELLINGS: [(&str, &str); 5] = [
    ("udsatteradet", "Udsatterådet"),
    ("hjemloshed", "hjemløshed"),
    ("Hoyer", "Høyer"),
    ("udsatteraadet", "Udsatterådet"),
    ("bornene", "børnene"),
];

/// Merges that would be wrong: different words that differ only in a
/// Danish letter, and false compound splits.
const MUST_NOT_MATCH: [(&str, &str); 24] = [
    ("møde", "mode"),
    ("mode", "møde"),
    ("får", "far"),
    ("far", "får"),
    ("mål", "mal"),
    ("mal", "mål"),
    ("sal", "sål"),
    ("tal", "tål"),
    ("lov", "løv"),
    ("sæt", "sat"),
    ("nen", "kommunen"),
    ("kommu", "kommunen"),
    ("svar", "ansvar"),
    ("slag", "forslag"),
    ("kerne", "politikerne"),
    ("politi", "politikerne"),
    ("anden", "formanden"),
    ("skab", "medlemskab"),
    ("ring", "orientering"),
    ("bage", "tilbage"),
    ("nem", "gennem"),
    ("handle", "handel"),
    ("land", "landskab"),
    ("løb", "beløb"),
];

#[test]
fn inflections_and_irregular_plurals_match() {
    assert_pairs(&INFLECTIONS, true);
}

#[test]
fn compound_parts_and_heads_match() {
    assert_pairs(&COMPOUNDS, true);
}

#[test]
fn hyphenated_and_joined_spellings_match() {
    assert_pairs(&HYPHENS, true);
}

#[test]
fn modifiers_and_elided_compounds_match() {
    assert_pairs(&MODIFIERS, true);
}

#[test]
fn ascii_and_old_spellings_match() {
    assert_pairs(&SPELLINGS, true);
}

#[test]
fn false_merges_do_not_match() {
    assert_pairs(&MUST_NOT_MATCH, false);
}

#[test]
fn enough_pairs() {
    let matching =
        INFLECTIONS.len() + COMPOUNDS.len() + HYPHENS.len() + MODIFIERS.len() + SPELLINGS.len();
    assert!(matching >= 40, "{matching}");
    assert!(MUST_NOT_MATCH.len() >= 20);
}

/// Words that are no compounds: the dictionary knows them whole and their
/// would-be parts are no words of it in that sense.
const FALSE_SPLITS: [&str; 16] = [
    "kommunen",
    "ansvar",
    "forslag",
    "formanden",
    "politikerne",
    "orientering",
    "medlemskab",
    "tilbage",
    "gennem",
    "beløb",
    "landskab",
    "deltagere",
    "borgerens",
    "betaling",
    "sammenfaldende",
    "anden",
];

#[test]
fn false_splits_are_not_made() {
    let lexicon = Lexicon::danish();
    let split: Vec<(&str, Vec<String>)> = FALSE_SPLITS
        .iter()
        .map(|w| (*w, lexicon.pieces(w)))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    assert!(split.is_empty(), "{split:?}");
}

#[test]
fn compounds_split_recursively_into_the_fewest_longest_parts() {
    let lexicon = Lexicon::danish();
    let pieces = lexicon.pieces("velfærdsborgersamlingen");
    assert!(pieces.contains(&"velfærd".to_string()), "{pieces:?}");
    assert!(
        pieces.iter().any(|p| p.starts_with("borgersamling")),
        "{pieces:?}"
    );
    let pieces = lexicon.pieces("hjemløsereform");
    assert_eq!(pieces, ["hjemløs", "reform"]);
}

#[test]
fn lemmas_come_from_the_dictionary_and_the_irregular_table() {
    let lexicon = Lexicon::danish();
    assert_eq!(lexicon.query_lemma("børnene"), "barn");
    assert_eq!(lexicon.query_lemma("lærerne"), "lærer");
    assert_eq!(lexicon.query_lemma("plejecentre"), "plejecenter");
    assert!(lexicon.lemmas("mænd").contains(&"mand".to_string()));
    // A word nobody knows is its own lemma.
    assert_eq!(lexicon.lemmas("xqzvw"), ["xqzvw"]);
}
