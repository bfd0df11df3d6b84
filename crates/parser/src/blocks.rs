//! The block model: what every format reader produces and the structure
//! extractor consumes. Nothing downstream of a [`BlockDocument`] looks at the
//! original format again.

/// One unit of text in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block's text, normalised (see [`crate::text::normalize`]). For a
    /// table row, the cells joined with a tab.
    pub text: String,
    /// The 1-based page it starts on (PDF), if known.
    pub page: Option<u32>,
    /// Running header or footer, site navigation and the like: kept so that
    /// callers can see what was removed, never part of the record's text.
    pub furniture: bool,
    /// The whole paragraph is set in bold (every run with text). Set by the
    /// readers that see runs (DOCX, .doc, HTML); the PDF reader turns bold
    /// lines into headings itself.
    pub bold: bool,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading with its level (1 = top).
    Heading {
        /// 1-based heading level.
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// A bullet or numbered list entry.
    ListItem {
        /// Nesting depth, 0 = top level.
        depth: u8,
        /// The number of a numbered list entry ("3" for "3."), if any.
        number: Option<u32>,
    },
    /// A table row with its cells' texts.
    TableRow {
        /// The cells, left to right.
        cells: Vec<String>,
    },
}

impl Block {
    /// A block of the given kind and text, on no particular page, not furniture.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            page: None,
            furniture: false,
            bold: false,
        }
    }

    /// A paragraph.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::new(BlockKind::Paragraph, text)
    }

    /// A heading of the given level.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::new(BlockKind::Heading { level }, text)
    }

    /// A table row; its text is the cells joined with a tab.
    pub fn table_row(cells: Vec<String>) -> Self {
        let text = cells.join("\t");
        Block::new(BlockKind::TableRow { cells }, text)
    }

    /// A list entry at the given depth.
    pub fn list_item(depth: u8, number: Option<u32>, text: impl Into<String>) -> Self {
        Block::new(BlockKind::ListItem { depth, number }, text)
    }
}

/// What a format reader returns: the blocks and what the file says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BlockDocument {
    /// All blocks in reading order, furniture included (flagged).
    pub blocks: Vec<Block>,
    /// Number of pages (PDF).
    pub pages: Option<u32>,
    /// Producer / generator from the file's metadata.
    pub producer: Option<String>,
    /// Title from the file's metadata (PDF Info, DOCX core properties, HTML
    /// `<title>`), not necessarily the document's own title.
    pub meta_title: Option<String>,
    /// What the reader could not do, in words.
    pub warnings: Vec<String>,
    /// Which pages were read by OCR, or needed it (scanned PDF pages).
    pub ocr: Option<referat_schema::Ocr>,
}

impl BlockDocument {
    /// The blocks that are content (not furniture).
    pub fn content(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| !b.furniture)
    }

    /// The content as plain text: one block a line, table cells tab-separated.
    pub fn content_text(&self) -> String {
        let mut out = String::new();
        for block in self.content() {
            out.push_str(&block.text);
            out.push('\n');
        }
        out
    }
}
