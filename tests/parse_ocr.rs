//! Scanned PDFs (issue 19): pages without a text layer are read with
//! Tesseract. The real scanned Ballerup attachment gives the Danish text
//! read off its page images by eye, and the corpus PDFs rendered as
//! image-only PDFs (pdftoppm at 200 dpi, wrapped back into a PDF here)
//! give nearly the records of the born-digital files.
//!
//! The tests skip with a message when `tesseract` (with the Danish model)
//! or `pdftoppm` is missing; `.ci/run` installs both.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use lopdf::{dictionary, Document, Object, Stream};
use referat_parser::quality::token_similarity;
use referat_parser::{Limits, OcrMode, OcrOptions};
use referat_schema::Record;

fn have(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty())
}

/// Whether OCR can run here; says why not when it cannot.
fn ocr_ready() -> bool {
    let dan = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l == "dan")
        });
    if !dan || !have("pdftoppm", "-v") {
        eprintln!("skipped: needs tesseract with its Danish model and pdftoppm (apt-get install tesseract-ocr tesseract-ocr-dan poppler-utils)");
        return false;
    }
    true
}

/// The OCR cache of the tests, beside the build (so a re-run is quick).
fn cache_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| referat_suite::root().join("target"));
    target.join("ocr-test-cache")
}

fn limits(mode: OcrMode) -> Limits {
    Limits {
        // OCR of a scanned page takes seconds; the machine may be busy.
        time_budget: Some(Duration::from_secs(1200)),
        ocr: OcrOptions {
            mode,
            cache_dir: Some(cache_dir()),
            ..OcrOptions::default()
        },
        ..Limits::default()
    }
}

fn parse(path: &Path, limits: &Limits) -> Record {
    referat_parser::parse_file_with(path, limits).unwrap_or_else(|e| panic!("{e}"))
}

/// `../shared/real/ballerup-2012-bilag-scannet-uden-tekstlag.pdf`: eight
/// scanned pages, no text layer. Lines read off `pdftoppm -r 100` images:
/// page 1 (stored sideways on a rotated page) is a table "Ejendomsoversigt /
/// Grupperet efter udvalg" of buildings under "Kultur- og Fritidsudvalget";
/// page 8 describes the priority system ("Prioritet 4: Mindre presserende
/// opgaver", "Prioritet 7: Indvendige overflader").
#[test]
fn scanned_ballerup_attachment_reads_as_danish() {
    let path = referat_suite::real().join("ballerup-2012-bilag-scannet-uden-tekstlag.pdf");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    if !ocr_ready() {
        return;
    }
    let record = parse(&path, &limits(OcrMode::Auto));
    let ocr = record
        .source
        .ocr
        .as_ref()
        .expect("the record says what OCR did");
    assert_eq!(
        ocr.pages,
        (1..=8).collect::<Vec<u32>>(),
        "{:?}",
        record.warnings
    );
    assert!(ocr.missing.is_empty());
    let confidence = ocr.confidence.expect("a mean confidence");
    assert!((60.0..=100.0).contains(&confidence), "{confidence}");
    for want in [
        "Ejendomsoversigt",
        "Grupperet efter udvalg",
        "Kultur- og Fritidsudvalget",
        "Damgårdsparken",
        "Måløv Idrætspark",
        "Måløv Hovedgade 46, 48, 50",
        "Tom Gerner Jensen",
        "Prioritet 4: Mindre presserende opgaver",
        "Prioritet 7: Indvendige overflader",
    ] {
        assert!(
            record.text.contains(want),
            "no {want:?} in\n{}",
            record.text
        );
    }
    // The date printed in the corner of every list page ("13-11-2012") is
    // a running header: furniture, not text.
    assert!(!record.text.contains("13-11-2012"), "{}", record.text);
    // Page 8 is stored sideways: its paragraphs read as paragraphs.
    assert!(record
        .text
        .contains("Defineres som skader, der er begrænset til den pågældende bygningsdel"));
}

