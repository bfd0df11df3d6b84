//! The word tokenizer: runs of letters and digits, NFC-normalised.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What the tokenizer does with words joined by a hyphen
/// ("underskuds-garanti", "Halvårs-status", "børne-ungeudvalget", also
/// across a line break after the hyphen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Hyphens {
    /// Each word on its own (the exact field: phrases keep their positions).
    #[default]
    Split,
    /// The joined word ("underskudsgaranti") at the first word's position,
    /// then each word on its own, so that both spellings are found
    /// (indexing).
    JoinAndSplit,
    /// The joined word only (queries: "halvårs-status" asks for the word
    /// "halvårsstatus", however the minutes wrote it).
    Join,
}

/// Splits text into words: maximal runs of letters and digits, with any
/// combining marks that follow a letter kept inside the word.
///
/// Each token's text is the NFC form of the word, so a decomposed "å"
/// (`a` + U+030A, common in text extracted from PDFs) stays one word and
/// equals the precomposed "å". Offsets point into the original text, as
/// tantivy's snippets and the elision filter need. Words joined by a
/// hyphen are treated as [`Hyphens`] says.
#[derive(Clone, Debug, Default)]
pub struct DanishTokenizer {
    token: Token,
    hyphens: Hyphens,
    pending: Vec<Token>,
}

impl DanishTokenizer {
    /// A tokenizer that treats hyphenated words as `hyphens` says.
    pub fn with_hyphens(hyphens: Hyphens) -> Self {
        DanishTokenizer {
            hyphens,
            ..DanishTokenizer::default()
        }
    }
}

/// The token stream of [`DanishTokenizer`].
pub struct DanishTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
    hyphens: Hyphens,
    /// Tokens still to emit, in reverse order.
    pending: &'a mut Vec<Token>,
}

impl Tokenizer for DanishTokenizer {
    type TokenStream<'a> = DanishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> DanishTokenStream<'a> {
        self.token.reset();
        self.pending.clear();
        DanishTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
            hyphens: self.hyphens,
            pending: &mut self.pending,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Hyphens that join two words (hyphen-minus, hyphen, non-breaking hyphen).
fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Most words joined into one ("børne-unge-udvalget" is three).
const MAX_JOINED: usize = 6;

/// Appends the NFC form of `word` to `out`.
fn push_nfc(word: &str, out: &mut String) {
    if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
        out.push_str(word);
    } else {
        out.extend(word.nfc());
    }
}

impl DanishTokenStream<'_> {
    /// The word starting at or after `from`, as a byte range.
    fn word_at(&self, from: usize) -> Option<(usize, usize)> {
        let rest = self.text.get(from..)?;
        let (start_rel, _) = rest.char_indices().find(|&(_, c)| is_word_char(c))?;
        let start = from + start_rel;
        let mut end = self.text.len();
        for (i, c) in self.text[start..].char_indices() {
            // Combining marks are never ASCII: skip the table look-up for spaces.
            if !is_word_char(c) && (c.is_ascii() || !is_combining_mark(c)) {
                end = start + i;
                break;
            }
        }
        Some((start, end))
    }

    /// The start of a word that continues the word ending at `end` after a
    /// hyphen (and at most a line break): "underskuds-garanti",
    /// "Halvårs-\nstatus". Both sides must begin with a letter ("2019-2020"
    /// are two numbers).
    fn continuation(&self, end: usize) -> Option<usize> {
        let rest = self.text.get(end..)?;
        let mut chars = rest.char_indices();
        let (_, hyphen) = chars.next()?;
        if !is_joining_hyphen(hyphen) {
            return None;
        }
        for (i, c) in chars {
            match c {
                '\n' | '\r' if i <= 3 => continue,
                c if c.is_alphabetic() => return Some(end + i),
                _ => return None,
            }
        }
        None
    }

    fn set(&mut self, start: usize, end: usize, step: usize) {
        self.token.text.clear();
        push_nfc(&self.text[start..end], &mut self.token.text);
        self.token.offset_from = start;
        self.token.offset_to = end;
        self.token.position = self.token.position.wrapping_add(step);
        self.token.position_length = 1;
    }
}

