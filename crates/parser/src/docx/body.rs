//! The streaming reader of WordprocessingML parts (`word/document.xml`,
//! headers, footers, footnotes): XML events to blocks in reading order.
//!
//! It walks the XML with an explicit element stack, so nesting costs heap,
//! never call stack, and the depth is capped by [`crate::Limits::max_depth`].

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::numbering::{ListCounters, ListPosition};
use super::placeholder;
use super::styles::StyleSheet;
use crate::budget::Deadline;
use crate::text::normalize;
use crate::{Block, BlockKind, ReadError};

/// A row with a cell holding more blocks than this is page layout (a frame
/// around running text), not a table of values.
const MAX_BLOCKS_IN_VALUE_CELL: usize = 6;

/// What a part is read with.
pub struct PartContext<'a> {
    /// The document's paragraph styles.
    pub styles: &'a StyleSheet,
    /// List counters, shared by all parts of the document.
    pub lists: &'a mut ListCounters,
    /// Whether the part is page furniture (header, footer).
    pub furniture: bool,
    /// Where the reader says what it dropped or could not read.
    pub warnings: &'a mut Vec<String>,
    /// Deepest element nesting accepted.
    pub max_depth: usize,
    /// When the file's time is up.
    pub deadline: &'a Deadline,
}

/// Read one part into blocks. `name` is used in warnings and errors.
pub fn read_part(xml: &[u8], name: &str, ctx: PartContext<'_>) -> Result<Vec<Block>, ReadError> {
    let text = decode_xml(xml);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().check_end_names = false;
    reader.config_mut().allow_unmatched_ends = true;
    let max_depth = ctx.max_depth;
    let deadline = *ctx.deadline;
    let mut walker = Walker::new(ctx);
    for round in 1usize.. {
        deadline.check_every(round)?;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = reader.error_position();
                if walker.out.is_empty() {
                    return Err(ReadError::Malformed(format!(
                        "{name} is not well-formed XML at byte {at}: {e}"
                    )));
                }
                walker.ctx.warnings.push(format!(
                    "{name}: XML error at byte {at} ({e}); the rest of the part is lost"
                ));
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let tag = Tag::of(&e);
                walker.open(tag, &e);
                walker.stack.push(tag);
                if walker.stack.len() > max_depth {
                    return Err(ReadError::Malformed(format!(
                        "{name} nests elements deeper than {max_depth} levels (the depth limit)"
                    )));
                }
            }
            Event::Empty(e) => {
                let tag = Tag::of(&e);
                walker.open(tag, &e);
                walker.close(tag);
            }
            Event::End(_) => {
                if let Some(tag) = walker.stack.pop() {
                    walker.close(tag);
                }
            }
            Event::Text(t) if walker.in_text() => walker.push_text(&t.xml10_content()),
            Event::CData(t) if walker.in_text() => walker.push_text(&t),
            Event::GeneralRef(r) if walker.in_text() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => predefined_entity(&r).map(str::to_owned),
                };
                if let Some(s) = resolved {
                    walker.push_text(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // A part cut short still gives what it had.
    while let Some(tag) = walker.stack.pop() {
        walker.close(tag);
    }
    Ok(walker.out)
}

fn predefined_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

/// XML parts are UTF-8 in practice; UTF-16 is allowed and decoded by its BOM.
fn decode_xml(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return encoding.decode_without_bom_handling(rest).0.into_owned();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

/// The elements the reader acts on; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    R,
    T,
    Tab,
    Br,
    Cr,
    NoBreakHyphen,
    Tbl,
    Tr,
    Tc,
    Sdt,
    SdtPr,
    ShowingPlcHdr,
    FldChar,
    PPr,
    RPr,
    PStyle,
    NumPr,
    Ilvl,
    NumId,
    OutlineLvl,
    Vanish,
    Bold,
    RStyle,
    /// Content that must not be read: `mc:Fallback` (a copy of `mc:Choice`),
    /// deleted or moved-away revisions, old properties of tracked changes,
    /// footnote separators.
    Skipped,
    Other,
}

impl Tag {
    fn of(e: &BytesStart<'_>) -> Tag {
        let local = e.local_name();
        match local.as_ref() {
            "p" => Tag::P,
            "r" => Tag::R,
            "t" => Tag::T,
            "tab" => Tag::Tab,
            "br" => Tag::Br,
            "cr" => Tag::Cr,
            "noBreakHyphen" => Tag::NoBreakHyphen,
            "tbl" => Tag::Tbl,
            "tr" => Tag::Tr,
            "tc" => Tag::Tc,
            "sdt" => Tag::Sdt,
            "sdtPr" => Tag::SdtPr,
            "showingPlcHdr" => Tag::ShowingPlcHdr,
            "fldChar" => Tag::FldChar,
            "pPr" => Tag::PPr,
            "rPr" => Tag::RPr,
            "pStyle" => Tag::PStyle,
            "numPr" => Tag::NumPr,
            "ilvl" => Tag::Ilvl,
            "numId" => Tag::NumId,
            "outlineLvl" => Tag::OutlineLvl,
            "vanish" => Tag::Vanish,
            "b" => Tag::Bold,
            "rStyle" => Tag::RStyle,
            "Fallback" | "del" | "moveFrom" | "pPrChange" | "rPrChange" => Tag::Skipped,
            "footnote" | "endnote" if is_separator_note(e) => Tag::Skipped,
            _ => Tag::Other,
        }
    }
}

fn is_separator_note(e: &BytesStart<'_>) -> bool {
    attr(e, "type").is_some_and(|t| t != "normal")
}

/// The value of the attribute with this local name (`w:val` → `val`).
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.into_owned())
}