/// A PDF whose pages are only images: each page of `pdf` rendered by
/// pdftoppm at 200 dpi in grey, stored as JPEG, except the first page,
/// stored as raw Flate-compressed grey pixels (both ways scanners write).
fn image_only_pdf(pdf: &Path) -> Vec<u8> {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "referat-ocr-{}-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        pdf.file_stem().unwrap_or_default().to_string_lossy()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let run = |args: &[&str]| {
        let ok = Command::new("pdftoppm")
            .args(args)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "pdftoppm {args:?}");
    };
    let src = pdf.to_string_lossy().into_owned();
    let jpeg_root = dir.join("p").to_string_lossy().into_owned();
    run(&["-r", "200", "-gray", "-jpeg", &src, &jpeg_root]);
    let pgm_root = dir.join("first").to_string_lossy().into_owned();
    run(&[
        "-r",
        "200",
        "-gray",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        &src,
        &pgm_root,
    ]);
    let mut jpegs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("rendered")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
        .collect();
    jpegs.sort();

    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for (i, jpeg) in jpegs.iter().enumerate() {
        let (image, w, h) = if i == 0 {
            let pgm = std::fs::read(dir.join("first.pgm")).expect("pgm");
            let (w, h, pixels) = parse_pgm(&pgm);
            let mut stream = Stream::new(
                dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8},
                pixels,
            );
            stream.compress().expect("flate");
            (stream, w, h)
        } else {
            let bytes = std::fs::read(jpeg).expect("jpeg");
            let (w, h) = jpeg_size(&bytes);
            let stream = Stream::new(
                dictionary! {"Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode"},
                bytes,
            );
            (stream, w, h)
        };
        let image_id = doc.add_object(image);
        // 200 dpi: points = pixels × 72 / 200.
        let (pw, ph) = (w as f32 * 0.36, h as f32 * 0.36);
        let content = format!("q {pw} 0 0 {ph} 0 0 cm /Im0 Do Q");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(pw), Object::Real(ph)],
            "Resources" => dictionary! {"XObject" => dictionary! {"Im0" => image_id}},
            "Contents" => content_id,
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => count}),
    );
    let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// Width, height and pixels of a binary PGM as pdftoppm writes it.
fn parse_pgm(pgm: &[u8]) -> (i64, i64, Vec<u8>) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let (w, h): (i64, i64) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, pgm[at + 1..].to_vec())
}

/// Width and height from a JPEG's SOF marker.
fn jpeg_size(jpeg: &[u8]) -> (i64, i64) {
    let mut at = 2;
    while at + 9 < jpeg.len() {
        let marker = jpeg[at + 1];
        let len = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        if (0xC0..=0xC3).contains(&marker) {
            let h = u16::from_be_bytes([jpeg[at + 5], jpeg[at + 6]]);
            let w = u16::from_be_bytes([jpeg[at + 7], jpeg[at + 8]]);
            return (i64::from(w), i64::from(h));
        }
        at += 2 + len;
    }
    panic!("no SOF in the JPEG");
}

