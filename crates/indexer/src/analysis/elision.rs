//! Elided compounds: "Sundheds- og Socialudvalget" also gives "sundhedsudvalget".

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::lexicon::Lexicon;

/// Words that join an elided first part to the full compound.
const CONJUNCTIONS: [&str; 3] = ["og", "eller", "samt"];
/// At most this many elided parts in one run ("Børne-, Unge- og …").
const MAX_RUN: usize = 8;

/// Completes elided compounds. A word written with a trailing hyphen
/// ("Sundheds-", "Børne-,") followed by og/eller/samt and a compound gets a
/// second token at its position: the word joined to the compound's head,
/// "sundheds" + "udvalget" → "sundhedsudvalget".
///
/// It reads the original text to see the hyphen, which the tokenizer drops,
/// so it must sit where token offsets still point into the text (any filter
/// chain over [`super::tokenizer::DanishTokenizer`] does). Expects lower-case
/// tokens. The completed token spans the whole phrase, for highlighting.
#[derive(Clone, Copy)]
pub struct ElidedCompounds {
    lexicon: &'static Lexicon,
}

impl ElidedCompounds {
    /// The filter over the built-in Danish lexicon.
    pub fn danish() -> Self {
        ElidedCompounds {
            lexicon: Lexicon::danish(),
        }
    }
}

impl TokenFilter for ElidedCompounds {
    type Tokenizer<T: Tokenizer> = ElidedCompoundsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> Self::Tokenizer<T> {
        ElidedCompoundsFilter {
            inner: tokenizer,
            lexicon: self.lexicon,
        }
    }
}

/// The tokenizer wrapper made by [`ElidedCompounds`].
#[derive(Clone)]
pub struct ElidedCompoundsFilter<T> {
    inner: T,
    lexicon: &'static Lexicon,
}

impl<T: Tokenizer> Tokenizer for ElidedCompoundsFilter<T> {
    type TokenStream<'a> = ElidedCompoundsStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ElidedCompoundsStream {
            text,
            tail: self.inner.token_stream(text),
            lexicon: self.lexicon,
            queue: VecDeque::new(),
            current: Token::default(),
        }
    }
}

/// The token stream of [`ElidedCompounds`].
pub struct ElidedCompoundsStream<'a, S> {
    text: &'a str,
    tail: S,
    lexicon: &'static Lexicon,
    queue: VecDeque<Token>,
    current: Token,
}

/// Whether the token is written with a trailing hyphen that ends the word:
/// "Sundheds- og", "Børne-, Unge-", but not "IT-system".
fn ends_with_elision_hyphen(text: &str, token: &Token) -> bool {
    let Some(rest) = text.get(token.offset_to..) else {
        return false;
    };
    let mut chars = rest.chars();
    matches!(chars.next(), Some('-' | '\u{2010}' | '\u{2011}'))
        && chars.next().is_none_or(|c| c.is_whitespace() || c == ',')
}

/// The head that completes the elided parts before `conjunction` and
/// `compound` (both lower case): "udvalget" in "sundheds- og
/// socialudvalget"; `None` when the word is no conjunction or the compound
/// no compound of known words.
fn elided_head(lexicon: &Lexicon, conjunction: &str, compound: &str) -> Option<String> {
    if CONJUNCTIONS.contains(&conjunction) {
        lexicon.head(compound)
    } else {
        None
    }
}

/// The letters of a query word written as an elided first part
/// ("Psykiatri-", "Børne-," or "\"Børne-"), as a byte range in the word.
fn elided_letters(word: &str) -> Option<(usize, usize)> {
    let word_end = word.trim_end_matches(',').len();
    let before_hyphen = word[..word_end]
        .strip_suffix(['-', '\u{2010}', '\u{2011}'])?
        .len();
    let start = word[..before_hyphen]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    // Only punctuation (quotes, parentheses) may come before the letters.
    word[..start]
        .chars()
        .all(|c| !c.is_alphanumeric())
        .then_some((start, before_hyphen))
}

/// The query side of [`ElidedCompounds`]: in a query written as the
/// minutes write it ("Psykiatri- og Handicapudvalget", also in quotes),
/// each elided first part is replaced by its completed compound
/// ("Psykiatriudvalget og Handicapudvalget"), so that the query asks for
/// what the index side adds at that position, and also finds minutes that
/// write the compounds in full. Other text is kept as it is.
pub fn complete_elided_query(text: &str, lexicon: &Lexicon) -> String {
    let words: Vec<(usize, usize)> = text
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len()
            && j - i < MAX_RUN
            && elided_letters(&text[words[j].0..words[j].1]).is_some()
        {
            j += 1;
        }
        let head = match (j > i, words.get(j), words.get(j + 1)) {
            (true, Some(&(cs, ce)), Some(&(ws, we))) => {
                let compound = text[ws..we]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                elided_head(lexicon, &text[cs..ce].to_lowercase(), &compound)
            }
            _ => None,
        };
        if let Some(head) = head {
            for &(ws, we) in &words[i..j] {
                let Some((start, end)) = elided_letters(&text[ws..we]) else {
                    continue;
                };
                out.push_str(&text[copied..ws + start]);
                out.push_str(&text[ws + start..ws + end]);
                out.push_str(&head);
                copied = we;
            }
        }
        i = j.max(i + 1);
    }
    out.push_str(&text[copied..]);
    out
}