/// A paragraph being read.
#[derive(Default)]
struct Para {
    style: Option<String>,
    num_id: Option<u32>,
    ilvl: Option<u8>,
    outline: Option<u8>,
    text: String,
    /// Letters (not spaces) in runs set bold, set not bold, and set as
    /// the paragraph style says.
    bold_chars: usize,
    plain_chars: usize,
    styled_chars: usize,
}

/// A table being read; `cell` is open between `<w:tc>` and `</w:tc>`.
#[derive(Default)]
struct Table {
    row: Option<Vec<Vec<Block>>>,
    cell: Option<Vec<Block>>,
}

/// A content control; `placeholder` once its properties say it shows its prompt.
#[derive(Default)]
struct Sdt {
    placeholder: bool,
    dropped: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldPhase {
    Instruction,
    Result,
}

struct Walker<'a> {
    ctx: PartContext<'a>,
    stack: Vec<Tag>,
    paras: Vec<Para>,
    tables: Vec<Table>,
    sdts: Vec<Sdt>,
    fields: Vec<FieldPhase>,
    skipped: usize,
    run_hidden: bool,
    /// Bold as the run sets it (directly or by its character style).
    run_bold: Option<bool>,
    out: Vec<Block>,
}

impl<'a> Walker<'a> {
    fn new(ctx: PartContext<'a>) -> Self {
        Walker {
            ctx,
            stack: Vec::new(),
            paras: Vec::new(),
            tables: Vec::new(),
            sdts: Vec::new(),
            fields: Vec::new(),
            skipped: 0,
            run_hidden: false,
            run_bold: None,
            out: Vec::new(),
        }
    }

    /// Inside a `w:t`, where text is document text.
    fn in_text(&self) -> bool {
        self.stack.last() == Some(&Tag::T)
    }

