//! OCR of scanned pages with Tesseract and its Danish model.
//!
//! # Why the command line
//!
//! Tesseract is run as a program (`tesseract stdin stdout -l dan tsv`), not
//! linked: binding its C++ library would need libtesseract and leptonica
//! headers and a C++ toolchain at build time for every user, including those
//! who never see a scan, while the Debian packages `tesseract-ocr` and
//! `tesseract-ocr-dan` give the program alone. A separate process also
//! isolates the parser from crashes and runaway memory in the OCR engine,
//! and can be killed when the file's time budget runs out. The cost, about
//! 50 ms of start-up per page, is small against the seconds OCR takes.
//!
//! Its TSV output gives each word with its box and confidence, which the PDF
//! reader turns into positioned text, so that running headers, hyphenation
//! and structure are found as on born-digital pages.
//!
//! Results are cached by content hash (of the page image, or of the PDF and
//! page number for rendered pages) under [`OcrOptions::cache_dir`], so that a
//! re-ingest does not OCR again. At most as many Tesseract processes run at
//! once as the machine has cores, across all files being parsed.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::budget::Deadline;

/// When to OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OcrMode {
    /// Pages with no usable text layer (none, invisible or garbage) and an image.
    #[default]
    Auto,
    /// Every page with an image, whatever its text layer says.
    Always,
    /// Never; scanned pages stay without text (flagged in the record).
    Never,
}

impl std::str::FromStr for OcrMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(OcrMode::Auto),
            "always" => Ok(OcrMode::Always),
            "never" => Ok(OcrMode::Never),
            other => Err(format!("unknown OCR mode {other:?} (auto, always, never)")),
        }
    }
}

/// How OCR runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcrOptions {
    /// When to OCR.
    pub mode: OcrMode,
    /// Where results are cached; `None` for no cache. The default is
    /// `$XDG_CACHE_HOME/referat/ocr`, else `~/.cache/referat/ocr`.
    pub cache_dir: Option<PathBuf>,
    /// Tesseract's language model.
    pub language: String,
    /// The Tesseract program: a name looked up on `PATH`, or a path.
    pub tesseract: PathBuf,
}

impl Default for OcrOptions {
    fn default() -> Self {
        OcrOptions {
            mode: OcrMode::Auto,
            cache_dir: default_cache_dir(),
            language: "dan".into(),
            tesseract: PathBuf::from("tesseract"),
        }
    }
}

/// `$XDG_CACHE_HOME/referat/ocr`, else `$HOME/.cache/referat/ocr`.
pub fn default_cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        })?;
    Some(base.join("referat").join("ocr"))
}

/// The one line that says how to get OCR.
pub const INSTALL_HINT: &str =
    "install Tesseract with its Danish model to read scanned pages: apt-get install tesseract-ocr tesseract-ocr-dan";

/// One recognised word, in the image's pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word.
    pub text: String,
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// Tesseract's confidence, 0–100.
    pub confidence: f32,
    /// The line's box (left, top, width, height): the words of a line share it.
    pub line: [f32; 4],
}

/// A recognised page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrPage {
    /// Image width in pixels.
    pub width: f32,
    /// Image height in pixels.
    pub height: f32,
    /// The words in Tesseract's reading order.
    pub words: Vec<Word>,
}

impl OcrPage {
    /// Mean word confidence, if any word was found.
    pub fn mean_confidence(&self) -> Option<f32> {
        let n = self.words.len();
        (n > 0).then(|| self.words.iter().map(|w| w.confidence).sum::<f32>() / n as f32)
    }
}

/// Why a page was not OCR'd.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OcrError {
    /// No `tesseract` program, or no model for the language.
    #[error("Tesseract or its {0} model is not installed")]
    NotInstalled(String),
    /// The file's time budget ran out.
    #[error("the time budget ran out")]
    TimedOut,
    /// Tesseract failed on the image.
    #[error("{0}")]
    Failed(String),
}

/// Whether Tesseract and the language model are installed (asked once per
/// program and process).
pub fn available(options: &OcrOptions) -> Result<(), OcrError> {
    static LANGS: Mutex<Vec<(PathBuf, Option<String>)>> = Mutex::new(Vec::new());
    let mut known = LANGS.lock().unwrap_or_else(|e| e.into_inner());
    let langs = match known.iter().find(|(p, _)| *p == options.tesseract) {
        Some((_, langs)) => langs.clone(),
        None => {
            let langs = Command::new(&options.tesseract)
                .arg("--list-langs")
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .output()
                .ok()
                .filter(|out| out.status.success())
                .map(|out| String::from_utf8_lossy(&out.stdout).into_owned());
            known.push((options.tesseract.clone(), langs.clone()));
            langs
        }
    };
    match langs {
        Some(l) if l.lines().any(|line| line.trim() == options.language) => Ok(()),
        _ => Err(OcrError::NotInstalled(options.language.clone())),
    }
}

