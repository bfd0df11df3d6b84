//! Paragraph styles and list definitions, read with docx-rs.
//!
//! docx-rs parses `word/styles.xml` and `word/numbering.xml` well, but it
//! panics on some malformed parts (it indexes attributes unchecked), so every
//! call runs under [`quietly_catch_unwind`]. A part it cannot read costs only
//! heading levels or list numbers, never the text.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use docx_rs::{FromXML, Numberings, StyleType, Styles};

/// What a paragraph style says about its paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyleInfo {
    /// Heading level (1 = top), from the outline level or the style's name.
    pub heading_level: Option<u8>,
    /// List numbering attached to the style: (numId, level).
    pub numbering: Option<(u32, u8)>,
    /// The style sets its text in bold (paragraph and character styles).
    pub bold: bool,
}

/// The paragraph styles of a document, by style id, inheritance resolved.
#[derive(Debug, Clone, Default)]
pub struct StyleSheet {
    styles: HashMap<String, StyleInfo>,
}

impl StyleSheet {
    /// What the style with this id says, or what its id alone says when the
    /// style sheet does not define it (ids like "Heading1", "Overskrift2").
    pub fn info(&self, style_id: &str) -> StyleInfo {
        match self.styles.get(style_id) {
            Some(info) => info.clone(),
            None => StyleInfo {
                heading_level: heading_level_from_name(style_id),
                numbering: None,
                bold: false,
            },
        }
    }
}

/// One level of a list definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LevelDef {
    /// First number of the level.
    pub start: u32,
    /// Whether entries show a number (decimal, roman, letters) rather than a bullet.
    pub numbered: bool,
    /// The number format (`decimal`, `lowerLetter`, `upperRoman`…).
    pub format: String,
    /// The label template, `%1.%2.` style: `%N` is level N's number.
    pub text: String,
}

/// The list definitions of a document.
#[derive(Debug, Clone, Default)]
pub struct NumberingDefs {
    /// numId → (abstractNumId, per-level start overrides).
    pub nums: HashMap<u32, (u32, HashMap<u8, u32>)>,
    /// abstractNumId → level → definition.
    pub abstracts: HashMap<u32, HashMap<u8, LevelDef>>,
}

/// Deepest nesting handed to docx-rs; real style sheets and list
/// definitions nest fewer than 10 levels.
const MAX_DEPTH_FOR_DOCX_RS: usize = 64;

/// Whether docx-rs can be trusted with this part. Its readers loop until
/// they see their element's end tag and never stop at the end of input, so a
/// truncated part, or one whose root is not the expected element, would hang
/// them: only well-formed XML (every element closed) with the expected root
/// (`root`, a local name), without a DTD and shallow, is handed over.
fn safe_for_docx_rs(xml: &[u8], root: &str) -> bool {
    use quick_xml::events::Event;
    let Ok(text) = std::str::from_utf8(xml) else {
        return false;
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut seen_root = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == 0 && (seen_root || e.local_name().as_ref() != root) {
                    return false;
                }
                seen_root = true;
                depth += 1;
                if depth > MAX_DEPTH_FOR_DOCX_RS {
                    return false;
                }
            }
            // An empty root holds nothing to read (and a second root is not XML).
            Ok(Event::Empty(_)) if depth == 0 => return false,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::DocType(_)) | Err(_) => return false,
            Ok(Event::Eof) => return seen_root && depth == 0,
            Ok(_) => {}
        }
    }
}

/// Parse `word/styles.xml`; `Err` carries a warning when docx-rs failed or panicked.
pub fn read_styles(xml: &[u8]) -> Result<StyleSheet, String> {
    if !safe_for_docx_rs(xml, "styles") {
        return Err("word/styles.xml is not well-formed XML; heading styles unknown".into());
    }
    let styles = quietly_catch_unwind(|| Styles::from_xml(xml))
        .ok_or("docx-rs panicked on word/styles.xml; heading styles unknown")?
        .map_err(|e| format!("word/styles.xml unreadable ({e}); heading styles unknown"))?;
    Ok(resolve_styles(&styles))
}

/// Parse `word/numbering.xml`; `Err` carries a warning when docx-rs failed or panicked.
pub fn read_numbering(xml: &[u8]) -> Result<NumberingDefs, String> {
    if !safe_for_docx_rs(xml, "numbering") {
        return Err("word/numbering.xml is not well-formed XML; list numbers unknown".into());
    }
    let numberings = quietly_catch_unwind(|| Numberings::from_xml(xml))
        .ok_or("docx-rs panicked on word/numbering.xml; list numbers unknown")?
        .map_err(|e| format!("word/numbering.xml unreadable ({e}); list numbers unknown"))?;
    let mut defs = NumberingDefs::default();
    for abs in &numberings.abstract_nums {
        let mut levels = HashMap::new();
        for level in &abs.levels {
            let start = serde_json::to_value(&level.start)
                .ok()
                .and_then(|v| v.as_u64())
                .unwrap_or(1);
            levels.insert(
                clamp_u8(level.level),
                LevelDef {
                    start: u32::try_from(start).unwrap_or(1),
                    numbered: is_numbered_format(&level.format.val),
                    format: level.format.val.clone(),
                    text: serde_json::to_value(&level.text)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                },
            );
        }
        defs.abstracts.insert(clamp_u32(abs.id), levels);
    }
    for num in &numberings.numberings {
        let overrides = num
            .level_overrides
            .iter()
            .filter_map(|o| Some((clamp_u8(o.level), clamp_u32(o.override_start?))))
            .collect();
        defs.nums.insert(
            clamp_u32(num.id),
            (clamp_u32(num.abstract_num_id), overrides),
        );
    }
    Ok(defs)
}

fn is_numbered_format(format: &str) -> bool {
    !matches!(format, "bullet" | "none" | "")
}

