//! Quoted phrases are looked up as word pairs (`crates/indexer/src/phrase.rs`).
//! This checks the lookup against the definition it replaces, on the corpus
//! and the real documents in `../shared/real/`: a phrase matches a record
//! when, in its text or in one of its items, the exact words, the stems or
//! the lemmas hold the phrase's words (as the query reads them) at
//! consecutive positions, each at its own position among the forms there.
//! The oracle below reads the texts with the analysis chains, not the index.
//!
//! The phrases are every 7th two-word and three-word run of each text, as
//! written, plus inflected forms of some; a phrase the pairs cannot answer
//! (a stop word inside, a hyphen, a plain-ASCII spelling) is asked the old
//! way and is not what this test is about, so only phrases whose words all
//! have one form per stream at consecutive positions are kept.

use std::collections::{BTreeSet, HashMap};

use referat_indexer::analysis::{self, tokens};
use referat_indexer::document::item_text;
use referat_indexer::{Index, Query};
use referat_schema::Record;
use tantivy::tokenizer::TextAnalyzer;

/// One stream of a text: the forms at each position, and where each form is.
struct Stream {
    at: HashMap<usize, BTreeSet<String>>,
    positions_of: HashMap<String, Vec<usize>>,
}

impl Stream {
    fn of(mut analyzer: TextAnalyzer, text: &str) -> Stream {
        let mut s = Stream {
            at: HashMap::new(),
            positions_of: HashMap::new(),
        };
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            s.at.entry(t.position).or_default().insert(t.text.clone());
            s.positions_of
                .entry(t.text.clone())
                .or_default()
                .push(t.position);
        }
        s
    }

    /// Does the stream hold `want` at consecutive positions?
    fn has(&self, want: &[String]) -> bool {
        let Some(first) = want.first().and_then(|w| self.positions_of.get(w)) else {
            return false;
        };
        first.iter().any(|&p| {
            want.iter()
                .enumerate()
                .all(|(i, w)| self.at.get(&(p + i)).is_some_and(|f| f.contains(w)))
        })
    }
}

/// A text's exact, stemmed and lemma streams.
struct Forms([Stream; 3]);

impl Forms {
    fn of(text: &str) -> Forms {
        Forms([
            Stream::of(analysis::exact_chain(), text),
            Stream::of(analysis::stemmed_chain(), text),
            Stream::of(analysis::lemma_chain(), text),
        ])
    }

    /// Does any stream hold its words of the phrase at consecutive positions?
    fn has(&self, words: &[Vec<String>; 3]) -> bool {
        self.0.iter().zip(words).any(|(s, w)| s.has(w))
    }
}

/// The query's words per stream, when the pairs answer the phrase.
fn phrase_words(phrase: &str) -> Option<[Vec<String>; 3]> {
    let consecutive = |mut a: TextAnalyzer| -> Option<Vec<String>> {
        let mut out = Vec::new();
        let mut stream = a.token_stream(phrase);
        let mut first = None;
        while let Some(t) = stream.next() {
            let start = *first.get_or_insert(t.position);
            if t.position != start + out.len() {
                return None;
            }
            out.push(t.text.clone());
        }
        Some(out)
    };
    if !tokens(&mut analysis::folded_query_analyzer(), phrase).is_empty() {
        return None;
    }
    let exact = consecutive(analysis::exact_chain())?;
    let stems = consecutive(analysis::stemmed_query_analyzer())?;
    let lemmas = consecutive(analysis::lemma_query_analyzer())?;
    let n = exact.len();
    (n >= 2 && stems.len() == n && lemmas.len() == n).then_some([exact, stems, lemmas])
}

