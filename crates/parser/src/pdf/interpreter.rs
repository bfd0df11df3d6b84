//! The content-stream interpreter: runs a page's drawing operators and
//! records where each glyph lands, with its text, size and weight.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::Operations;
use super::font::Font;
use crate::budget::Deadline;

/// Operators run per page, Form XObjects included, before the page is cut off.
const MAX_OPS_PER_PAGE: usize = 2_000_000;
/// Glyphs recorded per page.
const MAX_GLYPHS_PER_PAGE: usize = 300_000;
/// Nesting of Form XObjects.
const MAX_FORM_DEPTH: usize = 12;
/// Nesting of q/Q.
const MAX_STATE_DEPTH: usize = 256;
/// Largest decoded content stream (also bounded by
/// [`crate::Limits::max_decompressed_bytes`]).
const MAX_CONTENT_BYTES: usize = 64 * 1024 * 1024;

/// A glyph on the page, in top-down page coordinates (points, origin at the
/// page's top left).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    /// Left edge of the glyph.
    pub(crate) x: f32,
    /// Baseline, measured down from the top of the page.
    pub(crate) y: f32,
    /// Advance width.
    pub(crate) width: f32,
    /// Font size as drawn.
    pub(crate) size: f32,
    /// Drawn with a bold font.
    pub(crate) bold: bool,
    /// The glyph's text: `PageText::text[start..start + len]`.
    pub(crate) start: u32,
    /// Length in bytes of the glyph's text.
    pub(crate) len: u16,
}

/// Everything drawn as text on one page.
#[derive(Debug, Default)]
pub(crate) struct PageText {
    /// Glyphs in drawing order.
    pub(crate) glyphs: Vec<Glyph>,
    /// The glyphs' texts, one after another.
    pub(crate) text: String,
    /// Page width in points.
    pub(crate) width: f32,
    /// Page height in points.
    pub(crate) height: f32,
    /// Glyphs whose font gives no Unicode text (dropped).
    pub(crate) unknown_glyphs: u32,
    /// Glyphs drawn rotated or vertical (dropped).
    pub(crate) rotated_glyphs: u32,
    /// Why the page was cut short, if it was.
    pub(crate) truncated: Option<&'static str>,
}

