//! The legacy Word reader (Word 97–2003 `.doc`): bytes to blocks.
//!
//! A `.doc` is an OLE compound file (read with the `cfb` crate) whose
//! `WordDocument` stream starts with the File Information Block ([`fib`]);
//! the FIB points into the table stream (`0Table` or `1Table`) at the piece
//! table ([`pieces`]), the paragraph and character properties ([`props`])
//! and the style sheet ([`styles`]). The text is read story by story: main
//! text, footnotes, endnotes and text boxes are content; headers and footers
//! are furniture. Field instructions (between field begin and separator),
//! hidden text and tracked deletions are dropped. Paragraphs, table cells and
//! rows become the same blocks as in a DOCX, through the DOCX reader's
//! paragraph and row rules, so the structure extractor needs nothing new.
//!
//! # Limits
//!
//! Each stream is refused before it is read when it is larger than
//! [`Limits::max_decompressed_bytes`]; the FIB's character counts must fit
//! in the stream; the piece table is only followed inside the stream; the
//! compound file's FAT chains are checked by `cfb` (a cycle is an error).

mod cover;
mod fib;
mod lists;
mod pieces;
mod props;
mod styles;

use std::io::{Cursor, Read};

use crate::budget::Deadline;
use crate::docx::body::{paragraph_blocks, row_blocks};
use crate::docx::styles::quietly_catch_unwind;
use crate::{Block, BlockDocument, Limits, ReadError};

use fib::Fib;
use lists::Lists;
use props::{Chars, Para, Runs};
use styles::Styles;

/// The first bytes of every OLE compound file.
pub const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes look like a Word 97–2003 document: an OLE compound
/// file whose directory names a `WordDocument` stream (the name is stored
/// in UTF-16LE). Excel and PowerPoint files are OLE files too, without it.
pub fn is_word_document(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    bytes.starts_with(&OLE_MAGIC) && bytes.windows(NAME.len()).any(|w| w == NAME)
}

/// Why an OLE compound file is not read as a Word document, in words.
pub fn not_word_reason(bytes: &[u8]) -> String {
    // The header's sector size (a power of two) and first directory sector.
    let shift = fib::u16_at(bytes, 0x1E).unwrap_or(9).min(16);
    let dir = fib::u32_at(bytes, 0x30).unwrap_or(0);
    let dir_at = (u64::from(dir) + 1) << shift;
    if dir_at >= bytes.len() as u64 {
        "an OLE2 compound file cut short (its directory lies past the end of the file): a truncated Word .doc, Excel or PowerPoint file?".into()
    } else {
        "an OLE2 compound file without a WordDocument stream: not a Word .doc".into()
    }
}

/// Read a `.doc` file's bytes into blocks with default limits.
pub fn read(bytes: &[u8]) -> Result<BlockDocument, ReadError> {
    read_with(bytes, &Limits::default(), &Deadline::none())
}

/// Read a `.doc` file's bytes into blocks in reading order: the main text,
/// footnotes, endnotes and text boxes, then the headers and footers
/// (furniture, each distinct text once).
///
/// Errors: not a compound file or no `WordDocument` stream, a broken FIB or
/// piece table → [`ReadError::Malformed`]; encrypted →
/// [`ReadError::Encrypted`]; a stream over
/// `limits.max_decompressed_bytes` → [`ReadError::TooLarge`];
/// [`ReadError::TimedOut`] once `deadline` passes.
pub fn read_with(
    bytes: &[u8],
    limits: &Limits,
    deadline: &Deadline,
) -> Result<BlockDocument, ReadError> {
    // cfb checks what it reads, but a hostile directory must never take the
    // process down: a panic inside it is a malformed file.
    let streams = quietly_catch_unwind(|| open_streams(bytes, limits.max_decompressed_bytes))
        .unwrap_or_else(|| {
            Err(ReadError::Malformed(
                "the OLE compound file could not be read".into(),
            ))
        })?;
    deadline.check()?;
    let fib = Fib::parse(&streams.word)?;
    if fib.encrypted {
        return Err(ReadError::Encrypted);
    }
    let table = if fib.table_1 {
        &streams.table_1
    } else {
        &streams.table_0
    };
    let table = table.as_deref().ok_or_else(|| {
        ReadError::Malformed(format!(
            "no {}Table stream, which the FIB says holds the tables",
            u8::from(fib.table_1)
        ))
    })?;
    let ccp_total = fib.ccp.iter().fold(0u64, |a, &c| a + u64::from(c));
    if ccp_total > streams.word.len() as u64 {
        return Err(ReadError::Malformed(format!(
            "the FIB counts {ccp_total} characters, more than the {} bytes of the WordDocument stream",
            streams.word.len()
        )));
    }
    let clx = fib
        .slice(table, fib::CLX)
        .ok_or_else(|| ReadError::Malformed("no piece table (Clx)".into()))?;
    let text = pieces::read_text(clx, &streams.word, ccp_total as u32)?;
    deadline.check()?;
    let para_runs = fib
        .slice(table, fib::PLCF_BTE_PAPX)
        .map(|plc| props::paragraph_runs(plc, &streams.word))
        .unwrap_or_default();
    let char_runs = fib
        .slice(table, fib::PLCF_BTE_CHPX)
        .map(|plc| props::char_runs(plc, &streams.word))
        .unwrap_or_default();
    let styles = fib
        .slice(table, fib::STSHF)
        .map(Styles::parse)
        .unwrap_or_default();
    let lists = Lists::parse(
        fib.slice_to_end(table, fib::PLF_LST),
        fib.slice(table, fib::PLF_LFO),
    );

    let mut reader = StoryReader {
        text: &text,
        paras: &para_runs,
        chars: &char_runs,
        styles: &styles,
        lists,
        deadline,
        doc: BlockDocument::default(),
        type_sizes: cover::TypeSizes::default(),
    };
    // Story order in CP space: main, footnotes, headers, comments, endnotes,
    // text boxes, header text boxes.
    let mut starts = [0u32; 8];
    for (i, &ccp) in fib.ccp.iter().enumerate() {
        starts[i + 1] = starts[i].saturating_add(ccp);
    }
    let story = |i: usize| starts[i]..starts[i + 1];
    for i in [0, 1, 4, 5] {
        reader.read_story(story(i), false)?;
    }
    reader.read_story(story(2), true)?;
    let mut doc = reader.doc;
    reader.type_sizes.set_cover_title(&mut doc.blocks);
    dedupe_furniture(&mut doc.blocks);
    crate::bold_headings::promote(&mut doc.blocks);
    doc.meta_title = streams.title;
    doc.producer = streams.producer;
    Ok(doc)
}