fn corpus_pdfs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = ["aalborg", "albertslund", "gladsaxe"]
        .iter()
        .flat_map(|town| std::fs::read_dir(referat_suite::corpus().join(town)).expect("corpus"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    out.sort();
    out
}

#[test]
fn corpus_pdfs_as_scans_give_nearly_the_born_digital_records() {
    if !ocr_ready() {
        return;
    }
    let mut failures = Vec::new();
    for pdf in corpus_pdfs() {
        let born = parse(&pdf, &Limits::default());
        let name = pdf
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let scan = image_only_pdf(&pdf);
        let scan_path = PathBuf::from(format!("scanned-{name}"));
        let (_, blocks) =
            referat_parser::read_blocks_with(&scan_path, &scan, &limits(OcrMode::Never))
                .expect("the scan reads");
        assert!(
            blocks.content().next().is_none(),
            "{name}: the scan has no text layer"
        );
        let record = referat_parser::parse_bytes_with(&scan_path, &scan, &limits(OcrMode::Auto))
            .unwrap_or_else(|e| panic!("{e}"));
        let ocr = record.source.ocr.clone().expect("OCR ran");
        assert_eq!(Some(ocr.pages.len() as u32), born.source.pages, "{name}");
        let share = referat_suite::field_share(&born, &record);
        let sim = token_similarity(&born.text, &record.text);
        println!(
            "{name:<36} fields {share:.2}  text similarity {sim:.3}  confidence {:?}",
            ocr.confidence
        );
        if share < 0.8 {
            let want = referat_suite::record_fields(&born);
            let have = referat_suite::record_fields(&record);
            let missing: Vec<_> = want.iter().filter(|f| !have.contains(f)).collect();
            failures.push(format!(
                "{name}: {share:.2} of the fields; missing {missing:?}"
            ));
        }
        if sim < 0.85 {
            failures.push(format!("{name}: text similarity {sim:.3} < 0.85"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn ocr_never_flags_the_scanned_pages_and_fails_nothing() {
    let pdf = referat_suite::corpus().join("aalborg/notat-2021-02-26.pdf");
    if !have("pdftoppm", "-v") {
        eprintln!("skipped: needs pdftoppm");
        return;
    }
    let scan = image_only_pdf(&pdf);
    let record = referat_parser::parse_bytes_with(
        Path::new("scanned-notat.pdf"),
        &scan,
        &limits(OcrMode::Never),
    )
    .expect("a record, not an error");
    let ocr = record.source.ocr.expect("flagged");
    assert!(ocr.pages.is_empty());
    assert_eq!(ocr.missing, vec![1, 2]);
    assert!(record.text.is_empty());
    assert!(
        record.warnings.iter().any(|w| w.contains("not OCR'd")),
        "{:?}",
        record.warnings
    );
}

#[test]
fn a_second_parse_reads_the_ocr_cache() {
    if !ocr_ready() {
        return;
    }
    let pdf = referat_suite::corpus().join("aalborg/notat-2021-02-26.pdf");
    let scan = image_only_pdf(&pdf);
    let dir = std::env::temp_dir().join(format!("referat-ocr-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut limits = limits(OcrMode::Auto);
    limits.ocr.cache_dir = Some(dir.clone());
    let path = Path::new("scanned-notat.pdf");
    let start = std::time::Instant::now();
    let first = referat_parser::parse_bytes_with(path, &scan, &limits).expect("parses");
    let ocr_time = start.elapsed();
    let cached = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(cached, 2, "one cache entry per page");
    let start = std::time::Instant::now();
    let second = referat_parser::parse_bytes_with(path, &scan, &limits).expect("parses");
    // Tesseract takes seconds a page; reading the cache, milliseconds
    // (more in a debug build on a busy machine).
    assert!(
        start.elapsed() * 4 < ocr_time,
        "{:?} with the cache, {ocr_time:?} without",
        start.elapsed()
    );
    assert_eq!(first.text, second.text);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_tesseract_the_scan_is_still_a_record_flagged_as_needing_ocr() {
    if !have("pdftoppm", "-v") {
        eprintln!("skipped: needs pdftoppm");
        return;
    }
    let pdf = referat_suite::corpus().join("aalborg/notat-2021-02-26.pdf");
    let scan = image_only_pdf(&pdf);
    let mut limits = limits(OcrMode::Auto);
    limits.ocr.tesseract = PathBuf::from("/nonexistent/bin/tesseract");
    limits.ocr.cache_dir = None;
    let record = referat_parser::parse_bytes_with(Path::new("scanned-notat.pdf"), &scan, &limits)
        .expect("a record, not an error");
    let ocr = record.source.ocr.expect("flagged");
    assert_eq!(ocr.missing, vec![1, 2]);
    assert!(ocr.pages.is_empty() && ocr.confidence.is_none());
    let hint: Vec<&String> = record
        .warnings
        .iter()
        .filter(|w| w.contains("apt-get install tesseract-ocr tesseract-ocr-dan"))
        .collect();
    assert_eq!(hint.len(), 1, "{:?}", record.warnings);
}
