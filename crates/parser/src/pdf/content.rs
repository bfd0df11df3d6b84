//! A content-stream lexer: bytes → operations (operands, then an operator).
//!
//! lopdf's parser combinator for content streams was the parser's costliest
//! step (text-heavy pages are long runs of `[<0102>-3<0304>]TJ`); this
//! hand-written lexer does the same job in one pass without backtracking,
//! and yields lopdf's own [`Operation`] so the interpreter is unchanged.
//! Syntax: ISO 32000-1 §7.2 (lexical conventions), §7.3 (objects), §8.9.7
//! (inline images).

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, StringFormat};

/// Deepest nesting of arrays and dictionaries accepted in an operand.
const MAX_NESTING: usize = 32;
/// Most operands before an operator: real operators take at most a dozen;
/// a stream of numbers without an operator is garbage, not a page.
const MAX_OPERANDS: usize = 4096;

/// Why a content stream stops being readable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError(pub &'static str);

/// The operations of a content stream, in order. After an error the
/// iterator ends: the page keeps what was read before it.
pub struct Operations<'a> {
    bytes: &'a [u8],
    at: usize,
    done: bool,
}

impl<'a> Operations<'a> {
    /// Lex `bytes`, a decoded content stream.
    pub fn new(bytes: &'a [u8]) -> Self {
        Operations {
            bytes,
            at: 0,
            done: false,
        }
    }
}

