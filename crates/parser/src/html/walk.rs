//! The walk over the parsed page that turns elements into blocks.
//!
//! One pass over the tree's open/close edges with explicit stacks (never
//! recursion, so a page nested 100,000 deep is fine). Inline text collects
//! in a buffer; block-level elements and chrome boundaries flush it as one
//! block, whose kind comes from the innermost open heading, list entry, term
//! or description, and whose furniture flag from chrome, visibility and the
//! block's place relative to the main content.

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{Html, Node};

use super::chrome::{self, Treatment};
use super::content::ContentRoot;
use crate::docx::placeholder;
use crate::text::normalize;
use crate::{Block, BlockKind};

/// A row with a cell holding more blocks than this is page layout.
const MAX_BLOCKS_IN_VALUE_CELL: usize = 6;
/// A block outside the main content with at least this share of its text in
/// links is navigation.
const LINK_DENSITY_CHROME: f64 = 0.5;

/// Blocks of the page in document order, chrome flagged as furniture, and
/// warnings about what was dropped.
pub fn blocks(html: &Html, root: ContentRoot) -> (Vec<Block>, Vec<String>) {
    let mut w = Walker::new(root);
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if w.skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => w.open(node.id(), el),
                    Node::Text(text) => w.text(text),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = w.skip {
                    if id == node.id() {
                        w.skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    w.close(node.id(), el);
                }
            }
        }
    }
    w.flush();
    (w.out, w.warnings)
}

/// Where the walk is relative to the main content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Before,
    Inside,
    After,
}

/// An open element that decides what kind of block its text becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Heading(u8),
    ListItem { depth: u8, number: Option<u32> },
}

/// A table, or a definition list read as one (a row per term: the term,
/// then its descriptions).
#[derive(Default)]
struct Table {
    row: Option<Vec<Vec<Block>>>,
    cell: Option<Vec<Block>>,
    definition: bool,
    /// In a definition list: whether the open row has a description yet.
    described: bool,
}

struct List {
    ordered: bool,
    next: u32,
}

/// One open element, for undoing what its opening did.
struct Open {
    id: NodeId,
    chrome: bool,
    block: bool,
    context: bool,
    sectioning: bool,
    link: bool,
    fragment_link: bool,
    pre: bool,
    list: bool,
    bold: bool,
    /// For a heading: how many blocks had been emitted when it opened.
    heading_from: Option<usize>,
}

struct Walker {
    root: ContentRoot,
    region: Region,
    out: Vec<Block>,
    warnings: Vec<String>,
    skip: Option<NodeId>,
    open: Vec<Open>,
    chrome_depth: usize,
    sectioning: usize,
    links: usize,
    fragment_links: usize,
    pre: usize,
    /// Open bold elements (`<strong>`, `<b>`, a bold inline style).
    bold: usize,
    contexts: Vec<Context>,
    lists: Vec<List>,
    tables: Vec<Table>,
    buf: String,
    buf_chars: usize,
    buf_link_chars: usize,
    buf_fragment_chars: usize,
    buf_bold_chars: usize,
    /// A link opened or closed since the last text: words on either side
    /// are separate ("PDF" badge + link text), unless punctuation follows.
    link_boundary: bool,
    /// Blocks emitted so far, anywhere.
    emitted: usize,
}

impl Walker {
    fn new(root: ContentRoot) -> Self {
        Walker {
            root,
            region: match root {
                ContentRoot::WholePage => Region::Inside,
                _ => Region::Before,
            },
            out: Vec::new(),
            warnings: Vec::new(),
            skip: None,
            open: Vec::new(),
            chrome_depth: 0,
            sectioning: 0,
            links: 0,
            fragment_links: 0,
            pre: 0,
            bold: 0,
            contexts: Vec::new(),
            lists: Vec::new(),
            tables: Vec::new(),
            buf: String::new(),
            buf_chars: 0,
            buf_link_chars: 0,
            buf_fragment_chars: 0,
            buf_bold_chars: 0,
            link_boundary: false,
            emitted: 0,
        }
    }

