//! Prints how the compound splitter splits each distinct word of the given
//! text files (for reviewing the lexicon): `cargo run -p referat-indexer
//! --example split_words -- FILE...`.

use std::collections::BTreeSet;

use referat_indexer::analysis::{exact_analyzer, lexicon::Lexicon, tokens};

fn main() {
    let mut words = BTreeSet::new();
    let mut analyzer = exact_analyzer();
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => words.extend(tokens(&mut analyzer, &text)),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    let lexicon = Lexicon::danish();
    let (mut split, mut total) = (0, 0);
    for word in &words {
        total += 1;
        if let Some(parts) = lexicon.split(word) {
            split += 1;
            let parts: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
            let known = if lexicon.is_word(word) {
                "known"
            } else {
                "new"
            };
            println!("{word}\t{known}\t{}", parts.join(" + "));
        }
    }
    eprintln!("{split} of {total} distinct words split");
}