fn copy_token(from: &Token, to: &mut Token) {
    to.text.clear();
    to.text.push_str(&from.text);
    to.offset_from = from.offset_from;
    to.offset_to = from.offset_to;
    to.position = from.position;
    to.position_length = from.position_length;
}

impl<S: TokenStream> ElidedCompoundsStream<'_, S> {
    fn next_from_tail(&mut self) -> Option<Token> {
        self.tail.advance().then(|| self.tail.token().clone())
    }

    /// Reads a run of elided words starting with `first` and queues them,
    /// with their completions when the run ends in a conjunction and a
    /// compound.
    fn read_run(&mut self, first: Token) {
        let mut run = vec![first];
        let mut after = Vec::new();
        while let Some(token) = self.next_from_tail() {
            if run.len() < MAX_RUN && ends_with_elision_hyphen(self.text, &token) {
                run.push(token);
                continue;
            }
            if CONJUNCTIONS.contains(&token.text.as_str()) {
                after.push(token);
                if let Some(compound) = self.next_from_tail() {
                    after.push(compound);
                }
            } else {
                after.push(token);
            }
            break;
        }
        let head_and_end = match after.as_slice() {
            [conjunction, compound] => elided_head(self.lexicon, &conjunction.text, &compound.text)
                .map(|head| (head, compound.offset_to)),
            _ => None,
        };
        for part in run {
            let completion = head_and_end.as_ref().map(|(head, end)| Token {
                text: format!("{}{}", part.text, head),
                offset_to: (*end).max(part.offset_to),
                ..part.clone()
            });
            self.queue.push_back(part);
            self.queue.extend(completion);
        }
        self.queue.extend(after);
    }
}

impl<S: TokenStream> TokenStream for ElidedCompoundsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if self.queue.is_empty() {
            if !self.tail.advance() {
                return false;
            }
            let token = self.tail.token();
            if !ends_with_elision_hyphen(self.text, token) {
                // The common case: copy into the current token's buffer
                // rather than allocating a token per word.
                copy_token(token, &mut self.current);
                return true;
            }
            let token = token.clone();
            self.read_run(token);
        }
        match self.queue.pop_front() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokenizer::DanishTokenizer;
    use tantivy::tokenizer::{LowerCaser, TextAnalyzer};

    fn analyse(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(DanishTokenizer::default())
            .filter(LowerCaser)
            .filter(ElidedCompounds::danish())
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    fn texts(text: &str) -> Vec<String> {
        analyse(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn completes_an_elided_first_part() {
        let tokens = analyse("Sundheds- og Socialudvalget mødes");
        assert_eq!(tokens[0], ("sundheds".to_string(), 0));
        assert_eq!(tokens[1], ("sundhedsudvalget".to_string(), 0));
        let rest: Vec<&str> = tokens[2..].iter().map(|t| t.0.as_str()).collect();
        assert_eq!(rest, ["og", "socialudvalget", "mødes"]);
    }

    #[test]
    fn completes_every_part_of_a_run() {
        let t = texts("Børne-, Unge- og Familieudvalget");
        assert!(t.contains(&"børneudvalget".to_string()), "{t:?}");
        assert!(t.contains(&"ungeudvalget".to_string()), "{t:?}");
    }

    #[test]
    fn ordinary_hyphenated_words_are_untouched() {
        assert_eq!(
            texts("IT-systemet og budgettet"),
            ["it", "systemet", "og", "budgettet"]
        );
    }

    #[test]
    fn no_completion_without_conjunction_or_known_compound() {
        assert_eq!(texts("Sundheds- mødet"), ["sundheds", "mødet"]);
        assert_eq!(texts("Sundheds- og xqzvw"), ["sundheds", "og", "xqzvw"]);
        assert_eq!(texts("Sundheds-"), ["sundheds"]);
        assert_eq!(texts("Sundheds- og"), ["sundheds", "og"]);
    }

    fn query(text: &str) -> String {
        complete_elided_query(text, Lexicon::danish())
    }

    #[test]
    fn queries_complete_elided_parts() {
        assert_eq!(
            query("Psykiatri- og Handicapudvalget"),
            "Psykiatriudvalget og Handicapudvalget"
        );
        assert_eq!(
            query("\"Psykiatri- og Handicapudvalget\" budget"),
            "\"Psykiatriudvalget og Handicapudvalget\" budget"
        );
        assert_eq!(
            query("Børne-, Unge- og Familieudvalget"),
            "Børneudvalget Ungeudvalget og Familieudvalget"
        );
    }

    #[test]
    fn queries_without_elision_are_kept() {
        for text in [
            "IT-systemet og budgettet",
            "Sundheds- mødet",
            "Sundheds- og xqzvw",
            "Sundheds-",
            "Sundheds- og",
            "- og -",
            "skæve boliger",
            "",
        ] {
            assert_eq!(query(text), text);
        }
    }

    #[test]
    fn long_runs_are_bounded() {
        let text = "ab- ".repeat(1000) + "og socialudvalget";
        let t = texts(&text);
        // Every input word comes out; completions only for the last run.
        assert!(t.len() >= 1002);
        assert!(t.len() <= 1002 + MAX_RUN);
    }
}