/// The streams the reader uses.
struct Streams {
    word: Vec<u8>,
    table_0: Option<Vec<u8>>,
    table_1: Option<Vec<u8>>,
    title: Option<String>,
    producer: Option<String>,
}

fn open_streams(bytes: &[u8], max_bytes: u64) -> Result<Streams, ReadError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| ReadError::Malformed(format!("not a readable OLE compound file: {e}")))?;
    let word = read_stream(&mut file, "/WordDocument", max_bytes)?.ok_or_else(|| {
        ReadError::Malformed("no WordDocument stream: not a Word document".into())
    })?;
    let table_0 = read_stream(&mut file, "/0Table", max_bytes)?;
    let table_1 = read_stream(&mut file, "/1Table", max_bytes)?;
    let summary = read_stream(&mut file, "/\u{5}SummaryInformation", max_bytes)
        .ok()
        .flatten()
        .map(|s| summary_strings(&s))
        .unwrap_or_default();
    Ok(Streams {
        word,
        table_0,
        table_1,
        title: summary.0,
        producer: summary.1,
    })
}

/// A stream's bytes; `None` when the file has no such stream.
fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    path: &str,
    max_bytes: u64,
) -> Result<Option<Vec<u8>>, ReadError> {
    let len = match file.entry(path) {
        Ok(entry) if entry.is_stream() => entry.len(),
        _ => return Ok(None),
    };
    if len > max_bytes {
        return Err(ReadError::TooLarge {
            what: "Word document stream",
            actual: len,
            limit: max_bytes,
        });
    }
    let mut stream = file
        .open_stream(path)
        .map_err(|e| ReadError::Malformed(format!("the {path} stream cannot be read: {e}")))?;
    let mut out = Vec::new();
    stream
        .by_ref()
        .take(max_bytes)
        .read_to_end(&mut out)
        .map_err(|e| ReadError::Malformed(format!("the {path} stream cannot be read: {e}")))?;
    Ok(Some(out))
}

/// Title (PIDSI_TITLE) and application name (PIDSI_APPNAME) from the
/// SummaryInformation property set ([MS-OLEPS]); code page strings are
/// read as cp1252, which is what Danish Word files use.
fn summary_strings(set: &[u8]) -> (Option<String>, Option<String>) {
    use fib::u32_at;
    let get = || -> Option<(Option<String>, Option<String>)> {
        let section = u32_at(set, 44)? as usize;
        let count = u32_at(set, section + 4)? as usize;
        let mut title = None;
        let mut app = None;
        for i in 0..count.min(64) {
            let pid = u32_at(set, section + 8 + i * 8)?;
            let offset = u32_at(set, section + 12 + i * 8)? as usize;
            let at = section.checked_add(offset)?;
            // VT_LPSTR: a length (with the terminating zero), then bytes.
            if pid != 2 && pid != 18 || u32_at(set, at)? != 30 {
                continue;
            }
            let len = u32_at(set, at + 4)? as usize;
            let bytes = set.get(at + 8..at + 8 + len.min(4096))?;
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let text = crate::text::normalize(text.trim_end_matches('\0'));
            if text.is_empty() {
                continue;
            }
            if pid == 2 {
                title = Some(text);
            } else {
                app = Some(text);
            }
        }
        Some((title, app))
    };
    get().unwrap_or_default()
}

/// A field's state: its instruction is being read, or its result.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Instruction,
    Result,
}

