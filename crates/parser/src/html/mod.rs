//! The HTML format reader: bytes to blocks.
//!
//! 1. `decode`: the declared or detected character encoding.
//! 2. html5ever (through scraper) parses the page as a browser would.
//! 3. `content`: where the main content is.
//! 4. `walk`: blocks in document order; site chrome (navigation, banners,
//!    breadcrumbs, cookie notices, share buttons, footers, hidden elements) is
//!    kept as furniture so callers see what was set aside.
//!
//! Chrome is recognised by structure (`chrome`), link density and position,
//! never by the words of any particular site.

mod chrome;
mod content;
mod decode;
mod depth;
mod walk;

pub use depth::MAX_HTML_DEPTH;

use scraper::{Html, Node};

use crate::budget::Deadline;
use crate::text::normalize;
use crate::{BlockDocument, Limits, ReadError};

/// Largest page accepted, in bytes. Minutes pages are well under 5 MB.
pub const MAX_HTML_BYTES: u64 = 32 * 1024 * 1024;

/// Read a HTML file's bytes into blocks in reading order.
///
/// Errors: a page over [`MAX_HTML_BYTES`] is [`ReadError::TooLarge`]. Any
/// other input gives blocks (possibly none, with a warning): HTML parsing
/// never fails.
pub fn read(bytes: &[u8]) -> Result<BlockDocument, ReadError> {
    read_with(bytes, &Limits::default(), &Deadline::none())
}

/// [`read`] within limits: tags nested deeper than `limits.max_depth` are
/// dropped (their text kept), and [`ReadError::TimedOut`] once `deadline`
/// passes (checked between the stages; each is linear in the page).
pub fn read_with(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<BlockDocument, ReadError> {
    if bytes.len() as u64 > MAX_HTML_BYTES {
        return Err(ReadError::TooLarge {
            what: "HTML page",
            actual: bytes.len() as u64,
            limit: MAX_HTML_BYTES,
        });
    }
    let (mut text, _encoding) = decode::decode(bytes);
    let mut warnings = Vec::new();
    if let Some(flat) = depth::flatten_deep_nesting(&text, limits.max_depth) {
        warnings.push(format!(
            "elements nested deeper than {} levels were flattened (the depth limit)",
            limits.max_depth
        ));
        text = flat;
    }
    deadline.check()?;
    let html = Html::parse_document(&text);
    deadline.check()?;
    let stats = content::text_stats(&html);
    let root = content::find_root(&html, &stats);
    let (mut blocks, mut walk_warnings) = walk::blocks(&html, root);
    if root != content::ContentRoot::WholePage && blocks.iter().all(|b| b.furniture) {
        // The container taken for the content held none: read the page
        // as a whole instead, where only chrome by structure and
        // link-dense blocks are set aside.
        (blocks, walk_warnings) = walk::blocks(&html, content::ContentRoot::WholePage);
    }
    deadline.check()?;
    warnings.extend(walk_warnings);
    if blocks.iter().all(|b| b.furniture) && keep_running_text(&mut blocks) {
        warnings.push(
            "no main content was found outside what looks like site chrome; paragraphs of running text in it were kept".into(),
        );
    }
    crate::bold_headings::promote(&mut blocks);
    let mut doc = BlockDocument {
        blocks,
        warnings,
        ..Default::default()
    };
    let (title, generator) = head_metadata(&html);
    doc.meta_title = title;
    doc.producer = generator;
    if doc.content().next().is_none() {
        doc.warnings
            .push("the page has no text outside site navigation and chrome".into());
    }
    Ok(doc)
}

/// Words a paragraph needs to count as running text, not a menu entry or
/// a caption: about two lines of prose.
const RUNNING_TEXT_WORDS: usize = 15;

/// Whether a block reads as running text: a paragraph of several sentences'
/// worth of words that ends like a sentence.
fn is_running_text(block: &crate::Block) -> bool {
    block.kind == crate::BlockKind::Paragraph
        && block.text.split_whitespace().count() >= RUNNING_TEXT_WORDS
        && block
            .text
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', '»', ')'])
}

/// A page must not come back empty when it has paragraphs of running text:
/// when everything was set aside as chrome, un-flag those paragraphs (and
/// the headings just before them). `true` when any were kept.
fn keep_running_text(blocks: &mut [crate::Block]) -> bool {
    let running: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks.get(i).is_some_and(is_running_text))
        .collect();
    for &i in &running {
        if let Some(b) = blocks.get_mut(i) {
            b.furniture = false;
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| blocks.get_mut(p)) {
            if matches!(prev.kind, crate::BlockKind::Heading { .. }) {
                prev.furniture = false;
            }
        }
    }
    !running.is_empty()
}

/// `<title>` and `<meta name="generator">`, normalised.
fn head_metadata(html: &Html) -> (Option<String>, Option<String>) {
    let mut title = None;
    let mut generator = None;
    for node in html.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "title" if title.is_none() => {
                let text: String = node
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                title = Some(normalize(&text)).filter(|t| !t.is_empty());
            }
            "meta" if generator.is_none() && is_generator(el) => {
                generator = el.attr("content").map(normalize).filter(|g| !g.is_empty());
            }
            // Both live in <head>; the body can be large.
            "body" => break,
            _ => {}
        }
    }
    (title, generator)
}

fn is_generator(el: &scraper::node::Element) -> bool {
    el.attr("name")
        .is_some_and(|n| n.eq_ignore_ascii_case("generator"))
}