impl TokenStream for DanishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if let Some(next) = self.pending.pop() {
            let step = next.position;
            self.token.text.clear();
            self.token.text.push_str(&next.text);
            self.token.offset_from = next.offset_from;
            self.token.offset_to = next.offset_to;
            self.token.position = self.token.position.wrapping_add(step);
            self.token.position_length = 1;
            return true;
        }
        let Some((start, end)) = self.word_at(self.cursor) else {
            self.cursor = self.text.len();
            return false;
        };
        self.cursor = end;
        let starts_with_letter = |at: usize| {
            self.text
                .get(at..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphabetic)
        };
        if self.hyphens == Hyphens::Split || !starts_with_letter(start) {
            self.set(start, end, 1);
            return true;
        }
        let mut words = vec![(start, end)];
        while words.len() < MAX_JOINED {
            let Some(next) = words.last().and_then(|&(_, e)| self.continuation(e)) else {
                break;
            };
            let Some(word) = self.word_at(next) else {
                break;
            };
            words.push(word);
        }
        if words.len() == 1 {
            self.set(start, end, 1);
            return true;
        }
        let last_end = words.last().map_or(end, |w| w.1);
        self.cursor = last_end;
        if self.hyphens == Hyphens::JoinAndSplit {
            // Queued in reverse; `position` holds the step from the token before.
            for (k, &(s, e)) in words.iter().enumerate().rev() {
                let mut text = String::new();
                push_nfc(&self.text[s..e], &mut text);
                self.pending.push(Token {
                    text,
                    offset_from: s,
                    offset_to: e,
                    position: usize::from(k > 0),
                    position_length: 1,
                });
            }
        }
        let mut joined = String::new();
        for &(s, e) in &words {
            push_nfc(&self.text[s..e], &mut joined);
        }
        self.token.text = joined;
        self.token.offset_from = start;
        self.token.offset_to = last_end;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.position_length = 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut tokenizer = DanishTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn splits_on_punctuation_and_keeps_danish_letters() {
        let t = tokens("Mødet i Ålborg, kl. 10:30 – skæve boliger!");
        let words: Vec<&str> = t.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            words,
            ["Mødet", "i", "Ålborg", "kl", "10", "30", "skæve", "boliger"]
        );
        let positions: Vec<usize> = t.iter().map(|t| t.3).collect();
        assert_eq!(positions, (0..8).collect::<Vec<_>>());
    }

    #[test]
    fn decomposed_letters_stay_in_one_word_and_become_nfc() {
        // "Ålborg" and "på" written with a combining ring above.
        let text = "A\u{30a}lborg pa\u{30a} vej";
        let t = tokens(text);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].0, "Ålborg");
        assert_eq!(t[1].0, "på");
        // Offsets are into the original (decomposed) text.
        assert_eq!(&text[t[1].1..t[1].2], "pa\u{30a}");
    }

    #[test]
    fn hyphen_is_a_separator_and_offsets_see_it() {
        let text = "Sundheds- og Socialudvalget";
        let t = tokens(text);
        assert_eq!(t[0].0, "Sundheds");
        assert_eq!(&text[t[0].2..t[0].2 + 1], "-");
    }

    fn with(hyphens: Hyphens, text: &str) -> Vec<(String, usize)> {
        let mut tokenizer = DanishTokenizer::with_hyphens(hyphens);
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn hyphenated_words_are_joined_and_kept() {
        let t = with(Hyphens::JoinAndSplit, "ny underskuds-garanti i år");
        let expected = [
            ("ny", 0),
            ("underskudsgaranti", 1),
            ("underskuds", 1),
            ("garanti", 2),
            ("i", 3),
            ("år", 4),
        ];
        assert_eq!(t, expected.map(|(w, p)| (w.to_string(), p)).to_vec());
        let q = with(Hyphens::Join, "Halvårs-\nstatus 2019-2020");
        let words: Vec<&str> = q.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(words, ["Halvårsstatus", "2019", "2020"]);
        // A hyphen before a space is an elision, not a join.
        let e = with(Hyphens::Join, "Sundheds- og Socialudvalget");
        assert_eq!(e.len(), 3);
    }

    #[test]
    fn empty_and_symbol_only_text_give_nothing() {
        assert!(tokens("").is_empty());
        assert!(tokens(" -- ... ").is_empty());
    }
}
