//! Evidence for `referat parse --explain`: for each meeting field, the value,
//! the rule that chose it and the block it was read from, so that a
//! researcher can check a value and a developer can see why it was chosen.

use serde_json::{json, Value};

use crate::{Block, BlockDocument, BlockKind};

/// Why a meeting field has its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldEvidence {
    /// The record's field ("date", "body", …).
    pub field: &'static str,
    /// The value as set.
    pub value: String,
    /// The rule that chose it, in words.
    pub rule: String,
    /// The text the rule read (a line, a cell, "label value"), if any.
    pub text: Option<String>,
}

impl FieldEvidence {
    /// Evidence for `field` = `value`, chosen by `rule` from `text`.
    pub fn new(field: &'static str, value: &str, rule: &str, text: Option<&str>) -> Self {
        FieldEvidence {
            field,
            value: value.to_string(),
            rule: rule.to_string(),
            text: text.map(str::to_string),
        }
    }
}

/// Where a block is: its index among all blocks, its page and line (PDF:
/// the block's position among the page's blocks, each a printed line or
/// paragraph), and its kind (the HTML/DOCX element it came from).
pub fn describe_block(doc: &BlockDocument, index: usize) -> Value {
    let Some(block) = doc.blocks.get(index) else {
        return Value::Null;
    };
    let kind = match &block.kind {
        BlockKind::Heading { level } => format!("heading (h{level})"),
        BlockKind::Paragraph => "paragraph".to_string(),
        BlockKind::ListItem { .. } => "list item".to_string(),
        BlockKind::TableRow { cells } => format!("table row ({} cells)", cells.len()),
    };
    let mut out = json!({ "block": index, "kind": kind, "text": block.text });
    if let Some(page) = block.page {
        let line = doc.blocks[..index]
            .iter()
            .filter(|b| b.page == Some(page))
            .count()
            + 1;
        out["page"] = json!(page);
        out["line"] = json!(line);
    }
    if block.furniture {
        out["furniture"] = json!(true);
    }
    out
}

/// The first block whose text holds all of `text`'s words in order (white
/// space and table cells aside), furniture included.
pub fn locate(doc: &BlockDocument, text: &str) -> Option<usize> {
    let want = squash(text);
    if want.is_empty() {
        return None;
    }
    let found = |b: &Block| squash(&b.text).contains(&want);
    doc.blocks.iter().position(found).or_else(|| {
        // A label and its value may sit in two blocks ("Afbud:" above
        // the names): then the block with the value's start.
        let first = squash(text.split_whitespace().last().unwrap_or(""));
        (!first.is_empty())
            .then(|| {
                doc.blocks
                    .iter()
                    .position(|b| squash(&b.text).contains(&first))
            })
            .flatten()
    })
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `explain` object of `referat parse --explain`: each field with its
/// value, rule and block.
pub fn explain(doc: &BlockDocument, evidence: &[FieldEvidence]) -> Value {
    let mut out = serde_json::Map::new();
    for e in evidence {
        let block = e
            .text
            .as_deref()
            .and_then(|t| locate(doc, t))
            .map_or(Value::Null, |i| describe_block(doc, i));
        let entry = json!({
            "value": e.value,
            "rule": e.rule,
            "read": e.text,
            "from": block,
        });
        out.entry(e.field.to_string()).or_insert(entry);
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_traced_to_its_block_and_page() {
        let mut second = Block::paragraph("Mødedato onsdag den 1. oktober 2025 kl. 15.45");
        second.page = Some(1);
        let mut first = Block::heading(1, "Referat");
        first.page = Some(1);
        let doc = BlockDocument {
            blocks: vec![first, second],
            ..BlockDocument::default()
        };
        let e = FieldEvidence::new(
            "date",
            "2025-10-01",
            "header",
            Some("Mødedato onsdag den 1. oktober 2025"),
        );
        let v = explain(&doc, &[e]);
        assert_eq!(v["date"]["value"], "2025-10-01");
        assert_eq!(v["date"]["from"]["page"], 1);
        assert_eq!(v["date"]["from"]["line"], 2);
        assert_eq!(v["date"]["from"]["kind"], "paragraph");
    }
}
