//! Where the main content is: `<main>` / `role="main"` / a dominant
//! `<article>` when the page marks it, otherwise the deepest container that
//! holds most of the page's non-link text (a readability-style score: text
//! length, discounted by link text).

use std::collections::HashMap;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::chrome::{self, Treatment};

/// Share of the page's text a `<main>` or `<article>` must hold to be trusted.
const LANDMARK_SHARE: f64 = 0.5;
/// Share of the page's non-link text the chosen container must hold.
const CANDIDATE_SHARE: f64 = 0.8;

/// Text counts of one element's subtree, chrome and dropped parts excluded.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStats {
    /// Non-space characters.
    pub chars: usize,
    /// Non-space characters inside links.
    pub link_chars: usize,
}

impl TextStats {
    fn non_link(&self) -> usize {
        self.chars.saturating_sub(self.link_chars)
    }
}

/// How the main content was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentRoot {
    /// A landmark (`<main>`, `role="main"`, `<article>`): everything outside is chrome.
    Landmark(NodeId),
    /// The container holding most text: what follows it is chrome, what comes
    /// before it is chrome only if it is mostly links.
    Candidate(NodeId),
    /// No container stands out: only link-dense blocks are chrome.
    WholePage,
}

/// Count text per element (iteratively: pages can nest 100,000 deep).
pub fn text_stats(html: &Html) -> HashMap<NodeId, TextStats> {
    let mut stats = HashMap::new();
    let mut open: Vec<(NodeId, TextStats)> = Vec::new();
    let mut skip: Option<NodeId> = None;
    let mut links = 0usize;
    let mut sectioning = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if chrome::treatment(el, sectioning > 0) != Treatment::Content {
                            skip = Some(node.id());
                            continue;
                        }
                        if el.name() == "a" {
                            links += 1;
                        }
                        if chrome::is_sectioning(el) {
                            sectioning += 1;
                        }
                        open.push((node.id(), TextStats::default()));
                    }
                    Node::Text(text) => {
                        let n = text.chars().filter(|c| !c.is_whitespace()).count();
                        if let Some((_, s)) = open.last_mut() {
                            s.chars += n;
                            if links > 0 {
                                s.link_chars += n;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if el.name() == "a" {
                    links = links.saturating_sub(1);
                }
                if chrome::is_sectioning(el) {
                    sectioning = sectioning.saturating_sub(1);
                }
                if let Some((id, s)) = open.pop() {
                    stats.insert(id, s);
                    if let Some((_, parent)) = open.last_mut() {
                        parent.chars += s.chars;
                        parent.link_chars += s.link_chars;
                    }
                }
            }
        }
    }
    stats
}

/// Find the main content of the page.
pub fn find_root(html: &Html, stats: &HashMap<NodeId, TextStats>) -> ContentRoot {
    let Some(body) = html
        .tree
        .root()
        .descendants()
        .find(|n| element_name(n) == Some("body"))
    else {
        return ContentRoot::WholePage;
    };
    let total = stats.get(&body.id()).copied().unwrap_or_default();
    if total.chars == 0 {
        return ContentRoot::WholePage;
    }
    let share = |id: NodeId| stats.get(&id).map_or(0, |s| s.chars) as f64 / total.chars as f64;

    let landmark = |pred: &dyn Fn(&scraper::node::Element) -> bool| {
        body.descendants()
            .filter(|n| matches!(n.value(), Node::Element(el) if pred(el)))
            .max_by_key(|n| stats.get(&n.id()).map_or(0, |s| s.chars))
            .filter(|n| share(n.id()) >= LANDMARK_SHARE)
            .map(|n| n.id())
    };
    if let Some(id) = landmark(&|el| el.name() == "main" || el.attr("role") == Some("main")) {
        return ContentRoot::Landmark(id);
    }
    if let Some(id) = landmark(&|el| el.name() == "article") {
        return ContentRoot::Landmark(id);
    }

    // Walk down while one child holds most of the non-link text. Tables and
    // lists are not split: one agenda item must not become "the content".
    let wanted = (total.non_link() as f64 * CANDIDATE_SHARE).ceil() as usize;
    let mut current = body;
    loop {
        if matches!(
            element_name(&current),
            Some("table" | "ul" | "ol" | "dl" | "p" | "pre" | "blockquote")
        ) {
            break;
        }
        let next = current.children().find(|c| {
            element_name(c).is_some()
                && stats
                    .get(&c.id())
                    .is_some_and(|s| s.non_link() >= wanted.max(1))
        });
        match next {
            Some(child) => current = child,
            None => break,
        }
    }
    if current.id() == body.id() {
        ContentRoot::WholePage
    } else {
        ContentRoot::Candidate(current.id())
    }
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(el) => Some(el.name()),
        _ => None,
    }
}