impl Iterator for Operations<'_> {
    type Item = Result<Operation, ContentError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut lexer = Lexer {
            bytes: self.bytes,
            at: self.at,
        };
        let result = lexer.operation();
        self.at = lexer.at;
        match result {
            Ok(Some(op)) => Some(Ok(op)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn push_operand(operands: &mut Vec<Object>, o: Object) -> Result<(), ContentError> {
    if operands.len() >= MAX_OPERANDS {
        return Err(ContentError("too many operands without an operator"));
    }
    operands.push(o);
    Ok(())
}

/// What one token is.
enum Token {
    Object(Object),
    Keyword(String),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
}

struct Lexer<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips white space and comments.
    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.at += 1;
            } else if b == b'%' {
                while let Some(b) = self.peek() {
                    if b == b'\n' || b == b'\r' {
                        break;
                    }
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next operation, `None` at the end of the stream. Operands left
    /// without an operator at the end are dropped, as a viewer would.
    fn operation(&mut self) -> Result<Option<Operation>, ContentError> {
        let mut operands = Vec::new();
        loop {
            self.skip_space();
            let Some(token) = self.token()? else {
                return Ok(None);
            };
            match token {
                Token::Object(o) => push_operand(&mut operands, o)?,
                Token::Keyword(word) => {
                    if word == "BI" {
                        self.skip_inline_image()?;
                        return Ok(Some(Operation {
                            operator: word,
                            operands: Vec::new(),
                        }));
                    }
                    return Ok(Some(Operation {
                        operator: word,
                        operands,
                    }));
                }
                Token::ArrayStart => {
                    let array = self.array(1)?;
                    push_operand(&mut operands, array)?;
                }
                Token::DictStart => {
                    let dict = self.dictionary(1)?;
                    push_operand(&mut operands, dict)?;
                }
                Token::ArrayEnd | Token::DictEnd => {
                    return Err(ContentError("unbalanced ] or >>"));
                }
            }
        }
    }

    /// One token at the current position (white space already skipped).
    fn token(&mut self) -> Result<Option<Token>, ContentError> {
        let Some(b) = self.peek() else {
            return Ok(None);
        };
        let token = match b {
            b'[' => {
                self.at += 1;
                Token::ArrayStart
            }
            b']' => {
                self.at += 1;
                Token::ArrayEnd
            }
            b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                Token::DictStart
            }
            b'>' if self.bytes.get(self.at + 1) == Some(&b'>') => {
                self.at += 2;
                Token::DictEnd
            }
            b'<' => Token::Object(self.hex_string()?),
            b'(' => Token::Object(self.literal_string()?),
            b'/' => Token::Object(Object::Name(self.name())),
            b'+' | b'-' | b'.' | b'0'..=b'9' => Token::Object(self.number()),
            b')' | b'>' | b'{' | b'}' => {
                // Stray delimiters: skip them like a lenient viewer.
                self.at += 1;
                return self.token_after_space();
            }
            _ => {
                let start = self.at;
                while self.peek().is_some_and(is_regular) {
                    self.at += 1;
                }
                let word = &self.bytes[start..self.at];
                match word {
                    b"true" => Token::Object(Object::Boolean(true)),
                    b"false" => Token::Object(Object::Boolean(false)),
                    b"null" => Token::Object(Object::Null),
                    _ => Token::Keyword(String::from_utf8_lossy(word).into_owned()),
                }
            }
        };
        Ok(Some(token))
    }

    fn token_after_space(&mut self) -> Result<Option<Token>, ContentError> {
        self.skip_space();
        self.token()
    }

    fn array(&mut self, depth: usize) -> Result<Object, ContentError> {
        if depth > MAX_NESTING {
            return Err(ContentError("arrays nested too deeply"));
        }
        // Text arrays alternate strings and kerning numbers, a dozen or so.
        let mut items = Vec::with_capacity(16);
        loop {
            self.skip_space();
            match self.token()? {
                None => return Err(ContentError("unterminated array")),
                Some(Token::ArrayEnd) => return Ok(Object::Array(items)),
                Some(Token::Object(o)) => items.push(o),
                Some(Token::ArrayStart) => items.push(self.array(depth + 1)?),
                Some(Token::DictStart) => items.push(self.dictionary(depth + 1)?),
                // Operators inside arrays are invalid; keep them out.
                Some(Token::Keyword(_)) | Some(Token::DictEnd) => {
                    return Err(ContentError("operator inside an array"))
                }
            }
            if items.len() > MAX_OPERANDS {
                return Err(ContentError("array too long"));
            }
        }
    }

    fn dictionary(&mut self, depth: usize) -> Result<Object, ContentError> {
        if depth > MAX_NESTING {
            return Err(ContentError("dictionaries nested too deeply"));
        }
        let mut dict = Dictionary::new();
        loop {
            self.skip_space();
            let key = match self.token()? {
                None => return Err(ContentError("unterminated dictionary")),
                Some(Token::DictEnd) => return Ok(Object::Dictionary(dict)),
                Some(Token::Object(Object::Name(key))) => key,
                Some(_) => return Err(ContentError("dictionary key is not a name")),
            };
            self.skip_space();
            let value = match self.token()? {
                None => return Err(ContentError("unterminated dictionary")),
                Some(Token::Object(o)) => o,
                Some(Token::ArrayStart) => self.array(depth + 1)?,
                Some(Token::DictStart) => self.dictionary(depth + 1)?,
                Some(_) => return Err(ContentError("dictionary value missing")),
            };
            if dict.len() > MAX_OPERANDS {
                return Err(ContentError("dictionary too long"));
            }
            dict.set(key, value);
        }
    }

    fn name(&mut self) -> Vec<u8> {
        self.at += 1; // '/'
        let mut name = Vec::new();
        while let Some(b) = self.peek().filter(|&b| is_regular(b)) {
            self.at += 1;
            if b == b'#' {
                let hi = self.peek().and_then(hex_value);
                let lo = self.bytes.get(self.at + 1).copied().and_then(hex_value);
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    name.push(hi << 4 | lo);
                    self.at += 2;
                    continue;
                }
            }
            name.push(b);
        }
        name
    }

    /// An integer or a real; a malformed number ("--1", ".") reads as 0, as
    /// viewers do, and the stream goes on.
    fn number(&mut self) -> Object {
        let start = self.at;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.at += 1;
        }
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+')
        {
            self.at += 1;
        }
        // Anything regular glued to the number ends up in it (e.g. "12a").
        while self.peek().is_some_and(is_regular) {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("0");
        if !text.contains('.') {
            if let Ok(i) = text.parse::<i64>() {
                return Object::Integer(i);
            }
        }
        Object::Real(text.parse::<f32>().unwrap_or(0.0))
    }

    fn hex_string(&mut self) -> Result<Object, ContentError> {
        self.at += 1; // '<'
                      // Sized once from the closing '>': strings are short but many, and
                      // growing each byte by byte was the lexer's main cost.
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let len = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let mut out = Vec::with_capacity(len.div_ceil(2));
        let mut high: Option<u8> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err(ContentError("unterminated hex string"));
            };
            self.at += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else {
                if is_white(b) {
                    continue;
                }
                return Err(ContentError("bad character in hex string"));
            };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Ok(Object::String(out, StringFormat::Hexadecimal))
    }

    fn literal_string(&mut self) -> Result<Object, ContentError> {
        self.at += 1; // '('
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let mut out = Vec::with_capacity(rest.iter().position(|&b| b == b')').unwrap_or(0));
        let mut depth = 1usize;
        loop {
            let Some(b) = self.peek() else {
                return Err(ContentError("unterminated string"));
            };
            self.at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                b'\r' => {
                    // An end of line in a string is one \n, whatever it was.
                    if self.peek() == Some(b'\n') {
                        self.at += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        Ok(Object::String(out, StringFormat::Literal))
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(b) = self.peek() else { return };
        self.at += 1;
        match b {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0C),
            b'0'..=b'7' => {
                let mut value = u32::from(b - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            self.at += 1;
                            value = value * 8 + u32::from(d - b'0');
                        }
                        _ => break,
                    }
                }
                // Octal over 255: high-order overflow is ignored (§7.3.4.2).
                out.push((value & 0xFF) as u8);
            }
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.at += 1;
                }
            }
            b'\n' => {}
            // \( \) \\ and unknown escapes: the character itself.
            other => out.push(other),
        }
    }

    /// Skips an inline image: its dictionary up to `ID`, then the data up to
    /// an `EI` that stands alone between white space (or the end).
    fn skip_inline_image(&mut self) -> Result<(), ContentError> {
        loop {
            self.skip_space();
            match self.token()? {
                None => return Err(ContentError("unterminated inline image")),
                Some(Token::Keyword(k)) if k == "ID" => break,
                Some(Token::ArrayStart) => {
                    self.array(1)?;
                }
                Some(Token::DictStart) => {
                    self.dictionary(1)?;
                }
                Some(_) => {}
            }
        }
        // One white-space byte separates ID from the data.
        self.at += 1;
        let data = self.bytes.get(self.at..).unwrap_or_default();
        let end = data.windows(2).enumerate().find_map(|(i, w)| {
            let before = i == 0 || data.get(i - 1).copied().is_some_and(is_white);
            let after = data.get(i + 2).is_none_or(|&b| is_white(b));
            (w == b"EI" && before && after).then_some(i + 2)
        });
        match end {
            Some(end) => {
                self.at += end;
                Ok(())
            }
            None => Err(ContentError("inline image without EI")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(content: &[u8]) -> Vec<Operation> {
        Operations::new(content).map_while(Result::ok).collect()
    }

    #[test]
    fn text_operations_with_all_operand_kinds() {
        let got = ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -700 Tm [<0102> -250 (a\\(b\\)) ] TJ ET");
        let names: Vec<&str> = got.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "TJ", "ET"]);
        assert_eq!(got[1].operands[0], Object::Name(b"F1".to_vec()));
        assert_eq!(got[1].operands[1], Object::Integer(12));
        assert_eq!(got[2].operands[4], Object::Real(72.5));
        assert_eq!(got[2].operands[5], Object::Integer(-700));
        let Object::Array(items) = &got[3].operands[0] else {
            panic!("TJ takes an array")
        };
        assert_eq!(
            items[0],
            Object::String(vec![1, 2], StringFormat::Hexadecimal)
        );
        assert_eq!(items[1], Object::Integer(-250));
        assert_eq!(
            items[2],
            Object::String(b"a(b)".to_vec(), StringFormat::Literal)
        );
    }

    #[test]
    fn string_escapes_and_nesting() {
        let got = ops(b"(x(y)z\\101\\n\\\r\nw) Tj <48 65 5> Tj");
        assert_eq!(
            got[0].operands[0],
            Object::string_literal(b"x(y)zA\nw".to_vec())
        );
        // Odd hex digit count: the last digit is padded with 0.
        assert_eq!(
            got[1].operands[0],
            Object::String(vec![0x48, 0x65, 0x50], StringFormat::Hexadecimal)
        );
    }

    #[test]
    fn names_comments_and_marked_content_dictionaries() {
        let got = ops(b"% comment\n/Span <</ActualText (fi) /MCID 3>> BDC /A#20B gs EMC");
        assert_eq!(got[0].operator, "BDC");
        assert!(matches!(got[0].operands[1], Object::Dictionary(_)));
        assert_eq!(got[1].operands[0], Object::Name(b"A B".to_vec()));
        assert_eq!(got[2].operator, "EMC");
    }

    #[test]
    fn inline_images_are_skipped_whole() {
        let got = ops(b"q BI /W 2 /H 1 /CS /G /BPC 8 ID \x00EI\xff EI Q (after) Tj");
        let names: Vec<&str> = got.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(names, ["q", "BI", "Q", "Tj"]);
    }

    #[test]
    fn broken_streams_end_with_an_error_not_a_panic() {
        for bad in [
            &b"(unterminated Tj"[..],
            b"<0102",
            b"[1 2 3",
            b"<< /A 1",
            b"BI /W 1 ID xxxx",
            b"]",
        ] {
            let results: Vec<_> = Operations::new(bad).collect();
            assert!(results.last().is_some_and(Result::is_err), "{bad:?}");
        }
        let deep = "[".repeat(10_000);
        assert!(Operations::new(deep.as_bytes()).any(|r| r.is_err()));
        let many = "1 ".repeat(10_000);
        assert!(Operations::new(many.as_bytes()).any(|r| r.is_err()));
    }

    #[test]
    fn agrees_with_lopdf_on_ordinary_streams() {
        let content = b"q 0.1 0 0 0.1 0 0 cm BT /F2 9.96 Tf 56.7 770 Td [(Side)-333(1 af 6)]TJ T* (x) ' 1 2 (y) \" ET Q";
        let ours = ops(content);
        let theirs: Vec<Operation> = lopdf::content::Content::decode_iter(content)
            .map_while(Result::ok)
            .collect();
        assert_eq!(ours.len(), theirs.len());
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!(a.operator, b.operator);
            assert_eq!(a.operands, b.operands);
        }
    }
}