fn clamp_u8(v: usize) -> u8 {
    u8::try_from(v).unwrap_or(u8::MAX)
}

fn clamp_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Resolve each paragraph and character style's own settings and then its
/// `basedOn` chain.
fn resolve_styles(styles: &Styles) -> StyleSheet {
    struct Own {
        heading_level: Option<u8>,
        numbering: Option<(u32, u8)>,
        bold: Option<bool>,
        based_on: Option<String>,
    }
    let mut own: HashMap<String, Own> = HashMap::new();
    for style in &styles.styles {
        if !matches!(
            style.style_type,
            StyleType::Paragraph | StyleType::Character
        ) {
            continue;
        }
        let bold = style
            .run_property
            .bold
            .as_ref()
            .and_then(|b| serde_json::to_value(b).ok())
            .and_then(|v| v.as_bool());
        let name = serde_json::to_value(&style.name)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let based_on = style.based_on.as_ref().and_then(|b| {
            serde_json::to_value(b)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
        });
        let ppr = &style.paragraph_property;
        let heading_level = ppr
            .outline_lvl
            .as_ref()
            .and_then(|o| (o.v < 9).then(|| clamp_u8(o.v + 1)))
            .or_else(|| heading_level_from_name(&name))
            .or_else(|| heading_level_from_name(&style.style_id));
        let numbering = ppr.numbering_property.as_ref().and_then(|n| {
            let id = n.id.as_ref()?.id;
            let level = n.level.as_ref().map_or(0, |l| l.val);
            Some((clamp_u32(id), clamp_u8(level)))
        });
        own.insert(
            style.style_id.clone(),
            Own {
                heading_level,
                numbering,
                bold,
                based_on,
            },
        );
    }
    let mut resolved = HashMap::new();
    for id in own.keys() {
        let mut info = StyleInfo::default();
        let mut bold = None;
        let mut current = Some(id.as_str());
        // Bounded: a basedOn cycle in a broken file must not loop forever.
        for _ in 0..32 {
            let Some(style) = current.and_then(|c| own.get(c)) else {
                break;
            };
            info.heading_level = info.heading_level.or(style.heading_level);
            info.numbering = info.numbering.or(style.numbering);
            bold = bold.or(style.bold);
            current = style.based_on.as_deref();
        }
        info.bold = bold.unwrap_or(false);
        resolved.insert(id.clone(), info);
    }
    StyleSheet { styles: resolved }
}

/// Heading level from a style name or id: "heading 2", "Heading2",
/// "Overskrift 1", "Title"/"Titel" (level 1).
pub fn heading_level_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if compact == "title" || compact == "titel" {
        return Some(1);
    }
    for prefix in ["heading", "overskrift"] {
        if let Some(rest) = compact.strip_prefix(prefix) {
            if let Ok(n) = rest.parse::<u8>() {
                if (1..=9).contains(&n) {
                    return Some(n);
                }
            }
        }
    }
    None
}

thread_local! {
    static SILENCED: Cell<bool> = const { Cell::new(false) };
}
static INSTALL_HOOK: Once = Once::new();

/// Run `f`, turning a panic into `None` without printing the panic message.
///
/// The panic hook is process-wide, so instead of swapping it around each call
/// (racy with other threads) a wrapper is installed once that stays silent
/// only on a thread that is inside this function and otherwise delegates to
/// the hook that was there before.
pub fn quietly_catch_unwind<T>(f: impl FnOnce() -> T) -> Option<T> {
    INSTALL_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !SILENCED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = SILENCED.with(|s| s.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    SILENCED.with(|s| s.set(was));
    result.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        assert_eq!(heading_level_from_name("heading 2"), Some(2));
        assert_eq!(heading_level_from_name("Overskrift1"), Some(1));
        assert_eq!(heading_level_from_name("Title"), Some(1));
        assert_eq!(heading_level_from_name("Normal"), None);
        assert_eq!(heading_level_from_name("Heading 12"), None);
    }

    #[test]
    fn panics_are_caught() {
        let r: Option<()> = quietly_catch_unwind(|| panic!("boom"));
        assert!(r.is_none());
        assert_eq!(quietly_catch_unwind(|| 5), Some(5));
    }

    #[test]
    fn truncated_parts_are_not_handed_to_docx_rs() {
        // docx-rs would wait forever for the closing </w:style>.
        let xml = br#"<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/>"#;
        assert!(read_styles(xml).is_err());
        assert!(read_numbering(b"<w:numbering><w:abstractNum>").is_err());
        assert!(safe_for_docx_rs(b"<a><b/></a>", "a"));
        assert!(!safe_for_docx_rs(
            b"<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>",
            "a"
        ));
        // docx-rs reads until </w:styles>: another root would never end.
        assert!(!safe_for_docx_rs(
            b"<w:stylez><w:style/></w:stylez>",
            "styles"
        ));
        assert!(read_styles(b"<w:stylez><w:style/></w:stylez>").is_err());
        // An empty part has no root at all.
        assert!(read_styles(b"").is_err());
        assert!(read_numbering(b"  ").is_err());
    }

    #[test]
    fn styles_resolve_inheritance() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/></w:style>
          <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Min overskrift"/><w:basedOn w:val="Overskrift1"/></w:style>
          <w:style w:type="paragraph" w:styleId="Outl"><w:name w:val="Noget"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
        </w:styles>"#;
        let sheet = read_styles(xml.as_bytes()).unwrap();
        assert_eq!(sheet.info("Overskrift1").heading_level, Some(1));
        assert_eq!(sheet.info("Mine").heading_level, Some(1));
        assert_eq!(sheet.info("Outl").heading_level, Some(3));
        assert_eq!(sheet.info("Normal").heading_level, None);
    }
}