impl PageText {
    /// The text of a glyph.
    pub(crate) fn glyph_text(&self, g: &Glyph) -> &str {
        let start = g.start as usize;
        self.text
            .get(start..start + usize::from(g.len))
            .unwrap_or_default()
    }
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`: the product a × b in PDF's row-vector convention.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

/// Runs content streams of one document; caches fonts across pages.
pub(crate) struct Interpreter<'d> {
    doc: &'d Document,
    fonts: HashMap<usize, Rc<Font>>,
    max_content_bytes: usize,
    deadline: Deadline,
}

struct PageRun<'p> {
    page: &'p mut PageText,
    ops: usize,
    forms: Vec<ObjectId>,
    /// Maps user space to top-down page space.
    page_matrix: Matrix,
}

impl<'d> Interpreter<'d> {
    /// An interpreter for `doc`.
    pub(crate) fn new(doc: &'d Document, limits: &crate::Limits, deadline: Deadline) -> Self {
        Interpreter {
            doc,
            fonts: HashMap::new(),
            max_content_bytes: usize::try_from(limits.max_decompressed_bytes)
                .unwrap_or(usize::MAX)
                .min(MAX_CONTENT_BYTES),
            deadline,
        }
    }

    /// Run one page and collect its glyphs.
    pub(crate) fn run_page(&mut self, page_id: ObjectId) -> PageText {
        let mut page = PageText::default();
        let page_dict = self.doc.get_dictionary(page_id).ok();
        let [x0, y0, x1, y1] = page_dict
            .map(|d| self.page_box(d))
            .unwrap_or([0.0, 0.0, 612.0, 792.0]);
        let (x0, x1, y0, y1) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
        let rotate = page_dict.map_or(0, |d| self.page_rotation(d));
        // Map user space to the page as displayed, origin top left, y down:
        // text set upright on a page shown rotated reads horizontally.
        let page_matrix = match rotate {
            90 => [0.0, 1.0, 1.0, 0.0, -y0, -x0],
            180 => [-1.0, 0.0, 0.0, 1.0, x1, -y0],
            270 => [0.0, -1.0, -1.0, 0.0, y1, x1],
            _ => [1.0, 0.0, 0.0, -1.0, -x0, y1],
        };
        let (w, h) = ((x1 - x0).max(1.0), (y1 - y0).max(1.0));
        (page.width, page.height) = if rotate == 90 || rotate == 270 {
            (h, w)
        } else {
            (w, h)
        };
        let resources = self.page_resources(page_id);
        let content = match self
            .doc
            .get_page_content_with_limit(page_id, self.max_content_bytes)
        {
            Ok(c) => c,
            Err(_) => {
                page.truncated = Some("page content over the size limit");
                return page;
            }
        };
        let mut run = PageRun {
            page: &mut page,
            ops: 0,
            forms: Vec::new(),
            page_matrix,
        };
        let state = GraphicsState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        self.run_content(&content, &resources, state, &mut run);
        page
    }

    /// The page's crop box (or media box), inherited through the page tree.
    fn page_box(&self, page: &Dictionary) -> [f32; 4] {
        let mut node = Some(page);
        let mut found: Option<[f32; 4]> = None;
        for _ in 0..32 {
            let Some(dict) = node else { break };
            for key in [&b"CropBox"[..], b"MediaBox"] {
                if found.is_none() {
                    found = self.rect(dict.get(key).ok());
                }
            }
            if found.is_some() {
                break;
            }
            node = dict
                .get(b"Parent")
                .ok()
                .and_then(|p| self.doc.dereference(p).ok())
                .and_then(|(_, o)| o.as_dict().ok());
        }
        found.unwrap_or([0.0, 0.0, 612.0, 792.0])
    }

    /// The page's /Rotate, inherited through the page tree, as 0, 90, 180 or 270.
    fn page_rotation(&self, page: &Dictionary) -> i64 {
        let mut node = Some(page);
        for _ in 0..32 {
            let Some(dict) = node else { break };
            if let Some(r) = dict.get(b"Rotate").ok().and_then(|r| number(self.doc, r)) {
                return ((r as i64 / 90) * 90).rem_euclid(360);
            }
            node = dict
                .get(b"Parent")
                .ok()
                .and_then(|p| self.doc.dereference(p).ok())
                .and_then(|(_, o)| o.as_dict().ok());
        }
        0
    }

    fn rect(&self, obj: Option<&Object>) -> Option<[f32; 4]> {
        let arr = self.doc.dereference(obj?).ok()?.1.as_array().ok()?;
        let mut r = [0.0f32; 4];
        for (slot, o) in r.iter_mut().zip(arr.iter()) {
            *slot = number(self.doc, o)?;
        }
        (arr.len() >= 4 && (r[2] - r[0]).abs() > 1.0 && (r[3] - r[1]).abs() > 1.0).then_some(r)
    }

    fn page_resources(&self, page_id: ObjectId) -> Vec<&'d Dictionary> {
        let mut out = Vec::new();
        if let Ok((direct, ids)) = self.doc.get_page_resources(page_id) {
            out.extend(direct);
            for id in ids {
                if let Ok(d) = self.doc.get_dictionary(id) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// Look a named resource up in a resource category (/Font, /XObject).
    fn resource(
        &self,
        resources: &[&'d Dictionary],
        category: &[u8],
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'d Object)> {
        for res in resources {
            let Some(cat) = res
                .get(category)
                .ok()
                .and_then(|c| self.doc.dereference(c).ok())
                .and_then(|(_, c)| c.as_dict().ok())
            else {
                continue;
            };
            if let Ok(entry) = cat.get(name) {
                if let Ok((id, obj)) = self.doc.dereference(entry) {
                    return Some((id, obj));
                }
            }
        }
        None
    }

    fn font(&mut self, resources: &[&'d Dictionary], name: &[u8]) -> Rc<Font> {
        let Some((_, obj)) = self.resource(resources, b"Font", name) else {
            return self
                .fonts
                .entry(0)
                .or_insert_with(|| Rc::new(Font::fallback()))
                .clone();
        };
        // The object's address identifies it for the document's lifetime.
        let key = obj as *const Object as usize;
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        let font = match obj.as_dict() {
            Ok(dict) => Font::from_dict(self.doc, dict),
            Err(_) => Font::fallback(),
        };
        let font = Rc::new(font);
        self.fonts.insert(key, font.clone());
        font
    }

    fn run_content(
        &mut self,
        content: &[u8],
        resources: &[&'d Dictionary],
        start: GraphicsState,
        run: &mut PageRun<'_>,
    ) {
        let mut gs = start;
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in Operations::new(content) {
            let Ok(op) = op else {
                run.page
                    .truncated
                    .get_or_insert("content stream could not be fully parsed");
                break;
            };
            run.ops += 1;
            if self.deadline.check_every(run.ops).is_err() {
                run.page.truncated = Some("time budget exhausted");
                break;
            }
            if run.ops > MAX_OPS_PER_PAGE {
                run.page.truncated = Some("operator budget exhausted");
                break;
            }
            if run.page.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                run.page.truncated = Some("glyph budget exhausted");
                break;
            }
            let Operation { operator, operands } = op;
            let num = |i: usize| operands.get(i).and_then(|o| number(self.doc, o));
            match operator.as_str() {
                "q" if stack.len() < MAX_STATE_DEPTH => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix_of(&operands, self.doc) {
                        gs.ctm = mul(&m, &gs.ctm);
                    }
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                        gs.font = Some(self.font(resources, name));
                    }
                    if let Some(size) = num(1) {
                        gs.size = size;
                    }
                }
                "Tc" => gs.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => gs.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => gs.horizontal_scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => gs.leading = num(0).unwrap_or(0.0),
                "Ts" => gs.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if operator == "TD" {
                        gs.leading = -ty;
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = matrix_of(&operands, self.doc) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    let string_index = match operator.as_str() {
                        "\"" => {
                            gs.word_spacing = num(0).unwrap_or(gs.word_spacing);
                            gs.char_spacing = num(1).unwrap_or(gs.char_spacing);
                            2
                        }
                        _ => 0,
                    };
                    if operator != "Tj" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(bytes, _)) = operands.get(string_index) {
                        show(&gs, &mut tm, bytes, run);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => show(&gs, &mut tm, bytes, run),
                                other => {
                                    if let Some(n) = number(self.doc, other) {
                                        let tx = -n / 1000.0 * gs.size * gs.horizontal_scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                        self.run_form(resources, name, &gs, run);
                    }
                }
                _ => {}
            }
        }
    }

    /// Draw a Form XObject: its content with its own matrix and resources.
    fn run_form(
        &mut self,
        resources: &[&'d Dictionary],
        name: &[u8],
        gs: &GraphicsState,
        run: &mut PageRun<'_>,
    ) {
        let Some((id, obj)) = self.resource(resources, b"XObject", name) else {
            return;
        };
        let Ok(stream) = obj.as_stream() else { return };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok())
            == Some(b"Form");
        if !is_form || run.forms.len() >= MAX_FORM_DEPTH {
            return;
        }
        if let Some(id) = id {
            if run.forms.contains(&id) {
                return;
            }
        }
        let Ok(content) = stream
            .decompressed_content_with_limit(self.max_content_bytes)
            .or_else(|_| {
                if stream.dict.has(b"Filter") {
                    Err(())
                } else {
                    Ok(stream.content.clone())
                }
            })
        else {
            return;
        };
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| self.doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok());
        let form_resources: Vec<&'d Dictionary> = match own {
            Some(d) => vec![d],
            None => resources.to_vec(),
        };
        let mut state = gs.clone();
        if let Some(m) = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| m.as_array().ok())
            .and_then(|a| matrix_of(a, self.doc))
        {
            state.ctm = mul(&m, &state.ctm);
        }
        run.forms.push(id.unwrap_or((0, 0)));
        self.run_content(&content, &form_resources, state, run);
        run.forms.pop();
    }
}

/// Show a string: record each glyph and advance the text matrix.
fn show(gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8], run: &mut PageRun<'_>) {
    let Some(font) = gs.font.as_deref() else {
        return;
    };
    let th = gs.horizontal_scale;
    // Text space → page: only the text matrix changes between glyphs.
    let scale = [gs.size * th, 0.0, 0.0, gs.size, 0.0, gs.rise];
    let to_page = mul(&gs.ctm, &run.page_matrix);
    for code in font.codes(bytes) {
        let trm = mul(&mul(&scale, tm), &to_page);
        let advance = (code.width * gs.size
            + gs.char_spacing
            + if code.is_space_byte {
                gs.word_spacing
            } else {
                0.0
            })
            * th;
        let horizontal = trm[0] > 0.0 && trm[1].abs() <= trm[0].abs() * 0.1;
        let page = &mut *run.page;
        let start = page.text.len();
        if font.push_text(code.value, &mut page.text) {
            if !horizontal {
                page.text.truncate(start);
                page.rotated_glyphs += 1;
            } else {
                let size = trm[2].hypot(trm[3]);
                let scale_x = trm[0].hypot(trm[1]);
                let len = (page.text.len() - start).min(usize::from(u16::MAX));
                let glyph = Glyph {
                    x: trm[4],
                    y: trm[5],
                    width: code.width * scale_x,
                    size,
                    bold: font.bold,
                    start: u32::try_from(start).unwrap_or(u32::MAX),
                    len: len as u16,
                };
                if glyph.x.is_finite() && glyph.y.is_finite() && size.is_finite() && size > 0.0 {
                    page.glyphs.push(glyph);
                } else {
                    page.text.truncate(start);
                }
            }
        } else {
            page.unknown_glyphs += 1;
        }
        *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
    }
}

fn number(doc: &Document, obj: &Object) -> Option<f32> {
    let obj = match obj {
        Object::Reference(_) => doc.dereference(obj).ok()?.1,
        o => o,
    };
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

fn matrix_of(operands: &[Object], doc: &Document) -> Option<Matrix> {
    let mut m = [0.0f32; 6];
    for (slot, o) in m.iter_mut().zip(operands.iter()) {
        *slot = number(doc, o)?;
    }
    (operands.len() >= 6).then_some(m)
}