    fn root_id(&self) -> Option<NodeId> {
        match self.root {
            ContentRoot::Landmark(id) | ContentRoot::Candidate(id) => Some(id),
            ContentRoot::WholePage => None,
        }
    }

    fn open(&mut self, id: NodeId, el: &Element) {
        let name = el.name();
        let treatment = chrome::treatment(el, self.sectioning > 0);
        if treatment == Treatment::Drop {
            self.skip = Some(id);
            return;
        }
        if name == "br" {
            self.buf.push('\n');
            return;
        }
        let chrome = treatment == Treatment::Chrome;
        let is_root = self.root_id() == Some(id);
        let block = chrome::is_block(name) || chrome || is_root;
        if block {
            self.flush();
        }
        if is_root {
            self.region = Region::Inside;
        }
        let mut entry = Open {
            id,
            chrome,
            block,
            context: false,
            sectioning: chrome::is_sectioning(el),
            link: name == "a",
            fragment_link: name == "a" && el.attr("href").is_some_and(|h| h.starts_with('#')),
            pre: name == "pre",
            list: false,
            bold: is_bold(el),
            heading_from: None,
        };
        if chrome {
            self.chrome_depth += 1;
        }
        if entry.sectioning {
            self.sectioning += 1;
        }
        if entry.link {
            self.links += 1;
            self.link_boundary = true;
        }
        if entry.fragment_link {
            self.fragment_links += 1;
        }
        if entry.pre {
            self.pre += 1;
        }
        if entry.bold {
            self.bold += 1;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(1);
                self.contexts.push(Context::Heading(level));
                entry.context = true;
                entry.heading_from = Some(self.emitted);
            }
            "ul" | "ol" | "menu" => {
                let start = el
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                self.lists.push(List {
                    ordered: name == "ol",
                    next: start,
                });
                entry.list = true;
            }
            "li" => {
                let depth = u8::try_from(self.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                let number = match self.lists.last_mut() {
                    Some(list) if list.ordered => {
                        let n = el
                            .attr("value")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(list.next);
                        list.next = n.saturating_add(1);
                        Some(n)
                    }
                    _ => None,
                };
                self.contexts.push(Context::ListItem { depth, number });
                entry.context = true;
            }
            "dl" => self.tables.push(Table {
                definition: true,
                ..Table::default()
            }),
            "dt" | "dd" if self.tables.last().is_some_and(|t| t.definition) => {
                self.close_cell();
                let new_row = self.tables.last().is_some_and(|t| t.described) && name == "dt";
                if new_row {
                    self.finish_row();
                }
                if let Some(t) = self.tables.last_mut() {
                    t.row.get_or_insert_with(Vec::new);
                    t.cell = Some(Vec::new());
                    t.described = (t.described && !new_row) || name == "dd";
                }
            }
            "table" => self.tables.push(Table::default()),
            "tr" => {
                self.finish_row();
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                }
            }
            "td" | "th" => {
                self.close_cell();
                if let Some(t) = self.tables.last_mut() {
                    t.row.get_or_insert_with(Vec::new);
                    t.cell = Some(Vec::new());
                }
            }
            _ => {}
        }
        self.open.push(entry);
    }

    fn close(&mut self, id: NodeId, el: &Element) {
        if el.name() == "br" {
            return;
        }
        // Elements close in order in a parsed tree; anything else is ignored.
        if self.open.last().map(|o| o.id) != Some(id) {
            return;
        }
        let Some(entry) = self.open.pop() else {
            return;
        };
        if entry.block {
            self.flush();
        }
        match el.name() {
            "td" | "th" | "dt" | "dd" => self.close_cell(),
            "tr" => self.finish_row(),
            "table" | "dl" => {
                self.finish_row();
                self.tables.pop();
            }
            _ => {}
        }
        // An empty heading still divides the page: pages put unnamed parts
        // of an item under an empty <h3>. Keep it as an empty Heading.
        if let (Some(from), Some(Context::Heading(level))) =
            (entry.heading_from, self.contexts.last())
        {
            if from == self.emitted {
                let furniture = self.buffered_is_furniture();
                self.emit(Block::heading(*level, ""), furniture);
            }
        }
        if entry.context {
            self.contexts.pop();
        }
        if entry.list {
            self.lists.pop();
        }
        if entry.chrome {
            self.chrome_depth = self.chrome_depth.saturating_sub(1);
        }
        if entry.sectioning {
            self.sectioning = self.sectioning.saturating_sub(1);
        }
        if entry.link {
            self.links = self.links.saturating_sub(1);
            self.link_boundary = true;
        }
        if entry.fragment_link {
            self.fragment_links = self.fragment_links.saturating_sub(1);
        }
        if entry.pre {
            self.pre = self.pre.saturating_sub(1);
        }
        if entry.bold {
            self.bold = self.bold.saturating_sub(1);
        }
        if self.root_id() == Some(id) {
            self.region = Region::After;
        }
    }

    fn text(&mut self, text: &str) {
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        if n > 0 && std::mem::take(&mut self.link_boundary) {
            let after_word = self.buf.chars().last().is_some_and(char::is_alphanumeric);
            let before_word = text.chars().next().is_some_and(char::is_alphanumeric);
            if after_word && before_word {
                self.buf.push(' ');
            }
        }
        if self.pre > 0 {
            self.buf.push_str(text);
        } else {
            // Source line breaks are spaces; only <br> breaks a line.
            self.buf.extend(
                text.chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c }),
            );
        }
        self.buf_chars += n;
        if self.links > 0 {
            self.buf_link_chars += n;
        }
        if self.fragment_links > 0 {
            self.buf_fragment_chars += n;
        }
        if self.bold > 0 {
            self.buf_bold_chars += n;
        }
    }

    /// Whether the buffered block is furniture.
    fn buffered_is_furniture(&self) -> bool {
        if self.chrome_depth > 0 {
            return true;
        }
        // Only in-page links: skip links, "back to top".
        if self.buf_chars > 0 && self.buf_fragment_chars == self.buf_chars {
            return true;
        }
        let link_dense = self.buf_chars > 0
            && self.buf_link_chars as f64 / self.buf_chars as f64 >= LINK_DENSITY_CHROME;
        let in_cell = self.tables.iter().any(|t| t.cell.is_some());
        match (self.root, self.region) {
            // No container stands out: links are navigation, except in a
            // table cell, where a link is a value ("Bilag: <a>…</a>").
            (ContentRoot::WholePage, _) => link_dense && !in_cell,
            (_, Region::Inside) => false,
            (ContentRoot::Landmark(_), _) => true,
            (_, Region::After) => true,
            (_, Region::Before) => link_dense,
        }
    }

    /// Turn the buffered text into a block.
    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let furniture = self.buffered_is_furniture();
        let raw = std::mem::take(&mut self.buf);
        let bold = self.buf_chars > 0 && self.buf_bold_chars == self.buf_chars;
        self.buf_chars = 0;
        self.buf_link_chars = 0;
        self.buf_fragment_chars = 0;
        self.buf_bold_chars = 0;
        let lines: Vec<String> = raw
            .split('\n')
            .map(normalize)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            return;
        }
        match self.contexts.last().copied() {
            Some(Context::Heading(level)) => {
                self.emit(Block::heading(level, lines.join(" ")), furniture);
            }
            Some(Context::ListItem { depth, number }) => {
                self.emit(Block::list_item(depth, number, lines.join(" ")), furniture);
                // Later blocks of the same entry carry no number.
                if let Some(Context::ListItem { number, .. }) = self.contexts.last_mut() {
                    *number = None;
                }
            }
            _ => {
                for line in lines {
                    let mut block = Block::paragraph(line);
                    block.bold = bold;
                    self.emit(block, furniture);
                }
            }
        }
    }

    fn close_cell(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            if let Some(cell) = t.cell.take() {
                t.row.get_or_insert_with(Vec::new).push(cell);
            }
        }
    }

    fn finish_row(&mut self) {
        self.close_cell();
        let Some(cells) = self.tables.last_mut().and_then(|t| t.row.take()) else {
            return;
        };
        if cells.is_empty() {
            return;
        }
        let is_layout = cells.len() == 1
            || cells.iter().any(|c| {
                c.len() > MAX_BLOCKS_IN_VALUE_CELL
                    || c.iter()
                        .any(|b| matches!(b.kind, BlockKind::Heading { .. }))
            });
        if is_layout {
            self.emit_layout_row(cells);
            return;
        }
        let content_text = |blocks: &Vec<Block>| {
            blocks
                .iter()
                .filter(|b| !b.furniture)
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let mut texts: Vec<String> = cells.iter().map(content_text).collect();
        self.drop_prompts(&mut texts);
        if texts.iter().any(|t| !t.is_empty()) {
            self.emit_raw(Block::table_row(texts));
            return;
        }
        // Nothing but chrome: keep it visible as a furniture row.
        let all: Vec<String> = cells
            .iter()
            .map(|c| {
                c.iter()
                    .map(|b| b.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        if all.iter().any(|t| !t.is_empty()) {
            let mut row = Block::table_row(all);
            row.furniture = true;
            self.emit_raw(row);
        }
    }

    /// A row used for layout: its blocks in order. A first cell holding only
    /// a number ("3") before a cell that opens with a heading numbers that
    /// heading ("3. Title"); other bare numbers in the row are counters or
    /// badges, furniture.
    fn emit_layout_row(&mut self, cells: Vec<Vec<Block>>) {
        let mut cells = cells.into_iter();
        let first = cells.next().unwrap_or_default();
        let mut rest: Vec<Vec<Block>> = cells.collect();
        let number = match first.as_slice() {
            [only] if !only.furniture && is_bare_number(&only.text) => Some(only.text.clone()),
            _ => None,
        };
        let heading = rest
            .first_mut()
            .and_then(|c| c.iter_mut().find(|b| !b.furniture))
            .filter(|b| matches!(b.kind, BlockKind::Heading { .. }));
        match (number, heading) {
            (Some(n), Some(h)) => {
                h.text = format!("{}. {}", n.trim_end_matches('.'), h.text);
            }
            _ => {
                for block in first {
                    self.emit_raw(block);
                }
            }
        }
        for block in rest.into_iter().flatten() {
            let mut block = block;
            if matches!(block.kind, BlockKind::Paragraph) && is_bare_number(&block.text) {
                block.furniture = true;
            }
            self.emit_raw(block);
        }
    }

    /// Unfilled template prompts in value cells ("<Indtast sagsnr.>", as an
    /// office program exports an empty placeholder field) are not values.
    fn drop_prompts(&mut self, texts: &mut [String]) {
        let label = texts.first().filter(|t| !t.is_empty()).cloned();
        for text in texts.iter_mut().skip(1) {
            let inner = text
                .strip_prefix('<')
                .and_then(|t| t.strip_suffix('>'))
                .unwrap_or(text);
            if placeholder::is_prompt_cell(inner, label.as_deref()) {
                self.warnings
                    .push(format!("dropped an unfilled template prompt: \"{text}\""));
                text.clear();
            }
        }
    }

    fn emit(&mut self, mut block: Block, furniture: bool) {
        block.furniture = furniture;
        self.emit_raw(block);
    }

    /// Into the innermost open table cell, else into the output.
    fn emit_raw(&mut self, block: Block) {
        self.emitted += 1;
        match self.tables.iter_mut().rev().find_map(|t| t.cell.as_mut()) {
            Some(cell) => cell.push(block),
            None => self.out.push(block),
        }
    }
}

/// `<strong>`, `<b>`, or an element styled `font-weight: bold` (or 600 and
/// more), as editors write bold.
fn is_bold(el: &Element) -> bool {
    if matches!(el.name(), "strong" | "b") {
        return true;
    }
    let Some(style) = el.attr("style") else {
        return false;
    };
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let value = value.trim().to_ascii_lowercase();
        prop.trim().eq_ignore_ascii_case("font-weight")
            && (value.starts_with("bold") || value.parse::<u32>().is_ok_and(|w| w >= 600))
    })
}

fn is_bare_number(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}