    fn parent(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    fn grandparent(&self) -> Option<Tag> {
        self.stack.len().checked_sub(2).map(|i| self.stack[i])
    }

    fn open(&mut self, tag: Tag, e: &BytesStart<'_>) {
        if tag == Tag::Skipped {
            self.skipped += 1;
            return;
        }
        match tag {
            Tag::P => self.paras.push(Para::default()),
            Tag::R => {
                self.run_hidden = false;
                self.run_bold = None;
            }
            Tag::Tbl => self.tables.push(Table::default()),
            Tag::Tr => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                }
            }
            Tag::Tc => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Vec::new());
                }
            }
            Tag::Sdt => self.sdts.push(Sdt::default()),
            Tag::ShowingPlcHdr if self.parent() == Some(Tag::SdtPr) => {
                if let Some(sdt) = self.sdts.last_mut() {
                    sdt.placeholder = !is_false(attr(e, "val").as_deref());
                }
            }
            Tag::FldChar => match attr(e, "fldCharType").as_deref() {
                Some("begin") => self.fields.push(FieldPhase::Instruction),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = FieldPhase::Result;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            Tag::Tab | Tag::Br | Tag::Cr | Tag::NoBreakHyphen if self.parent() == Some(Tag::R) => {
                let s = match tag {
                    Tag::Br if matches!(attr(e, "type").as_deref(), Some("page" | "column")) => " ",
                    Tag::Br | Tag::Cr => "\n",
                    Tag::NoBreakHyphen => "-",
                    _ => " ",
                };
                self.push_text(s);
            }
            _ if self.skipped > 0 => {}
            Tag::PStyle if self.in_paragraph_properties(1) => {
                let v = attr(e, "val");
                if let Some(p) = self.paras.last_mut() {
                    p.style = v;
                }
            }
            Tag::OutlineLvl if self.in_paragraph_properties(1) => {
                let v = attr(e, "val").and_then(|v| v.parse().ok());
                if let Some(p) = self.paras.last_mut() {
                    p.outline = v;
                }
            }
            Tag::Ilvl | Tag::NumId
                if self.parent() == Some(Tag::NumPr) && self.in_paragraph_properties(2) =>
            {
                let v = attr(e, "val").and_then(|v| v.parse::<u32>().ok());
                if let Some(p) = self.paras.last_mut() {
                    if tag == Tag::Ilvl {
                        p.ilvl = v.map(|v| u8::try_from(v).unwrap_or(u8::MAX));
                    } else {
                        p.num_id = v;
                    }
                }
            }
            Tag::Vanish
                if self.parent() == Some(Tag::RPr) && self.grandparent() == Some(Tag::R) =>
            {
                self.run_hidden = !is_false(attr(e, "val").as_deref());
            }
            Tag::Bold if self.parent() == Some(Tag::RPr) && self.grandparent() == Some(Tag::R) => {
                self.run_bold = Some(!is_false(attr(e, "val").as_deref()));
            }
            Tag::RStyle
                if self.parent() == Some(Tag::RPr) && self.grandparent() == Some(Tag::R) =>
            {
                let bold = attr(e, "val").is_some_and(|id| self.ctx.styles.info(&id).bold);
                if bold && self.run_bold.is_none() {
                    self.run_bold = Some(true);
                }
            }
            _ => {}
        }
    }

    /// Whether the element `up` levels above the new one is a paragraph's
    /// `w:pPr` directly under its `w:p`.
    fn in_paragraph_properties(&self, up: usize) -> bool {
        let n = self.stack.len();
        n > up
            && self.stack.get(n - up) == Some(&Tag::PPr)
            && self.stack.get(n - up - 1) == Some(&Tag::P)
    }

    fn close(&mut self, tag: Tag) {
        match tag {
            Tag::Skipped => self.skipped = self.skipped.saturating_sub(1),
            Tag::P => {
                if let Some(para) = self.paras.pop() {
                    self.finish_paragraph(para);
                }
            }
            Tag::Tc => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(cell) = t.cell.take() {
                        t.row.get_or_insert_with(Vec::new).push(cell);
                    }
                }
            }
            Tag::Tr => {
                let row = self.tables.last_mut().and_then(|t| {
                    if let Some(cell) = t.cell.take() {
                        t.row.get_or_insert_with(Vec::new).push(cell);
                    }
                    t.row.take()
                });
                if let Some(row) = row {
                    self.finish_row(row);
                }
            }
            Tag::Tbl => {
                if let Some(mut t) = self.tables.pop() {
                    if let Some(cell) = t.cell.take() {
                        t.row.get_or_insert_with(Vec::new).push(cell);
                    }
                    if let Some(row) = t.row.take() {
                        self.finish_row(row);
                    }
                }
            }
            Tag::Sdt => {
                if let Some(sdt) = self.sdts.pop() {
                    let dropped = normalize(&sdt.dropped);
                    if sdt.placeholder && !dropped.is_empty() {
                        self.ctx.warnings.push(format!(
                            "dropped an unfilled content control showing its prompt: \"{dropped}\""
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.skipped > 0
            || self.run_hidden
            || self.fields.last() == Some(&FieldPhase::Instruction)
        {
            return;
        }
        if let Some(sdt) = self.sdts.iter_mut().rev().find(|s| s.placeholder) {
            sdt.dropped.push_str(s);
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
            let letters = s.chars().filter(|c| !c.is_whitespace()).count();
            match self.run_bold {
                Some(true) => p.bold_chars += letters,
                Some(false) => p.plain_chars += letters,
                None => p.styled_chars += letters,
            }
        }
    }

    fn finish_paragraph(&mut self, para: Para) {
        if self.skipped > 0 {
            return;
        }
        let style = para
            .style
            .as_deref()
            .map(|s| self.ctx.styles.info(s))
            .unwrap_or_default();
        let heading = para
            .outline
            .filter(|&o| o < 9)
            .map(|o| o + 1)
            .or(style.heading_level);
        // Word's "numId 0" on a paragraph switches off a style's numbering.
        let numbering = match (para.num_id, style.numbering) {
            (Some(id), _) => Some((id, para.ilvl.unwrap_or(0))),
            (None, Some((id, lvl))) => Some((id, para.ilvl.unwrap_or(lvl))),
            (None, None) => None,
        };
        let list = numbering.and_then(|(id, lvl)| self.ctx.lists.next(id, lvl));
        let bold = para.plain_chars == 0
            && (para.styled_chars == 0 || style.bold)
            && para.bold_chars + para.styled_chars > 0;
        for block in paragraph_blocks(&para.text, heading, list, bold, self.ctx.warnings) {
            self.emit(block);
        }
    }

    fn finish_row(&mut self, cells: Vec<Vec<Block>>) {
        for block in row_blocks(cells, self.ctx.warnings) {
            self.emit(block);
        }
    }

    fn emit(&mut self, mut block: Block) {
        block.furniture = self.ctx.furniture;
        match self.tables.iter_mut().rev().find_map(|t| t.cell.as_mut()) {
            Some(cell) => cell.push(block),
            None => self.out.push(block),
        }
    }
}

/// The blocks of one Word paragraph (DOCX or legacy .doc): `text` holds
/// `'\n'` at manual line breaks; `heading` is its outline or style level,
/// `list` its place in a list, `bold` whether all its text is bold.
/// Unfilled template prompts are dropped with a warning.
pub(crate) fn paragraph_blocks(
    text: &str,
    heading: Option<u8>,
    list: Option<ListPosition>,
    bold: bool,
    warnings: &mut Vec<String>,
) -> Vec<Block> {
    let lines: Vec<String> = text
        .split('\n')
        .map(normalize)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    if let Some(level) = heading {
        // A numbered heading shows its number: keep it with the title.
        let text = match list.and_then(|pos| pos.label) {
            Some(label) => format!("{label} {}", lines.join(" ")),
            None => lines.join(" "),
        };
        return vec![Block::heading(level, text)];
    }
    if let Some(pos) = list {
        return vec![Block::list_item(pos.depth, pos.number, lines.join(" "))];
    }
    // Line breaks inside a plain paragraph usually separate fields
    // ("Tid: …" / "Sted: …"): one block a line.
    let mut out = Vec::new();
    for line in lines {
        if placeholder::is_prompt_paragraph(&line) {
            warnings.push(format!("dropped an unfilled template prompt: \"{line}\""));
            continue;
        }
        let mut block = Block::paragraph(line);
        block.bold = bold;
        out.push(block);
    }
    out
}

/// The blocks of one Word table row, given each cell's blocks: a row of
/// values becomes a table row (unfilled prompts blanked, with a warning); a
/// frame around running text (one cell, or a cell with headings or many
/// blocks) gives its blocks as they are.
pub(crate) fn row_blocks(cells: Vec<Vec<Block>>, warnings: &mut Vec<String>) -> Vec<Block> {
    let is_layout = cells.len() == 1
        || cells.iter().any(|c| {
            c.len() > MAX_BLOCKS_IN_VALUE_CELL
                || c.iter()
                    .any(|b| matches!(b.kind, BlockKind::Heading { .. }))
        });
    if is_layout {
        // A frame around running text: its blocks, not a row of values.
        return cells.into_iter().flatten().collect();
    }
    let mut texts: Vec<String> = cells
        .iter()
        .map(|blocks| {
            blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let label = texts.first().filter(|t| !t.is_empty()).cloned();
    for text in texts.iter_mut().skip(1) {
        if placeholder::is_prompt_cell(text, label.as_deref()) {
            warnings.push(format!("dropped an unfilled template prompt: \"{text}\""));
            text.clear();
        }
    }
    if texts.iter().all(String::is_empty) {
        return Vec::new();
    }
    vec![Block::table_row(texts)]
}

fn is_false(val: Option<&str>) -> bool {
    matches!(val, Some("0" | "false" | "off"))
}