struct StoryReader<'a> {
    text: &'a pieces::Text,
    paras: &'a Runs<Para>,
    chars: &'a Runs<Chars>,
    styles: &'a Styles,
    lists: Lists,
    deadline: &'a Deadline,
    doc: BlockDocument,
    /// The type size of the paragraphs, for the cover's title.
    type_sizes: cover::TypeSizes,
}

/// Deepest field nesting followed; deeper fields are read as plain text.
const MAX_FIELD_DEPTH: usize = 64;

impl StoryReader<'_> {
    /// Read the CPs `range` as paragraphs and tables.
    fn read_story(
        &mut self,
        range: std::ops::Range<u32>,
        furniture: bool,
    ) -> Result<(), ReadError> {
        let mut fields: Vec<Field> = Vec::new();
        let mut para = String::new();
        // The character properties of the paragraph's letters.
        let mut letters: Vec<Chars> = Vec::new();
        // Where this story's blocks start in the document.
        let first_block = self.doc.blocks.len();
        // The open table row's cells, and the blocks of the open cell.
        let mut row: Vec<Vec<Block>> = Vec::new();
        let mut cell: Vec<Block> = Vec::new();
        let mut out: Vec<Block> = Vec::new();
        for cp in range {
            let Some((&c, &fc)) = self
                .text
                .chars
                .get(cp as usize)
                .zip(self.text.fcs.get(cp as usize))
            else {
                break;
            };
            self.deadline.check_every(cp as usize)?;
            let in_instruction = fields.contains(&Field::Instruction);
            match c {
                '\u{13}' => {
                    if fields.len() < MAX_FIELD_DEPTH {
                        fields.push(Field::Instruction);
                    }
                }
                '\u{14}' => {
                    if let Some(f) = fields.last_mut() {
                        *f = Field::Result;
                    }
                }
                '\u{15}' => {
                    fields.pop();
                }
                '\r' | '\u{7}' | '\u{C}' => {
                    let props = self.paras.at(fc);
                    let (blocks, size) = self.paragraph(std::mem::take(&mut para), props, &letters);
                    let counted = letters.len();
                    letters.clear();
                    if c == '\u{7}' && props.row_end {
                        cell.clear();
                        let cells = std::mem::take(&mut row);
                        out.extend(row_blocks(cells, &mut self.doc.warnings));
                    } else if props.in_table {
                        cell.extend(blocks);
                        if c == '\u{7}' {
                            row.push(std::mem::take(&mut cell));
                        }
                    } else {
                        // A table ended without its row mark: keep what it held.
                        out.extend(row.drain(..).flatten());
                        out.append(&mut cell);
                        if !furniture {
                            let at = first_block + out.len();
                            self.type_sizes.add(at, &blocks, size, counted);
                        }
                        out.extend(blocks);
                    }
                }
                _ if in_instruction || self.chars.at(fc).hidden => {}
                '\u{B}' => para.push('\n'),
                '\u{1E}' => para.push('-'),
                '\t' => para.push('\t'),
                // Optional hyphens, and anchors of pictures, footnote marks,
                // comments and drawn objects: no text.
                c if c < ' ' => {}
                c => {
                    para.push(c);
                    if !c.is_whitespace() {
                        letters.push(self.chars.at(fc));
                    }
                }
            }
        }
        let props = Para::default();
        let (blocks, _) = self.paragraph(para, props, &letters);
        out.extend(row.drain(..).flatten());
        out.append(&mut cell);
        out.extend(blocks);
        for mut block in out {
            block.furniture = furniture;
            self.doc.blocks.push(block);
        }
        Ok(())
    }

    /// The blocks of one paragraph with properties `props` and letters set
    /// as `letters` says, and the size (half-points) of most of its letters.
    fn paragraph(&mut self, text: String, props: Para, letters: &[Chars]) -> (Vec<Block>, u16) {
        if text.trim().is_empty() {
            return (Vec::new(), 0);
        }
        let style_size = self.styles.half_points(props.istd);
        let style_bold = self.styles.bold(props.istd);
        let size = cover::most_common(letters.iter().map(|c| c.half_points.unwrap_or(style_size)))
            .unwrap_or(style_size);
        let bold = !letters.is_empty() && letters.iter().all(|c| c.is_bold(style_bold));
        let heading = props
            .outline
            .filter(|&o| o < 9)
            .map(|o| o + 1)
            .or_else(|| self.styles.heading_level(props.istd));
        let list = match props.ilfo {
            Some(0) => None,
            Some(lfo) => Some((lfo, props.ilvl.unwrap_or(0))),
            None => self
                .styles
                .list(props.istd)
                .map(|(lfo, lvl)| (lfo, props.ilvl.unwrap_or(lvl))),
        };
        let list = list.and_then(|(lfo, lvl)| self.lists.next(lfo, lvl));
        let blocks = paragraph_blocks(&text, heading, list, bold, &mut self.doc.warnings);
        (blocks, size)
    }
}

/// Keep each running header or footer text once (first, even and odd page
/// variants repeat it).
fn dedupe_furniture(blocks: &mut Vec<Block>) {
    let mut seen = std::collections::HashSet::new();
    blocks.retain(|b| !b.furniture || seen.insert(b.text.clone()));
}
