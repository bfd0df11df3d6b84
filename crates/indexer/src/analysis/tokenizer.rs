//! The word tokenizer: runs of letters and digits, NFC-normalised.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Splits text into words: maximal runs of letters and digits, with any
/// combining marks that follow a letter kept inside the word.
///
/// Each token's text is the NFC form of the word, so a decomposed "å"
/// (`a` + U+030A, common in text extracted from PDFs) stays one word and
/// equals the precomposed "å". Offsets point into the original text, as
/// tantivy's snippets and the elision filter need.
#[derive(Clone, Debug, Default)]
pub struct DanishTokenizer {
    token: Token,
}

/// The token stream of [`DanishTokenizer`].
pub struct DanishTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
}

impl Tokenizer for DanishTokenizer {
    type TokenStream<'a> = DanishTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> DanishTokenStream<'a> {
        self.token.reset();
        DanishTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl TokenStream for DanishTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = &self.text[self.cursor..];
        let Some((start_rel, _)) = rest.char_indices().find(|&(_, c)| is_word_char(c)) else {
            self.cursor = self.text.len();
            return false;
        };
        let start = self.cursor + start_rel;
        let mut end = self.text.len();
        for (i, c) in self.text[start..].char_indices() {
            // Combining marks are never ASCII: skip the table look-up for spaces.
            if !is_word_char(c) && (c.is_ascii() || !is_combining_mark(c)) {
                end = start + i;
                break;
            }
        }
        self.cursor = end;
        let word = &self.text[start..end];
        self.token.text.clear();
        if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
            self.token.text.push_str(word);
        } else {
            self.token.text.extend(word.nfc());
        }
        self.token.offset_from = start;
        self.token.offset_to = end;
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

    #[test]
    fn empty_and_symbol_only_text_give_nothing() {
        assert!(tokens("").is_empty());
        assert!(tokens(" -- ... ").is_empty());
    }
}