fn records() -> Vec<Record> {
    let mut out = Vec::new();
    let corpus = referat_suite::corpus();
    for municipality in ["aalborg", "albertslund", "gladsaxe"] {
        for entry in std::fs::read_dir(corpus.join(municipality)).expect("corpus folder") {
            let path = entry.expect("entry").path();
            out.push(referat_parser::parse_file(&path).expect("corpus file parses"));
        }
    }
    let real = referat_suite::real();
    if let Ok(entries) = std::fs::read_dir(&real) {
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.to_string_lossy().to_string();
            // The scan needs OCR (slow, tested elsewhere); the README is no minutes.
            if name.contains("scannet") || name.ends_with(".md") {
                continue;
            }
            match referat_parser::parse_file(&path) {
                Ok(r) => out.push(r),
                Err(e) => eprintln!("skipping {name}: {e}"),
            }
        }
    } else {
        eprintln!("no {}: phrases over the corpus only", real.display());
    }
    out
}

/// Some surface phrases of a text: every 7th run of two and of three words.
fn phrases_of(text: &str, into: &mut BTreeSet<String>) {
    let mut exact = analysis::exact_chain();
    let mut stream = exact.token_stream(text);
    let mut words: Vec<(usize, usize)> = Vec::new();
    while let Some(t) = stream.next() {
        words.push((t.offset_from, t.offset_to));
    }
    for (i, _) in words.iter().enumerate().step_by(7) {
        for len in [2, 3] {
            let Some(run) = words.get(i..i + len) else {
                continue;
            };
            let phrase: Vec<&str> = run.iter().filter_map(|&(a, b)| text.get(a..b)).collect();
            into.insert(phrase.join(" "));
        }
    }
}

#[test]
fn pair_lookup_finds_what_the_phrase_definition_finds() {
    let records = records();
    assert!(records.len() >= 15, "corpus records: {}", records.len());
    let index = Index::in_memory().expect("an index");
    let mut writer = index.writer(50_000_000).expect("a writer");
    for r in &records {
        writer.upsert(r).expect("indexed");
    }
    writer.commit().expect("committed");

    // Each record's texts as its index entries hold them.
    let texts: Vec<(String, Vec<Forms>)> = records
        .iter()
        .map(|r| {
            let full = if r.text.trim().is_empty() {
                r.items
                    .iter()
                    .map(item_text)
                    .collect::<Vec<_>>()
                    .join("\n\n")
            } else {
                r.text.clone()
            };
            let mut forms = vec![Forms::of(&full)];
            forms.extend(r.items.iter().map(|it| Forms::of(&item_text(it))));
            (r.id.clone(), forms)
        })
        .collect();

    let mut phrases = BTreeSet::new();
    for r in &records {
        phrases_of(&r.text, &mut phrases);
    }
    // Inflected and compound-head forms a reader would type.
    for p in [
        "skæv bolig",
        "skæve boliger",
        "nyt udsatteråd",
        "pulje fordeles",
        "børn og unge",
        "sociale forhold",
        "godkendt af",
        "udvalget godkendte indstillingen",
    ] {
        phrases.insert(p.to_string());
    }

    let mut asked = 0;
    let mut matching = 0;
    for phrase in &phrases {
        let Some(words) = phrase_words(phrase) else {
            continue;
        };
        asked += 1;
        let want: BTreeSet<&str> = texts
            .iter()
            .filter(|(_, forms)| forms.iter().any(|f| f.has(&words)))
            .map(|(id, _)| id.as_str())
            .collect();
        let results = index
            .search(&Query {
                limit: 10_000,
                ..Query::text(format!("\"{phrase}\""))
            })
            .expect("search");
        let got: BTreeSet<&str> = results.hits.iter().map(|h| h.doc_id.as_str()).collect();
        assert_eq!(got, want, "records for the phrase \"{phrase}\"");
        if !want.is_empty() {
            matching += 1;
        }
    }
    // Enough phrases were asked, and most were found somewhere.
    eprintln!("{asked} phrases asked, {matching} found");
    assert!(asked >= 300, "only {asked} phrases asked");
    assert!(matching * 10 >= asked * 9, "{matching} of {asked} found");
}