/// The cache key of an image: its SHA-256 with the settings that shape the result.
pub fn image_key(image: &[u8], language: &str) -> String {
    format!("{}-{language}-psm1", crate::content_hash(image))
}

/// A cached result for `key`, if there is one.
pub fn cached(key: &str, options: &OcrOptions) -> Option<OcrPage> {
    let path = cache_path(options.cache_dir.as_deref()?, key);
    let tsv = std::fs::read_to_string(path).ok()?;
    Some(parse_tsv(&tsv))
}

fn cache_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.tsv"))
}

/// OCR an image (any format Tesseract reads: JPEG, PNG, PNM, TIFF) and
/// cache the result under `key`. Waits for a free slot among the
/// machine's cores; gives up with [`OcrError::TimedOut`] at `deadline`.
pub fn recognize(
    image: &[u8],
    key: &str,
    options: &OcrOptions,
    deadline: &Deadline,
) -> Result<OcrPage, OcrError> {
    available(options)?;
    let _slot = Slot::acquire(deadline)?;
    let tsv = run_tesseract(image, options, deadline)?;
    if let Some(dir) = &options.cache_dir {
        // A cache that cannot be written only costs time on the next run.
        let _ = store(dir, key, &tsv);
    }
    Ok(parse_tsv(&tsv))
}

fn store(dir: &Path, key: &str, tsv: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    // Write aside, then rename: a concurrent reader never sees half a file.
    let tmp = dir.join(format!("{key}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, tsv)?;
    std::fs::rename(&tmp, cache_path(dir, key))
}

/// Run one Tesseract process on `image` and return its TSV output.
fn run_tesseract(
    image: &[u8],
    options: &OcrOptions,
    deadline: &Deadline,
) -> Result<String, OcrError> {
    let mut command = Command::new(&options.tesseract);
    command
        .args([
            "stdin",
            "stdout",
            "-l",
            &options.language,
            "--psm",
            "1",
            "tsv",
        ])
        // One thread per process: pages and files run in parallel instead,
        // which uses the cores better than Tesseract's own threads.
        .env("OMP_THREAD_LIMIT", "1");
    let out = run_piped(&mut command, image, deadline)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Run a program with `input` on its standard input and return its
/// standard output; killed when `deadline` passes.
pub(crate) fn run_piped(
    command: &mut Command,
    input: &[u8],
    deadline: &Deadline,
) -> Result<Vec<u8>, OcrError> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| OcrError::Failed(format!("{program} cannot be started: {e}")))?;
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(OcrError::Failed(format!("{program}'s pipes are missing")));
    };
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            // A closed pipe means the program stopped reading: its exit
            // status says why.
            let _ = stdin.write_all(input);
        });
        let reader = scope.spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.read_to_end(&mut out);
            out
        });
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) if deadline.passed() => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(OcrError::TimedOut);
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Err(OcrError::Failed(format!("waiting for {program}: {e}")));
                }
            }
        };
        let _ = writer.join();
        let out = reader.join().unwrap_or_default();
        let status = status?;
        if status.success() {
            Ok(out)
        } else {
            Err(OcrError::Failed(format!("{program} failed ({status})")))
        }
    })
}

/// Parse Tesseract's TSV (level 1 is the page, level 4 a line, level 5 a
/// word) into a page whose text reads left to right, top to bottom: see
/// [`OcrPage::upright`].
pub fn parse_tsv(tsv: &str) -> OcrPage {
    let mut page = parse_tsv_raw(tsv);
    page.upright();
    page
}

/// How the text on a page image is turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    Upright,
    /// Lines read top to bottom (the page was scanned turned a quarter clockwise).
    Down,
    /// Lines read bottom to top.
    Up,
    Upside,
}

impl OcrPage {
    /// Tesseract reads a scan stored sideways or upside down (its page
    /// segmentation detects the orientation) but gives the boxes in the
    /// image as stored: turn them so that lines run left to right and
    /// follow each other downwards, as the layout code expects. The turn is
    /// read off the boxes: words taller than wide run vertically, and the
    /// order of a line's words says which way.
    pub fn upright(&mut self) {
        let turn = self.turn();
        let (w, h) = (self.width, self.height);
        let map = |[l, t, bw, bh]: [f32; 4]| -> [f32; 4] {
            match turn {
                Turn::Upright => [l, t, bw, bh],
                Turn::Down => [t, w - (l + bw), bh, bw],
                Turn::Up => [h - (t + bh), l, bh, bw],
                Turn::Upside => [w - (l + bw), h - (t + bh), bw, bh],
            }
        };
        for word in &mut self.words {
            [word.left, word.top, word.width, word.height] =
                map([word.left, word.top, word.width, word.height]);
            word.line = map(word.line);
        }
        if matches!(turn, Turn::Down | Turn::Up) {
            (self.width, self.height) = (h, w);
        }
    }

