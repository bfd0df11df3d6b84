//! A cap on element nesting before the HTML parser sees the page.
//!
//! html5ever builds any depth without recursion, but some tree-construction
//! steps scan the stack of open elements for every start tag, so 100,000
//! nested `<div>`s cost billions of steps. A cheap scan counts nesting first;
//! only a page over the cap is rewritten, keeping its text and dropping the
//! tags below the cap.

/// Deepest element nesting kept by default ([`crate::Limits::max_depth`]).
/// Real pages stay under 100.
pub const MAX_HTML_DEPTH: usize = 1_000;

/// Elements without content: they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements the parser closes implicitly (`<p>`, `<li>`…): counting them
/// would take a page of unclosed paragraphs for a deep one.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp",
];
/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The page with tags below `cap` levels removed, or `None` when it stays
/// within the cap (the common case: nothing is copied).
pub fn flatten_deep_nesting(page: &str, cap: usize) -> Option<String> {
    if max_depth(page) <= cap {
        return None;
    }
    let mut out = String::with_capacity(page.len());
    let mut depth = 0usize;
    scan(page, |token, kept| match token {
        Token::Text => out.push_str(kept),
        Token::Open => {
            depth += 1;
            if depth <= cap {
                out.push_str(kept);
            }
        }
        Token::Close => {
            if depth <= cap {
                out.push_str(kept);
            }
            depth = depth.saturating_sub(1);
        }
    });
    Some(out)
}

fn max_depth(page: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    scan(page, |token, _| match token {
        Token::Open => {
            depth += 1;
            max = max.max(depth);
        }
        Token::Close => depth = depth.saturating_sub(1),
        Token::Text => {}
    });
    max
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    /// Text or a tag that does not nest (void, implied end, comment…).
    Text,
    /// A start tag that nests.
    Open,
    /// An end tag of an element that nests.
    Close,
}

/// Split the page into tokens, calling `f` with each and its source text.
/// Linear: each byte is looked at a bounded number of times.
fn scan(page: &str, mut f: impl FnMut(Token, &str)) {
    let mut rest = page;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            f(Token::Text, rest);
            return;
        };
        let (text, tail) = rest.split_at(lt);
        if !text.is_empty() {
            f(Token::Text, text);
        }
        if let Some(after) = tail.strip_prefix("<!--") {
            let end = after.find("-->").map_or(tail.len(), |i| i + 4 + 3);
            let (comment, next) = tail.split_at(end.min(tail.len()));
            f(Token::Text, comment);
            rest = next;
            continue;
        }
        let closing = tail.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name: String = tail
            .get(name_start..)
            .unwrap_or_default()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (lt_char, next) = tail.split_at(1);
            f(Token::Text, lt_char);
            rest = next;
            continue;
        }
        let end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let (tag, mut next) = tail.split_at(end);
        let nests = !VOID.contains(&name.as_str()) && !IMPLIED_END.contains(&name.as_str());
        let self_closing = tag.ends_with("/>");
        let token = match (closing, nests && !self_closing) {
            (_, false) => Token::Text,
            (true, true) => Token::Close,
            (false, true) => Token::Open,
        };
        f(token, tag);
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Raw text runs to its end tag; pass it through untouched.
            let close = format!("</{name}");
            let lower = next.to_ascii_lowercase();
            let stop = lower.find(&close).unwrap_or(next.len());
            let (raw, after) = next.split_at(stop);
            f(Token::Text, raw);
            next = after;
        }
        rest = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_left_alone() {
        assert_eq!(
            flatten_deep_nesting("<div><p>a<p>b</div>", MAX_HTML_DEPTH),
            None
        );
    }

    #[test]
    fn deep_pages_keep_text_and_lose_deep_tags() {
        let page = format!("{}x{}", "<div>".repeat(5000), "</div>".repeat(5000));
        let flat = flatten_deep_nesting(&page, MAX_HTML_DEPTH).unwrap();
        assert!(flat.contains('x'));
        assert_eq!(max_depth(&flat), MAX_HTML_DEPTH);
    }

    #[test]
    fn raw_text_and_comments_pass_through() {
        let page = "<script>if (a<b) {}</script><!-- <div> --><p>é</p>";
        let mut seen = String::new();
        scan(page, |_, s| seen.push_str(s));
        assert_eq!(seen, page);
        assert_eq!(max_depth(page), 1);
    }
}