    fn turn(&self) -> Turn {
        let (mut tall, mut wide) = (0usize, 0usize);
        for w in self.words.iter().filter(|w| w.text.chars().count() >= 3) {
            if w.height > w.width {
                tall += 1;
            } else {
                wide += 1;
            }
        }
        let vertical = tall > wide;
        // Successive words of a line: which way does the line run?
        let (mut forward, mut backward) = (0usize, 0usize);
        for pair in self.words.windows(2) {
            let [a, b] = pair else { continue };
            if a.line != b.line {
                continue;
            }
            let (pa, pb) = if vertical {
                (a.top, b.top)
            } else {
                (a.left, b.left)
            };
            if pb > pa {
                forward += 1;
            } else if pb < pa {
                backward += 1;
            }
        }
        match (vertical, forward >= backward) {
            (false, true) => Turn::Upright,
            (false, false) => Turn::Upside,
            (true, true) => Turn::Down,
            (true, false) => Turn::Up,
        }
    }
}

fn parse_tsv_raw(tsv: &str) -> OcrPage {
    let mut page = OcrPage::default();
    let mut line = [0.0f32; 4];
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [level, _, _, _, _, _, left, top, width, height, conf, text] = cols[..] else {
            continue;
        };
        let num = |s: &str| s.trim().parse::<f32>().unwrap_or(0.0);
        let rect = [num(left), num(top), num(width), num(height)];
        match level {
            "1" => (page.width, page.height) = (rect[2], rect[3]),
            "4" => line = rect,
            "5" => {
                let text = text.trim();
                let confidence = num(conf);
                if text.is_empty() || confidence < 0.0 {
                    continue;
                }
                page.words.push(Word {
                    text: text.to_string(),
                    left: rect[0],
                    top: rect[1],
                    width: rect[2],
                    height: rect[3],
                    confidence,
                    line,
                });
            }
            _ => {}
        }
    }
    page
}

/// A slot among the Tesseract processes allowed at once.
struct Slot;

static RUNNING: Mutex<usize> = Mutex::new(0);
static FREED: Condvar = Condvar::new();

impl Slot {
    fn acquire(deadline: &Deadline) -> Result<Slot, OcrError> {
        let max = std::thread::available_parallelism().map_or(2, |n| n.get());
        let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        while *running >= max {
            if deadline.passed() {
                return Err(OcrError::TimedOut);
            }
            running = FREED
                .wait_timeout(running, Duration::from_millis(100))
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
        *running += 1;
        Ok(Slot)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        *running = running.saturating_sub(1);
        FREED.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_words_carry_their_line_box() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t1000\t1400\t-1\t\n\
            4\t1\t1\t1\t1\t0\t100\t200\t300\t40\t-1\t\n\
            5\t1\t1\t1\t1\t1\t100\t205\t120\t30\t91.5\tReferat\n\
            5\t1\t1\t1\t1\t2\t240\t205\t60\t30\t95\t \n\
            5\t1\t1\t1\t1\t3\t320\t205\t80\t30\t88.5\tmøde\n";
        let page = parse_tsv(tsv);
        assert_eq!((page.width, page.height), (1000.0, 1400.0));
        let words: Vec<&str> = page.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["Referat", "møde"]);
        assert_eq!(page.words[1].line, [100.0, 200.0, 300.0, 40.0]);
        assert_eq!(page.mean_confidence(), Some(90.0));
    }

    #[test]
    fn sideways_text_is_turned_upright() {
        // A 1000 × 600 image whose one line reads downwards near its right
        // edge: upright, the page is 600 × 1000 and the line at its top.
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t1000\t600\t-1\t\n\
            4\t1\t1\t1\t1\t0\t900\t100\t40\t300\t-1\t\n\
            5\t1\t1\t1\t1\t1\t900\t100\t40\t120\t90\tReferat\n\
            5\t1\t1\t1\t1\t2\t900\t240\t40\t160\t90\tsideværts\n";
        let page = parse_tsv(tsv);
        assert_eq!((page.width, page.height), (600.0, 1000.0));
        let first = &page.words[0];
        assert_eq!(
            [first.left, first.top, first.width, first.height],
            [100.0, 60.0, 120.0, 40.0]
        );
        assert!(page.words[1].left > first.left);
    }

    #[test]
    fn modes_parse() {
        assert_eq!("never".parse::<OcrMode>(), Ok(OcrMode::Never));
        assert!("sometimes".parse::<OcrMode>().is_err());
    }
}
